"""Production: everything from the environment, HTTPS behind the reverse proxy, and no start without real keys.

docs/deployment.md lists the environment; `docs/production.env.example` is the same list as a file, and CI runs
`check --deploy` on it.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import INSECURE_SECRET_KEY, SECRET_KEY, SURVEYS_LINK_KEY, env

DEBUG = False


def _refuse_weak(name: str, value: str) -> None:
    """A key that is missing, the built-in one, short or repetitive stops the server before it serves anyone."""
    if not value or value == INSECURE_SECRET_KEY or len(value) < 50 or len(set(value)) < 5:
        raise ImproperlyConfigured(
            f"Biến môi trường {name} chưa được đặt, còn là giá trị mặc định hoặc quá ngắn (cần ít nhất 50 ký tự "
            "ngẫu nhiên). Tạo khóa bằng: python3 -c 'import secrets; print(secrets.token_urlsafe(50))'. "
            "Chạy thử trên máy cá nhân: bash scripts/start.sh (cấu hình config.settings.demo)."
        )


_refuse_weak("SECRET_KEY", SECRET_KEY)
_refuse_weak("SURVEYS_LINK_KEY", SURVEYS_LINK_KEY)
if SURVEYS_LINK_KEY == SECRET_KEY:
    raise ImproperlyConfigured(
        "SURVEYS_LINK_KEY phải khác SECRET_KEY (đổi một khóa không được làm mất khóa kia)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The load balancer's health probe speaks plain HTTP to the app server.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
