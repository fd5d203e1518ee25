"""The monthly check of a communication plan's targets: for each month of a year and each channel with a target
("ít nhất 01 tin, bài mỗi tháng trên Trang thông tin điện tử", Kế hoạch thông tin, tuyên truyền CCHC năm 2026 của
Sở Xây dựng, mục VI.1), how many articles were published, against how many were due, and the status.

A month counts every article dated from its first to its last day. Months outside the plan's period are not
checked; a month that has not begun is not due yet; the current month is "chưa đạt" until its target is met,
with the days left before it ends.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

MET = "met"
MISSED = "missed"
OPEN = "open"  # the current month, target not met yet
UPCOMING = "upcoming"
OUTSIDE = "outside"

STATUS_LABELS = {
    MET: "Đạt",
    MISSED: "Chưa đạt",
    OPEN: "Chưa đạt",
    UPCOMING: "Chưa đến kỳ",
    OUTSIDE: "Ngoài kỳ kế hoạch",
}


@dataclass(frozen=True)
class Cell:
    """One month and channel: published, due, status and, for the current month, the days left."""

    month: int
    channel: str
    count: int
    target: int
    status: str
    days_left: int | None = None

    @property
    def label(self) -> str:
        if self.status == OPEN and self.days_left is not None:
            return f"Chưa đạt (còn {self.days_left} ngày)"
        return STATUS_LABELS[self.status]

    @property
    def checked(self) -> bool:
        return self.status in (MET, MISSED)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _status(
    *, year: int, month: int, count: int, target: int, start: date | None, end: date | None, today: date
) -> tuple[str, int | None]:
    first, last = date(year, month, 1), month_end(year, month)
    if (start is not None and last < start) or (end is not None and first > end):
        return OUTSIDE, None
    if first > today:
        return UPCOMING, None
    if count >= target:
        return MET, None
    if last >= today:
        return OPEN, (last - today).days
    return MISSED, None


def monthly_check(
    *,
    year: int,
    targets: Mapping[str, int],
    articles: Iterable[tuple[date, str]],
    today: date,
    plan_start: date | None = None,
    plan_end: date | None = None,
) -> list[Cell]:
    """Every month × channel of ``targets`` (a count per month) in ``year``, in month order then channel order."""
    counts = Counter((day.month, channel) for day, channel in articles if day.year == year)
    cells = []
    for month in range(1, 13):
        for channel, target in targets.items():
            count = counts[(month, channel)]
            status, left = _status(
                year=year,
                month=month,
                count=count,
                target=target,
                start=plan_start,
                end=plan_end,
                today=today,
            )
            cells.append(Cell(month, channel, count, target, status, left))
    return cells


@dataclass(frozen=True)
class Summary:
    """Months checked and met per channel, across the channels with a target."""

    checked: int
    met: int

    @property
    def rate(self) -> float | None:
        return None if not self.checked else 100 * self.met / self.checked


def summarise(cells: Iterable[Cell]) -> Summary:
    checked = [cell for cell in cells if cell.checked]
    return Summary(len(checked), sum(cell.status == MET for cell in checked))


def area_coverage(areas: Iterable[str], covered: Iterable[str]) -> tuple[int, int]:
    """How many of the plan's content areas have at least one article: (covered, all)."""
    wanted = list(dict.fromkeys(areas))
    have = set(covered)
    return sum(area in have for area in wanted), len(wanted)
