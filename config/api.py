"""The JSON API under /api/v1/: session or token authentication, the same rules as the pages."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.security import HttpBearer, django_auth

from apps.accounts.selectors import user_for_token
from apps.accounts.services import api_token_touch
from apps.dossiers.api import router as dossiers_router
from apps.feedback.api import router as feedback_router
from apps.indicators.api import router as indicators_router
from apps.organizations.api import router as organizations_router
from apps.plans.api import router as plans_router
from apps.reports.api import router as reports_router
from apps.surveys.api import router as surveys_router
from apps.tasks.api import router as tasks_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a personal token created on the profile page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = user_for_token(key=token)
        if found is None:
            return None
        api_token_touch(token=found)
        request.user = found.user
        return found.user


api = NinjaAPI(
    title="CCHC API",
    version="1",
    description=(
        "API của hệ thống quản lý cải cách hành chính. Xác thực bằng phiên đăng nhập "
        "hoặc mã truy cập (Authorization: Bearer …) tạo ở trang cá nhân."
    ),
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": str(exc) or "Không tìm thấy."}, status=404)


@api.exception_handler(PermissionDenied)
def forbidden(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": str(exc) or "Không có quyền."}, status=403)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> Any:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


api.add_router("/", organizations_router)
api.add_router("/", plans_router)
api.add_router("/", tasks_router)
api.add_router("/", indicators_router)
api.add_router("/", dossiers_router)
api.add_router("/", feedback_router)
api.add_router("/", reports_router)
api.add_router("/", surveys_router)
