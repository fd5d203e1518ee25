"""JSON endpoints for tasks: the register's FilterSet, the same selectors as the pages."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from apps.core.ids import Id, Percent, Version
from apps.core.versioning import CONFLICT_RESPONSES
from apps.organizations.selectors import agency_list_for_user
from apps.plans.selectors import plan_list_for_user

from . import selectors, services
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
    agency: Id | None = None
    plan: Id | None = None
    area: Id | None = None
    unit: Id | None = None
    lead: Id | None = None
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
def task_get(request: HttpRequest, task_id: Id) -> object:
    return selectors.task_get_for_user(user=request.user, pk=task_id)


class OccurrenceOut(Schema):
    id: int
    task_id: int
    seq: int
    label: str
    start_on: date | None
    due_on: date
    not_applicable: bool
    percent: int
    status: str
    completed_on: date | None
    accepted_on: date | None
    version: int

    @staticmethod
    def resolve_status(obj: object) -> str:
        return selectors.occurrence_status(obj)


class ProgressOut(Schema):
    id: int
    occurrence_id: int
    percent: int
    note: str
    is_completion: bool
    evidence: list[str]

    @staticmethod
    def resolve_evidence(obj: object) -> list[str]:
        return [e.original_name for e in obj.evidence.all()]  # type: ignore[attr-defined]


class DecisionIn(Schema):
    decision: str
    reason: str = ""
    version: Version | None = None


class TriggerIn(Schema):
    document: str
    occurred_on: date
    working_days: int | None = Field(None, ge=1, le=365)


@router.get(
    "/tasks/{task_id}/occurrences", response=list[OccurrenceOut], summary="Các kỳ thực hiện của nhiệm vụ"
)
def occurrence_list(request: HttpRequest, task_id: Id) -> object:
    task = selectors.task_get_for_user(user=request.user, pk=task_id)
    return task.occurrences.all()


@router.post(
    "/occurrences/{occurrence_id}/progress",
    response={201: ProgressOut, **CONFLICT_RESPONSES},
    summary="Báo cáo tiến độ (kèm tệp minh chứng)",
    description="Gửi kèm `version` của kỳ đã đọc: nếu kỳ vừa được người khác cập nhật, trả 409 và không lưu gì.",
)
def progress_create(
    request: HttpRequest,
    occurrence_id: Id,
    percent: Form[Percent],
    note: Form[str] = "",
    reason: Form[str] = "",
    complete: Form[bool] = False,
    completed_on: Form[date | None] = None,
    version: Form[Version | None] = None,
    links: Form[str] = "",
    files: list[UploadedFile] = File(default=None),  # noqa: B008
) -> object:
    occurrence = selectors.occurrence_get_for_user(user=request.user, pk=occurrence_id)
    update = services.progress_submit(
        occurrence=occurrence,
        user=request.user,
        percent=percent,
        note=note,
        reason=reason,
        links=links.splitlines(),
        files=[(f.name or "tep", f) for f in files or []],
        complete=complete,
        completed_on=completed_on,
        expected_version=version,
    )
    return Status(201, update)


@router.post(
    "/occurrences/{occurrence_id}/decision",
    response={200: OccurrenceOut, **CONFLICT_RESPONSES},
    summary="Nghiệm thu hoặc trả lại",
    description="Gửi kèm `version` của kỳ đã đọc: nếu kỳ vừa được người khác cập nhật, trả 409 và không lưu gì.",
)
def occurrence_decide(request: HttpRequest, occurrence_id: Id, payload: DecisionIn) -> object:
    occurrence = selectors.occurrence_get_for_user(user=request.user, pk=occurrence_id)
    if payload.decision == "accept":
        return services.occurrence_accept(
            occurrence=occurrence, user=request.user, expected_version=payload.version
        )
    if payload.decision == "return":
        return services.occurrence_return(
            occurrence=occurrence, user=request.user, reason=payload.reason, expected_version=payload.version
        )
    raise ValidationError({"decision": "Quyết định phải là “accept” hoặc “return”."})


@router.post("/tasks/{task_id}/trigger", response=list[OccurrenceOut], summary="Ghi nhận sự kiện khởi động")
def trigger_create(request: HttpRequest, task_id: Id, payload: TriggerIn) -> object:
    task = selectors.task_get_for_user(user=request.user, pk=task_id)
    if not request.user.has_perm("tasks.record_trigger", task):
        raise PermissionDenied("Bạn không có quyền ghi nhận sự kiện khởi động.")
    services.task_trigger_record(task=task, user=request.user, **payload.dict())
    return task.occurrences.all()
