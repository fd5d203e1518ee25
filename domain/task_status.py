"""A task's status is derived from its dates, never typed.

Statuses (the execution rules of the CCHC plans): chưa đến hạn (the window has not opened), đang thực hiện,
sắp đến hạn (due within N days, N configurable), quá hạn (due date passed without an accepted result),
hoàn thành đúng hạn / trễ hạn (by the date the result was accepted), chờ nghiệm thu (submitted, not yet
accepted), and chưa xác định thời hạn (a trigger has not happened or the time cannot be dated).
"""

from __future__ import annotations

from datetime import date, timedelta

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DUE_SOON = "due_soon"
OVERDUE = "overdue"
DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
AWAITING_ACCEPTANCE = "awaiting_acceptance"
UNDATED = "undated"

STATUS_LABELS: dict[str, str] = {
    NOT_STARTED: "Chưa đến hạn",
    IN_PROGRESS: "Đang thực hiện",
    DUE_SOON: "Sắp đến hạn",
    OVERDUE: "Quá hạn",
    DONE_ON_TIME: "Hoàn thành đúng hạn",
    DONE_LATE: "Hoàn thành trễ hạn",
    AWAITING_ACCEPTANCE: "Chờ nghiệm thu",
    UNDATED: "Chưa xác định thời hạn",
}
DEFAULT_SOON_DAYS = 7


def status_from_dates(
    *,
    start: date | None,
    due: date | None,
    today: date,
    accepted_on: date | None = None,
    submitted: bool = False,
    soon_days: int = DEFAULT_SOON_DAYS,
) -> str:
    """The status of one task (or one occurrence of a recurring task) on `today`."""
    if accepted_on is not None:
        return DONE_ON_TIME if due is None or accepted_on <= due else DONE_LATE
    if submitted:
        return AWAITING_ACCEPTANCE
    if due is None:
        return UNDATED
    if today > due:
        return OVERDUE
    if start is not None and today < start:
        return NOT_STARTED
    if (due - today) <= timedelta(days=soon_days):
        return DUE_SOON
    return IN_PROGRESS
