"""The dossier pages and API: import with its summary and error file, the drill-down list and its export,
the dossier and its apology letter, and another agency's records answering 404."""

from __future__ import annotations

import csv
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from apps.accounts.models import User
from apps.dossiers.models import Dossier, ImportBatch
from apps.dossiers.services import dossier_import
from domain.uploads.tests import samples

from .files import csv_bytes, row

pytestmark = pytest.mark.django_db

ROWS = [
    row("H-1", "DLK-SXD", "02/03/2026 08:15", "10/03/2026", ngay_co_ket_qua="09/03/2026 16:30"),
    row("H-2", "DLK-SXD", "02/03/2026 09:00", "10/03/2026", ngay_co_ket_qua="12/03/2026 10:00"),
    row("=HYPERLINK(1)", "DLK-SXD", "03/03/2026", "10/03/2026", ngay_co_ket_qua="10/03/2026"),
    row("L-1", "LCU-SXD", "02/03/2026", "05/03/2026", ngay_co_ket_qua="09/03/2026"),
]


@pytest.fixture
def loaded(demo_org):
    return dossier_import(stream=BytesIO(csv_bytes(ROWS)), filename="a.csv")


def login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_import_page_with_bad_rows_shows_the_summary_and_the_error_file(client, demo_org):
    login(client)
    data = csv_bytes([*ROWS[:2], row("B-1", "DLK-SXD", "31/02/2026", "10/03/2026")])
    response = client.post(
        reverse("dossiers:dossier_import"),
        {"file": SimpleUploadedFile("ho-so.csv", data), "load_good_rows": "on"},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("dossiers:import_detail", args=[batch.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Đã nhập các dòng hợp lệ" in page and "Tải tệp dòng lỗi" in page
    errors = client.get(reverse("dossiers:import_errors", args=[batch.pk]))
    lines = list(csv.reader(b"".join(errors.streaming_content).decode("utf-8-sig").splitlines()))
    assert lines[0][:3] == ["dong", "ly_do", "ma_ho_so"]
    assert lines[1][0] == "4" and "31/02/2026" in lines[1][1]
    assert batch.agency.code == "DLK-SXD" and batch.created_by.username == "daumoi"


def test_import_page_without_the_choice_saves_nothing(client, demo_org):
    login(client)
    data = csv_bytes([*ROWS[:2], row("B-1", "DLK-SXD", "05/03/2026", "01/03/2026")])
    client.post(reverse("dossiers:dossier_import"), {"file": SimpleUploadedFile("a.csv", data)})
    assert Dossier.objects.count() == 0
    assert ImportBatch.objects.get().status == "rejected"


def test_a_focal_point_cannot_load_another_provinces_rows(client, demo_org):
    login(client, "daumoi.daison")
    client.post(
        reverse("dossiers:dossier_import"),
        {"file": SimpleUploadedFile("a.csv", csv_bytes(ROWS)), "load_good_rows": "on"},
    )
    assert Dossier.objects.count() == 0
    assert ImportBatch.objects.get().rows_bad == 4


def test_staff_cannot_import(client, demo_org):
    login(client, "chuyenvien")
    assert client.get(reverse("dossiers:dossier_import")).status_code == 403


@override_settings(CCHC_DOSSIER_MAX_UPLOAD_BYTES=1000)
def test_a_file_over_the_page_limit_is_refused_before_it_is_read(client, demo_org):
    login(client)
    data = csv_bytes(ROWS * 10)
    response = client.post(
        reverse("dossiers:dossier_import"), {"file": SimpleUploadedFile("big.csv", data)}, follow=True
    )
    html = response.content.decode()
    assert "Tệp lớn hơn 0 MB: hãy chia nhỏ tệp, hoặc nhờ quản trị hệ thống nhập" in html
    assert "cchc dossiers import" not in html
    assert ImportBatch.objects.count() == 0


def test_drill_down_list_of_late_dossiers(client, loaded, demo_org):
    login(client)
    sxd = demo_org["DLK-SXD"]
    response = client.get(
        reverse("dossiers:dossier_list"), {"agency": sxd.pk, "period": "2026-03", "metric": "late"}
    )
    codes = [d.code for d in response.context["page"].object_list]
    assert codes == ["H-2"]
    assert "Trễ hạn — Tháng 03/2026" in response.content.decode()


def test_bad_period_in_the_list_is_a_message_not_an_error(client, loaded):
    login(client)
    response = client.get(reverse("dossiers:dossier_list"), {"period": "2026-13", "metric": "late"})
    assert response.status_code == 200
    assert "Tháng 13 không hợp lệ" in response.content.decode()


def _export(client, query, capture):
    with capture(execute=True):
        return client.post(reverse("dossiers:dossier_export"), {"query": query})


def test_excel_export_runs_in_the_background_and_keeps_formulas_as_text(
    client, loaded, settings, tmp_path, django_capture_on_commit_callbacks
):
    from apps.jobs.models import Job

    settings.MEDIA_ROOT = str(tmp_path)
    # Given the list of dossiers resolved in March, the focal point asks for the Excel file
    login(client)
    list_page = client.get(reverse("dossiers:dossier_list"), {"period": "2026-03", "metric": "resolved"})
    assert reverse("dossiers:dossier_export") in list_page.content.decode()
    response = _export(
        client, "period=2026-03&metric=resolved&q=H&page=2", django_capture_on_commit_callbacks
    )
    # Then a background job made it, with progress, and the job page links to the file
    job = Job.objects.get()
    assert response["Location"] == reverse("jobs:job_status", args=[job.pk])
    assert job.kind == "dossier_export" and job.status == "succeeded" and job.progress == 100
    download = client.get(job.result_url)
    sheet = load_workbook(BytesIO(b"".join(download.streaming_content))).active
    codes = [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == ["'=HYPERLINK(1)", "H-1", "H-2"]  # the filter held (L-1 has no H), not the page
    assert "3 hồ sơ" in job.message


def test_an_export_is_only_for_the_person_who_asked(
    client, loaded, settings, tmp_path, django_capture_on_commit_callbacks
):
    from apps.jobs.models import Job

    settings.MEDIA_ROOT = str(tmp_path)
    login(client)
    _export(client, "", django_capture_on_commit_callbacks)
    job = Job.objects.get()
    login(client, "daumoi.daison")
    assert client.get(job.result_url).status_code == 404
    assert client.get(reverse("jobs:job_status", args=[job.pk])).status_code == 404


def test_the_export_of_another_agencys_user_holds_only_their_dossiers(
    client, loaded, settings, tmp_path, django_capture_on_commit_callbacks
):
    from apps.jobs.models import Job

    settings.MEDIA_ROOT = str(tmp_path)
    login(client, "daumoi.laichau")
    _export(client, "", django_capture_on_commit_callbacks)
    download = client.get(Job.objects.get().result_url)
    sheet = load_workbook(BytesIO(b"".join(download.streaming_content))).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == ["L-1"]


def test_dossier_page_and_apology_letter(client, loaded):
    login(client)
    late = Dossier.objects.get(code="H-2")
    page = client.get(reverse("dossiers:dossier_detail", args=[late.pk])).content.decode()
    assert "chưa có phiếu xin lỗi đúng quy định" in page and "Phiếu xin lỗi" in page
    response = client.get(reverse("dossiers:apology_letter", args=[late.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text and "Mã số hồ sơ: H-2." in text


def test_another_agency_gets_404(client, loaded):
    login(client, "daumoi.daison")
    dossier = Dossier.objects.get(code="H-2")
    for url in (
        reverse("dossiers:dossier_detail", args=[dossier.pk]),
        reverse("dossiers:apology_letter", args=[dossier.pk]),
        reverse("dossiers:import_detail", args=[loaded.pk]),
        reverse("dossiers:import_errors", args=[loaded.pk]),
        f"/api/v1/dossiers/{dossier.pk}",
        f"/api/v1/dossier-imports/{loaded.pk}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/dossiers").json() == []


def test_the_list_shows_only_readable_agencies(client, loaded):
    login(client, "daumoi.laichau")
    codes = {d["code"] for d in client.get("/api/v1/dossiers").json()}
    assert codes == {"L-1"}


def test_the_list_names_each_agency_in_full(client, loaded):
    """Every province has a "Sở Xây dựng": a user reading two of them must tell their dossiers apart."""
    login(client)  # focal point in Đắk Lắk, viewer in Lai Châu
    page = client.get(reverse("dossiers:dossier_list"), {"period": "2026-03"}).content.decode()
    table = page.split('id="dossiers"', 1)[1].split("</table>", 1)[0]  # not the agency filter's options
    assert "Sở Xây dựng tỉnh Đắk Lắk" in table and "Sở Xây dựng tỉnh Lai Châu" in table


def test_api_list_uses_the_page_filters(client, loaded):
    login(client)
    found = client.get("/api/v1/dossiers", {"period": "2026-03", "metric": "on_time"}).json()
    assert {item["code"] for item in found} == {"H-1", "=HYPERLINK(1)"}
    assert client.get("/api/v1/dossiers", {"period": "13-2026"}).status_code == 422


def test_api_import(client, demo_org):
    login(client)
    response = client.post(
        "/api/v1/dossier-imports", {"file": SimpleUploadedFile("a.csv", csv_bytes(ROWS[:2]))}
    )
    assert response.status_code == 200
    assert response.json()["inserted"] == 2 and response.json()["status"] == "done"


def test_a_program_sent_as_an_export_is_refused_on_the_page_and_by_the_api(client, demo_org):
    login(client)
    page = client.post(
        reverse("dossiers:dossier_import"), {"file": SimpleUploadedFile("ho-so.csv", samples.MZ)}
    )
    assert "chương trình chạy được" in page.context["form"].errors["file"][0]
    response = client.post("/api/v1/dossier-imports", {"file": SimpleUploadedFile("ho-so.xlsx", samples.MZ)})
    assert response.status_code == 422
    assert "chương trình chạy được" in response.json()["detail"]["file"][0]
    assert ImportBatch.objects.count() == 0


def test_list_page_query_count_is_bounded(client, loaded, django_assert_max_num_queries):
    login(client)
    with django_assert_max_num_queries(20):
        client.get(reverse("dossiers:dossier_list"), {"period": "2026-03", "metric": "received"})


def test_procedures_and_sources_pages(client, loaded):
    login(client)
    page = client.get(reverse("dossiers:procedure_list"), {"period": "2026-03"}).content.decode()
    assert "Cấp giấy phép xây dựng" in page
    response = client.post(
        reverse("dossiers:source_create"),
        {"name": "Hệ thống cũ", "col_ma_ho_so": "SoHoSo", "col_ma_co_quan": "DonVi", "col_ma_thu_tuc": "MaTTHC",
         "col_ngay_tiep_nhan": "NgayNhan", "col_ngay_hen_tra": "HenTra"},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(reverse("dossiers:source_list")).content.decode()
    assert "Hệ thống cũ" in page


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/ho-so/thu-tuc/", {"agency": "x", "period": "abc"}),
        ("get", "/ho-so/danh-sach/", {"agency": "abc", "period": "2026-1x", "metric": "zzz"}),
        ("post", "/ho-so/", {}),
        ("post", "/ho-so/nguon/them/", {"name": ""}),
        ("post", "/chi-so/chi-tieu/de-xuat/", {"plan": "abc"}),
        ("post", "/chi-so/chot-so-lieu/", {"agency": "abc", "period": "x"}),
        ("post", "/chi-so/diem-766/", {"action": "enter", "agency": "x", "month": "13/2026"}),
        ("post", "/chi-so/nhap-so-lieu/", {"indicator": "x", "period": "2026-99"}),
        ("get", "/chi-so/tinh/", {"period": "xyz"}),
        ("post", "/phan-anh/them/", {"received_on": "31/02/2026"}),
        ("get", "/phan-anh/", {"received_from": "abc", "status": "x"}),
    ],
)
def test_bad_input_never_answers_500(client, loaded, method, url, data):
    login(client)
    response = getattr(client, method)(url, data)
    assert response.status_code in (200, 302, 403, 404)


def test_a_stale_source_mapping_form_is_refused_and_keeps_the_colleagues_mapping(client, demo_org):
    from apps.dossiers.models import SourceMapping
    from apps.dossiers.services import source_mapping_save

    columns = {"SoHoSo": "ma_ho_so", "DonVi": "ma_co_quan", "MaTTHC": "ma_thu_tuc", "NgayNhan": "ngay_tiep_nhan",
               "HenTra": "ngay_hen_tra"}  # fmt: skip
    mapping = source_mapping_save(agency=demo_org["DLK-SXD"], name="Một cửa cũ", columns=columns)
    login(client)
    url = reverse("dossiers:source_edit", args=[mapping.pk])
    assert f'name="version" value="{mapping.version}"' in client.get(url).content.decode()
    source_mapping_save(
        agency=mapping.agency, name="Một cửa cũ", columns=columns, note="Của đồng nghiệp", mapping=mapping
    )
    mine = {
        "name": "Một cửa cũ",
        "note": "Của tôi",
        **{f"col_{target}": header for header, target in columns.items()},
    }
    response = client.post(url, {**mine, "version": mapping.version})
    assert response.status_code == 200
    assert "Nguồn dữ liệu vừa được người khác cập nhật." in response.content.decode()
    saved = SourceMapping.objects.get(pk=mapping.pk)
    assert (saved.note, saved.version) == ("Của đồng nghiệp", mapping.version + 1)
    assert client.post(url, {**mine, "version": saved.version}).status_code == 302
    saved.refresh_from_db()
    assert (saved.note, saved.version) == ("Của tôi", mapping.version + 2)


def test_the_import_page_shows_the_first_rejected_rows_with_their_reason(client, demo_org):
    # Given a file with 25 bad rows among good ones
    login(client)
    bad = [row(f"B-{n}", "DLK-SXD", "31/02/2026", "10/03/2026") for n in range(25)]
    data = csv_bytes([*ROWS[:2], *bad])
    response = client.post(
        reverse("dossiers:dossier_import"),
        {"file": SimpleUploadedFile("ho-so.csv", data), "load_good_rows": "on"},
    )
    # When the summary opens
    page = client.get(response["Location"]).content.decode()
    # Then the first 20 rejected rows are listed with their row number, code and reason
    assert 'id="rejected-rows"' in page
    assert "B-0" in page and "B-19" in page and "B-20" not in page
    assert ">4<" in page and "31/02/2026" in page
    assert "20 dòng lỗi đầu tiên trong 25" in page


def test_the_export_reports_how_many_rows_it_has_written(loaded, monkeypatch):
    from datetime import date

    from apps.dossiers import export

    monkeypatch.setattr(export, "PROGRESS_EVERY", 2)
    heard: list[int] = []
    export.dossiers_to_xlsx(Dossier.objects.order_by("code"), date(2026, 4, 1), progress=heard.append)
    assert heard == [2]
