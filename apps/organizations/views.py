"""Pages of the agency tree: thin views over selectors and services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from apps.core.forms import add_service_errors

from . import selectors, services
from .forms import AgencyForm, PersonForm, UnitForm


def _require(request: HttpRequest, perm: str, obj: Any) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied("Bạn không có quyền thực hiện thao tác này.")


@login_required
def agency_tree(request: HttpRequest) -> HttpResponse:
    nodes = selectors.agency_tree_for_user(user=request.user)
    can_add = request.user.is_superuser or any(
        request.user.has_perm("organizations.add_child_agency", node.agency) for node in nodes
    )
    return render(request, "organizations/agency_tree.html", {"nodes": nodes, "can_add_agency": can_add})


@login_required
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=pk)
    context = {
        "agency": agency,
        "units": selectors.unit_list_for_user(user=request.user, agency=agency).select_related("parent"),
        "people": selectors.person_list_for_user(user=request.user, agency=agency),
        "children": selectors.agency_list_for_user(user=request.user).filter(parent=agency),
        "can_manage_structure": request.user.has_perm("organizations.manage_structure", agency),
        "can_change": request.user.has_perm("organizations.change_agency", agency),
        "can_view_history": request.user.has_perm("organizations.view_history", agency),
    }
    return render(request, "organizations/agency_detail.html", context)


@login_required
def agency_create(request: HttpRequest) -> HttpResponse:
    parent_choices = selectors.agency_list_for_user(user=request.user)
    allowed_parents = [
        a for a in parent_choices if request.user.has_perm("organizations.add_child_agency", a)
    ]
    if not allowed_parents and not request.user.is_superuser:
        raise PermissionDenied("Bạn không có quyền thêm cơ quan.")
    queryset = parent_choices.filter(pk__in=[a.pk for a in allowed_parents])
    form = AgencyForm(request.POST or None, parent_choices=queryset)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["parent"] is None and not request.user.is_superuser:
            form.add_error("parent", "Hãy chọn cơ quan cấp trên.")
        else:
            try:
                agency = services.agency_create(**data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Đã thêm cơ quan {agency.name}.")
                return redirect("organizations:agency_detail", pk=agency.pk)
    return render(request, "organizations/form.html", {"form": form, "title": "Thêm cơ quan"})


@login_required
def agency_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=pk)
    _require(request, "organizations.change_agency", agency)
    parent_choices = selectors.agency_parent_choices_for_user(user=request.user, agency=agency)
    form = AgencyForm(request.POST or None, instance=agency, parent_choices=parent_choices)
    if request.method == "POST" and form.is_valid():
        new_parent = form.cleaned_data["parent"]
        moved = new_parent is not None and new_parent.pk != agency.parent_id
        if moved and not request.user.has_perm("organizations.add_child_agency", new_parent):
            form.add_error("parent", "Bạn không có quyền chuyển cơ quan về cơ quan cấp trên này.")
        else:
            try:
                services.agency_update(
                    agency=agency, expected_version=form.expected_version, **form.changes()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã lưu thay đổi.")
                return redirect("organizations:agency_detail", pk=agency.pk)
    return render(
        request, "organizations/form.html", {"form": form, "title": f"Sửa {agency.name}", "agency": agency}
    )


@login_required
def agency_delete(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=pk)
    _require(request, "organizations.delete_agency", agency)
    if request.method == "POST":
        try:
            services.agency_delete(agency=agency)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("organizations:agency_detail", pk=agency.pk)
        messages.success(request, f"Đã xóa cơ quan {agency.name}.")
        return redirect("organizations:agency_tree")
    return render(request, "organizations/confirm_delete.html", {"object": agency, "agency": agency})


@login_required
def unit_create(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=agency_pk)
    _require(request, "organizations.manage_structure", agency)
    form = UnitForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm đơn vị {unit.name}.")
            return redirect("organizations:agency_detail", pk=agency.pk)
    return render(
        request, "organizations/form.html", {"form": form, "title": "Thêm đơn vị", "agency": agency}
    )


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for_user(user=request.user, pk=pk)
    _require(request, "organizations.manage_structure", unit.agency)
    form = UnitForm(request.POST or None, instance=unit, agency=unit.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(unit=unit, expected_version=form.expected_version, **form.changes())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("organizations:agency_detail", pk=unit.agency_id)
    context = {"form": form, "title": f"Sửa {unit.name}", "agency": unit.agency}
    return render(request, "organizations/form.html", context)


@login_required
def unit_delete(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_get_for_user(user=request.user, pk=pk)
    _require(request, "organizations.manage_structure", unit.agency)
    if request.method == "POST":
        try:
            services.unit_delete(unit=unit)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Đã xóa đơn vị {unit.name}.")
        return redirect("organizations:agency_detail", pk=unit.agency_id)
    return render(request, "organizations/confirm_delete.html", {"object": unit, "agency": unit.agency})


@login_required
def person_create(request: HttpRequest, agency_pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=agency_pk)
    _require(request, "organizations.manage_structure", agency)
    form = PersonForm(request.POST or None, agency=agency)
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_create(agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã thêm cán bộ {person.full_name}.")
            return redirect("organizations:agency_detail", pk=agency.pk)
    return render(
        request, "organizations/form.html", {"form": form, "title": "Thêm cán bộ", "agency": agency}
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = selectors.person_get_for_user(user=request.user, pk=pk)
    _require(request, "organizations.manage_structure", person.agency)
    form = PersonForm(request.POST or None, instance=person, agency=person.agency)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_update(person=person, expected_version=form.expected_version, **form.changes())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu thay đổi.")
            return redirect("organizations:agency_detail", pk=person.agency_id)
    context = {"form": form, "title": f"Sửa {person.full_name}", "agency": person.agency}
    return render(request, "organizations/form.html", context)


@login_required
def agency_history(request: HttpRequest, pk: int) -> HttpResponse:
    agency = selectors.agency_get_for_user(user=request.user, pk=pk)
    entries = selectors.agency_history_for_user(user=request.user, agency=agency)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page.object_list:
        model_class = entry.content_type.model_class()
        entry.kind_label = model_class._meta.verbose_name if model_class else entry.content_type.model
    return render(request, "organizations/agency_history.html", {"agency": agency, "page": page})
