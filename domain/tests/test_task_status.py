"""Statuses from dates, walked through a task's life."""

from datetime import date

import pytest

from domain.task_status import (
    AWAITING_ACCEPTANCE,
    DONE_LATE,
    DONE_ON_TIME,
    DUE_SOON,
    IN_PROGRESS,
    NOT_STARTED,
    OVERDUE,
    UNDATED,
    status_from_dates,
)

Q3 = {"start": date(2026, 7, 1), "due": date(2026, 9, 30)}


@pytest.mark.parametrize(
    ("today", "extra", "expected"),
    [
        (date(2026, 6, 30), {}, NOT_STARTED),
        (date(2026, 7, 1), {}, IN_PROGRESS),
        (date(2026, 9, 23), {}, DUE_SOON),
        (date(2026, 9, 30), {}, DUE_SOON),
        (date(2026, 10, 1), {}, OVERDUE),
        (date(2026, 9, 1), {"submitted": True}, AWAITING_ACCEPTANCE),
        (date(2026, 10, 5), {"accepted_on": date(2026, 9, 30)}, DONE_ON_TIME),
        (date(2026, 10, 5), {"accepted_on": date(2026, 10, 2)}, DONE_LATE),
        (date(2026, 9, 1), {"soon_days": 30}, DUE_SOON),
    ],
)
def test_status_walks_through_the_window(today, extra, expected):
    assert status_from_dates(**Q3, today=today, **extra) == expected


def test_a_task_without_a_due_date_is_undated():
    assert status_from_dates(start=None, due=None, today=date(2026, 5, 1)) == UNDATED
