"""One FilterSet for the feedback register page, its Excel export and the API."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from apps.core.filters import FilterSet
from apps.organizations.models import Agency
from domain.indicators.feedback_rates import STATUS_LABELS

from .choices import FeedbackChannel, Remit
from .selectors import search_q


def status_q(status: str, today: Any) -> Q:
    """The database form of `domain.indicators.feedback_rates.feedback_status`."""
    own, forwarded = Q(remit=Remit.OWN), Q(remit=Remit.FORWARDED)
    by_status = {
        "pending": own & Q(replied_on__isnull=True) & (Q(due_on__isnull=True) | Q(due_on__gte=today)),
        "overdue": own & Q(replied_on__isnull=True, due_on__lt=today),
        "answered_on_time": own
        & Q(replied_on__isnull=False)
        & (Q(due_on__isnull=True) | Q(replied_on__lte=F("due_on"))),
        "answered_late": own & Q(replied_on__isnull=False, replied_on__gt=F("due_on")),
        "to_forward": forwarded & Q(forwarded_on__isnull=True, forward_due_on__gte=today),
        "forward_overdue": forwarded & Q(forwarded_on__isnull=True, forward_due_on__lt=today),
        "forwarded_on_time": forwarded & Q(forwarded_on__isnull=False, forwarded_on__lte=F("forward_due_on")),
        "forwarded_late": forwarded & Q(forwarded_on__isnull=False, forwarded_on__gt=F("forward_due_on")),
    }
    return by_status.get(status, Q())


class FeedbackFilter(FilterSet):
    q = django_filters.CharFilter(label="Tìm (mã, người gửi, nội dung)", method="filter_search")
    agency = django_filters.ModelChoiceFilter(label="Cơ quan", queryset=Agency.objects.none())
    status = django_filters.ChoiceFilter(
        label="Tình trạng", choices=list(STATUS_LABELS.items()), method="filter_status"
    )
    channel = django_filters.ChoiceFilter(label="Kênh", choices=FeedbackChannel.choices)
    remit = django_filters.ChoiceFilter(label="Thẩm quyền", choices=Remit.choices)
    received_from = django_filters.DateFilter(
        label="Tiếp nhận từ ngày", field_name="received_on", lookup_expr="gte"
    )
    received_to = django_filters.DateFilter(label="đến ngày", field_name="received_on", lookup_expr="lte")

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["agency"].queryset = agencies

    def filter_search(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(search_q(value)) if value.strip() else queryset

    def filter_status(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        return queryset.filter(status_q(value, timezone.localdate())) if value else queryset
