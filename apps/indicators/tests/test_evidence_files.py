"""Evidence of indicator values: the upload gate on the page, and the protected download."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.models import User
from apps.indicators.models import Indicator, Measurement
from apps.indicators.services import service_scores_import
from domain.uploads.tests import samples


def post_measurement(client, agency, upload):  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="daumoi"))
    indicator = Indicator.objects.get(code="dossier_sync_rate")
    return client.post(
        reverse("indicators:measurements"),
        {
            "indicator": indicator.pk,
            "agency": agency.pk,
            "period": "2026-03",
            "value": "97",
            "evidence": upload,
        },
    )


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("bao-cao.exe", samples.MZ, "chương trình chạy được"),
        ("bao-cao.pdf", samples.MZ, "chương trình chạy được"),
        ("trang.html", b"<!doctype html><html><script>alert(1)</script></html>", "trang web HTML"),
        ("bieu-do.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "ảnh SVG"),
    ],
)
def test_programs_and_web_pages_are_refused_as_evidence(client, demo_org, name, data, reason):
    page = post_measurement(client, demo_org["DLK-SXD"], SimpleUploadedFile(name, data))
    assert page.status_code == 200
    assert any(reason in error for error in page.context["form"].errors["evidence"])
    assert Measurement.objects.count() == 0


@pytest.fixture
def measurement(client, demo_org):
    response = post_measurement(
        client, demo_org["DLK-SXD"], SimpleUploadedFile("Báo cáo tháng 3.pdf", samples.pdf())
    )
    assert response.status_code == 302
    return Measurement.objects.get()


def test_evidence_keeps_its_name_under_a_random_path_and_the_list_links_the_download(client, measurement):
    assert measurement.evidence_name == "Báo cáo tháng 3.pdf"
    assert measurement.evidence.name.startswith("measurements/") and "tháng" not in measurement.evidence.name
    page = client.get(reverse("indicators:measurements")).content.decode()
    assert reverse("indicators:evidence_download", args=[measurement.pk]) in page
    assert measurement.evidence.name not in page


def test_the_agency_downloads_its_evidence(client, measurement):
    response = client.get(reverse("indicators:evidence_download", args=[measurement.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A1ng%203.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == samples.pdf()


def test_another_agency_gets_404(client, measurement):
    client.force_login(User.objects.get(username="canbo.daison"))
    assert client.get(reverse("indicators:evidence_download", args=[measurement.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, measurement):
    client.logout()
    response = client.get(reverse("indicators:evidence_download", args=[measurement.pk]))
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_published_points_import_refuses_a_workbook_bomb(demo_org):
    bomb = samples.with_parts(samples.xlsx(), {"xl/media/a.bin": b"\x00" * (8 << 20)})
    result = service_scores_import(stream=BytesIO(bomb), filename="diem.xlsx", allowed_agency_ids=None)
    assert result.saved == 0 and "bom nén" in result.message
