"""`cchc indicators show --agency CODE --period P [--json]`: the indicator values of an agency for a period."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from apps.indicators.scorecard import agency_values
from apps.indicators.selectors import indicators_in_force
from apps.organizations.models import Agency
from domain.indicators.dossier_rates import rounded
from domain.periods import PeriodError, parse_period


class Command(BaseCommand):
    help = "Giá trị các chỉ số của một cơ quan trong một kỳ (2026, 2026-Q1, 2026-H1, 2026-03)."

    def add_arguments(self, parser: Any) -> None:
        commands = parser.add_subparsers(dest="action", required=True, title="lệnh")
        show = commands.add_parser("show", help="In giá trị các chỉ số.")
        show.add_argument("--agency", required=True, help="Mã cơ quan (xem `cchc agencies`).")
        show.add_argument("--period", required=True, help="Kỳ: 2026, 2026-Q1, 2026-H1 hoặc 2026-03.")
        show.add_argument("--json", action="store_true", help="In JSON: agency, period, values, counts.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code__iexact=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã “{options['agency']}”. Xem danh sách: cchc agencies")
        try:
            period = parse_period(options["period"])
        except PeriodError as error:
            raise CommandError(str(error)) from error
        values = agency_values(agency=agency, period=period)
        if options["json"]:
            self.stdout.write(json.dumps(values.as_json(), ensure_ascii=False))
            return
        self.stdout.write(f"{agency.name} — {period.label}")
        for indicator in indicators_in_force(on=period.end):
            value = values.values[indicator.code].value
            self.stdout.write(f"  {indicator.name}: {_shown(value, indicator.unit)}")


def _shown(value: Decimal | None, unit: str) -> str:
    """98,13%; 12 hồ sơ; 9,91 ngày làm việc; — without a value."""
    if value is None:
        return "—"
    number = rounded(value)
    assert number is not None
    text = str(int(number)) if number == number.to_integral_value() else f"{number}".replace(".", ",")
    return f"{text}%" if unit == "%" else f"{text} {unit}"
