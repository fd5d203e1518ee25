"""Reads of movements and what hangs on them, scoped by the user's agencies."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from apps.organizations.models import Agency

from ..models import Movement
from .common import readable


def movement_list_for_user(*, user: Any, agency: Agency | None = None) -> QuerySet[Movement]:
    movements = readable(Movement.objects.select_related("agency", "plan"), user)
    if agency is not None:
        movements = movements.filter(agency=agency)
    return movements.annotate(content_count=Count("contents", distinct=True))


def movement_get_for_user(*, user: Any, pk: int) -> Movement:
    return get_object_or_404(readable(Movement.objects.select_related("agency", "plan"), user), pk=pk)
