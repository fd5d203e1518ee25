"""Feedback (phản ánh, kiến nghị) indicators and deadlines.

Quyết định 766/QĐ-TTg (2022), group "mức độ hài lòng":
- `feedback_on_time_rate` = feedback within the agency's remit handled on or before its deadline ÷ feedback
  within the remit, × 100. Each feedback counts once, in the period of its deadline; a deadline that has not
  come yet (after `as_of`) is not decided and not counted.
- `feedback_satisfaction_rate` = (all feedback − feedback whose sender was not satisfied − complaints about
  late handling) ÷ all feedback, × 100, over the feedback within the remit answered in the period (a sender
  can only be satisfied or not with an answer). One feedback both unsatisfied and complained about counts once.

Nghị định 20/2008/NĐ-CP on feedback about administrative regulations: feedback outside the agency's remit is
forwarded to the competent body within 5 working days (`forward_due`). The reply deadline within the remit is
set by each province (7 working days here by default — unverified, configurable per call).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from domain.indicators.dossier_rates import rate
from domain.workdays import DEFAULT_CALENDAR, HolidayCalendar

__all__ = [
    "FEEDBACK_INDICATORS",
    "FORWARD_WORKING_DAYS",
    "FeedbackCounts",
    "FeedbackFacts",
    "feedback_counts",
    "feedback_values",
    "forward_due",
    "reply_due",
]

OWN, FORWARDED = "own", "forwarded"
FORWARD_WORKING_DAYS = 5
DEFAULT_REPLY_WORKING_DAYS = 7

ON_TIME_RATE = "feedback_on_time_rate"
SATISFACTION_RATE = "feedback_satisfaction_rate"
FORWARD_ON_TIME_RATE = "feedback_forward_on_time_rate"
FEEDBACK_INDICATORS = (ON_TIME_RATE, SATISFACTION_RATE, FORWARD_ON_TIME_RATE)


@dataclass(frozen=True)
class FeedbackFacts:
    """One feedback as the formulas see it."""

    received_on: date
    remit: str = OWN  # "own" (thuộc thẩm quyền) or "forwarded" (chuyển cơ quan có thẩm quyền)
    due_on: date | None = None
    replied_on: date | None = None
    forwarded_on: date | None = None
    satisfied: bool | None = None
    late_complaint: bool = False


def forward_due(received_on: date, calendar: HolidayCalendar = DEFAULT_CALENDAR) -> date:
    """The last day to forward feedback outside the remit: 5 working days after receipt."""
    return calendar.add_working_days(received_on, FORWARD_WORKING_DAYS)


def reply_due(
    received_on: date,
    working_days: int = DEFAULT_REPLY_WORKING_DAYS,
    calendar: HolidayCalendar = DEFAULT_CALENDAR,
) -> date:
    """The default reply deadline within the remit, when the register does not give one."""
    return calendar.add_working_days(received_on, working_days)


@dataclass(frozen=True)
class FeedbackCounts:
    """The counts behind the feedback indicators of one period."""

    received: int = 0
    due: int = 0  # within the remit, deadline in the period (up to as_of)
    on_time: int = 0
    answered: int = 0  # within the remit, answered in the period
    unhappy: int = 0  # of those: not satisfied or complained about late handling
    forwarded: int = 0  # outside the remit, received in the period
    forwarded_on_time: int = 0

    @property
    def is_empty(self) -> bool:
        return self.received == 0 and self.due == 0 and self.answered == 0


def feedback_counts(
    items: Iterable[FeedbackFacts],
    start: date,
    end: date,
    *,
    as_of: date | None = None,
    calendar: HolidayCalendar = DEFAULT_CALENDAR,
) -> FeedbackCounts:
    decided_until = min(end, as_of) if as_of is not None else end
    received = due = on_time = answered = unhappy = forwarded = forwarded_on_time = 0
    for item in items:
        if start <= item.received_on <= end:
            received += 1
            if item.remit == FORWARDED:
                forwarded += 1
                forwarded_on_time += item.forwarded_on is not None and item.forwarded_on <= forward_due(
                    item.received_on, calendar
                )
        if item.remit != OWN:
            continue
        if item.due_on is not None and start <= item.due_on <= decided_until:
            due += 1
            on_time += item.replied_on is not None and item.replied_on <= item.due_on
        if item.replied_on is not None and start <= item.replied_on <= end:
            answered += 1
            unhappy += item.satisfied is False or item.late_complaint
    return FeedbackCounts(received, due, on_time, answered, unhappy, forwarded, forwarded_on_time)


def feedback_values(counts: FeedbackCounts) -> dict[str, Decimal | None]:
    return {
        ON_TIME_RATE: rate(counts.on_time, counts.due),
        SATISFACTION_RATE: rate(counts.answered - counts.unhappy, counts.answered),
        FORWARD_ON_TIME_RATE: rate(counts.forwarded_on_time, counts.forwarded),
    }


PENDING, OVERDUE, ANSWERED_ON_TIME, ANSWERED_LATE = "pending", "overdue", "answered_on_time", "answered_late"
TO_FORWARD, FORWARD_OVERDUE, FORWARDED_ON_TIME, FORWARDED_LATE = (
    "to_forward",
    "forward_overdue",
    "forwarded_on_time",
    "forwarded_late",
)
STATUS_LABELS = {
    PENDING: "Đang xử lý",
    OVERDUE: "Quá hạn xử lý",
    ANSWERED_ON_TIME: "Đã trả lời đúng hạn",
    ANSWERED_LATE: "Đã trả lời trễ hạn",
    TO_FORWARD: "Chờ chuyển cơ quan có thẩm quyền",
    FORWARD_OVERDUE: "Quá hạn chuyển (05 ngày làm việc)",
    FORWARDED_ON_TIME: "Đã chuyển đúng hạn",
    FORWARDED_LATE: "Đã chuyển trễ hạn",
}


def feedback_status(item: FeedbackFacts, today: date, calendar: HolidayCalendar = DEFAULT_CALENDAR) -> str:
    """Where one feedback stands on `today`: answered or forwarded, on time or late, or still open."""
    if item.remit == FORWARDED:
        deadline = forward_due(item.received_on, calendar)
        if item.forwarded_on is not None:
            return FORWARDED_ON_TIME if item.forwarded_on <= deadline else FORWARDED_LATE
        return FORWARD_OVERDUE if today > deadline else TO_FORWARD
    if item.replied_on is not None:
        return ANSWERED_ON_TIME if item.due_on is None or item.replied_on <= item.due_on else ANSWERED_LATE
    return OVERDUE if item.due_on is not None and today > item.due_on else PENDING
