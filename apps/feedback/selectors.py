"""Reads of the feedback register, scoped by the user's agencies, and the counts of its indicators."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import scope_for
from domain.indicators.feedback_rates import FeedbackCounts, FeedbackFacts, feedback_counts, feedback_status
from domain.periods import Period
from domain.vntext import fold

from .models import Feedback


def feedback_list_for_user(*, user: Any) -> QuerySet[Feedback]:
    queryset = Feedback.objects.select_related("agency", "unit").order_by("-received_on", "-pk")
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def feedback_get_for_user(*, user: Any, pk: int) -> Feedback:
    found = feedback_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy phản ánh, kiến nghị.")
    return found


def status_of(feedback: Feedback, today: date | None = None) -> str:
    return feedback_status(feedback.facts, today or timezone.localdate())


def search_q(text: str) -> Q:
    query = Q()
    for word in fold(text).split():
        query &= Q(search_text__contains=word)
    return query


def feedback_counts_for(
    *, agency_ids: Iterable[int], period: Period, as_of: date | None = None
) -> FeedbackCounts:
    """The counts behind the feedback indicators of a period (each feedback by its dates, see feedback_rates)."""
    start, end = period.start, period.end
    rows = Feedback.objects.filter(agency_id__in=list(agency_ids)).filter(
        Q(received_on__range=(start, end)) | Q(due_on__range=(start, end)) | Q(replied_on__range=(start, end))
    )
    facts = [
        FeedbackFacts(received, remit, due, replied, forwarded, satisfied, complaint)
        for received, remit, due, replied, forwarded, satisfied, complaint in rows.values_list(
            "received_on", "remit", "due_on", "replied_on", "forwarded_on", "satisfied", "late_complaint"
        )
    ]
    return feedback_counts(facts, start, end, as_of=as_of or timezone.localdate())


def feedback_counts_by_agency(
    *, agency_ids: Iterable[int], period: Period, as_of: date | None = None
) -> dict[int, FeedbackCounts]:
    """The feedback counts of several agencies for a period, from one read."""
    start, end = period.start, period.end
    rows = Feedback.objects.filter(agency_id__in=list(agency_ids)).filter(
        Q(received_on__range=(start, end)) | Q(due_on__range=(start, end)) | Q(replied_on__range=(start, end))
    )
    by_agency: dict[int, list[FeedbackFacts]] = {}
    fields = ("received_on", "remit", "due_on", "replied_on", "forwarded_on", "satisfied", "late_complaint")
    for agency_id, received, remit, due, replied, forwarded, satisfied, complaint in rows.values_list(
        "agency_id", *fields
    ):
        facts = FeedbackFacts(received, remit, due, replied, forwarded, satisfied, complaint)
        by_agency.setdefault(agency_id, []).append(facts)
    day = as_of or timezone.localdate()
    return {
        agency_id: feedback_counts(facts, start, end, as_of=day) for agency_id, facts in by_agency.items()
    }
