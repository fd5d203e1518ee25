"""The agency a rewards page shows, and the scoping every rewards selector applies."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.organizations.models import Agency


def readable(queryset: QuerySet[Any], user: Any, field: str = "agency_id") -> QuerySet[Any]:
    """The rows of agencies the user reads (their roles' coverage); a superuser reads all."""
    ids = scope_for(user).readable_ids
    if ids is None:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def agency_for_user(*, user: Any, pk: int | None, fallback: Agency | None) -> Agency:
    """The agency asked for (?agency=) if the user reads it, else the one they work in; 404 otherwise."""
    agency = fallback if pk is None else readable(Agency.objects.all(), user, "pk").filter(pk=pk).first()
    if agency is None or not user.has_perm("rewards.view", agency):
        raise Http404("Không tìm thấy cơ quan.")
    return agency
