"""Reads of tasks that cross a permission boundary, and the derived views over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import person_unit_ids, scope_for
from domain import task_status
from domain.vntext import fold

from .models import Task


def task_list_for_user(*, user: Any) -> QuerySet[Task]:
    queryset = (
        Task.objects.select_related(
            "plan", "agency", "area", "objective", "parent", "accountable", "authority"
        )
        .prefetch_related("lead_units", "cooperating_units")
        .order_by("plan", "order")
    )
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def task_get_for_user(*, user: Any, pk: int) -> Task:
    task = task_list_for_user(user=user).filter(pk=pk).first()
    if task is None:
        raise Http404("Không tìm thấy nhiệm vụ.")
    return task


def today() -> date:
    return timezone.localdate()


def task_status_of(task: Task, on: date | None = None) -> str:
    return task_status.status_from_dates(start=task.start_on, due=task.due_on, today=on or today())


def status_q(status: str, on: date | None = None, soon_days: int = task_status.DEFAULT_SOON_DAYS) -> Q:
    """The database form of `domain.task_status.status_from_dates` for tasks without results yet."""
    day = on or today()
    soon = day + timedelta(days=soon_days)
    if status == task_status.UNDATED:
        return Q(due_on__isnull=True)
    if status == task_status.OVERDUE:
        return Q(due_on__lt=day)
    if status == task_status.NOT_STARTED:
        return Q(start_on__gt=day, due_on__gte=day)
    if status == task_status.DUE_SOON:
        return Q(due_on__gte=day, due_on__lte=soon) & (Q(start_on__isnull=True) | Q(start_on__lte=day))
    if status == task_status.IN_PROGRESS:
        return Q(due_on__gt=soon) & (Q(start_on__isnull=True) | Q(start_on__lte=day))
    return Q(pk__in=[])


def search_q(text: str) -> Q:
    """Search without diacritics: every word must appear in the folded text."""
    query = Q()
    for word in fold(text).split():
        query &= Q(search_text__contains=word)
    return query


@dataclass(frozen=True)
class CoverageRow:
    task: Task
    children: list[Task]


def plan_coverage_for_user(*, user: Any, plan: Any) -> list[CoverageRow]:
    """For each task of a parent plan, the tasks of implementing plans that carry it out."""
    tasks = list(task_list_for_user(user=user).filter(plan=plan))
    children: dict[int, list[Task]] = {task.pk: [] for task in tasks}
    for child in task_list_for_user(user=user).filter(implements__plan=plan).select_related("plan__agency"):
        if child.implements_id is not None:
            children.setdefault(child.implements_id, []).append(child)
    return [CoverageRow(task, children.get(task.pk, [])) for task in tasks]


def implementable_tasks_for(*, user: Any, task: Task) -> list[Task]:
    """Tasks of the plans this task's plan implements, most similar first (the focal point picks one)."""
    basis_plans = task.plan.references.filter(target__isnull=False).values_list("target_id", flat=True)
    candidates = list(task_list_for_user(user=user).filter(plan_id__in=list(basis_plans)))
    words = set(fold(task.title).split())

    def similarity(other: Task) -> float:
        other_words = set(fold(other.title).split())
        return len(words & other_words) / (len(words | other_words) or 1)

    return sorted(candidates, key=similarity, reverse=True)


def occurrence_status(occurrence: Any, on: date | None = None) -> str:
    """Status of one occurrence from its dates; done on time or late is judged by the completion date."""
    if occurrence.not_applicable:
        return NOT_APPLICABLE
    accepted = occurrence.accepted_on
    done_on = (occurrence.completed_on or accepted) if accepted else None
    return task_status.status_from_dates(
        start=occurrence.start_on,
        due=occurrence.due_on,
        today=on or today(),
        accepted_on=done_on,
        submitted=occurrence.submitted_at is not None,
        soon_days=settings.CCHC_DUE_SOON_DAYS,
    )


NOT_APPLICABLE = "not_applicable"
STATUS_LABELS = {**task_status.STATUS_LABELS, NOT_APPLICABLE: "Không áp dụng"}
URGENCY = {
    task_status.OVERDUE: 0,
    task_status.DUE_SOON: 1,
    task_status.AWAITING_ACCEPTANCE: 2,
    task_status.IN_PROGRESS: 3,
    task_status.NOT_STARTED: 4,
    task_status.UNDATED: 5,
}


def occurrence_list_for_user(*, user: Any) -> QuerySet[Any]:
    from .models import Occurrence

    queryset = Occurrence.objects.select_related("task", "task__plan", "task__agency")
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(task__agency_id__in=ids)


def occurrence_get_for_user(*, user: Any, pk: int) -> Any:
    occurrence = occurrence_list_for_user(user=user).filter(pk=pk).first()
    if occurrence is None:
        raise Http404("Không tìm thấy kỳ thực hiện.")
    return occurrence


def evidence_get_for_user(*, user: Any, pk: int) -> Any:
    """An evidence file, found only when its task is one the user may read."""
    from .models import Evidence

    queryset = Evidence.objects.select_related("update__occurrence__task")
    ids = scope_for(user).readable_ids
    if ids is not None:
        queryset = queryset.filter(update__occurrence__task__agency_id__in=ids)
    evidence = queryset.filter(pk=pk).first()
    if evidence is None:
        raise Http404("Không tìm thấy tệp minh chứng.")
    return evidence


my_unit_ids = person_unit_ids


@dataclass
class MyRow:
    occurrence: Any
    status: str
    label: str
    role: str  # "lead" | "cooperating" | "accountable"


def my_work_for_user(*, user: Any, on: date | None = None) -> list[MyRow]:
    """What the user (and their unit) must do: open occurrences, most urgent first."""
    units = my_unit_ids(user)
    person_id = getattr(getattr(user, "person", None), "pk", None)
    lead = Q(task__lead_units__in=units)
    cooperating = Q(task__cooperating_units__in=units)
    mine = Q(task__accountable_id=person_id) if person_id else Q(pk__in=[])
    candidates = (
        occurrence_list_for_user(user=user)
        .filter(lead | cooperating | mine, accepted_on__isnull=True, not_applicable=False)
        .prefetch_related("task__lead_units")
        .distinct()
    )
    rows = []
    day = on or today()
    for occurrence in candidates:
        task_lead = {unit.pk for unit in occurrence.task.lead_units.all()}
        if person_id and occurrence.task.accountable_id == person_id:
            role = "accountable"
        elif task_lead & units:
            role = "lead"
        else:
            role = "cooperating"
        status = occurrence_status(occurrence, day)
        rows.append(MyRow(occurrence, status, STATUS_LABELS[status], role))
    rows.sort(key=lambda row: (URGENCY.get(row.status, 9), row.occurrence.due_on, row.occurrence.task.ref))
    return rows
