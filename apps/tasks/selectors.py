"""Reads of tasks that cross a permission boundary, and the derived views over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import scope_for
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
