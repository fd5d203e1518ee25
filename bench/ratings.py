"""Civil-servant ratings (apps/ratings, Nghị định 335/2025) of a large agency: one month computed from the task
register for 500 people and 20,000 task occurrences, on SQLite or PostgreSQL.

Run:  .venv/bin/python bench/ratings.py [--people 500] [--units 20] [--occurrences 20000] [--repeat 5]
                                        [--postgres] [--profile]

What it does:
1. a fresh database — SQLite in a temporary folder, or with --postgres a new database on 127.0.0.1:5432 (user
   postgres, trust) that is dropped afterwards — migrated (config.settings.test: DEBUG off);
2. an agency of `--people` people in `--units` units, its leader (a user with the leader role), one plan whose
   tasks have weekly occurrences due in the last month that has ended, `--occurrences` in all, each task's
   accountable person drawn at random with uneven weights (some people carry three times the work of others);
   of the occurrences 70% completed (one in five of those late), 85% of the completed accepted, 8% returned once
   or twice (trả lại: a major fault), the rest open; a few products weighted (quy đổi 2) or exempted with the
   superior's confirmation, one ad-hoc product (việc phát sinh) for every other person; ratings of the month for
   nine people in ten (self-assessed, or scored by the unit head with 22–30 general points);
3. times, each the median of `--repeat` runs after a first one, with the number of SQL queries of one run:
   `agency_sheets` (every sheet of the month with the cap — the computation, target < 2 s), the agency page as
   the leader (the same plus the units compared and the template), the Excel table (the download, and
   `agency_to_xlsx` alone on sheets already computed), one person's page (`person_sheet` computes the whole
   agency for the cap) and the API of the agency;
4. prints a table: figure, target, met or not; `--profile` adds a cProfile of every figure that missed its
   target (the project's functions by cumulative time, all functions by own time, the SQL repeated most).
   Timings depend on the machine's load: the script prints the load average. Exit code 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
TARGET_COMPUTE_S = 2.0
WEEK_DAYS = (7, 14, 21, 28)


@dataclass
class World:
    agency: Any
    leader: Any
    period: Any
    people: int
    occurrences: int
    extras: int
    ratings: int
    seconds: float


def build(people: int, unit_count: int, occurrence_count: int, period: Any) -> World:
    """The agency, its people and a month of products (bulk inserts)."""
    from django.db import transaction

    from apps.accounts.choices import Role
    from apps.accounts.models import RoleAssignment, User
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Person, Unit
    from apps.plans.models import Plan
    from apps.ratings.models import ExtraProduct, ProductSetting, Rating
    from apps.tasks.models import AcceptanceDecision, Occurrence, Task

    started = time.perf_counter()
    rng = random.Random(335)
    year, month = period.start.year, period.start.month
    with transaction.atomic():
        agency = Agency.objects.create(
            code="BENCH-DG", name="Sở Thử tải xếp loại", level=AgencyLevel.DEPARTMENT
        )
        units = Unit.objects.bulk_create(
            [
                Unit(agency=agency, code=f"P{i:02d}", name=f"Phòng Thử tải số {i + 1:02d}", is_focal=i == 0)
                for i in range(unit_count)
            ]
        )
        units = list(Unit.objects.filter(agency=agency).order_by("code"))
        Person.objects.bulk_create(
            [
                Person(
                    agency=agency,
                    unit=units[i % unit_count],
                    full_name=f"Cán bộ thử tải {i + 1:04d}",
                    position="Chuyên viên" if i % 25 else "Trưởng phòng",
                )
                for i in range(people)
            ],
            batch_size=500,
        )
        persons = list(Person.objects.filter(agency=agency).order_by("pk"))
        leader = User.objects.create_user(
            "bench.giamdoc", password="cchc@2026", first_name="Giám đốc thử tải"
        )
        RoleAssignment.objects.create(user=leader, agency=agency, role=Role.LEADER)
        plan = Plan.objects.create(
            agency=agency,
            number="1",
            symbol="KH-TT",
            title="Kế hoạch thử tải",
            issued_on=date(year, 1, 5),
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
        )
        weights = [rng.choice((1, 1, 2, 3)) for _ in persons]
        task_count = (occurrence_count + len(WEEK_DAYS) - 1) // len(WEEK_DAYS)
        owners = rng.choices(persons, weights=weights, k=task_count)
        Task.objects.bulk_create(
            [
                Task(
                    agency=agency,
                    plan=plan,
                    ref=str(i + 1),
                    title=f"Nhiệm vụ thử tải số {i + 1}: báo cáo, tham mưu văn bản hằng tuần",
                    accountable=owner,
                    due_on=date(year, month, 28),
                    order=i,
                )
                for i, owner in enumerate(owners)
            ],
            batch_size=1000,
        )
        tasks = list(Task.objects.filter(plan=plan).order_by("order"))
        occurrences = []
        for task in tasks:
            for seq, day in enumerate(WEEK_DAYS, start=1):
                if len(occurrences) == occurrence_count:
                    break
                due = date(year, month, day)
                completed = accepted = None
                if rng.random() < 0.7:
                    late = rng.random() < 0.2
                    completed = due + timedelta(days=rng.randint(1, 10) if late else -rng.randint(0, 5))
                    if rng.random() < 0.85:
                        accepted = completed + timedelta(days=rng.randint(1, 3))
                occurrences.append(
                    Occurrence(
                        task=task,
                        seq=seq,
                        label=f"Tuần {seq}",
                        due_on=due,
                        percent=100 if completed else rng.randrange(0, 90, 10),
                        completed_on=completed,
                        accepted_on=accepted,
                        submitted_at=None,
                    )
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=2000)
        rows = list(
            Occurrence.objects.filter(task__plan=plan).values_list(
                "pk", "completed_on", "due_on", "task__accountable"
            )
        )
        decisions = []
        settings = []
        for pk, completed, due, person_id in rows:
            if completed is not None and rng.random() < 0.08:
                for _ in range(rng.choice((1, 1, 2))):
                    decisions.append(
                        AcceptanceDecision(
                            occurrence_id=pk,
                            decision=AcceptanceDecision.RETURNED,
                            reason="Sai số liệu, phải làm lại",
                            decided_on=completed,
                        )
                    )
            chance = rng.random()
            if chance < 0.02:
                settings.append(ProductSetting(occurrence_id=pk, person_id=person_id, units=Decimal(2)))
            elif chance < 0.03 and completed is not None and completed > due:
                settings.append(
                    ProductSetting(
                        occurrence_id=pk,
                        person_id=person_id,
                        exempt=True,
                        exempt_reason="Chờ ý kiến của bộ, ngành",
                        confirmed_by=leader,
                        confirmed_on=period.end,
                    )
                )
        AcceptanceDecision.objects.bulk_create(decisions, batch_size=2000)
        ProductSetting.objects.bulk_create(settings, batch_size=2000)
        extras = [
            ExtraProduct(
                agency=agency,
                person=person,
                title="Việc phát sinh: soạn báo cáo đột xuất",
                assigned_on=period.start,
                due_on=period.start + timedelta(days=14),
                completed_on=period.start + timedelta(days=rng.randint(10, 18)),
                to_standard=rng.random() < 0.9,
                major_faults=0,
            )
            for person in persons[::2]
        ]
        ExtraProduct.objects.bulk_create(extras, batch_size=1000)
        ratings = []
        for person in persons:
            if rng.random() < 0.1:
                continue
            self_general = Decimal(rng.randint(24, 30))
            scored = rng.random() < 0.7
            ratings.append(
                Rating(
                    agency=agency,
                    person=person,
                    unit_id=person.unit_id,
                    period=period.code,
                    status="scored" if scored else "self_assessed",
                    self_general=self_general,
                    self_comment="Chấp hành tốt kỷ luật, kỷ cương hành chính",
                    general_points=Decimal(rng.randint(22, 30)) if scored else None,
                    general_reason="Thực hiện tốt" if scored else "",
                    scored_by=leader if scored else None,
                )
            )
        Rating.objects.bulk_create(ratings, batch_size=1000)
    return World(
        agency=agency,
        leader=leader,
        period=period,
        people=len(persons),
        occurrences=len(occurrences),
        extras=len(extras),
        ratings=len(ratings),
        seconds=time.perf_counter() - started,
    )


# -- measuring -------------------------------------------------------------------------------------------------
class QueryCount:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counted() -> Iterator[QueryCount]:
    from django.db import connection

    counter = QueryCount()
    with connection.execute_wrapper(counter):
        yield counter


@dataclass
class Figure:
    label: str
    first: float
    median: float
    queries: int
    target: float | None = None
    cpu: float = 0.0  # median processor time of this process (the database server's not counted)

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.median < self.target


def measure(label: str, action: Callable[[], object], repeat: int, target: float | None = None) -> Figure:
    with counted() as counter:
        started = time.perf_counter()
        action()
        first = time.perf_counter() - started
    samples, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        samples.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return Figure(label, first, statistics.median(samples), counter.count, target, statistics.median(cpu))


SQL_SHAPE = re.compile(r"\b\d+\b|'[^']*'|%s|\?")


def profile(action: Callable[[], object], lines: int = 18) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as captured:
        profiler.enable()
        action()
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"/(apps|domain)/", lines)
    text = out.getvalue()
    own = io.StringIO()
    pstats.Stats(profiler, stream=own).sort_stats("tottime").print_stats(12)
    own_text = own.getvalue()
    shapes = Counter(SQL_SHAPE.sub("?", query["sql"])[:160] for query in captured.captured_queries)
    sql_time = sum(float(query["time"]) for query in captured.captured_queries)
    repeated = "\n".join(f"  {count:>6} × {sql}" for sql, count in shapes.most_common(6))
    return (
        f"{len(captured.captured_queries)} truy vấn SQL, {sql_time:.2f} s trong CSDL; hàm của dự án theo thời gian "
        f"tích lũy:\n{text[text.find('   ncalls') :].rstrip()}\n  theo thời gian riêng:\n"
        f"{own_text[own_text.find('   ncalls') :].rstrip()}\n  truy vấn lặp nhiều nhất:\n{repeated}"
    )


def _shown(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


def run(args: argparse.Namespace) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from apps.ratings.exports import agency_to_xlsx
    from apps.ratings.selectors import default_period
    from apps.ratings.sheets import agency_sheets, person_sheet

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_seconds = time.perf_counter() - started
    period = default_period(timezone.localdate())
    world = build(args.people, args.units, args.occurrences, period)
    agency = world.agency
    print(
        f"Xếp loại công chức · {'PostgreSQL' if connection.vendor == 'postgresql' else 'SQLite'} · {period.label} · "
        f"{world.people} người, {args.units} đơn vị, {world.occurrences:,} kỳ nhiệm vụ, {world.extras} việc phát "
        f"sinh, {world.ratings} phiếu · {os.cpu_count()} CPU, tải máy {os.getloadavg()[0]:.1f}"
    )
    print(f"Chuẩn bị: migrate {migrate_seconds:.1f} s; dữ liệu {world.seconds:.1f} s", flush=True)

    client = Client()
    client.force_login(world.leader)
    client.get(reverse("ratings:home"))  # URLconf, middleware, session: loaded once per process

    def get(url: str) -> Callable[[], object]:
        def action() -> object:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return action

    sheets = agency_sheets(agency, period)
    graded = sum(1 for sheet in sheets if sheet.final_grade)
    products = sum(len(sheet.products) for sheet in sheets)
    sample = next(sheet.person for sheet in sheets if sheet.products)
    query = f"?ky={period.code}"
    steps: list[tuple[str, Callable[[], object], float | None]] = [
        (
            f"agency_sheets: {len(sheets)} phiếu, {products:,} sản phẩm, cả tỷ lệ",
            lambda: agency_sheets(agency, period),
            TARGET_COMPUTE_S,
        ),
        ("trang cơ quan (lãnh đạo)", get(reverse("ratings:agency") + query), TARGET_COMPUTE_S),
        ("tải Excel bảng xếp loại", get(reverse("ratings:agency_xlsx") + query), TARGET_COMPUTE_S),
        ("agency_to_xlsx riêng (phiếu đã tính)", lambda: agency_to_xlsx(agency, period, sheets), None),
        ("person_sheet một người (tính cả cơ quan)", lambda: person_sheet(sample, period), None),
        ("trang một người", get(reverse("ratings:person", args=[sample.pk]) + query), None),
        ("API bảng của cơ quan", get(f"/api/v1/ratings/agencies/{agency.pk}?period={period.code}"), None),
    ]
    figures = []
    profiles = []
    for label, action, target in steps:
        figure = measure(label, action, args.repeat, target)
        figures.append(figure)
        print(f"  {label}: {_shown(figure.median)}", flush=True)
        if args.profile and (figure.met is False or args.profile_all):
            profiles.append((label, profile(action)))
    width = max(len(f.label) for f in figures) + 14
    print(
        f"\n{'':<{width}}  {'lần đầu':>9}  {'trung vị':>9}  {'CPU':>9}  {'truy vấn':>8}  {'mục tiêu':>8}  kết quả"
    )
    for figure in figures:
        verdict = {None: "", True: "ĐẠT", False: "CHƯA ĐẠT"}[figure.met]
        target = f"< {figure.target:g} s" if figure.target else ""
        print(
            f"{figure.label + f', trung vị {args.repeat}':<{width}}  {_shown(figure.first):>9}  "
            f"{_shown(figure.median):>9}  {_shown(figure.cpu):>9}  {figure.queries:>8}  {target:>8}  {verdict}"
        )
    counts = Counter(sheet.final_label for sheet in sheets if sheet.final_label)
    print(f"\nXếp loại: {dict(counts)}; chưa xếp loại {len(sheets) - graded}.")
    for label, text in profiles:
        print(f"\n--- hồ sơ thời gian: {label} ---\n{text}")
    missed = [figure for figure in figures if figure.met is False]
    print(f"\nTải máy lúc kết thúc (1 phút): {os.getloadavg()[0]:.1f} trên {os.cpu_count()} CPU.")
    print(
        "(CPU: thời gian xử lý của tiến trình Python, trung vị; máy dùng chung thì đồng hồ chạy chậm hơn CPU.)"
    )
    print("Mục tiêu: " + ("ĐẠT cả." if not missed else f"CHƯA ĐẠT {len(missed)} mục."))
    return 1 if missed else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=500, help="số người (mặc định 500)")
    parser.add_argument("--units", type=int, default=20, help="số đơn vị (mặc định 20)")
    parser.add_argument(
        "--occurrences", type=int, default=20000, help="số kỳ nhiệm vụ trong tháng (mặc định 20000)"
    )
    parser.add_argument("--repeat", type=int, default=5, help="số lần đo sau lần đầu (mặc định 5)")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL 127.0.0.1:5432 thay cho SQLite")
    parser.add_argument("--profile", action="store_true", help="hồ sơ thời gian của mục chưa đạt")
    parser.add_argument("--profile-all", action="store_true", help="hồ sơ thời gian của mọi mục")
    args = parser.parse_args()
    if args.people < 1 or args.units < 1 or args.occurrences < 1:
        parser.error("cần ít nhất 1 người, 1 đơn vị và 1 kỳ nhiệm vụ")
    args.profile = args.profile or args.profile_all

    workdir = Path(tempfile.mkdtemp(prefix="cchc-bench-ratings-"))
    pg_name = f"cchc_bench_ratings_{os.getpid()}"
    if args.postgres:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{pg_name}"')
        database_url = f"postgres://postgres@127.0.0.1:5432/{pg_name}"
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="ERROR",
    )
    try:
        return run(args)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if args.postgres:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
