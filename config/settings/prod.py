"""Production: everything from the environment, HTTPS assumed behind the reverse proxy."""

from .base import *  # noqa: F403

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)  # noqa: F405
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
