"""`cchc par import-criteria FILE --level so|xa --year YYYY [--province CODE] [--name TÊN] [--decision SỐ]
[--dry-run] [--json]`: read a province's PAR INDEX criteria table and save it as a draft criteria set.
`cchc par score --agency CODE --year YYYY [--set ID] [--json]`: the criteria of the agency's set, with the points
of those computed from data (self-assessment and appraisal come with the assessment step)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.core.uploads import UploadRefused
from apps.organizations.models import Agency

from ...choices import SetLevel
from ...computed import computed_scores
from ...selectors import criteria_of, criteria_set_for
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
        score = actions.add_parser(
            "score", help="Điểm các tiêu chí tính từ dữ liệu của một cơ quan trong năm."
        )
        score.add_argument("--agency", required=True, help="mã cơ quan")
        score.add_argument("--year", required=True, type=int, help="năm đánh giá")
        score.add_argument(
            "--set", type=int, default=None, help="mã bộ tiêu chí (mặc định: bộ áp dụng cho cơ quan)"
        )
        score.add_argument("--json", action="store_true", help="in kết quả dạng JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "score":
            self._score(options)
            return
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

    def _score(self, options: dict[str, Any]) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"Không có cơ quan mã {options['agency']}.")
        criteria_set = criteria_set_for(agency=agency, year=options["year"], pk=options["set"])
        if criteria_set is None:
            raise CommandError(f"Chưa có bộ tiêu chí năm {options['year']} cho cơ quan {agency.code}.")
        computed = {item.criterion.code: item for item in computed_scores(
            criteria_set=criteria_set, agency=agency, year=options["year"]
        )}  # fmt: skip
        rows = []
        for criterion in criteria_of(criteria_set=criteria_set):
            item = computed.get(criterion.code)
            rows.append(
                {
                    "code": criterion.code,
                    "max_points": None if criterion.max_points is None else str(criterion.max_points),
                    "self": None,
                    "appraised": None,
                    "computed": str(item.result.points) if item and item.result else None,
                    "source": criterion.source or None,
                    "explanation": (item.result.explanation if item.result else item.problem) if item else "",
                }
            )
        if options["json"]:
            document = {
                "agency": agency.code,
                "year": options["year"],
                "set": criteria_set.pk,
                "criteria": rows,
                "total": {"self": None, "appraised": None, "survey": None, "index_percent": None},
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{agency.name} — {criteria_set.name} ({options['year']})")
        for row in rows:
            if row["source"]:
                shown = row["computed"] if row["computed"] is not None else "—"
                self.stdout.write(f"  {row['code']:<8} {shown:>6}/{row['max_points']}  {row['explanation']}")
