"""The Gantt timeline's geometry: columns by month or quarter, bars clipped to the window."""

from __future__ import annotations

from datetime import date

from domain.gantt import bar, columns, marker

YEAR_START, YEAR_END = date(2026, 1, 1), date(2026, 12, 31)


def test_a_year_by_month_has_twelve_columns_named_the_vietnamese_way():
    months = columns(2026, 2026, by_quarter=False)
    assert len(months) == 12
    assert (months[8].short, months[8].label) == ("T9", "Tháng 09/2026")
    assert months[1].end == date(2026, 2, 28)


def test_two_years_by_quarter_have_eight_columns():
    quarters = columns(2026, 2027, by_quarter=True)
    assert [q.label for q in quarters[:4]] == ["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    assert quarters[6].start == date(2027, 7, 1)


def test_a_task_of_the_third_quarter_covers_a_quarter_of_the_year():
    placed = bar(date(2026, 7, 1), date(2026, 9, 30), YEAR_START, YEAR_END)
    assert placed is not None
    assert 49 < placed.left < 50
    assert 25 < placed.width < 25.3
    assert not (placed.before or placed.after or placed.is_milestone)


def test_a_task_running_past_the_window_is_clipped_and_says_so():
    placed = bar(date(2025, 10, 1), date(2027, 3, 31), YEAR_START, YEAR_END)
    assert placed is not None
    assert (placed.left, placed.width, placed.before, placed.after) == (0.0, 100.0, True, True)


def test_a_task_with_only_a_due_date_is_a_milestone():
    placed = bar(None, date(2026, 12, 31), YEAR_START, YEAR_END)
    assert placed is not None and placed.is_milestone and placed.width == 0


def test_a_task_outside_the_window_has_no_bar():
    assert bar(date(2025, 1, 1), date(2025, 6, 30), YEAR_START, YEAR_END) is None
    assert marker(date(2027, 1, 1), YEAR_START, YEAR_END) is None
