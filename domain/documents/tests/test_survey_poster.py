"""The counter poster: A4, the agency, the steps, the QR code that decodes to the link."""

from __future__ import annotations

from io import BytesIO

from docx import Document

from domain.documents.survey_poster import Poster, poster_docx, qr_png, qr_svg

URL = "https://cchc.daklak.gov.vn/khao-sat/y/12.3.1.20261231~abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/"


def test_poster_carries_agency_steps_code_and_address():
    data = poster_docx(
        Poster(
            "UBND tỉnh Đắk Lắk",
            "Sở Xây dựng tỉnh Đắk Lắk",
            "Quầy số 1",
            "Khảo sát quý IV/2026",
            URL,
            "10/01/2027",
        )
    )
    document = Document(BytesIO(data))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "SỞ XÂY DỰNG TỈNH ĐẮK LẮK" in text
    assert "Bước 1." in text and "Bước 3." in text
    assert URL in text and "10/01/2027" in text
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert len(document.inline_shapes) == 1


def test_qr_images():
    assert qr_png(URL)[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in qr_svg(URL)
