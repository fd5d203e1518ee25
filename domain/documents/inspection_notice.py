"""The conclusion notice of a CCHC inspection (thông báo kết luận kiểm tra), in the format of Nghị định 30/2020.

A notice (thông báo) is laid out like any administrative document (Phụ lục III): the header table, "THÔNG BÁO"
and its subject, the basis, then what was found good, what falls short, and what the inspected unit must put
right by when; the signature block closes it with "Nơi nhận". Missing values print as gaps, never refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from io import BytesIO

import docx

from domain.documents.nd30 import (
    FIRST_LINE_INDENT,
    DocumentHeader,
    SignatureBlock,
    add_document_header,
    add_paragraph,
    add_signature_block,
    add_title,
    setup_document,
)
from domain.documents.nd30_text import GAP, clean, field

__all__ = ["ConclusionNotice", "RemediationLine", "conclusion_notice_to_docx"]

TYPE_NAME = "THÔNG BÁO"


@dataclass(frozen=True)
class RemediationLine:
    """One thing to put right: what, who leads it, by when."""

    text: str
    lead: str
    due_on: date | None


@dataclass(frozen=True)
class ConclusionNotice:
    header: DocumentHeader
    subject: str  # "Kết luận kiểm tra công tác cải cách hành chính năm 2026 tại Phòng Quản lý xây dựng"
    basis: tuple[str, ...]
    inspected: str
    held_on: date | None
    mode: str
    passed: tuple[str, ...]  # checklist items found "đạt"
    shortfalls: tuple[str, ...]  # findings, and items "chưa đạt" with their notes
    conclusion: str
    remediations: tuple[RemediationLine, ...]
    signature: SignatureBlock


def _body(document: docx.document.Document, text: str, *, bold: bool = False) -> None:
    add_paragraph(document, text, bold=bold, first_line_indent=FIRST_LINE_INDENT, keep_with_next=bold)


def conclusion_notice_to_docx(notice: ConclusionNotice) -> bytes:
    document = docx.Document()
    setup_document(document, title=f"{TYPE_NAME} {notice.subject}", author=notice.header.issuing_body)
    add_document_header(document, notice.header)
    add_title(document, TYPE_NAME, notice.subject)
    for line in notice.basis:
        if field(line):
            _body(document, field(line))
    when = notice.held_on.strftime("%d/%m/%Y") if notice.held_on else GAP
    _body(
        document,
        f"Ngày {when}, Đoàn kiểm tra đã kiểm tra công tác cải cách hành chính tại {field(notice.inspected) or GAP} "
        f"({field(notice.mode).lower() or GAP}). Trên cơ sở biên bản kiểm tra, "
        f"{field(notice.header.issuing_body) or GAP} thông báo kết luận như sau:",
    )
    _body(document, "1. Kết quả đạt được", bold=True)
    for line in notice.passed or (GAP,):
        _body(document, f"- {field(line)}")
    _body(document, "2. Tồn tại, hạn chế", bold=True)
    for line in notice.shortfalls or ("Không có.",):
        _body(document, f"- {field(line)}")
    _body(document, "3. Kết luận", bold=True)
    for line in clean(notice.conclusion).splitlines() or [GAP]:
        if line.strip():
            _body(document, line.strip())
    _body(document, "4. Yêu cầu khắc phục", bold=True)
    if notice.remediations:
        _body(
            document,
            f"Đề nghị {field(notice.inspected) or GAP} tổ chức khắc phục các tồn tại, hạn chế nêu trên và báo cáo "
            "kết quả (kèm minh chứng) trên hệ thống theo dõi nhiệm vụ:",
        )
    for index, item in enumerate(notice.remediations, start=1):
        due = item.due_on.strftime("%d/%m/%Y") if item.due_on else GAP
        _body(
            document,
            f"{index}. {field(item.text) or GAP} — chủ trì: {field(item.lead) or GAP}; thời hạn: {due}.",
        )
    if not notice.remediations:
        _body(document, "Không có yêu cầu khắc phục.")
    add_signature_block(document, notice.signature)
    out = BytesIO()
    document.save(out)
    return out.getvalue()
