"""Printable certificates (Giấy khen) for the decided awards: A4 landscape, one page per award, no page number.

The national name and motto at the top, the awarding authority, "TẶNG", the form's name, the recipient, the
achievement; at the foot the decision's reference on the left and the place, date and signature on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Mm, Pt

from domain.documents.nd30 import Line, add_paragraph, fill_cell, setup_document
from domain.documents.nd30_text import GAP, field, place_date_line, signer_title_lines
from domain.documents.word_xml import no_borders, set_table_width

__all__ = ["Certificate", "certificates_docx"]

_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
_SIGNATURE_SPACE_LINES = 4


@dataclass(frozen=True)
class Certificate:
    """One certificate to print."""

    authority: str  # "Chủ tịch Ủy ban nhân dân xã Đại Sơn"
    recipient: str  # "Bà Nguyễn Thị Lan" or "Phòng Văn hóa – Xã hội"
    detail: str  # "Công chức Văn hóa – Xã hội, UBND xã Đại Sơn"
    achievement: str  # "Đã có thành tích xuất sắc trong phong trào thi đua … năm 2026"
    place: str
    issued_on: date | None
    year: int | None = None
    title: str = "GIẤY KHEN"
    decision: str = ""  # "Quyết định số 15/QĐ-UBND ngày 20/12/2026"
    register_number: str = ""  # "Số sổ: 12"
    signer_title: str | None = None  # "CHỦ TỊCH"
    signer: str | None = None


_CERTIFICATE_WIDTHS = (Cm(12.0), Cm(13.0))


def _landscape(document: Document) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(15)
    # A certificate carries no page number: empty the header the document setup put one in.
    for paragraph in section.header.paragraphs:
        for run in list(paragraph.runs):
            paragraph._p.remove(run._r)


def _certificate(document: Document, item: Certificate, *, first: bool) -> None:
    top = add_paragraph(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=_CENTER, size=Pt(14))
    top.paragraph_format.page_break_before = not first or None
    top.paragraph_format.space_after = Pt(0)
    add_paragraph(document, "Độc lập - Tự do - Hạnh phúc", bold=True, align=_CENTER, size=Pt(14))
    add_paragraph(
        document,
        field(item.authority).upper() or GAP,
        bold=True,
        align=_CENTER,
        size=Pt(16),
        space_before=Pt(18),
    )
    add_paragraph(document, "TẶNG", bold=True, align=_CENTER, size=Pt(16))
    add_paragraph(document, field(item.title).upper() or GAP, bold=True, align=_CENTER, size=Pt(40))
    add_paragraph(document, field(item.recipient) or GAP, bold=True, align=_CENTER, size=Pt(24))
    if field(item.detail):
        add_paragraph(document, field(item.detail), align=_CENTER, size=Pt(16))
    add_paragraph(document, field(item.achievement) or GAP, italic=True, align=_CENTER, size=Pt(16))
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    set_table_width(table, _CERTIFICATE_WIDTHS)
    left = [
        Line(field(text), Pt(13), align=_LEFT)
        for text in (item.decision, item.register_number)
        if field(text)
    ]
    fill_cell(table.cell(0, 0), left or [Line("")], width=_CERTIFICATE_WIDTHS[0])
    right = [Line(place_date_line(item.place, item.issued_on, item.year), Pt(14), italic=True)]
    right += [Line(line, Pt(14), bold=True) for line in signer_title_lines(item.signer_title)]
    right += [Line("")] * _SIGNATURE_SPACE_LINES + [Line(field(item.signer) or GAP, Pt(14), bold=True)]
    fill_cell(table.cell(0, 1), right, width=_CERTIFICATE_WIDTHS[1])


def certificates_docx(items: Sequence[Certificate]) -> bytes:
    """The certificates to print, A4 landscape, one page each."""
    document = docx.Document()
    setup_document(document, title="Giấy khen", author=field(items[0].authority) if items else "")
    _landscape(document)
    for index, item in enumerate(items):
        _certificate(document, item, first=index == 0)
    if not items:
        add_paragraph(document, "Không có giấy khen để in.", align=_CENTER)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
