"""Every write to tasks: the sync from an imported plan, and edits with the "06 rõ" check kept current."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.organizations.models import Person, Unit
from domain.schedule import Schedule, normalize_schedule
from domain.six_clear import SixClearInput, check_six_clear
from domain.vntext import fold

from .models import Task

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


def task_refresh_six_clear(task: Task) -> None:
    """Recompute the "06 rõ" flags from the task's current fields (no save)."""
    lead_ids = [unit.pk for unit in task.lead_units.all()] if task.pk else []
    lead = tuple(str(pk) for pk in lead_ids) or ((task.lead_text,) if task.lead_text else ())
    result = check_six_clear(
        SixClearInput(
            title=task.title,
            lead=lead,
            lead_is_group=task.lead_is_group or len(lead_ids) > 1,
            schedule=schedule_of(task),
            deliverable=task.deliverable,
            accountable=task.accountable.full_name if task.accountable else None,
            authority=task.authority.full_name if task.authority else None,
        )
    )
    task.six_clear = dict(result.flags)
    task.six_clear_reasons = dict(result.reasons)
    task.is_six_clear = result.all_clear
    task.search_text = fold(
        " ".join([task.ref, task.title, task.deliverable, task.lead_text, task.cooperating_text])
    )


def task_sync_from_import(
    *,
    plan: Plan,
    rows: list[TaskPreview],
    objectives: dict[str, Objective],
    units: dict[int, Unit],
    lead_overrides: dict[str, int | None],
) -> list[dict[str, Any]]:
    """Create or update the plan's tasks from an import (matched by ref); return what changed."""
    from apps.plans.models import ReformArea

    areas = {area.code: area for area in ReformArea.objects.all()}
    existing = {task.ref: task for task in Task.objects.filter(plan=plan)}
    changes: list[dict[str, Any]] = []
    saved: dict[str, Task] = {}
    for order, row in enumerate(rows):
        parsed = row.task
        task = existing.pop(parsed.ref, None)
        is_new = task is None
        if task is None:
            task = Task(plan=plan, agency=plan.agency, ref=parsed.ref[:32])
        before = {key: getattr(task, key) for key in TRACKED_FIELDS}
        lead_ids = row.lead.unit_ids
        lead_text = row.lead.text
        lead_is_group = row.lead.is_group or len(lead_ids) > 1
        override = lead_overrides.get(parsed.ref)
        if override and override in units:
            lead_ids, lead_text, lead_is_group = [override], units[override].name, False
        task.kind = parsed.kind
        task.objective = objectives.get(parsed.objective or "")
        task.area = areas.get(parsed.area or "")
        task.title = parsed.title
        task.lead_text = lead_text[:255]
        task.lead_is_group = lead_is_group
        task.cooperating_text = row.cooperating.text[:255]
        task.unknown_units = (
            sorted(set(row.lead.unknown + row.cooperating.unknown))
            if not override
            else sorted(set(row.cooperating.unknown))
        )
        for key, value in _schedule_fields(parsed.timeline).items():
            setattr(task, key, value)
        task.deliverable = parsed.deliverable
        task.note = parsed.note
        task.order = order
        task.warnings = [parsed.timeline.reason] if parsed.timeline.reason else []
        if not is_new:
            task.version += 1
        task.save()
        task.lead_units.set(lead_ids)
        task.cooperating_units.set(row.cooperating.unit_ids)
        task_refresh_six_clear(task)
        task.save(update_fields=["six_clear", "six_clear_reasons", "is_six_clear", "search_text"])
        saved[parsed.ref] = task
        if is_new and existing is not None and plan.version > 1:
            changes.append({"what": f"task.{parsed.ref}", "before": "", "after": "thêm mới"})
        elif not is_new:
            for key in TRACKED_FIELDS:
                if str(before[key] or "") != str(getattr(task, key) or ""):
                    changes.append(
                        {
                            "what": f"task.{parsed.ref}.{key}",
                            "before": str(before[key] or ""),
                            "after": str(getattr(task, key) or ""),
                        }
                    )
    for row in rows:
        parent_ref = row.task.parent
        task = saved[row.task.ref]
        parent = saved.get(parent_ref) if parent_ref else None
        if task.parent_id != (parent.pk if parent else None):
            Task.objects.filter(pk=task.pk).update(parent=parent)
    for stale in existing.values():
        changes.append({"what": f"task.{stale.ref}", "before": stale.title[:120], "after": "đã bỏ"})
        stale.delete()
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
    if locked.version != expected_version:
        raise ValidationError(
            "Nhiệm vụ vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."
        )
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
    locked.version += 1
    task_refresh_six_clear(locked)
    locked.full_clean()
    locked.save()
    return locked
