"""Which task occurrences a periodic report counts, and how it counts them at the data cut-off.

A report over the data window [start, end] (``domain.report_periods.data_window``) looks at the task occurrences
as they stood at the cut-off (or today, while the window is still open): a result accepted after that day is not
yet done, a result submitted after it not yet submitted.

It counts an occurrence that
- falls due in the window;
- fell due before the window and was still open when the window began (carried over), or was finished in it;
- falls due after the window but was finished in it (early), or had started by its end (in progress), or — with
  no start date — falls due by the end of the calendar period (an annual task due 31/12 in the annual report).

Each counted occurrence is done on time (finished by its due date and accepted), done late, overdue (not
finished, nothing submitted, due date passed) or in progress (everything else, results awaiting acceptance
included). The on-time rate is done on time ÷ (done on time + done late + overdue), as the leader's dashboard
counts what has fallen due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain import task_status

__all__ = [
    "DONE_LATE",
    "DONE_ON_TIME",
    "IN_PROGRESS",
    "OVERDUE",
    "REPORT_STATUSES",
    "STATUS_LABELS",
    "OccurrenceFacts",
    "StatusCounts",
    "detailed_status",
    "in_scope",
    "report_status",
    "tally",
]

DONE_ON_TIME, DONE_LATE, OVERDUE, IN_PROGRESS = "done_on_time", "done_late", "overdue", "in_progress"
REPORT_STATUSES = (DONE_ON_TIME, DONE_LATE, OVERDUE, IN_PROGRESS)
STATUS_LABELS = {
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành trễ hạn",
    OVERDUE: "Quá hạn, chưa hoàn thành",
    IN_PROGRESS: "Đang thực hiện",
}
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class OccurrenceFacts:
    """The dates of one task occurrence that decide how a report counts it."""

    due_on: date
    start_on: date | None = None
    completed_on: date | None = None
    accepted_on: date | None = None
    submitted_on: date | None = None
    not_applicable: bool = False


def _accepted_by(facts: OccurrenceFacts, day: date) -> date | None:
    return facts.accepted_on if facts.accepted_on is not None and facts.accepted_on <= day else None


def _finished_on(facts: OccurrenceFacts, accepted: date) -> date:
    """The day the work was done: the completion date reported, else the acceptance date."""
    return facts.completed_on if facts.completed_on is not None else accepted


def in_scope(facts: OccurrenceFacts, *, start: date, end: date, period_end: date) -> bool:
    """Whether a report over [start, end] for a calendar period ending ``period_end`` counts the occurrence."""
    if facts.not_applicable:
        return False
    accepted = _accepted_by(facts, end)
    if start <= facts.due_on <= end:
        return True
    if facts.due_on < start:
        return accepted is None or accepted >= start
    if accepted is not None:
        return accepted >= start
    if facts.start_on is not None:
        return facts.start_on <= end
    return facts.due_on <= period_end


def report_status(facts: OccurrenceFacts, as_of: date) -> str:
    """Done on time, done late, overdue or in progress on ``as_of`` (the cut-off, or today before it)."""
    accepted = _accepted_by(facts, as_of)
    if accepted is not None:
        return DONE_ON_TIME if _finished_on(facts, accepted) <= facts.due_on else DONE_LATE
    submitted = facts.submitted_on is not None and facts.submitted_on <= as_of
    if facts.due_on < as_of and not submitted:
        return OVERDUE
    return IN_PROGRESS


def detailed_status(facts: OccurrenceFacts, as_of: date) -> str:
    """The register's finer status (``domain.task_status``) on ``as_of``, for the annex."""
    accepted = _accepted_by(facts, as_of)
    return task_status.status_from_dates(
        start=facts.start_on,
        due=facts.due_on,
        today=as_of,
        accepted_on=_finished_on(facts, accepted) if accepted is not None else None,
        submitted=facts.submitted_on is not None and facts.submitted_on <= as_of,
    )


@dataclass(frozen=True)
class StatusCounts:
    """Occurrences of a group (an area, a unit, the agency) by report status."""

    on_time: int = 0
    late: int = 0
    overdue: int = 0
    in_progress: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.overdue + self.in_progress

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def fallen_due(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def on_time_rate(self) -> Decimal | None:
        """Done on time ÷ (done + overdue) × 100, one decimal; ``None`` when nothing has fallen due."""
        if not self.fallen_due:
            return None
        value = Decimal(self.on_time) * 100 / Decimal(self.fallen_due)
        return value.quantize(_TENTH, rounding=ROUND_HALF_UP)

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(
            self.on_time + other.on_time,
            self.late + other.late,
            self.overdue + other.overdue,
            self.in_progress + other.in_progress,
        )


def tally(statuses: Iterable[str]) -> StatusCounts:
    """Counts of report statuses (``REPORT_STATUSES``); anything else is in progress."""
    counts = dict.fromkeys(REPORT_STATUSES, 0)
    for status in statuses:
        counts[status if status in counts else IN_PROGRESS] += 1
    return StatusCounts(counts[DONE_ON_TIME], counts[DONE_LATE], counts[OVERDUE], counts[IN_PROGRESS])
