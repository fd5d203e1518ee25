"""Dossier import at province scale: N dossiers of 150 agencies, on SQLite and on PostgreSQL, against DuckDB.

    .venv/bin/python bench/dossiers.py                 # 1,000,000 rows, both databases, DuckDB
    .venv/bin/python bench/dossiers.py --rows 100000 --skip-postgres

For each database the script starts a child process on a fresh database (SQLite file under var/bench/,
PostgreSQL database `cchc_bench` on 127.0.0.1:5432, user postgres), creates the agencies and units, then
times: the import of the CSV with its roll-up (the service the page and `cchc dossiers import` use), a second
import of the same file (it must change no count), and the scorecard query of one agency-year. The import
checks a CSV in DuckDB under a memory limit (setting CCHC_DOSSIER_IMPORT_MEMORY, 1 GB by default; beyond it
DuckDB spills to the temporary folder), so the resident memory is bounded by that limit whatever the size of
the file; the script prints the resident memory after the check and the peak. DuckDB then computes the same
monthly aggregates straight from the CSV, and the script prints the ratio and checks the totals agree.

    CCHC_DOSSIER_IMPORT_MEMORY=512MB .venv/bin/python bench/dossiers.py --skip-postgres   # a smaller limit
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH = "postgres://postgres@127.0.0.1:5432/cchc_bench"
HEADER = [
    "ma_ho_so",
    "ma_co_quan",
    "ma_don_vi",
    "ma_thu_tuc",
    "ten_thu_tuc",
    "muc_do",
    "kenh_nop",
    "ngay_tiep_nhan",
    "ngay_hen_tra",
    "ngay_co_ket_qua",
    "ngay_tra_ket_qua",
    "le_phi",
    "thanh_toan_truc_tuyen",
    "so_hoa",
    "ket_qua_dien_tu",
    "ngay_xin_loi",
    "so_lan_hen_lai",
]
UNIT_CODES = ("MC", "VP", "QLCL")
YEAR = 2026


def agency_code(index: int) -> str:
    return f"BENCH-{index:03d}"


def generate(path: Path, rows: int, agencies: int, seed: int = 2026) -> None:
    """A year of dossiers: receipt in 2026, due 3–20 days later, ~90% resolved, some late, some apologised."""
    rnd = random.Random(seed)
    procedures = [(f"1.{10000 + i:06d}", f"Thủ tục số {i} — cấp, điều chỉnh giấy phép") for i in range(400)]
    start = datetime(YEAR, 1, 1, 7, 30)
    minutes = 330 * 24 * 60
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number in range(rows):
            agency = rnd.randrange(agencies)
            received = start + timedelta(minutes=rnd.randrange(minutes))
            due = received + timedelta(days=rnd.randint(3, 20))
            resolved = received + timedelta(days=rnd.randint(0, 24), minutes=rnd.randrange(600))
            if rnd.random() < 0.08:
                resolved = None
            late = resolved is None or resolved.date() > due.date()
            apology = due - timedelta(days=rnd.randint(0, 3)) if late and rnd.random() < 0.6 else None
            procedure = procedures[(agency * 7 + rnd.randrange(40)) % len(procedures)]
            fee = rnd.choice((0, 0, 50000, 100000))
            writer.writerow(
                (
                    f"{agency_code(agency)}-{number:09d}",
                    agency_code(agency),
                    rnd.choice(("", *UNIT_CODES)),
                    procedure[0],
                    procedure[1],
                    rnd.choice(("toan_trinh", "mot_phan", "khac")),
                    rnd.choice(("truc_tiep", "truc_tuyen", "truc_tuyen", "buu_chinh")),
                    received.strftime("%d/%m/%Y %H:%M"),
                    due.strftime("%d/%m/%Y"),
                    resolved.strftime("%d/%m/%Y %H:%M") if resolved else "",
                    resolved.strftime("%d/%m/%Y") if resolved else "",
                    fee,
                    int(fee > 0 and rnd.random() < 0.5),
                    int(rnd.random() < 0.8),
                    int(rnd.random() < 0.6),
                    apology.strftime("%d/%m/%Y") if apology else "",
                    1 if apology else 0,
                )
            )


def rss_mb() -> float:
    """Resident memory now (not the peak), from /proc."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# -- child: one database ------------------------------------------------------------------------------------
def run_database(csv_path: Path, agencies: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.prod")
    os.environ.setdefault("SECRET_KEY", "bench-only")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from apps.dossiers.models import Dossier, DossierMonthly
    from apps.dossiers.services import dossier_import
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Unit

    call_command("migrate", interactive=False, verbosity=0)
    province = Agency.objects.create(code="BENCH", name="UBND tỉnh Thử nghiệm", level=AgencyLevel.PROVINCE)
    created = Agency.objects.bulk_create(
        Agency(
            code=agency_code(i), name=f"Cơ quan thử nghiệm {i}", level=AgencyLevel.DEPARTMENT, parent=province
        )
        for i in range(agencies)
    )
    Unit.objects.bulk_create(
        Unit(agency=agency, code=code, name=f"Đơn vị {code}") for agency in created for code in UNIT_CODES
    )
    samples: list[tuple[int, float]] = []

    def progress(rows: int, _position: int) -> None:
        samples.append((rows, round(rss_mb(), 1)))

    before = rss_mb()
    with csv_path.open("rb") as stream:
        started = time.perf_counter()
        first = dossier_import(stream=stream, filename=csv_path.name, progress=progress)
        first_seconds = time.perf_counter() - started
    peak = peak_mb()
    counts_after_first = (Dossier.objects.count(), DossierMonthly.objects.count())
    with csv_path.open("rb") as stream:
        started = time.perf_counter()
        second = dossier_import(stream=stream, filename=csv_path.name)
        second_seconds = time.perf_counter() - started
    counts_after_second = (Dossier.objects.count(), DossierMonthly.objects.count())

    scorecard_ms = _time_scorecard(agency_code(0))
    totals = dict(
        zip(
            ("received", "resolved", "on_time", "late", "backlog_in", "backlog_out"),
            _totals(),
            strict=True,
        )
    )
    return {
        "vendor": connection.vendor,
        "import_seconds": round(first_seconds, 2),
        "import_status": first.status,
        "rows_good": first.rows_good,
        "rows_bad": first.rows_bad,
        "inserted": first.inserted,
        "reimport_seconds": round(second_seconds, 2),
        "reimport_inserted": second.inserted,
        "reimport_updated": second.updated,
        "reimport_unchanged": second.unchanged,
        "counts_after_first": counts_after_first,
        "counts_after_second": counts_after_second,
        "scorecard_ms": scorecard_ms,
        "rss_before_mb": round(before, 1),
        "rss_samples_mb": samples,
        "peak_rss_mb": round(peak, 1),
        "totals": totals,
    }


def _totals() -> tuple[int, ...]:
    from django.db.models import Sum

    from apps.dossiers.models import DossierMonthly

    sums = DossierMonthly.objects.aggregate(
        *(Sum(name) for name in ("received", "resolved", "on_time", "late", "backlog_in", "backlog_out"))
    )
    return tuple(int(value or 0) for value in sums.values())


def _time_scorecard(code: str) -> dict[str, float]:
    """The scorecard of one agency-year, cold (first call, URLconf loaded) and warm (median of 20)."""
    from apps.organizations.models import Agency

    agency = Agency.objects.get(code=code)
    try:
        from apps.indicators.scorecard import agency_scorecard
        from domain.periods import parse_period

        def query() -> object:
            return agency_scorecard(agency=agency, period=parse_period(str(YEAR)))
    except ImportError:
        from django.db.models import Sum

        from apps.dossiers.models import DossierMonthly

        def query() -> object:
            return DossierMonthly.objects.filter(agency=agency, month__lte=YEAR * 100 + 12).aggregate(
                Sum("received"), Sum("resolved"), Sum("on_time")
            )

    # A running server has its URLconf loaded (the scorecard reverses drill-down links): load it first, or
    # the "cold" figure is the import of every view module rather than the query.
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018
    started = time.perf_counter()
    query()
    cold = (time.perf_counter() - started) * 1000
    timings = []
    for _ in range(20):
        started = time.perf_counter()
        query()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return {"cold": round(cold, 1), "warm_median": round(timings[len(timings) // 2], 1)}


# -- DuckDB ------------------------------------------------------------------------------------------------
DUCKDB_SQL = """
WITH d AS (
  SELECT ma_co_quan AS agency, ma_don_vi AS unit, ma_thu_tuc AS procedure, kenh_nop AS channel,
         CAST(strptime(ngay_tiep_nhan, '%d/%m/%Y %H:%M') AS DATE) AS received_on,
         CAST(strptime(ngay_hen_tra, '%d/%m/%Y') AS DATE) AS due_on,
         CAST(strptime(NULLIF(ngay_co_ket_qua, ''), '%d/%m/%Y %H:%M') AS DATE) AS resolved_on,
         CAST(strptime(NULLIF(ngay_xin_loi, ''), '%d/%m/%Y') AS DATE) AS apology_on,
         le_phi AS fee, thanh_toan_truc_tuyen AS paid, so_hoa AS digitised, ket_qua_dien_tu AS e_result,
         so_lan_hen_lai AS reappointments
  FROM read_csv('{path}', header = true, all_varchar = false,
                types = {{'ma_don_vi': 'VARCHAR', 'ngay_co_ket_qua': 'VARCHAR', 'ngay_xin_loi': 'VARCHAR',
                          'ngay_tiep_nhan': 'VARCHAR', 'ngay_hen_tra': 'VARCHAR'}})
), f AS (
  SELECT *, year(received_on) * 100 + month(received_on) AS received_month,
         year(due_on) * 100 + month(due_on) AS due_month,
         year(resolved_on) * 100 + month(resolved_on) AS resolved_month,
         (apology_on IS NOT NULL AND apology_on <= due_on - 1 AND reappointments <= 1) AS apologised
  FROM d
), contributions AS (
  SELECT agency, unit, procedure, received_month AS month, 1 AS received,
         (channel = 'truc_tuyen')::INT AS received_online, (fee > 0)::INT AS with_fee,
         (fee > 0 AND paid = 1)::INT AS paid_online, digitised AS digitised, 0 AS resolved, 0 AS early,
         0 AS on_time, 0 AS late, 0 AS late_apologised, 0 AS e_result, 0 AS backlog_in, 0 AS backlog_out FROM f
  UNION ALL
  SELECT agency, unit, procedure, resolved_month, 0, 0, 0, 0, 0, 1, (resolved_on < due_on)::INT,
         (resolved_on <= due_on)::INT, (resolved_on > due_on)::INT, (resolved_on > due_on AND apologised)::INT,
         e_result, 0, (resolved_month > due_month)::INT FROM f WHERE resolved_on IS NOT NULL
  UNION ALL
  SELECT agency, unit, procedure, due_month, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0 FROM f
  WHERE resolved_month IS NULL OR resolved_month > due_month
)
SELECT agency, unit, procedure, month, SUM(received) AS received, SUM(resolved) AS resolved,
       SUM(on_time) AS on_time, SUM(late) AS late, SUM(backlog_in) AS backlog_in, SUM(backlog_out) AS backlog_out
FROM contributions GROUP BY ALL
"""


def run_duckdb(csv_path: Path) -> dict[str, object]:
    import duckdb

    database = duckdb.connect()
    started = time.perf_counter()
    database.execute(f"CREATE TABLE monthly AS {DUCKDB_SQL.format(path=csv_path)}")
    seconds = time.perf_counter() - started
    row = database.execute(
        "SELECT SUM(received), SUM(resolved), SUM(on_time), SUM(late), SUM(backlog_in), SUM(backlog_out), "
        "COUNT(*) FROM monthly"
    ).fetchone()
    assert row is not None
    names = ("received", "resolved", "on_time", "late", "backlog_in", "backlog_out")
    return {
        "seconds": round(seconds, 2),
        "totals": dict(zip(names, map(int, row[:6]), strict=True)),
        "rows": row[6],
    }


# -- parent -------------------------------------------------------------------------------------------------
def child(database_url: str, csv_path: Path, agencies: int) -> dict[str, object]:
    env = dict(os.environ, DATABASE_URL=database_url, DJANGO_SETTINGS_MODULE="config.settings.prod")
    env.setdefault("SECRET_KEY", "bench-only")
    output = subprocess.run(
        [sys.executable, __file__, "--child", "--csv", str(csv_path), "--agencies", str(agencies)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return json.loads(output.stdout.strip().splitlines()[-1])


def fresh_postgres() -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS cchc_bench WITH (FORCE)")
        admin.execute("CREATE DATABASE cchc_bench")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--agencies", type=int, default=150)
    parser.add_argument("--csv", type=Path)
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-duckdb", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_database(args.csv, args.agencies)))
        return

    VAR.mkdir(parents=True, exist_ok=True)
    csv_path = args.csv or VAR / f"dossiers-{args.rows}-{args.agencies}.csv"
    if not csv_path.exists():
        started = time.perf_counter()
        generate(csv_path, args.rows, args.agencies)
        print(
            f"Generated {csv_path} ({csv_path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - started:.1f} s"
        )
    print(f"File: {csv_path} — {args.rows:,} rows, {args.agencies} agencies, {os.cpu_count()} CPUs\n")

    results: dict[str, dict[str, object]] = {}
    if not args.skip_sqlite:
        database = VAR / "bench.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        results["SQLite"] = child(f"sqlite:///{database}", csv_path, args.agencies)
    if not args.skip_postgres:
        fresh_postgres()
        results["PostgreSQL"] = child(PG_BENCH, csv_path, args.agencies)
    duck = None if args.skip_duckdb else run_duckdb(csv_path)

    for name, result in results.items():
        print(f"{name}")
        print(
            f"  import + roll-up      {result['import_seconds']:>8} s   ({result['rows_good']:,} rows, status {result['import_status']})"
        )
        print(
            f"  second import         {result['reimport_seconds']:>8} s   (new {result['reimport_inserted']}, "
            f"updated {result['reimport_updated']}, unchanged {result['reimport_unchanged']:,})"
        )
        print(
            f"  counts (facts, roll-up) after 1st {result['counts_after_first']} after 2nd {result['counts_after_second']}"
        )
        print(f"  scorecard agency-year {result['scorecard_ms']} ms")
        print(
            f"  memory: {result['rss_before_mb']} MB before, samples (rows, MB) {result['rss_samples_mb']}, "
            f"peak {result['peak_rss_mb']} MB"
        )
        if duck:
            ratio = float(result["import_seconds"]) / float(duck["seconds"])  # type: ignore[arg-type]
            same = result["totals"] == duck["totals"]
            print(
                f"  vs DuckDB: {ratio:.1f}× the DuckDB time; totals {'agree' if same else 'DIFFER'}: {result['totals']}"
            )
        print()
    if duck:
        print(
            f"DuckDB aggregates straight from the CSV: {duck['seconds']} s ({duck['rows']:,} roll-up rows) {duck['totals']}"
        )


if __name__ == "__main__":
    main()
