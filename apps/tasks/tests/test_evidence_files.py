"""Evidence of progress through the upload gate and the protected download, as users meet them."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.services import plan_update
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.models import Evidence, ProgressUpdate
from apps.tasks.services import occurrences_sync_for_plan, progress_submit
from domain.uploads.tests import samples


@pytest.fixture
def occurrence(import_seed):  # noqa: F811
    plan = plan_update(plan=import_seed("001"), issued_on=date(2026, 6, 25))
    occurrences_sync_for_plan(plan=plan)
    return plan.tasks.get(ref="28").occurrences.filter(not_applicable=False).first()  # Phòng KH-TC


def user(name: str) -> User:
    return User.objects.get(username=name)


def post_progress(client, occurrence, upload):  # type: ignore[no-untyped-def]
    client.force_login(user("chuyenvien"))
    return client.post(
        reverse("tasks:progress_post", args=[occurrence.pk]),
        {"version": occurrence.version, "percent": 30, "note": "Đã làm", "evidence": upload},
        follow=True,
    )


def test_a_docx_carrying_a_program_is_refused_on_the_page_and_nothing_is_saved(client, occurrence):
    bad = samples.with_parts(samples.docx(), {"word/embeddings/cai-dat.exe": samples.MZ})
    page = post_progress(client, occurrence, SimpleUploadedFile("bao-cao.docx", bad))
    text = page.content.decode()
    assert "chứa chương trình hoặc mã lệnh chạy được" in text and "cai-dat.exe" in text
    assert ProgressUpdate.objects.count() == 0 and Evidence.objects.count() == 0


def test_a_zip_bomb_as_evidence_is_refused(client, occurrence):
    bomb = samples.bomb_bytes("word/document.xml", 300 << 20)
    page = post_progress(client, occurrence, SimpleUploadedFile("bao-cao.docx", bomb))
    assert "bom nén" in page.content.decode()
    assert Evidence.objects.count() == 0


def test_the_api_answers_422_with_the_reason(client, occurrence):
    from apps.accounts.services import api_token_create

    _, key = api_token_create(user=user("chuyenvien"), name="api")
    response = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/progress",
        {"percent": 30, "files": SimpleUploadedFile("anh.svg", b'<svg onload="alert(1)"/>')},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 422
    assert "ảnh SVG" in response.json()["detail"]["files"][0]
    assert Evidence.objects.count() == 0


@pytest.fixture
def evidence(occurrence):
    progress_submit(
        occurrence=occurrence,
        user=user("chuyenvien"),
        percent=40,
        files=[("Biên bản họp.pdf", samples.pdf())],
    )
    return Evidence.objects.get()


def test_evidence_is_stored_under_a_random_path_keeping_its_name(evidence):
    assert evidence.original_name == "Biên bản họp.pdf"
    folder, shard, leaf = evidence.file.name.split("/")
    assert folder == "evidence" and leaf.startswith(shard) and len(leaf) == len("0" * 32 + ".pdf")
    assert "Bi" not in evidence.file.name


def test_the_task_page_links_the_protected_download(client, evidence):
    client.force_login(user("chuyenvien"))
    page = client.get(reverse("tasks:task_detail", args=[evidence.update.occurrence.task_id]))
    text = page.content.decode()
    assert reverse("tasks:evidence_download", args=[evidence.pk]) in text
    assert evidence.file.name not in text and "/media/" not in text


def test_a_reader_of_the_task_downloads_the_file_as_an_attachment(client, evidence):
    client.force_login(user("chuyenvien"))
    response = client.get(reverse("tasks:evidence_download", args=[evidence.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == samples.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and 'filename="Bien-ban-hop.pdf"' in disposition
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == "Biên bản họp.pdf"


def test_another_agency_gets_404_not_the_file(client, evidence):
    client.force_login(user("canbo.daison"))
    response = client.get(reverse("tasks:evidence_download", args=[evidence.pk]))
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_anonymous_visitors_are_sent_to_log_in(client, evidence):
    response = client.get(reverse("tasks:evidence_download", args=[evidence.pk]))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_media_urls_serve_nothing(client, evidence):
    client.force_login(user("chuyenvien"))
    assert client.get(f"/media/{evidence.file.name}").status_code == 404


@override_settings(CCHC_FILE_SERVING="x-accel", CCHC_FILE_INTERNAL_PREFIX="/tep-noi-bo/")
def test_nginx_sends_the_file_when_configured(client, evidence):
    client.force_login(user("chuyenvien"))
    response = client.get(reverse("tasks:evidence_download", args=[evidence.pk]))
    assert response["X-Accel-Redirect"] == f"/tep-noi-bo/{evidence.file.name}"
    assert response.content == b"" and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
