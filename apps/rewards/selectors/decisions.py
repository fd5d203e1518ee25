"""Reads of reward decisions, scoped by the user's agencies, and the lines a decision awards with their prizes.

A draft decision's lines are read live from its council session: the nominations the council passed (status
"voted" with a passed vote), the prize of each on the decision's date from the base salaries in the database
(``domain.rewards.prizes``), and whether it is paid ("several titles for one period: only the highest"). An
issued decision's lines are its awards in the register, with the amounts frozen when it was issued.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.organizations.models import Agency, Person
from domain.rewards import prizes
from domain.rewards.forms import FORMS, AwardForm, Subject

from ..choices import DecisionStatus, NominationStatus
from ..models import Award, BaseSalary, CouncilSession, Nomination, RewardDecision, Vote
from .common import readable

__all__ = [
    "DecisionLine",
    "HeldAward",
    "base_salary_table",
    "decidable_session_list",
    "decision_get_for_user",
    "decision_lines",
    "decision_list_for_user",
    "decision_total",
    "nominee_key",
    "passed_votes",
    "register_awards_of",
    "session_choices",
    "session_get_for_user",
    "session_votes",
    "signer_choices",
    "signer_people",
]

# A date no decision reaches: given as the only row when the table is empty, so that the domain refuses with its
# own message instead of falling back to the salaries it knows (the database is the table of record here).
_NEVER = prizes.BaseSalary(Decimal(1), date.max, "")


def decision_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[RewardDecision]:
    decisions = readable(RewardDecision.objects.select_related("agency", "session", "signer"), user)
    if agency is not None:
        decisions = decisions.filter(agency=agency)
    return decisions.annotate(award_count=Count("awards")).order_by("-signed_on", "-pk")


def decision_get_for_user(*, user: Any, pk: int) -> RewardDecision:
    return get_object_or_404(
        readable(
            RewardDecision.objects.select_related("agency", "agency__parent", "session__council", "signer"),
            user,
        ),
        pk=pk,
    )


def session_get_for_user(*, user: Any, pk: int) -> CouncilSession:
    return get_object_or_404(
        readable(
            CouncilSession.objects.select_related(
                "council__agency", "council__agency__parent", "chair", "secretary"
            ),
            user,
            "council__agency_id",
        ),
        pk=pk,
    )


def decidable_session_list(agency: Agency) -> QuerySet[CouncilSession]:
    """The agency's council sessions whose passed nominations wait for a decision not drafted yet."""
    return (
        CouncilSession.objects.filter(council__agency=agency, decisions__isnull=True)
        .filter(votes__passed=True, votes__nomination__status=NominationStatus.VOTED)
        .annotate(passed=Count("votes", filter=Q(votes__passed=True), distinct=True))
        .select_related("council")
        .order_by("-held_at")
    )


def session_votes(session: CouncilSession) -> list[Vote]:
    """Every vote of a session, with its nomination and nominee."""
    return list(
        session.votes.select_related(
            "nomination__person__unit",
            "nomination__unit",
            "nomination__nominee_agency",
            "nomination__movement",
        ).order_by("nomination__form", "nomination__pk")
    )


def passed_votes(session: CouncilSession) -> list[Vote]:
    """The votes the council passed whose nomination still waits for the decision."""
    return [
        vote
        for vote in session_votes(session)
        if vote.passed and vote.nomination.status == NominationStatus.VOTED
    ]


def base_salary_table() -> tuple[prizes.BaseSalary, ...]:
    """The base salaries of the database as the domain reads them (never empty: see ``_NEVER``)."""
    rows = tuple(
        prizes.BaseSalary(row.amount, row.effective_from, row.source, row.verified)
        for row in BaseSalary.objects.order_by("effective_from")
    )
    return rows or (_NEVER,)


def nominee_key(record: Nomination | Award) -> tuple[str, int | None]:
    """Who is nominated or awarded, as a key: ("person", id), ("unit", id) or ("agency", id)."""
    if record.person_id:
        return ("person", record.person_id)
    if record.unit_id:
        return ("unit", record.unit_id)
    return ("agency", record.nominee_agency_id)


def register_awards_of(records: Iterable[Nomination | Award]) -> list[Award]:
    """The register's awards of the nominees of ``records`` (any year), with their decisions."""
    people: set[int | None] = set()
    units: set[int | None] = set()
    agencies: set[int | None] = set()
    for record in records:
        kind, pk = nominee_key(record)
        {"person": people, "unit": units, "agency": agencies}[kind].add(pk)
    if not (people or units or agencies):
        return []
    return list(
        Award.objects.filter(
            Q(person_id__in=people) | Q(unit_id__in=units) | Q(nominee_agency_id__in=agencies)
        ).select_related("decision")
    )


@dataclass(frozen=True)
class HeldAward:
    """An award as ``domain.rewards.prizes.paid_awards`` reads it."""

    form: AwardForm
    year: int
    ref: str


@dataclass(frozen=True)
class DecisionLine:
    """One award of a decision: who, which title or form, the council's count and the prize."""

    form: str
    form_label: str
    subject: str
    year: int
    recipient_name: str
    position: str
    unit_name: str
    achievement: str
    nomination: Nomination | None
    vote: Vote | None
    award: Award | None
    multiplier: Decimal | None
    amount: Decimal
    paid: bool
    explanation: str

    @property
    def is_collective(self) -> bool:
        return self.subject == Subject.COLLECTIVE


def _who(nomination: Nomination) -> tuple[str, str, str]:
    """Name, position and unit of a nominee as the lists print them."""
    if nomination.person_id and nomination.person is not None:
        person = nomination.person
        return person.full_name, person.position, person.unit.name if person.unit_id and person.unit else ""
    if nomination.unit_id and nomination.unit is not None:
        return nomination.unit.name, "", nomination.agency.name
    return nomination.nominee_name, "", ""


def _draft_lines(decision: RewardDecision, on: date) -> list[DecisionLine]:
    """The lines of a draft: each passed nomination of the session with its prize on ``on``. Raises
    ``prizes.MissingBaseSalary`` when no base salary (or multiplier) covers the date."""
    if decision.session is None:
        return []
    votes = passed_votes(decision.session)
    table = base_salary_table()
    nominations = [vote.nomination for vote in votes]
    held: dict[tuple[tuple[str, int | None], int], list[HeldAward]] = defaultdict(list)
    for award in register_awards_of(nominations):
        held[(nominee_key(award), award.year)].append(
            HeldAward(AwardForm(award.form), award.year, f"award:{award.pk}")
        )
    for nomination in nominations:
        held[(nominee_key(nomination), nomination.year)].append(
            HeldAward(AwardForm(nomination.form), nomination.year, f"nomination:{nomination.pk}")
        )
    paid: dict[str, prizes.PaidAward[HeldAward]] = {}
    for awards in held.values():
        for result in prizes.paid_awards(awards):
            paid[result.award.ref] = result
    lines = []
    for vote in votes:
        nomination = vote.nomination
        prize = prizes.prize_for(
            AwardForm(nomination.form), Subject(nomination.subject), on, base_salaries=table
        )
        verdict = paid[f"nomination:{nomination.pk}"]
        name, position, unit = _who(nomination)
        lines.append(
            DecisionLine(
                form=nomination.form,
                form_label=FORMS[AwardForm(nomination.form)].label,
                subject=nomination.subject,
                year=nomination.year,
                recipient_name=name,
                position=position,
                unit_name=unit,
                achievement=nomination.achievement,
                nomination=nomination,
                vote=vote,
                award=None,
                multiplier=prize.multiplier,
                amount=prize.amount if verdict.paid else Decimal(0),
                paid=verdict.paid,
                explanation=prize.explanation if verdict.paid else verdict.reason,
            )
        )
    return lines


def _issued_lines(decision: RewardDecision) -> list[DecisionLine]:
    awards = decision.awards.select_related("person__unit", "unit", "nominee_agency", "nomination").order_by(
        "form", "recipient_name"
    )
    votes = {}
    if decision.session_id:
        votes = {
            vote.nomination_id: vote
            for vote in Vote.objects.filter(session_id=decision.session_id).select_related("session")
        }
    lines = []
    for award in awards:
        position, unit = "", ""
        if award.person is not None:
            position = award.person.position
            unit = award.person.unit.name if award.person.unit_id and award.person.unit else ""
        elif award.unit is not None:
            unit = decision.agency.name
        lines.append(
            DecisionLine(
                form=award.form,
                form_label=award.get_form_display(),
                subject=award.subject,
                year=award.year,
                recipient_name=award.recipient_name,
                position=position,
                unit_name=unit,
                achievement=award.achievement,
                nomination=award.nomination,
                vote=votes.get(award.nomination_id) if award.nomination_id else None,
                award=award,
                multiplier=award.multiplier,
                amount=award.prize_amount or Decimal(0),
                paid=award.prize_paid,
                explanation="",
            )
        )
    return lines


def decision_lines(decision: RewardDecision, on: date | None = None) -> list[DecisionLine]:
    """The decision's lines: its awards once issued; before, the session's passed nominations priced on ``on``
    (the decision's date by default). A draft raises ``prizes.MissingBaseSalary`` without a base salary."""
    if decision.status == DecisionStatus.ISSUED:
        return _issued_lines(decision)
    return _draft_lines(decision, on or decision.signed_on)


def decision_total(lines: Sequence[DecisionLine]) -> Decimal:
    return sum((line.amount for line in lines), Decimal(0))


def signer_people(agency: Agency) -> list[Person]:
    """Who may sign for the agency: its active people, the head's title first."""
    people = Person.objects.filter(agency=agency, is_active=True).order_by("full_name")
    return sorted(
        people, key=lambda p: (not p.position.lower().startswith(("giám đốc", "chủ tịch")), p.full_name)
    )


def signer_choices(agency: Agency) -> list[tuple[int, str]]:
    return [
        (p.pk, f"{p.full_name} — {p.position}" if p.position else p.full_name) for p in signer_people(agency)
    ]


def session_choices(agency: Agency) -> list[tuple[int, str]]:
    return [
        (
            session.pk,
            f"Phiên họp ngày {timezone.localtime(session.held_at):%d/%m/%Y} "
            f"({getattr(session, 'passed', 0)} đề nghị được thông qua)",
        )
        for session in decidable_session_list(agency)
    ]
