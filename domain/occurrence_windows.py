"""The dated occurrences a task's schedule produces over its plan's period, with their Vietnamese labels.

A dated task has one occurrence; a recurring one (hằng tháng, hằng quý, hằng năm, "trước ngày 20/11 hằng
năm") one per period; a continuous duty ("Thường xuyên") is reported each month; a triggered task gets its
one occurrence only when the trigger is recorded. An occurrence whose period ended before the plan took
effect is not applicable (it is not overdue: nobody could have done it under this plan).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.schedule import Schedule, occurrence_dates

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Window:
    seq: int
    label: str
    start: date | None
    due: date
    not_applicable: bool


def _label(schedule: Schedule, start: date, due: date) -> str:
    cadence = schedule.recurrence if schedule.kind == "recurrence" else None
    if schedule.kind == "continuous" or cadence == "monthly":
        return f"Tháng {due.month:02d}/{due.year}"
    if cadence == "quarterly":
        return f"Quý {ROMAN[(due.month - 1) // 3]}/{due.year}"
    if cadence == "half_yearly":
        return f"6 tháng {'đầu' if due.month <= 6 else 'cuối'} năm {due.year}"
    if cadence == "yearly":
        return f"Năm {due.year}"
    return f"Hạn {due:%d/%m/%Y}"


def windows_for(
    schedule: Schedule,
    *,
    period_start: date,
    period_end: date,
    effective_from: date | None,
    trigger_window: tuple[date, date] | None = None,
) -> list[Window]:
    """The occurrences of one task; `trigger_window` is (occurred_on, due) once a trigger is recorded."""
    if schedule.kind == "trigger":
        if trigger_window is None:
            return []
        start, due = trigger_window
        return [Window(1, f"Hạn {due:%d/%m/%Y}", start, due, False)]
    pairs = occurrence_dates(schedule, period_start, period_end)
    if not pairs and schedule.due is not None:
        pairs = [(schedule.start or period_start, schedule.due)]
    windows = []
    for seq, (start, due) in enumerate(pairs, 1):
        not_applicable = effective_from is not None and due < effective_from
        windows.append(Window(seq, _label(schedule, start, due), start, due, not_applicable))
    return windows
