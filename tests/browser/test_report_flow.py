"""The focal point starts the annual report, asks the units, a unit head sends his part, the focal point
compiles, reads the preview (a unit that sent nothing is marked) and downloads the Word file."""

from __future__ import annotations

from datetime import timedelta

import docx
from django.utils import timezone

from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.tasks.models import Occurrence, Task

from .conftest import login


def make_year() -> None:
    today = timezone.localdate()
    agency = Agency.objects.get(code="DLK-SXD")
    plan = Plan.objects.create(
        agency=agency,
        number="13",
        symbol="KH-SXD",
        issued_on=today.replace(month=1, day=8),
        title="Cải cách hành chính năm thử nghiệm",
        plan_type="annual_reform",
        period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31),
        signer="Lê Công Du",
        signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    )
    for ref, unit, title, due, accepted in (
        (
            "1",
            "KHTC",
            "Quản lý, sử dụng ngân sách đúng quy định",
            today - timedelta(days=20),
            today - timedelta(days=21),
        ),
        ("2", "QLXD", "Rà soát, đơn giản hóa thủ tục hành chính", today - timedelta(days=10), None),
    ):
        task = Task.objects.create(
            agency=agency, plan=plan, ref=ref, title=title, lead_text=unit, order=int(ref)
        )
        task.lead_units.set([agency.units.get(code=unit)])
        Occurrence.objects.create(task=task, seq=1, due_on=due, accepted_on=accepted)


def test_annual_report_from_units_to_word(live_server, browser, demo, tmp_path):
    make_year()
    year = timezone.localdate().year
    focal = browser.new_context(
        locale="vi-VN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    ).new_page()
    login(focal, live_server.url, "daumoi")
    focal.get_by_role("navigation", name="Chức năng").get_by_role("link", name="Báo cáo").click()
    assert focal.locator("h1").inner_text().startswith(f"Lịch báo cáo năm {year}")
    focal.select_option("#new-kind", "annual")
    focal.select_option("#new-period", label=f"Năm {year}")  # periods are picked by name
    focal.locator("#create-form").get_by_role("button", name="Lập báo cáo").click()
    assert focal.locator("h1").inner_text() == f"Báo cáo CCHC năm {year}"
    focal.get_by_role("button", name="Yêu cầu các đơn vị gửi nội dung").click()
    assert "Đã gửi yêu cầu tới các đơn vị" in focal.locator(".messages").inner_text()
    report_url = focal.url

    head = browser.new_context(locale="vi-VN").new_page()
    login(head, live_server.url, "truongphong")
    head.goto(report_url)
    head.locator("#contributions tr", has_text="Phòng Kế hoạch – Tài chính").get_by_role(
        "link", name="Soạn, gửi"
    ).click()
    field = head.get_by_label("Cải cách tài chính công")
    assert "đã hoàn thành quản lý, sử dụng ngân sách đúng quy định" in field.input_value()
    field.fill(field.input_value() + "\nĐã công khai dự toán ngân sách năm đúng hạn.")
    head.get_by_role("button", name="Gửi đầu mối").click()
    assert "Đã gửi nội dung cho đầu mối." in head.locator(".messages").inner_text()

    focal.reload()
    focal.get_by_role("button", name="Tổng hợp báo cáo").click()
    focal.get_by_role("link", name="Xem trước").click()
    preview = focal.locator("#preview")
    assert "Đã công khai dự toán ngân sách năm đúng hạn." in preview.inner_text()
    assert (
        "[Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]" in preview.locator("mark.gap").all_inner_texts()
    )
    focal.screenshot(path=str(tmp_path / "report-preview.png"), full_page=True)
    with focal.expect_download() as download:
        focal.get_by_role("link", name="Tải Word (.docx)").click()
    document = docx.Document(str(download.value.path()))
    assert document.tables[0].cell(1, 0).text == "Số:      /BC-SXD"
    assert any(p.text == "Đã công khai dự toán ngân sách năm đúng hạn." for p in document.paragraphs)
