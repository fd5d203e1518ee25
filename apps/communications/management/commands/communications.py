"""`cchc communications check --agency CODE --year YYYY [--json]`: each month and channel of the agency's
communication plan with its count of articles, its target and its status."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from apps.communications.api import check_payload
from apps.organizations.models import Agency


class Command(BaseCommand):
    help = "Tuyên truyền CCHC: cchc communications check --agency MÃ --year NĂM [--json]."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        check = actions.add_parser(
            "check", help="Số tin, bài từng tháng, từng kênh so với chỉ tiêu của kế hoạch tuyên truyền."
        )
        check.add_argument("--agency", required=True, help="Mã cơ quan, ví dụ DLK-SXD.")
        check.add_argument("--year", type=int, default=None, help="Năm (mặc định năm nay).")
        check.add_argument("--json", action="store_true", help="In JSON.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code__iexact=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã “{options['agency']}”.")
        today = timezone.localdate()
        year = options["year"] or today.year
        if not 2000 <= year <= 2100:
            raise CommandError("Năm không hợp lệ.")
        payload = check_payload(agency=agency, year=year, today=today)
        if options["json"]:
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{agency.name} — tuyên truyền CCHC năm {year}")
        if payload["plan_id"] is None:
            self.stdout.write("Cơ quan chưa có kế hoạch thông tin, tuyên truyền CCHC.")
        self.stdout.write(
            f"{payload['articles']} tin, bài; {payload['months_met']}/{payload['months_checked']} tháng đạt chỉ "
            f"tiêu; {payload['areas_covered']}/{payload['areas_total']} nội dung có tin, bài."
        )
        for cell in payload["cells"]:
            self.stdout.write(
                f"  Tháng {cell['month']:>2}  {cell['channel_label']:<28} {cell['count']:>3}/{cell['target']:<3} "
                f"{cell['status_label']}"
            )
