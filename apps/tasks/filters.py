"""One FilterSet for the task register page, its Excel export and the API."""

from __future__ import annotations

from calendar import monthrange
from datetime import date
from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet

from apps.core.filters import FilterSet, PeriodFilter
from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan, ReformArea
from domain.task_status import STATUS_LABELS

from .selectors import search_q, status_q

QUARTER_MONTHS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


def quarter_bounds(value: str) -> tuple[date, date] | None:
    """“2026-Q3” → (01/07/2026, 30/09/2026); anything else → None."""
    try:
        year_text, quarter_text = value.upper().split("-Q")
        year, quarter = int(year_text), int(quarter_text)
        first, last = QUARTER_MONTHS[quarter]
        return date(year, first, 1), date(year, last, monthrange(year, last)[1])
    except (ValueError, KeyError):
        return None


class UnitChoiceField(forms.ModelChoiceField):
    """Units of several agencies share names ("Văn phòng Sở"), so the agency is named too."""

    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} — {obj.agency.name}"


class UnitChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = UnitChoiceField


class TaskFilter(FilterSet):
    q = django_filters.CharFilter(label="Tìm (gõ có dấu hay không dấu đều được)", method="filter_search")
    agency = django_filters.ModelChoiceFilter(label="Cơ quan", queryset=Agency.objects.none())
    plan = django_filters.ModelChoiceFilter(label="Kế hoạch", queryset=Plan.objects.none())
    area = django_filters.ModelChoiceFilter(label="Lĩnh vực", queryset=ReformArea.objects.all())
    unit = UnitChoiceFilter(
        label="Đơn vị (chủ trì hoặc phối hợp)", queryset=Unit.objects.none(), method="filter_unit"
    )
    lead = UnitChoiceFilter(label="Đơn vị chủ trì", queryset=Unit.objects.none(), method="filter_lead")
    quarter = PeriodFilter(label="Quý", kinds=("quarter",), method="filter_quarter")
    status = django_filters.ChoiceFilter(
        label="Trạng thái", choices=list(STATUS_LABELS.items()), method="filter_status"
    )
    clear = django_filters.ChoiceFilter(
        label="06 rõ", choices=[("yes", "Đủ 06 rõ"), ("no", "Chưa rõ")], method="filter_clear"
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], plans: QuerySet[Plan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].queryset = agencies
        self.filters["plan"].queryset = plans
        units = (
            Unit.objects.filter(agency__in=agencies).select_related("agency").order_by("agency__name", "name")
        )
        self.filters["unit"].queryset = units
        self.filters["lead"].queryset = units

    def filter_search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(search_q(value)) if value.strip() else queryset

    def filter_unit(self, queryset: QuerySet[Any], name: str, value: Unit) -> QuerySet[Any]:
        return queryset.filter(Q(lead_units=value) | Q(cooperating_units=value)).distinct()

    def filter_lead(self, queryset: QuerySet[Any], name: str, value: Unit) -> QuerySet[Any]:
        return queryset.filter(lead_units=value)

    def filter_quarter(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        bounds = quarter_bounds(value)
        if bounds is None:
            return queryset.none()
        start, end = bounds
        return queryset.filter(Q(start_on__lte=end) | Q(start_on__isnull=True), due_on__gte=start)

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(status_q(value)) if value else queryset

    def filter_clear(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(is_six_clear=(value == "yes"))
