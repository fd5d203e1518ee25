"""Plan pages: registry, import with preview, detail with basis links, edit, export, coverage."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from apps.core.ids import parse_id
from apps.organizations.selectors import agency_list_for_user, unit_list_for_user
from apps.tasks.selectors import plan_coverage_for_user, task_list_for_user
from domain.six_clear import RULES as SIX_CLEAR_RULES

from . import selectors, services
from .choices import DocumentKind, ImportStatus, PlanType
from .forms import PlanEditForm, PlanUploadForm, preview_corrections
from .importer import plan_import_parse, plan_import_start, preview_tasks


def _import_agencies(request: HttpRequest):  # type: ignore[no-untyped-def]
    agencies = agency_list_for_user(user=request.user)
    allowed = [a.pk for a in agencies if request.user.has_perm("plans.import_plan", a)]
    return agencies.filter(pk__in=allowed)


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = selectors.plan_list_for_user(user=request.user)
    agency_id = parse_id(request.GET.get("agency"))
    if agency_id is not None:
        plans = plans.filter(agency_id=agency_id)
    context = {
        "plans": plans,
        "agencies": agency_list_for_user(user=request.user),
        "selected_agency": agency_id,
        "can_import": _import_agencies(request).exists(),
    }
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_upload(request: HttpRequest) -> HttpResponse:
    agencies = _import_agencies(request)
    if not agencies.exists():
        raise PermissionDenied("Bạn không có quyền nhập kế hoạch.")
    plans = selectors.plan_list_for_user(user=request.user).filter(agency__in=agencies)
    current = getattr(request, "agency", None)
    initial: dict[str, object] = (
        {"agency": current.pk} if current and agencies.filter(pk=current.pk).exists() else {}
    )
    replaces = plans.filter(pk=parse_id(request.GET.get("replaces")) or 0).first()
    if replaces is not None:
        initial = {"agency": replaces.agency_id, "replaces_plan": replaces.pk}
    form = PlanUploadForm(
        request.POST or None, request.FILES or None, agencies=agencies, plans=plans, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan_import = plan_import_start(
                agency=form.cleaned_data["agency"],
                user=request.user,
                uploaded=form.cleaned_data["file"],
                replaces_plan=form.cleaned_data["replaces_plan"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("plans:import_preview", pk=plan_import.pk)
    return render(request, "plans/upload.html", {"form": form})


@login_required
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    plan_import = selectors.plan_import_get_for_user(user=request.user, pk=pk)
    if plan_import.status == ImportStatus.CONFIRMED and plan_import.plan_id:
        messages.info(request, "Kế hoạch này đã được lưu.")
        return redirect("plans:plan_detail", pk=plan_import.plan_id)
    if plan_import.status == ImportStatus.CANCELLED:
        messages.error(request, "Lần nhập này đã bị hủy; hãy tải tệp lên lại.")
        return redirect("plans:plan_upload")
    result = plan_import_parse(plan_import=plan_import)
    rows = preview_tasks(result, plan_import.agency)
    errors: list[str] = []
    duplicate = selectors.plan_import_duplicate_for_user(
        user=request.user, plan_import=plan_import, result=result
    )
    if request.method == "POST":
        if "cancel" in request.POST:
            services.plan_import_cancel(plan_import=plan_import)
            messages.info(request, "Đã hủy lần nhập; không có gì được lưu.")
            return redirect("plans:plan_list")
        corrections, errors = preview_corrections(request.POST, [row.task.ref for row in rows])
        replaces = None
        if "update_existing" in request.POST:
            replaces = selectors.plan_get_for_user(
                user=request.user, pk=parse_id(request.POST.get("update_existing")) or 0
            )
            if not request.user.has_perm("plans.change_plan", replaces):
                raise PermissionDenied("Bạn không có quyền cập nhật kế hoạch này.")
        if not errors:
            try:
                plan = services.plan_import_confirm(
                    plan_import=plan_import, user=request.user, corrections=corrections, replaces=replaces
                )
            except services.DuplicatePlan as error:
                errors = list(error.messages)
                duplicate = selectors.plan_list_for_user(user=request.user).filter(pk=error.plan.pk).first()
            except ValidationError as error:
                errors = list(error.messages)
            else:
                messages.success(request, f"Đã lưu kế hoạch với {plan.tasks.count()} nhiệm vụ.")
                return redirect("plans:plan_detail", pk=plan.pk)
    context = {
        "plan_import": plan_import,
        "result": result,
        "rows": rows,
        "errors": errors,
        "duplicate": duplicate,
        "duplicate_version": duplicate.versions.first() if duplicate is not None else None,
        "units": unit_list_for_user(user=request.user, agency=plan_import.agency).filter(is_active=True),
        "plan_types": PlanType.choices,
        "document_kind_label": DocumentKind(result.kind).label
        if result.kind in DocumentKind.values
        else DocumentKind.PLAN.label,
    }
    return render(request, "plans/preview.html", context)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    tasks = task_list_for_user(user=request.user).filter(plan=plan)
    total = len(tasks)
    clear = sum(1 for task in tasks if task.is_six_clear)
    rule_counts = {rule: sum(1 for t in tasks if t.six_clear.get(rule)) for rule in SIX_CLEAR_RULES}
    context = {
        "plan": plan,
        "references": selectors.plan_references_for_user(user=request.user, plan=plan),
        "implementing": selectors.plans_implementing_for_user(user=request.user, plan=plan),
        "objectives": plan.objectives.select_related("area", "target"),
        "tasks": tasks,
        "clear_count": clear,
        "clear_share": round(100 * clear / total, 1) if total else None,
        "rule_counts": rule_counts,
        "versions": plan.versions.select_related("created_by")[:10],
        "can_change": request.user.has_perm("plans.change_plan", plan),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("plans.change_plan", plan):
        raise PermissionDenied("Bạn không có quyền sửa kế hoạch này.")
    form = PlanEditForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, expected_version=form.expected_version, **form.changes())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("plans:plan_detail", pk=plan.pk)
    return render(request, "plans/plan_edit.html", {"form": form, "plan": plan})


@login_required
def plan_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    rows = plan_coverage_for_user(user=request.user, plan=plan)
    covered = sum(1 for row in rows if row.children)
    context = {
        "plan": plan,
        "rows": rows,
        "covered": covered,
        "implementing": selectors.plans_implementing_for_user(user=request.user, plan=plan),
    }
    return render(request, "plans/coverage.html", context)


@login_required
def plan_export_docx(request: HttpRequest, pk: int) -> HttpResponse:
    from .export import plan_docx_bytes

    plan = selectors.plan_get_for_user(user=request.user, pk=pk)
    data = plan_docx_bytes(plan=plan)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    name = f"ke-hoach-{plan.number or 'chua-so'}-{plan.symbol or plan.pk}.docx".replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
