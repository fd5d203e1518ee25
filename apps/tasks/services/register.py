"""Every write to tasks: the sync from an imported plan, and edits with the "06 rõ" check kept current."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Person, Unit
from domain.schedule import Schedule, normalize_schedule
from domain.six_clear import SixClearInput, check_six_clear
from domain.vntext import fold

from ..models import Task

if TYPE_CHECKING:
    from apps.plans.importer import TaskPreview
    from apps.plans.models import Objective, Plan

TRACKED_FIELDS = (
    "title",
    "lead_text",
    "cooperating_text",
    "timeline_raw",
    "deliverable",
    "due_on",
    "start_on",
)


def _schedule_fields(schedule: Schedule) -> dict[str, Any]:
    day, month = schedule.recurrence_day or (None, None)
    return {
        "timeline_raw": schedule.raw[:255],
        "schedule_kind": schedule.kind,
        "start_on": schedule.start,
        "due_on": schedule.due,
        "recurrence": schedule.recurrence or "",
        "recurrence_day": day,
        "recurrence_month": month,
        "trigger": (schedule.trigger or "")[:255],
    }


def schedule_of(task: Task) -> Schedule:
    recurrence_day = (
        (task.recurrence_day, task.recurrence_month)
        if task.recurrence_day and task.recurrence_month
        else None
    )
    return Schedule(
        raw=task.timeline_raw,
        kind=task.schedule_kind,
        start=task.start_on,
        due=task.due_on,
        recurrence=task.recurrence or None,
        recurrence_day=recurrence_day,
        trigger=task.trigger or None,
        reason=None,
    )


def _apply_six_clear(task: Task, lead_ids: list[int]) -> None:
    """Set the "06 rõ" flags and the search text from the task's fields and its lead units (no save)."""
    lead = tuple(str(pk) for pk in lead_ids) or ((task.lead_text,) if task.lead_text else ())
    result = check_six_clear(
        SixClearInput(
            title=task.title,
            lead=lead,
            lead_is_group=task.lead_is_group or len(lead_ids) > 1,
            schedule=schedule_of(task),
            deliverable=task.deliverable,
            accountable=task.accountable.full_name if task.accountable_id and task.accountable else None,
            authority=task.authority.full_name if task.authority_id and task.authority else None,
        )
    )
    task.six_clear = dict(result.flags)
    task.six_clear_reasons = dict(result.reasons)
    task.is_six_clear = result.all_clear
    task.search_text = fold(
        " ".join([task.ref, task.title, task.deliverable, task.lead_text, task.cooperating_text])
    )


def task_refresh_six_clear(task: Task) -> None:
    """Recompute the "06 rõ" flags of a saved task from its current fields (no save)."""
    _apply_six_clear(task, [unit.pk for unit in task.lead_units.all()] if task.pk else [])


SYNC_FIELDS = [
    "kind",
    "objective",
    "area",
    "title",
    "lead_text",
    "lead_is_group",
    "cooperating_text",
    "unknown_units",
    "timeline_raw",
    "schedule_kind",
    "start_on",
    "due_on",
    "recurrence",
    "recurrence_day",
    "recurrence_month",
    "trigger",
    "deliverable",
    "note",
    "order",
    "warnings",
    "six_clear",
    "six_clear_reasons",
    "is_six_clear",
    "search_text",
    "version",
]


def task_sync_from_import(
    *,
    plan: Plan,
    rows: list[TaskPreview],
    objectives: dict[str, Objective],
    units: dict[int, Unit],
    lead_overrides: dict[str, int | None],
) -> list[dict[str, Any]]:
    """Create or update the plan's tasks from an import (matched by ref) in bulk; return what changed.

    An import writes dozens of tasks at once, so it uses the bulk paths and leaves one audit entry for the
    plan that says how many tasks were added, changed and removed; later edits are audited one by one.
    """
    from auditlog.models import LogEntry

    from apps.plans.models import ReformArea

    areas = {area.code: area for area in ReformArea.objects.all()}
    existing = {task.ref: task for task in Task.objects.filter(plan=plan)}
    changes: list[dict[str, Any]] = []
    new_tasks: list[Task] = []
    updated: list[Task] = []
    leads: dict[str, list[int]] = {}
    cooperating: dict[str, list[int]] = {}
    by_ref: dict[str, Task] = {}
    for order, row in enumerate(rows):
        parsed = row.task
        task = existing.pop(parsed.ref, None)
        is_new = task is None
        if task is None:
            task = Task(plan=plan, agency=plan.agency, ref=parsed.ref[:32])
        before = {key: getattr(task, key) for key in TRACKED_FIELDS}
        lead_ids, lead_text = row.lead.unit_ids, row.lead.text
        lead_is_group = row.lead.is_group or len(lead_ids) > 1
        unknown = set(row.lead.unknown + row.cooperating.unknown)
        override = lead_overrides.get(parsed.ref)
        if override and override in units:
            lead_ids, lead_text, lead_is_group = [override], units[override].name, False
            unknown = set(row.cooperating.unknown)
        task.kind = parsed.kind
        task.objective = objectives.get(parsed.objective or "")
        task.area = areas.get(parsed.area or "")
        task.title = parsed.title
        task.lead_text = lead_text[:255]
        task.lead_is_group = lead_is_group
        task.cooperating_text = row.cooperating.text[:255]
        task.unknown_units = sorted(unknown)
        for key, value in _schedule_fields(parsed.timeline).items():
            setattr(task, key, value)
        task.deliverable = parsed.deliverable
        task.note = parsed.note
        task.order = order
        task.warnings = [parsed.timeline.reason] if parsed.timeline.reason else []
        _apply_six_clear(task, lead_ids)
        leads[parsed.ref] = lead_ids
        cooperating[parsed.ref] = [pk for pk in row.cooperating.unit_ids if pk not in lead_ids]
        by_ref[parsed.ref] = task
        if is_new:
            new_tasks.append(task)
            if plan.revision > 1:
                changes.append({"what": f"task.{parsed.ref}", "before": "", "after": "thêm mới"})
        else:
            task.version += 1
            updated.append(task)
            for key in TRACKED_FIELDS:
                if str(before[key] or "") != str(getattr(task, key) or ""):
                    changes.append(
                        {
                            "what": f"task.{parsed.ref}.{key}",
                            "before": str(before[key] or ""),
                            "after": str(getattr(task, key) or ""),
                        }
                    )
    Task.objects.bulk_create(new_tasks, batch_size=500)
    Task.objects.bulk_update(updated, SYNC_FIELDS, batch_size=500)
    removed = list(existing.values())
    for stale in removed:
        changes.append({"what": f"task.{stale.ref}", "before": stale.title[:120], "after": "đã bỏ"})
    Task.objects.filter(pk__in=[task.pk for task in removed]).delete()

    for row in rows:
        task = by_ref[row.task.ref]
        parent = by_ref.get(row.task.parent) if row.task.parent else None
        task.parent = parent
    Task.objects.bulk_update(list(by_ref.values()), ["parent"], batch_size=500)

    task_ids = [task.pk for task in by_ref.values()]
    Task.lead_units.through.objects.filter(task_id__in=task_ids).delete()
    Task.cooperating_units.through.objects.filter(task_id__in=task_ids).delete()
    Task.lead_units.through.objects.bulk_create(
        [
            Task.lead_units.through(task_id=by_ref[ref].pk, unit_id=pk)
            for ref, ids in leads.items()
            for pk in ids
        ]
    )
    Task.cooperating_units.through.objects.bulk_create(
        [
            Task.cooperating_units.through(task_id=by_ref[ref].pk, unit_id=pk)
            for ref, ids in cooperating.items()
            for pk in ids
        ]
    )
    LogEntry.objects.log_create(
        plan,
        action=LogEntry.Action.UPDATE,
        force_log=True,
        changes={
            "nhiệm vụ (nhập từ tệp)": [
                f"{len(updated) + len(removed)} nhiệm vụ",
                f"{len(new_tasks)} thêm, {len(updated)} cập nhật, {len(removed)} bỏ",
            ]
        },
    )
    return changes


@transaction.atomic
def task_update(
    *,
    task: Task,
    expected_version: int,
    lead_unit_ids: list[int] | None = None,
    cooperating_unit_ids: list[int] | None = None,
    **changes: Any,
) -> Task:
    """Edit a task; a stale version (someone saved in between) is refused rather than overwritten."""
    locked = Task.objects.select_for_update().get(pk=task.pk)
    version_check(locked, expected_version)
    for person_field in ("accountable", "authority"):
        person = changes.get(person_field)
        if person is not None and (not isinstance(person, Person) or person.agency_id != locked.agency_id):
            raise ValidationError({person_field: "Người được chọn phải thuộc cùng cơ quan với nhiệm vụ."})
    if "timeline_raw" in changes and changes["timeline_raw"] != locked.timeline_raw:
        plan = locked.plan
        anchor = plan.period_start or plan.issued_on
        if anchor is None:
            raise ValidationError({"timeline_raw": "Kế hoạch chưa có thời kỳ nên chưa tính được thời hạn."})
        end_year = plan.period_end.year if plan.period_end else None
        schedule = normalize_schedule(
            changes.pop("timeline_raw"), plan_year=anchor.year, period_end_year=end_year
        )
        changes.update(_schedule_fields(schedule))
    for key, value in changes.items():
        setattr(locked, key, value)
    if lead_unit_ids is not None:
        chosen = list(Unit.objects.filter(pk__in=lead_unit_ids, agency_id=locked.agency_id))
        if len(chosen) != len(set(lead_unit_ids)):
            raise ValidationError({"lead_units": "Đơn vị chủ trì phải thuộc cơ quan của nhiệm vụ."})
        locked.lead_units.set(chosen)
        if chosen:
            locked.lead_text = "; ".join(unit.name for unit in chosen)[:255]
            locked.lead_is_group = len(chosen) > 1
            locked.unknown_units = []
    if cooperating_unit_ids is not None:
        chosen = list(Unit.objects.filter(pk__in=cooperating_unit_ids, agency_id=locked.agency_id))
        locked.cooperating_units.set(chosen)
    task_refresh_six_clear(locked)
    locked.full_clean()
    versioned_save(locked, expected_version=expected_version)
    return locked
