"""`cchc par import-criteria FILE --level so|xa --year YYYY [--province CODE] [--name TÊN] [--decision SỐ]
[--dry-run] [--json]`: read a province's PAR INDEX criteria table and save it as a draft criteria set.
`cchc par score --agency CODE --year YYYY [--set ID] [--json]`: the agency's criteria with the points computed
from data, and — once the year's assessment is open — the self-score, the appraised points and the totals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from apps.core.uploads import UploadRefused
from apps.organizations.models import Agency
from apps.par.models import Assessment, Score
from apps.scoring.choices import SetLevel
from apps.scoring.computed import computed_scores
from apps.scoring.models import CriteriaSet
from apps.scoring.selectors import criteria_of, criteria_set_for
from apps.scoring.services import criteria_set_import, criteria_table_read


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
        assessment = (
            Assessment.objects.filter(agency=agency, round__year=options["year"])
            .select_related("round__criteria_set")
            .first()
        )
        criteria_set: CriteriaSet | None = (
            assessment.round.criteria_set
            if options["set"] is None and assessment is not None
            else criteria_set_for(agency=agency, year=options["year"], pk=options["set"])
        )
        if criteria_set is None:
            raise CommandError(f"Chưa có bộ tiêu chí năm {options['year']} cho cơ quan {agency.code}.")
        computed = {item.criterion.code: item for item in computed_scores(
            criteria_set=criteria_set, agency=agency, year=options["year"]
        )}  # fmt: skip
        stored: dict[str, Score] = {}
        if assessment is not None and assessment.round.criteria_set_id == criteria_set.pk:
            stored = {
                s.criterion.code: s
                for s in Score.objects.filter(assessment=assessment).select_related("criterion")
            }
        rows = []
        for criterion in criteria_of(criteria_set=criteria_set):
            item = computed.get(criterion.code)
            score = stored.get(criterion.code)
            appraised = score is not None and bool(score.verdict or score.review_verdict)
            rows.append(
                {
                    "code": criterion.code,
                    "max_points": None if criterion.max_points is None else str(criterion.max_points),
                    "self": _text(score.self_points) if score is not None else None,
                    "appraised": _text(score.final_points) if appraised and score is not None else None,
                    "computed": str(item.result.points) if item and item.result else None,
                    "source": criterion.source or None,
                    "explanation": (item.result.explanation if item.result else item.problem) if item else "",
                }
            )
        total: dict[str, Any] = {"self": None, "appraised": None, "survey": None, "index_percent": None}
        if stored and assessment is not None:
            total = {
                "self": _text(assessment.self_total),
                "appraised": _text(assessment.final_total)
                if assessment.status != "draft" and assessment.status != "submitted"
                else None,
                "survey": _text(assessment.survey_total),
                "index_percent": _text(assessment.index_percent),
            }
        if options["json"]:
            document = {
                "agency": agency.code,
                "year": options["year"],
                "set": criteria_set.pk,
                "criteria": rows,
                "total": total,
            }
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{agency.name} — {criteria_set.name} ({options['year']})")
        self.stdout.write(f"  {'Mã':<8} {'Tối đa':>7} {'Hệ thống':>9} {'Tự chấm':>8} {'Thẩm định':>10}")
        for row in rows:
            cells = [row[key] if row[key] is not None else "—" for key in ("computed", "self", "appraised")]
            self.stdout.write(
                f"  {row['code']:<8} {row['max_points'] or '':>7} {cells[0]:>9} {cells[1]:>8} {cells[2]:>10}"
                + (f"  {row['explanation']}" if row["source"] else "")
            )
        if stored:
            self.stdout.write(
                f"Tổng: tự chấm {total['self']}, điểm đạt {total['appraised'] or '—'}, "
                f"điều tra XHH {total['survey']}, chỉ số {total['index_percent'] or '—'}%"
            )


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
