"""Imports whose server died midway: shown interrupted with a clear message, run again with “Thử lại”, and
never mistaken for dead while their process still sends heartbeats."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from apps.accounts.models import User
from apps.dossiers.choices import ImportStatus
from apps.dossiers.import_runs import KEPT_DIR, _storage
from apps.dossiers.models import Dossier, ImportBatch
from apps.dossiers.services import dossier_import

from .files import csv_bytes, row

pytestmark = pytest.mark.django_db

ROWS = [
    row("H-1", "DLK-SXD", "02/03/2026 08:15", "10/03/2026", ngay_co_ket_qua="09/03/2026 16:30"),
    row("H-2", "DLK-SXD", "02/03/2026 09:00", "10/03/2026", ngay_co_ket_qua="12/03/2026 10:00"),
]
ROOT = Path(__file__).resolve().parents[3]
NOTHING_WRITTEN = "Quá trình nhập bị gián đoạn (máy chủ dừng giữa chừng); không có dòng nào được ghi."


def login(client, username="daumoi"):
    user = User.objects.get(username=username)
    client.force_login(user)
    return user


def running_batch(demo_org, *, silent_for: timedelta, kept: bool = True) -> ImportBatch:
    """A batch as a server leaves it when it is killed midway: running, its file kept, its heartbeat `silent_for` old."""
    name = _storage().save(f"{KEPT_DIR}ho-so.csv", ContentFile(csv_bytes(ROWS))) if kept else ""
    batch = ImportBatch.objects.create(
        agency=demo_org["DLK-SXD"],
        original_name="ho-so-thang-3.csv",
        file_size=len(csv_bytes(ROWS)),
        created_by=User.objects.get(username="daumoi"),
        source_file=name,
        lease_holder="may-chu-1:4242",
    )
    last = timezone.now() - silent_for
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=last - timedelta(seconds=5), heartbeat_at=last)
    return batch


def test_an_import_whose_server_died_shows_interrupted_and_thu_lai_loads_its_rows(client, demo_org):
    dead = running_batch(demo_org, silent_for=timedelta(minutes=10))
    login(client)
    listing = client.get(reverse("dossiers:dossier_import")).content.decode()
    assert "Bị gián đoạn" in listing and "Đang nhập" not in listing
    page = client.get(reverse("dossiers:import_detail", args=[dead.pk])).content.decode()
    assert "Bị gián đoạn." in page and NOTHING_WRITTEN in page and "Bấm “Thử lại” để chạy lại." in page
    assert reverse("dossiers:import_retry", args=[dead.pk]) in page and ">Thử lại</button>" in page
    assert Dossier.objects.count() == 0

    response = client.post(reverse("dossiers:import_retry", args=[dead.pk]))

    again = ImportBatch.objects.get(retry_of=dead)
    assert response["Location"] == reverse("dossiers:import_detail", args=[again.pk])
    assert (again.status, again.inserted, again.original_name) == (ImportStatus.DONE, 2, "ho-so-thang-3.csv")
    assert set(Dossier.objects.values_list("code", flat=True)) == {"H-1", "H-2"}
    assert not again.source_file and not _storage().exists(dead.source_file.name)  # the kept file is gone
    old_page = client.get(reverse("dossiers:import_detail", args=[dead.pk])).content.decode()
    assert "Đã chạy lại" in old_page and ">Thử lại</button>" not in old_page


def test_a_second_click_on_thu_lai_starts_nothing(client, demo_org):
    dead = running_batch(demo_org, silent_for=timedelta(minutes=10))
    login(client)
    client.post(reverse("dossiers:import_retry", args=[dead.pk]))
    response = client.post(reverse("dossiers:import_retry", args=[dead.pk]), follow=True)
    assert ImportBatch.objects.filter(retry_of=dead).count() == 1
    assert "Lần nhập này đã được chạy lại" in response.content.decode()


def test_an_import_still_sending_heartbeats_is_not_marked_dead(client, demo_org):
    live = running_batch(demo_org, silent_for=timedelta(seconds=20))
    ImportBatch.objects.filter(pk=live.pk).update(created_at=timezone.now() - timedelta(hours=1))
    login(client)
    page = client.get(reverse("dossiers:import_detail", args=[live.pk])).content.decode()
    assert "Đang nhập." in page and "may-chu-1:4242" in page and ">Thử lại</button>" not in page
    response = client.post(reverse("dossiers:import_retry", args=[live.pk]), follow=True)
    assert "vẫn đang chạy" in response.content.decode()
    live.refresh_from_db()
    assert live.status == ImportStatus.RUNNING and not ImportBatch.objects.filter(retry_of=live).exists()


def test_a_dead_import_does_not_block_a_new_one_of_the_same_agency(client, demo_org):
    running_batch(demo_org, silent_for=timedelta(minutes=10))
    login(client)
    response = client.post(
        reverse("dossiers:dossier_import"), {"file": SimpleUploadedFile("ho-so.csv", csv_bytes(ROWS))}
    )
    batch = ImportBatch.objects.latest("pk")
    assert response["Location"] == reverse("dossiers:import_detail", args=[batch.pk])
    assert batch.status == ImportStatus.DONE and Dossier.objects.count() == 2
    assert not batch.source_file  # a finished import keeps no copy of its file


def test_an_import_killed_after_its_commit_says_its_dossiers_are_in(client, demo_org):
    loaded = dossier_import(stream=BytesIO(csv_bytes(ROWS)), filename="a.csv", agency=demo_org["DLK-SXD"])
    old = timezone.now() - timedelta(minutes=10)
    ImportBatch.objects.filter(pk=loaded.pk).update(status=ImportStatus.RUNNING, heartbeat_at=old)
    login(client)
    page = client.get(reverse("dossiers:import_detail", args=[loaded.pk])).content.decode()
    assert "sau khi đã ghi hồ sơ của tệp" in page and "Hãy nhập lại tệp." in page
    assert ">Thử lại</button>" not in page  # the command line keeps no copy of its file


def test_thu_lai_needs_the_right_to_import(client, demo_org):
    dead = running_batch(demo_org, silent_for=timedelta(minutes=10))
    login(client, "chuyenvien")  # staff of the same agency: reads imports, may not import
    assert client.post(reverse("dossiers:import_retry", args=[dead.pk])).status_code == 403
    login(client, "daumoi.daison")
    assert client.post(reverse("dossiers:import_retry", args=[dead.pk])).status_code == 404
    assert client.get(reverse("dossiers:import_retry", args=[dead.pk])).status_code == 405
    assert Dossier.objects.count() == 0 and not ImportBatch.objects.filter(retry_of=dead).exists()


def test_api_shows_the_interrupted_import_and_runs_it_again(client, demo_org):
    dead = running_batch(demo_org, silent_for=timedelta(minutes=10))
    login(client)
    shown = client.get(f"/api/v1/dossier-imports/{dead.pk}").json()
    assert (shown["status"], shown["can_retry"]) == ("interrupted", True)
    assert shown["message"].startswith(NOTHING_WRITTEN)
    again = client.post(f"/api/v1/dossier-imports/{dead.pk}/retry")
    assert again.status_code == 200
    assert (again.json()["status"], again.json()["inserted"], again.json()["retry_of_id"]) == (
        "done",
        2,
        dead.pk,
    )
    twice = client.post(f"/api/v1/dossier-imports/{dead.pk}/retry")
    assert twice.status_code == 422 and Dossier.objects.count() == 2


def test_an_import_killed_before_its_commit_wrote_nothing_and_thu_lai_loads_it(tmp_path):
    """The real thing: an import process killed (SIGKILL) with every row written but not committed."""
    path = tmp_path / "ho-so.csv"
    path.write_bytes(csv_bytes(ROWS))
    env = dict(
        os.environ,
        DATABASE_URL=f"sqlite:///{tmp_path / 'cchc.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_SETTINGS_MODULE="config.settings.test",
        CCHC_JOB_LEASE_SECONDS="1",
    )
    child = [sys.executable, "-m", "apps.dossiers.tests.interrupted_child"]
    importing = subprocess.Popen(
        [*child, "start", str(path)], env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        ready = importing.stdout.readline().split()  # type: ignore[union-attr]
    finally:
        os.kill(importing.pid, signal.SIGKILL)
        importing.wait(timeout=60)
    assert ready[:1] == ["ready"], "the import did not reach its merge"
    time.sleep(1.2)  # the lease runs out

    recovered = subprocess.run(
        [*child, "recover", ready[1]], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert recovered.returncode == 0, recovered.stderr[-2000:]
    seen = json.loads(recovered.stdout.strip().splitlines()[-1])
    assert seen["dossiers_after_kill"] == 0 and seen["kept_file_on_disk"]
    assert seen["status"] == "interrupted"
    assert NOTHING_WRITTEN in seen["page"] and ">Thử lại</button>" in seen["page"]
    assert seen["retry_location"] and (seen["retry_status"], seen["retry_inserted"]) == ("done", 2)
    assert seen["dossiers"] == ["H-1", "H-2"] and seen["kept_file_left"] == []
