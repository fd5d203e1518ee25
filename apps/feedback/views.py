"""Feedback pages: the register with filters and Excel export, record, detail with answer or forward, import."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from apps.core.forms import add_service_errors
from apps.core.tables import Column, Table
from apps.organizations.selectors import agency_list_for_user
from domain.indicators.feedback_rates import STATUS_LABELS

from . import selectors, services
from .export import feedback_to_xlsx
from .filters import FeedbackFilter
from .forms import FeedbackForm, FeedbackImportForm


def _writable_agencies(request: HttpRequest) -> list[Any]:
    return [
        a
        for a in agency_list_for_user(user=request.user)
        if request.user.has_perm("feedback.change_feedback", a)
    ]


FEEDBACK_COLUMNS = [
    Column("code", "Mã", sort=("code",), always=True),
    Column("agency", "Cơ quan", sort=("agency__name",)),
    Column("received", "Ngày tiếp nhận", sort=("received_on",)),
    Column("subject", "Nội dung", sort=("subject",)),
    Column("channel", "Kênh", sort=("channel",)),
    Column("due", "Hạn", sort=("due_on",)),
    Column("status", "Tình trạng"),
]


@login_required
def feedback_register(request: HttpRequest) -> HttpResponse:
    register = FeedbackFilter(
        request.GET or None,
        queryset=selectors.feedback_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
    )
    items = register.qs if not register.is_bound or register.is_valid() else register.queryset.none()
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            feedback_to_xlsx(items[:50_000]),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="phan-anh-kien-nghi.xlsx"'
        return response
    table = Table(request, name="feedback", columns=FEEDBACK_COLUMNS, queryset=items)
    page = table.page
    for item in page.object_list:
        item.status_label = STATUS_LABELS[selectors.status_of(item)]
    context = {
        "filter": register,
        "page": page,
        "table": table,
        "query": table.query,
        "can_write": bool(_writable_agencies(request)),
    }
    return render(request, "feedback/register.html", context)


@login_required
def feedback_create(request: HttpRequest) -> HttpResponse:
    agency = getattr(request, "agency", None)
    if not agency or not request.user.has_perm("feedback.change_feedback", agency):
        raise PermissionDenied("Bạn không có quyền ghi sổ phản ánh, kiến nghị của cơ quan này.")
    form = FeedbackForm(request.POST or None, agency=agency, versioned=False)
    if request.method == "POST" and form.is_valid():
        try:
            item = services.feedback_create(agency=agency, user=request.user, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi phản ánh, kiến nghị {item.code}.")
            return redirect("feedback:feedback_detail", pk=item.pk)
    return render(request, "feedback/form.html", {"form": form, "agency": agency})


@login_required
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.feedback_get_for_user(user=request.user, pk=pk)
    can_change = request.user.has_perm("feedback.change_feedback", item)
    form = None
    if can_change:
        form = FeedbackForm(request.POST or None, agency=item.agency, initial=FeedbackForm.initial_from(item))
        if request.method == "POST" and form.is_valid():
            try:
                data = form.service_fields()
                services.feedback_update(feedback=item, expected_version=form.expected_version, **data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã lưu.")
                return redirect("feedback:feedback_detail", pk=item.pk)
    elif request.method == "POST":
        raise PermissionDenied("Bạn không có quyền sửa phản ánh, kiến nghị này.")
    context = {"item": item, "form": form, "status": STATUS_LABELS[selectors.status_of(item)]}
    return render(request, "feedback/detail.html", context)


@login_required
def feedback_import(request: HttpRequest) -> HttpResponse:
    agencies = _writable_agencies(request)
    if not agencies:
        raise PermissionDenied("Bạn không có quyền nhập sổ phản ánh, kiến nghị.")
    form = FeedbackImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        result = services.feedback_import(
            stream=upload.file,
            filename=upload.name,
            allowed_agency_ids={agency.pk for agency in agencies},
            load_good_rows=form.cleaned_data["load_good_rows"],
        )
        if request.POST.get("errors") == "csv" and result.errors:
            response = HttpResponse(result.error_csv(), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="phan-anh-dong-loi.csv"'
            return response
        (messages.success if result.loaded else messages.warning)(request, result.message)
    return render(request, "feedback/import.html", {"form": form, "result": result})
