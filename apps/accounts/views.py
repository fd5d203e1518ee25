"""Sign-in, password and agency switching pages."""

from __future__ import annotations

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from apps.core import throttle
from apps.core.client_address import client_address
from apps.core.ids import parse_id

from . import selectors, services
from .models import User

LOGIN_WINDOW = 15 * 60
RESET_WINDOW = 3600


def _too_many(request: HttpRequest, message: str) -> HttpResponse:
    return render(request, "accounts/locked_out.html", {"message": message}, status=429)


class LoginView(auth_views.LoginView):
    """Sign-in; beside django-axes (wrong passwords per user name and address) every address has a ceiling of
    failed sign-ins whatever user names it tries (one office behind NAT shares an address: the ceiling is high)."""

    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def _address_key(self) -> str:
        return throttle.bucket_key("login-failed", client_address(self.request))

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        limit = settings.CCHC_LOGIN_FAILURES_PER_ADDRESS
        if not throttle.allowed(self._address_key(), limit=limit, window=LOGIN_WINDOW):
            return _too_many(
                request,
                "Có quá nhiều lần đăng nhập sai từ địa chỉ mạng của bạn. Vì an toàn, đăng nhập từ địa chỉ này "
                "bị tạm dừng trong ít phút.",
            )
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        limit = settings.CCHC_LOGIN_FAILURES_PER_ADDRESS
        throttle.hit(self._address_key(), limit=limit, window=LOGIN_WINDOW)
        return super().form_invalid(form)


@require_POST
@login_required
def switch_agency(request: HttpRequest) -> HttpResponse:
    try:
        agency = services.current_agency_switch(
            user=request.user, session=request.session, agency_id=parse_id(request.POST.get("agency")) or 0
        )
    except ValidationError:
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
            token_id = parse_id(request.POST["revoke"])
            if token_id is None:
                messages.error(request, "Mã truy cập cần thu hồi không hợp lệ.")
            else:
                services.api_token_revoke(user=user, token_id=token_id)
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


class PasswordResetView(auth_views.PasswordResetView):
    """Reset mails are limited per address (else the page answers 429) and per e-mail (further requests are
    answered as usual but send nothing, so the page says nothing about which e-mails exist)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        key = throttle.bucket_key("reset-address", client_address(request))
        if not throttle.hit(key, limit=settings.CCHC_PASSWORD_RESETS_PER_ADDRESS, window=RESET_WINDOW):
            return _too_many(
                request,
                "Có quá nhiều yêu cầu đặt lại mật khẩu từ địa chỉ mạng của bạn. Hãy thử lại sau một giờ.",
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: Any) -> HttpResponse:
        email = str(form.cleaned_data.get("email", "")).strip().lower()
        key = throttle.bucket_key("reset-email", email)
        if not throttle.hit(key, limit=settings.CCHC_PASSWORD_RESETS_PER_EMAIL, window=RESET_WINDOW):
            return redirect(self.get_success_url())
        return super().form_valid(form)


password_reset = PasswordResetView.as_view()
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
