"""Report templates: bombs refused at upload and at render, kept under random paths, downloaded by readers."""

from __future__ import annotations

import time
from io import BytesIO
from urllib.parse import unquote

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from apps.reports.export import report_docx
from apps.reports.models import ReportTemplate
from domain.documents.report_template import default_template_docx
from domain.uploads.tests import samples

pytestmark = pytest.mark.django_db
GIB = 1 << 30


def client_for(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    client.force_login(user)
    return client


def upload(client, year, name, data):  # type: ignore[no-untyped-def]
    return client.post(f"/bao-cao/mau/?agency={year.agency.pk}", {"file": SimpleUploadedFile(name, data)})


@pytest.fixture(scope="module")
def gigabyte_bomb() -> bytes:
    """1 MB of .docx whose document.xml inflates to 1 GiB (the bomb that took a worker to 2.3 GB)."""
    return samples.bomb_bytes("word/document.xml", GIB)


def test_a_template_bomb_is_refused_quickly_as_a_form_error(users, year, gigabyte_bomb):
    started = time.perf_counter()
    page = upload(client_for(users["focal"]), year, "mau.docx", gigabyte_bomb)
    elapsed = time.perf_counter() - started
    errors = page.context["form"].non_field_errors() + page.context["form"].errors.get("file", [])
    assert any("bom nén" in error for error in errors), errors
    assert elapsed < 5  # the old code inflated 1 GiB into python-docx (2.3 GB of memory)
    assert not ReportTemplate.objects.exists()


def test_a_template_whose_styles_inflate_to_300_mb_is_refused(users, year):
    page = upload(
        client_for(users["focal"]), year, "mau.docx", samples.bomb_bytes("word/styles.xml", 300 << 20)
    )
    assert "word/styles.xml" in page.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_macro_template_is_refused(users, year):
    macro = samples.with_parts(default_template_docx(), {"word/vbaProject.bin": b"\x00" * 64})
    page = upload(client_for(users["focal"]), year, "mau.docm", macro)
    assert "macro" in page.content.decode()
    assert not ReportTemplate.objects.exists()


def test_a_stored_bomb_is_not_opened_when_a_report_is_made(users, year, annual):
    """A template that reached storage some other way: docxtpl never reads it, the default layout is used."""
    template = ReportTemplate(agency=year.agency, original_name="cu.docx")
    template.file.save("cu.docx", ContentFile(samples.bomb_bytes("word/styles.xml", 60 << 20)), save=False)
    template.save()
    result = report_docx(annual)
    assert result.used_template == ""
    assert any("bom nén" in problem for problem in result.problems)


@pytest.fixture
def template(users, year) -> ReportTemplate:
    response = upload(client_for(users["focal"]), year, "Mẫu báo cáo quý.docx", default_template_docx())
    assert response.status_code == 302
    return ReportTemplate.objects.get()


def test_the_template_is_kept_under_a_random_path_and_downloaded_with_its_name(users, template):
    assert template.file.name.startswith("report-templates/") and "quý" not in template.file.name
    response = client_for(users["leader"]).get(f"/bao-cao/mau/{template.pk}/tai/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert unquote(response["Content-Disposition"].split("''")[1]) == "Mẫu báo cáo quý.docx"


def test_another_agency_gets_404(tree, make_user, template):
    stranger = make_user("focal_point", tree.other)
    assert client_for(stranger).get(f"/bao-cao/mau/{template.pk}/tai/").status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(template):
    response = Client().get(f"/bao-cao/mau/{template.pk}/tai/")
    assert response.status_code == 302 and "/tai-khoan/" in response["Location"]


def test_the_templates_page_links_no_media_url(users, year, template):
    page = client_for(users["focal"]).get(f"/bao-cao/mau/?agency={year.agency.pk}").content.decode()
    assert f"/bao-cao/mau/{template.pk}/tai/" in page and template.file.name not in page


def test_bytes_are_kept_as_uploaded(users, template):
    response = client_for(users["focal"]).get(f"/bao-cao/mau/{template.pk}/tai/")
    assert BytesIO(b"".join(response.streaming_content)).getvalue() == default_template_docx()
