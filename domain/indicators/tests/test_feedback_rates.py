"""Feedback indicators of Quyết định 766 and the forwarding deadline of Nghị định 20/2008."""

from datetime import date
from decimal import Decimal

import pytest

from domain.indicators.feedback_rates import (
    FeedbackFacts,
    feedback_counts,
    feedback_values,
    forward_due,
)

D = date
MARCH = (D(2026, 3, 1), D(2026, 3, 31))


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 3, 2), D(2026, 3, 9)),  # Monday → the next Monday
        (D(2026, 3, 6), D(2026, 3, 13)),  # Friday → the next Friday
        (D(2026, 4, 27), D(2026, 5, 6)),  # across 30/4 and 1/5
        (D(2026, 2, 13), D(2026, 2, 27)),  # across Tết (16–20/02/2026)
    ],
)
def test_forwarding_is_due_within_five_working_days(received, due):
    assert forward_due(received) == due


def test_on_time_rate_counts_each_feedback_in_the_period_of_its_deadline():
    items = [
        FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 10)),  # on time
        FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 11)),  # late
        FeedbackFacts(D(2026, 3, 20), due_on=D(2026, 3, 31), replied_on=None),  # not answered
        FeedbackFacts(D(2026, 3, 25), due_on=D(2026, 4, 3), replied_on=D(2026, 3, 30)),  # due in April
        FeedbackFacts(D(2026, 3, 3), remit="forwarded", forwarded_on=D(2026, 3, 9)),  # outside the remit
    ]
    counts = feedback_counts(items, *MARCH)
    assert (counts.due, counts.on_time) == (3, 1)
    assert feedback_values(counts)["feedback_on_time_rate"] == Decimal(100) / 3
    assert feedback_values(counts)["feedback_forward_on_time_rate"] == Decimal(100)


def test_deadlines_not_yet_reached_are_not_decided():
    items = [FeedbackFacts(D(2026, 3, 20), due_on=D(2026, 3, 31))]
    assert feedback_counts(items, *MARCH, as_of=D(2026, 3, 25)).due == 0


def test_satisfaction_excludes_the_unsatisfied_and_the_late_complaints_once():
    items = [
        FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 5), satisfied=True),
        FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 5), satisfied=False),
        FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 12), late_complaint=True),
        FeedbackFacts(
            D(2026, 3, 2),
            due_on=D(2026, 3, 10),
            replied_on=D(2026, 3, 12),
            satisfied=False,
            late_complaint=True,
        ),
    ]
    assert feedback_values(feedback_counts(items, *MARCH))["feedback_satisfaction_rate"] == Decimal(25)


def test_no_feedback_gives_no_values():
    assert set(feedback_values(feedback_counts([], *MARCH)).values()) == {None}


@pytest.mark.parametrize(
    ("item", "today", "status"),
    [
        (FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10)), D(2026, 3, 10), "pending"),
        (FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10)), D(2026, 3, 11), "overdue"),
        (
            FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 10)),
            D(2026, 4, 1),
            "answered_on_time",
        ),
        (
            FeedbackFacts(D(2026, 3, 2), due_on=D(2026, 3, 10), replied_on=D(2026, 3, 11)),
            D(2026, 4, 1),
            "answered_late",
        ),
        (FeedbackFacts(D(2026, 3, 2), remit="forwarded"), D(2026, 3, 9), "to_forward"),
        (FeedbackFacts(D(2026, 3, 2), remit="forwarded"), D(2026, 3, 10), "forward_overdue"),
        (
            FeedbackFacts(D(2026, 3, 2), remit="forwarded", forwarded_on=D(2026, 3, 10)),
            D(2026, 3, 10),
            "forwarded_late",
        ),
    ],
)
def test_status(item, today, status):
    from domain.indicators.feedback_rates import STATUS_LABELS, feedback_status

    assert feedback_status(item, today) == status
    assert STATUS_LABELS[status]
