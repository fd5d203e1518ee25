"""Writes of criteria sets: copy a set forward to a new year, edit one criterion, put a set in force, load a
sample set. Each in one transaction; a set on which an assessment has started (`locked`) is never changed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.throttle import bucket_key, hit
from apps.core.uploads import Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.indicators.models import Indicator
from apps.organizations.models import Agency
from domain.scoring.rule_dicts import rule_from_dict, rule_to_dict
from domain.scoring.table_files import ImportFileError, read_table_rows
from domain.scoring.table_import import TableImport, import_criteria_table
from domain.scoring.tree import Method
from domain.scoring.values import RuleError

from .choices import SetLevel, SetStatus
from .models import CriteriaSet, Criterion
from .selectors import set_tree

LOCKED = (
    "Bộ tiêu chí đã có cơ quan bắt đầu tự đánh giá nên không sửa được nữa; "
    "hãy sao chép sang một bộ mới để điều chỉnh."
)


def _refuse_if_locked(criteria_set: CriteriaSet) -> None:
    if criteria_set.locked:
        raise ValidationError(LOCKED, code="locked")


@transaction.atomic
def criteria_set_copy_forward(
    *, source: CriteriaSet, year: int, agency: Agency | None = None, name: str = ""
) -> CriteriaSet:
    """A draft copy of `source` for `year`, in `agency` (a sample set's copy goes to a province), based on it."""
    agency = agency if agency is not None else source.agency
    if agency is None:
        raise ValidationError("Hãy chọn tỉnh nhận bản sao của bộ tiêu chí mẫu.")
    if agency.parent_id is not None:
        raise ValidationError("Bộ tiêu chí thuộc cấp tỉnh: hãy chọn UBND tỉnh.")
    if source.agency_id not in (None, agency.pk):
        raise ValidationError("Chỉ sao chép được bộ tiêu chí mẫu hoặc bộ tiêu chí của chính tỉnh.")
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": "Năm áp dụng phải từ 2000 đến 2100."})
    base_name = (
        source.name.replace(str(source.year), str(year)) if str(source.year) in source.name else source.name
    )
    copy = CriteriaSet.objects.create(
        name=(name.strip() or base_name)[:255],
        agency=agency,
        year=year,
        level=source.level,
        status=SetStatus.DRAFT,
        total_points=source.total_points,
        is_sample=False,
        based_on=source,
        sources=source.sources,
    )
    new_ids: dict[int, Criterion] = {}
    for row in Criterion.objects.filter(criteria_set=source).order_by("order", "pk"):
        # Parents come before their children in the set's order only by convention: resolve them afterwards.
        new_ids[row.pk] = Criterion.objects.create(
            criteria_set=copy,
            code=row.code,
            order=row.order,
            title=row.title,
            max_points=row.max_points,
            method=row.method,
            evidence=row.evidence,
            guide=row.guide,
            rule=row.rule,
            unverified=row.unverified,
            source=row.source,
        )
    for row in Criterion.objects.filter(criteria_set=source, parent__isnull=False):
        child = new_ids[row.pk]
        child.parent = new_ids[row.parent_id]  # type: ignore[index]
        child.save(update_fields=["parent"])
    return copy


def _clean_rule(rule: Any, max_points: Decimal | None) -> dict[str, object] | None:
    if rule in (None, "", {}):
        return None
    if not isinstance(rule, dict):
        raise ValidationError(
            {"rule": 'Quy tắc chấm phải là một bảng tham số JSON, ví dụ {"kind": "yes_no"}.'}
        )
    try:
        parsed = rule_from_dict(rule)
    except RuleError as error:
        raise ValidationError({"rule": str(error)}) from None
    problems = parsed.problems(max_points if max_points is not None else Decimal(0))
    if problems:
        raise ValidationError({"rule": problems})
    return rule_to_dict(parsed)


@transaction.atomic
def criterion_update(
    *,
    criterion: Criterion,
    title: str,
    max_points: Decimal | None,
    method: str,
    evidence: str = "",
    guide: str = "",
    rule: Any = None,
    unverified: bool = False,
    source: str = "",
    expected_version: int | None = None,
) -> Criterion:
    """One criterion's text, points, method and rule; the rule is read by the engine and refused with its
    Vietnamese reason when it cannot be used."""
    criterion = Criterion.objects.select_for_update().select_related("criteria_set").get(pk=criterion.pk)
    version_check(criterion, expected_version)
    _refuse_if_locked(criterion.criteria_set)
    errors: dict[str, Any] = {}
    if not title.strip():
        errors["title"] = "Hãy nhập tên tiêu chí."
    if max_points is not None and max_points < 0:
        errors["max_points"] = "Điểm tối đa không được âm."
    if method not in {m.value for m in Method}:
        errors["method"] = "Phương pháp chấm không hợp lệ."
    if source and not Indicator.objects.filter(code=source).exists():
        errors["source"] = f"Không có chỉ số “{source}” trong danh mục."
    if errors:
        raise ValidationError(errors)
    cleaned_rule = _clean_rule(rule, max_points)
    criterion.title = title.strip()
    criterion.max_points = max_points
    criterion.method = method
    criterion.evidence = evidence.strip()
    criterion.guide = guide.strip()
    criterion.rule = cleaned_rule
    criterion.unverified = unverified
    criterion.source = source
    versioned_save(criterion, expected_version=expected_version)
    return criterion


@transaction.atomic
def criteria_set_put_in_force(
    *, criteria_set: CriteriaSet, expected_version: int | None = None
) -> CriteriaSet:
    """Put a province's set in force once the engine finds no problem in it; the set in force before it for the
    same province, level and year is retired."""
    criteria_set = CriteriaSet.objects.select_for_update().get(pk=criteria_set.pk)
    version_check(criteria_set, expected_version)
    _refuse_if_locked(criteria_set)
    if criteria_set.agency_id is None:
        raise ValidationError("Bộ tiêu chí mẫu không áp dụng trực tiếp: hãy sao chép cho tỉnh rồi áp dụng.")
    if criteria_set.status == SetStatus.IN_FORCE:
        raise ValidationError("Bộ tiêu chí này đang được áp dụng.")
    problems = set_tree(criteria_set=criteria_set).problems
    if problems:
        raise ValidationError(["Chưa áp dụng được: bộ tiêu chí còn lỗi.", *problems])
    for previous in CriteriaSet.objects.select_for_update().filter(
        agency_id=criteria_set.agency_id,
        level=criteria_set.level,
        year=criteria_set.year,
        status=SetStatus.IN_FORCE,
    ):
        previous.status = SetStatus.RETIRED
        versioned_save(previous)
    criteria_set.status = SetStatus.IN_FORCE
    versioned_save(criteria_set, expected_version=expected_version)
    return criteria_set


def _date(value: Any) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ValidationError(f"Ngày ban hành “{value}” không hợp lệ.") from None


@transaction.atomic
def criteria_set_load(*, data: dict[str, Any], agency: Agency | None = None) -> CriteriaSet:
    """A set from its plain JSON form (a sample file in `samples/`): the header and a flat list of criteria,
    each naming its parent's code. Refused whole when a code repeats or a parent or rule is unknown."""
    level = str(data.get("level", ""))
    if level not in SetLevel.values:
        raise ValidationError(f"Cấp áp dụng “{level}” không hợp lệ (so hoặc xa).")
    criteria_set = CriteriaSet.objects.create(
        name=str(data["name"])[:255],
        decision_number=str(data.get("decision_number", "")),
        decision_date=_date(data.get("decision_date")),
        agency=agency,
        year=int(data["year"]),
        level=level,
        total_points=Decimal(str(data["total_points"])) if data.get("total_points") is not None else None,
        is_sample=bool(data.get("is_sample", agency is None)),
        sources=str(data.get("sources", "")),
    )
    by_code: dict[str, Criterion] = {}
    for order, item in enumerate(data.get("criteria", []), 1):
        code = str(item["code"])
        if code in by_code:
            raise ValidationError(f"Mã tiêu chí {code} bị lặp.")
        parent_code = item.get("parent")
        if parent_code and parent_code not in by_code:
            raise ValidationError(f"Tiêu chí {code}: không có tiêu chí cha {parent_code} đứng trước nó.")
        max_points = None if item.get("max_points") is None else Decimal(str(item["max_points"]))
        by_code[code] = Criterion.objects.create(
            criteria_set=criteria_set,
            code=code,
            parent=by_code[parent_code] if parent_code else None,
            order=order,
            title=str(item["title"]),
            max_points=max_points,
            method=str(item.get("method", Method.SELF_ASSESSED.value)),
            evidence=str(item.get("evidence", "")),
            guide=str(item.get("guide", "")),
            rule=_clean_rule(item.get("rule"), max_points),
            unverified=bool(item.get("unverified", False)),
            source=str(item.get("source", ""))[:64],
        )
    return criteria_set


def criteria_table_read(*, data: Any, filename: str) -> TableImport:
    """A province's criteria table (.xlsx, .csv or a .docx with the table) read into a tree, with its problems.

    ``data``: the file's bytes or an uploaded file, which the gate judges before it is read whole. The file
    passes the upload gate first (a Word file by the plan rule, a sheet by the table rule); a file it refuses
    raises `UploadRefused`, an unreadable table is an error of the result. Nothing is saved."""
    use = Use.PLAN if filename.lower().endswith(".docx") else Use.TABLE
    checked = upload_check(data, use=use, name=filename, field="file")
    try:
        rows = read_table_rows(checked.read(), filename)
    except ImportFileError as error:
        return TableImport((), None, errors=(str(error),))
    return import_criteria_table(rows)


@transaction.atomic
def criteria_set_import(
    *,
    table: TableImport,
    name: str,
    level: str,
    year: int,
    province: Agency | None,
    decision_number: str = "",
    decision_date: date | None = None,
) -> CriteriaSet:
    """A new draft set from a table read by `criteria_table_read`; refused whole while the table has errors."""
    if table.errors or not table.criteria:
        raise ValidationError(
            "Bảng tiêu chí còn lỗi nên chưa tạo bộ tiêu chí: " + " ".join(table.errors or ("bảng trống.",))
        )
    if not 2000 <= year <= 2100:
        raise ValidationError(f"Năm áp dụng {year} không hợp lệ.")
    if province is not None and province.parent_id is not None:
        raise ValidationError("Bộ tiêu chí thuộc cấp tỉnh: hãy chọn UBND tỉnh.")
    shape = table.to_json()
    return criteria_set_load(
        data={
            "name": name,
            "level": level,
            "year": year,
            "decision_number": decision_number,
            "decision_date": decision_date,
            "total_points": shape["total_points"],
            "is_sample": False,
            "criteria": shape["criteria"],
        },
        agency=province,
    )


ALREADY_SAVED = "Bảng tiêu chí này đã được lưu thành bộ tiêu chí; không tạo thêm bộ nào."


@transaction.atomic
def criteria_set_import_once(
    *,
    token: str,
    table: TableImport,
    name: str,
    level: str,
    year: int,
    province: Agency,
    decision_number: str = "",
    decision_date: date | None = None,
) -> CriteriaSet:
    """`criteria_set_import` for the preview page's one-time token. The token is claimed in the same transaction
    as the set is made, on the counter every server process shares (the rate limiter's), so a form posted twice,
    even at the same moment, makes one set; an import refused for its errors leaves the token unclaimed."""
    if not hit(bucket_key("scoring-import", token), limit=1, window=24 * 3600):
        raise ValidationError(ALREADY_SAVED, code="already_saved")
    return criteria_set_import(
        table=table,
        name=name,
        level=level,
        year=year,
        province=province,
        decision_number=decision_number,
        decision_date=decision_date,
    )
