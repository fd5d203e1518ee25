"""Write an agency's periodic report for a period from the data the system has: .docx, and the Excel annex."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from apps.organizations.models import Agency
from apps.reports.export import report_content, report_docx, report_xlsx
from apps.reports.models import Report
from apps.reports.services import report_build
from domain.periods import PeriodError, parse_period
from domain.report_periods import kind_from_text


class Command(BaseCommand):
    help = (
        "Lập báo cáo CCHC của một cơ quan cho một kỳ: cchc report --agency MÃ --kind monthly|quarterly|6-month|annual "
        "--period P --out TỆP.docx [--xlsx TỆP.xlsx]"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--agency", required=True, help="Mã cơ quan, ví dụ DLK-SXD (xem: cchc agencies).")
        parser.add_argument(
            "--kind",
            required=True,
            help="Loại báo cáo: monthly, quarterly, 6-month, annual (hoặc communication, emulation).",
        )
        parser.add_argument("--period", required=True, help="Kỳ: 2026, 2026-H1, 2026-Q3 hoặc 2026-03.")
        parser.add_argument("--out", required=True, help="Tệp Word (.docx) sẽ ghi.")
        parser.add_argument("--xlsx", help="Tệp phụ lục Excel (.xlsx) sẽ ghi.")

    def handle(self, *args: Any, **options: Any) -> None:
        # The command line is the operator's tool: it reads any agency, like the admin site.
        agency = Agency.objects.select_related("parent").filter(code__iexact=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã “{options['agency']}” (xem danh sách: cchc agencies).")
        try:
            kind = kind_from_text(options["kind"])
            period = parse_period(options["period"])
        except PeriodError as error:
            raise CommandError(str(error)) from error
        report = (
            Report.objects.select_related("agency", "agency__parent")
            .filter(agency=agency, report_type=kind, period_code=period.code)
            .first()
        )
        if report is None:
            try:
                report = report_build(agency=agency, report_type=kind, period_code=period.code)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        content = report_content(report)
        word = report_docx(report, content)
        out = Path(options["out"])
        try:
            out.write_bytes(word.data)
            if options.get("xlsx"):
                Path(options["xlsx"]).write_bytes(report_xlsx(report, content))
        except OSError as error:
            raise CommandError(f"Không ghi được tệp: {error.strerror or error}.") from error
        for problem in word.problems:
            self.stderr.write(f"Lưu ý: {problem}")
        totals = content.totals
        self.stdout.write(
            f"Đã ghi {out} — {report.title} của {agency.name} "
            f"(số liệu {content.window_text}): {totals.total} lượt nhiệm vụ, {len(content.indicators)} chỉ tiêu."
        )
        if options.get("xlsx"):
            self.stdout.write(f"Đã ghi phụ lục {options['xlsx']}.")
