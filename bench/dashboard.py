"""How long the leader's dashboard takes for a large agency: 2,000 tasks and 20,000 progress updates.

Run: .venv/bin/python bench/dashboard.py [--repeat N] [--tasks N] [--updates N]
Creates a fresh SQLite database (var/bench-dashboard.sqlite3) with bulk inserts, then renders the dashboard page
through Django's test client as the agency's leader: one warm-up, then the median of N runs, and the number of
SQL queries one render makes. Target: under 300 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench-dashboard.sqlite3"
TARGET_MS = 300


def fresh_database() -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build(task_count: int, update_count: int, today: date) -> tuple[object, object]:
    """An agency with units, a leader, one plan of `task_count` tasks with their occurrences and updates."""
    from django.db import transaction

    from apps.accounts.choices import Role
    from apps.accounts.models import RoleAssignment, User
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Unit
    from apps.plans.models import Plan, ReformArea
    from apps.tasks.models import Occurrence, ProgressUpdate, Task

    rng = random.Random(2026)
    year = today.year
    with transaction.atomic():
        agency = Agency.objects.create(code="BENCH", name="Sở Thử tải", level=AgencyLevel.DEPARTMENT)
        units = [
            Unit.objects.create(agency=agency, code=f"U{i}", name=f"Phòng Thử tải số {i}", is_focal=i == 0)
            for i in range(12)
        ]
        leader = User.objects.create_user(
            "bench.lanhdao", password="cchc@2026", first_name="Lãnh đạo thử tải"
        )
        RoleAssignment.objects.create(user=leader, agency=agency, role=Role.LEADER)
        plan = Plan.objects.create(agency=agency, title="Kế hoạch thử tải", issued_on=date(year, 1, 5))
        areas = list(ReformArea.objects.all()) or [None]
        rules = ("person", "task", "time", "responsibility", "deliverable", "authority")
        tasks = []
        for i in range(task_count):
            six = {rule: rng.random() < 0.85 for rule in rules}
            tasks.append(
                Task(
                    agency=agency,
                    plan=plan,
                    ref=str(i + 1),
                    area=rng.choice(areas),
                    title=f"Nhiệm vụ thử tải số {i + 1}: triển khai nội dung cải cách hành chính",
                    lead_text=f"Phòng Thử tải số {i % 12}",
                    six_clear=six,
                    is_six_clear=all(six.values()),
                    order=i,
                )
            )
        Task.objects.bulk_create(tasks, batch_size=500)
        tasks = list(Task.objects.filter(plan=plan).order_by("order"))
        Through = Task.lead_units.through
        Through.objects.bulk_create(
            [Through(task_id=t.pk, unit_id=units[i % 12].pk) for i, t in enumerate(tasks)], batch_size=1000
        )
        occurrences = []
        for i, task in enumerate(tasks):
            kind = i % 5
            if kind == 0:  # monthly
                dues = [date(year, m, 28) for m in range(1, 13)]
            elif kind == 1:  # quarterly
                dues = [date(year, m, 30) for m in (3, 6, 9, 12)]
            else:  # one date
                dues = [date(year, 1, 1) + timedelta(days=rng.randrange(365))]
            for seq, due in enumerate(dues, start=1):
                done = due < today and rng.random() < 0.75
                completed = due + timedelta(days=rng.randint(-20, 15)) if done else None
                if completed and completed > today:
                    completed = today
                occurrences.append(
                    Occurrence(
                        task=task,
                        seq=seq,
                        label=f"Kỳ {seq}",
                        due_on=due,
                        percent=100 if done else rng.randrange(0, 90, 10),
                        completed_on=completed,
                        accepted_on=completed + timedelta(days=2) if completed else None,
                        submitted_at=None,
                    )
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=1000)
        occurrence_ids = list(Occurrence.objects.filter(task__plan=plan).values_list("pk", flat=True))
        updates = [
            ProgressUpdate(
                occurrence_id=rng.choice(occurrence_ids),
                unit=rng.choice(units),
                author=leader,
                percent=rng.randrange(0, 101, 10),
                note="Đã triển khai theo kế hoạch.",
            )
            for _ in range(update_count)
        ]
        ProgressUpdate.objects.bulk_create(updates, batch_size=1000)
    print(
        f"Dữ liệu: {len(tasks)} nhiệm vụ, {len(occurrences)} kỳ, "
        f"{ProgressUpdate.objects.filter(occurrence__task__plan=plan).count()} báo cáo tiến độ."
    )
    return agency, leader


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--updates", type=int, default=20000)
    args = parser.parse_args()

    fresh_database()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse
    from django.utils import timezone

    start = time.perf_counter()
    agency, leader = build(args.tasks, args.updates, timezone.localdate())
    print(f"Tạo dữ liệu: {time.perf_counter() - start:.1f} s")

    client = Client()
    client.force_login(leader)  # type: ignore[arg-type]
    url = reverse("tasks:dashboard") + f"?agency={agency.pk}"  # type: ignore[attr-defined]
    response = client.get(url)  # warm-up
    assert response.status_code == 200, response.status_code
    samples = []
    for _ in range(args.repeat):
        begin = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - begin) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    median = statistics.median(samples)
    print(
        f"Bảng điều hành: trung vị {median:.1f} ms qua {args.repeat} lần "
        f"(nhanh nhất {min(samples):.1f} ms, chậm nhất {max(samples):.1f} ms), {len(queries)} truy vấn SQL; "
        f"mục tiêu < {TARGET_MS} ms: {'đạt' if median < TARGET_MS else 'CHƯA ĐẠT'}."
    )


if __name__ == "__main__":
    main()
