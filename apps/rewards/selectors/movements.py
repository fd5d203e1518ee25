"""Reads of movements and what hangs on them, scoped by the user's agencies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from apps.indicators.scorecard import agency_values
from apps.organizations.models import Agency, Person, Unit
from apps.plans.models import Plan
from domain.periods import parse_period

from ..models import (
    AnnualRating,
    ContestScore,
    ContestTable,
    Initiative,
    Movement,
    MovementContent,
    Participant,
    Registration,
)
from .common import readable


def movement_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Movement]:
    movements = readable(Movement.objects.select_related("agency", "plan"), user)
    if agency is not None:
        movements = movements.filter(agency=agency)
    return movements.annotate(content_count=Count("contents", distinct=True))


def movement_get_for_user(*, user: Any, pk: int) -> Movement:
    return get_object_or_404(readable(Movement.objects.select_related("agency", "plan"), user), pk=pk)


def movement_of_plan(*, plan: Plan) -> Movement | None:
    """The movement a plan the caller already read launched, if any."""
    return Movement.objects.filter(plan=plan).first()


def emulation_plans(*, agency: Agency) -> QuerySet[Plan]:
    """The agency's emulation plans without a movement yet, for the "Tạo phong trào" choice."""
    return (
        Plan.objects.filter(agency=agency, plan_type="emulation", movements__isnull=True)
        .exclude(status="superseded")
        .order_by("-issued_on", "-pk")
    )


# --- contents with their indicator's current value -------------------------------------------------------------


@dataclass(frozen=True)
class ContentRow:
    content: MovementContent
    value: Decimal | None
    provenance: str


def content_rows(*, movement: Movement, year: int, today: date | None = None) -> list[ContentRow]:
    """The movement's contents, each with its indicator's value for the agency in ``year`` (when linked)."""
    contents = list(movement.contents.select_related("indicator").order_by("order", "pk"))
    indicators = [c.indicator for c in contents if c.indicator is not None]
    values: dict[str, Any] = {}
    if indicators:
        found = agency_values(
            agency=movement.agency,
            period=parse_period(str(year)),
            today=today or timezone.localdate(),
            indicators=indicators,
        )
        values = found.values
    rows = []
    for content in contents:
        value = values.get(content.indicator.code) if content.indicator is not None else None
        rows.append(
            ContentRow(content, value.value if value is not None else None, value.provenance if value else "")
        )
    return rows


def yearly_report(*, movement: Movement, year: int) -> Any:
    """The emulation report (apps.reports) of the movement's agency for ``year``, if it was drawn up."""
    from apps.reports.models import Report

    return Report.objects.filter(
        agency=movement.agency, report_type="emulation", period_code=str(year)
    ).first()


def participants_of(*, movement: Movement) -> QuerySet[Participant]:
    return movement.participants.select_related("unit", "participant_agency").order_by("group", "pk")


# --- registrations ---------------------------------------------------------------------------------------------


def registrations_of(*, movement: Movement, year: int) -> QuerySet[Registration]:
    return movement.registrations.filter(year=year).select_related(
        "person", "unit", "nominee_agency", "person__unit"
    )


@dataclass(frozen=True)
class Missing:
    units: list[Unit]
    people: list[Person]


def not_registered(*, movement: Movement, year: int) -> Missing:
    """The participant units and the agency's people without a registration for ``year``."""
    done = registrations_of(movement=movement, year=year)
    unit_ids = {r.unit_id for r in done if r.unit_id}
    person_ids = {r.person_id for r in done if r.person_id}
    units = [
        p.unit for p in participants_of(movement=movement) if p.unit is not None and p.unit_id not in unit_ids
    ]
    people = list(
        Person.objects.filter(agency=movement.agency, is_active=True)
        .exclude(pk__in=person_ids)
        .select_related("unit")
        .order_by("unit__name", "full_name")
    )
    return Missing(units, people)


def registration_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Registration]:
    registrations = readable(
        Registration.objects.select_related("movement", "person", "unit", "nominee_agency"),
        user,
        "movement__agency_id",
    )
    if agency is not None:
        registrations = registrations.filter(movement__agency=agency)
    return registrations.order_by("-year", "pk")


def registration_get_for_user(*, user: Any, pk: int) -> Registration:
    return get_object_or_404(registration_list_for_user(user=user), pk=pk)


# --- initiatives -----------------------------------------------------------------------------------------------


def initiative_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Initiative]:
    initiatives = readable(
        Initiative.objects.select_related("agency", "unit", "movement").prefetch_related("authors"), user
    )
    if agency is not None:
        initiatives = initiatives.filter(agency=agency)
    return initiatives


def initiative_get_for_user(*, user: Any, pk: int) -> Initiative:
    return get_object_or_404(initiative_list_for_user(user=user), pk=pk)


# --- annual ratings --------------------------------------------------------------------------------------------


def annual_rating_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[AnnualRating]:
    ratings = readable(AnnualRating.objects.select_related("agency", "person", "person__unit", "unit"), user)
    if agency is not None:
        ratings = ratings.filter(agency=agency)
    return ratings.order_by("-year", "unit__name", "person__full_name")


def annual_rating_get_for_user(*, user: Any, pk: int) -> AnnualRating:
    return get_object_or_404(annual_rating_list_for_user(user=user), pk=pk)


def agency_people(*, agency: Agency) -> QuerySet[Person]:
    return Person.objects.filter(agency=agency, is_active=True).select_related("unit").order_by("full_name")


def agency_units(*, agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency, is_active=True).order_by("-is_focal", "name")


# --- contest ---------------------------------------------------------------------------------------------------


def contest_tables_of(*, movement: Movement) -> QuerySet[ContestTable]:
    return movement.contest_tables.select_related("criteria_set").order_by("group", "pk")


def contest_table_get_for_user(*, user: Any, pk: int) -> ContestTable:
    tables = readable(
        ContestTable.objects.select_related("movement", "movement__agency", "criteria_set"),
        user,
        "movement__agency_id",
    )
    return get_object_or_404(tables, pk=pk)


def participant_of(*, movement: Movement, pk: int | None) -> Participant:
    found = (
        movement.participants.select_related("unit", "participant_agency").filter(pk=pk).first()
        if pk
        else None
    )
    if found is None:
        raise Http404("Không tìm thấy đối tượng thi đua.")
    return found


def ranking(*, table: ContestTable, year: int) -> list[ContestScore]:
    """The table's scores of ``year``, best first (ties keep the participants' order)."""
    return list(
        table.scores.filter(year=year)
        .select_related("participant__unit", "participant__participant_agency")
        .order_by("-total", "participant_id")
    )


def contest_score_of(*, table: ContestTable, participant: Participant, year: int) -> ContestScore | None:
    return table.scores.filter(participant=participant, year=year).first()
