"""Settings shared by every environment; what differs between machines comes from the environment."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The built-in key only serves the demo and the tests: config.settings.prod refuses to start with it.
INSECURE_SECRET_KEY = "cchc-insecure-key-for-local-use-only-change-me-in-production"
SECRET_KEY = env.str("SECRET_KEY", default=INSECURE_SECRET_KEY)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'cchc.sqlite3'}"),
}
DATABASES["default"].setdefault("ATOMIC_REQUESTS", False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while a writer commits; the timeout rides out short write bursts.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # Keep each server thread's connection: opening one re-runs the pragmas, and closing the last one
    # checkpoints the WAL, a millisecond or more on every request otherwise.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_htmx",
    "template_partials",
    "django_filters",
    "ninja",
    "rules.apps.AutodiscoverRulesConfig",
    "apps.core.third_party.AxesConfig",
    "auditlog",
    "django_tasks",
    "apps.core.third_party.TasksDbConfig",
    "apps.core",
    "apps.organizations",
    "apps.accounts",
    "apps.plans",
    "apps.tasks",
    "apps.reports",
    "apps.dossiers",
    "apps.indicators",
    "apps.feedback",
    "apps.jobs",
    "apps.notifications",
    "apps.surveys",
    "apps.scoring",
    "apps.par",
    "apps.ratings",
    "apps.rewards",
    "apps.communications",
    "apps.inspections",
    "apps.transparency",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "apps.accounts.middleware.CurrentAgencyMiddleware",
    "axes.middleware.AxesMiddleware",
    "apps.core.middleware.NoStoreMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "apps.core.context_processors.shell",
            ],
        },
    },
]

# Every {{ form }} is laid out by templates/forms/ (labels above fields, inline errors, an error summary).
FORM_RENDERER = "apps.core.forms.FormRenderer"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "apps.core.errors.csrf_failure"  # a stale form says so in Vietnamese

AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "apps.core.client_address.client_address"
# Beside axes (per user name and address): failed sign-ins per address over 15 minutes whatever user names are
# tried (an office behind one NAT address shares it, so the ceiling is high), reset mails per address and per
# e-mail per hour, API calls per token per minute and failed token look-ups per address per minute.
CCHC_LOGIN_FAILURES_PER_ADDRESS = env.int("CCHC_LOGIN_FAILURES_PER_ADDRESS", default=30)
CCHC_PASSWORD_RESETS_PER_ADDRESS = env.int("CCHC_PASSWORD_RESETS_PER_ADDRESS", default=10)
CCHC_PASSWORD_RESETS_PER_EMAIL = env.int("CCHC_PASSWORD_RESETS_PER_EMAIL", default=3)
CCHC_API_CALLS_PER_MINUTE = env.int("CCHC_API_CALLS_PER_MINUTE", default=600)
CCHC_API_BAD_TOKENS_PER_MINUTE = env.int("CCHC_API_BAD_TOKENS_PER_MINUTE", default=20)

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "d/m/Y H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
FORMAT_MODULE_PATH = ["config.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
CCHC_MAX_UPLOAD_BYTES = env.int("CCHC_MAX_UPLOAD_BYTES", default=20 * 1024 * 1024)
# Stored files are sent only by views that check permission (apps/core/files.py), never from MEDIA_URL:
# "django" streams them from the storage API, "x-accel" hands them to nginx's internal location
# CCHC_FILE_INTERNAL_PREFIX, "x-sendfile" to Apache or lighttpd (docs/deployment.md).
CCHC_FILE_SERVING = env.str("CCHC_FILE_SERVING", default="django")
CCHC_FILE_INTERNAL_PREFIX = env.str("CCHC_FILE_INTERNAL_PREFIX", default="/tep-noi-bo/")

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
if EMAIL_CONFIG["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    # EMAIL_URL=filemail:// keeps each e-mail as a file (demo, intranet without a mail server).
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="CCHC <no-reply@cchc.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No inline script anywhere (behaviours live in static/js/cchc.js); inline style stays allowed for the SVG
# charts pygal draws and a few computed widths. Nothing is loaded from another origin (no CDN).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}

# SIPAS public survey: submissions per client address per minute (without a dossier code), hours before one
# device may answer the same campaign again, reverse proxies in front (whose X-Forwarded-For is trusted), and
# the public address printed in QR codes (default: the address the staff page was opened with).
SURVEYS_RATE_LIMIT_PER_MINUTE = env.int("SURVEYS_RATE_LIMIT_PER_MINUTE", default=10)
SURVEYS_DEVICE_COOLDOWN_HOURS = env.int("SURVEYS_DEVICE_COOLDOWN_HOURS", default=12)
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="")
# Survey links (QR codes, result slips) are signed with a key of their own, so that rotating it does not sign
# everybody out, and rotating SECRET_KEY does not void the printed QR codes. Empty: derived from SECRET_KEY
# (demo and tests only; production refuses it). Old keys keep the links printed with them working during a
# grace period: "KEY" (until removed) or "KEY|yyyy-mm-dd" (until that day), comma-separated.
SURVEYS_LINK_KEY = env.str("SURVEYS_LINK_KEY", default="")
SURVEYS_LINK_OLD_KEYS = env.list("SURVEYS_LINK_OLD_KEYS", default=[])

# Memory DuckDB may use to check one dossier export (beyond it, it spills to the temporary folder): the
# import's memory stays bounded whatever the size of the file. 1 GB checks a million rows in about 4 s.
CCHC_DOSSIER_IMPORT_MEMORY = env.str("CCHC_DOSSIER_IMPORT_MEMORY", default="1GB")
CCHC_SEEDS_DIR = Path(env.str("CCHC_SEEDS_DIR", default=str(BASE_DIR / "demo" / "seeds")))
CCHC_TRIGGER_WORKING_DAYS = env.int("CCHC_TRIGGER_WORKING_DAYS", default=20)
CCHC_DUE_SOON_DAYS = env.int("CCHC_DUE_SOON_DAYS", default=7)
CCHC_MAX_EVIDENCE_BYTES = env.int("CCHC_MAX_EVIDENCE_BYTES", default=20 * 1024 * 1024)
CCHC_ESCALATION_WORKING_DAYS = env.int("CCHC_ESCALATION_WORKING_DAYS", default=5)
CCHC_REMINDER_HOUR = env.int("CCHC_REMINDER_HOUR", default=7)

# Background jobs: django-tasks with its database backend (docs/decisions/0003-background-jobs.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A job or a dossier import whose process sent no heartbeat for this long is taken as dead (its server stopped
# midway) and marked failed with a "Thử lại" button; the process beats every sixth of it (domain.leases).
CCHC_JOB_LEASE_SECONDS = env.int("CCHC_JOB_LEASE_SECONDS", default=180)
# How long the public transparency pages keep their figures (a publisher's change clears them at once).
CCHC_TRANSPARENCY_CACHE_SECONDS = env.int("CCHC_TRANSPARENCY_CACHE_SECONDS", default=300)
