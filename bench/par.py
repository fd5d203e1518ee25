"""PAR INDEX assessment year (apps/par) at province scale: 150 Sở × 100 criteria, on SQLite or PostgreSQL.

Run:  .venv/bin/python bench/par.py [--agencies 150] [--criteria 100] [--postgres] [--dossiers 2000] [--profile]

What it does:
1. a fresh database — SQLite in a temporary folder, or with --postgres a new database on 127.0.0.1:5432 (user
   postgres, trust) that is dropped afterwards — migrated (config.settings.test: DEBUG off, cached templates);
2. a province with `--agencies` Sở (the first is Sở Nội vụ), each with a focal unit and a focal-point user, one
   Sở Nội vụ overseer; a criteria set of `--criteria` scorable criteria in 8 areas (manual, tiered, yes/no,
   timeliness, proportional, deduction; the last area by survey; 10 computed from the indicator catalogue:
   task completion, 7 dossier rates, two entered figures), loaded with `criteria_set_load` and put in force;
   behind the computed figures: `--dossiers` dossiers a year per agency through the dossier import (CSV, the
   service the page uses), 20 plan tasks with quarterly occurrences, two entered measurements per agency;
3. times, each with the number of SQL queries: `round_open` (total and per agency: assessments, scores,
   pre-fill, notifications); `assessment_prefill` of one agency (median of --repeat-prefill runs); filling every
   score in bulk (self-scores, appraisal with some adjustments, survey points, status final) then
   `assessment_refresh_totals` of each assessment; as the overseer through django.test.Client: the ranking page
   (cold: the first render in the process after the URLconf and middleware are loaded; warm: median of
   --repeat), one assessment page, the ranking's Excel and one agency's `bang-diem.xlsx`; and the Excel of every
   agency's table (the round's summary `tong-hop.xlsx` against the 5 s target; for comparison, every agency's
   own table made one by one with `exports.assessment_to_xlsx`);
4. prints a table: figure, target, met or not. Targets (2 cores): pre-fill of one agency-year < 1 s; ranking
   page < 200 ms; Excel export < 5 s. `--profile` adds, for each repeatable step that misses its target, one
   more run under cProfile: the project's functions by cumulative time, all functions by own time, and the SQL
   statements repeated most. Timings depend on the machine's load: the script prints the load average.

When `round_open` fails (on PostgreSQL it did: FOR UPDATE on the nullable side of an outer join), the error is
printed and the round opened again with the criteria set's lock on its own row only, so the rest is measured.
The process exits 1 when a target is missed or a step fails.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
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
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"

TARGET_PREFILL_S = 1.0
TARGET_RANKING_MS = 200.0
TARGET_EXCEL_S = 5.0

# The areas of the sample set (apps/scoring/samples/so.json), their maxima adding up to 100; the last by survey.
AREAS = (
    ("Công tác chỉ đạo, điều hành CCHC", "10"),
    ("Cải cách thể chế", "10"),
    ("Cải cách thủ tục hành chính", "14.5"),
    ("Cải cách tổ chức bộ máy", "11"),
    ("Cải cách chế độ công vụ", "16"),
    ("Cải cách tài chính công", "7"),
    ("Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", "16"),
    ("Mức độ hài lòng của người dân, tổ chức (điều tra xã hội học)", "15.5"),
)
# Computed criteria: (area index, indicator code, rule kind); dossier rates from the import, the task
# completion rate from plan occurrences, two figures entered as measurements.
COMPUTED = (
    (0, "task_completion_rate", "tiered"),
    (0, "article_count", "count_target"),
    (2, "dossier_on_time_rate", "tiered"),
    (2, "dossier_early_rate", "proportional"),
    (2, "dossier_apology_rate", "tiered"),
    (2, "online_procedure_rate", "proportional"),
    (6, "dossier_online_rate", "proportional"),
    (6, "dossier_online_payment_rate", "proportional"),
    (6, "dossier_digitised_rate", "tiered"),
    (6, "dossier_e_result_rate", "proportional"),
)
SELF_KINDS = ("manual", "tiered", "yes_no", "timeliness", "proportional", "manual", "yes_no", "deduction")
CENT = Decimal("0.01")


def agency_code(index: int) -> str:
    return f"BP-S{index:03d}"


def agency_quality(index: int) -> float:
    """How well an agency does (0.55–0.99), so the ranking has a spread."""
    return 0.55 + 0.44 * random.Random(index * 7919).random()


# -- the criteria set ----------------------------------------------------------------------------------------
def _half(points: Decimal) -> Decimal:
    return (points / 2).quantize(CENT, rounding=ROUND_DOWN)


def _rule(kind: str, points: Decimal, label: str = "Tỷ lệ") -> dict[str, object]:
    if kind == "manual":
        return {"kind": "manual", "guide": "Chấm theo hướng dẫn trong quyết định của tỉnh."}
    if kind == "tiered":
        return {
            "kind": "tiered",
            "label": label,
            "tiers": [
                {"points": str(points), "lower": "90", "lower_inclusive": False},
                {
                    "points": str(_half(points)),
                    "lower": "70",
                    "lower_inclusive": True,
                    "upper": "90",
                    "upper_inclusive": True,
                },
                {"points": "0", "upper": "70", "upper_inclusive": False},
            ],
        }
    if kind == "yes_no":
        return {"kind": "yes_no", "yes_label": "Có thực hiện", "no_label": "Không thực hiện"}
    if kind == "timeliness":
        return {"kind": "timeliness", "on_time": str(points), "late": str(_half(points)), "missing": "0"}
    if kind == "proportional":
        return {"kind": "proportional", "label": label}
    if kind == "count_target":
        return {"kind": "count_target", "target": 24, "unit": "tin, bài"}
    if kind == "deduction":
        return {"kind": "deduction", "per_item": str(_half(_half(points)) or CENT)}
    raise ValueError(kind)


def _split(total: Decimal, count: int) -> list[Decimal]:
    """``count`` maxima adding up to ``total`` exactly (two decimals, the rest on the last)."""
    each = (total / count).quantize(CENT, rounding=ROUND_DOWN)
    return [each] * (count - 1) + [total - each * (count - 1)]


def _area_counts(criteria: int) -> list[int]:
    """Scorable criteria per area: about 8 for the survey, the rest in proportion to each area's maximum."""
    survey = max(1, round(criteria * 0.08))
    rest = criteria - survey
    weights = [Decimal(points) for _, points in AREAS[:-1]]
    counts = [max(2, int(rest * weight / sum(weights))) for weight in weights]
    counts[-1] += rest - sum(counts)
    return [*counts, survey]


def criteria_set_data(criteria: int, year: int) -> dict[str, Any]:
    """The JSON shape `criteria_set_load` reads (apps/scoring/samples/so.json): areas, criteria, and every third
    group of three sub-criteria under a parent criterion (tiêu chí thành phần)."""
    rows: list[dict[str, Any]] = []
    kinds = iter(SELF_KINDS * criteria)
    for area_index, ((title, maximum), count) in enumerate(zip(AREAS, _area_counts(criteria), strict=True)):
        area_code = str(area_index + 1)
        survey = area_index == len(AREAS) - 1
        rows.append(
            {
                "code": area_code,
                "parent": None,
                "title": title,
                "max_points": maximum,
                "method": "survey" if survey else "self_assessed",
            }
        )
        computed = [(code, kind) for area, code, kind in COMPUTED if area == area_index]
        points = iter(_split(Decimal(maximum), count))
        left, number = count, 0
        while left:
            number += 1
            size = 3 if number % 3 == 0 and left >= 3 and not survey else 1
            parent = area_code
            if size == 3:
                parent = f"{area_code}.{number}"
                children_points = [next(points) for _ in range(3)]
                rows.append(
                    {
                        "code": parent,
                        "parent": area_code,
                        "title": f"Tiêu chí {parent}: nhóm nội dung của lĩnh vực",
                        "max_points": str(sum(children_points, Decimal(0))),
                        "method": "self_assessed",
                    }
                )
                codes = [f"{parent}.{k}" for k in (1, 2, 3)]
            else:
                children_points = [next(points)]
                codes = [f"{area_code}.{number}"]
            for code, leaf_points in zip(codes, children_points, strict=True):
                row: dict[str, Any] = {
                    "code": code,
                    "parent": parent,
                    "title": f"Tiêu chí {code}: nội dung đánh giá theo quyết định của tỉnh",
                    "max_points": str(leaf_points),
                    "evidence": "Văn bản, báo cáo chứng minh kết quả thực hiện.",
                    "guide": "Theo hướng dẫn chấm điểm của tỉnh.",
                }
                if survey:
                    row.update(method="survey", rule=_rule("proportional", leaf_points, "Chỉ số hài lòng"))
                elif computed:
                    source, kind = computed.pop(0)
                    row.update(method="computed", source=source, rule=_rule(kind, leaf_points))
                else:
                    row.update(method="self_assessed", rule=_rule(next(kinds), leaf_points))
                rows.append(row)
            left -= size
    return {
        "name": f"Chỉ số CCHC các Sở tỉnh Thử tải {year}",
        "level": "so",
        "year": year,
        "total_points": "100",
        "decision_number": "99/QĐ-UBND",
        "criteria": rows,
    }


# -- the data behind the computed figures ----------------------------------------------------------------------
def dossiers_csv(path: Path, agencies: int, per_agency: int, year: int) -> int:
    """A year of dossiers of every agency (the import's CSV), each agency on time as often as its quality."""
    from domain.dossier_import.columns import COLUMNS

    rnd = random.Random(year)
    start = datetime(year, 1, 1, 7, 30)
    minutes = 350 * 24 * 60
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(agencies):
            quality = agency_quality(index)
            code = agency_code(index)
            for number in range(per_agency):
                received = start + timedelta(minutes=rnd.randrange(minutes))
                due = received + timedelta(days=rnd.randint(3, 20))
                late = rnd.random() > quality
                resolved: datetime | None = received + timedelta(
                    days=rnd.randint(0, max(0, (due - received).days)), minutes=rnd.randrange(600)
                )
                if late:
                    resolved = due + timedelta(days=rnd.randint(1, 10)) if rnd.random() < 0.8 else None
                if resolved is not None and resolved.year > year:
                    resolved = None
                apology = due - timedelta(days=rnd.randint(1, 3)) if late and rnd.random() < quality else None
                fee = rnd.choice((0, 0, 50000, 100000))
                writer.writerow(
                    (
                        f"{code}-{number:07d}",
                        code,
                        "",
                        f"1.{10000 + (index * 7 + number) % 300:06d}",
                        "Thủ tục cấp, điều chỉnh giấy phép",
                        rnd.choice(("toan_trinh", "mot_phan", "khac")),
                        "truc_tuyen" if rnd.random() < quality else "truc_tiep",
                        received.strftime("%d/%m/%Y %H:%M"),
                        due.strftime("%d/%m/%Y"),
                        resolved.strftime("%d/%m/%Y %H:%M") if resolved else "",
                        resolved.strftime("%d/%m/%Y") if resolved else "",
                        fee,
                        int(fee > 0 and rnd.random() < quality),
                        int(rnd.random() < quality),
                        int(rnd.random() < quality),
                        apology.strftime("%d/%m/%Y") if apology else "",
                        1 if apology else 0,
                    )
                )
                rows += 1
    return rows


@dataclass
class World:
    province: Any
    agencies: list[Any]
    overseer: Any
    criteria_set: Any
    dossiers: int
    occurrences: int
    seconds: dict[str, float]


def build(agency_count: int, criteria: int, per_agency: int, year: int, workdir: Path) -> World:
    from django.db import transaction

    from apps.accounts.choices import Role
    from apps.accounts.models import RoleAssignment, User
    from apps.dossiers.services import dossier_import
    from apps.indicators.models import Indicator, Measurement
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Unit
    from apps.plans.models import Plan
    from apps.scoring.services import criteria_set_load, criteria_set_put_in_force
    from apps.tasks.models import Occurrence, Task

    seconds: dict[str, float] = {}
    started = time.perf_counter()
    with transaction.atomic():
        province = Agency.objects.create(code="BP", name="UBND tỉnh Thử tải", level=AgencyLevel.PROVINCE)
        Agency.objects.bulk_create(
            Agency(
                code=agency_code(i),
                name="Sở Nội vụ tỉnh Thử tải" if i == 0 else f"Sở Thử tải số {i:03d}",
                short_name="Sở Nội vụ" if i == 0 else f"Sở số {i:03d}",
                level=AgencyLevel.DEPARTMENT,
                parent=province,
            )
            for i in range(agency_count)
        )
        agencies = list(Agency.objects.filter(parent=province).order_by("code"))
        Unit.objects.bulk_create(
            Unit(agency=agency, code="VP", name="Văn phòng Sở", kind="office", is_focal=True)
            for agency in agencies
        )
        overseer = User.objects.create_user("bench.noivu", first_name="Tổ thẩm định Sở Nội vụ")
        RoleAssignment.objects.create(user=overseer, agency=agencies[0], role=Role.OVERSEER)
        User.objects.bulk_create(
            User(username=f"bench.daumoi.{agency.code.lower()}", password="!", first_name="Đầu mối CCHC")
            for agency in agencies
        )
        focal = {user.username: user for user in User.objects.filter(username__startswith="bench.daumoi.")}
        RoleAssignment.objects.bulk_create(
            RoleAssignment(
                user=focal[f"bench.daumoi.{agency.code.lower()}"], agency=agency, role=Role.FOCAL_POINT
            )
            for agency in agencies
        )
        # plan tasks: 20 per agency, quarterly, accepted on time as often as the agency's quality
        Plan.objects.bulk_create(
            Plan(agency=agency, title=f"Kế hoạch CCHC năm {year}", issued_on=date(year, 1, 10))
            for agency in agencies
        )
        plans = {plan.agency_id: plan for plan in Plan.objects.filter(agency__in=agencies)}
        Task.objects.bulk_create(
            (
                Task(
                    agency=agency,
                    plan=plans[agency.pk],
                    ref=str(k + 1),
                    title=f"Nhiệm vụ số {k + 1} của kế hoạch CCHC",
                    order=k,
                )
                for agency in agencies
                for k in range(20)
            ),
            batch_size=2000,
        )
        rnd = random.Random(year)
        quality = {agency.pk: agency_quality(i) for i, agency in enumerate(agencies)}
        occurrences = []
        for task_id, agency_id in Task.objects.filter(plan__in=plans.values()).values_list("id", "agency_id"):
            for quarter in range(1, 5):
                due = date(year, 3 * quarter, 28)
                on_time = rnd.random() < quality[agency_id]
                occurrences.append(
                    Occurrence(
                        task_id=task_id,
                        seq=quarter,
                        label=f"Quý {quarter}",
                        due_on=due,
                        percent=100,
                        completed_on=due - timedelta(days=3) if on_time else due + timedelta(days=12),
                        accepted_on=due - timedelta(days=2) if on_time else due + timedelta(days=14),
                    )
                )
        Occurrence.objects.bulk_create(occurrences, batch_size=5000)
        indicators = {
            i.code: i for i in Indicator.objects.filter(code__in=["article_count", "online_procedure_rate"])
        }
        Measurement.objects.bulk_create(
            Measurement(
                indicator=indicators[code],
                agency=agency,
                period=str(year),
                period_start=date(year, 1, 1),
                period_end=date(year, 12, 31),
                value=Decimal(value),
                provenance="Sở tự nhập (thử tải)",
            )
            for agency in agencies
            for code, value in (
                ("article_count", rnd.randint(6, 40)),
                ("online_procedure_rate", round(100 * quality[agency.pk], 1)),
            )
        )
    seconds["agencies, users, tasks"] = time.perf_counter() - started

    started = time.perf_counter()
    criteria_set = criteria_set_load(data=criteria_set_data(criteria, year), agency=province)
    criteria_set = criteria_set_put_in_force(criteria_set=criteria_set)
    seconds["criteria set"] = time.perf_counter() - started

    path = workdir / "ho-so.csv"
    started = time.perf_counter()
    rows = dossiers_csv(path, agency_count, per_agency, year)
    seconds["dossier CSV written"] = time.perf_counter() - started
    started = time.perf_counter()
    with path.open("rb") as stream:
        batch = dossier_import(stream=stream, filename=path.name)
    seconds["dossier import"] = time.perf_counter() - started
    if batch.rows_good != rows:
        raise SystemExit(
            f"Nhập hồ sơ: {batch.rows_good}/{rows} dòng hợp lệ ({batch.status}: {batch.message})."
        )
    path.unlink()
    return World(province, agencies, overseer, criteria_set, rows, len(occurrences), seconds)


# -- scores as agencies and the appraisal team would have entered them -----------------------------------------
def _self_entry(kind: str, points: Decimal, quality: float, rnd: random.Random) -> dict[str, object]:
    good = rnd.random() < quality
    if kind == "manual":
        share = Decimal(str(round(quality if good else quality / 2, 2)))
        return {"points": str((points * share).quantize(CENT)), "reason": "Tự chấm theo hướng dẫn của tỉnh"}
    if kind in ("tiered", "proportional"):
        return {"value": f"{100 * quality * (1 if good else 0.8):.1f}"}
    if kind == "yes_no":
        return {"value": "có" if good else "không"}
    if kind == "timeliness":
        return {"value": "on_time" if good else "late"}
    if kind == "deduction":
        return {"value": "0" if good else str(rnd.randint(1, 3))}
    if kind == "count_target":
        return {"value": str(rnd.randint(10, 40))}
    return {"points": "0", "reason": "Không có số liệu"}


def fill_scores(round_: Any) -> tuple[int, int]:
    """Every score entered, appraised and final, written in bulk (no service, no audit): self-scores by each
    criterion's rule, the appraisal accepting 95% and adjusting the rest with a reason and an explanation, the
    survey points; every assessment final. Returns (scores, adjusted)."""
    from django.db import transaction
    from django.utils import timezone

    from apps.par.choices import AssessmentStatus, Verdict
    from apps.par.models import Assessment, Score

    rnd = random.Random(2026)
    quality = {}
    for assessment in Assessment.objects.filter(round=round_).select_related("agency"):
        quality[assessment.pk] = agency_quality(int(assessment.agency.code.rsplit("S", 1)[1]))
    scores = list(Score.objects.filter(assessment__round=round_).select_related("criterion"))
    adjusted = 0
    for score in scores:
        criterion = score.criterion
        kind = (criterion.rule or {}).get("kind", "manual")
        points = criterion.max_points or Decimal(0)
        agency_quality_ = quality[score.assessment_id]
        if criterion.method == "survey":
            score.survey_entry = {
                "value": f"{100 * agency_quality_ * rnd.uniform(0.9, 1):.2f}",
                "reason": "Kết quả điều tra xã hội học",
            }
            continue
        if not score.self_entry:
            score.self_entry = _self_entry(kind, points, agency_quality_, rnd)
        if rnd.random() < 0.05:
            score.verdict = Verdict.ADJUSTED
            score.appraisal_entry = {
                "points": str(_half(points)),
                "reason": "Tài liệu kiểm chứng chưa đầy đủ",
            }
            score.appraisal_reason = "Tài liệu kiểm chứng chưa đầy đủ"
            score.response = "Cơ quan đã bổ sung báo cáo nhưng chưa có văn bản ban hành."
            adjusted += 1
        else:
            score.verdict = Verdict.ACCEPTED
            score.appraisal_entry = score.self_entry
    with transaction.atomic():
        Score.objects.bulk_update(
            scores,
            ["self_entry", "survey_entry", "verdict", "appraisal_entry", "appraisal_reason", "response"],
            batch_size=1000,
        )
        now = timezone.now()
        Assessment.objects.filter(round=round_).update(
            status=AssessmentStatus.FINAL, submitted_at=now, appraised_at=now, finalized_at=now
        )
    return len(scores), adjusted


# -- measuring -------------------------------------------------------------------------------------------------
class QueryCount:
    """Counts the SQL statements run on the default connection (a cheap execute wrapper, no debug cursor)."""

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


def measure(action: Callable[[], object], repeat: int) -> tuple[float, float, int]:
    """(first run in s, median of the next `repeat` runs in s, queries of one run)."""
    with counted() as counter:
        started = time.perf_counter()
        action()
        first = time.perf_counter() - started
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return first, statistics.median(samples) if samples else first, counter.count


@dataclass
class Figure:
    label: str
    seconds: float
    queries: int | None = None
    target: float | None = None  # seconds
    note: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.seconds < self.target


def _shown(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def _target(seconds: float | None) -> str:
    if seconds is None:
        return ""
    return f"< {seconds * 1000:.0f} ms" if seconds < 1 else f"< {seconds:g} s"


SQL_SHAPE = re.compile(r"\b\d+\b|'[^']*'|%s|\?")


def profile(action: Callable[[], object], lines: int = 14) -> str:
    """What one run of `action` spends its time on (cProfile, cumulative) and the SQL it repeats most."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as captured:
        profiler.enable()
        action()
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(r"/(apps|domain)/", lines)  # the project's own functions
    text = out.getvalue()
    own = io.StringIO()
    pstats.Stats(profiler, stream=own).sort_stats("tottime").print_stats(8)  # where the time is spent itself
    own_text = own.getvalue()
    shapes = Counter(SQL_SHAPE.sub("?", query["sql"])[:150] for query in captured.captured_queries)
    repeated = "\n".join(f"  {count:>6} × {sql}" for sql, count in shapes.most_common(6))
    return (
        f"{len(captured.captured_queries)} truy vấn SQL; hàm của dự án theo thời gian tích lũy:\n"
        f"{text[text.find('   ncalls') :].rstrip()}\n  theo thời gian riêng:\n"
        f"{own_text[own_text.find('   ncalls') :].rstrip()}\n  truy vấn lặp nhiều nhất:\n{repeated}"
    )


class Bench:
    """The figures measured so far, and the profiles of those that missed their target (with --profile)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.figures: list[Figure] = []
        self.profiles: list[tuple[str, str]] = []
        self.problems: list[str] = []

    def add(self, figure: Figure, action: Callable[[], object] | None = None) -> None:
        """Record a figure; profile one more run of `action` when it missed (or always with --profile-all)."""
        self.figures.append(figure)
        if action is not None and (self.args.profile_all or (self.args.profile and figure.met is False)):
            self.profiles.append((figure.label, profile(action)))

    def repeated(
        self, label: str, action: Callable[[], object], repeat: int, target: float | None = None
    ) -> None:
        first, median, queries = measure(action, repeat)
        self.add(
            Figure(f"{label}, trung vị {repeat}", median, queries, target, f"lần đầu {_shown(first)}"), action
        )

    def report(self) -> int:
        width = max(len(figure.label) for figure in self.figures)
        print(f"\n{'':<{width}}  {'đo được':>10}  {'truy vấn':>9}  {'mục tiêu':>9}  kết quả")
        for figure in self.figures:
            verdict = {None: "", True: "ĐẠT", False: "CHƯA ĐẠT"}[figure.met]
            queries = "" if figure.queries is None else f"{figure.queries:,}"
            note = f"  ({figure.note})" if figure.note else ""
            print(
                f"{figure.label:<{width}}  {_shown(figure.seconds):>10}  {queries:>9}  "
                f"{_target(figure.target):>9}  {verdict:<8}{note}"
            )
        print("(truy vấn: số câu SQL của một lần chạy, hoặc của cả bước với các dòng “tổng”)")
        for label, text in self.profiles:
            print(f"\n--- hồ sơ thời gian: {label} ---\n{text}")
        for problem in self.problems:
            print(f"\nLỖI: {problem}")
        missed = [figure for figure in self.figures if figure.met is False]
        print(f"\nTải máy lúc kết thúc (1 phút): {os.getloadavg()[0]:.1f} trên {os.cpu_count()} CPU.")
        verdict = "ĐẠT cả" if not missed else f"CHƯA ĐẠT {len(missed)} mục"
        print(f"Mục tiêu: {verdict}" + (f"; {len(self.problems)} lỗi." if self.problems else "."))
        return 1 if missed or self.problems else 0


def prefill_summary(assessment: Any) -> str:
    """The computed criteria of one assessment as pre-filled: code, indicator, figure and points."""
    from apps.par.models import Score

    parts = []
    for score in (
        Score.objects.filter(assessment=assessment)
        .exclude(criterion__source="")
        .select_related("criterion")
        .order_by("criterion__order")
    ):
        figure = score.computed_value[:8] or "—"
        points = (
            "—" if score.computed_points is None else f"{score.computed_points}/{score.criterion.max_points}"
        )
        if score.self_points != score.computed_points:
            points += f" (tự đánh giá {score.self_points}, từ “{score.self_value.value}”)"
        parts.append(f"{score.criterion.code} {score.criterion.source} {figure} → {points}")
    return "; ".join(parts)


@contextmanager
def lock_criteria_set_row_only() -> Iterator[None]:
    """`select_for_update()` on criteria sets locks the set's own row only (``of=("self",)``), for this block."""
    from django.db.models.query import QuerySet

    from apps.scoring.models import CriteriaSet

    original = QuerySet.select_for_update

    def select_for_update(self: QuerySet[Any], *args: Any, **kwargs: Any) -> QuerySet[Any]:
        if self.model is CriteriaSet and not args and not kwargs.get("of"):
            kwargs["of"] = ("self",)
        return original(self, *args, **kwargs)

    QuerySet.select_for_update = select_for_update  # type: ignore[method-assign, assignment]
    try:
        yield
    finally:
        QuerySet.select_for_update = original  # type: ignore[method-assign]


def run(args: argparse.Namespace, workdir: Path) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import NotSupportedError, connection
    from django.test import Client
    from django.urls import get_resolver, reverse
    from django.utils import timezone

    from apps.par import exports, selectors, services
    from apps.par.models import Assessment, Score
    from apps.scoring.selectors import set_tree

    today = timezone.localdate()
    year = today.year - 1  # the PAR INDEX scores the year just ended
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_seconds = time.perf_counter() - started
    world = build(args.agencies, args.criteria, args.dossiers, year, workdir)
    print(
        f"PAR INDEX · {'PostgreSQL' if connection.vendor == 'postgresql' else 'SQLite'} · {args.agencies} Sở × "
        f"{args.criteria} tiêu chí · năm {year} · {world.dossiers:,} hồ sơ, {world.occurrences:,} kỳ nhiệm vụ · "
        f"{os.cpu_count()} CPU, tải máy {os.getloadavg()[0]:.1f}"
    )
    print(
        f"Chuẩn bị: migrate {migrate_seconds:.1f} s; "
        + "; ".join(f"{name} {seconds:.1f} s" for name, seconds in world.seconds.items()),
        flush=True,
    )
    bench = Bench(args)

    # 1. Sở Nội vụ opens the round: every agency's assessment, its scores, the pre-fill, the notifications.
    day = today + timedelta(days=1)

    def open_round() -> Any:
        return services.round_open(
            user=world.overseer,
            criteria_set=world.criteria_set,
            self_deadline=day + timedelta(days=10),
            appraisal_deadline=day + timedelta(days=20),
            explanation_deadline=day + timedelta(days=30),
            final_deadline=day + timedelta(days=40),
        )

    note = ""
    try:
        with counted() as counter:
            started = time.perf_counter()
            round_ = open_round()
            opened = time.perf_counter() - started
    except NotSupportedError as error:
        # PostgreSQL refuses FOR UPDATE on the nullable side of an outer join: round_open locks the set with
        # select_related("agency"), a nullable foreign key. Reported, then measured with the lock on the set's
        # own row only (what `select_for_update(of=("self",))` would do), so the other figures exist.
        bench.problems.append(
            f"round_open lỗi trên {connection.vendor}: {str(error).strip()} — apps/par/services.py round_open: "
            'CriteriaSet.objects.select_for_update().select_related("agency"), agency là khóa ngoại có thể rỗng '
            '(LEFT OUTER JOIN). Đo tiếp với khóa chỉ dòng của bộ tiêu chí (of=("self",)).'
        )
        note = 'khóa of=("self",), xem lỗi bên dưới'
        with lock_criteria_set_row_only(), counted() as counter:
            started = time.perf_counter()
            round_ = open_round()
            opened = time.perf_counter() - started
    assessments = list(
        Assessment.objects.filter(round=round_).select_related("round__criteria_set", "agency").order_by("pk")
    )
    count = len(assessments)
    score_count = Score.objects.filter(assessment__round=round_).count()
    bench.add(
        Figure(f"round_open: {count} cơ quan, {score_count:,} điểm tiêu chí, tổng", opened, counter.count)
    )
    bench.add(
        Figure(
            "round_open: mỗi cơ quan (tạo, điền sẵn, thông báo)",
            opened / count,
            counter.count // count,
            TARGET_PREFILL_S,
            note,
        )
    )

    # 2. One agency pre-fills again (the page's “Cập nhật số liệu”).
    sample = next(a for a in assessments if a.agency.code == agency_code(1))
    filled = services.assessment_prefill(assessment=sample)
    bench.repeated(
        f"assessment_prefill một cơ quan ({filled} tiêu chí tính từ dữ liệu)",
        lambda: services.assessment_prefill(assessment=sample),
        args.repeat_prefill,
        TARGET_PREFILL_S,
    )
    summary = prefill_summary(sample)

    client = Client()
    client.force_login(world.overseer)
    get_resolver().reverse_dict  # noqa: B018  (a running server has its URLconf loaded)
    client.get(reverse("par:home"))  # middleware, session, base template: loaded once per process

    def get(url: str) -> Callable[[], object]:
        def action() -> object:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            return response

        return action

    assessment_url = reverse("par:assessment", args=[sample.pk])
    bench.repeated("trang bản đánh giá, đang tự đánh giá", get(assessment_url), args.repeat)

    # 3. Every score entered and appraised (in bulk), then each assessment's totals through the service.
    scores, adjusted = fill_scores(round_)
    with counted() as counter:
        started = time.perf_counter()
        for assessment in assessments:
            services.assessment_refresh_totals(assessment=assessment)
        refreshed = time.perf_counter() - started
    bench.add(
        Figure(
            f"assessment_refresh_totals ×{count} ({scores:,} điểm, {adjusted} điều chỉnh), tổng",
            refreshed,
            counter.count,
        )
    )
    bench.add(Figure("assessment_refresh_totals: mỗi cơ quan", refreshed / count, counter.count // count))

    criteria_set = round_.criteria_set
    bench.repeated(
        f"set_tree của bộ {args.criteria} tiêu chí (mỗi lần đọc một bản đánh giá)",
        lambda: set_tree(criteria_set=criteria_set),
        args.repeat,
    )

    # 4. Pages and exports as the Sở Nội vụ overseer.
    ranking_url = reverse("par:ranking", args=[round_.pk])
    first, median, queries = measure(get(ranking_url), args.repeat)
    target = TARGET_RANKING_MS / 1000
    bench.add(Figure("trang xếp hạng, lần đầu", first, queries, target))
    bench.add(
        Figure(f"trang xếp hạng, ấm, trung vị {args.repeat}", median, queries, target), get(ranking_url)
    )
    bench.repeated("trang bản đánh giá, đã chốt (điểm bị mất)", get(assessment_url), args.repeat)
    bench.repeated(
        "Excel xếp hạng (xep-hang.xlsx)",
        get(reverse("par:ranking_export", args=[round_.pk])),
        5,
        TARGET_EXCEL_S,
    )
    bench.repeated(
        "Excel bảng điểm một cơ quan (bang-diem.xlsx)",
        get(reverse("par:assessment_export", args=[sample.pk])),
        5,
        TARGET_EXCEL_S,
    )

    bench.repeated(
        f"Excel tổng hợp cả đợt, {count} cơ quan × mọi tiêu chí (tong-hop.xlsx)",
        get(reverse("par:round_export", args=[round_.pk])),
        3,
        TARGET_EXCEL_S,
    )

    parts = {"view": 0.0, "xlsx": 0.0}

    def every_table() -> int:
        size = 0
        for assessment in assessments:
            started = time.perf_counter()
            view = selectors.assessment_view(assessment=assessment)
            parts["view"] += time.perf_counter() - started
            started = time.perf_counter()
            size += len(exports.assessment_to_xlsx(view))
            parts["xlsx"] += time.perf_counter() - started
        return size

    with counted() as counter:
        started = time.perf_counter()
        size = every_table()
        everything = time.perf_counter() - started
    view_seconds, xlsx_seconds = parts["view"], parts["xlsx"]
    bench.add(
        Figure(
            f"({count} tệp bảng điểm riêng, assessment_to_xlsx từng bản, để so sánh), tổng",
            everything,
            counter.count,
            None,
            f"{size / 1_048_576:.1f} MB, {_shown(everything / count)} mỗi bản: assessment_view "
            f"{_shown(view_seconds)}, assessment_to_xlsx {_shown(xlsx_seconds)}",
        ),
        every_table,
    )

    ranked = Assessment.objects.filter(round=round_).order_by("-index_percent")
    top, bottom = ranked.first(), ranked.last()
    print(f"Điền sẵn của {sample.agency.name}: {summary}")
    if top is not None and bottom is not None:
        print(f"Chỉ số: cao nhất {top.index_percent}%, thấp nhất {bottom.index_percent}%")
    return bench.report()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--agencies", type=int, default=150, help="số Sở (mặc định 150)")
    parser.add_argument(
        "--criteria", type=int, default=100, help="số tiêu chí chấm điểm (mặc định 100, ít nhất 30)"
    )
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL 127.0.0.1:5432 thay cho SQLite")
    parser.add_argument(
        "--dossiers", type=int, default=2000, help="hồ sơ mỗi cơ quan trong năm (mặc định 2000)"
    )
    parser.add_argument("--repeat", type=int, default=20, help="số lần đo trang ấm (mặc định 20)")
    parser.add_argument("--repeat-prefill", type=int, default=7, help="số lần đo điền sẵn (mặc định 7)")
    parser.add_argument("--profile", action="store_true", help="hồ sơ thời gian của mục chưa đạt")
    parser.add_argument("--profile-all", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.agencies < 2 or args.criteria < 30:
        parser.error("cần ít nhất 2 cơ quan và 30 tiêu chí")
    args.profile = args.profile or args.profile_all

    workdir = Path(tempfile.mkdtemp(prefix="cchc-bench-par-"))
    pg_name = f"cchc_bench_par_{os.getpid()}"
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
        return run(args, workdir)
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
