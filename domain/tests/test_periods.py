"""Reporting periods: how they are written, their days and months, their edges."""

from datetime import date

import pytest

from domain.periods import PeriodError, parse_period, period_containing, trailing_months


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "code", "label"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31), "year", "2026", "Năm 2026"),
        ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "half", "2026-H1", "6 tháng đầu năm 2026"),
        ("2026-h2", date(2026, 7, 1), date(2026, 12, 31), "half", "2026-H2", "6 tháng cuối năm 2026"),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "quarter", "2026-Q1", "Quý I/2026"),
        ("2026-q3", date(2026, 7, 1), date(2026, 9, 30), "quarter", "2026-Q3", "Quý III/2026"),
        ("2026-03", date(2026, 3, 1), date(2026, 3, 31), "month", "2026-03", "Tháng 03/2026"),
        ("2026-2", date(2026, 2, 1), date(2026, 2, 28), "month", "2026-02", "Tháng 02/2026"),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29), "month", "2028-02", "Tháng 02/2028"),
        (" 2026-12 ", date(2026, 12, 1), date(2026, 12, 31), "month", "2026-12", "Tháng 12/2026"),
    ],
)
def test_parse_period(text, start, end, kind, code, label):
    period = parse_period(text)
    assert (period.start, period.end, period.kind, period.code, period.label) == (
        start,
        end,
        kind,
        code,
        label,
    )
    assert parse_period(period.code) == period


@pytest.mark.parametrize(
    "text", ["", "26", "2026-13", "2026-00", "2026-Q5", "2026-H3", "2026/03", "năm 2026", "1800"]
)
def test_bad_periods_say_how_to_write_them(text):
    with pytest.raises(PeriodError) as error:
        parse_period(text)
    assert "2026" in str(error.value) or "Tháng" in str(error.value) or "Năm" in str(error.value)


def test_months_and_edges():
    quarter = parse_period("2026-Q2")
    assert quarter.months == [202604, 202605, 202606]
    assert quarter.contains(date(2026, 6, 30)) and not quarter.contains(date(2026, 7, 1))
    assert parse_period("2026").months[0] == 202601 and parse_period("2026").last_month == 202612


def test_previous_and_same_period_of_another_year():
    assert parse_period("2026-01").previous().code == "2025-12"
    assert parse_period("2026-Q1").previous().code == "2025-Q4"
    assert parse_period("2026-H1").previous().code == "2025-H2"
    assert parse_period("2026").previous().code == "2025"
    assert parse_period("2026-12").next().code == "2027-01"
    assert parse_period("2026-Q4").next().code == "2027-Q1"
    assert parse_period("2026-H1").next().code == "2026-H2"
    assert parse_period("2026").next().code == "2027"
    assert parse_period("2026-Q3").same_period_of_year(2025).code == "2025-Q3"


def test_period_containing_and_trailing_months():
    assert period_containing(date(2026, 8, 15), "quarter").code == "2026-Q3"
    assert [p.code for p in trailing_months(parse_period("2026-02"), 3)] == ["2025-12", "2026-01", "2026-02"]


def test_elapsed_share():
    month = parse_period("2026-04")
    assert month.elapsed_share(date(2026, 3, 31)) == 0
    assert month.elapsed_share(date(2026, 4, 15)) == pytest.approx(0.5)
    assert month.elapsed_share(date(2026, 4, 30)) == 1
