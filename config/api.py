"""The JSON API under /api/v1/: session or token authentication, the same rules as the pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as SchemaError
from ninja.security import HttpBearer, django_auth

from apps.accounts.selectors import user_for_token
from apps.accounts.services import api_token_touch
from apps.communications.api import router as communications_router
from apps.core import throttle
from apps.core.client_address import client_address
from apps.core.versioning import VersionConflict
from apps.dossiers.api import router as dossiers_router
from apps.feedback.api import router as feedback_router
from apps.indicators.api import router as indicators_router
from apps.inspections.api import router as inspections_router
from apps.organizations.api import router as organizations_router
from apps.par.api import router as par_router
from apps.plans.api import router as plans_router
from apps.ratings.api import router as ratings_router
from apps.reports.api import router as reports_router
from apps.rewards.api import router as rewards_router
from apps.scoring.api import router as scoring_router
from apps.surveys.api import router as surveys_router
from apps.tasks.api import router as tasks_router


class TokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a personal token created on the profile page."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        """The token's user; 429 once an address tried too many wrong tokens, or a token made too many calls
        in a minute (counted in the database, so every server process shares the count)."""
        address = throttle.bucket_key("api-bad-token", client_address(request))
        if not throttle.allowed(address, limit=settings.CCHC_API_BAD_TOKENS_PER_MINUTE):
            raise Throttled(wait=60)
        found = user_for_token(key=token)
        if found is None:
            throttle.hit(address, limit=settings.CCHC_API_BAD_TOKENS_PER_MINUTE)
            return None
        if not throttle.hit(
            throttle.bucket_key("api-token", str(found.pk)), limit=settings.CCHC_API_CALLS_PER_MINUTE
        ):
            raise Throttled(wait=60)
        api_token_touch(token=found)
        request.user = found.user
        return found.user


# Every operation may answer these besides its own responses: the OpenAPI description says so, and the
# schemathesis run in CI checks that no operation answers a code it does not document.
COMMON_RESPONSES = {
    "400": "Không đọc được nội dung yêu cầu (JSON hoặc biểu mẫu hỏng).",
    "401": "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
    "403": "Không có quyền với bản ghi này.",
    "404": "Không tìm thấy (hoặc ngoài phạm vi cơ quan của người dùng).",
    "422": "Dữ liệu gửi lên không hợp lệ; `detail` nói trường nào và vì sao.",
    "429": "Quá nhiều yêu cầu; thử lại sau số giây trong tiêu đề Retry-After.",
}


class CchcApi(NinjaAPI):
    """The API, its OpenAPI description completed with the error answers every operation may give."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        error = {"type": "object", "properties": {"detail": {}}, "required": ["detail"]}
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = error
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code, description in COMMON_RESPONSES.items():
                    responses.setdefault(
                        code,
                        {
                            "description": description,
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                            },
                        },
                    )
        return schema


api = CchcApi(
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


@api.exception_handler(VersionConflict)
def conflict(request: HttpRequest, exc: VersionConflict) -> Any:
    """A stale update (the `version` sent is not the record's any more): 409, nothing saved."""
    return api.create_response(request, {"detail": exc.message_text}, status=409)


@api.exception_handler(ValidationError)
def invalid(request: HttpRequest, exc: ValidationError) -> Any:
    detail = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    return api.create_response(request, {"detail": detail}, status=422)


HTTP_MESSAGES = {
    400: "Không đọc được nội dung yêu cầu (JSON hoặc biểu mẫu hỏng).",
    401: "Chưa đăng nhập hoặc mã truy cập không hợp lệ.",
    403: "Không có quyền.",
    404: "Không tìm thấy.",
    405: "Phương thức không được hỗ trợ.",
    429: "Quá nhiều yêu cầu trong một phút. Hãy thử lại sau ít phút.",
}


@api.exception_handler(AuthenticationError)
def unauthenticated(request: HttpRequest, exc: Exception) -> Any:
    return api.create_response(request, {"detail": HTTP_MESSAGES[401]}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> Any:
    response = api.create_response(
        request, {"detail": HTTP_MESSAGES.get(exc.status_code, str(exc))}, status=exc.status_code
    )
    if isinstance(exc, Throttled) and exc.wait:
        response["Retry-After"] = str(exc.wait)
    return response


@api.exception_handler(SchemaError)
def schema_error(request: HttpRequest, exc: SchemaError) -> Any:
    """Input that does not fit an operation's schema: which field, and why, in Vietnamese."""
    detail = [
        {"loc": error.get("loc", []), "msg": _schema_message(error), "type": error.get("type", "")}
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def _schema_message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    bounds = error.get("ctx") or {}
    if "le" in bounds or "lt" in bounds:
        return f"Không được lớn hơn {bounds.get('le', bounds.get('lt'))}."
    if "ge" in bounds or "gt" in bounds:
        return f"Không được nhỏ hơn {bounds.get('ge', bounds.get('gt'))}."
    if kind == "missing":
        return "Thiếu trường bắt buộc."
    if kind.startswith(("int_", "float_", "decimal_")):
        return "Phải là một số hợp lệ."
    if kind.startswith(("date_", "datetime_", "time_")):
        return "Ngày giờ không hợp lệ (dạng yyyy-mm-dd)."
    if kind.startswith("bool_"):
        return "Phải là true hoặc false."
    if kind.startswith("string_too_long"):
        return "Chuỗi quá dài."
    if kind.startswith(("string_", "str_")):
        return "Phải là một chuỗi hợp lệ."
    if kind in ("literal_error", "enum"):
        return "Giá trị không nằm trong danh sách cho phép."
    return "Giá trị không hợp lệ."


api.add_router("/", organizations_router)
api.add_router("/", plans_router)
api.add_router("/", tasks_router)
api.add_router("/", indicators_router)
api.add_router("/", dossiers_router)
api.add_router("/", feedback_router)
api.add_router("/", reports_router)
api.add_router("/", surveys_router)
api.add_router("/", scoring_router)
api.add_router("/", par_router)
api.add_router("/", ratings_router)
api.add_router("/", rewards_router)
api.add_router("/", communications_router)
api.add_router("/", inspections_router)
