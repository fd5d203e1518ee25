"""Load test of the public SIPAS survey against the production server (`cchc serve`, gunicorn) on this machine.

Run:  .venv/bin/python bench/survey_load.py [--duration 60] [--rate 100] [--postgres] [--mode form|api]

What it does:
1. a fresh database — SQLite in a temporary folder, or with --postgres a new database on 127.0.0.1:5432 (user
   postgres) that is dropped afterwards — migrated, with one agency, an open campaign on the Bộ Nội vụ template
   and two counters;
2. `cchc serve` on a free loopback port (gunicorn, --workers/--threads), TRUSTED_PROXY_COUNT=1 so each simulated
   phone gets its own address through X-Forwarded-For (the per-address limit stays on);
3. an open-loop driver (threads, standard library only): submission i starts at i/rate seconds whatever the
   server's speed; in form mode each submission loads the page (GET, which issues the form key) and posts it,
   in api mode it posts JSON to the public API. The mix: 70 % dossier links (result slip), 23 % counter links,
   3 % retries of an accepted submission with the same key (must store nothing), 2 % second submissions for
   an already used dossier (must be refused), 2 % invalid forms (a required answer missing);
4. prints p50/p95/p99 latency of the submissions (and of the page loads), counts by outcome, and checks in the
   database that every accepted submission is stored exactly once and nothing else is.

The process exits 1 when the check fails or p95 of the submissions is 200 ms or more.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_P95_MS = 200.0
FORM_KEY = re.compile(r'name="form_key" value="([^"]+)"')


@dataclass
class Job:
    index: int
    at: float
    kind: str  # dossier | counter | retry | duplicate | invalid
    path: str
    address: str
    answers: dict[str, str]
    dossier: str | None = None


@dataclass
class Outcome:
    job: Job
    started: float = 0.0
    get_ms: float | None = None
    post_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    key: str | None = None
    error: str = ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


# Setup and verification run in this process with the server's settings and database.


def django_setup(env: dict[str, str]) -> None:
    os.environ.update(env)
    import django

    django.setup()


def build_fixture(rate: int, duration: int, seed: int) -> dict[str, object]:
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Agency, Unit
    from apps.surveys import links, services
    from apps.surveys.models import Questionnaire

    call_command("migrate", interactive=False, verbosity=0)
    agency = Agency.objects.create(code="BENCH", name="Sở Thử tải", level=AgencyLevel.DEPARTMENT)
    unit = Unit.objects.create(agency=agency, code="MC", name="Bộ phận Một cửa", is_focal=True)
    today = timezone.localdate()
    template = Questionnaire.objects.get(code="BNV-SIPAS-2026")
    campaign = services.campaign_create(
        agency=agency,
        title="Thử tải",
        questionnaire=template,
        period_start=today - timedelta(days=1),
        period_end=today + timedelta(days=30),
        closes_on=today + timedelta(days=30),
        channels=["counter_qr", "result_slip"],
        population=20000,
    )
    services.campaign_set_status(campaign=campaign, status="open")
    counters = [services.counter_create(agency=agency, name=f"Quầy {n}", unit=unit) for n in (1, 2)]
    counter_paths = [
        "/khao-sat/y/"
        + links.make_link_token(
            campaign_id=campaign.pk,
            counter_id=c.pk,
            counter_version=c.link_version,
            expires_on=campaign.closes_on,
        )
        + "/"
        for c in counters
    ]
    questions = list(template.questions.order_by("order").values_list("code", "kind", "counts_toward_index"))
    rng = random.Random(seed)
    count = rate * duration
    jobs: list[dict[str, object]] = []
    used_dossiers: list[str] = []
    for index in range(count):
        roll = rng.random()
        answers = {code: rng.choice("5554443321" + "0") for code, kind, counted in questions if counted}
        if rng.random() < 0.1:
            answers["GY"] = rng.choice(("Cần thêm ghế chờ.", "Cán bộ nhiệt tình.", "=1+1 <b>thử</b>"))
        address = f"10.{(index >> 16) & 255}.{(index >> 8) & 255}.{index & 255}"
        dossier = None
        if roll < 0.70:
            kind = "dossier"
        elif roll < 0.93:
            kind = "counter"
        elif roll < 0.96:
            kind = "retry"
        elif roll < 0.98:
            kind = "duplicate" if len(used_dossiers) >= 100 else "dossier"
        else:
            kind = "invalid"
            answers.pop("CC1", None)
        if kind == "dossier":
            dossier = f"BENCH-{index:06d}"
            used_dossiers.append(dossier)
        elif kind == "duplicate":
            # a dossier submitted about a second earlier (100 submissions back at the nominal rate)
            dossier = used_dossiers[-100]
        if dossier:
            path = (
                "/khao-sat/y/"
                + links.make_link_token(
                    campaign_id=campaign.pk, expires_on=campaign.closes_on, dossier_code=dossier
                )
                + "/"
            )
        else:
            path = counter_paths[index % 2]
        jobs.append(
            {
                "index": index,
                "kind": kind,
                "path": path,
                "address": address,
                "answers": answers,
                "dossier": dossier,
            }
        )
    return {"campaign_id": campaign.pk, "jobs": jobs}


def verify(campaign_id: int, accepted_keys: set[str]) -> dict[str, object]:
    from django.db.models import Count

    from apps.surveys.models import Answer, SurveyResponse

    stored = list(
        SurveyResponse.objects.filter(campaign_id=campaign_id).values_list("idempotency_key", flat=True)
    )
    counts = Counter(stored)
    dossier_dupes = (
        SurveyResponse.objects.filter(campaign_id=campaign_id, dossier_hash__isnull=False)
        .values("dossier_hash")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    return {
        "stored": len(stored),
        "answers": Answer.objects.filter(response__campaign_id=campaign_id).count(),
        "missing": len(accepted_keys - set(counts)),
        "unexpected": len(set(counts) - accepted_keys),
        "stored_twice": sum(1 for n in counts.values() if n > 1),
        "dossier_twice": dossier_dupes,
    }


# The driver: a dispatcher thread releases each job at its time; worker threads run it on a fresh connection.


def run_job(job: Job, port: int, mode: str) -> Outcome:
    outcome = Outcome(job)
    outcome.started = time.perf_counter()
    headers = {"X-Forwarded-For": job.address, "User-Agent": "cchc-bench/1"}
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        if mode == "api":
            token = job.path.split("/y/")[1].rstrip("/")
            key = "bench-" + secrets.token_hex(12)
            body = json.dumps({"idempotency_key": key, "answers": job.answers}).encode()
            target = f"/api/v1/surveys/public/{token}/responses"
            post_headers = {**headers, "Content-Type": "application/json"}
            outcome.key = f"a{{campaign}}-{key}"
        else:
            start = time.perf_counter()
            connection.request("GET", job.path, headers=headers)
            page = connection.getresponse()
            html = page.read().decode("utf-8", "replace")
            outcome.get_ms = (time.perf_counter() - start) * 1000
            match = FORM_KEY.search(html)
            if page.status != 200 or match is None:
                outcome.error = f"GET {page.status}"
                return outcome
            form_key = match.group(1)
            outcome.key = form_key.split(":")[0]
            body = urllib.parse.urlencode({"form_key": form_key, "website": "", **job.answers}).encode()
            target = job.path
            post_headers = {**headers, "Content-Type": "application/x-www-form-urlencoded"}
        for _ in range(2 if job.kind == "retry" else 1):
            start = time.perf_counter()
            connection.request("POST", target, body=body, headers=post_headers)
            response = connection.getresponse()
            response.read()
            outcome.post_ms.append((time.perf_counter() - start) * 1000)
            outcome.statuses.append(response.status)
    except Exception as error:
        outcome.error = type(error).__name__
    finally:
        connection.close()
    return outcome


def drive(jobs: list[Job], port: int, mode: str, threads: int) -> tuple[list[Outcome], list[float]]:
    work: queue.Queue[Job | None] = queue.Queue()
    results: list[Outcome] = []
    lateness: list[float] = []
    lock = threading.Lock()

    def worker() -> None:
        while True:
            job = work.get()
            if job is None:
                return
            outcome = run_job(job, port, mode)
            with lock:
                results.append(outcome)
                lateness.append((outcome.started - job.at) * 1000)

    pool = [threading.Thread(target=worker, daemon=True) for _ in range(threads)]
    for thread in pool:
        thread.start()
    start = time.perf_counter() + 0.5
    for job in jobs:
        job.at += start
        delay = job.at - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        work.put(job)
    for _ in pool:
        work.put(None)
    for thread in pool:
        thread.join(timeout=120)
    return results, lateness


def wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("Máy chủ dừng khi khởi động (xem thông báo ở trên).")
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/khao-sat/cong-khai/")
            if connection.getresponse().status in (200, 302):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("Máy chủ không trả lời sau 60 giây.")


def session_cpu_seconds(session_id: int) -> float:
    """CPU time (user + system) of every process in the server's session: the gunicorn master and workers."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session_id:  # field 6 of /proc/PID/stat: the session id
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def create_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=60, help="giây (mặc định 60)")
    parser.add_argument("--rate", type=int, default=100, help="lượt gửi mỗi giây (mặc định 100)")
    parser.add_argument("--postgres", action="store_true", help="PostgreSQL 127.0.0.1:5432 thay cho SQLite")
    parser.add_argument("--mode", choices=("form", "api"), default="form")
    parser.add_argument("--workers", type=int, default=2, help="tiến trình gunicorn (mặc định 2)")
    parser.add_argument("--threads", type=int, default=2, help="luồng mỗi tiến trình gunicorn (mặc định 2)")
    parser.add_argument("--clients", type=int, default=64, help="luồng của bộ tạo tải (mặc định 64)")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cchc-survey-load-"))
    pg_name = f"cchc_bench_{os.getpid()}"
    if args.postgres:
        create_pg_database(pg_name)
        database_url = f"postgres://postgres@127.0.0.1:5432/{pg_name}"
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    env = {
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "TRUSTED_PROXY_COUNT": "1",
        "LOG_LEVEL": "ERROR",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
    }
    server: subprocess.Popen[bytes] | None = None
    try:
        django_setup(env)
        fixture = build_fixture(args.rate, args.duration, args.seed)
        from django.db import connections

        connections.close_all()
        campaign_id = int(fixture["campaign_id"])  # type: ignore[call-overload]
        jobs = [
            Job(
                index=item["index"],
                at=item["index"] / args.rate,
                kind=item["kind"],
                path=item["path"],
                address=item["address"],
                answers=item["answers"],
                dossier=item["dossier"],
            )
            for item in fixture["jobs"]  # type: ignore[attr-defined]
        ]
        port = free_port()
        cchc = str(ROOT / ".venv" / "bin" / "cchc")
        command = [
            cchc if os.path.exists(cchc) else "cchc",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        command += ["--workers", str(args.workers), "--threads", str(args.threads)]
        server_log = (workdir / "server.log").open("wb")
        server = subprocess.Popen(
            command,
            env={**os.environ, **env},
            cwd=ROOT,
            start_new_session=True,
            stdout=server_log,
            stderr=server_log,
        )
        wait_for(port, server)
        print(
            f"Thử tải khảo sát SIPAS · {'PostgreSQL' if args.postgres else 'SQLite'} · chế độ {args.mode} · "
            f"{args.rate} lượt gửi/giây × {args.duration} giây · gunicorn {args.workers} tiến trình × "
            f"{args.threads} luồng · cổng {port}",
            flush=True,
        )
        started = time.perf_counter()
        server_cpu = session_cpu_seconds(server.pid)
        driver_cpu = time.process_time()
        outcomes, lateness = drive(jobs, port, args.mode, args.clients)
        elapsed = time.perf_counter() - started
        server_cpu = session_cpu_seconds(server.pid) - server_cpu
        driver_cpu = time.process_time() - driver_cpu
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)

    accepted_keys: set[str] = set()
    tally: Counter[str] = Counter()
    by_kind: Counter[tuple[str, str]] = Counter()
    post_ms: list[float] = []
    get_ms: list[float] = []
    for outcome in outcomes:
        if outcome.error:
            tally["lỗi kết nối / máy chủ"] += 1
            by_kind[(outcome.job.kind, outcome.error)] += 1
            continue
        if outcome.get_ms is not None:
            get_ms.append(outcome.get_ms)
        post_ms.extend(outcome.post_ms)
        first = outcome.statuses[0]
        key = (outcome.key or "").replace("{campaign}", str(campaign_id))
        if first in (200, 201):
            accepted_keys.add(key)
            tally["nhận"] += 1
        elif first == 409:
            tally["từ chối: hồ sơ đã đánh giá"] += 1
        elif first == 422:
            tally["từ chối: phiếu không hợp lệ"] += 1
        elif first == 429:
            tally["từ chối: quá nhiều lượt từ một địa chỉ"] += 1
        else:
            tally[f"HTTP {first}"] += 1
        if len(outcome.statuses) > 1:
            tally[
                "gửi lại cùng khóa → cảm ơn, không lưu thêm"
                if outcome.statuses[1] in (200,)
                else "gửi lại: sai"
            ] += 1
        by_kind[(outcome.job.kind, str(first))] += 1

    django_setup(env)
    check = verify(campaign_id, accepted_keys)
    if args.postgres:
        from django.db import connections

        connections.close_all()
        drop_pg_database(pg_name)
    shutil.rmtree(workdir, ignore_errors=True)

    p50, p95, p99 = (percentile(post_ms, q) for q in (50, 95, 99))
    print(
        f"Thời gian chạy: {elapsed:.1f} giây; {len(outcomes)} lượt gửi ({len(outcomes) / elapsed:.1f}/giây thực tế)"
    )
    print(
        f"Độ trễ gửi phiếu (POST, {len(post_ms)} yêu cầu): p50 {p50:.1f} ms · p95 {p95:.1f} ms · p99 {p99:.1f} ms · "
        f"lớn nhất {max(post_ms or [0]):.1f} ms"
    )
    if get_ms:
        print(
            f"Độ trễ mở trang (GET, {len(get_ms)} yêu cầu): p50 {percentile(get_ms, 50):.1f} ms · "
            f"p95 {percentile(get_ms, 95):.1f} ms · p99 {percentile(get_ms, 99):.1f} ms"
        )
    print(
        f"CPU mỗi lượt gửi: máy chủ {1000 * server_cpu / max(len(outcomes), 1):.1f} ms, bộ tạo tải "
        f"{1000 * driver_cpu / max(len(outcomes), 1):.1f} ms; tải máy (1 phút) {os.getloadavg()[0]:.2f} trên "
        f"{os.cpu_count()} nhân"
    )
    print(
        f"Bộ tạo tải trễ so với lịch: p50 {percentile(lateness, 50):.1f} ms · p99 {percentile(lateness, 99):.1f} ms "
        "(lớn nghĩa là máy tạo tải không theo kịp)"
    )
    for label, count in sorted(tally.items()):
        print(f"  {label}: {count}")
    print(
        "  theo loại lượt gửi:",
        ", ".join(f"{kind} {status}×{n}" for (kind, status), n in sorted(by_kind.items())),
    )
    exact = (
        check["stored"] == len(accepted_keys)
        and check["missing"] == 0
        and check["unexpected"] == 0
        and check["stored_twice"] == 0
        and check["dossier_twice"] == 0
    )
    print(
        f"Kiểm tra CSDL: {check['stored']} phiếu lưu (câu trả lời: {check['answers']}), {len(accepted_keys)} lượt được nhận; "
        f"thiếu {check['missing']}, thừa {check['unexpected']}, lưu hai lần {check['stored_twice']}, "
        f"hồ sơ hai phiếu {check['dossier_twice']} → {'ĐÚNG: mỗi phiếu được nhận lưu đúng một lần' if exact else 'SAI'}"
    )
    ok = exact and p95 < TARGET_P95_MS and not tally["lỗi kết nối / máy chủ"]
    print(f"Mục tiêu p95 < {TARGET_P95_MS:.0f} ms và lưu đúng một lần: {'ĐẠT' if ok else 'CHƯA ĐẠT'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
