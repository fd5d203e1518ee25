"""How a report counts task occurrences at the data cut-off."""

from datetime import date
from decimal import Decimal

import pytest

from domain.report_tasks import (
    DONE_LATE,
    DONE_ON_TIME,
    IN_PROGRESS,
    OVERDUE,
    OccurrenceFacts,
    StatusCounts,
    detailed_status,
    in_scope,
    report_status,
    tally,
)

START, END, PERIOD_END = date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 31)


def facts(due, **kwargs):
    return OccurrenceFacts(due_on=due, **kwargs)


@pytest.mark.parametrize(
    ("occurrence", "counted"),
    [
        (facts(date(2026, 3, 31)), True),  # due in the window
        (facts(date(2025, 12, 15)), True),  # first day
        (facts(date(2026, 12, 14)), True),  # last day
        (facts(date(2025, 11, 30)), True),  # overdue, still open: carried over
        (facts(date(2025, 11, 30), accepted_on=date(2025, 12, 1)), False),  # closed before the window
        (facts(date(2025, 11, 30), accepted_on=date(2026, 1, 5)), True),  # closed late, inside the window
        (facts(date(2026, 12, 31)), True),  # annual task due 31/12, no start: in the annual report
        (facts(date(2027, 3, 31)), False),  # next year, not started
        (facts(date(2027, 3, 31), start_on=date(2026, 10, 1)), True),  # started in the window
        (facts(date(2027, 3, 31), accepted_on=date(2026, 11, 1)), True),  # finished early in the window
        (facts(date(2027, 3, 31), accepted_on=date(2026, 12, 20)), False),  # finished after the cut-off
        (facts(date(2026, 3, 31), not_applicable=True), False),
    ],
)
def test_which_occurrences_a_report_counts(occurrence, counted):
    assert in_scope(occurrence, start=START, end=END, period_end=PERIOD_END) is counted


@pytest.mark.parametrize(
    ("occurrence", "as_of", "status"),
    [
        (facts(date(2026, 3, 31), accepted_on=date(2026, 3, 30)), END, DONE_ON_TIME),
        (
            facts(date(2026, 3, 31), completed_on=date(2026, 3, 31), accepted_on=date(2026, 4, 3)),
            END,
            DONE_ON_TIME,
        ),
        (
            facts(date(2026, 3, 31), completed_on=date(2026, 4, 2), accepted_on=date(2026, 4, 3)),
            END,
            DONE_LATE,
        ),
        (facts(date(2026, 3, 31), accepted_on=date(2026, 4, 3)), END, DONE_LATE),
        (facts(date(2026, 3, 31)), END, OVERDUE),
        (facts(date(2026, 3, 31), submitted_on=date(2026, 3, 30)), END, IN_PROGRESS),  # awaiting acceptance
        (facts(date(2026, 12, 31)), END, IN_PROGRESS),
        # Accepted after the cut-off: at the cut-off it was overdue.
        (facts(date(2026, 11, 30), accepted_on=date(2026, 12, 20)), END, OVERDUE),
        # Submitted after the cut-off does not count either.
        (facts(date(2026, 11, 30), submitted_on=date(2026, 12, 16)), END, OVERDUE),
        # Due on the cut-off day itself is not yet overdue.
        (facts(END), END, IN_PROGRESS),
    ],
)
def test_status_at_the_cut_off(occurrence, as_of, status):
    assert report_status(occurrence, as_of) == status


def test_detailed_status_for_the_annex():
    assert detailed_status(facts(date(2026, 12, 18)), date(2026, 12, 14)) == "due_soon"
    assert (
        detailed_status(facts(date(2026, 3, 31), submitted_on=date(2026, 3, 1)), END) == "awaiting_acceptance"
    )


def test_tally_and_on_time_rate():
    counts = tally([DONE_ON_TIME, DONE_ON_TIME, DONE_LATE, OVERDUE, IN_PROGRESS, "anything else"])
    assert counts == StatusCounts(on_time=2, late=1, overdue=1, in_progress=2)
    assert counts.total == 6 and counts.done == 3 and counts.fallen_due == 4
    assert counts.on_time_rate == Decimal("50.0")
    assert StatusCounts(on_time=2, late=1).on_time_rate == Decimal("66.7")
    assert StatusCounts(in_progress=3).on_time_rate is None
    assert counts + StatusCounts(on_time=1) == StatusCounts(3, 1, 1, 2)
