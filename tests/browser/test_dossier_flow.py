"""A focal point imports a dossier export with a few bad rows, downloads the error file, opens the agency
scorecard, clicks the on-time rate, reaches a late dossier and downloads its apology letter."""

from __future__ import annotations

import csv
import io
from io import BytesIO

from docx import Document

from .conftest import login

HEADER = (
    "ma_ho_so,ma_co_quan,ma_don_vi,ma_thu_tuc,ten_thu_tuc,muc_do,kenh_nop,ngay_tiep_nhan,ngay_hen_tra,"
    "ngay_co_ket_qua,ngay_tra_ket_qua,le_phi,thanh_toan_truc_tuyen,so_hoa,ket_qua_dien_tu,ngay_xin_loi,so_lan_hen_lai"
)


def export_file() -> bytes:
    """A month of dossiers of Sở Xây dựng Đắk Lắk: on time, one late without an apology, three bad rows."""
    lines = [HEADER]
    for number in range(1, 9):
        lines.append(
            f"XD-{number:03d},DLK-SXD,VP,1.009972,Cấp giấy phép xây dựng,mot_phan,truc_tuyen,"
            f"0{number}/03/2026 08:00,20/03/2026,1{number}/03/2026 15:00,1{number}/03/2026,150000,1,1,1,,0"
        )
    lines.append(
        "XD-TRE,DLK-SXD,QLXD,1.009974,Cấp điều chỉnh giấy phép xây dựng,mot_phan,truc_tiep,"
        "02/03/2026 09:30,10/03/2026,16/03/2026 10:00,16/03/2026,100000,0,1,0,,0"
    )
    lines.append(
        "XD-LOI1,DLK-SXD,VP,1.009972,Cấp giấy phép xây dựng,mot_phan,truc_tiep,31/02/2026,10/03/2026,,,0,0,1,0,,0"
    )
    lines.append(
        "XD-LOI2,DLK-SXD,VP,1.009972,Cấp giấy phép xây dựng,mot_phan,truc_tiep,05/03/2026,01/03/2026,,,0,0,1,0,,0"
    )
    lines.append(
        "XD-LOI3,SXD-KHONG-CO,VP,1.009972,Cấp giấy phép xây dựng,mot_phan,truc_tiep,05/03/2026,10/03/2026,,,0,0,1,0,,0"
    )
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def test_import_scorecard_drill_down_apology_letter(live_server, page, demo, tmp_path):
    from apps.indicators.tests.catalogue import ensure_catalogue

    ensure_catalogue()  # an earlier transactional test may have flushed the reference data
    path = tmp_path / "ho-so-thang-3.csv"
    path.write_bytes(export_file())
    login(page, live_server.url, "daumoi")

    page.click("nav >> text=Hồ sơ TTHC")
    page.click("text=Nhập dữ liệu hồ sơ")
    page.set_input_files("#id_file", str(path))
    page.check("#id_load_good_rows")
    page.click("#dossier-import-form button[type=submit]")
    page.wait_for_selector("#import-summary")
    summary = page.inner_text("#import-summary")
    assert "Đã nhập các dòng hợp lệ" in summary
    assert "9 hồ sơ mới" in summary and "3 dòng lỗi" in summary

    with page.expect_download() as download_info:
        page.click("#error-file")
    errors = list(csv.reader(io.StringIO(download_info.value.path().read_text(encoding="utf-8-sig"))))
    assert errors[0][:2] == ["dong", "ly_do"]
    reasons = {row[2]: row[1] for row in errors[1:]}
    assert "31/02/2026" in reasons["XD-LOI1"]
    assert "trước ngày tiếp nhận" in reasons["XD-LOI2"]
    assert "SXD-KHONG-CO" in reasons["XD-LOI3"]

    page.click("text=Xem bảng chỉ số")
    page.select_option("#sc-period", label="Tháng 3/2026")  # periods are picked by name
    page.click("#scorecard-query button[type=submit]")
    on_time = page.locator("#figure-dossier_on_time_rate a.value")
    assert on_time.inner_text() == "88,89%"  # 8 of 9 resolved on or before their due date
    on_time.click()
    page.wait_for_selector("#dossiers")
    late_row = page.locator("#dossiers tbody tr", has_text="XD-TRE")
    assert "Trễ hạn" in late_row.inner_text()
    late_row.locator("a", has_text="XD-TRE").click()
    page.wait_for_selector("#apology-warning")
    assert page.inner_text("#dossier-status") == "Trễ hạn"

    with page.expect_download() as letter_info:
        page.click("#apology-letter")
    letter = Document(BytesIO(letter_info.value.path().read_bytes()))
    text = "\n".join(paragraph.text for paragraph in letter.paragraphs)
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "Mã số hồ sơ: XD-TRE." in text and "Ngày hẹn trả kết quả: 10/03/2026." in text
