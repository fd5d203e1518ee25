"""Reads of the rewards register (sổ khen thưởng) and of each nominee's history, scoped by the user's agencies:
every award of a person or a collective across years, from decisions here or entered from the paper register,
and the nominations made for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from apps.organizations.models import Agency, Person, Unit

from ..models import Award, Nomination
from .common import readable

__all__ = [
    "History",
    "award_list_for_user",
    "history_for_agency",
    "history_for_person",
    "history_for_unit",
    "register_people",
    "register_units",
    "register_years",
]


def award_list_for_user(
    *,
    user: Any,
    agency: Agency | None = None,
    year: int | None = None,
    form: str = "",
    unit: int | None = None,
    subject: str = "",
) -> QuerySet[Award]:
    """The register: the awards of the agencies the user reads, filtered by year, form, subject and unit (a
    unit's own awards as a collective and those of its people)."""
    awards = readable(
        Award.objects.select_related("agency", "decision", "person__unit", "unit", "nominee_agency"), user
    )
    if agency is not None:
        awards = awards.filter(agency=agency)
    if year is not None:
        awards = awards.filter(year=year)
    if form:
        awards = awards.filter(form=form)
    if subject:
        awards = awards.filter(subject=subject)
    if unit is not None:
        awards = awards.filter(unit_id=unit) | awards.filter(person__unit_id=unit)
    return awards.order_by("-year", "form", "recipient_name", "pk")


def register_years(agency: Agency) -> list[int]:
    return sorted(set(Award.objects.filter(agency=agency).values_list("year", flat=True)), reverse=True)


def register_units(agency: Agency) -> QuerySet[Unit]:
    return Unit.objects.filter(agency=agency, is_active=True).order_by("name")


def register_people(agency: Agency) -> QuerySet[Person]:
    return Person.objects.filter(agency=agency).order_by("full_name")


@dataclass(frozen=True)
class History:
    """A nominee's record: every award across years (newest first) and every nomination made for them."""

    name: str
    subject: str  # "person" or "collective"
    agency: Agency
    detail: str  # position and unit of a person
    awards: list[Award]
    nominations: list[Nomination]


def _awards(**lookup: Any) -> list[Award]:
    return list(
        Award.objects.filter(**lookup)
        .select_related("decision")
        .order_by("-year", "-decided_on", "form", "pk")
    )


def _nominations(**lookup: Any) -> list[Nomination]:
    return list(
        Nomination.objects.filter(**lookup).select_related("movement").order_by("-year", "form", "-pk")
    )


def history_for_person(*, user: Any, pk: int) -> History:
    person = get_object_or_404(readable(Person.objects.select_related("agency", "unit"), user), pk=pk)
    detail = ", ".join(part for part in (person.position, person.unit.name if person.unit else "") if part)
    return History(
        person.full_name,
        "person",
        person.agency,
        detail,
        _awards(person=person),
        _nominations(person=person),
    )


def history_for_unit(*, user: Any, pk: int) -> History:
    unit = get_object_or_404(readable(Unit.objects.select_related("agency"), user), pk=pk)
    return History(unit.name, "collective", unit.agency, "", _awards(unit=unit), _nominations(unit=unit))


def history_for_agency(*, user: Any, pk: int) -> History:
    agency = get_object_or_404(readable(Agency.objects.all(), user, "pk"), pk=pk)
    return History(
        agency.name,
        "collective",
        agency,
        "",
        _awards(nominee_agency=agency),
        _nominations(nominee_agency=agency),
    )
