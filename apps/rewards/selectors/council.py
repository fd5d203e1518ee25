"""Reads of the reward council, its sessions and votes, scoped by the user's agencies (404 otherwise)."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from apps.organizations.models import Agency, Person

from ..choices import CouncilRole, NominationStatus
from ..models import Council, CouncilMember, CouncilSession, Nomination, Vote
from .common import readable


def council_for_agency(*, user: Any, agency: Agency) -> Council | None:
    """The agency's active council, if the user reads the agency."""
    rows = readable(Council.objects.filter(agency=agency, is_active=True), user)
    return rows.order_by("-pk").first()


def council_get_for_user(*, user: Any, pk: int) -> Council:
    council: Council = get_object_or_404(readable(Council.objects.select_related("agency"), user), pk=pk)
    return council


def council_members(*, council: Council) -> QuerySet[CouncilMember]:
    """Chair, vice chair, secretary, then the members, each by name."""
    rank = Case(
        *(When(role=role, then=Value(index)) for index, role in enumerate(CouncilRole.values)),
        default=Value(len(CouncilRole.values)),
        output_field=IntegerField(),
    )
    return council.members.select_related("person").order_by(rank, "person__full_name")


def session_list(*, council: Council) -> QuerySet[CouncilSession]:
    return council.sessions.select_related("chair", "secretary").order_by("-held_at")


def session_get_for_user(*, user: Any, pk: int) -> CouncilSession:
    rows = readable(
        CouncilSession.objects.select_related("council", "council__agency"), user, "council__agency_id"
    )
    session: CouncilSession = get_object_or_404(rows, pk=pk)
    return session


def session_votes(*, session: CouncilSession) -> QuerySet[Vote]:
    return session.votes.select_related("nomination", "nomination__person", "nomination__unit").order_by("pk")


def checked_nominations(*, agency: Agency) -> QuerySet[Nomination]:
    """Every checked nomination waiting for the vote (those failing without the chair's override are shown but
    refused by the service)."""
    return (
        Nomination.objects.filter(agency=agency, status=NominationStatus.CHECKED)
        .select_related("person", "unit", "nominee_agency")
        .order_by("form", "pk")
    )


def council_person(*, council: Any, pk: int) -> Any:
    """A person of the council's own agency, or None."""
    return Person.objects.filter(pk=pk, agency_id=council.agency_id).first()
