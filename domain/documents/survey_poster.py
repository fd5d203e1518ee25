"""The QR code of a survey link (segno) and the A4 poster that carries it to the counter (.docx).

The poster is not an administrative document, but it borrows Nghị định 30's page and font helpers so it prints
like the rest: A4 portrait, Times New Roman, the agency's name on top, what to do in three steps, the code
large enough to scan from an arm's length (12 cm), and the address under it for those who type it.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from docx import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt

from domain.documents.nd30 import add_paragraph, add_run, setup_document

CENTER = WD_PARAGRAPH_ALIGNMENT.CENTER
LEFT = WD_PARAGRAPH_ALIGNMENT.LEFT


def qr_code(url: str) -> segno.QRCode:
    # Level M keeps the code small yet readable through a scuffed laminate.
    return segno.make_qr(url, error="m")


def qr_svg(url: str, *, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="svg", scale=scale, border=4, xmldecl=True, title="Mã QR khảo sát")
    return buffer.getvalue()


def qr_png(url: str, *, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


@dataclass(frozen=True)
class Poster:
    """What a counter poster says."""

    governing_body: str  # "UBND tỉnh Đắk Lắk"
    agency: str  # "Sở Xây dựng tỉnh Đắk Lắk"
    counter: str  # "Quầy số 1 – Bộ phận Một cửa"
    campaign: str  # "Khảo sát SIPAS quý IV/2026"
    url: str
    valid_until: str  # "31/12/2026"


STEPS = (
    "Mở máy ảnh hoặc ứng dụng Zalo trên điện thoại và hướng vào mã QR dưới đây.",
    "Bấm vào đường dẫn hiện ra để mở phiếu khảo sát (không cần cài đặt, không cần đăng nhập).",
    "Chọn mức độ hài lòng cho từng nội dung rồi bấm “Gửi ý kiến”: chỉ mất khoảng hai phút.",
)


def poster_docx(poster: Poster) -> bytes:
    document = Document()
    setup_document(document, title=f"Mã QR khảo sát – {poster.agency}", author=poster.agency)
    if poster.governing_body:
        add_paragraph(document, poster.governing_body.upper(), size=Pt(14), align=CENTER)
    add_paragraph(document, poster.agency.upper(), size=Pt(16), bold=True, align=CENTER)
    add_paragraph(document, "MỜI ÔNG/BÀ ĐÁNH GIÁ", size=Pt(26), bold=True, align=CENTER, space_before=Pt(12))
    add_paragraph(
        document,
        "mức độ hài lòng đối với sự phục vụ của cơ quan",
        size=Pt(18),
        align=CENTER,
    )
    for number, step in enumerate(STEPS, start=1):
        paragraph = add_paragraph(document, "", size=Pt(15), align=LEFT)
        add_run(paragraph, f"Bước {number}. ", size=Pt(15), bold=True)
        add_run(paragraph, step, size=Pt(15))
    picture = document.add_paragraph()
    picture.alignment = CENTER
    picture.add_run().add_picture(io.BytesIO(qr_png(poster.url, scale=12)), width=Cm(12))
    add_paragraph(document, poster.counter, size=Pt(16), bold=True, align=CENTER)
    add_paragraph(document, poster.url, size=Pt(10), align=CENTER)
    add_paragraph(
        document,
        f"{poster.campaign} · nhận ý kiến đến hết ngày {poster.valid_until}. Phiếu không ghi tên; "
        "ý kiến của Ông/Bà chỉ dùng để cải thiện chất lượng phục vụ.",
        size=Pt(12),
        italic=True,
        align=CENTER,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
