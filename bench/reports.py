"""How long writing the annual report of every agency of a province takes: 150 agencies, their tasks and occurrences.

Run: .venv/bin/python bench/reports.py [--agencies 150] [--tasks 40] [--xlsx] [--keep DIR]
Creates a fresh SQLite database (var/bench-reports.sqlite3) with bulk inserts — per agency: 4 units, one annual
plan with its targets, `--tasks` tasks across the reform areas (a quarter of them monthly, 12 occurrences each),
with past occurrences done on time, late or still open — then writes the annual 2026 report (.docx, and the
Excel annex with --xlsx) of every agency through the same code as the page and the CLI, as of 16/12/2026.
Prints the total and per-agency seconds. Target: under 60 s for 150 agencies on a 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from calendar import monthrange
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench-reports.sqlite3"
TARGET_SECONDS = 60
ON = date(2026, 12, 16)


def fresh_database() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(agency_count: int, task_count: int) -> list[object]:
    """A province with `agency_count` departments, each with units, a plan, targets, tasks and occurrences."""
    from django.db import transaction

    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Unit
    from apps.plans.models import Objective, Plan, ReformArea, Target
    from apps.tasks.models import Occurrence, Task

    rng = random.Random(2026)
    areas = list(ReformArea.objects.all())
    with transaction.atomic():
        province = Agency.objects.create(code="BT", name="UBND tỉnh Thử tải", level=AgencyLevel.PROVINCE)
        Agency.objects.bulk_create(
            Agency(
                code=f"BT-S{i:03d}",
                name=f"Sở Thử tải số {i}",
                short_name=f"Sở Thử tải số {i}",
                level=AgencyLevel.DEPARTMENT,
                parent=province,
                place_name="Thử tải",
                document_symbol=f"S{i:03d}",
            )
            for i in range(agency_count)
        )
        agencies = list(Agency.objects.filter(parent=province).order_by("code"))
        Unit.objects.bulk_create(
            Unit(agency=agency, code=f"U{j}", name=f"Phòng số {j}", is_focal=j == 0)
            for agency in agencies
            for j in range(4)
        )
        units: dict[int, list[Unit]] = {}
        for unit in Unit.objects.filter(agency__in=agencies).order_by("code"):
            units.setdefault(unit.agency_id, []).append(unit)
        Plan.objects.bulk_create(
            Plan(
                agency=agency,
                number=str(rng.randint(1, 99)),
                symbol=f"KH-{agency.document_symbol}",
                issued_on=date(2026, 1, 10),
                issuer=agency.short_name,
                title="Cải cách hành chính năm 2026",
                plan_type="annual_reform",
                period_start=date(2026, 1, 1),
                period_end=date(2026, 12, 31),
                signer="Nguyễn Văn Thử",
                signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
            )
            for agency in agencies
        )
        plans = list(Plan.objects.filter(agency__in=agencies))
        Objective.objects.bulk_create(
            Objective(plan=plan, ref=str(k), text=text, order=k)
            for plan in plans
            for k, text in enumerate(
                (
                    "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt từ 98% trở lên",
                    "Hoàn thành 100% nhiệm vụ cải cách hành chính được giao",
                    "Mức độ hài lòng của người dân đạt từ 90% trở lên",
                )
            )
        )
        Target.objects.bulk_create(
            Target(objective=objective, comparator=">=", value=98, unit="%")
            for objective in Objective.objects.filter(plan__in=plans)
        )
        tasks = [
            Task(
                agency_id=plan.agency_id,
                plan=plan,
                ref=str(i + 1),
                area=areas[i % len(areas)],
                title=f"Nhiệm vụ số {i + 1}: triển khai nội dung cải cách hành chính của lĩnh vực",
                lead_text="Phòng số 1",
                timeline_raw="Hằng tháng" if i % 4 == 0 else f"Quý {1 + i % 4}",
                order=i,
            )
            for plan in plans
            for i in range(task_count)
        ]
        Task.objects.bulk_create(tasks, batch_size=2000)
        through = Task.lead_units.through
        saved = list(Task.objects.filter(plan__in=plans).values_list("id", "agency_id", "order"))
        through.objects.bulk_create(
            (
                through(task_id=task_id, unit_id=units[agency_id][order % 4].pk)
                for task_id, agency_id, order in saved
            ),
            batch_size=5000,
        )
        occurrences = []
        for task_id, _agency_id, order in saved:
            dues = (
                [date(2026, m, monthrange(2026, m)[1]) for m in range(1, 13)]
                if order % 4 == 0
                else [date(2026, 3 * (1 + order % 4), monthrange(2026, 3 * (1 + order % 4))[1])]
            )
            for seq, due in enumerate(dues, start=1):
                fields: dict[str, object] = {}
                if due < ON:
                    roll = rng.random()
                    if roll < 0.7:
                        fields = {"accepted_on": due - timedelta(days=rng.randint(0, 5)), "percent": 100}
                    elif roll < 0.85:
                        done = due + timedelta(days=rng.randint(1, 20))
                        fields = {"completed_on": done, "accepted_on": done, "percent": 100}
                occurrences.append(
                    Occurrence(task_id=task_id, seq=seq, due_on=due, label=f"Kỳ {seq}", **fields)
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=5000)
    return agencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agencies", type=int, default=150)
    parser.add_argument("--tasks", type=int, default=40)
    parser.add_argument("--xlsx", action="store_true", help="also write the Excel annex of each report")
    parser.add_argument("--keep", help="write the files into this folder instead of discarding them")
    args = parser.parse_args()
    fresh_database()
    import time_machine

    started = time.perf_counter()
    agencies = build(args.agencies, args.tasks)
    built = time.perf_counter() - started
    from apps.reports.export import report_content, report_docx, report_xlsx
    from apps.reports.services import report_build
    from apps.tasks.models import Occurrence

    total_occurrences = Occurrence.objects.count()
    folder = Path(args.keep) if args.keep else None
    if folder:
        folder.mkdir(parents=True, exist_ok=True)
    sizes = 0
    with time_machine.travel(ON, tick=False):
        started, cpu = time.perf_counter(), time.process_time()
        for agency in agencies:
            report = report_build(agency=agency, report_type="annual", period_code="2026")
            content = report_content(report)
            data = report_docx(report, content).data
            sizes += len(data)
            if args.xlsx:
                annex = report_xlsx(report, content)
                sizes += len(annex)
            if folder:
                (folder / f"{agency.code}.docx").write_bytes(data)
                if args.xlsx:
                    (folder / f"{agency.code}.xlsx").write_bytes(annex)
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"Tỉnh thử tải: {len(agencies)} cơ quan, {total_occurrences} kỳ nhiệm vụ (tạo dữ liệu {built:.1f} s)."
    )
    print(
        f"Lập báo cáo năm 2026 của {len(agencies)} cơ quan (.docx{' + .xlsx' if args.xlsx else ''}): "
        f"{elapsed:.1f} s ({cpu:.1f} s CPU), {elapsed / len(agencies):.2f} s mỗi cơ quan, {sizes / 1_048_576:.1f} MB."
    )
    print(f"Mục tiêu: dưới {TARGET_SECONDS} s — {'ĐẠT' if elapsed < TARGET_SECONDS else 'CHƯA ĐẠT'}.")


if __name__ == "__main__":
    main()
