"""Occurrences: the dated instances of tasks, kept in step with their schedules and triggers."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from domain.occurrence_windows import windows_for
from domain.workdays import DEFAULT_CALENDAR

from ..models import Occurrence, Task, TaskTrigger
from .register import schedule_of


def _effective_from(task: Task) -> date | None:
    """The day the plan took effect: its issue date, or the day it entered the system."""
    plan = task.plan
    if plan.issued_on is not None:
        return plan.issued_on
    return plan.created_at.date() if plan.created_at else None


def _trigger_window(task: Task) -> tuple[date, date] | None:
    trigger = getattr(task, "trigger_event", None)
    if trigger is None:
        return None
    return trigger.occurred_on, DEFAULT_CALENDAR.add_working_days(trigger.occurred_on, trigger.working_days)


def occurrences_sync_for_task(*, task: Task) -> list[Occurrence]:
    """Create the task's missing occurrences and move the dates of those nobody has reported on yet."""
    plan = task.plan
    if plan.period_start is None or plan.period_end is None:
        return []
    windows = windows_for(
        schedule_of(task),
        period_start=plan.period_start,
        period_end=plan.period_end,
        effective_from=_effective_from(task),
        trigger_window=_trigger_window(task),
    )
    existing = {occurrence.seq: occurrence for occurrence in task.occurrences.all()}
    to_create, to_update = [], []
    for window in windows:
        occurrence = existing.pop(window.seq, None)
        if occurrence is None:
            to_create.append(
                Occurrence(
                    task=task,
                    seq=window.seq,
                    label=window.label,
                    start_on=window.start,
                    due_on=window.due,
                    not_applicable=window.not_applicable,
                )
            )
        elif occurrence.submitted_at is None and occurrence.accepted_on is None:
            occurrence.label, occurrence.start_on, occurrence.due_on = window.label, window.start, window.due
            occurrence.not_applicable = window.not_applicable
            to_update.append(occurrence)
    Occurrence.objects.bulk_create(to_create)
    Occurrence.objects.bulk_update(to_update, ["label", "start_on", "due_on", "not_applicable"])
    # Periods that vanished after a schedule change go, unless someone already reported on them.
    stale = [o.pk for o in existing.values() if o.submitted_at is None and not o.updates.exists()]
    Occurrence.objects.filter(pk__in=stale).delete()
    return list(task.occurrences.all())


def occurrences_sync_for_plan(*, plan: Any) -> int:
    """Occurrences for every task of a plan (after an import or a change of its period)."""
    count = 0
    for task in Task.objects.filter(plan=plan).select_related("plan", "trigger_event"):
        count += len(occurrences_sync_for_task(task=task))
    return count


@transaction.atomic
def task_trigger_record(
    *, task: Task, user: Any, document: str, occurred_on: date, working_days: int | None = None
) -> TaskTrigger:
    """Record that the awaited document arrived; the task then gets its deadline in working days."""
    if task.schedule_kind != "trigger":
        raise ValidationError("Nhiệm vụ này không chờ sự kiện khởi động.")
    if not document.strip():
        raise ValidationError({"document": "Hãy ghi văn bản hoặc sự kiện khởi động."})
    from django.utils import timezone

    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": "Ngày của sự kiện không thể ở tương lai."})
    days = working_days if working_days is not None else settings.CCHC_TRIGGER_WORKING_DAYS
    if not 1 <= days <= 365:
        raise ValidationError({"working_days": "Số ngày làm việc phải từ 1 đến 365."})
    trigger, _ = TaskTrigger.objects.update_or_create(
        task=task,
        defaults={
            "document": document.strip()[:255],
            "occurred_on": occurred_on,
            "working_days": days,
            "recorded_by": user,
        },
    )
    task = Task.objects.select_related("plan", "trigger_event").get(pk=task.pk)
    occurrences_sync_for_task(task=task)
    return trigger
