#!/usr/bin/env bash
# The annual 2026 CCHC report of Sở Xây dựng Đắk Lắk from the demo data, as Word, Excel, PDF and PNG pages.
#
#   bash scripts/render_demo_report.sh [OUT_DIR]      (default var/demo-report)
#
# Builds a fresh demo database in a temporary folder (your var/cchc.sqlite3 is not touched), writes the report
# with `cchc report`, converts it with LibreOffice headless (its own profile) and cuts the PDF into PNG pages with
# pdftoppm. Needs: apt-get install libreoffice-writer-nogui poppler-utils
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-var/demo-report}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="$(mktemp -d /tmp/cchc-demo-report.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "Thiếu $tool: apt-get install libreoffice-writer-nogui poppler-utils" >&2; exit 1; }
done
export DATABASE_URL="sqlite:///$WORK/demo.sqlite3"
.venv/bin/cchc demo >/dev/null
.venv/bin/cchc report --agency DLK-SXD --kind annual --period 2026 \
  --out "$OUT/bao-cao-nam-2026-DLK-SXD.docx" --xlsx "$OUT/bao-cao-nam-2026-DLK-SXD.xlsx"
soffice --headless "-env:UserInstallation=file://$WORK/profile" --convert-to pdf --outdir "$OUT" \
  "$OUT/bao-cao-nam-2026-DLK-SXD.docx" >/dev/null 2>&1
rm -f "$OUT"/trang-*.png
pdftoppm -png -r 80 "$OUT/bao-cao-nam-2026-DLK-SXD.pdf" "$OUT/trang"
echo "Đã ghi vào $OUT: .docx, .xlsx, .pdf và $(ls "$OUT"/trang-*.png | wc -l) trang PNG."
