"""Criteria set pages: the list, a set as an indented table with its problems, one criterion's edit form, copy
forward, put in force. Self-assessment on these sets comes in the next step."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.organizations.selectors import agency_get_for_user, agency_list_for_user

from . import selectors, services
from .computed import computed_scores
from .forms import CopyForm, CriterionForm
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
    return render(request, "scoring/set_list.html", {"sets": sets})


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
