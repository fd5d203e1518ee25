"""A council session that voted, ready for a decision: the records the decisions' tests start from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.utils import timezone

from apps.accounts.choices import Role
from apps.organizations.models import Agency, Person, Unit
from apps.rewards.choices import CouncilRole, NominationStatus
from apps.rewards.models import Council, CouncilMember, CouncilSession, Nomination, Vote


@dataclass
class Voted:
    agency: Agency
    council: Council
    session: CouncilSession
    head: Any  # the agency's head (leader on the agency): decides
    office: Any  # the focal point: drafts
    people: dict[str, Person] = field(default_factory=dict)
    nominations: dict[str, Nomination] = field(default_factory=dict)


def session_on(agency: Agency, held_on: date, *, council: Council | None = None) -> CouncilSession:
    council = council or Council.objects.create(agency=agency)
    return CouncilSession.objects.create(
        council=council,
        held_at=timezone.make_aware(datetime.combine(held_on, time(8, 30))),
        place="Phòng họp số 1",
        members_total=5,
        members_present=5,
    )


def nominate(
    agency: Agency,
    *,
    person: Person | None = None,
    unit: Unit | None = None,
    form: str = "lao_dong_tien_tien",
    year: int = 2026,
    status: str = NominationStatus.VOTED,
    achievement_key: str = "",
) -> Nomination:
    return Nomination.objects.create(
        agency=agency,
        year=year,
        form=form,
        subject="person" if person is not None else "collective",
        person=person,
        unit=unit,
        achievement=f"Hoàn thành tốt nhiệm vụ năm {year}",
        achievement_key=achievement_key or f"{form}:{year}",
        status=status,
        eligible=True,
    )


def vote(session: CouncilSession, nomination: Nomination, votes_for: int = 5, *, passed: bool = True) -> Vote:
    return Vote.objects.create(
        session=session,
        nomination=nomination,
        votes_for=votes_for,
        votes_against=session.members_present - votes_for,
        passed=passed,
        threshold_text="trên 50% số thành viên có mặt",
    )


def voted_session(agency: Agency, make_user: Any, *, held_on: date = date(2026, 6, 10)) -> Voted:
    """Sở's council voted on 10/06/2026: Lan (Lao động tiên tiến) and the office unit (Giấy khen, tập thể) passed;
    Bình (Chiến sĩ thi đua cơ sở) did not."""
    from apps.organizations.tests.factories import PersonFactory

    office_unit = Unit.objects.get(agency=agency, code="VP")
    head = make_user(Role.LEADER, agency, username=f"giamdoc-{agency.pk}")
    head.person = PersonFactory(agency=agency, full_name="Cao Đình Huy", position="Giám đốc")
    head.save()
    office = make_user(Role.FOCAL_POINT, agency, username=f"vanphong-{agency.pk}")
    lan = PersonFactory(agency=agency, unit=office_unit, full_name="Hoàng Thị Lan")
    binh = PersonFactory(agency=agency, unit=office_unit, full_name="Trần Văn Bình")
    session = session_on(agency, held_on)
    CouncilMember.objects.create(council=session.council, person=head.person, role=CouncilRole.CHAIR)
    nominations = {
        "lan": nominate(agency, person=lan),
        "office": nominate(agency, unit=office_unit, form="giay_khen"),
        "binh": nominate(
            agency, person=binh, form="chien_si_thi_dua_co_so", status=NominationStatus.REJECTED
        ),
    }
    vote(session, nominations["lan"], 5)
    vote(session, nominations["office"], 4)
    vote(session, nominations["binh"], 2, passed=False)
    return Voted(agency, session.council, session, head, office, {"lan": lan, "binh": binh}, nominations)
