"""`cchc dossiers import PATH [--source NAME] [--user USERNAME]`: import a one-stop export with a progress bar
and a summary, for the whole deployment or, with `--user`, within that user's agencies as the import page does;
`cchc dossiers rollup`: recompute the monthly roll-up from the facts."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from apps.core.uploads import UploadRefused
from apps.dossiers.selectors import (
    default_import_agency,
    importable_agency_ids,
    importer_by_username,
    source_by_name,
)
from apps.dossiers.services import dossier_import, dossier_rollup_rebuild

BAR_WIDTH = 30


class ProgressBar:
    """A text progress bar on stderr: share of the file read, rows checked, rows per second."""

    def __init__(self, total_bytes: int) -> None:
        self.total = max(1, total_bytes)
        self.started = time.monotonic()
        self.interactive = sys.stderr.isatty()

    def __call__(self, rows: int, position: int) -> None:
        share = min(1.0, position / self.total) if position else 0.0
        filled = int(share * BAR_WIDTH)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {share * 100:5.1f}%  "
            f"{rows:,} dòng  {rows / elapsed:,.0f} dòng/giây".replace(",", ".")
        )
        sys.stderr.write(("\r" if self.interactive else "") + line + ("" if self.interactive else "\n"))
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\n" if self.interactive else "")
        sys.stderr.flush()


class Command(BaseCommand):
    help = (
        "Nhập dữ liệu hồ sơ TTHC (cchc dossiers import TỆP [--source TÊN] [--user TÊN_ĐĂNG_NHẬP]) "
        "hoặc tính lại số liệu tổng hợp."
    )

    def add_arguments(self, parser: Any) -> None:
        commands = parser.add_subparsers(dest="action", required=True, title="lệnh")
        importing = commands.add_parser("import", help="Nhập tệp CSV hoặc .xlsx xuất từ hệ thống một cửa.")
        importing.add_argument("path", help="Đường dẫn tệp.")
        importing.add_argument("--source", help="Tên nguồn dữ liệu đã khai báo cách ghép cột.")
        importing.add_argument(
            "--load-good-rows",
            action="store_true",
            help="Tệp có dòng lỗi vẫn nhập các dòng hợp lệ (mặc định: không nhập dòng nào).",
        )
        importing.add_argument("--errors", help="Ghi tệp dòng lỗi ra đường dẫn này.")
        importing.add_argument(
            "--user",
            help="Nhập thay cho tài khoản này (tên đăng nhập): chỉ ghi hồ sơ của các cơ quan tài khoản được nhập, "
            "như khi nhập trên trang. Không có: nhập cho toàn hệ thống.",
        )
        commands.add_parser("rollup", help="Tính lại toàn bộ số liệu tổng hợp theo tháng từ dữ liệu hồ sơ.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "rollup":
            months = dossier_rollup_rebuild()
            self.stdout.write(self.style.SUCCESS(f"Đã tính lại số liệu tổng hợp của {months} tháng."))
            return
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        source = None
        if options["source"]:
            source = source_by_name(name=options["source"])
            if source is None:
                raise CommandError(
                    f"Chưa có nguồn dữ liệu tên “{options['source']}” (khai báo ở trang Hồ sơ TTHC)."
                )
        user, agency, allowed = None, None, None
        if options["user"]:
            user = importer_by_username(username=options["user"])
            if user is None:
                raise CommandError(f"Không có tài khoản đang hoạt động tên “{options['user']}”.")
            allowed = importable_agency_ids(user=user)
            if not allowed:
                raise CommandError(f"Tài khoản “{user.username}” không có quyền nhập dữ liệu hồ sơ.")
            agency = default_import_agency(user=user, current=None, allowed=allowed)
        bar = ProgressBar(path.stat().st_size)
        with path.open("rb") as stream:
            try:
                batch = dossier_import(
                    stream=stream,
                    filename=path.name,
                    user=user,
                    agency=agency,
                    allowed_agency_ids=allowed,
                    source=source,
                    load_good_rows=options["load_good_rows"],
                    file_size=path.stat().st_size,
                    progress=bar,
                )
            except UploadRefused as refusal:
                raise CommandError(refusal.reason) from refusal
        bar(batch.rows_total, path.stat().st_size)
        bar.done()
        style = self.style.SUCCESS if batch.status == "done" else self.style.WARNING
        self.stdout.write(style(f"{batch.get_status_display()}: {batch.message}"))
        self.stdout.write(
            f"Dòng: {batch.rows_total} · hợp lệ {batch.rows_good} · lỗi {batch.rows_bad} · mới {batch.inserted} · "
            f"cập nhật {batch.updated} · không đổi {batch.unchanged} · {batch.seconds:.1f} giây (lần nhập #{batch.pk})"
        )
        if batch.error_file and options["errors"]:
            Path(options["errors"]).write_bytes(batch.error_file.read())
            self.stdout.write(f"Đã ghi tệp dòng lỗi: {options['errors']}")
        if batch.status in ("failed", "rejected"):
            raise CommandError(batch.message)
