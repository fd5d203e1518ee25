"""One FilterSet for the dossier list (the drill-down behind every figure), its Excel export and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import QuerySet

from apps.core.filters import FilterSet, PeriodFilter
from apps.organizations.models import Agency, Unit
from apps.organizations.selectors import agency_list_for_user
from domain.periods import parse_period

from .choices import Channel, Metric
from .selectors import dossier_list_for_user, metric_q


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} — {obj.agency.short_name or obj.agency.name}"


class DossierFilter(FilterSet):
    agency = django_filters.ModelChoiceFilter(label="Cơ quan", queryset=Agency.objects.none())
    period = PeriodFilter(label="Kỳ", method="filter_nothing")
    metric = django_filters.ChoiceFilter(label="Số liệu", choices=Metric.choices, method="filter_nothing")
    unit = django_filters.ModelChoiceFilter(label="Đơn vị", queryset=Unit.objects.none())
    procedure = django_filters.CharFilter(
        label="Mã thủ tục", field_name="procedure__code", lookup_expr="iexact"
    )
    channel = django_filters.ChoiceFilter(label="Kênh nộp", choices=Channel.choices)
    q = django_filters.CharFilter(label="Mã hồ sơ", field_name="code", lookup_expr="icontains")

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].queryset = agencies
        self.filters["unit"].queryset = (
            Unit.objects.filter(agency__in=agencies).select_related("agency").order_by("agency__name", "name")
        )
        self.filters["unit"].field_class = UnitChoiceField

    def filter_nothing(self, queryset: QuerySet[Any], name: str, value: Any) -> QuerySet[Any]:
        return queryset  # read together in filter_queryset

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        period = self.form.cleaned_data.get("period")
        if period:
            metric = self.form.cleaned_data.get("metric") or Metric.RECEIVED
            queryset = queryset.filter(metric_q(metric, parse_period(period)))
        return queryset


def dossier_filter_for_user(*, user: Any, data: Any) -> tuple[DossierFilter, QuerySet[Any]]:
    """The list page, its export and the background export read the same filtered, permission-scoped list; a
    filter that does not validate gives an empty list (the page shows why)."""
    dossier_filter = DossierFilter(
        data or None, queryset=dossier_list_for_user(user=user), agencies=agency_list_for_user(user=user)
    )
    usable = not dossier_filter.is_bound or dossier_filter.is_valid()
    return dossier_filter, dossier_filter.qs if usable else dossier_filter.queryset.none()
