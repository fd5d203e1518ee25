"""JSON endpoints of nominations and votes: the nominations of an agency with their frozen verdicts, one
nomination, a new nomination, the focal point's check, a session's votes and recording them. The same
selectors and services as the pages: another agency's record is a 404, a write that is not the caller's a 403,
a refused value a 422 with the Vietnamese reason."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from apps.core.ids import Id
from apps.organizations.models import Agency, Person, Unit

from ..models import Nomination, Vote
from ..selectors.common import agency_for_user
from ..selectors.council import session_get_for_user, session_votes
from ..selectors.nominations import nomination_get_for_user, nomination_list_for_user
from ..services import council as council_services
from ..services import nominations as nomination_services

router = Router()

Year = Annotated[int, Field(ge=2000, le=2100)]


class EvidenceOut(Schema):
    text: str
    ref: str


class ConditionOut(Schema):
    rule: str
    article: str
    met: bool
    explanation: str
    evidence: list[EvidenceOut]


class NominationOut(Schema):
    id: int
    agency_id: int
    year: int
    form: str
    form_label: str
    subject: str
    nominee: str
    person_id: int | None
    unit_id: int | None
    nominee_agency_id: int | None
    status: str
    status_label: str
    eligible: bool | None
    rule_set: str | None
    overridden: bool
    conditions: list[ConditionOut]


class NominationIn(Schema):
    agency_id: Id
    year: Year
    form: str
    person_id: Id | None = None
    unit_id: Id | None = None
    nominee_agency_id: Id | None = None
    achievement: Annotated[str, Field(max_length=5000)]
    declarations: list[str] = []


class VoteOut(Schema):
    nomination_id: int
    nominee: str
    form: str
    votes_for: int
    members_present: int
    passed: bool
    threshold_text: str
    explanation: str


class VoteIn(Schema):
    nomination_id: Id
    votes_for: Annotated[int, Field(ge=0, le=1000)]


class VotesIn(Schema):
    votes: list[VoteIn]


def nomination_out(nomination: Nomination) -> dict[str, Any]:
    verdict = nomination.verdict or {}
    return {
        "id": nomination.pk,
        "agency_id": nomination.agency_id,
        "year": nomination.year,
        "form": nomination.form,
        "form_label": nomination.get_form_display(),
        "subject": nomination.subject,
        "nominee": nomination.nominee_name,
        "person_id": nomination.person_id,
        "unit_id": nomination.unit_id,
        "nominee_agency_id": nomination.nominee_agency_id,
        "status": nomination.status,
        "status_label": nomination.get_status_display(),
        "eligible": nomination.eligible,
        "rule_set": (verdict.get("rule_set") or {}).get("name"),
        "overridden": nomination.override_at is not None,
        "conditions": [
            {
                "rule": c.get("rule", ""),
                "article": c.get("article", ""),
                "met": bool(c.get("met")),
                "explanation": c.get("explanation", ""),
                "evidence": c.get("evidence", []),
            }
            for c in verdict.get("conditions", [])
        ],
    }


def _vote_out(vote: Vote) -> dict[str, Any]:
    return {
        "nomination_id": vote.nomination_id,
        "nominee": vote.nomination.nominee_name,
        "form": vote.nomination.form,
        "votes_for": vote.votes_for,
        "members_present": vote.session.members_present,
        "passed": vote.passed,
        "threshold_text": vote.threshold_text,
        "explanation": vote.explanation,
    }


@router.get(
    "/rewards/nominations", response=list[NominationOut], summary="Đề nghị khen thưởng và kết quả kiểm tra"
)
def nomination_list(request: HttpRequest, agency: Id | None = None, year: Year | None = None) -> Any:
    chosen = agency_for_user(user=request.user, pk=agency, fallback=getattr(request, "agency", None))
    rows = nomination_list_for_user(user=request.user, agency=chosen, year=year)
    return [nomination_out(n) for n in rows[:500]]


@router.get("/rewards/nominations/{nomination_id}", response=NominationOut, summary="Một đề nghị khen thưởng")
def nomination_get(request: HttpRequest, nomination_id: Id) -> Any:
    return nomination_out(nomination_get_for_user(user=request.user, pk=nomination_id))


@router.post("/rewards/nominations", response={201: NominationOut}, summary="Lập đề nghị khen thưởng")
def nomination_create(request: HttpRequest, payload: NominationIn) -> Any:
    agency = agency_for_user(user=request.user, pk=payload.agency_id, fallback=None)
    nomination = nomination_services.nomination_create(
        user=request.user,
        agency=agency,
        year=payload.year,
        form=payload.form,
        person=Person.objects.filter(pk=payload.person_id).first() if payload.person_id else None,
        unit=Unit.objects.filter(pk=payload.unit_id).first() if payload.unit_id else None,
        nominee_agency=(
            Agency.objects.filter(pk=payload.nominee_agency_id).first() if payload.nominee_agency_id else None
        ),
        achievement=payload.achievement,
        declarations={key: {"met": True, "note": ""} for key in payload.declarations},
    )
    return Status(201, nomination_out(nomination))


@router.post(
    "/rewards/nominations/{nomination_id}/check",
    response=NominationOut,
    summary="Kiểm tra hồ sơ và điều kiện khen thưởng (đầu mối)",
)
def nomination_check(request: HttpRequest, nomination_id: Id) -> Any:
    nomination = nomination_get_for_user(user=request.user, pk=nomination_id)
    return nomination_out(nomination_services.nomination_check(user=request.user, nomination=nomination))


@router.get(
    "/rewards/sessions/{session_id}/votes", response=list[VoteOut], summary="Kết quả bỏ phiếu của phiên họp"
)
def votes_get(request: HttpRequest, session_id: Id) -> Any:
    session = session_get_for_user(user=request.user, pk=session_id)
    return [_vote_out(v) for v in session_votes(session=session)]


@router.post(
    "/rewards/sessions/{session_id}/votes",
    response={201: list[VoteOut]},
    summary="Ghi số phiếu đồng ý của từng đề nghị trong phiên họp",
)
def votes_record(request: HttpRequest, session_id: Id, payload: VotesIn) -> Any:
    session = session_get_for_user(user=request.user, pk=session_id)
    counts: dict[int, int | None] = {item.nomination_id: item.votes_for for item in payload.votes}
    votes = council_services.votes_record(user=request.user, session=session, counts=counts)
    return Status(201, [_vote_out(v) for v in votes])
