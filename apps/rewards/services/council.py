"""Every write of the reward council (Hội đồng Thi đua – Khen thưởng), atomic: the council and its members, a
session (members present against the quorum of the rule set in force on its date and the province's layer), and
the secret-ballot counts per nominee (``domain.rewards.council.vote_check`` decides each against the threshold).
A count above the members present, a quorum not met, or a nomination that may not be voted refuses the whole
form: nothing is half-saved."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from apps.organizations.models import Agency, Person
from domain.rewards.council import VoteError, vote_check
from domain.rewards.forms import AwardForm
from domain.rewards.rulesets import NoRuleSet, rule_set_in_force

from ..choices import CouncilRole, NominationStatus
from ..facts import province_rules
from ..models import Council, CouncilMember, CouncilSession, Nomination, Vote
from . import MANAGE, RECORD_VOTE
from .nominations import require_votable


def _require(user: Any, perm: str, agency: Agency) -> None:
    if not user.has_perm(perm, agency):
        raise PermissionDenied("Chỉ Văn phòng, lãnh đạo hoặc quản trị của cơ quan được làm việc này.")


@transaction.atomic
def council_create(*, user: Any, agency: Agency, name: str = "", establishing_decision: str = "") -> Council:
    _require(user, MANAGE, agency)
    if Council.objects.filter(agency=agency, is_active=True).exists():
        raise ValidationError("Cơ quan đã có Hội đồng Thi đua – Khen thưởng đang hoạt động.")
    return Council.objects.create(
        agency=agency,
        name=(name or "").strip() or "Hội đồng Thi đua – Khen thưởng",
        establishing_decision=(establishing_decision or "").strip(),
    )


@transaction.atomic
def council_member_add(*, user: Any, council: Council, person: Person, role: str) -> CouncilMember:
    _require(user, MANAGE, council.agency)
    errors: dict[str, str] = {}
    if person.agency_id != council.agency_id:
        errors["person"] = f"{person.full_name} không thuộc cơ quan {council.agency.name}."
    elif council.members.filter(person=person).exists():
        errors["person"] = f"{person.full_name} đã là thành viên Hội đồng."
    if role not in CouncilRole.values:
        errors["role"] = "Hãy chọn vai trò trong Hội đồng."
    elif role == CouncilRole.CHAIR and council.members.filter(role=CouncilRole.CHAIR).exists():
        errors["role"] = "Hội đồng đã có Chủ tịch."
    if errors:
        raise ValidationError(errors)
    return CouncilMember.objects.create(council=council, person=person, role=role)


def _rule_set(on: Any) -> Any:
    try:
        return rule_set_in_force(on)
    except NoRuleSet as error:
        raise ValidationError(str(error)) from error


@transaction.atomic
def session_create(
    *,
    user: Any,
    council: Council,
    held_at: datetime,
    members_present: int,
    place: str = "",
    chair: Person | None = None,
    secretary: Person | None = None,
) -> CouncilSession:
    """A session of the council: the members total is the council's, those present are checked against the
    quorum of the rule set in force on the session's date (and the province's layer)."""
    _require(user, RECORD_VOTE, council.agency)
    total = council.members.count()
    if total == 0:
        raise ValidationError("Hội đồng chưa có thành viên: hãy thêm thành viên trước khi họp.")
    if members_present < 0:
        raise ValidationError({"members_present": "Số thành viên có mặt không được âm."})
    if members_present > total:
        raise ValidationError(
            {
                "members_present": f"Số thành viên có mặt ({members_present}) vượt tổng số thành viên ({total})."
            }
        )
    member_ids = set(council.members.values_list("person_id", flat=True))
    for field, person in (("chair", chair), ("secretary", secretary)):
        if person is not None and person.pk not in member_ids:
            raise ValidationError({field: f"{person.full_name} không phải thành viên Hội đồng."})
    rule_set = _rule_set(held_at.date())
    try:
        vote_check(
            form=AwardForm.LABOUR,
            members_total=total,
            present=members_present,
            votes_for=0,
            rule_set=rule_set,
            province=province_rules(council.agency),
        )
    except VoteError as error:
        raise ValidationError({"members_present": str(error)}) from error
    if chair is None:
        first = council.members.filter(role=CouncilRole.CHAIR).select_related("person").first()
        chair = first.person if first else None
    if secretary is None:
        first = council.members.filter(role=CouncilRole.SECRETARY).select_related("person").first()
        secretary = first.person if first else None
    return CouncilSession.objects.create(
        council=council,
        held_at=held_at,
        place=(place or "").strip(),
        members_total=total,
        members_present=members_present,
        chair=chair,
        secretary=secretary,
        rule_set_code=rule_set.code,
        created_by=user,
    )


@transaction.atomic
def votes_record(*, user: Any, session: CouncilSession, counts: dict[int, int | None]) -> list[Vote]:
    """Record the secret-ballot count of each nomination (``{nomination_id: votes_for}``; None skips it). Each
    is decided against the threshold of the rule set in force on the session's date; the nomination becomes
    "voted" (passed) or "not rewarded". Any refused count refuses the whole form."""
    agency = session.council.agency
    _require(user, RECORD_VOTE, agency)
    if session.closed:
        raise ValidationError("Phiên họp đã kết thúc: không ghi thêm kết quả bỏ phiếu.")
    rule_set = _rule_set(session.held_at.date())
    province = province_rules(agency)
    errors: dict[str, list[str]] = {}
    results: list[tuple[Nomination, int, Any]] = []
    wanted = {pk: count for pk, count in counts.items() if count is not None}
    if not wanted:
        raise ValidationError("Hãy nhập số phiếu đồng ý của ít nhất một đề nghị.")
    nominations = {
        n.pk: n for n in Nomination.objects.select_for_update().filter(pk__in=wanted, agency=agency)
    }
    for pk, votes_for in wanted.items():
        field = f"votes_{pk}"
        nomination = nominations.get(pk)
        if nomination is None:
            errors[field] = ["Đề nghị không thuộc cơ quan của Hội đồng."]
            continue
        try:
            require_votable(nomination)
            result = vote_check(
                form=AwardForm(nomination.form),
                members_total=session.members_total,
                present=session.members_present,
                votes_for=votes_for,
                rule_set=rule_set,
                province=province,
            )
        except VoteError as error:
            errors[field] = [f"{nomination.nominee_name}: {error}"]
            continue
        except ValidationError as error:
            errors[field] = list(error.messages)
            continue
        results.append((nomination, votes_for, result))
    if errors:
        raise ValidationError(errors)
    votes = []
    for nomination, votes_for, result in results:
        votes.append(
            Vote.objects.create(
                session=session,
                nomination=nomination,
                votes_for=votes_for,
                votes_against=session.members_present - votes_for,
                passed=result.passed,
                threshold_text=result.threshold_text[:255],
                explanation=result.explanation,
            )
        )
        nomination.status = NominationStatus.VOTED if result.passed else NominationStatus.REJECTED
        nomination.save()
    return votes
