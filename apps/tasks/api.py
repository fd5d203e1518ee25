"""JSON endpoints for tasks: the register's FilterSet, the same selectors as the pages."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema

from apps.organizations.selectors import agency_list_for_user
from apps.plans.selectors import plan_list_for_user

from . import selectors
from .filters import TaskFilter

router = Router(tags=["Nhiệm vụ"])


class TaskOut(Schema):
    id: int
    plan_id: int
    agency_id: int
    ref: str
    kind: str
    parent_id: int | None
    area_code: str | None
    title: str
    lead_text: str
    lead_unit_ids: list[int]
    cooperating_text: str
    timeline_raw: str
    start_on: date | None
    due_on: date | None
    recurrence: str
    deliverable: str
    six_clear: dict[str, bool]
    is_six_clear: bool
    version: int

    @staticmethod
    def resolve_area_code(obj: object) -> str | None:
        area = getattr(obj, "area", None)
        return area.code if area else None

    @staticmethod
    def resolve_lead_unit_ids(obj: object) -> list[int]:
        return [unit.pk for unit in obj.lead_units.all()]  # type: ignore[attr-defined]


class TaskQuery(Schema):
    q: str | None = None
    agency: int | None = None
    plan: int | None = None
    area: int | None = None
    unit: int | None = None
    lead: int | None = None
    quarter: str | None = None
    status: str | None = None
    clear: str | None = None


@router.get("/tasks", response=list[TaskOut], summary="Sổ nhiệm vụ (cùng bộ lọc với trang)")
def task_list(request: HttpRequest, filters: Query[TaskQuery]) -> object:
    data = {key: value for key, value in filters.dict().items() if value not in (None, "")}
    task_filter = TaskFilter(
        data or None,
        queryset=selectors.task_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
        plans=plan_list_for_user(user=request.user),
    )
    return task_filter.qs[:1000]


@router.get("/tasks/{task_id}", response=TaskOut, summary="Một nhiệm vụ")
def task_get(request: HttpRequest, task_id: int) -> object:
    return selectors.task_get_for_user(user=request.user, pk=task_id)
