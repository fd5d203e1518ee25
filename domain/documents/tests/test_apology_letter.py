"""The apology letter of a late dossier: the form's wording, the Nghị định 30 header, gaps left to fill in."""

from datetime import date
from io import BytesIO

from docx import Document

from domain.documents.apology_letter import TITLE, ApologyLetter, apology_letter_docx, apology_letter_lines

LETTER = ApologyLetter(
    governing_body="UBND tỉnh Đắk Lắk",
    issuing_body="Sở Xây dựng tỉnh Đắk Lắk",
    symbol="PXL-SXD",
    place="Đắk Lắk",
    issued_on=date(2026, 3, 9),
    dossier_code="000.00.12.H17-260302-0001",
    procedure="Cấp giấy phép xây dựng",
    received_on=date(2026, 3, 2),
    due_on=date(2026, 3, 10),
)


def test_the_letter_names_the_dossier_and_leaves_gaps_to_fill_in():
    lines = apology_letter_lines(LETTER)
    assert (
        lines[0]
        == "Ngày 02/03/2026, Sở Xây dựng tỉnh Đắk Lắk tiếp nhận giải quyết hồ sơ của ông/bà/tổ chức …………………………."
    )
    assert "Mã số hồ sơ: 000.00.12.H17-260302-0001." in lines
    assert "Ngày hẹn trả kết quả: 10/03/2026." in lines
    assert "Lý do: …………………………." in lines[4]
    assert lines[5].endswith("ngày …… tháng …… năm …….")


def test_the_docx_carries_the_header_and_the_title():
    document = Document(BytesIO(apology_letter_docx(LETTER)))
    text = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(cell.text for row in document.tables[0].rows for cell in row.cells)
    assert TITLE in text
    assert "SỞ XÂY DỰNG TỈNH ĐẮK LẮK" in header and "Số:" in header and "/PXL-SXD" in header
    assert "Đắk Lắk, ngày 09 tháng 3 năm 2026" in header
    assert "Xin trân trọng cảm ơn sự hợp tác của ông/bà/tổ chức./." in text


def test_a_hostile_reason_cannot_break_the_document():
    letter = ApologyLetter(**{**LETTER.__dict__, "reason": "lỗi\x00\x0b hệ thống"})
    assert Document(BytesIO(apology_letter_docx(letter)))
