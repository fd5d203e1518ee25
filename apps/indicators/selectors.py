"""Reads of the catalogue, the measurements, the target links and the published 766 scores, scoped by agency."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.plans.models import Target

from .models import Indicator, Measurement, ServiceIndexGroup, ServiceIndexScore, TargetLink


def _readable(queryset: QuerySet[Any], user: Any, field: str) -> QuerySet[Any]:
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def indicators_in_force(*, on: date) -> QuerySet[Indicator]:
    """The catalogue as it stood on a day: for each code, the version whose dates cover it."""
    return (
        Indicator.objects.filter(valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("group")
        .order_by("order", "code")
    )


def groups_in_force(*, on: date) -> QuerySet[ServiceIndexGroup]:
    return ServiceIndexGroup.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )


def measurement_list_for_user(*, user: Any) -> QuerySet[Measurement]:
    return _readable(
        Measurement.objects.select_related("indicator", "agency", "unit", "recorded_by"), user, "agency_id"
    ).order_by("-period_start", "indicator__order")


def measurement_get_for_user(*, user: Any, pk: int) -> Measurement:
    found = measurement_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy số liệu.")
    return found


def entered_values(*, agency_ids: Iterable[int], period_code: str) -> dict[tuple[int, str], Measurement]:
    """(agency id, indicator code) → the agency-level measurement of that period."""
    rows = Measurement.objects.filter(
        agency_id__in=list(agency_ids), period=period_code, unit__isnull=True
    ).select_related("indicator")
    return {(row.agency_id, row.indicator.code): row for row in rows}


def target_list_for_user(*, user: Any, agency_id: int | None = None) -> QuerySet[Target]:
    queryset = _readable(
        Target.objects.select_related("objective__plan__agency", "indicator_link__indicator"),
        user,
        "objective__plan__agency_id",
    ).order_by(
        "objective__plan__agency__name",
        "-objective__plan__period_start",
        "objective__plan",
        "objective__order",
    )
    if agency_id is not None:
        queryset = queryset.filter(objective__plan__agency_id=agency_id)
    return queryset


def target_get_for_user(*, user: Any, pk: int) -> Target:
    found = target_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy chỉ tiêu.")
    return found


def link_of(target: Target) -> TargetLink | None:
    try:
        return target.indicator_link  # type: ignore[attr-defined, no-any-return]
    except TargetLink.DoesNotExist:
        return None


def service_scores(*, agency_ids: Iterable[int], months: Iterable[str]) -> QuerySet[ServiceIndexScore]:
    return ServiceIndexScore.objects.filter(
        agency_id__in=list(agency_ids), month__in=list(months)
    ).select_related("group")


def service_score_list_for_user(*, user: Any) -> QuerySet[ServiceIndexScore]:
    return _readable(ServiceIndexScore.objects.select_related("agency", "group"), user, "agency_id").order_by(
        "-month", "agency__name", "group__order"
    )
