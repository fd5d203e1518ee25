"""Notification pages: my notifications (opening the page marks them read), one notice, my preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferencesForm


@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notification_list_for_user(user=request.user), 30).get_page(
        request.GET.get("trang")
    )
    notices = list(page.object_list)
    unread = {n.pk for n in notices if n.read_at is None}
    services.notification_mark_read(user=request.user, ids=list(unread))
    agency = getattr(request, "agency", None)
    can_run = bool(agency) and request.user.has_perm("notifications.run_reminders", agency)
    return render(
        request,
        "notifications/list.html",
        {"page": page, "notices": notices, "unread": unread, "can_run": can_run, "agency": agency},
    )


@login_required
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notice = selectors.notification_get_for_user(user=request.user, pk=pk)
    services.notification_mark_read(user=request.user, ids=[notice.pk])
    if notice.url.startswith("/") and not notice.url.startswith("//"):
        return redirect(notice.url)
    return redirect("notifications:notification_list")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    current = selectors.preference_rows_for_user(user=request.user)
    form = PreferencesForm(request.POST or None, current=current)
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, choices=form.choices())
        messages.success(request, "Đã lưu lựa chọn nhận thông báo.")
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@require_POST
@login_required
def run_reminders(request: HttpRequest) -> HttpResponse:
    agency = getattr(request, "agency", None)
    if not agency:
        raise Http404("Bạn chưa có vai trò ở cơ quan nào.")
    if not request.user.has_perm("notifications.run_reminders", agency):
        raise PermissionDenied("Chỉ đầu mối CCHC, lãnh đạo hoặc quản trị của cơ quan mới được gửi nhắc việc.")
    job = services.run_reminders_for(user=request.user, agency=agency)
    return redirect("jobs:job_status", pk=job.pk)
