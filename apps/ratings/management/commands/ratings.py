"""`cchc ratings compute --agency CODE --period P [--json]`: every active person's rating figures of an agency for
a period (2026-03, 2026-Q1, 2026), computed from the task register as the pages compute them — a, b, c, the task
points, the general criteria, the total and the final grade after the cap on "xuất sắc" (decided periods: the
figures frozen at the decision).

`--json` prints ``{"agency", "period", "people": [{"person", "quantity", "quality", "timeliness", "task_points",
"general_points", "total", "rating"}]}`` with numbers as JSON numbers and ``rating`` the grade's Vietnamese label
(null when there is none yet). An unknown agency or a period that is not a month, a quarter or a year is a
Vietnamese message on stderr and exit code 2."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.organizations.models import Agency
from apps.ratings.selectors import distribution
from apps.ratings.sheets import PersonSheet, agency_sheets, rating_period
from domain.vn_numbers import vn_number

USAGE_ERROR = 2


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def person_json(sheet: PersonSheet) -> dict[str, Any]:
    task = sheet.task
    return {
        "person": sheet.person.full_name,
        "quantity": _number(task.a) if task else None,
        "quality": _number(task.b) if task else None,
        "timeliness": _number(task.c) if task else None,
        "task_points": _number(task.points) if task else None,
        "general_points": _number(sheet.general),
        "total": _number(sheet.total),
        "rating": sheet.final_label or None,
    }


def _shown(value: Decimal | None) -> str:
    return "—" if value is None else vn_number(value, 2)


class Command(BaseCommand):
    help = "Đánh giá, xếp loại công chức (Nghị định 335/2025): điểm từng người của một cơ quan trong một kỳ."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, title="lệnh")
        compute = actions.add_parser(
            "compute", help="Tính điểm và xếp loại của mọi người đang công tác trong cơ quan, một kỳ."
        )
        compute.add_argument("--agency", required=True, help="Mã cơ quan (xem `cchc agencies`).")
        compute.add_argument(
            "--period",
            required=True,
            help="Kỳ đánh giá: một tháng 2026-03, một quý 2026-Q1 hoặc một năm 2026.",
        )
        compute.add_argument(
            "--json",
            action="store_true",
            help="In JSON: agency, period, people (person, quantity, quality, timeliness, task_points, "
            "general_points, total, rating).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code__iexact=options["agency"].strip()).first()
        if agency is None:
            raise CommandError(
                f"Không có cơ quan mã “{options['agency']}”. Xem danh sách: cchc agencies",
                returncode=USAGE_ERROR,
            )
        try:
            period = rating_period(options["period"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages), returncode=USAGE_ERROR) from error
        sheets = agency_sheets(agency, period)
        if options["json"]:
            payload = {
                "agency": agency.code,
                "period": period.code,
                "people": [person_json(sheet) for sheet in sheets],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False))
            return
        self._table(agency, period.label, sheets)

    def _table(self, agency: Agency, label: str, sheets: list[PersonSheet]) -> None:
        self.stdout.write(f"{agency.name} — {label}: {len(sheets)} người")
        headers = ("Họ và tên", "Đơn vị", "a (%)", "b (%)", "c (%)", "Nhiệm vụ", "Chung", "Tổng", "Xếp loại")
        rows = []
        for sheet in sheets:
            task = sheet.task
            general = _shown(sheet.general) + ("*" if sheet.general_is_self else "")
            rows.append(
                (
                    sheet.person.full_name,
                    sheet.person.unit.name if sheet.person.unit_id and sheet.person.unit else "",
                    _shown(task.a if task else None),
                    _shown(task.b if task else None),
                    _shown(task.c if task else None),
                    _shown(task.points if task else None),
                    general,
                    _shown(sheet.total),
                    sheet.final_label or "—",
                )
            )
        widths = [max([len(h), *(len(row[i]) for row in rows)]) for i, h in enumerate(headers)]
        numeric = range(2, 8)

        def line(values: tuple[str, ...]) -> str:
            return "  ".join(
                value.rjust(width) if index in numeric else value.ljust(width)
                for index, (value, width) in enumerate(zip(values, widths, strict=True))
            ).rstrip()

        self.stdout.write(line(headers))
        self.stdout.write("  ".join("-" * width for width in widths))
        for row in rows:
            self.stdout.write(line(row))
        counts = ", ".join(f"{label}: {count}" for _, label, count in distribution(sheets))
        graded = sum(count for _, _, count in distribution(sheets))
        self.stdout.write(f"\nPhân bố: {counts}; chưa xếp loại: {len(sheets) - graded}.")
        if any(sheet.general_is_self for sheet in sheets):
            self.stdout.write("* điểm tiêu chí chung tự chấm, chờ trưởng đơn vị chấm.")
