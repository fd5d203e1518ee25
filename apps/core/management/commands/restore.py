"""`cchc restore FILE [--yes]`: load a `cchc backup` archive into an empty database and the file storage."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from apps.core.backup.archive import BackupError
from apps.core.backup.services import backup_restore, vendor_name
from apps.core.management.commands.backup import megabytes, seconds, thousands


class Command(BaseCommand):
    help = (
        "Khôi phục CSDL và tệp tải lên từ một tệp của cchc backup vào CSDL trống; kiểm tra mã kiểm tra trước, "
        "nạp trong một giao dịch, đối chiếu số bản ghi và tệp với manifest."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", metavar="TỆP", help="Tệp sao lưu .tar.gz do cchc backup tạo.")
        parser.add_argument(
            "--yes",
            "--force-overwrite",
            dest="overwrite",
            action="store_true",
            help="CSDL đích đang có dữ liệu: xóa hết và thay bằng bản sao lưu (mặc định: từ chối).",
        )

    def handle(self, *args: Any, path: str, overwrite: bool, **options: Any) -> None:
        try:
            result = backup_restore(path=Path(path), overwrite=overwrite)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        source = vendor_name(manifest.vendor)
        target = vendor_name(result.vendor)
        self.stdout.write(self.style.SUCCESS(f"Đã khôi phục từ {Path(path).name}."))
        created = timezone.localtime(datetime.fromisoformat(manifest.created_at)).strftime(
            "%d/%m/%Y %H:%M:%S"
        )
        self.stdout.write(
            f"Bản sao lưu tạo lúc {created} (phiên bản {manifest.app_version}, CSDL {source})"
            + (f", nạp vào {target}" if target != source else "")
            + "."
        )
        self.stdout.write(
            f"{thousands(manifest.rows)} bản ghi trong {len(manifest.tables)} bảng và "
            f"{thousands(len(manifest.media))} tệp tải lên ({megabytes(manifest.media_bytes)}): số bản ghi và mã "
            f"kiểm tra SHA-256 khớp manifest; {seconds(result.seconds)} giây."
        )
        if result.migrated:
            self.stdout.write(
                f"Đã cập nhật cấu trúc CSDL lên phiên bản hiện tại ({len(result.migrated)} migration)."
            )
