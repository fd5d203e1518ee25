#!/usr/bin/env bash
# Fresh machine → the whole test suite (unit, integration, and browser tests in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-$(command -v python3.11 || command -v python3)}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements/dev.lock
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Cài Chromium của Debian cho kiểm thử trình duyệt…"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# axe-core, the accessibility checker the browser tests inject into each page, comes from the npm registry into
# var/node (ignored by git); pinned so that a new rule release does not fail an unchanged page.
AXE_CORE_VERSION=4.14.1
if [ ! -f var/node/node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Cài npm của Debian để lấy axe-core…"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  if command -v npm >/dev/null; then
    echo "Cài axe-core ${AXE_CORE_VERSION} (kiểm tra trợ năng) vào var/node…"
    mkdir -p var/node
    npm install --prefix var/node --no-audit --no-fund --silent "axe-core@${AXE_CORE_VERSION}"
  fi
fi
marker=()
if [ ! -x /usr/bin/chromium ]; then
  echo "CẢNH BÁO: không có /usr/bin/chromium — bỏ qua kiểm thử trình duyệt (cài gói chromium để chạy đủ)."
  marker=(-m "not browser")
fi
exec .venv/bin/pytest -n 2 "${marker[@]}" "$@"
