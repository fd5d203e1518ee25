"""Report pages and API through HTTP: what each role sees, downloads, and another agency's 404."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from openpyxl import load_workbook

from apps.reports.choices import ContributionStatus, ReportStatus
from apps.reports.models import Report
from apps.reports.services import report_open_to_units

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_calendar_flags_late_reports_and_offers_to_start_them(users, year, annual):
    page = client_for(users["focal"]).get(f"/bao-cao/?agency={year.agency.pk}&year=2026")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="late-count">4<' in html  # Q1, H1, Q3, emulation: deadlines passed, nothing sent
    assert "Quá hạn chưa gửi" in html and "Lập báo cáo" in html
    assert f'href="/bao-cao/{annual.pk}/"' in html


def test_start_a_report_from_the_calendar(users, year):
    client = client_for(users["focal"])
    response = client.post(
        "/bao-cao/lap/", {"agency": year.agency.pk, "report_type": "quarterly", "period_code": "2026-Q3"}
    )
    report = Report.objects.get(report_type="quarterly")
    assert response["Location"] == f"/bao-cao/{report.pk}/"
    again = client.post(
        "/bao-cao/lap/",
        {"agency": year.agency.pk, "report_type": "quarterly", "period_code": "2026-Q3"},
        follow=True,
    )
    assert "đã được lập" in again.content.decode()
    bad = client.post(
        "/bao-cao/lap/",
        {"agency": year.agency.pk, "report_type": "annual", "period_code": "2026-X"},
        follow=True,
    )
    assert bad.status_code == 200 and "Kỳ “2026-X” không hợp lệ" in bad.content.decode()
    assert Report.objects.count() == 1


def test_report_page_preview_and_downloads(users, annual):
    client = client_for(users["viewer"])
    page = client.get(f"/bao-cao/{annual.pk}/")
    assert page.status_code == 200 and "Báo cáo CCHC năm 2026" in page.content.decode()
    assert "Sửa nội dung" not in page.content.decode()  # a viewer reads only
    preview = client.get(f"/bao-cao/{annual.pk}/xem-truoc/").content.decode()
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2026" in preview
    assert "Cải cách thủ tục hành chính" in preview and "Lê Công Du" in preview
    word = client.get(f"/bao-cao/{annual.pk}/tai/docx/")
    assert word["Content-Disposition"] == 'attachment; filename="bao-cao-nam-2026-P1-OWN.docx"'
    assert docx.Document(BytesIO(word.content)).tables[0].cell(1, 0).text == "Số:      /BC-SXD"
    annex = client.get(f"/bao-cao/{annual.pk}/tai/xlsx/")
    assert load_workbook(BytesIO(annex.content)).sheetnames[0] == "Nhiệm vụ"
    assert client.get(f"/bao-cao/{annual.pk}/tai/pdf-khong-co/").status_code == 404


def test_the_focal_point_edits_and_a_bad_date_is_a_message(users, annual):
    client = client_for(users["focal"])
    form = client.get(f"/bao-cao/{annual.pk}/sua/")
    assert form.status_code == 200 and "Cải cách thủ tục hành chính" in form.content.decode()
    data = {
        "version": annual.version, "subject": "Kết quả CCHC năm 2026", "issued_on": "31/02/2026",
        "section_procedures": "Đoạn mới.", "recipients": "Sở Nội vụ\nLưu: VT, VP",
    }  # fmt: skip
    bad = client.post(f"/bao-cao/{annual.pk}/sua/", data)
    assert bad.status_code == 200 and "Ngày không hợp lệ" in bad.content.decode()
    data["issued_on"] = "18/12/2026"
    assert client.post(f"/bao-cao/{annual.pk}/sua/", data).status_code == 302
    annual.refresh_from_db()
    assert (annual.subject, annual.sections["procedures"], annual.recipients) == (
        "Kết quả CCHC năm 2026", "Đoạn mới.", ["Sở Nội vụ", "Lưu: VT, VP"],
    )  # fmt: skip


def test_workflow_buttons_through_http(users, annual, year):
    focal, leader = client_for(users["focal"]), client_for(users["leader"])
    focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "open"})
    part = annual.contributions.get(unit=year.construction)
    unit = client_for(users["staff"])
    assert unit.get(f"/bao-cao/dong-gop/{part.pk}/").status_code == 200
    unit.post(
        f"/bao-cao/dong-gop/{part.pk}/",
        {"version": part.version, "section_institutions": "Phòng đã theo dõi.", "submit": "1"},
    )
    part.refresh_from_db()
    assert part.status == ContributionStatus.SUBMITTED
    focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "compile"})
    refused = focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "approve"}, follow=True)
    assert "Chỉ lãnh đạo cơ quan duyệt" in refused.content.decode()
    leader.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "approve"})
    focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "send", "number": "15", "sent_on": "16/12/2026"})
    annual.refresh_from_db()
    assert annual.status == ReportStatus.SENT and annual.number == "15"
    sent = annual.files.get()
    kept = focal.get(f"/bao-cao/tep/{sent.pk}/")
    assert (
        docx.Document(BytesIO(b"".join(kept.streaming_content))).tables[0].cell(1, 0).text == "Số: 15/BC-SXD"
    )


def test_a_unit_cannot_post_into_another_units_part(users, annual, year):
    report_open_to_units(report=annual, user=users["focal"])
    office = annual.contributions.get(unit=year.office)
    response = client_for(users["staff"]).post(
        f"/bao-cao/dong-gop/{office.pk}/", {"version": office.version, "section_procedures": "x"}
    )
    assert response.status_code == 403
    office.refresh_from_db()
    assert office.status == ContributionStatus.PENDING


def test_schedule_page_saves_and_refuses_bad_input(users, year):
    client = client_for(users["focal"])
    url = f"/bao-cao/lich/?agency={year.agency.pk}&year=2026"
    assert client.get(url).status_code == 200
    data = {
        "report_type": "monthly", "monthly-version": "0", "monthly-enabled": "on", "monthly-period_kind": "month", "monthly-periods": "1, x",
        "monthly-cutoff_day": "15", "monthly-deadline_day": "20", "monthly-deadline_offset_months": "0",
    }  # fmt: skip
    bad = client.post(url, data)
    assert bad.status_code == 200 and "không phải số thứ tự kỳ" in bad.content.decode()
    data["monthly-periods"] = "10, 11"
    assert client.post(url, data).status_code == 302
    assert year.agency.report_schedules.get().periods == [10, 11]
    assert client_for(users["viewer"]).post(url, data).status_code == 403


def test_templates_page_default_download_and_upload_errors(users, year):
    client = client_for(users["focal"])
    page = client.get(f"/bao-cao/mau/?agency={year.agency.pk}")
    assert page.status_code == 200 and "co_quan_ban_hanh" in page.content.decode()
    default = client.get("/bao-cao/mau/mac-dinh.docx")
    assert docx.Document(BytesIO(default.content)).tables[0].cell(1, 0).text == "{{ so_ky_hieu }}"
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = client.post(
        f"/bao-cao/mau/?agency={year.agency.pk}", {"file": SimpleUploadedFile("mau.pdf", b"%PDF")}
    )
    assert "Chỉ nhận: .docx" in bad.content.decode()
    good = client.post(
        f"/bao-cao/mau/?agency={year.agency.pk}",
        {"file": SimpleUploadedFile("mau.docx", default.content)},
        follow=True,
    )
    assert "Đã lưu mẫu báo cáo." in good.content.decode()


def test_the_overseer_sees_who_has_not_sent(users, annual):
    page = client_for(users["overseer"]).get("/bao-cao/toan-tinh/?kind=annual&period=2026")
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        'id="not-sent-count">2<' in html
        and "Sở Nội vụ tỉnh Một" in html
        and "Sở Xây dựng tỉnh Hai" not in html
    )
    wrong = client_for(users["overseer"]).get("/bao-cao/toan-tinh/?kind=quarterly&period=2026")
    assert "không phải kỳ của" in wrong.content.decode()


def test_pdf_without_libreoffice_offers_word_and_no_install_command(users, annual, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", "/khong/co/soffice")
    page = client_for(users["focal"]).post(f"/bao-cao/{annual.pk}/pdf/", follow=True)
    html = page.content.decode()
    assert "chưa xuất được PDF: hãy tải bản Word (.docx)" in html
    assert "apt-get" not in html and "LibreOffice" not in html


def test_another_agency_gets_404_on_every_page(users, annual, year):
    report_open_to_units(report=annual, user=users["focal"])
    part = annual.contributions.first()
    stranger = client_for(users["other"])
    for url in (
        f"/bao-cao/{annual.pk}/",
        f"/bao-cao/{annual.pk}/xem-truoc/",
        f"/bao-cao/{annual.pk}/sua/",
        f"/bao-cao/{annual.pk}/tai/docx/",
        f"/bao-cao/{annual.pk}/tai/xlsx/",
        f"/bao-cao/dong-gop/{part.pk}/",
        f"/bao-cao/?agency={year.agency.pk}",
        f"/bao-cao/lich/?agency={year.agency.pk}",
        f"/bao-cao/mau/?agency={year.agency.pk}",
    ):
        assert stranger.get(url).status_code == 404, url
    assert stranger.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "compile"}).status_code == 404
    assert stranger.post(f"/bao-cao/{annual.pk}/pdf/").status_code == 404


def test_api_lists_reads_creates_and_hides_other_agencies(users, annual, year):
    client = client_for(users["focal"])
    listed = client.get("/api/v1/reports?kind=annual").json()
    assert [(r["id"], r["agency_code"], r["period_code"]) for r in listed] == [(annual.pk, "P1-OWN", "2026")]
    detail = client.get(f"/api/v1/reports/{annual.pk}").json()
    assert detail["status"] == "draft" and detail["contributions"] == []
    due = client.get(f"/api/v1/reports/due?agency={year.agency.pk}").json()
    assert {(d["report_type"], d["state"]) for d in due} >= {("annual", "due_soon")}
    created = client.post(
        "/api/v1/reports",
        {"agency": year.agency.pk, "report_type": "half_year", "period_code": "2026-H1"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["deadline"] == "2026-06-20"
    refused = client.post(
        "/api/v1/reports",
        {"agency": year.agency.pk, "report_type": "quarterly", "period_code": "2026"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert docx.Document(BytesIO(client.get(f"/api/v1/reports/{annual.pk}/docx").content)).paragraphs
    stranger = client_for(users["other"])
    assert stranger.get("/api/v1/reports").json() == []
    for url in (f"/api/v1/reports/{annual.pk}", f"/api/v1/reports/{annual.pk}/docx", f"/api/v1/reports/{annual.pk}/xlsx",
                f"/api/v1/reports/due?agency={year.agency.pk}"):  # fmt: skip
        assert stranger.get(url).status_code == 404, url
    assert (
        stranger.post(
            "/api/v1/reports",
            {"agency": year.agency.pk, "report_type": "annual", "period_code": "2027"},
            content_type="application/json",
        ).status_code
        == 404
    )


def test_cli_writes_a_readable_report_and_annex(year, tmp_path, capsys):
    out, annex = tmp_path / "bc.docx", tmp_path / "bc.xlsx"
    call_command(
        "report",
        "--agency",
        "p1-own",
        "--kind",
        "annual",
        "--period",
        "2026",
        "--out",
        str(out),
        "--xlsx",
        str(annex),
    )
    document = docx.Document(str(out))
    assert document.tables[0].cell(1, 0).text == "Số:      /BC-SXD"
    assert load_workbook(str(annex))["Nhiệm vụ"].max_row == 3 + 17
    assert "17 lượt nhiệm vụ, 2 chỉ tiêu" in capsys.readouterr().out
    assert not Report.objects.exists()  # writing from the data does not create a report record


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--agency", "KHONG-CO", "--kind", "annual", "--period", "2026"], "Không có cơ quan"),
        (["--agency", "P1-OWN", "--kind", "weekly", "--period", "2026"], "Loại báo cáo"),
        (["--agency", "P1-OWN", "--kind", "6-month", "--period", "2026"], "viết theo kỳ 6 tháng"),
        (["--agency", "P1-OWN", "--kind", "monthly", "--period", "2026-13"], "Tháng 13"),
    ],
)
def test_cli_bad_input_is_a_clear_message(year, tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *arguments, "--out", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists()


@pytest.mark.skipif(
    not __import__("shutil").which("soffice"), reason="LibreOffice không được cài trên máy này"
)
def test_pdf_is_made_in_the_background_and_kept_with_the_report(
    users, annual, settings, tmp_path, django_capture_on_commit_callbacks
):
    from apps.jobs.models import Job

    settings.MEDIA_ROOT = str(tmp_path)
    client = client_for(users["focal"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/bao-cao/{annual.pk}/pdf/")
    job = Job.objects.get()
    assert response["Location"] == f"/cong-viec-nen/{job.pk}/"
    assert job.status == "succeeded" and job.result_url.startswith("/bao-cao/tep/")
    pdf = b"".join(client.get(job.result_url).streaming_content)
    assert pdf.startswith(b"%PDF-")
    assert annual.files.get().kind == "pdf"


def test_bad_input_is_never_a_server_error(users, annual, year):
    client = client_for(users["focal"])
    client.raise_request_exception = False
    for url in (
        "/bao-cao/?agency=abc&year=xyz",
        "/bao-cao/?year=99999",
        "/bao-cao/toan-tinh/?kind=khong-co&period=2026-Q9",
        "/bao-cao/lich/?year=-1",
        f"/bao-cao/{annual.pk}/tai/pdf/",
        "/bao-cao/dong-gop/999999/",
        "/bao-cao/tep/999999/",
    ):
        assert client.get(url).status_code in (200, 404), url
    for data in ({"action": "khong-co"}, {"action": "send", "number": "", "sent_on": "hôm nay"}, {}):
        assert client.post(f"/bao-cao/{annual.pk}/thao-tac/", data).status_code == 302
    assert client.post(f"/bao-cao/mau/?agency={year.agency.pk}", {"deactivate": "abc"}).status_code == 404
    assert (
        client.post(
            "/bao-cao/lap/", {"agency": "x", "report_type": "annual", "period_code": "2026"}
        ).status_code
        == 302
    )
    annual.refresh_from_db()
    assert annual.status == ReportStatus.DRAFT


CONFLICT = "vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."


def test_a_stale_report_form_is_refused_and_keeps_the_other_edit(users, annual):
    from apps.reports.services import report_update

    client = client_for(users["focal"])
    page = client.get(f"/bao-cao/{annual.pk}/sua/").content.decode()
    assert f'name="version" value="{annual.version}"' in page
    report_update(report=annual, user=users["focal"], subject="Sửa ở thẻ khác")
    stale = {"version": annual.version, "subject": "Sửa ở thẻ cũ"}
    response = client.post(f"/bao-cao/{annual.pk}/sua/", stale)
    assert response.status_code == 200
    assert f"Báo cáo {CONFLICT}" in response.content.decode()
    annual.refresh_from_db()
    assert (annual.subject, annual.version) == ("Sửa ở thẻ khác", stale["version"] + 1)
    fresh = {"version": annual.version, "subject": "Sửa sau khi tải lại"}
    assert client.post(f"/bao-cao/{annual.pk}/sua/", fresh).status_code == 302
    annual.refresh_from_db()
    assert (annual.subject, annual.version) == ("Sửa sau khi tải lại", fresh["version"] + 1)


def test_a_stale_unit_part_is_refused_and_keeps_the_colleagues_text(users, annual, year):
    from apps.reports.services import contribution_save

    report_open_to_units(report=annual, user=users["focal"])
    part = annual.contributions.get(unit=year.construction)
    client = client_for(users["staff"])
    assert (
        f'name="version" value="{part.version}"'
        in client.get(f"/bao-cao/dong-gop/{part.pk}/").content.decode()
    )
    contribution_save(contribution=part, user=users["staff"], sections={}, difficulties="Của đồng nghiệp")
    url = f"/bao-cao/dong-gop/{part.pk}/"
    response = client.post(url, {"version": part.version, "difficulties": "Của tôi", "save": "1"})
    assert f"Nội dung của đơn vị {CONFLICT}" in response.content.decode()
    part.refresh_from_db()
    assert (part.difficulties, part.version) == ("Của đồng nghiệp", 2)
    assert client.post(url, {"version": 2, "difficulties": "Của tôi", "save": "1"}).status_code == 302
    part.refresh_from_db()
    assert (part.difficulties, part.version) == ("Của tôi", 3)


def test_a_stale_schedule_form_is_refused_and_keeps_the_other_schedule(users, year):
    from apps.reports.services import schedule_save

    client = client_for(users["focal"])
    url = f"/bao-cao/lich/?agency={year.agency.pk}&year=2026"
    assert 'name="monthly-version" value="0"' in client.get(url).content.decode()
    schedule_save(
        agency=year.agency, year=2026, report_type="monthly", user=users["focal"], enabled=True,
        period_kind="month", periods=[3], cutoff_day=15, deadline_day=20, deadline_offset_months=0,
    )  # fmt: skip
    data = {
        "report_type": "monthly", "monthly-version": "0", "monthly-enabled": "on", "monthly-period_kind": "month",
        "monthly-periods": "10", "monthly-cutoff_day": "15", "monthly-deadline_day": "20",
        "monthly-deadline_offset_months": "0",
    }  # fmt: skip
    response = client.post(url, data)
    assert f"Lịch báo cáo {CONFLICT}" in response.content.decode()
    saved = year.agency.report_schedules.get()
    assert (saved.periods, saved.version) == ([3], 1)
    assert client.post(url, {**data, "monthly-version": "1"}).status_code == 302
    saved.refresh_from_db()
    assert (saved.periods, saved.version) == ([10], 2)
