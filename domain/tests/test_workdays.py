"""Working days across weekends, Tết and the national day."""

from datetime import date

import pytest

from domain.workdays import DEFAULT_CALENDAR, calendar_for


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (date(2026, 11, 20), 1, date(2026, 11, 23)),  # Friday + 1 → Monday
        (date(2026, 2, 13), 1, date(2026, 2, 23)),  # Tết 2026: 16–20/02 off, then the weekend
        (date(2026, 8, 31), 1, date(2026, 9, 3)),  # 01–02/09 off
        (date(2026, 4, 29), 1, date(2026, 5, 4)),  # 30/4, 01/5 off, then the weekend
        (date(2026, 11, 23), -1, date(2026, 11, 20)),
        (date(2026, 11, 23), 0, date(2026, 11, 23)),
    ],
)
def test_add_working_days(start, days, expected):
    assert DEFAULT_CALENDAR.add_working_days(start, days) == expected


def test_a_make_up_saturday_is_worked():
    calendar = calendar_for([2026], working_days=[date(2026, 1, 3)])
    assert calendar.is_working_day(date(2026, 1, 3))


def test_working_days_between_counts_across_tet():
    assert DEFAULT_CALENDAR.working_days_between(date(2026, 2, 13), date(2026, 2, 24)) == 2
