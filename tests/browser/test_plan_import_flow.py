"""A focal point uploads a Word plan, corrects a lead unit in the preview, and finds the task in the register."""

from __future__ import annotations

from io import BytesIO

from docx import Document
from playwright.sync_api import expect

from .conftest import login


def build_plan_docx() -> bytes:
    """A plan in another layout than the seeds: real Word table, header with number and date."""
    document = Document()
    header = document.add_table(rows=1, cols=2)
    header.cell(0, 0).text = "UBND TỈNH ĐẮK LẮK\nSỞ XÂY DỰNG\nSố: 45/KH-SXD"
    header.cell(
        0, 1
    ).text = (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐắk Lắk, ngày 10 tháng 3 năm 2026"
    )
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Kiểm tra công tác cải cách hành chính năm 2026 của Sở Xây dựng")
    document.add_paragraph(
        "Thực hiện Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng về cải cách hành chính năm 2026, "
        "Sở Xây dựng ban hành Kế hoạch kiểm tra như sau:"
    )
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("- Tối thiểu 20% phòng chuyên môn, đơn vị trực thuộc được kiểm tra.")
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Văn phòng Sở chủ trì tổ chức kiểm tra theo Phụ lục kèm theo./.")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Sở Nội vụ;")
    document.add_paragraph("- Lưu: VT, VP.")
    document.add_paragraph("GIÁM ĐỐC")
    document.add_paragraph("Cao Đình Huy")
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=1, cols=6)
    for cell, text in zip(
        table.rows[0].cells, ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm"], strict=True
    ):
        cell.text = text
    rows = [
        (
            "1",
            "Xây dựng kế hoạch kiểm tra CCHC",
            "Văn phòng Sở",
            "Các phòng",
            "Quý II/2026",
            "Kế hoạch kiểm tra",
        ),
        (
            "2",
            "Kiểm tra việc giải quyết TTHC lĩnh vực hoạt động xây dựng",
            "Văn phòng Sở",
            "Các phòng chuyên môn",
            "Quý III/2026",
            "Biên bản kiểm tra",
        ),
        ("3", "Báo cáo kết quả kiểm tra", "Văn phòng Sở", "Các phòng", "trước ngày 15/12/2026", "Báo cáo"),
    ]
    for values in rows:
        for cell, text in zip(table.add_row().cells, values, strict=True):
            cell.text = text
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_upload_correct_confirm_and_find_in_register(live_server, page, demo, tmp_path):
    path = tmp_path / "ke-hoach-kiem-tra.docx"
    path.write_bytes(build_plan_docx())
    login(page, live_server.url, "daumoi")
    page.click("text=Kế hoạch")
    page.click("text=Nhập kế hoạch từ tệp")
    page.set_input_files("#id_file", str(path))
    page.click("button:has-text('Đọc tệp và xem trước')")
    page.wait_for_selector("#preview-tasks")
    assert page.input_value("#plan-number") == "45"
    row = page.locator("#preview-tasks tr[data-ref='2']")
    row.locator("select").select_option(label="Phòng Quản lý xây dựng")
    page.click("button:has-text('Lưu kế hoạch')")
    page.wait_for_selector("#plan-tasks")
    assert "45/KH-SXD" in page.inner_text("h1")
    page.goto(f"{live_server.url}/nhiem-vu/")
    lead_select = page.locator("#id_lead")
    option = lead_select.locator("option", has_text="Phòng Quản lý xây dựng — Sở Xây dựng tỉnh Đắk Lắk")
    lead_select.select_option(value=option.get_attribute("value"))
    with page.expect_navigation():
        page.click("#task-filters button:has-text('Lọc')")
    rows = page.locator("#tasks tbody tr")
    # Wait for the filtered table itself, not just the new address: CI once counted rows mid-load.
    expect(rows).to_have_count(1)
    assert "Kiểm tra việc giải quyết TTHC lĩnh vực hoạt động xây dựng" in rows.first.inner_text()
