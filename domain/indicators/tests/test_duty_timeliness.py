"""The annual plan against its deadline (a province parameter) and the periodic reports against theirs."""

from datetime import date
from decimal import Decimal

import pytest

from domain.indicators.duty_timeliness import (
    DeadlineError,
    DueReport,
    YearDeadline,
    days_late,
    parse_year_deadline,
    plan_timeliness,
    reports_on_time,
)
from domain.report_periods import ANNUAL, COMMUNICATION, HALF_YEAR, QUARTERLY
from domain.scoring.values import Timeliness

D = date
YEAR_2026 = (D(2026, 1, 1), D(2026, 12, 31))


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("31/01", YearDeadline(31, 1)),
        (" 31 / 1 ", YearDeadline(31, 1)),
        ("15/12 năm trước", YearDeadline(15, 12, previous_year=True)),
        ("15/12 NAM TRUOC", YearDeadline(15, 12, previous_year=True)),
        ("29/02", YearDeadline(29, 2)),
    ],
)
def test_a_deadline_is_read_as_people_write_it(text, deadline):
    assert parse_year_deadline(text) == deadline
    assert parse_year_deadline(deadline.text) == deadline


@pytest.mark.parametrize("text", ["", "31/13", "30/02", "31-01", "cuối tháng 1", "31/01/2026"])
def test_a_deadline_that_is_no_day_is_refused_in_vietnamese(text):
    with pytest.raises(DeadlineError, match="Hạn"):
        parse_year_deadline(text)


def test_the_deadline_falls_in_the_plans_year_or_the_year_before():
    assert YearDeadline(31, 1).on(2026) == D(2026, 1, 31)
    assert YearDeadline(15, 12, previous_year=True).on(2026) == D(2025, 12, 15)
    assert YearDeadline(29, 2).on(2026) == D(2026, 2, 28)  # a common year


@pytest.mark.parametrize(
    ("issued_on", "today", "status"),
    [
        (D(2026, 1, 8), D(2026, 12, 16), Timeliness.ON_TIME),
        (D(2026, 1, 31), D(2026, 12, 16), Timeliness.ON_TIME),  # on the deadline itself
        (D(2026, 2, 1), D(2026, 12, 16), Timeliness.LATE),
        (None, D(2026, 2, 1), Timeliness.MISSING),
        (None, D(2026, 1, 31), None),  # not yet due
    ],
)
def test_a_plan_is_on_time_late_or_missing(issued_on, today, status):
    assert plan_timeliness(issued_on=issued_on, deadline=D(2026, 1, 31), today=today) == status


def test_days_late_count_after_the_deadline_only():
    assert days_late(issued_on=D(2026, 2, 9), deadline=D(2026, 1, 31)) == 9
    assert days_late(issued_on=D(2026, 1, 8), deadline=D(2026, 1, 31)) == 0


def test_reports_due_in_the_period_are_counted_once_settled():
    reports = [
        DueReport(QUARTERLY, D(2026, 3, 20), D(2026, 3, 18)),  # on time
        DueReport(HALF_YEAR, D(2026, 6, 20), D(2026, 6, 20)),  # on the deadline
        DueReport(QUARTERLY, D(2026, 9, 20), D(2026, 9, 25)),  # late
        DueReport(ANNUAL, D(2026, 12, 20)),  # not yet due on 16/12, not sent: not counted
        DueReport(ANNUAL, D(2026, 1, 20), None),  # last year's, due in January, never sent
        DueReport(ANNUAL, D(2025, 12, 20), D(2025, 12, 19)),  # due the year before
        DueReport(COMMUNICATION, D(2026, 12, 1)),  # not a periodic CCHC report
    ]
    tally = reports_on_time(reports, start=YEAR_2026[0], end=YEAR_2026[1], today=D(2026, 12, 16))
    assert (tally.on_time, tally.sent, tally.due) == (2, 3, 4)
    assert tally.rate == Decimal(50)
    assert tally.timeliness == Timeliness.LATE


def test_a_report_sent_before_its_deadline_counts_even_before_the_deadline():
    reports = [DueReport(ANNUAL, D(2026, 12, 20), D(2026, 12, 15))]
    tally = reports_on_time(reports, start=YEAR_2026[0], end=YEAR_2026[1], today=D(2026, 12, 16))
    assert (tally.on_time, tally.due, tally.timeliness) == (1, 1, Timeliness.ON_TIME)
    assert tally.rate == Decimal(100)


def test_nothing_sent_is_missing_and_nothing_due_has_no_figure():
    unsent = [DueReport(QUARTERLY, D(2026, 3, 20)), DueReport(HALF_YEAR, D(2026, 6, 20))]
    tally = reports_on_time(unsent, start=YEAR_2026[0], end=YEAR_2026[1], today=D(2026, 7, 1))
    assert (tally.due, tally.rate, tally.timeliness) == (2, Decimal(0), Timeliness.MISSING)
    empty = reports_on_time(unsent, start=YEAR_2026[0], end=YEAR_2026[1], today=D(2026, 3, 1))
    assert (empty.due, empty.rate, empty.timeliness) == (0, None, None)
