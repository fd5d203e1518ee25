"""Execution pages: my work, reporting progress, accepting results, the unit page, the dashboards."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.core.files import file_response
from apps.core.ids import parse_id
from apps.organizations.selectors import agency_get_for_user, agency_list_for_user, unit_get_for_user

from .. import selectors, services
from ..dashboard import agency_dashboard, province_ranking, ranking_chart
from ..forms import DecisionForm, ProgressForm, TriggerForm, progress_draft_keep, progress_draft_take


def _messages_of(error: ValidationError) -> list[str]:
    return list(error.messages)


@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    rows = selectors.my_work_for_user(user=request.user)
    for row in rows:
        row.occurrence.draft = progress_draft_take(request.session, row.occurrence.pk)  # type: ignore[attr-defined]
    return render(request, "tasks/my_work.html", {"rows": rows})


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """An evidence file, for whoever may read its task (another agency's id is a 404)."""
    evidence = selectors.evidence_get_for_user(user=request.user, pk=pk)
    return file_response(evidence.file, filename=evidence.original_name)


@require_POST
@login_required
def progress_post(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_get_for_user(user=request.user, pk=pk)
    form = ProgressForm(request.POST, request.FILES)
    back = request.POST.get("next") or f"/nhiem-vu/{occurrence.task_id}/"
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        progress_draft_keep(request.session, occurrence.pk, request.POST)
        return _back(request, back, occurrence)
    data = form.cleaned_data
    files = [(upload.name, upload) for upload in data["evidence"]]
    try:
        services.progress_submit(
            occurrence=occurrence,
            user=request.user,
            percent=data["percent"],
            note=data["note"],
            reason=data["reason"],
            links=data["links"].splitlines(),
            files=files,
            complete=data["complete"],
            completed_on=data["completed_on"],
            expected_version=data["version"],
            unit=_my_unit_for(request, occurrence),
        )
    except (ValidationError, PermissionDenied) as error:
        for message in _messages_of(error) if isinstance(error, ValidationError) else [str(error)]:
            messages.error(request, message)
        progress_draft_keep(request.session, occurrence.pk, request.POST)
    else:
        messages.success(request, "Đã ghi nhận báo cáo tiến độ.")
    return _back(request, back, occurrence)


def _my_unit_for(request: HttpRequest, occurrence: Any) -> Any:
    units = selectors.my_unit_ids(request.user)
    task_units = list(occurrence.task.lead_units.all()) + list(occurrence.task.cooperating_units.all())
    return next((unit for unit in task_units if unit.pk in units), None)


def _back(request: HttpRequest, target: str, occurrence: Any) -> HttpResponse:
    if not target.startswith("/") or target.startswith("//"):
        target = f"/nhiem-vu/{occurrence.task_id}/"
    return redirect(target)


@require_POST
@login_required
def decision_post(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = selectors.occurrence_get_for_user(user=request.user, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "accept":
                services.occurrence_accept(
                    occurrence=occurrence, user=request.user, expected_version=data["version"]
                )
                messages.success(request, "Đã nghiệm thu kết quả.")
            else:
                services.occurrence_return(
                    occurrence=occurrence,
                    user=request.user,
                    reason=data["reason"],
                    expected_version=data["version"],
                )
                messages.success(request, "Đã trả lại kết quả kèm lý do.")
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        except PermissionDenied as error:
            messages.error(request, str(error))
    return redirect("tasks:task_detail", pk=occurrence.task_id)


@require_POST
@login_required
def trigger_post(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("tasks.record_trigger", task):
        raise PermissionDenied("Bạn không có quyền ghi nhận sự kiện khởi động.")
    form = TriggerForm(request.POST)
    if form.is_valid():
        try:
            services.task_trigger_record(task=task, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "Đã ghi nhận sự kiện; nhiệm vụ đã có thời hạn.")
    else:
        for errors in form.errors.values():
            for problem in errors:
                messages.error(request, str(problem))
    return redirect("tasks:task_detail", pk=task.pk)


@login_required
def unit_page(request: HttpRequest, pk: int) -> HttpResponse:
    unit = unit_get_for_user(user=request.user, pk=pk)
    occurrences = (
        selectors.occurrence_list_for_user(user=request.user)
        .filter(task__lead_units=unit, not_applicable=False)
        .order_by("due_on")
    )
    rows = [(o, selectors.STATUS_LABELS[selectors.occurrence_status(o)]) for o in occurrences]
    cooperating = selectors.task_list_for_user(user=request.user).filter(cooperating_units=unit)
    return render(request, "tasks/unit_page.html", {"unit": unit, "rows": rows, "cooperating": cooperating})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        agency = agency_get_for_user(user=request.user, pk=agency_id)
    else:
        agency = request.agency  # type: ignore[attr-defined]
        if not agency:
            raise Http404("Bạn chưa có vai trò ở cơ quan nào.")
    data = agency_dashboard(agency=agency)
    return render(request, "tasks/dashboard.html", {"d": data})


@login_required
def province_view(request: HttpRequest) -> HttpResponse:
    agencies = agency_list_for_user(user=request.user)
    ranking = province_ranking(agencies=agencies)
    return render(request, "tasks/province.html", {"ranking": ranking, "chart": ranking_chart(ranking)})
