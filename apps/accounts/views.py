"""Sign-in, password and agency switching pages."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import selectors, services
from .models import User


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@require_POST
@login_required
def switch_agency(request: HttpRequest) -> HttpResponse:
    try:
        agency = services.current_agency_switch(
            user=request.user, session=request.session, agency_id=int(request.POST.get("agency", "0"))
        )
    except (ValidationError, ValueError):
        messages.error(request, "Bạn không có vai trò nào trong cơ quan này.")
    else:
        messages.success(request, f"Đang làm việc tại: {agency.name}.")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    new_key = None
    user = cast(User, request.user)
    if request.method == "POST":
        if "revoke" in request.POST:
            services.api_token_revoke(user=user, token_id=int(request.POST["revoke"]))
            messages.success(request, "Đã thu hồi mã truy cập.")
            return redirect("accounts:profile")
        _, new_key = services.api_token_create(user=user, name=request.POST.get("name", ""))
    context = {
        "assignments": selectors.role_assignments_for_user(user=request.user),
        "tokens": selectors.token_list_for_user(user=request.user),
        "new_key": new_key,
    }
    return render(request, "accounts/profile.html", context)


password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html", success_url=reverse_lazy("accounts:password_change_done")
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/message.html", extra_context={"message": "Đã đổi mật khẩu."}
)
password_reset = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/message.html",
    extra_context={
        "message": "Nếu địa chỉ thư điện tử có trong hệ thống, hướng dẫn đặt lại mật khẩu đã được gửi."
    },
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/message.html", extra_context={"message": "Đã đặt lại mật khẩu. Mời đăng nhập."}
)
