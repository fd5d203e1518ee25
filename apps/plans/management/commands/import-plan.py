"""Import a plan document (.docx, .pdf, .txt) into an agency, or show what would be imported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.organizations.models import Agency
from apps.plans.importer import parse_document
from apps.plans.models import Plan
from apps.plans.services import DuplicatePlan, plan_save_from_parse
from domain.plan_import import to_json_dict


class Command(BaseCommand):
    help = (
        "Nhập kế hoạch từ tệp .docx, .pdf hoặc .txt vào một cơ quan (--dry-run --json: chỉ in kết quả đọc)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="Đường dẫn tệp kế hoạch.")
        parser.add_argument("--agency", required=True, help="Mã cơ quan ban hành (xem `cchc agencies`).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc và in kết quả, không lưu.")
        parser.add_argument("--json", action="store_true", help="In kết quả dạng JSON.")
        parser.add_argument(
            "--replaces", type=int, help="Mã số (id) kế hoạch đã có để lưu thành phiên bản mới."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp: {path}")
        agency = Agency.objects.filter(code__iexact=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã “{options['agency']}”. Xem danh sách: cchc agencies")
        data = path.read_bytes()
        try:
            result = parse_document(data=data, filename=path.name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["dry_run"]:
            if options["json"]:
                self.stdout.write(json.dumps(to_json_dict(result), ensure_ascii=False, indent=2))
            else:
                self._summary(result, saved=None)
            return
        replaces = (
            Plan.objects.filter(pk=options["replaces"], agency=agency).first()
            if options["replaces"]
            else None
        )
        if options["replaces"] and replaces is None:
            raise CommandError(f"Cơ quan {agency.code} không có kế hoạch id {options['replaces']}.")
        try:
            plan = plan_save_from_parse(
                agency=agency, result=result, replaces=replaces, original=data, original_name=path.name
            )
        except DuplicatePlan as error:
            raise CommandError(
                f"{' '.join(error.messages)} Trên dòng lệnh: thêm --replaces {error.plan.pk}."
            ) from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["json"]:
            payload = to_json_dict(result)
            payload["saved"] = {"id": plan.pk, "revision": plan.revision}
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self._summary(result, saved=plan)

    def _summary(self, result: Any, saved: Plan | None) -> None:
        plan = result.plan
        label = f"{plan.number or '…'}/{plan.symbol}" if plan.symbol else "(chưa có số, ký hiệu)"
        self.stdout.write(f"Kế hoạch {label}: {plan.title}")
        self.stdout.write(
            f"  {len(result.basis)} căn cứ, {len(result.objectives)} mục tiêu, {len(result.tasks)} nhiệm vụ, "
            f"{len(result.warnings)} cảnh báo"
        )
        for warning in result.warnings:
            self.stdout.write(f"  ! {warning.where_label}: {warning.message}")
        if saved is not None:
            self.stdout.write(self.style.SUCCESS(f"Đã lưu (id {saved.pk}, phiên bản {saved.revision})."))
        else:
            self.stdout.write("Chạy thử: chưa lưu gì.")
