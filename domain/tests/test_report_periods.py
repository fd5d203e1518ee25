"""Report periods: data windows of Nghị định 09/2019/NĐ-CP, deadlines, the reports of a year."""

from datetime import date

import pytest

from domain.periods import PeriodError, parse_period
from domain.report_periods import (
    ANNUAL,
    DEFAULT_RULES,
    EMULATION,
    HALF_YEAR,
    MONTHLY,
    QUARTERLY,
    ReportRule,
    data_window,
    is_scheduled,
    kind_from_text,
    period_phrase,
    report_deadline,
    report_periods,
    report_subject,
    report_title,
    schedule_of_year,
)


@pytest.mark.parametrize(
    ("kind", "period", "start", "end", "deadline"),
    [
        # Điều 12 khoản 1: monthly 15th of the previous month → 14th.
        (MONTHLY, "2026-03", date(2026, 2, 15), date(2026, 3, 14), date(2026, 3, 20)),
        (MONTHLY, "2026-01", date(2025, 12, 15), date(2026, 1, 14), date(2026, 1, 20)),
        # Quarterly: 15th of the month before the quarter → 14th of its last month.
        (QUARTERLY, "2026-Q1", date(2025, 12, 15), date(2026, 3, 14), date(2026, 3, 20)),
        (QUARTERLY, "2026-Q3", date(2026, 6, 15), date(2026, 9, 14), date(2026, 9, 20)),
        # 6-month: 15/12 → 14/6; annual: 15/12 → 14/12.
        (HALF_YEAR, "2026-H1", date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 20)),
        (ANNUAL, "2026", date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 20)),
        # The emulation report is due 20/11 (seed 004): its data stop at 14/11.
        (EMULATION, "2026", date(2025, 12, 15), date(2026, 11, 14), date(2026, 11, 20)),
    ],
)
def test_default_windows_and_deadlines(kind, period, start, end, deadline):
    rule = DEFAULT_RULES[kind]
    assert data_window(rule, parse_period(period)) == (start, end)
    assert report_deadline(rule, parse_period(period)) == deadline


@pytest.mark.parametrize(
    ("rule", "period", "window", "deadline"),
    [
        # Cut-off 0: the calendar period, due on the 5th of the next month.
        (
            ReportRule(MONTHLY, "month", (2,), cutoff_day=0, deadline_day=5, deadline_offset_months=1),
            "2026-02",
            (date(2026, 2, 1), date(2026, 2, 28)),
            date(2026, 3, 5),
        ),
        # A deadline day past the month's end is its last day (30 → 28/02).
        (
            ReportRule(MONTHLY, "month", (2,), cutoff_day=20, deadline_day=30),
            "2026-02",
            (date(2026, 1, 20), date(2026, 2, 19)),
            date(2026, 2, 28),
        ),
        # A deadline before the cut-off day: the data stop the day before the deadline.
        (
            ReportRule(QUARTERLY, "quarter", (1,), cutoff_day=15, deadline_day=10),
            "2026-Q1",
            (date(2025, 12, 15), date(2026, 3, 9)),
            date(2026, 3, 10),
        ),
        # A December deadline moved one month later falls in January of the next year.
        (
            ReportRule(ANNUAL, "year", (1,), cutoff_day=0, deadline_day=15, deadline_offset_months=1),
            "2026",
            (date(2026, 1, 1), date(2026, 12, 31)),
            date(2027, 1, 15),
        ),
    ],
)
def test_configured_rules(rule, period, window, deadline):
    assert data_window(rule, parse_period(period)) == window
    assert report_deadline(rule, parse_period(period)) == deadline


def test_quarterly_reports_are_quarters_one_and_three_because_six_months_and_year_replace_the_others():
    codes = [item.code for item in report_periods(DEFAULT_RULES[QUARTERLY], 2026)]
    assert codes == ["2026-Q1", "2026-Q3"]


def test_monthly_reports_are_off_by_default_and_skip_the_months_of_other_reports():
    assert report_periods(DEFAULT_RULES[MONTHLY], 2026) == []
    rule = ReportRule(MONTHLY, "month", DEFAULT_RULES[MONTHLY].periods)
    assert [item.code for item in report_periods(rule, 2026)] == [
        "2026-01", "2026-02", "2026-04", "2026-05", "2026-07", "2026-08", "2026-10", "2026-11",
    ]  # fmt: skip


def test_ordinals_out_of_range_are_ignored():
    rule = ReportRule(QUARTERLY, "quarter", (0, 2, 5))
    assert [item.code for item in report_periods(rule, 2026)] == ["2026-Q2"]


def test_the_year_in_deadline_order():
    due = schedule_of_year(dict(DEFAULT_RULES), 2026)
    assert [(item.kind, item.code, item.deadline) for item in due] == [
        (QUARTERLY, "2026-Q1", date(2026, 3, 20)),
        (HALF_YEAR, "2026-H1", date(2026, 6, 20)),
        (QUARTERLY, "2026-Q3", date(2026, 9, 20)),
        (EMULATION, "2026", date(2026, 11, 20)),
        (ANNUAL, "2026", date(2026, 12, 20)),
        ("communication", "2026", date(2026, 12, 20)),
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("annual", ANNUAL),
        ("6-month", HALF_YEAR),
        ("6-THANG", HALF_YEAR),
        (" Quarterly ", QUARTERLY),
        ("monthly", MONTHLY),
    ],
)
def test_kinds_from_the_command_line(text, kind):
    assert kind_from_text(text) == kind


def test_an_unknown_kind_is_refused_in_vietnamese():
    with pytest.raises(PeriodError, match="Loại báo cáo"):
        kind_from_text("weekly")


@pytest.mark.parametrize(
    ("code", "phrase", "title"),
    [
        ("2026", "năm 2026", "Báo cáo CCHC năm 2026"),
        ("2026-H1", "6 tháng đầu năm 2026", "Báo cáo CCHC 6 tháng đầu năm 2026"),
        ("2026-Q3", "quý III năm 2026", "Báo cáo CCHC quý III năm 2026"),
        ("2026-02", "tháng 02 năm 2026", "Báo cáo CCHC tháng 02 năm 2026"),
        ("2026-11", "tháng 11 năm 2026", "Báo cáo CCHC tháng 11 năm 2026"),
    ],
)
def test_how_reports_name_their_period(code, phrase, title):
    period = parse_period(code)
    assert period_phrase(period) == phrase
    assert report_title(ANNUAL, period) == title
    assert report_subject(ANNUAL, period) == f"Kết quả thực hiện công tác cải cách hành chính {phrase}"


def test_subjects_of_the_other_kinds():
    year = parse_period("2026")
    assert report_subject(EMULATION, year).startswith("Kết quả thực hiện phong trào thi đua")
    assert report_subject("communication", year).startswith(
        "Kết quả thực hiện công tác thông tin, tuyên truyền"
    )


def test_is_scheduled():
    rule = DEFAULT_RULES[QUARTERLY]
    assert is_scheduled(rule, parse_period("2026-Q3"))
    assert not is_scheduled(rule, parse_period("2026-Q2"))
    assert not is_scheduled(rule, parse_period("2026"))
    assert not is_scheduled(DEFAULT_RULES[MONTHLY], parse_period("2026-01"))
