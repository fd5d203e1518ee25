"""JSON endpoints of movements: movements with their contents and participants, registrations (read, and a
registration posted before the deadline), initiatives, the contest ranking and the annual ratings the titles rest
on.

The same selectors and services as the pages: another agency's records are a 404, a write that is not the caller's
a 403, a refused value (a title not for the subject, a registration after the deadline) a 422 with the Vietnamese
reason. The annual ratings are personnel records: for the agency's focal point and leaders only."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema, Status
from pydantic import Field

from apps.core.ids import Id
from domain.rewards.forms import form_label

from .. import services
from ..models import AnnualRating, Initiative, Movement, Registration
from ..selectors import movements as selectors
from ..selectors.common import agency_for_user
from ..services import movements as movement_services

router = Router()

Year = Annotated[int, Field(ge=2000, le=2100)]


class ContentOut(Schema):
    id: int
    order: int = Field(description="Thứ tự trong kế hoạch.")
    title: str = Field(description="Nội dung thi đua.")
    target_text: str = Field(description="Chỉ tiêu như kế hoạch viết.")
    target_value: Decimal | None = Field(description="Giá trị chỉ tiêu.")
    target_unit: str = Field(description="Đơn vị tính của chỉ tiêu.")
    indicator: str | None = Field(description="Mã chỉ số đo lường nội dung (trống: chưa gắn chỉ số).")
    indicator_name: str | None = Field(description="Tên chỉ số.")


class ParticipantOut(Schema):
    id: int
    name: str = Field(description="Tên đơn vị hoặc cơ quan tham gia.")
    unit_id: int | None
    agency_id: int | None
    group: str = Field(description="Khối, nhóm thi đua.")


class MovementOut(Schema):
    id: int
    agency_id: int
    agency: str
    name: str = Field(description="Tên phong trào.")
    start_year: int
    end_year: int
    period: str = Field(description="Thời gian bằng lời: “Năm 2026”, “Giai đoạn 2026–2030”.")
    status: str = Field(description="draft, active, closed.")
    plan_id: int | None = Field(description="Kế hoạch phát động (trống: tạo không theo kế hoạch).")
    registration_due: str = Field(description="Hạn đăng ký hằng năm, dd/mm.")
    report_due: str = Field(description="Hạn báo cáo hằng năm, dd/mm.")
    min_initiatives: int | None = Field(description="Quy định riêng: số sáng kiến tối thiểu trong giai đoạn.")
    min_outstanding_years: int | None = Field(
        description="Quy định riêng: số năm thành tích nổi bật tối thiểu."
    )
    own_rules_subject: str = Field(
        description="Quy định riêng áp dụng cho: person, collective hoặc trống (cả hai)."
    )
    own_rules_source: str = Field(description="Căn cứ của quy định riêng.")


class MovementDetailOut(MovementOut):
    contents: list[ContentOut]
    participants: list[ParticipantOut]


class RegistrationOut(Schema):
    id: int
    movement_id: int
    year: int
    subject: str = Field(description="person hoặc collective.")
    person_id: int | None
    unit_id: int | None
    name: str = Field(description="Cá nhân hoặc tập thể đăng ký.")
    forms: list[str] = Field(description="Mã danh hiệu, hình thức (domain.rewards.forms.AwardForm).")
    form_labels: list[str] = Field(description="Danh hiệu, hình thức bằng lời.")
    note: str
    registered_at: datetime


class RegistrationIn(Schema):
    year: Year
    person_id: Id | None = Field(None, description="Cá nhân đăng ký (hoặc unit_id).")
    unit_id: Id | None = Field(None, description="Tập thể (đơn vị) đăng ký (hoặc person_id).")
    forms: list[Annotated[str, Field(max_length=32)]] = Field(
        max_length=7, description="Mã danh hiệu, hình thức, ví dụ “lao_dong_tien_tien”."
    )
    note: str = Field("", max_length=2000)


class MissingOut(Schema):
    units: list[str] = Field(description="Tập thể tham gia chưa đăng ký.")
    people: list[str] = Field(description="Cá nhân chưa đăng ký.")


class RegistrationsOut(Schema):
    year: int
    deadline: date
    registrations: list[RegistrationOut]
    not_registered: MissingOut | None = Field(description="Chỉ đầu mối, lãnh đạo của cơ quan thấy.")


class InitiativeOut(Schema):
    id: int
    agency_id: int
    movement_id: int | None
    title: str
    year: int
    unit: str | None
    authors: list[str]
    other_authors: str
    description: str
    scope: str = Field(description="co_so, tinh, toan_quoc.")
    status: str = Field(description="proposed, recognised, not_recognised.")
    status_label: str
    recognition_number: str
    recognised_on: date | None
    recognised_by: str
    has_file: bool


class ScoreOut(Schema):
    rank: int
    participant_id: int
    participant: str
    total: Decimal | None
    explanation: str = Field(description="Cách tính tổng điểm, bằng lời.")
    criteria: dict[str, Any] = Field(description="Theo mã tiêu chí: điểm, điểm chuẩn, giải thích.")


class AnnualRatingOut(Schema):
    id: int
    year: int
    person_id: int | None
    unit_id: int | None
    name: str
    grade: str = Field(description="excellent, good, completed, not_completed.")
    grade_label: str
    discipline: str
    pending_review: str
    source: str = Field(description="ratings (từ đánh giá, xếp loại), entered, imported.")


def _movement(movement: Movement) -> dict[str, Any]:
    return {
        "id": movement.pk,
        "agency_id": movement.agency_id,
        "agency": movement.agency.name,
        "name": movement.name,
        "start_year": movement.start_year,
        "end_year": movement.end_year,
        "period": movement.period_label,
        "status": movement.status,
        "plan_id": movement.plan_id,
        "registration_due": f"{movement.registration_due_day:02d}/{movement.registration_due_month:02d}",
        "report_due": f"{movement.report_due_day:02d}/{movement.report_due_month:02d}",
        "min_initiatives": movement.min_initiatives,
        "min_outstanding_years": movement.min_outstanding_years,
        "own_rules_subject": movement.own_rules_subject,
        "own_rules_source": movement.own_rules_source,
    }


def _contents(movement: Movement) -> list[dict[str, Any]]:
    return [
        {
            "id": c.pk,
            "order": c.order,
            "title": c.title,
            "target_text": c.target_text,
            "target_value": c.target_value,
            "target_unit": c.target_unit,
            "indicator": c.indicator.code if c.indicator else None,
            "indicator_name": c.indicator.name if c.indicator else None,
        }
        for c in movement.contents.select_related("indicator").order_by("order", "pk")
    ]


def _registration(r: Registration) -> dict[str, Any]:
    return {
        "id": r.pk,
        "movement_id": r.movement_id,
        "year": r.year,
        "subject": r.subject,
        "person_id": r.person_id,
        "unit_id": r.unit_id,
        "name": str(r.person.full_name if r.person else (r.unit or r.nominee_agency)),
        "forms": list(r.forms),
        "form_labels": [form_label(code) for code in r.forms],
        "note": r.note,
        "registered_at": r.registered_at,
    }


def _initiative(i: Initiative) -> dict[str, Any]:
    return {
        "id": i.pk,
        "agency_id": i.agency_id,
        "movement_id": i.movement_id,
        "title": i.title,
        "year": i.year,
        "unit": i.unit.name if i.unit else None,
        "authors": [a.full_name for a in i.authors.all()],
        "other_authors": i.other_authors,
        "description": i.description,
        "scope": i.scope,
        "status": i.status,
        "status_label": i.get_status_display(),
        "recognition_number": i.recognition_number,
        "recognised_on": i.recognised_on,
        "recognised_by": i.recognised_by,
        "has_file": bool(i.file),
    }


def _rating(r: AnnualRating) -> dict[str, Any]:
    name = r.person.full_name if r.person else (r.unit.name if r.unit else r.agency.name)
    return {
        "id": r.pk,
        "year": r.year,
        "person_id": r.person_id,
        "unit_id": r.unit_id,
        "name": name,
        "grade": r.grade,
        "grade_label": r.get_grade_display(),
        "discipline": r.discipline,
        "pending_review": r.pending_review,
        "source": r.source,
    }


@router.get("/rewards/movements", response=list[MovementOut], summary="Phong trào thi đua của một cơ quan")
def movement_list(request: HttpRequest, agency: Id) -> Any:
    found = agency_for_user(user=request.user, pk=agency, fallback=None)
    return [_movement(m) for m in selectors.movement_list_for_user(user=request.user, agency=found)]


@router.get(
    "/rewards/movements/{movement_id}",
    response=MovementDetailOut,
    summary="Một phong trào: nội dung thi đua, chỉ tiêu, đối tượng tham gia, quy định riêng",
)
def movement_get(request: HttpRequest, movement_id: Id) -> Any:
    movement = selectors.movement_get_for_user(user=request.user, pk=movement_id)
    participants = [
        {
            "id": p.pk,
            "name": str(p),
            "unit_id": p.unit_id,
            "agency_id": p.participant_agency_id,
            "group": p.group,
        }
        for p in selectors.participants_of(movement=movement)
    ]
    return {**_movement(movement), "contents": _contents(movement), "participants": participants}


@router.get(
    "/rewards/movements/{movement_id}/contents",
    response=list[ContentOut],
    summary="Nội dung thi đua và chỉ tiêu của một phong trào",
)
def content_list(request: HttpRequest, movement_id: Id) -> Any:
    return _contents(selectors.movement_get_for_user(user=request.user, pk=movement_id))


@router.get(
    "/rewards/movements/{movement_id}/registrations",
    response=RegistrationsOut,
    summary="Đăng ký thi đua của một năm, và ai chưa đăng ký",
)
def registration_list(request: HttpRequest, movement_id: Id, year: Year | None = None) -> Any:
    movement = selectors.movement_get_for_user(user=request.user, pk=movement_id)
    chosen = year or min(max(timezone.localdate().year, movement.start_year), movement.end_year)
    missing = None
    if request.user.has_perm(services.MANAGE, movement.agency):
        found = selectors.not_registered(movement=movement, year=chosen)
        missing = {"units": [u.name for u in found.units], "people": [p.full_name for p in found.people]}
    return {
        "year": chosen,
        "deadline": movement_services.registration_deadline(movement, chosen),
        "registrations": [
            _registration(r) for r in selectors.registrations_of(movement=movement, year=chosen)
        ],
        "not_registered": missing,
    }


@router.post(
    "/rewards/movements/{movement_id}/registrations",
    response={201: RegistrationOut},
    summary="Đăng ký thi đua (người làm việc tại cơ quan), trước hạn đăng ký",
    description="Một trong `person_id`, `unit_id`; `forms` là danh hiệu, hình thức dành cho cá nhân hoặc tập thể. "
    "Sau hạn đăng ký: 422. Đăng ký lại trước hạn thay thế đăng ký cũ.",
)
def registration_post(request: HttpRequest, movement_id: Id, payload: RegistrationIn) -> Any:
    movement = selectors.movement_get_for_user(user=request.user, pk=movement_id)
    if not request.user.has_perm(services.REGISTER, movement.agency):
        raise PermissionDenied("Chỉ người làm việc tại cơ quan được đăng ký thi đua.")
    person = unit = None
    if payload.person_id is not None:
        person = selectors.agency_people(agency=movement.agency).filter(pk=payload.person_id).first()
        if person is None:
            raise ValidationError({"person_id": "Không có người này trong cơ quan phát động phong trào."})
    if payload.unit_id is not None:
        unit = selectors.agency_units(agency=movement.agency).filter(pk=payload.unit_id).first()
        if unit is None:
            raise ValidationError({"unit_id": "Không có đơn vị này trong cơ quan phát động phong trào."})
    registration = movement_services.registration_submit(
        user=request.user,
        movement=movement,
        year=payload.year,
        forms=payload.forms,
        person=person,
        unit=unit,
        note=payload.note,
    )
    return Status(201, _registration(registration))


@router.get(
    "/rewards/contest-tables/{table_id}/ranking",
    response=list[ScoreOut],
    summary="Xếp hạng thi đua của một khối, nhóm trong một năm, với cách tính từng tiêu chí",
)
def contest_ranking(request: HttpRequest, table_id: Id, year: Year | None = None) -> Any:
    table = selectors.contest_table_get_for_user(user=request.user, pk=table_id)
    movement = table.movement
    chosen = year or min(max(timezone.localdate().year, movement.start_year), movement.end_year)
    return [
        {
            "rank": rank,
            "participant_id": score.participant_id,
            "participant": str(score.participant),
            "total": score.total,
            "explanation": (score.scorecard or {}).get("explanation", ""),
            "criteria": (score.scorecard or {}).get("nodes", {}),
        }
        for rank, score in enumerate(selectors.ranking(table=table, year=chosen), start=1)
    ]


@router.get("/rewards/initiatives", response=list[InitiativeOut], summary="Sáng kiến của một cơ quan")
def initiative_list(request: HttpRequest, agency: Id, year: Year | None = None) -> Any:
    found = agency_for_user(user=request.user, pk=agency, fallback=None)
    initiatives = selectors.initiative_list_for_user(user=request.user, agency=found)
    if year:
        initiatives = initiatives.filter(year=year)
    return [_initiative(i) for i in initiatives.order_by("-year", "title")[:2000]]


@router.get("/rewards/initiatives/{initiative_id}", response=InitiativeOut, summary="Một sáng kiến")
def initiative_get(request: HttpRequest, initiative_id: Id) -> Any:
    return _initiative(selectors.initiative_get_for_user(user=request.user, pk=initiative_id))


@router.get(
    "/rewards/annual-ratings",
    response=list[AnnualRatingOut],
    summary="Xếp loại hằng năm làm căn cứ khen thưởng (đầu mối, lãnh đạo của cơ quan)",
)
def annual_rating_list(request: HttpRequest, agency: Id, year: Year | None = None) -> Any:
    found = agency_for_user(user=request.user, pk=agency, fallback=None)
    if not request.user.has_perm(services.MANAGE, found):
        raise PermissionDenied("Xếp loại là hồ sơ cán bộ: chỉ đầu mối, lãnh đạo của cơ quan xem.")
    ratings = selectors.annual_rating_list_for_user(user=request.user, agency=found)
    if year:
        ratings = ratings.filter(year=year)
    return [_rating(r) for r in ratings[:5000]]
