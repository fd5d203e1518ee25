"""Writes of the ratings the titles rest on (AnnualRating): taken from apps.ratings where a person's year is
decided there, entered by hand, or imported from a spreadsheet (every row or none)."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from apps.core.uploads import Use, upload_check
from apps.organizations.models import Agency, Person, Unit
from apps.ratings.choices import RatingStatus
from apps.ratings.models import Rating
from domain.spreadsheet_text import safe_row
from domain.vntext import fold

from ..choices import DisciplineMeasure, Grade, RatingSource
from ..models import AnnualRating
from . import MANAGE

# The import sheet's columns: key, header, required.
COLUMNS = (
    ("year", "Năm", True),
    ("name", "Họ và tên", True),
    ("unit", "Đơn vị", False),
    ("grade", "Xếp loại", True),
    ("discipline", "Kỷ luật trong năm", False),
    ("pending", "Đang xem xét kỷ luật, thanh tra, khiếu nại", False),
)
_GRADE_WORDS = (
    {fold(str(label)): code for code, label in Grade.choices}
    | {
        "hoan thanh xuat sac": Grade.EXCELLENT,
        "xuat sac": Grade.EXCELLENT,
        "hoan thanh tot": Grade.GOOD,
        "tot": Grade.GOOD,
        "hoan thanh": Grade.COMPLETED,
        "khong hoan thanh": Grade.NOT_COMPLETED,
    }
    | {code: code for code in Grade.values}
)
_DISCIPLINE_WORDS = {fold(str(label)): code for code, label in DisciplineMeasure.choices} | {
    code: code for code in DisciplineMeasure.values
}


def _require(user: Any, agency: Agency) -> None:
    if not user.has_perm(MANAGE, agency):
        raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan nhập xếp loại làm căn cứ khen thưởng.")


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


@transaction.atomic
def annual_ratings_from_ratings(*, user: Any, agency: Agency, year: int) -> int:
    """Every person whose year is decided in "Đánh giá, xếp loại" (a rating of period ``year``, decided, with a
    grade): their grade becomes the year's rating here. Disciplines and pending reviews entered here stay."""
    _require(user, agency)
    decided = Rating.objects.filter(
        agency=agency, period=str(year), status=RatingStatus.DECIDED, person__isnull=False
    ).exclude(grade="")
    count = 0
    for rating in decided.select_related("person"):
        if rating.grade not in Grade.values:
            continue
        AnnualRating.objects.update_or_create(
            year=year,
            person=rating.person,
            defaults={
                "agency": agency,
                "grade": rating.grade,
                "source": RatingSource.RATINGS,
                "rating": rating,
                "entered_by": _user(user),
            },
        )
        count += 1
    return count


def _check(agency: Agency, person: Person | None, unit: Unit | None, grade: str, discipline: str) -> None:
    if grade not in Grade.values:
        raise ValidationError({"grade": "Xếp loại không hợp lệ."})
    if discipline and discipline not in DisciplineMeasure.values:
        raise ValidationError({"discipline": "Hình thức kỷ luật không hợp lệ."})
    if person is not None and person.agency_id != agency.pk:
        raise ValidationError({"person": "Người này không thuộc cơ quan."})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan."})
    if person is not None and unit is not None:
        raise ValidationError("Chọn một cá nhân hoặc một tập thể, không chọn cả hai.")


@transaction.atomic
def annual_rating_save(
    *,
    user: Any,
    agency: Agency,
    year: int,
    grade: str,
    person: Person | None = None,
    unit: Unit | None = None,
    discipline: str = "",
    discipline_note: str = "",
    pending_review: str = "",
) -> AnnualRating:
    """A person's, a unit's (collective) or — with neither — the agency's own rating of ``year``, entered by
    hand; entering it again replaces it."""
    _require(user, agency)
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": f"Năm {year} không hợp lệ."})
    _check(agency, person, unit, grade, discipline)
    lookup: dict[str, Any] = {"year": year, "agency": agency}
    if person is not None:
        lookup = {"year": year, "person": person}
    elif unit is not None:
        lookup = {"year": year, "unit": unit}
    else:
        lookup |= {"person__isnull": True, "unit__isnull": True}
    rating, _ = AnnualRating.objects.update_or_create(
        **lookup,
        defaults={
            "agency": agency,
            "person": person,
            "unit": unit,
            "grade": grade,
            "discipline": discipline,
            "discipline_note": discipline_note.strip(),
            "pending_review": pending_review.strip(),
            "source": RatingSource.ENTERED,
            "rating": None,
            "entered_by": _user(user),
        },
    )
    return rating


def import_template_xlsx() -> bytes:
    """The sheet to fill: one row per person and year, and a guide to the values each column takes."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Xếp loại"
    sheet.append([header for _, header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.append(safe_row([2025, "Nguyễn Văn A", "Văn phòng", "Hoàn thành tốt nhiệm vụ", "", ""]))
    for column in "ABCDEF":
        sheet.column_dimensions[column].width = 30
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    notes = {
        "year": "Năm xếp loại, ví dụ 2025.",
        "name": "Họ và tên như trong danh sách cán bộ của cơ quan.",
        "unit": "Tên phòng, đơn vị (để phân biệt người trùng tên).",
        "grade": "Một trong: " + "; ".join(str(label) for _, label in Grade.choices) + ".",
        "discipline": "Để trống, hoặc một trong: "
        + "; ".join(str(label) for _, label in DisciplineMeasure.choices)
        + ".",
        "pending": "Để trống, hoặc ghi việc đang xem xét kỷ luật, thanh tra, giải quyết khiếu nại.",
    }
    for key, header, required in COLUMNS:
        guide.append(safe_row([header, "Có" if required else "Không", notes[key]]))
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _cell(row: list[Any], index: int | None) -> str:
    if index is None or index >= len(row) or row[index] is None:
        return ""
    value = row[index]
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def annual_ratings_import_xlsx(*, user: Any, agency: Agency, uploaded: Any) -> int:
    """Every row of the sheet or none; each refused row is named with its reason in Vietnamese."""
    _require(user, agency)
    checked = upload_check(uploaded, use=Use.TABLE, field="file")
    if checked.extension != "xlsx":
        raise ValidationError({"file": "Hãy tải lên tệp Excel .xlsx theo mẫu."})
    try:
        workbook = load_workbook(checked.file, read_only=True, data_only=True)
        values = [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    except Exception as error:
        raise ValidationError({"file": "Không đọc được tệp Excel."}) from error
    if not values:
        raise ValidationError({"file": "Tệp không có dữ liệu."})
    headers = {fold(_cell(values[0], i)): i for i in range(len(values[0]))}
    index: dict[str, int | None] = {}
    missing = []
    for key, header, required in COLUMNS:
        index[key] = headers.get(fold(header))
        if index[key] is None and required:
            missing.append(header)
    if missing:
        raise ValidationError(
            f"Thiếu cột {', '.join(f'“{name}”' for name in missing)} ở dòng tiêu đề; hãy dùng tệp mẫu."
        )
    people: dict[str, list[Person]] = {}
    for person in Person.objects.filter(agency=agency).select_related("unit"):
        people.setdefault(fold(person.full_name), []).append(person)
    problems: list[str] = []
    rows = []
    for number, row in enumerate(values[1:], start=2):
        if not any(_cell(row, i) for i in range(len(row))):
            continue
        where = f"Dòng {number}: "
        year_text, name, unit_name = (
            _cell(row, index["year"]),
            _cell(row, index["name"]),
            _cell(row, index["unit"]),
        )
        grade = _GRADE_WORDS.get(fold(_cell(row, index["grade"])).rstrip(" ."))
        discipline_text = _cell(row, index["discipline"])
        discipline = _DISCIPLINE_WORDS.get(fold(discipline_text)) if discipline_text else ""
        if not year_text.isdigit() or not 2000 <= int(year_text) <= 2100:
            problems.append(f"{where}năm “{year_text}” không hợp lệ.")
            continue
        matches = people.get(fold(name), [])
        if unit_name:
            matches = [p for p in matches if p.unit is not None and fold(p.unit.name) == fold(unit_name)]
        if not matches:
            problems.append(
                f"{where}không có người tên “{name}”{f' ở {unit_name}' if unit_name else ''} trong cơ quan."
            )
            continue
        if len(matches) > 1:
            problems.append(f"{where}có {len(matches)} người tên “{name}”; ghi thêm đơn vị để phân biệt.")
            continue
        if grade is None:
            problems.append(
                f"{where}xếp loại “{_cell(row, index['grade'])}” không hợp lệ (hoàn thành xuất sắc / tốt / "
                "hoàn thành / không hoàn thành nhiệm vụ)."
            )
            continue
        if discipline is None:
            problems.append(f"{where}hình thức kỷ luật “{discipline_text}” không hợp lệ.")
            continue
        rows.append((int(year_text), matches[0], grade, discipline, _cell(row, index["pending"])))
    if problems:
        raise ValidationError(problems)
    if not rows:
        raise ValidationError({"file": "Tệp không có dòng xếp loại nào."})
    with transaction.atomic():
        for year, person, grade, discipline, pending in rows:
            AnnualRating.objects.update_or_create(
                year=year,
                person=person,
                defaults={
                    "agency": agency,
                    "grade": grade,
                    "discipline": discipline,
                    "pending_review": pending,
                    "source": RatingSource.IMPORTED,
                    "rating": None,
                    "entered_by": _user(user),
                },
            )
    return len(rows)
