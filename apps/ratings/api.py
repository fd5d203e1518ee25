"""JSON endpoints of the civil-servant ratings (Nghị định 335/2025): one person's sheet of a period with every
product, the points it brought and what lowered them, each linked to its occurrence in the task register; and the
agency's table of the period with the distribution of grades and the cap on "xuất sắc" per task group.

The same sheets and rules as the pages: a person the caller may not see (another agency's included) is a 404,
the agency's table is for its head and focal point (403 for the agency's other people, 404 outside it), a period
that is not a month, a quarter or a year a 422. A decided rating shows the figures and products frozen then."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from apps.core.ids import Id
from apps.organizations.selectors import agency_list_for_user
from domain.periods import Period

from . import selectors
from .choices import TaskGroup
from .documents import frozen_products
from .exports import sheet_note
from .selectors import caps, default_period, distribution
from .sheets import PersonSheet, agency_sheets, person_sheet, rating_period

router = Router(tags=["Đánh giá, xếp loại công chức"])

Points = Decimal | None


class PeriodQuery(Schema):
    period: str | None = Field(
        None,
        max_length=8,
        description="Kỳ đánh giá: một tháng (2026-03), một quý (2026-Q1) hoặc một năm (2026); bỏ trống: tháng "
        "vừa kết thúc.",
        examples=["2026-03"],
    )


class ProductOut(Schema):
    key: str = Field(
        description="Sản phẩm trong sổ: “occurrence:ID” (kỳ nhiệm vụ) hoặc “extra:ID” (việc phát sinh)."
    )
    source: str = Field(description="“occurrence”: kỳ nhiệm vụ của kế hoạch; “extra”: việc phát sinh.")
    source_id: int | None = Field(description="Mã kỳ nhiệm vụ hoặc việc phát sinh.")
    title: str = Field(description="Sản phẩm, công việc.")
    plan: str = Field(description="Kế hoạch chứa nhiệm vụ (“Việc phát sinh” cho việc ngoài kế hoạch).")
    url: str = Field(description="Đường dẫn đến kỳ nhiệm vụ (hoặc việc phát sinh) đã tạo ra điểm này.")
    due_on: date | None = Field(description="Hạn.")
    completed_on: date | None = Field(description="Ngày hoàn thành (trống: chưa hoàn thành).")
    accepted_on: date | None = Field(description="Ngày nghiệm thu đạt yêu cầu (trống: chưa nghiệm thu).")
    returned: int | None = Field(description="Số lần bị trả lại vì sai sót lớn (trống với số liệu đã khóa).")
    days_late: int = Field(description="Số ngày hoàn thành sau hạn.")
    units: Decimal = Field(description="Khối lượng quy đổi (mặc định 1).")
    quantity: Decimal = Field(description="Phần đóng góp vào số lượng (a), theo đơn vị quy đổi.")
    quality: Decimal = Field(
        description="Phần đóng góp vào chất lượng (b): trừ 25% mỗi lần trả lại vì sai sót lớn."
    )
    timeliness: Decimal = Field(description="Phần đóng góp vào tiến độ (c): trừ 25% mỗi lần chậm.")
    exempt_reason: str = Field(description="Nguyên nhân khách quan được cấp trên xác nhận (không bị trừ).")
    losses: list[str] = Field(description="Điều làm giảm điểm của sản phẩm, bằng lời.")


class FiguresOut(Schema):
    person_id: int = Field(description="Mã cán bộ.")
    person: str = Field(description="Họ và tên.")
    position: str = Field(description="Chức vụ.")
    unit: str = Field(description="Đơn vị.")
    task_group: str = Field(description="Nhóm nhiệm vụ tính tỷ lệ xuất sắc: “staff” hoặc “leader”.")
    status: str = Field(description="Trạng thái: draft, self_assessed, scored, decided.")
    status_label: str = Field(description="Trạng thái bằng lời.")
    decided: bool = Field(description="Đã được thủ trưởng quyết định và khóa: số liệu là số liệu đã khóa.")
    products: int = Field(description="Số sản phẩm có hạn trong kỳ.")
    quantity: Points = Field(description="a — số lượng (%).")
    quality: Points = Field(description="b — chất lượng (%).")
    timeliness: Points = Field(description="c — tiến độ (%).")
    task_points: Points = Field(description="Điểm kết quả thực hiện nhiệm vụ (tối đa 70).")
    general_points: Points = Field(
        description="Điểm tiêu chí chung (tối đa 30): của trưởng đơn vị, hoặc tự chấm."
    )
    general_is_self: bool = Field(description="Điểm tiêu chí chung mới là điểm tự chấm.")
    total: Points = Field(description="Tổng điểm (tối đa 100).")
    computed_grade: str = Field(
        description="Mức theo điểm và vi phạm: excellent, good, completed, not_completed."
    )
    grade: str = Field(description="Xếp loại sau khi áp tỷ lệ xuất sắc (mã), trống khi chưa xếp loại.")
    grade_label: str = Field(description="Xếp loại bằng lời.")
    note: str = Field(description="Ghi chú: vì sao tỷ lệ chuyển xếp loại, điểm còn tạm tính…")


class PersonSheetOut(FiguresOut):
    agency_id: int = Field(description="Mã cơ quan.")
    period: str = Field(description="Kỳ đánh giá (2026-03, 2026-Q1, 2026).")
    period_label: str = Field(description="Kỳ đánh giá bằng lời (Tháng 03/2026).")
    explanation: str = Field(description="Cách tính điểm kết quả nhiệm vụ.")
    self_general: Points = Field(description="Điểm tiêu chí chung tự chấm.")
    self_comment: str = Field(description="Tự nhận xét.")
    general_reason: str = Field(description="Lý do trưởng đơn vị chấm tiêu chí chung.")
    grade_note: str = Field(description="Giải thích xếp loại (mức điểm, vi phạm, tỷ lệ xuất sắc).")
    caveats: list[str] = Field(description="Lưu ý về cách tính (tham số chưa đối chiếu…).")
    items: list[ProductOut] = Field(description="Từng sản phẩm, điểm mang lại và điều làm giảm điểm.")


class GradeCountOut(Schema):
    grade: str = Field(description="Mã xếp loại.")
    label: str = Field(description="Xếp loại bằng lời.")
    count: int = Field(description="Số người.")


class CapOut(Schema):
    task_group: str = Field(description="Nhóm nhiệm vụ.")
    label: str = Field(description="Nhóm nhiệm vụ bằng lời.")
    rated: int = Field(description="Số người được xếp loại.")
    good_or_better: int = Field(description="Số người từ “hoàn thành tốt” trở lên (cơ sở tính tỷ lệ).")
    proposed_excellent: int = Field(description="Số người đủ điểm “hoàn thành xuất sắc”.")
    allowed: int = Field(description="Số người được xếp “hoàn thành xuất sắc” tối đa.")
    moved: int = Field(description="Số người chuyển xuống “hoàn thành tốt” vì vượt tỷ lệ.")


class AgencySheetOut(Schema):
    agency_id: int = Field(description="Mã cơ quan.")
    agency_code: str = Field(description="Mã viết tắt của cơ quan.")
    agency_name: str = Field(description="Tên cơ quan.")
    period: str = Field(description="Kỳ đánh giá (2026-03, 2026-Q1, 2026).")
    period_label: str = Field(description="Kỳ đánh giá bằng lời.")
    people: list[FiguresOut] = Field(description="Số liệu của từng người đang công tác.")
    distribution: list[GradeCountOut] = Field(description="Số người theo từng mức xếp loại (sau tỷ lệ).")
    unrated: int = Field(
        description="Số người chưa xếp loại (chưa có sản phẩm hoặc chưa có điểm tiêu chí chung)."
    )
    caps: list[CapOut] = Field(description="Tỷ lệ “hoàn thành xuất sắc” theo nhóm nhiệm vụ.")


def _period(code: str | None) -> Period:
    if not code:
        return default_period()
    try:
        return rating_period(code)
    except ValidationError as error:
        raise ValidationError({"period": error.messages}) from error


def _source(key: str) -> tuple[str, int | None]:
    source, _, number = key.partition(":")
    return source, int(number) if number.isdigit() else None


def _figures(sheet: PersonSheet) -> dict[str, Any]:
    person, rating, task = sheet.person, sheet.rating, sheet.task
    decided = rating is not None and rating.is_decided
    if decided and rating is not None and rating.evidence:
        count = len(rating.evidence)
    else:
        count = len(sheet.products)
    return {
        "person_id": person.pk,
        "person": person.full_name,
        "position": person.position,
        "unit": person.unit.name if person.unit_id and person.unit else "",
        "task_group": rating.task_group if rating is not None else TaskGroup.STAFF.value,
        "status": rating.status if rating is not None else "draft",
        "status_label": sheet.status_label,
        "decided": decided,
        "products": count,
        "quantity": task.a if task else None,
        "quality": task.b if task else None,
        "timeliness": task.c if task else None,
        "task_points": task.points if task else None,
        "general_points": sheet.general,
        "general_is_self": sheet.general_is_self,
        "total": sheet.total,
        "computed_grade": sheet.grade.code if sheet.grade else "",
        "grade": sheet.final_grade,
        "grade_label": sheet.final_label,
        "note": sheet_note(sheet),
    }


def _items(sheet: PersonSheet) -> list[dict[str, Any]]:
    rating = sheet.rating
    if rating is not None and rating.is_decided and rating.evidence:
        frozen = frozen_products(sheet) or []
        items = []
        for line, kept in zip(frozen, rating.evidence, strict=True):
            source, source_id = _source(str(kept.get("key", "")))
            late = (line.completed_on - line.due_on).days if line.completed_on and line.due_on else 0
            items.append(
                {
                    "key": str(kept.get("key", "")),
                    "source": source,
                    "source_id": source_id,
                    "title": line.title,
                    "plan": str(kept.get("plan", "")),
                    "url": str(kept.get("url", "")),
                    "due_on": line.due_on,
                    "completed_on": line.completed_on,
                    "accepted_on": line.accepted_on,
                    "returned": kept.get("returned"),
                    "days_late": max(0, late),
                    "units": line.units,
                    "quantity": line.quantity,
                    "quality": line.quality,
                    "timeliness": line.timeliness,
                    "exempt_reason": str(kept.get("exempt_reason", "")),
                    "losses": list(line.losses),
                }
            )
        return items
    return [
        {
            "key": p.product.key,
            "source": p.source,
            "source_id": p.source_id,
            "title": p.product.title,
            "plan": p.plan,
            "url": p.url,
            "due_on": p.due_on,
            "completed_on": p.completed_on,
            "accepted_on": p.accepted_on,
            "returned": p.returned,
            "days_late": p.days_late,
            "units": p.product.units,
            "quantity": s.quantity,
            "quality": s.quality,
            "timeliness": s.timeliness,
            "exempt_reason": p.exempt_reason,
            "losses": list(s.losses),
        }
        for p, s in zip(sheet.products, sheet.scores, strict=True)
    ]


@router.get(
    "/ratings/people/{person_id}",
    response=PersonSheetOut,
    summary="Phiếu đánh giá của một cán bộ trong một kỳ, với từng sản phẩm và điểm",
    description="Chính người đó, trưởng đơn vị của họ, thủ trưởng và đầu mối của cơ quan xem được; người khác "
    "(cả cơ quan khác) nhận 404. Kỳ đã quyết định trả về số liệu và sản phẩm đã khóa.",
)
def person_get(request: HttpRequest, person_id: Id, filters: Query[PeriodQuery]) -> dict[str, Any]:
    person = selectors.person_by_pk(person_id)
    if person is None or not request.user.has_perm("ratings.view_person", person):
        raise Http404("Không tìm thấy cán bộ.")
    period = _period(filters.period)
    sheet = person_sheet(person, period)
    rating = sheet.rating
    return {
        **_figures(sheet),
        "agency_id": person.agency_id,
        "period": period.code,
        "period_label": period.label,
        "explanation": sheet.task.explanation if sheet.task else "",
        "self_general": rating.self_general if rating is not None else None,
        "self_comment": rating.self_comment if rating is not None else "",
        "general_reason": rating.general_reason if rating is not None else "",
        "grade_note": sheet.final_note,
        "caveats": list(sheet.caveats),
        "items": _items(sheet),
    }


@router.get(
    "/ratings/agencies/{agency_id}",
    response=AgencySheetOut,
    summary="Bảng xếp loại của cơ quan trong một kỳ: số liệu từng người, phân bố, tỷ lệ xuất sắc",
    description="Thủ trưởng và đầu mối của chính cơ quan xem được; người khác của cơ quan nhận 403, ngoài cơ "
    "quan nhận 404.",
)
def agency_get(request: HttpRequest, agency_id: Id, filters: Query[PeriodQuery]) -> dict[str, Any]:
    agency = selectors.agency_by_pk(agency_id)
    if agency is None:
        raise Http404("Không tìm thấy cơ quan.")
    if not request.user.has_perm("ratings.view_agency", agency):
        if agency_list_for_user(user=request.user).filter(pk=agency.pk).exists():
            raise PermissionDenied("Chỉ thủ trưởng và đầu mối của cơ quan xem được kết quả toàn cơ quan.")
        raise Http404("Không tìm thấy cơ quan.")
    period = _period(filters.period)
    sheets = agency_sheets(agency, period)
    counts = distribution(sheets)
    return {
        "agency_id": agency.pk,
        "agency_code": agency.code,
        "agency_name": agency.name,
        "period": period.code,
        "period_label": period.label,
        "people": [_figures(sheet) for sheet in sheets],
        "distribution": [{"grade": code, "label": label, "count": count} for code, label, count in counts],
        "unrated": len(sheets) - sum(count for _, _, count in counts),
        "caps": [
            {
                "task_group": cap.group,
                "label": cap.label,
                "rated": cap.rated,
                "good_or_better": cap.good_or_better,
                "proposed_excellent": cap.proposed_excellent,
                "allowed": cap.allowed,
                "moved": cap.moved,
            }
            for cap in caps(agency, sheets)
        ],
    }
