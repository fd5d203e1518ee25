"""Every read of the agency tree that crosses a permission boundary: scoped by the user, 404 otherwise."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from auditlog.models import LogEntry
from django.db.models import Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for

from .models import Agency, Person, Unit


def _readable(queryset: QuerySet[Any], user: Any, field: str) -> QuerySet[Any]:
    ids = scope_for(user).readable_ids
    if ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def agency_list_for_user(*, user: Any) -> QuerySet[Agency]:
    return _readable(Agency.objects.select_related("parent"), user, "id")


def agency_get_for_user(*, user: Any, pk: int) -> Agency:
    agency = agency_list_for_user(user=user).filter(pk=pk).first()
    if agency is None:
        raise Http404("Không tìm thấy cơ quan.")
    return agency


def agency_parent_choices_for_user(*, user: Any, agency: Agency) -> QuerySet[Agency]:
    """Where an agency may be moved: any agency the user reads, and its current parent, never itself."""
    visible = agency_list_for_user(user=user)
    return (
        Agency.objects.filter(Q(pk__in=visible.values("pk")) | Q(pk=agency.parent_id))
        .exclude(pk=agency.pk)
        .order_by("name")
    )


def agency_get_by_code_for_user(*, user: Any, code: str) -> Agency:
    agency = agency_list_for_user(user=user).filter(code__iexact=code).first()
    if agency is None:
        raise Http404("Không tìm thấy cơ quan.")
    return agency


def unit_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Unit]:
    queryset = _readable(Unit.objects.select_related("agency"), user, "agency_id")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset


def unit_get_for_user(*, user: Any, pk: int) -> Unit:
    unit = unit_list_for_user(user=user).filter(pk=pk).first()
    if unit is None:
        raise Http404("Không tìm thấy đơn vị.")
    return unit


def person_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Person]:
    queryset = _readable(Person.objects.select_related("agency", "unit"), user, "agency_id")
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset


def person_get_for_user(*, user: Any, pk: int) -> Person:
    person = person_list_for_user(user=user).filter(pk=pk).first()
    if person is None:
        raise Http404("Không tìm thấy cán bộ.")
    return person


@dataclass(frozen=True)
class TreeNode:
    agency: Agency
    depth: int


def agency_tree_for_user(*, user: Any) -> list[TreeNode]:
    """Visible agencies in tree order; an agency whose parent is hidden starts its own branch."""
    agencies = list(agency_list_for_user(user=user).order_by("name"))
    visible = {agency.pk for agency in agencies}
    children: dict[int | None, list[Agency]] = {}
    for agency in agencies:
        parent_id = agency.parent_id if agency.parent_id in visible else None
        children.setdefault(parent_id, []).append(agency)
    nodes: list[TreeNode] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for agency in children.get(parent_id, []):
            nodes.append(TreeNode(agency, depth))
            walk(agency.pk, depth + 1)

    walk(None, 0)
    return nodes


def agency_history_for_user(*, user: Any, agency: Agency) -> QuerySet[LogEntry]:
    """The audit trail of an agency: its own record, its units, its people and everything tagged with it."""
    if not user.has_perm("organizations.view_history", agency):
        raise Http404("Không tìm thấy lịch sử.")
    return (
        LogEntry.objects.filter(Q(additional_data__agency_id=agency.pk))
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


def agency_descendant_ids(*, agency: Agency) -> set[int]:
    """Ids of every agency below this one (not itself)."""
    parents = dict(Agency.objects.values_list("id", "parent_id"))
    out: set[int] = set()
    frontier = {agency.pk}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - out
        out |= frontier
    return out
