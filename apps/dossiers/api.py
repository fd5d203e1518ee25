"""JSON endpoints for dossiers: the drill-down list over the page's FilterSet, one dossier, imports."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import File, Form, Query, Router, Schema
from ninja.files import UploadedFile

from apps.core.ids import Id
from apps.organizations.selectors import agency_list_for_user

from . import import_runs, selectors, services
from .filters import DossierFilter

router = Router(tags=["Hồ sơ TTHC"])


class DossierOut(Schema):
    id: int
    code: str
    agency_id: int
    unit_id: int | None
    procedure_code: str
    procedure_name: str
    service_level: str
    channel: str
    received_on: date
    due_on: date
    resolved_on: date | None
    returned_on: date | None
    fee: int
    paid_online: bool
    digitised: bool
    e_result: bool
    apology_on: date | None
    apologised: bool
    reappointments: int
    resolution_days: int | None

    @staticmethod
    def resolve_procedure_code(obj: object) -> str:
        return obj.procedure.code  # type: ignore[attr-defined, no-any-return]

    @staticmethod
    def resolve_procedure_name(obj: object) -> str:
        return obj.procedure.name  # type: ignore[attr-defined, no-any-return]


class DossierQuery(Schema):
    agency: Id | None = None
    period: str | None = None
    metric: str | None = None
    unit: Id | None = None
    procedure: str | None = None
    channel: str | None = None
    q: str | None = None


class ImportOut(Schema):
    id: int
    original_name: str
    status: str
    message: str
    encoding: str
    rows_total: int
    rows_good: int
    rows_bad: int
    inserted: int
    updated: int
    unchanged: int
    months: list[int]
    seconds: float
    created_at: datetime
    error_file_url: str | None
    retry_of_id: int | None
    can_retry: bool

    @staticmethod
    def resolve_error_file_url(obj: object) -> str | None:
        from django.urls import reverse

        return reverse("dossiers:import_errors", args=[obj.pk]) if obj.error_file else None  # type: ignore[attr-defined]


@router.get("/dossiers", response=list[DossierOut], summary="Hồ sơ TTHC (cùng bộ lọc với trang, tối đa 1000)")
def dossier_list(request: HttpRequest, filters: Query[DossierQuery]) -> object:
    data = {key: value for key, value in filters.dict().items() if value not in (None, "")}
    dossier_filter = DossierFilter(
        data or None,
        queryset=selectors.dossier_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
    )
    if dossier_filter.is_bound and not dossier_filter.is_valid():
        raise ValidationError({key: list(value) for key, value in dossier_filter.errors.items()})
    return dossier_filter.qs[:1000]


@router.get("/dossiers/{dossier_id}", response=DossierOut, summary="Một hồ sơ")
def dossier_get(request: HttpRequest, dossier_id: Id) -> object:
    return selectors.dossier_get_for_user(user=request.user, pk=dossier_id)


@router.get("/dossier-imports/{import_id}", response=ImportOut, summary="Kết quả một lần nhập hồ sơ")
def import_get(request: HttpRequest, import_id: Id) -> object:
    import_runs.import_batches_sweep()
    return selectors.import_batch_get_for_user(user=request.user, pk=import_id)


@router.post(
    "/dossier-imports/{import_id}/retry",
    response=ImportOut,
    summary="Chạy lại lần nhập bị gián đoạn (từ tệp đã lưu), trả về lần nhập mới",
)
def import_retry(request: HttpRequest, import_id: Id) -> object:
    import_runs.import_batches_sweep()
    batch = selectors.import_batch_get_for_user(user=request.user, pk=import_id)
    return import_runs.import_batch_retry(
        batch=batch, user=request.user, allowed_agency_ids=selectors.importable_agency_ids(user=request.user)
    )


@router.post("/dossier-imports", response=ImportOut, summary="Nhập tệp hồ sơ (CSV hoặc .xlsx)")
def import_create(
    request: HttpRequest,
    file: File[UploadedFile],
    load_good_rows: Form[bool] = False,
    source: Form[Id | None] = None,
) -> object:
    allowed = selectors.importable_agency_ids(user=request.user)
    if not allowed:
        raise PermissionDenied("Bạn không có quyền nhập dữ liệu hồ sơ.")
    mapping = selectors.source_get_for_user(user=request.user, pk=source) if source else None
    if file.file is None:
        raise ValidationError({"file": "Hãy gửi tệp hồ sơ."})
    return import_runs.dossier_import_upload(
        upload=file,
        user=request.user,
        agency=selectors.default_import_agency(
            user=request.user, current=getattr(request, "agency", None), allowed=allowed
        ),
        allowed_agency_ids=allowed,
        source=mapping,
        load_good_rows=load_good_rows,
        max_bytes=services.dossier_max_upload_bytes(),
    )
