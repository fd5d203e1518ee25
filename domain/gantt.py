"""Where a task sits on a Gantt-style timeline: the columns (months or quarters) and each bar's place.

Positions are percentages of the window, counted in days, so the page draws bars with plain CSS
(`left`/`width`) and needs neither a script nor a chart library.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Column:
    """One month or quarter of the window: “T9” above the bars, “Tháng 09/2026” for screen readers."""

    short: str
    label: str
    start: date
    end: date


@dataclass(frozen=True)
class Bar:
    """A bar from `left` to `left + width` (percent); `before`/`after`: the task runs past the window."""

    left: float
    width: float
    before: bool
    after: bool
    is_milestone: bool


def columns(first_year: int, last_year: int, *, by_quarter: bool) -> list[Column]:
    """The months of `first_year`…`last_year`, or their quarters."""
    result = []
    for year in range(first_year, last_year + 1):
        if by_quarter:
            for quarter in range(4):
                start = date(year, quarter * 3 + 1, 1)
                last_month = quarter * 3 + 3
                end = date(year, last_month, monthrange(year, last_month)[1])
                result.append(Column(f"Q{ROMAN[quarter]}", f"Quý {ROMAN[quarter]}/{year}", start, end))
        else:
            for month in range(1, 13):
                end = date(year, month, monthrange(year, month)[1])
                result.append(Column(f"T{month}", f"Tháng {month:02d}/{year}", date(year, month, 1), end))
    return result


def _percent(day: date, window_start: date, days: int) -> float:
    return round((day - window_start).days * 100 / days, 3)


def bar(start: date | None, due: date, window_start: date, window_end: date) -> Bar | None:
    """The bar of a task that runs `start`…`due` (a milestone when it has only a due date); None when it
    falls wholly outside the window."""
    days = (window_end - window_start).days + 1
    if start is None or start > due:
        if not window_start <= due <= window_end:
            return None
        return Bar(_percent(due, window_start, days), 0.0, False, False, True)
    if due < window_start or start > window_end:
        return None
    left_day = max(start, window_start)
    right_day = min(due, window_end) + timedelta(days=1)
    left = _percent(left_day, window_start, days)
    return Bar(
        left,
        round(_percent(right_day, window_start, days) - left, 3),
        start < window_start,
        due > window_end,
        False,
    )


def marker(day: date, window_start: date, window_end: date) -> float | None:
    """A single day (today, a recurring task's due dates) as a percent of the window; None outside it."""
    if not window_start <= day <= window_end:
        return None
    return _percent(day, window_start, (window_end - window_start).days + 1)
