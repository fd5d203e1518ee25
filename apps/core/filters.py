"""The base of every register's FilterSet: "Tất cả" as the empty choice of every list, yes/no in Vietnamese,
dates typed dd/mm/yyyy and periods picked by name, so that each app's filters only declare what they filter."""

from __future__ import annotations

from typing import Any

import django_filters
from django_filters.widgets import BooleanWidget

from .form_fields import PeriodField, VnDateInput

ALL = "Tất cả"


class YesNoWidget(BooleanWidget):
    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("", ALL), ("true", "Có"), ("false", "Không")]


class PeriodFilter(django_filters.CharFilter):
    """A period (2026, 2026-Q1 …) picked from a list of Vietnamese names, "Tất cả" first."""

    field_class = PeriodField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", ALL)
        super().__init__(*args, **kwargs)


class FilterSet(django_filters.FilterSet):
    """Use instead of django_filters.FilterSet in every app."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for filter_ in self.filters.values():
            if isinstance(filter_, django_filters.ChoiceFilter | django_filters.ModelChoiceFilter):
                filter_.extra["empty_label"] = ALL
            elif isinstance(filter_, django_filters.BooleanFilter):
                filter_.extra.setdefault("widget", YesNoWidget())
            elif isinstance(filter_, django_filters.DateFilter):
                filter_.extra.setdefault("widget", VnDateInput())
