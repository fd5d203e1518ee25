"""`cchc backup [--output FILE]`: one archive of the database and the uploaded files (docs/deployment.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from apps.core.backup.archive import BackupError
from apps.core.backup.services import backup_create, vendor_name


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB".replace(",", " ").replace(".", ",")


def seconds(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def thousands(number: int) -> str:
    return f"{number:,}".replace(",", ".")


class Command(BaseCommand):
    help = (
        "Sao lưu CSDL và tệp tải lên vào một tệp .tar.gz (mặc định var/backups/cchc-backup-NGÀY-GIỜ.tar.gz), "
        "kèm manifest.json ghi số bản ghi và mã kiểm tra SHA-256 của từng tệp."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--output",
            metavar="TỆP",
            help="Tệp sao lưu cần ghi, hoặc thư mục để ghi tệp cchc-backup-NGÀY-GIỜ.tar.gz vào đó.",
        )

    def handle(self, *args: Any, output: str | None, **options: Any) -> None:
        if output and output.endswith(("/", os.sep)):
            Path(output).mkdir(parents=True, exist_ok=True)
        try:
            result = backup_create(output=Path(output) if output else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        manifest = result.manifest
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu vào {result.path} ({megabytes(result.size)})."))
        self.stdout.write(
            f"CSDL {vendor_name(manifest.vendor)}: {thousands(manifest.rows)} bản ghi trong "
            f"{len(manifest.tables)} bảng; tệp tải lên: {thousands(len(manifest.media))} tệp "
            f"({megabytes(manifest.media_bytes)}); {seconds(result.seconds)} giây."
        )
        self.stdout.write("Hãy chép tệp này sang nơi lưu trữ khác máy chủ (xem docs/deployment.md).")
