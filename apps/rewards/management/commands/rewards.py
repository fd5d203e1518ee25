"""`cchc rewards check --agency CODE --year YYYY [--json]`: every nomination of an agency for a year with its
eligibility verdict and conditions — the verdict frozen at the focal point's check, or, for a nomination not yet
checked, the rules' verdict computed now from the database (nothing is saved).

`--json` prints ``{"nominations": [{"nominee", "award", "eligible", "conditions": [{"rule", "met",
"evidence"}]}]}`` with ``evidence`` the list of the records' sentences. An unknown agency is a Vietnamese message
on stderr and exit code 2."""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from apps.organizations.models import Agency
from apps.rewards.models import Nomination
from apps.rewards.services.nominations import eligibility_of, verdict_data

USAGE_ERROR = 2


def nomination_verdict(nomination: Nomination) -> dict[str, Any]:
    """The frozen verdict, or the one computed today for a nomination not yet checked."""
    if nomination.verdict:
        return dict(nomination.verdict)
    today = timezone.localdate()
    try:
        return verdict_data(eligibility_of(nomination, on=today), on=today)
    except ValidationError as error:
        return {"eligible": None, "conditions": [], "summary": " ".join(error.messages)}


def nomination_json(nomination: Nomination) -> dict[str, Any]:
    verdict = nomination_verdict(nomination)
    eligible = nomination.eligible if nomination.verdict else verdict.get("eligible")
    return {
        "nominee": nomination.nominee_name,
        "award": nomination.get_form_display(),
        "eligible": eligible,
        "conditions": [
            {
                "rule": c.get("rule", ""),
                "met": bool(c.get("met")),
                "evidence": [e.get("text", "") for e in c.get("evidence", [])],
            }
            for c in verdict.get("conditions", [])
        ],
    }


class Command(BaseCommand):
    help = (
        "Thi đua, khen thưởng: kiểm tra điều kiện của các đề nghị khen thưởng của một cơ quan trong một năm."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, title="lệnh")
        check = actions.add_parser("check", help="In từng đề nghị với kết quả kiểm tra điều kiện.")
        check.add_argument("--agency", required=True, help="Mã cơ quan (xem `cchc agencies`).")
        check.add_argument("--year", required=True, type=int, help="Năm thành tích, ví dụ 2026.")
        check.add_argument(
            "--json", action="store_true", help="In JSON: nominations (nominee, award, eligible, conditions)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code__iexact=options["agency"].strip()).first()
        if agency is None:
            raise CommandError(
                f"Không có cơ quan mã “{options['agency']}”. Xem danh sách: cchc agencies",
                returncode=USAGE_ERROR,
            )
        rows = (
            Nomination.objects.filter(agency=agency, year=options["year"])
            .select_related("agency", "person", "unit", "nominee_agency", "movement")
            .order_by("form", "pk")
        )
        items = [nomination_json(n) for n in rows]
        if options["json"]:
            self.stdout.write(json.dumps({"nominations": items}, ensure_ascii=False, indent=2))
            return
        if not items:
            self.stdout.write(f"{agency.name}: chưa có đề nghị khen thưởng năm {options['year']}.")
            return
        self.stdout.write(f"Đề nghị khen thưởng năm {options['year']} — {agency.name}")
        for item in items:
            verdict = {True: "ĐỦ ĐIỀU KIỆN", False: "CHƯA ĐỦ ĐIỀU KIỆN"}.get(
                item["eligible"], "CHƯA KIỂM TRA"
            )
            self.stdout.write(f"\n{item['nominee']} — {item['award']}: {verdict}")
            for condition in item["conditions"]:
                mark = "✓" if condition["met"] else "✗"
                evidence = "; ".join(condition["evidence"])
                self.stdout.write(f"  {mark} {condition['rule']}" + (f" ({evidence})" if evidence else ""))
