"""The SQLite path and the PostgreSQL path give the same values for the same file.

Runs in the PostgreSQL pass of CI (DATABASE_URL pointing at PostgreSQL): the file is imported here through
COPY and, in a child process, into a fresh SQLite database through executemany; every indicator value and
count of two agencies over several periods must be identical.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from apps.dossiers.services import dossier_import
from apps.indicators.scorecard import agency_values
from apps.indicators.tests.catalogue import ensure_catalogue
from domain.periods import parse_period

from .files import csv_bytes, random_rows

ROOT = Path(__file__).resolve().parents[3]
PERIODS = ["2025-12", "2026-01", "2026-02", "2026-Q1", "2026-H1", "2026"]
ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.mark.skipif(
    not ON_POSTGRES, reason="So sánh với PostgreSQL chạy trong lượt kiểm thử trên PostgreSQL."
)
@pytest.mark.django_db(transaction=True)
def test_sqlite_and_postgresql_give_identical_values(demo_org, tmp_path):
    ensure_catalogue()
    rows, _ = random_rows("DLK-SXD", 700, seed=11)
    other, _ = random_rows("LCU-SXD", 300, seed=12)
    path = tmp_path / "ho-so.csv"
    path.write_bytes(csv_bytes(rows + other))
    with path.open("rb") as stream:
        batch = dossier_import(stream=stream, filename=path.name)
    assert batch.status == "done" and batch.inserted == 1000
    here = {
        f"{code}/{period}": agency_values(agency=demo_org[code], period=parse_period(period)).as_json()
        for code in ("DLK-SXD", "LCU-SXD")
        for period in PERIODS
    }
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'parity.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings.test",
    )
    output = subprocess.run(
        [sys.executable, "-m", "apps.dossiers.tests.parity_child", str(path), *PERIODS],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    there = json.loads(output.stdout.strip().splitlines()[-1])
    assert there["status"] == "done" and there["inserted"] == 1000
    assert there["values"] == here
    assert here["DLK-SXD/2026-Q1"]["values"]["dossier_on_time_rate"] is not None
