"""`cchc par import-criteria FILE --level so|xa --year YYYY [--province CODE] [--name TÊN] [--decision SỐ]
[--dry-run] [--json]`: read a province's PAR INDEX criteria table and save it as a draft criteria set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.core.uploads import UploadRefused
from apps.organizations.models import Agency

from ...choices import SetLevel
from ...services import criteria_set_import, criteria_table_read


class Command(BaseCommand):
    help = "Chỉ số CCHC (PAR INDEX): nhập bộ tiêu chí từ bảng của tỉnh (.xlsx, .csv, .docx)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        criteria = actions.add_parser(
            "import-criteria", help="Nhập bảng tiêu chí thành một bộ tiêu chí dự thảo."
        )
        criteria.add_argument("file", help="tệp bảng tiêu chí (.xlsx, .csv hoặc .docx có bảng)")
        criteria.add_argument("--level", required=True, choices=SetLevel.values, help="so (Sở) hoặc xa (xã)")
        criteria.add_argument("--year", required=True, type=int, help="năm áp dụng, ví dụ 2026")
        criteria.add_argument(
            "--province", default="", help="mã cơ quan cấp tỉnh ban hành (bỏ trống: bộ mẫu)"
        )
        criteria.add_argument("--name", default="", help="tên bộ tiêu chí (mặc định theo cấp và năm)")
        criteria.add_argument("--decision", default="", help="số, ký hiệu quyết định ban hành")
        criteria.add_argument("--dry-run", action="store_true", help="chỉ đọc và báo kết quả, không lưu")
        criteria.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        try:
            table = criteria_table_read(data=path.read_bytes(), filename=path.name)
        except UploadRefused as refusal:
            raise CommandError(refusal.reason) from refusal
        if options["json"]:
            self.stdout.write(json.dumps(table.to_json(), ensure_ascii=False, indent=1))
        else:
            count = sum(1 for _ in table.flat())
            total = "—" if table.total_points is None else f"{table.total_points:f}".replace(".", ",")
            self.stdout.write(f"Đọc được {count} tiêu chí, tổng {total} điểm.")
            for warning in table.warnings:
                self.stdout.write(f"  Cảnh báo: {warning}")
            for error in table.errors:
                self.stdout.write(f"  Lỗi: {error}")
        if table.errors:
            raise CommandError("Bảng tiêu chí còn lỗi: chưa lưu gì.")
        if options["dry_run"]:
            return
        province = None
        if options["province"]:
            province = Agency.objects.filter(code=options["province"]).first()
            if province is None:
                raise CommandError(f"Không có cơ quan mã {options['province']}.")
        level = SetLevel(options["level"])
        name = options["name"] or f"Bộ tiêu chí Chỉ số CCHC cấp {level.label.lower()} năm {options['year']}"
        try:
            created = criteria_set_import(
                table=table,
                name=name,
                level=level,
                year=options["year"],
                province=province,
                decision_number=options["decision"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if not options["json"]:
            self.stdout.write(
                self.style.SUCCESS(f"Đã lưu bộ tiêu chí dự thảo “{created.name}” (mã {created.pk}).")
            )
