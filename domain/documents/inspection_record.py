"""The record of a CCHC inspection (biên bản kiểm tra), in the format of Nghị định 30/2020/NĐ-CP.

Phụ lục III lays out a record (biên bản) like any administrative document — header table, "BIÊN BẢN" and its
subject — then the time and place, who took part, the content, and the closing sentence with the time it ended
and the number of copies; the record is signed by both sides (here the inspected unit's representative and the
head of the inspection team), each with the title in bold capitals and the name in bold. Inspections of at least
20% of units a year are a target of the seed plans (seed 003).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt

from domain.documents.nd30 import (
    BODY_SIZE,
    FIRST_LINE_INDENT,
    DocumentHeader,
    Line,
    add_document_header,
    add_paragraph,
    add_title,
    fill_cell,
    setup_document,
)
from domain.documents.nd30_text import GAP, clean, field, recipient_lines, signer_title_lines
from domain.documents.word_xml import no_borders, set_table_width

__all__ = [
    "InspectionFinding",
    "InspectionMember",
    "InspectionRecord",
    "inspection_record_to_docx",
    "moment_text",
]

TYPE_NAME = "BIÊN BẢN"
_SIGNATURE_WIDTHS = (Cm(8.25), Cm(8.25))
_SIGNATURE_SPACE_LINES = 4


@dataclass(frozen=True)
class InspectionMember:
    """A person at the inspection: "Ông Lê Công Du, Phó Giám đốc Sở — Trưởng đoàn"."""

    name: str
    title: str = ""
    role: str = ""


@dataclass(frozen=True)
class InspectionFinding:
    """What the team found on one content (a reform area, a criterion)."""

    topic: str
    text: str


@dataclass(frozen=True)
class InspectionRecord:
    """Everything the record says. Missing values are printed as gaps to fill in, never refused."""

    governing_body: str | None
    issuing_body: str
    number: str | None
    symbol: str | None  # "BB-SXD"
    place: str
    issued_on: date | None
    year: int | None
    subject: str  # "Kiểm tra công tác cải cách hành chính năm 2026 tại Phòng Quản lý xây dựng"
    basis: tuple[str, ...]
    started_at: datetime | None
    location: str
    inspected: str
    team: tuple[InspectionMember, ...]
    representatives: tuple[InspectionMember, ...]
    findings: tuple[InspectionFinding, ...]
    conclusion: str
    requests: tuple[str, ...]
    ended_at: datetime | None
    copies: int = 2
    inspected_signer_title: str | None = None  # "TRƯỞNG PHÒNG"
    inspected_signer: str | None = None
    team_leader: str | None = None
    recipients: tuple[str, ...] = ()


def moment_text(moment: datetime | None) -> str:
    """ "08 giờ 00 phút, ngày 15 tháng 10 năm 2026", or blanks to fill in by hand."""
    if moment is None:
        return "…… giờ …… phút, ngày …… tháng …… năm ……"
    month = f"{moment.month:02d}" if moment.month <= 2 else str(moment.month)
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút, ngày {moment.day:02d} tháng {month} năm {moment.year}"


def _member_line(member: InspectionMember) -> str:
    parts = [field(member.name) or GAP]
    if field(member.title):
        parts.append(field(member.title))
    line = ", ".join(parts)
    return f"- {line}" + (f" — {field(member.role)};" if field(member.role) else ";")


def _body(document: Document, text: str) -> None:
    add_paragraph(document, text, first_line_indent=FIRST_LINE_INDENT)


def _heading(document: Document, text: str) -> None:
    add_paragraph(document, text, bold=True, first_line_indent=FIRST_LINE_INDENT, keep_with_next=True)


def _signatures(document: Document, record: InspectionRecord) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    set_table_width(table, _SIGNATURE_WIDTHS)
    left: list[Line] = [Line("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", BODY_SIZE, bold=True)]
    if field(record.inspected_signer_title):
        left += [
            Line(line, BODY_SIZE, bold=True) for line in signer_title_lines(record.inspected_signer_title)
        ]
    left += [Line("")] * _SIGNATURE_SPACE_LINES + [
        Line(field(record.inspected_signer) or GAP, BODY_SIZE, bold=True)
    ]
    right = [Line("TRƯỞNG ĐOÀN KIỂM TRA", BODY_SIZE, bold=True)]
    right += [Line("")] * _SIGNATURE_SPACE_LINES + [
        Line(field(record.team_leader) or GAP, BODY_SIZE, bold=True)
    ]
    # Pad the shorter column so both names stand on the same line.
    while len(right) < len(left):
        right.insert(1, Line(""))
    fill_cell(table.cell(0, 0), left, width=_SIGNATURE_WIDTHS[0])
    fill_cell(table.cell(0, 1), right, width=_SIGNATURE_WIDTHS[1])
    for cell in table.rows[0].cells:
        cell.paragraphs[0].paragraph_format.space_before = Pt(12)


def inspection_record_to_docx(record: InspectionRecord) -> bytes:
    """The inspection record as a .docx file."""
    document = docx.Document()
    setup_document(document, title=f"{TYPE_NAME} {record.subject}", author=record.issuing_body)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=record.governing_body,
            issuing_body=record.issuing_body,
            number=record.number,
            symbol=record.symbol,
            place=record.place,
            issued_on=record.issued_on,
            year=record.year,
        ),
    )
    add_title(document, TYPE_NAME, record.subject)
    for line in record.basis:
        if field(line):
            _body(document, field(line))
    _body(
        document,
        f"Hôm nay, vào hồi {moment_text(record.started_at)}, tại {field(record.location) or GAP}, "
        f"Đoàn kiểm tra tiến hành kiểm tra công tác cải cách hành chính tại {field(record.inspected) or GAP}.",
    )
    _heading(document, "I. THÀNH PHẦN")
    _body(document, "1. Đoàn kiểm tra:")
    for member in record.team or (InspectionMember(""),):
        _body(document, _member_line(member))
    _body(document, f"2. Đại diện {field(record.inspected) or GAP}:")
    for member in record.representatives or (InspectionMember(""),):
        _body(document, _member_line(member))
    _heading(document, "II. NỘI DUNG KIỂM TRA")
    for index, finding in enumerate(record.findings, start=1):
        add_paragraph(
            document,
            f"{index}. {field(finding.topic) or GAP}",
            bold=True,
            italic=True,
            first_line_indent=FIRST_LINE_INDENT,
            keep_with_next=True,
        )
        for line in clean(finding.text).splitlines() or [GAP]:
            if line.strip():
                _body(document, line.strip())
    if not record.findings:
        _body(document, GAP)
    _heading(document, "III. KẾT LUẬN")
    for line in clean(record.conclusion).splitlines() or [GAP]:
        if line.strip():
            _body(document, line.strip())
    _heading(document, "IV. KIẾN NGHỊ, YÊU CẦU KHẮC PHỤC")
    for request in record.requests or (GAP,):
        _body(document, f"- {field(request)}")
    copies = f"{record.copies:02d}" if 0 < record.copies < 10 else str(record.copies)
    _body(
        document,
        f"Biên bản kết thúc vào hồi {moment_text(record.ended_at)}, được lập thành {copies} bản có giá trị như "
        "nhau, đã được đọc lại cho các thành viên cùng nghe, thống nhất và ký tên dưới đây./.",
    )
    _signatures(document, record)
    if record.recipients:
        add_paragraph(
            document, "Nơi nhận:", size=Pt(12), bold=True, italic=True, align=WD_PARAGRAPH_ALIGNMENT.LEFT
        ).paragraph_format.space_before = Pt(12)
        for line in recipient_lines(record.recipients):
            add_paragraph(
                document, line, size=Pt(11), align=WD_PARAGRAPH_ALIGNMENT.LEFT
            ).paragraph_format.space_after = Pt(0)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
