"""The public transparency portal (apps/transparency): cold and warm time of the public pages, on SQLite.

Run:  .venv/bin/python bench/transparency.py [--agencies 10] [--tasks 300] [--dossiers 5000] [--repeat 20]

What it does:
1. a fresh SQLite database in a temporary folder, migrated (config.settings.test: DEBUG off, cached templates,
   Django's local-memory cache as in a default deployment);
2. a province with `--agencies` Sở, each with a focal point, one plan of `--tasks` tasks over the reform areas
   (monthly, quarterly and one-off occurrences, three quarters of those due done, some late), `--dossiers`
   dossiers of the year through the roll-up the one-stop import fills, 300 feedback items; every agency
   publishes every built-in figure through the service the settings page uses;
3. as an anonymous visitor through django.test.Client: the agency page cold (cache cleared: every provider
   computes) and warm (median of `--repeat`), with the number of SQL queries; the province page cold (every
   agency's figures computed) and warm; then a publisher's change and the agency page right after it (the
   cleared key is recomputed at once);
4. prints the figures of the first agency (what the page shows) and a table: measure, time, queries, target,
   met or not. Targets (2 shared cores): agency page cold < 500 ms, warm < 30 ms; province page cold < 3 s,
   warm < 50 ms. Timings depend on the machine's load: the load average is printed. Exits 1 on a miss.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGETS_MS = {
    "Trang cơ quan, lần đầu (chưa có bộ nhớ đệm)": 500,
    "Trang cơ quan, lần sau (từ bộ nhớ đệm)": 30,
    "Trang tỉnh, lần đầu": 3000,
    "Trang tỉnh, lần sau": 50,
    "Trang cơ quan ngay sau khi đổi lựa chọn": 500,
}


def setup(folder: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build(agencies: int, tasks: int, dossiers: int, today: date) -> list[Any]:
    from django.db import transaction

    from apps.accounts.choices import Role
    from apps.accounts.models import RoleAssignment, User
    from apps.dossiers.models import Dossier, Procedure
    from apps.dossiers.services import dossier_rollup_rebuild
    from apps.feedback.models import Feedback
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency
    from apps.plans.models import Plan, ReformArea
    from apps.tasks.models import Occurrence, Task

    rng = random.Random(2026)
    year = today.year
    areas = list(ReformArea.objects.all()) or [None]
    procedure = Procedure.objects.create(code="1.000001", name="Cấp giấy phép xây dựng")
    out = []
    with transaction.atomic():
        province = Agency.objects.create(code="BENCH", name="UBND tỉnh Thử tải", level=AgencyLevel.PROVINCE)
        for number in range(agencies):
            agency = Agency.objects.create(
                code=f"BENCH-{number:03d}",
                name=f"Sở Thử tải số {number}",
                level=AgencyLevel.DEPARTMENT,
                parent=province,
            )
            user = User.objects.create_user(f"daumoi.{number}", password="cchc@2026")
            RoleAssignment.objects.create(user=user, agency=agency, role=Role.FOCAL_POINT)
            plan = Plan.objects.create(agency=agency, title="Kế hoạch thử tải", issued_on=date(year, 1, 5))
            Task.objects.bulk_create(
                [
                    Task(
                        agency=agency,
                        plan=plan,
                        ref=str(i + 1),
                        area=rng.choice(areas),
                        title=f"Nhiệm vụ {i}",
                        order=i,
                    )
                    for i in range(tasks)
                ]
            )
            occurrences = []
            for i, task in enumerate(Task.objects.filter(plan=plan)):
                if i % 5 == 0:
                    dues = [date(year, m, 28) for m in range(1, 13)]
                elif i % 5 == 1:
                    dues = [date(year, m, 30) for m in (3, 6, 9, 12)]
                else:
                    dues = [date(year, 1, 1) + timedelta(days=rng.randrange(365))]
                for seq, due in enumerate(dues, 1):
                    done = due < today and rng.random() < 0.75
                    completed = min(today, due + timedelta(days=rng.randint(-20, 10))) if done else None
                    occurrences.append(
                        Occurrence(
                            task=task,
                            seq=seq,
                            label=f"Kỳ {seq}",
                            due_on=due,
                            percent=100 if done else 0,
                            completed_on=completed,
                            accepted_on=completed,
                        )
                    )
            Occurrence.objects.bulk_create(occurrences, batch_size=1000)
            rows = []
            for i in range(dossiers):
                received = date(year, 1, 1) + timedelta(
                    days=rng.randrange(max(1, (today - date(year, 1, 1)).days))
                )
                due = received + timedelta(days=rng.randint(3, 20))
                resolved = received + timedelta(days=rng.randint(1, 24))
                resolved = resolved if resolved < today else None
                rows.append(
                    Dossier(
                        code=f"HS-{number:03d}-{i:06d}",
                        agency=agency,
                        procedure=procedure,
                        channel=rng.choice(["truc_tuyen", "truc_tiep"]),
                        received_on=received,
                        due_on=due,
                        resolved_on=resolved,
                        apology_on=due - timedelta(days=2)
                        if resolved and resolved > due and rng.random() < 0.6
                        else None,
                        received_month=received.year * 100 + received.month,
                        due_month=due.year * 100 + due.month,
                        resolved_month=resolved.year * 100 + resolved.month if resolved else None,
                    )
                )
            Dossier.objects.bulk_create(rows, batch_size=2000)
            Feedback.objects.bulk_create(
                [
                    Feedback(
                        agency=agency,
                        code=f"PA-{number:03d}-{i:04d}",
                        received_on=(received := date(year, 1, 1) + timedelta(days=rng.randrange(300))),
                        due_on=received + timedelta(days=10),
                        replied_on=received + timedelta(days=rng.randint(2, 14)),
                        subject="Phản ánh thử tải",
                    )
                    for i in range(300)
                ]
            )
            out.append((agency, user))
    dossier_rollup_rebuild()
    return out


def timed(call: Any) -> tuple[float, int, Any]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = call()
        elapsed = (time.perf_counter() - started) * 1000
    return elapsed, len(queries.captured_queries), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--agencies", type=int, default=10)
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--dossiers", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="profile one warm province page")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cchc-bench-transparency-"))
    try:
        setup(folder)
        from django.core.cache import cache
        from django.test import Client
        from django.urls import reverse
        from django.utils import timezone

        from apps.transparency import registry, selectors
        from apps.transparency.services import publication_set

        today = timezone.localdate()
        started = time.perf_counter()
        built = build(args.agencies, args.tasks, args.dossiers, today)
        keys = sorted(registry.spec_keys())
        for agency, user in built:
            publication_set(user=user, agency=agency, keys=keys)
        print(
            f"Dữ liệu: {args.agencies} cơ quan × ({args.tasks} nhiệm vụ, {args.dossiers} hồ sơ, 300 phản ánh), "
            f"mỗi cơ quan công khai {len(keys)} số liệu — dựng trong {time.perf_counter() - started:.1f} s."
        )
        client = Client()
        agency, user = built[0]
        agency_url = reverse("transparency:agency", args=[agency.code])
        province_url = reverse("transparency:province", args=["BENCH"])
        client.get(reverse("transparency:index"))  # load the URLconf, middleware and templates once
        results: list[tuple[str, float, int]] = []

        cache.clear()
        ms, queries, response = timed(lambda: client.get(agency_url))
        assert response.status_code == 200, response.status_code
        results.append(("Trang cơ quan, lần đầu (chưa có bộ nhớ đệm)", ms, queries))
        runs = [timed(lambda: client.get(agency_url)) for _ in range(args.repeat)]
        results.append(
            ("Trang cơ quan, lần sau (từ bộ nhớ đệm)", statistics.median(r[0] for r in runs), runs[-1][1])
        )
        cache.clear()
        ms, queries, response = timed(lambda: client.get(province_url))
        assert response.status_code == 200, response.status_code
        results.append(("Trang tỉnh, lần đầu", ms, queries))
        runs = [timed(lambda: client.get(province_url)) for _ in range(args.repeat)]
        results.append(("Trang tỉnh, lần sau", statistics.median(r[0] for r in runs), runs[-1][1]))
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.runcall(lambda: client.get(province_url))
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        size = len(runs[-1][2].content)
        print(f"Trang tỉnh: {size // 1024} KB HTML.")
        runs = [timed(lambda: client.get(reverse("core:health"))) for _ in range(args.repeat)]
        results.append(
            ("Mốc so sánh: /healthz qua cùng chuỗi middleware", statistics.median(r[0] for r in runs), 0)
        )
        publication_set(user=user, agency=agency, keys=[key for key in keys if key != "dossiers.online"])
        ms, queries, response = timed(lambda: client.get(agency_url))
        assert "Hồ sơ nộp trực tuyến" not in response.content.decode()
        results.append(("Trang cơ quan ngay sau khi đổi lựa chọn", ms, queries))

        print(f"\nSố liệu công khai của {agency.name} (tính đến {today:%d/%m/%Y}):")
        for group in selectors.agency_page(agency=agency).groups:
            print(f"  {group.group}")
            for figure in group.figures:
                value = (
                    "—" if figure.value is None else f"{figure.value}".replace(".", ",") + f" {figure.unit}"
                )
                print(f"    {figure.title:<58} {value:>10}  {figure.period} · {figure.note}")
        print(f"\nTải máy (1, 5, 15 phút): {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"{'Phép đo':<46} {'thời gian':>10} {'truy vấn':>9} {'mục tiêu':>10}  đạt")
        missed = 0
        for label, ms, queries in results:
            target = TARGETS_MS.get(label, 10**6)
            ok = ms < target
            missed += not ok
            print(
                f"{label:<46} {ms:>8.1f}ms {queries:>9} {'< ' + str(target) + 'ms':>10}  {'có' if ok else 'KHÔNG'}"
            )
        return 1 if missed else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
