"""Median page time over the main pages on the demo data, as each demo role and a visitor open them.

Run: .venv/bin/python bench/pages.py [--repeat N] [--reuse]
Builds the demo (`cchc demo`) into a fresh SQLite database (var/bench-pages.sqlite3; --reuse keeps one built
before), then renders, through Django's test client, the home page and every menu section each role can open,
and the public pages (survey, published results, transparency): one warm-up, then N timed runs of each. Prints
the slowest pages and the median over all of them. Target: under 200 ms.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB_PATH = ROOT / "var" / "bench-pages.sqlite3"
TARGET_MS = 200
ROLES = ("quantri", "noivu", "lanhdao", "daumoi", "truongphong", "chuyenvien")


def setup(reuse: bool) -> None:
    if not (reuse and DB_PATH.exists()):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{DB_PATH}{suffix}").unlink(missing_ok=True)
    DB_PATH.parent.mkdir(exist_ok=True)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{DB_PATH}"
    import django

    django.setup()
    # A menu section a role may not open answers 403; its log line is not a result.
    logging.getLogger("django.request").setLevel(logging.ERROR)
    if not (reuse and DB_PATH.exists() and DB_PATH.stat().st_size > 1_000_000):
        from django.core.management import call_command

        start = time.perf_counter()
        call_command("demo", stdout=StringIO())
        print(f"Tạo dữ liệu mẫu: {time.perf_counter() - start:.0f} s")


def public_paths() -> list[str]:
    from apps.par.selectors import published_rounds
    from apps.surveys import links
    from apps.surveys.models import Campaign, Counter

    paths = ["/tai-khoan/dang-nhap/", "/khao-sat/cong-khai/", "/cong-khai/"]
    campaign = Campaign.objects.filter(status="open").first()
    counter = Counter.objects.filter(agency=campaign.agency).first() if campaign else None
    if campaign and counter:
        token = links.make_link_token(
            campaign_id=campaign.pk, counter_id=counter.pk, counter_version=1, expires_on=campaign.closes_on
        )
        paths += [f"/khao-sat/y/{token}/", f"/khao-sat/cong-khai/{campaign.agency.code}/"]
        paths.append(f"/cong-khai/{campaign.agency.code}/")
    paths += [f"/chi-so-cchc/danh-gia/cong-khai/{round_.pk}/" for round_ in published_rounds()[:1]]
    return paths


def role_paths() -> list[str]:
    from apps.core.navigation import SECTIONS

    return [section.url for section in SECTIONS]


def measure(client: object, path: str, repeat: int) -> tuple[int, list[float]]:
    response = client.get(path)  # type: ignore[attr-defined]  # warm-up
    samples = []
    for _ in range(repeat):
        begin = time.perf_counter()
        response = client.get(path)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - begin) * 1000)
    return response.status_code, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="dùng lại cơ sở dữ liệu đã tạo lần trước")
    args = parser.parse_args()
    setup(args.reuse)
    from django.contrib.auth import get_user_model
    from django.test import Client

    results: list[tuple[float, str]] = []
    samples: list[float] = []
    visitor = Client()
    for path in public_paths():
        status, times = measure(visitor, path, args.repeat)
        if status == 200:
            samples += times
            results.append((statistics.median(times), f"khách {path}"))
    for username in ROLES:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        for path in role_paths():
            status, times = measure(client, path, args.repeat)
            if status == 200:  # a section the role may not open answers 403 and is not one of its pages
                samples += times
                results.append((statistics.median(times), f"{username} {path}"))
    results.sort(reverse=True)
    print("Chậm nhất:")
    for median, where in results[:10]:
        print(f"  {median:7.1f} ms  {where}")
    median = statistics.median(samples)
    verdict = "đạt" if median < TARGET_MS else "CHƯA ĐẠT"
    print(
        f"{len(results)} trang × {args.repeat} lần: trung vị {median:.0f} ms "
        f"(mục tiêu dưới {TARGET_MS} ms: {verdict}); chậm nhất {results[0][0]:.0f} ms."
    )


if __name__ == "__main__":
    main()
