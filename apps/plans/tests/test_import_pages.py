"""Upload → preview → confirm through the pages, and every kind of bad input refused with nothing saved."""

from __future__ import annotations

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.models import Plan, PlanImport
from apps.tasks.models import Task
from domain.uploads.tests import samples

from .conftest import SEEDS, seed_path


def _login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def _upload(client, agency, name, data):
    return client.post(
        reverse("plans:plan_upload"), {"agency": agency.pk, "file": SimpleUploadedFile(name, data)}
    )


def test_upload_preview_confirm_with_a_corrected_lead(client, demo_org):
    _login(client)
    sxd = demo_org["DLK-SXD"]
    response = _upload(client, sxd, SEEDS["001"], seed_path("001").read_bytes())
    assert response.status_code == 302
    preview = client.get(response["Location"])
    page = preview.content.decode()
    assert "Xem trước" in page and "Triển khai xây dựng, cập nhật CSDL ngành Xây dựng" in page
    assert Plan.objects.count() == 0
    finance = sxd.units.get(code="KHTC")
    response = client.post(
        response["Location"],
        {
            "plan-title": "Kế hoạch cải thiện PAR INDEX, SIPAS 2026",
            "plan-period_start": "01/01/2026",
            "plan-period_end": "31/12/2026",
            "task-2-lead": finance.pk,
            "confirm": "1",
        },
    )
    plan = Plan.objects.get()
    assert response["Location"] == reverse("plans:plan_detail", args=[plan.pk])
    assert plan.title == "Kế hoạch cải thiện PAR INDEX, SIPAS 2026"
    assert list(plan.tasks.get(ref="2").lead_units.all()) == [finance]
    assert plan.tasks.count() == 35


def test_confirm_posted_twice_saves_one_plan(client, demo_org):
    _login(client)
    response = _upload(client, demo_org["DLK-SXD"], SEEDS["002"], seed_path("002").read_bytes())
    url = response["Location"]
    client.post(url, {"confirm": "1"})
    client.post(url, {"confirm": "1"})
    assert Plan.objects.count() == 1
    assert PlanImport.objects.get().status == "confirmed"


def test_an_impossible_date_in_the_preview_is_refused(client, demo_org):
    _login(client)
    url = _upload(client, demo_org["DLK-SXD"], SEEDS["002"], seed_path("002").read_bytes())["Location"]
    response = client.post(url, {"plan-issued_on": "31/02/2026", "confirm": "1"})
    assert response.status_code == 200
    assert "không hợp lệ" in response.content.decode()
    assert Plan.objects.count() == 0 and Task.objects.count() == 0


def test_a_broken_docx_is_refused_with_a_vietnamese_message(client, demo_org):
    _login(client)
    response = _upload(client, demo_org["DLK-SXD"], "ke-hoach.docx", b"PK\x03\x04 not really a docx")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert PlanImport.objects.count() == 0


def test_a_file_that_is_not_a_plan_is_refused(client, demo_org):
    _login(client)
    response = _upload(client, demo_org["DLK-SXD"], "thu.txt", "Xin chào, đây là một lá thư.".encode())
    assert response.status_code == 200
    assert "không phải là một kế hoạch" in response.content.decode()
    assert PlanImport.objects.count() == 0


@override_settings(CCHC_MAX_UPLOAD_BYTES=1024)
def test_a_file_too_large_is_refused(client, demo_org):
    _login(client)
    response = _upload(client, demo_org["DLK-SXD"], SEEDS["001"], seed_path("001").read_bytes())
    assert "quá lớn" in response.content.decode()
    assert PlanImport.objects.count() == 0


def test_a_program_is_refused_whatever_its_name(client, demo_org):
    _login(client)
    for name in ("virus.exe", "ke-hoach.docx"):
        response = _upload(client, demo_org["DLK-SXD"], name, samples.MZ)
        assert "là chương trình chạy được" in response.context["form"].errors["file"][0]
    assert PlanImport.objects.count() == 0


def test_a_spreadsheet_is_refused_with_what_is_accepted(client, demo_org):
    _login(client)
    response = _upload(client, demo_org["DLK-SXD"], "ke-hoach.docx", samples.xlsx())
    assert "Chỉ nhận: .pdf, .docx, .txt" in response.context["form"].errors["file"][0]


def test_a_zip_bomb_is_refused_before_the_parser_opens_it(client, demo_org):
    """300 MB of styles.xml in a 300 KB file: the old size check looked at document.xml only."""
    _login(client)
    bomb = samples.bomb_bytes("word/styles.xml", 300 << 20)
    started = time.perf_counter()
    response = _upload(client, demo_org["DLK-SXD"], "ke-hoach.docx", bomb)
    assert time.perf_counter() - started < 5
    error = response.context["form"].errors["file"][0]
    assert "bom nén" in error and "word/styles.xml" in error
    assert PlanImport.objects.count() == 0


def test_the_uploaded_plan_is_kept_under_a_random_path(client, demo_org):
    _login(client)
    _upload(client, demo_org["DLK-SXD"], SEEDS["002"], seed_path("002").read_bytes())
    kept = PlanImport.objects.get()
    assert kept.original_name == SEEDS["002"]
    assert kept.uploaded_file.name.startswith("plan-imports/") and kept.uploaded_file.name.endswith(".txt")
    assert SEEDS["002"].rsplit(".", 1)[0] not in kept.uploaded_file.name


def test_staff_cannot_import(client, demo_org):
    _login(client, "chuyenvien")
    assert client.get(reverse("plans:plan_upload")).status_code == 403


def test_another_agency_cannot_see_the_preview_or_the_plan(client, demo_org, import_seed):
    _login(client)
    url = _upload(client, demo_org["DLK-SXD"], SEEDS["002"], seed_path("002").read_bytes())["Location"]
    plan = import_seed("001")
    _login(client, "canbo.daison")
    assert client.get(url).status_code == 404
    assert client.get(reverse("plans:plan_detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("tasks:task_detail", args=[plan.tasks.first().pk])).status_code == 404
    assert plan.title not in client.get(reverse("plans:plan_list")).content.decode()


def test_plan_page_shows_basis_targets_tasks_and_six_clear(client, demo_org, import_seed):
    plan = import_seed("001")
    _login(client)
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "266/KH-UBND" in page
    assert "≥ 98%" in page
    assert "Triển khai xây dựng, cập nhật CSDL ngành Xây dựng" in page
    assert "06 rõ" in page


def test_the_same_file_imported_again_offers_the_existing_plan_instead_of_a_duplicate(client, demo_org):
    # Given a plan already imported from a file (a draft without number, as the seeds are)
    _login(client)
    sxd, data = demo_org["DLK-SXD"], seed_path("002").read_bytes()
    client.post(_upload(client, sxd, SEEDS["002"], data)["Location"], {"confirm": "1"})
    first = Plan.objects.get()
    # When the same file is uploaded again
    url = _upload(client, sxd, "ban-sao.txt", data)["Location"]
    page = client.get(url).content.decode()
    # Then the preview says so, links to the plan and offers to update it
    assert "đã được nhập" in page and reverse("plans:plan_detail", args=[first.pk]) in page
    assert 'name="update_existing"' in page
    # And a plain confirm is refused, nothing duplicated
    refused = client.post(url, {"confirm": "1"})
    assert refused.status_code == 200 and "đã có trong hệ thống" in refused.content.decode()
    assert Plan.objects.count() == 1
    # And choosing the update saves a new version of the same plan
    response = client.post(url, {"update_existing": first.pk})
    assert response["Location"] == reverse("plans:plan_detail", args=[first.pk])
    assert Plan.objects.count() == 1 and Plan.objects.get().revision == first.revision + 1


def test_a_numbered_plan_imported_again_with_another_file_is_not_duplicated(client, demo_org):
    _login(client)
    sxd = demo_org["DLK-SXD"]
    fields = {"plan-number": "13", "plan-symbol": "KH-SXD", "plan-issued_on": "02/06/2026", "confirm": "1"}
    client.post(_upload(client, sxd, SEEDS["002"], seed_path("002").read_bytes())["Location"], fields)
    data = seed_path("002").read_bytes() + b"\n"
    refused = client.post(_upload(client, sxd, "sua.txt", data)["Location"], fields)
    html = refused.content.decode()
    assert "đã có trong hệ thống" in html and 'name="update_existing"' in html
    assert Plan.objects.count() == 1


def test_another_agency_is_not_offered_a_plan_it_cannot_see(client, demo_org):
    _login(client)
    data = seed_path("002").read_bytes()
    client.post(_upload(client, demo_org["DLK-SXD"], SEEDS["002"], data)["Location"], {"confirm": "1"})
    client.force_login(User.objects.get(username="daumoi.laichau"))
    url = _upload(client, demo_org["LCU-SXD"], SEEDS["002"], data)["Location"]
    assert "đã được nhập" not in client.get(url).content.decode()
    client.post(url, {"confirm": "1"})
    assert Plan.objects.filter(agency=demo_org["LCU-SXD"]).count() == 1


def test_the_command_line_names_the_plan_to_replace_when_a_file_is_imported_twice(demo_org, tmp_path):
    from django.core.management import CommandError, call_command

    path = tmp_path / SEEDS["002"]
    path.write_bytes(seed_path("002").read_bytes())
    call_command("import-plan", str(path), "--agency", "DLK-SXD")
    plan = Plan.objects.get()
    with pytest.raises(CommandError, match=f"--replaces {plan.pk}"):
        call_command("import-plan", str(path), "--agency", "DLK-SXD")
    assert Plan.objects.count() == 1
