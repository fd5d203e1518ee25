"""Criteria set pages: the list, a set as an indented table with its problems, one criterion's edit form, copy
forward, put in force, import of a province's table with a preview. Self-assessment on these sets comes in the
next step."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.core.uploads import UploadRefused
from apps.organizations.selectors import agency_get_for_user, agency_list_for_user

from . import selectors, services
from .computed import computed_scores
from .exports import criteria_set_xlsx
from .forms import CopyForm, CriterionForm, SetImportForm, preview_corrected, preview_forms
from .importer import (
    draft_check,
    draft_done,
    draft_drop,
    draft_from_table,
    draft_get,
    draft_keep,
    draft_saved_set,
    draft_update,
)
from .models import CriteriaSet

CHANGE = "scoring.change_criteria_set"


def _require_write(user: Any, obj: Any) -> None:
    if not user.has_perm(CHANGE, obj):
        raise PermissionDenied("Chỉ Sở Nội vụ của tỉnh hoặc quản trị cấp tỉnh được sửa bộ tiêu chí.")


def _copy_targets(user: Any, criteria_set: CriteriaSet) -> list[Any]:
    if criteria_set.agency_id is not None:
        return [criteria_set.agency] if user.has_perm(CHANGE, criteria_set) else []
    return selectors.provinces_writable_by(user=user)


@login_required
def set_list(request: HttpRequest) -> HttpResponse:
    sets = selectors.criteria_set_list_for_user(user=request.user).order_by(
        "is_sample", "agency__name", "-year", "level"
    )
    can_import = bool(selectors.provinces_writable_by(user=request.user))
    return render(request, "scoring/set_list.html", {"sets": sets, "can_import": can_import})


@login_required
def set_detail(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = selectors.criteria_set_get_for_user(user=request.user, pk=pk)
    targets = _copy_targets(request.user, criteria_set)
    context = {
        "set": criteria_set,
        "tree": selectors.set_tree(criteria_set=criteria_set),
        **_computed_context(request, criteria_set),
        "can_edit": not criteria_set.locked and request.user.has_perm(CHANGE, criteria_set),
        "copy_form": CopyForm(initial={"year": criteria_set.year + 1}, provinces=targets)
        if targets
        else None,
        "choose_province": criteria_set.agency_id is None,
    }
    return render(request, "scoring/set_detail.html", context)


def _computed_context(request: HttpRequest, criteria_set: CriteriaSet) -> dict[str, Any]:
    """The points of the computed criteria for an agency the reader may read (their own by default)."""
    if not selectors.has_computed_criteria(criteria_set=criteria_set):
        return {}
    agencies = agency_list_for_user(user=request.user).order_by("name")
    chosen = parse_id(request.GET.get("agency")) or getattr(getattr(request, "agency", None), "pk", None)
    agency = agency_get_for_user(user=request.user, pk=chosen) if chosen else None
    scores = (
        computed_scores(criteria_set=criteria_set, agency=agency, year=criteria_set.year) if agency else []
    )
    names = selectors.indicator_names(codes={item.criterion.source for item in scores})
    rows = [(item, names.get(item.criterion.source, item.criterion.source)) for item in scores]
    return {"computed_agencies": agencies, "computed_agency": agency, "computed": rows}


@login_required
def set_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The set as the province's table (.xlsx), which the import page reads back."""
    criteria_set = selectors.criteria_set_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(
        criteria_set_xlsx(criteria_set),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="bo-tieu-chi-{criteria_set.year}-{criteria_set.pk}.xlsx"'
    )
    return response


@login_required
def criterion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    criterion = selectors.criterion_get_for_user(user=request.user, pk=pk)
    criteria_set = criterion.criteria_set
    _require_write(request.user, criteria_set)
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        try:
            services.criterion_update(
                criterion=criterion, expected_version=form.expected_version, **form.changes()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu tiêu chí {criterion.code}.")
            return redirect("scoring:set_detail", pk=criteria_set.pk)
    context = {"form": form, "criterion": criterion, "set": criteria_set}
    return render(request, "scoring/criterion_edit.html", context, status=200)


@login_required
@require_POST
def set_copy(request: HttpRequest, pk: int) -> HttpResponse:
    source = selectors.criteria_set_get_for_user(user=request.user, pk=pk)
    targets = _copy_targets(request.user, source)
    if not targets:
        _require_write(request.user, source.agency_id)
    form = CopyForm(request.POST, provinces=targets)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("scoring:set_detail", pk=source.pk)
    province = source.agency if source.agency_id is not None else form.cleaned_data["province"]
    if province is None:
        messages.error(request, "Hãy chọn tỉnh nhận bản sao.")
        return redirect("scoring:set_detail", pk=source.pk)
    _require_write(request.user, province)
    try:
        copy = services.criteria_set_copy_forward(
            source=source, year=form.cleaned_data["year"], agency=province, name=form.cleaned_data["name"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("scoring:set_detail", pk=source.pk)
    messages.success(request, f"Đã sao chép thành bộ dự thảo năm {copy.year}: hãy điều chỉnh rồi áp dụng.")
    return redirect("scoring:set_detail", pk=copy.pk)


@login_required
@require_POST
def set_put_in_force(request: HttpRequest, pk: int) -> HttpResponse:
    criteria_set = selectors.criteria_set_get_for_user(user=request.user, pk=pk)
    _require_write(request.user, criteria_set)
    try:
        services.criteria_set_put_in_force(
            criteria_set=criteria_set, expected_version=parse_id(request.POST.get("version"))
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, "Bộ tiêu chí đã được áp dụng.")
    return redirect("scoring:set_detail", pk=criteria_set.pk)


@login_required
def set_import(request: HttpRequest) -> HttpResponse:
    """Upload a province's table; then (`?preview=TOKEN`, the token also in the form) its preview to correct."""
    provinces = selectors.provinces_writable_by(user=request.user)
    if not provinces:
        raise PermissionDenied("Chỉ Sở Nội vụ của tỉnh hoặc quản trị cấp tỉnh được nhập bộ tiêu chí.")
    token = request.POST.get("token") or request.GET.get("preview")
    if token:
        return _import_preview(request, token, provinces)
    current = getattr(request, "agency", None)
    home = selectors.province_of(current) if current is not None else None
    initial = {
        "year": timezone.localdate().year,
        "province": home.pk if home in provinces else provinces[0].pk,
    }
    form = SetImportForm(request.POST or None, request.FILES or None, provinces=provinces, initial=initial)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            table = services.criteria_table_read(data=upload, filename=upload.name)
        except UploadRefused as refusal:
            form.add_error("file", refusal.reason)
        else:
            if not table.criteria:
                form.add_error("file", list(table.errors) or "Bảng không có tiêu chí nào.")
            else:
                token = draft_keep(request.session, draft_from_table(table, **form.header()))
                return redirect(f"{reverse('scoring:set_import')}?preview={token}")
    return render(request, "scoring/set_import.html", {"form": form})


def _import_preview(request: HttpRequest, token: str, provinces: list[Any]) -> HttpResponse:
    draft = draft_get(request.session, token)
    if draft is None:
        saved = draft_saved_set(request.session, token)
        if saved is not None:
            messages.info(request, "Bảng tiêu chí này đã được lưu; không tạo thêm bộ nào.")
            return redirect("scoring:set_detail", pk=saved)
        messages.error(
            request, "Bản xem trước không còn (đã hủy hoặc hết phiên làm việc): hãy tải tệp lên lại."
        )
        return redirect("scoring:set_import")
    province = next((p for p in provinces if p.pk == draft.province_id), None)
    if province is None:
        raise PermissionDenied("Bạn không còn quyền nhập bộ tiêu chí cho tỉnh này.")
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "cancel":
        draft_drop(request.session, token)
        messages.info(request, "Đã hủy nhập bảng tiêu chí; không có gì được lưu.")
        return redirect("scoring:set_list")
    total_form, row_forms = preview_forms(draft, request.POST if action else None)
    rows_valid = [form.is_valid() for form in row_forms]  # every row, so that each shows its own errors
    corrected = bool(action) and total_form.is_valid() and all(rows_valid)
    if corrected:
        draft = preview_corrected(draft, total_form, row_forms)
        draft_update(request.session, token, draft)
    check = draft_check(draft)
    saving_errors: list[str] = []
    if corrected and action == "save" and not check.errors:
        try:
            created = services.criteria_set_import_once(
                token=token,
                table=check.table(draft),
                name=draft.name,
                level=draft.level,
                year=draft.year,
                province=province,
                decision_number=draft.decision_number,
                decision_date=draft.decision_day,
            )
        except ValidationError as error:
            if getattr(error, "code", None) == "already_saved":
                draft_drop(request.session, token)
                messages.info(request, error.messages[0])
                return redirect("scoring:set_list")
            saving_errors = error.messages
        else:
            draft_done(request.session, token, created.pk)
            count = len(check.rows)
            messages.success(request, f"Đã lưu bộ tiêu chí dự thảo “{created.name}” với {count} tiêu chí.")
            return redirect("scoring:set_detail", pk=created.pk)
    context = {
        "draft": draft,
        "token": token,
        "province": province,
        "check": check,
        "errors": [*check.errors, *saving_errors],
        "field_errors": bool(total_form.errors) or any(form.errors for form in row_forms),
        "total_form": total_form,
        "rows": list(zip(check.rows, row_forms, strict=True)),
    }
    return render(request, "scoring/set_import.html", context)
