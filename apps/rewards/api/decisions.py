"""JSON endpoints of reward decisions, the rewards register and a person's history: the same selectors as the
pages, so another agency's records are a 404 (or absent from a list)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from apps.core.ids import Id, parse_id
from apps.organizations.models import Agency
from domain.rewards import prizes

from ..choices import AwardFormChoice, SubjectChoice
from ..models import Award, RewardDecision
from ..selectors import decisions as decision_selectors
from ..selectors import register as register_selectors
from ..selectors.common import agency_for_user

router = Router()


class AwardOut(Schema):
    id: int | None = Field(description="Mã khen thưởng trong sổ (trống với dòng của dự thảo).")
    year: int = Field(description="Năm thành tích.")
    form: str = Field(description="Mã danh hiệu, hình thức (lao_dong_tien_tien, giay_khen …).")
    form_label: str = Field(description="Danh hiệu, hình thức bằng lời.")
    subject: str = Field(description="person (cá nhân) hoặc collective (tập thể).")
    recipient: str = Field(description="Họ tên cá nhân hoặc tên tập thể.")
    person_id: int | None = Field(description="Mã cán bộ (khen thưởng cá nhân).")
    unit_id: int | None = Field(description="Mã đơn vị (khen thưởng tập thể đơn vị).")
    nomination_id: int | None = Field(description="Mã đề nghị khen thưởng.")
    decision_id: int | None = Field(description="Mã quyết định (trống với khen thưởng nhập từ sổ giấy).")
    decision: str = Field(description="Số quyết định, hoặc quyết định ghi từ sổ giấy.")
    decided_on: date | None = Field(description="Ngày quyết định.")
    achievement: str = Field(description="Thành tích.")
    prize_amount: Decimal | None = Field(description="Tiền thưởng (đồng).")
    prize_paid: bool = Field(
        description="Được chi tiền thưởng (chỉ danh hiệu cao nhất của một năm được chi)."
    )


class DecisionOut(Schema):
    id: int = Field(description="Mã quyết định.")
    agency_id: int = Field(description="Mã cơ quan ra quyết định.")
    number: str = Field(description="Số, ký hiệu (trống khi còn dự thảo).")
    signed_on: date = Field(description="Ngày ký (ngày dự kiến khi còn dự thảo).")
    title: str = Field(description="Trích yếu.")
    status: str = Field(description="draft (dự thảo) hoặc issued (đã ban hành).")
    status_label: str = Field(description="Trạng thái bằng lời.")
    session_id: int | None = Field(description="Phiên họp Hội đồng đã bỏ phiếu.")
    base_salary: Decimal | None = Field(description="Mức lương cơ sở áp dụng (đồng).")
    signer: str = Field(description="Người ký.")


class DecisionDetailOut(DecisionOut):
    awards: list[AwardOut] = Field(description="Danh sách khen thưởng với tiền thưởng.")
    total: Decimal = Field(description="Tổng tiền thưởng (đồng).")
    problem: str = Field(description="Vì sao chưa tính được tiền thưởng (ví dụ thiếu mức lương cơ sở).")


class NominationBriefOut(Schema):
    id: int = Field(description="Mã đề nghị.")
    year: int = Field(description="Năm.")
    form: str = Field(description="Mã danh hiệu, hình thức.")
    status: str = Field(description="Trạng thái của đề nghị.")
    eligible: bool | None = Field(description="Đủ điều kiện khi kiểm tra (trống: chưa kiểm tra).")


class HistoryOut(Schema):
    name: str = Field(description="Họ và tên.")
    agency_id: int = Field(description="Mã cơ quan.")
    awards: list[AwardOut] = Field(description="Mọi khen thưởng qua các năm, năm mới nhất trước.")
    nominations: list[NominationBriefOut] = Field(description="Các đề nghị khen thưởng.")


class DecisionQuery(Schema):
    agency: Id | None = Field(None, description="Mã cơ quan; bỏ trống: mọi cơ quan người dùng được xem.")


class AwardQuery(DecisionQuery):
    year: int | None = Field(None, ge=2000, le=2100, description="Năm thành tích.")
    form: AwardFormChoice | None = Field(None, description="Danh hiệu, hình thức.")
    subject: SubjectChoice | None = Field(None, description="Cá nhân hoặc tập thể.")
    unit: Id | None = Field(
        None, description="Mã đơn vị: khen thưởng của tập thể đơn vị và của người trong đơn vị."
    )


def _agency(request: HttpRequest, pk: int | None) -> Agency | None:
    if pk is None:
        return None
    return agency_for_user(user=request.user, pk=parse_id(pk), fallback=None)


def _decision(decision: RewardDecision) -> dict[str, Any]:
    return {
        "id": decision.pk,
        "agency_id": decision.agency_id,
        "number": decision.number,
        "signed_on": decision.signed_on,
        "title": decision.title,
        "status": decision.status,
        "status_label": decision.get_status_display(),
        "session_id": decision.session_id,
        "base_salary": decision.base_salary,
        "signer": decision.signer.full_name if decision.signer else "",
    }


def _award(award: Award) -> dict[str, Any]:
    return {
        "id": award.pk,
        "year": award.year,
        "form": award.form,
        "form_label": award.get_form_display(),
        "subject": award.subject,
        "recipient": award.recipient_name,
        "person_id": award.person_id,
        "unit_id": award.unit_id,
        "nomination_id": award.nomination_id,
        "decision_id": award.decision_id,
        "decision": award.decision.number if award.decision is not None else award.decision_label,
        "decided_on": award.decided_on,
        "achievement": award.achievement,
        "prize_amount": award.prize_amount,
        "prize_paid": award.prize_paid,
    }


def _line(line: decision_selectors.DecisionLine, decision: RewardDecision) -> dict[str, Any]:
    if line.award is not None:
        return _award(line.award)
    nomination = line.nomination
    return {
        "id": None,
        "year": line.year,
        "form": line.form,
        "form_label": line.form_label,
        "subject": line.subject,
        "recipient": line.recipient_name,
        "person_id": nomination.person_id if nomination else None,
        "unit_id": nomination.unit_id if nomination else None,
        "nomination_id": nomination.pk if nomination else None,
        "decision_id": decision.pk,
        "decision": decision.number,
        "decided_on": None,
        "achievement": line.achievement,
        "prize_amount": line.amount,
        "prize_paid": line.paid,
    }


@router.get(
    "/rewards/decisions",
    response=list[DecisionOut],
    summary="Quyết định khen thưởng của các cơ quan người dùng được xem",
    description="Lọc theo cơ quan (agency); cơ quan ngoài phạm vi trả về 404.",
)
def decision_list(request: HttpRequest, filters: Query[DecisionQuery]) -> list[dict[str, Any]]:
    agency = _agency(request, filters.agency)
    return [_decision(d) for d in decision_selectors.decision_list_for_user(user=request.user, agency=agency)]


@router.get(
    "/rewards/decisions/{decision_id}",
    response=DecisionDetailOut,
    summary="Một quyết định khen thưởng với danh sách và tiền thưởng",
    description="Dự thảo: danh sách đề nghị Hội đồng đã thông qua, tiền thưởng tính theo lương cơ sở của ngày dự "
    "kiến; đã ban hành: các khen thưởng trong sổ. Quyết định của cơ quan khác trả về 404.",
)
def decision_get(request: HttpRequest, decision_id: Id) -> dict[str, Any]:
    decision = decision_selectors.decision_get_for_user(user=request.user, pk=decision_id)
    problem = ""
    lines: list[decision_selectors.DecisionLine] = []
    try:
        lines = decision_selectors.decision_lines(decision)
    except prizes.MissingBaseSalary as error:
        problem = str(error)
    return {
        **_decision(decision),
        "awards": [_line(line, decision) for line in lines],
        "total": decision_selectors.decision_total(lines),
        "problem": problem,
    }


@router.get(
    "/rewards/awards",
    response=list[AwardOut],
    summary="Sổ khen thưởng: mọi khen thưởng qua các năm",
    description="Lọc theo cơ quan, năm, danh hiệu/hình thức, đối tượng, đơn vị.",
)
def award_list(request: HttpRequest, filters: Query[AwardQuery]) -> list[dict[str, Any]]:
    awards = register_selectors.award_list_for_user(
        user=request.user,
        agency=_agency(request, filters.agency),
        year=filters.year,
        form=filters.form or "",
        subject=filters.subject or "",
        unit=filters.unit,
    )
    return [_award(award) for award in awards]


@router.get(
    "/rewards/people/{person_id}/history",
    response=HistoryOut,
    summary="Lịch sử khen thưởng của một cán bộ",
    description="Mọi khen thưởng qua các năm và các đề nghị; cán bộ của cơ quan khác trả về 404.",
)
def person_history(request: HttpRequest, person_id: Id) -> dict[str, Any]:
    history = register_selectors.history_for_person(user=request.user, pk=person_id)
    return {
        "name": history.name,
        "agency_id": history.agency.pk,
        "awards": [_award(award) for award in history.awards],
        "nominations": [
            {"id": n.pk, "year": n.year, "form": n.form, "status": n.status, "eligible": n.eligible}
            for n in history.nominations
        ],
    }
