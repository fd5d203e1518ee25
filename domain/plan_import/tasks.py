"""Building one imported task: normalise its timeline, run the "06 rõ" check, report what is unreadable.

Both task sources (the appendix table and the assignments in "TỔ CHỨC THỰC HIỆN") end here, so a task
reads the same whichever layout it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.plan_import.layout import clean_line
from domain.plan_import.result import ImportWarning, ParsedTask
from domain.schedule import normalize_schedule
from domain.six_clear import SixClearInput, check_six_clear
from domain.unit_names import split_unit_list
from domain.vntext import fold

__all__ = ["TaskContext", "TaskFields", "is_group_phrase", "make_task", "units"]


@dataclass(frozen=True)
class TaskContext:
    """The plan period a task's time is read against."""

    plan_year: int
    period_end_year: int


@dataclass(frozen=True)
class TaskFields:
    """The columns of one task as written (cell texts, not yet normalised)."""

    ref: str
    kind: str
    title: str
    lead: str = ""
    cooperating: str = ""
    time: str = ""
    deliverable: str = ""
    note: str = ""
    parent: str | None = None
    objective: str | None = None
    area: str | None = None
    accountable: str | None = None
    authority: str | None = None


def is_group_phrase(phrase: str) -> bool:
    """Whether a unit phrase names a group ("Các phòng chuyên môn") rather than one unit."""
    return fold(phrase).startswith(("cac ", "toan bo ", "tat ca ", "toan the "))


def units(text: str) -> tuple[str, ...]:
    """The unit phrases of a "Chủ trì"/"Phối hợp" cell, as written."""
    cleaned = clean_line(text).strip(" .;,")
    return tuple(split_unit_list(cleaned)) if cleaned else ()


def make_task(
    context: TaskContext,
    fields: TaskFields,
    *,
    lead_units: tuple[str, ...] | None = None,
    cooperating_units: tuple[str, ...] | None = None,
) -> tuple[ParsedTask, list[ImportWarning]]:
    """The task with its normalised timeline and "06 rõ" flags, and warnings about what it lacks.

    ``lead_units``/``cooperating_units`` are names the caller already split (an agency's name may hold
    commas the cell splitter would cut at: "Thủ trưởng các sở, ban, ngành").
    """
    where = f"task:{fields.ref}"
    warnings: list[ImportWarning] = []
    title = clean_line(fields.title).rstrip(";,")
    time_raw = clean_line(fields.time)
    schedule = normalize_schedule(
        time_raw, plan_year=context.plan_year, period_end_year=context.period_end_year
    )
    if time_raw and schedule.kind == "unknown":
        warnings.append(ImportWarning(where, f"Thời gian “{time_raw}”: {schedule.reason}"))
    lead = lead_units if lead_units is not None else units(fields.lead)
    cooperating = cooperating_units if cooperating_units is not None else units(fields.cooperating)
    deliverable = clean_line(fields.deliverable).strip(" ,;")
    six_clear = check_six_clear(
        SixClearInput(
            title=title,
            lead=lead,
            lead_is_group=any(is_group_phrase(unit) for unit in lead),
            schedule=schedule,
            deliverable=deliverable,
            accountable=fields.accountable,
            authority=fields.authority,
        )
    )
    task = ParsedTask(
        ref=fields.ref,
        kind=fields.kind,
        parent=fields.parent,
        objective=fields.objective,
        area=fields.area,
        title=title,
        lead=lead,
        cooperating=cooperating,
        timeline=schedule,
        deliverable=deliverable,
        six_clear=six_clear,
        note=clean_line(fields.note),
    )
    return task, warnings
