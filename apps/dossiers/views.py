"""Dossier pages: import with its summary and error file (and “Thử lại” for one whose server died), the drill-down
list with Excel export, the dossier with its apology letter, procedures, and the column mappings of sources."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.files import file_response
from apps.core.ids import parse_id
from apps.core.tables import Column, Table
from apps.core.uploads import UploadRefused
from apps.jobs.choices import JobKind
from apps.jobs.services import job_create, job_enqueue
from apps.organizations.selectors import agency_list_for_user
from domain.indicators.dossier_rates import STATUS_LABELS, dossier_status
from domain.indicators.one_stop_rules import apology_deadline, apology_rule_for
from domain.periods import PeriodError, parse_period

from . import import_runs, selectors, services
from .background import dossier_export
from .choices import Metric
from .export import apology_letter_for
from .filters import dossier_filter_for_user
from .forms import DossierImportForm, SourceMappingForm

REJECTED_SHOWN = 20  # the first rejected rows shown on the summary; the CSV has them all


def _max_upload() -> int:
    return services.dossier_max_upload_bytes()


def _import_agency(request: HttpRequest, allowed: set[int]) -> Any:
    return selectors.default_import_agency(
        user=request.user, current=getattr(request, "agency", None), allowed=allowed
    )


@login_required
def dossier_import(request: HttpRequest) -> HttpResponse:
    allowed = selectors.importable_agency_ids(user=request.user)
    if not allowed:
        raise PermissionDenied("Bạn không có quyền nhập dữ liệu hồ sơ.")
    sources = selectors.source_list_for_user(user=request.user)
    limit_mb = _max_upload() // (1024 * 1024)
    if request.method == "POST" and (parse_id(request.META.get("CONTENT_LENGTH")) or 0) > _max_upload():
        # Refused before Django reads the body: a 2 GB upload never lands on the server's disk.
        messages.error(
            request,
            f"Tệp lớn hơn {limit_mb} MB: hãy chia nhỏ tệp, hoặc nhờ quản trị hệ thống nhập trên máy chủ "
            "(không giới hạn dung lượng).",
        )
        return redirect("dossiers:dossier_import")
    form = DossierImportForm(request.POST or None, request.FILES or None, sources=sources)
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_runs.dossier_import_upload(
                upload=form.cleaned_data["file"],
                user=request.user,
                agency=_import_agency(request, allowed),
                allowed_agency_ids=allowed,
                source=form.cleaned_data["source"],
                load_good_rows=form.cleaned_data["load_good_rows"],
                max_bytes=_max_upload(),
            )
        except UploadRefused as refusal:
            form.add_error("file", refusal.reason)
        else:
            return redirect("dossiers:import_detail", pk=batch.pk)
    import_runs.import_batches_sweep()
    batches = selectors.import_batch_list_for_user(user=request.user)[:20]
    context = {"form": form, "batches": batches, "limit_mb": limit_mb}
    return render(request, "dossiers/import.html", context)


@login_required
def import_detail(request: HttpRequest, pk: int) -> HttpResponse:
    import_runs.import_batches_sweep()
    batch = selectors.import_batch_get_for_user(user=request.user, pk=pk)
    months = [f"{month % 100:02d}/{month // 100}" for month in batch.months]
    context = {
        "batch": batch,
        "months": months,
        "retries": selectors.import_batch_list_for_user(user=request.user).filter(retry_of=batch),
        "rejected": selectors.import_batch_rejected_rows(batch=batch, limit=REJECTED_SHOWN),
        "can_retry": batch.can_retry
        and batch.agency_id in selectors.importable_agency_ids(user=request.user),
    }
    return render(request, "dossiers/import_detail.html", context)


@require_POST
@login_required
def import_retry(request: HttpRequest, pk: int) -> HttpResponse:
    import_runs.import_batches_sweep()
    batch = selectors.import_batch_get_for_user(user=request.user, pk=pk)
    try:
        again = import_runs.import_batch_retry(
            batch=batch,
            user=request.user,
            allowed_agency_ids=selectors.importable_agency_ids(user=request.user),
        )
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
        return redirect("dossiers:import_detail", pk=batch.pk)
    return redirect("dossiers:import_detail", pk=again.pk)


@login_required
def import_errors(request: HttpRequest, pk: int) -> HttpResponseBase:
    batch = selectors.import_batch_get_for_user(user=request.user, pk=pk)
    if not batch.error_file:
        raise Http404("Lần nhập này không có dòng lỗi.")
    return FileResponse(
        batch.error_file.open("rb"),
        as_attachment=True,
        filename=f"dong-loi-{batch.pk}.csv",
        content_type="text/csv; charset=utf-8",
    )


DOSSIER_COLUMNS = [
    Column("code", "Mã hồ sơ", sort=("code",), always=True),
    Column("agency", "Cơ quan, đơn vị", sort=("agency__name", "unit__name")),
    Column("procedure", "Thủ tục", sort=("procedure__name",)),
    Column("channel", "Kênh", sort=("channel",)),
    Column("received", "Tiếp nhận", sort=("received_on",)),
    Column("due", "Hẹn trả", sort=("due_on",)),
    Column("resolved", "Có kết quả", sort=("resolved_on",)),
    Column("status", "Tình trạng"),
    Column("apology", "Xin lỗi", default=False),
]


@login_required
def dossier_list(request: HttpRequest) -> HttpResponse:
    dossier_filter, dossiers = dossier_filter_for_user(user=request.user, data=request.GET)
    today = timezone.localdate()
    table = Table(request, name="dossiers", columns=DOSSIER_COLUMNS, queryset=dossiers)
    page = table.page
    for dossier in page.object_list:
        dossier.status = dossier_status(dossier.due_on, dossier.resolved_on, today)
        dossier.status_label = STATUS_LABELS[dossier.status]
    data = dossier_filter.form.cleaned_data if dossier_filter.is_valid() else {}
    heading = ""
    if data.get("period"):
        metric = data.get("metric") or Metric.RECEIVED
        heading = f"{Metric(metric).label} — {parse_period(data['period']).label}"
    agencies = agency_list_for_user(user=request.user)
    can_import = any(request.user.has_perm("dossiers.import_dossiers", agency) for agency in agencies)
    context = {
        "filter": dossier_filter,
        "page": page,
        "table": table,
        "query": table.query,
        "heading": heading,
        "can_import": can_import,
    }
    return render(request, "dossiers/dossier_list.html", context)


@require_POST
@login_required
def dossier_export_start(request: HttpRequest) -> HttpResponse:
    """The Excel file of the filtered list is written in the background (tens of thousands of rows take
    seconds); the job page shows the progress and then the link to the file."""
    query = QueryDict(request.POST.get("query", ""), mutable=True)
    query.pop("page", None)
    job = job_create(
        kind=JobKind.DOSSIER_EXPORT, user=request.user, message="Đang chờ xuất Excel danh sách hồ sơ."
    )
    job_enqueue(job=job, task=dossier_export, user_id=request.user.pk, query=query.urlencode())
    return redirect("jobs:job_status", pk=job.pk)


@login_required
def export_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    stored = selectors.dossier_export_get_for_user(user=request.user, pk=pk)
    return file_response(stored.file, filename=f"ho-so-{stored.created_at:%Y%m%d-%H%M}.xlsx")


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get_for_user(user=request.user, pk=pk)
    today = timezone.localdate()
    status = dossier_status(dossier.due_on, dossier.resolved_on, today)
    owes_apology = status in ("late", "overdue")
    context = {
        "dossier": dossier,
        "status": STATUS_LABELS[status],
        "owes_apology": owes_apology,
        "apology_missing": owes_apology and not dossier.apologised,
        "rule": apology_rule_for(dossier.due_on),
        "apology_deadline": apology_deadline(dossier.due_on),
    }
    return render(request, "dossiers/dossier_detail.html", context)


@login_required
def apology_letter(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = selectors.dossier_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(
        apology_letter_for(dossier, today=timezone.localdate()),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    safe_code = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in dossier.code)
    response["Content-Disposition"] = f'attachment; filename="phieu-xin-loi-{safe_code}.docx"'
    return response


@login_required
def procedure_list(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_user(user=request.user)
    agency_id = parse_id(request.GET.get("agency"))
    agency = (agencies.filter(pk=agency_id).first() if agency_id else None) or getattr(
        request, "agency", None
    )
    if agency is None or not agencies.filter(pk=agency.pk).exists():
        agency = agencies.first()
    try:
        period = parse_period(request.GET.get("period") or str(timezone.localdate().year))
    except PeriodError as error:
        messages.error(request, str(error))
        period = parse_period(str(timezone.localdate().year))
    rows = selectors.procedure_stats(agency_ids=[agency.pk], period=period) if agency else []
    context = {"agency": agency, "agencies": agencies, "period": period, "rows": rows}
    return render(request, "dossiers/procedures.html", context)


@login_required
def source_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "dossiers/sources.html", {"sources": selectors.source_list_for_user(user=request.user)}
    )


@login_required
def source_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    mapping = selectors.source_get_for_user(user=request.user, pk=pk) if pk else None
    allowed = selectors.importable_agency_ids(user=request.user)
    agency = mapping.agency if mapping else _import_agency(request, allowed)
    if agency is None or agency.pk not in allowed:
        raise PermissionDenied("Bạn không có quyền khai báo nguồn dữ liệu hồ sơ.")
    initial = SourceMappingForm.initial_from(mapping) if mapping else {}
    form = SourceMappingForm(request.POST or None, initial=initial, versioned=mapping is not None)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.source_mapping_save(
                agency=agency,
                name=form.cleaned_data["name"],
                columns=form.columns(),
                note=form.cleaned_data["note"],
                mapping=mapping,
                expected_version=form.expected_version if mapping else None,
            )
        except ValidationError as error:
            for name, errors in error.message_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            messages.success(request, f"Đã lưu cách ghép cột của nguồn “{saved.name}”.")
            return redirect("dossiers:source_list")
    return render(request, "dossiers/source_edit.html", {"form": form, "mapping": mapping})
