"""Whether an agency did its yearly CCHC duties on time: the annual plan issued by its deadline, the periodic
reports sent by theirs.

PAR INDEX criteria read these (Cà Mau, Quyết định 1880/QĐ-UBND năm 2013, department rubric: plan issued on
time 1 / late 0,5 / none 0; every periodic report sent on time 1 / else 0). The plan's deadline is a province
decision the sources checked leave open, so it is a parameter ("31/01", "15/12 năm trước") kept with the
indicator, never a constant here. Report deadlines come from each agency's report schedule
(:mod:`domain.report_periods`).
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.indicators.dossier_rates import rate
from domain.report_periods import ANNUAL, HALF_YEAR, MONTHLY, QUARTERLY
from domain.scoring.values import Timeliness
from domain.vntext import fold

__all__ = [
    "PERIODIC_KINDS",
    "DeadlineError",
    "DueReport",
    "ReportTally",
    "YearDeadline",
    "days_late",
    "parse_year_deadline",
    "plan_timeliness",
    "reports_on_time",
]

# The periodic CCHC reports (tháng, quý, 6 tháng, năm); thematic ones (tuyên truyền, thi đua) are other duties.
PERIODIC_KINDS = (MONTHLY, QUARTERLY, HALF_YEAR, ANNUAL)

_DEADLINE = re.compile(r"^(\d{1,2})\s*/\s*(\d{1,2})(?:\s+(nam truoc))?$")


class DeadlineError(ValueError):
    """A deadline written in a way this module does not read; the message is Vietnamese, for the editor."""


@dataclass(frozen=True)
class YearDeadline:
    """A day by which a yearly duty is due: day/month of the duty's year, or of the year before."""

    day: int
    month: int
    previous_year: bool = False

    def on(self, year: int) -> date:
        """The deadline for the duty of ``year``; 29/02 becomes 28/02 in a common year."""
        due_year = year - 1 if self.previous_year else year
        return date(due_year, self.month, min(self.day, monthrange(due_year, self.month)[1]))

    @property
    def text(self) -> str:
        """ "31/01", "15/12 năm trước": the form :func:`parse_year_deadline` reads."""
        return f"{self.day:02d}/{self.month:02d}" + (" năm trước" if self.previous_year else "")


def parse_year_deadline(text: str) -> YearDeadline:
    """ "31/01" (of the duty's year) or "15/12 năm trước" (of the year before); accents optional."""
    found = _DEADLINE.match(fold(text or ""))
    if found is None:
        raise DeadlineError(
            f"Hạn “{(text or '').strip()}” không đọc được: ghi ngày/tháng, ví dụ 31/01 hoặc 15/12 năm trước."
        )
    day, month = int(found.group(1)), int(found.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= monthrange(2024, month)[1]:  # 2024: a leap year allows 29/02
        raise DeadlineError(f"Hạn “{text.strip()}” không phải một ngày có thật.")
    return YearDeadline(day, month, previous_year=found.group(3) is not None)


def plan_timeliness(*, issued_on: date | None, deadline: date, today: date) -> Timeliness | None:
    """On time when issued on or before the deadline, late after it; missing once the deadline has passed
    without a plan; None while no plan is issued and the deadline is still ahead (not yet due)."""
    if issued_on is None:
        return Timeliness.MISSING if today > deadline else None
    return Timeliness.ON_TIME if issued_on <= deadline else Timeliness.LATE


def days_late(*, issued_on: date, deadline: date) -> int:
    """Days after the deadline; 0 for a plan issued on or before it."""
    return max(0, (issued_on - deadline).days)


@dataclass(frozen=True)
class DueReport:
    """One report an agency owes: its kind, its deadline and the day it was sent (None: not sent)."""

    kind: str
    deadline: date
    sent_on: date | None = None


@dataclass(frozen=True)
class ReportTally:
    """Periodic reports due in a period: how many, how many were sent at all, how many on or before the deadline."""

    due: int = 0
    sent: int = 0
    on_time: int = 0

    @property
    def rate(self) -> Decimal | None:
        """On time ÷ due × 100; None when nothing fell due."""
        return rate(self.on_time, self.due)

    @property
    def timeliness(self) -> Timeliness | None:
        """On time when every report was; missing when none was sent; late otherwise; None when none fell due."""
        if not self.due:
            return None
        if self.on_time == self.due:
            return Timeliness.ON_TIME
        return Timeliness.MISSING if not self.sent else Timeliness.LATE


def reports_on_time(reports: Iterable[DueReport], *, start: date, end: date, today: date) -> ReportTally:
    """The periodic CCHC reports whose deadline falls from ``start`` to ``end`` and that are settled by
    ``today``: sent (on time if on or before the deadline), or not sent with the deadline passed (not on time).
    A report still within its deadline and not sent is not counted yet."""
    due = sent = on_time = 0
    for report in reports:
        if report.kind not in PERIODIC_KINDS or not start <= report.deadline <= end:
            continue
        if report.sent_on is None and report.deadline >= today:
            continue
        due += 1
        if report.sent_on is not None:
            sent += 1
            on_time += report.sent_on <= report.deadline
    return ReportTally(due=due, sent=sent, on_time=on_time)
