"""The apology letter for a late dossier: "Phiếu xin lỗi và hẹn lại ngày trả kết quả".

Wording after Mẫu số 04 of Thông tư 01/2018/TT-VPCP (guidance of Nghị định 61/2018/NĐ-CP, whose apology rule
Nghị định 118/2025/NĐ-CP carries on), laid out in the format of Nghị định 30/2020/NĐ-CP (`nd30`). What the
system does not know — the applicant's name, the reason, the new date — is left as a dotted gap to fill in
by hand, as the printed form does.
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
from domain.documents.nd30_text import field

__all__ = ["TITLE", "ApologyLetter", "apology_letter_docx", "apology_letter_lines"]

TITLE = "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ"
DOTS = "…………………………"


@dataclass(frozen=True)
class ApologyLetter:
    """What the letter says about the agency and the dossier."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk"
    issuing_body: str  # "Sở Xây dựng tỉnh Đắk Lắk"
    symbol: str | None  # "PXL-SXD"
    place: str
    issued_on: date | None
    dossier_code: str
    procedure: str
    received_on: date
    due_on: date
    applicant: str | None = None
    reason: str | None = None
    new_date: date | None = None
    signer_title: str | None = "THỦ TRƯỞNG CƠ QUAN"
    signer: str | None = None


def _day(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else "…/…/……"


def apology_letter_lines(letter: ApologyLetter) -> list[str]:
    """The body of the letter, one paragraph per line."""
    who = field(letter.applicant) or f"ông/bà/tổ chức {DOTS}"
    body = field(letter.issuing_body)
    new_date = (
        f"ngày {letter.new_date.day:02d} tháng {letter.new_date.month:02d} năm {letter.new_date.year}"
        if letter.new_date
        else "ngày …… tháng …… năm ……"
    )
    return [
        f"Ngày {_day(letter.received_on)}, {body} tiếp nhận giải quyết hồ sơ của {who}.",
        f"Mã số hồ sơ: {field(letter.dossier_code)}.",
        f"Nội dung giải quyết thủ tục hành chính: {field(letter.procedure) or DOTS}.",
        f"Ngày hẹn trả kết quả: {_day(letter.due_on)}.",
        "Việc trả kết quả giải quyết hồ sơ của ông/bà/tổ chức đã quá thời hạn giải quyết theo quy định. "
        f"Lý do: {field(letter.reason) or DOTS}.",
        f"Sự chậm trễ này đã gây phiền hà cho ông/bà/tổ chức. {body} xin lỗi ông/bà/tổ chức và sẽ trả kết "
        f"quả giải quyết hồ sơ vào {new_date}.",
        "Xin trân trọng cảm ơn sự hợp tác của ông/bà/tổ chức./.",
    ]


def apology_letter_docx(letter: ApologyLetter) -> bytes:
    """The letter as a .docx file in the Nghị định 30 layout."""
    document = docx.Document()
    setup_document(document, title=TITLE, author=letter.issuing_body)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=letter.governing_body,
            issuing_body=letter.issuing_body,
            number=None,
            symbol=letter.symbol,
            place=letter.place,
            issued_on=letter.issued_on,
            year=(letter.issued_on or letter.due_on).year,
        ),
    )
    add_title(document, TITLE, f"Hồ sơ {field(letter.dossier_code)}")
    for line in apology_letter_lines(letter):
        add_paragraph(document, line, first_line_indent=FIRST_LINE_INDENT)
    add_signature_block(
        document,
        SignatureBlock(
            title=letter.signer_title,
            signer=letter.signer,
            recipients=("Như trên", "Bộ phận Tiếp nhận và Trả kết quả", "Lưu: VT"),
        ),
    )
    output = BytesIO()
    document.save(output)
    return output.getvalue()
