#!/usr/bin/env bash
# Fresh machine → running CCHC with demo data on http://127.0.0.1:8000 (SQLite by default; DATABASE_URL to change).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements/base.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
# Without a mail server the demo keeps its reminder e-mails as files in var/mail instead of flooding the screen.
export EMAIL_URL="${EMAIL_URL:-filemail://}"
# Production behaviour over plain HTTP on this machine, with keys of its own kept in var/ (config/settings/demo.py).
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-config.settings.demo}"
.venv/bin/cchc demo
echo "Thư nhắc việc của bản chạy thử được lưu thành tệp trong var/mail (đặt EMAIL_URL để gửi thật)."
exec .venv/bin/cchc serve --worker --demo "$@"
