"""Pages of CCHC inspections: the plans of the year, one plan with its share of units against the target, one
inspection (checklist, findings, remediation with live status, documents) and the forms. Thin: reads in
selectors, writes in services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from apps.core.forms import add_service_errors
from domain.reform_areas import REFORM_AREAS

from . import documents, selectors, services
from .forms import FindingForm, InspectionForm, PlanForm, RecordForm, RemediationForm
from .models import Inspection

MANAGE = services.MANAGE
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _refuse_unless_manage(user: Any, agency: Any) -> None:
    if not user.has_perm(MANAGE, agency):
        raise PermissionDenied("Chỉ lãnh đạo, đầu mối CCHC hoặc quản trị của cơ quan được làm việc này.")


@login_required
def home(request: HttpRequest) -> HttpResponse:
    agency = getattr(request, "agency", None)
    can_plan = agency is not None and request.user.has_perm(MANAGE, agency)
    plans = selectors.plan_list_for_user(user=request.user)
    return render(
        request,
        "inspections/home.html",
        {
            "plans": plans,
            "form": PlanForm(initial={"year": timezone.localdate().year}) if can_plan else None,
            "agency": agency,
        },
    )


@login_required
@require_POST
def plan_create(request: HttpRequest) -> HttpResponse:
    agency = getattr(request, "agency", None)
    if agency is None:
        raise PermissionDenied("Hãy chọn cơ quan làm việc trước.")
    _refuse_unless_manage(request.user, agency)
    form = PlanForm(request.POST)
    if form.is_valid():
        try:
            plan = services.plan_create(user=request.user, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lập kế hoạch kiểm tra.")
            return redirect("inspections:plan", pk=plan.pk)
    plans = selectors.plan_list_for_user(user=request.user)
    return render(
        request, "inspections/home.html", {"plans": plans, "form": form, "agency": agency}, status=400
    )


def _plan_page(
    request: HttpRequest, plan: Any, form: InspectionForm | None, status: int = 200
) -> HttpResponse:
    summary = selectors.plan_summary(plan)
    return render(
        request,
        "inspections/plan.html",
        {"plan": plan, "summary": summary, "form": form},
        status=status,
    )


def _inspection_form(plan: Any, data: Any = None) -> InspectionForm:
    units, children = selectors.inspectable_targets(plan.agency)
    return InspectionForm(data, units=units, children=children)


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    form = _inspection_form(plan) if request.user.has_perm(MANAGE, plan.agency) else None
    return _plan_page(request, plan, form)


@login_required
@require_POST
def inspection_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    _refuse_unless_manage(request.user, plan.agency)
    form = _inspection_form(plan, request.POST)
    if form.is_valid():
        try:
            inspection = services.inspection_create(user=request.user, plan=plan, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã đưa cuộc kiểm tra {inspection.target_name} vào kế hoạch.")
            return redirect("inspections:inspection", pk=inspection.pk)
    return _plan_page(request, plan, form, status=400)


def _inspection_page(request: HttpRequest, inspection: Inspection, **forms: Any) -> HttpResponse:
    can_manage = request.user.has_perm(MANAGE, inspection.agency)
    rows = selectors.finding_rows(inspection)
    remediation_forms = {}
    if can_manage:
        forms.setdefault("record_form", RecordForm(inspection=inspection))
        forms.setdefault("finding_form", FindingForm())
        for row in rows:
            form = forms.get("remediation_form") if forms.get("remediation_for") == row.finding.pk else None
            remediation_forms[row.finding.pk] = form or RemediationForm(
                agency_id=inspection.inspected_agency_id, prefix=f"f{row.finding.pk}"
            )
    for row in rows:
        row.form = remediation_forms.get(row.finding.pk)  # type: ignore[attr-defined]
    context = {
        "inspection": inspection,
        "rows": rows,
        "checklist": list(inspection.checklist.all()),
        "areas": [area.name for area in REFORM_AREAS if area.code in inspection.areas],
        "can_manage": can_manage,
        **forms,
    }
    status = 400 if forms.get("invalid") else 200
    return render(request, "inspections/inspection.html", context, status=status)


@login_required
@require_GET
def inspection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=pk)
    return _inspection_page(request, inspection)


@login_required
@require_POST
def inspection_record(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=pk)
    _refuse_unless_manage(request.user, inspection.agency)
    form = RecordForm(request.POST, inspection=inspection)
    if form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith(("result_", "note_"))}
        try:
            services.inspection_record(
                user=request.user, inspection=inspection, results=form.results(), **data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi kết quả kiểm tra.")
            return redirect("inspections:inspection", pk=inspection.pk)
    return _inspection_page(request, inspection, record_form=form, invalid=True)


@login_required
@require_POST
def finding_add(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=pk)
    _refuse_unless_manage(request.user, inspection.agency)
    form = FindingForm(request.POST)
    if form.is_valid():
        try:
            services.finding_add(user=request.user, inspection=inspection, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi tồn tại, hạn chế.")
            return redirect("inspections:inspection", pk=inspection.pk)
    return _inspection_page(request, inspection, finding_form=form, invalid=True)


@login_required
@require_POST
def remediation_add(request: HttpRequest, pk: int) -> HttpResponse:
    finding = selectors.finding_get_for_user(user=request.user, pk=pk)
    inspection = selectors.inspection_get_for_user(user=request.user, pk=finding.inspection_id)
    _refuse_unless_manage(request.user, inspection.agency)
    form = RemediationForm(request.POST, agency_id=inspection.inspected_agency_id, prefix=f"f{finding.pk}")
    if form.is_valid():
        try:
            remediation = services.remediation_add(user=request.user, finding=finding, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã giao nhiệm vụ khắc phục {remediation.task.ref}.")
            return redirect("inspections:inspection", pk=inspection.pk)
    return _inspection_page(
        request, inspection, remediation_form=form, remediation_for=finding.pk, invalid=True
    )


@login_required
@require_GET
def record_docx(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=pk)
    rows = selectors.finding_rows(inspection)
    return _docx(documents.record_docx(inspection, rows), f"bien-ban-kiem-tra-{inspection.pk}.docx")


@login_required
@require_GET
def notice_docx(request: HttpRequest, pk: int) -> HttpResponse:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=pk)
    rows = selectors.finding_rows(inspection)
    return _docx(documents.notice_docx(inspection, rows), f"thong-bao-ket-luan-{inspection.pk}.docx")
