#!/usr/bin/env bash
# Fresh machine → running CCHC with demo data on http://127.0.0.1:8000 (SQLite by default; DATABASE_URL to change).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements/base.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
.venv/bin/cchc demo
exec .venv/bin/cchc serve --worker "$@"
