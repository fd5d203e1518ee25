"""The CCHC inspection record (biên bản kiểm tra) in the Nghị định 30 format."""

from dataclasses import replace
from datetime import date, datetime
from io import BytesIO

import docx
from docx.oxml.ns import qn

from domain.documents.inspection_record import (
    InspectionFinding,
    InspectionMember,
    InspectionRecord,
    inspection_record_to_docx,
    moment_text,
)

RECORD = InspectionRecord(
    governing_body="UBND tỉnh Đắk Lắk",
    issuing_body="Sở Xây dựng",
    number="3",
    symbol="BB-SXD",
    place="Đắk Lắk",
    issued_on=date(2026, 10, 15),
    year=2026,
    subject="Kiểm tra công tác cải cách hành chính năm 2026 tại Phòng Quản lý xây dựng",
    basis=("Thực hiện Quyết định số 120/QĐ-SXD ngày 01/10/2026 của Giám đốc Sở Xây dựng;",),
    started_at=datetime(2026, 10, 15, 8, 0),
    location="Phòng Quản lý xây dựng",
    inspected="Phòng Quản lý xây dựng",
    team=(
        InspectionMember("Lê Công Du", "Phó Giám đốc Sở", "Trưởng đoàn"),
        InspectionMember("Trần Minh Tuấn", "Chuyên viên Văn phòng", "Thư ký"),
    ),
    representatives=(InspectionMember("Võ Đức Thắng", "Trưởng phòng"),),
    findings=(
        InspectionFinding(
            "Cải cách thủ tục hành chính", "Niêm yết đủ 45 thủ tục.\nCòn 2 hồ sơ trễ hạn chưa xin lỗi."
        ),
    ),
    conclusion="Phòng thực hiện cơ bản đầy đủ nhiệm vụ CCHC.",
    requests=("Thực hiện xin lỗi 2 hồ sơ trễ hạn trước ngày 30/10/2026",),
    ended_at=datetime(2026, 10, 15, 11, 30),
    inspected_signer_title="TRƯỞNG PHÒNG",
    inspected_signer="Võ Đức Thắng",
    team_leader="Lê Công Du",
    recipients=("Giám đốc Sở (b/c)", "Phòng Quản lý xây dựng", "Lưu: VT, VP"),
)


def read(record=RECORD):
    return docx.Document(BytesIO(inspection_record_to_docx(record)))


def test_header_title_and_time():
    document = read()
    assert document.tables[0].cell(1, 0).text == "Số: 03/BB-SXD"
    assert document.tables[0].cell(1, 1).text == "Đắk Lắk, ngày 15 tháng 10 năm 2026"
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("BIÊN BẢN") + 1] == RECORD.subject
    assert (
        "Hôm nay, vào hồi 08 giờ 00 phút, ngày 15 tháng 10 năm 2026, tại Phòng Quản lý xây dựng, Đoàn kiểm tra tiến "
        "hành kiểm tra công tác cải cách hành chính tại Phòng Quản lý xây dựng." in texts
    )
    assert "- Lê Công Du, Phó Giám đốc Sở — Trưởng đoàn;" in texts
    assert "Còn 2 hồ sơ trễ hạn chưa xin lỗi." in texts
    assert any(t.startswith("Biên bản kết thúc vào hồi 11 giờ 30 phút") and "02 bản" in t for t in texts)


def test_two_signatures_and_recipients():
    document = read()
    signature = document.tables[-1]
    left = [p.text for p in signature.cell(0, 0).paragraphs]
    right = [p.text for p in signature.cell(0, 1).paragraphs]
    assert left[:2] == ["ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "TRƯỞNG PHÒNG"] and left[-1] == "Võ Đức Thắng"
    assert right[0] == "TRƯỞNG ĐOÀN KIỂM TRA" and right[-1] == "Lê Công Du"
    assert len(left) == len(right)  # both names on the same line
    texts = [p.text for p in document.paragraphs]
    assert texts[-4:] == ["Nơi nhận:", "- Giám đốc Sở (b/c);", "- Phòng Quản lý xây dựng;", "- Lưu: VT, VP."]
    run = document.paragraphs[-1].runs[0]
    assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"


def test_missing_values_leave_gaps_to_fill_by_hand():
    document = read(
        replace(RECORD, started_at=None, ended_at=None, team=(), findings=(), team_leader=None, requests=())
    )
    texts = [p.text for p in document.paragraphs]
    assert any("…… giờ …… phút, ngày …… tháng …… năm ……" in t for t in texts)
    assert "- …;" in texts
    assert document.tables[-1].cell(0, 1).paragraphs[-1].text == "…"


def test_moment_text():
    assert moment_text(datetime(2026, 2, 5, 14, 5)) == "14 giờ 05 phút, ngày 05 tháng 02 năm 2026"
