"""Reads of nominations and their dossiers, scoped by the user's agencies: another agency's nomination is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from apps.organizations.models import Agency, Person, Unit

from ..choices import InitiativeStatus, NominationStatus
from ..models import Initiative, Nomination, NominationDocument
from .common import readable


def nomination_list_for_user(
    *, user: Any, agency: Agency, year: int | None = None, status: str = ""
) -> QuerySet[Nomination]:
    """The agency's nominations (of ``year``, with ``status``) the user reads."""
    rows = readable(Nomination.objects.filter(agency=agency), user)
    if year is not None:
        rows = rows.filter(year=year)
    if status:
        rows = rows.filter(status=status)
    return rows.select_related("person", "unit", "nominee_agency", "agency").order_by("status", "form", "pk")


def nomination_get_for_user(*, user: Any, pk: int) -> Nomination:
    rows = readable(Nomination.objects.select_related("agency", "person", "unit", "nominee_agency"), user)
    nomination: Nomination = get_object_or_404(rows, pk=pk)
    return nomination


def check_queue_for_user(*, user: Any, agency: Agency) -> QuerySet[Nomination]:
    """The nominations sent and waiting for the focal point's check."""
    return nomination_list_for_user(user=user, agency=agency, status=NominationStatus.SUBMITTED)


def document_get_for_user(*, user: Any, pk: int) -> NominationDocument:
    rows = readable(NominationDocument.objects.select_related("nomination"), user, "nomination__agency_id")
    document: NominationDocument = get_object_or_404(rows, pk=pk)
    return document


def nominee_people(*, agency: Agency, unit_ids: set[int] | None = None) -> QuerySet[Person]:
    """The active people a nomination may name (all of the agency, or of ``unit_ids``)."""
    people = Person.objects.filter(agency=agency, is_active=True).select_related("unit")
    if unit_ids is not None:
        people = people.filter(unit_id__in=unit_ids)
    return people.order_by("full_name")


def nominee_units(*, agency: Agency, unit_ids: set[int] | None = None) -> QuerySet[Unit]:
    units = Unit.objects.filter(agency=agency, is_active=True)
    if unit_ids is not None:
        units = units.filter(pk__in=unit_ids)
    return units.order_by("name")


def proof_initiatives(*, nomination: Nomination) -> QuerySet[Initiative]:
    """Initiatives of the nominee that may prove the nomination (the service refuses those not recognised)."""
    rows = Initiative.objects.all()
    if nomination.person_id:
        rows = rows.filter(authors=nomination.person_id)
    elif nomination.unit_id:
        rows = rows.filter(unit_id=nomination.unit_id)
    else:
        rows = rows.filter(agency_id=nomination.nominee_agency_id or 0)
    return rows.distinct().order_by("-year", "title")


def recognised(initiative: Initiative) -> bool:
    return initiative.status == InitiativeStatus.RECOGNISED


def nominee_named(*, kind: str, pk: int) -> dict[str, Any]:
    """The nominee a form names, whatever its agency: the service refuses one of another agency with a message
    ("không thuộc cơ quan"), which a 404 here would hide."""
    if kind == "person":
        return {"person": Person.objects.filter(pk=pk).first()}
    if kind == "unit":
        return {"unit": Unit.objects.filter(pk=pk).first()}
    return {"nominee_agency": Agency.objects.filter(pk=pk).first()}


def initiative_for_user(*, user: Any, pk: int) -> Any:
    """An initiative of an agency the user reads, or None (the service then asks for a recognised one)."""
    return readable(Initiative.objects.all(), user).filter(pk=pk).first()
