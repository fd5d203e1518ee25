"""The quarterly SIPAS report (BÁO CÁO kết quả khảo sát mức độ hài lòng) as a Word document, Nghị định 30 layout.

Plain values in, .docx bytes out: the header, the survey's scope (period, channels, sample against the target),
the method in one paragraph, the indices table (factor and question, each with its margin and n), the
suggestions and how they were handled, and the signature block left for the signer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO

import docx
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
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

TYPE_NAME = "BÁO CÁO"
COLUMNS = (
    GridColumn("TT", Cm(1.0), WD_PARAGRAPH_ALIGNMENT.CENTER),
    GridColumn("Nội dung", Cm(9.2)),
    GridColumn("Chỉ số hài lòng (%)", Cm(2.4), WD_PARAGRAPH_ALIGNMENT.CENTER),
    GridColumn("Sai số (± điểm %)", Cm(2.1), WD_PARAGRAPH_ALIGNMENT.CENTER),
    GridColumn("Số trả lời hợp lệ", Cm(1.9), WD_PARAGRAPH_ALIGNMENT.CENTER),
)


@dataclass(frozen=True)
class ReportRow:
    level: str  # overall | aspect | factor | question
    number: str
    title: str
    percent: str  # "93,91" or "—"
    margin: str
    n: int


@dataclass(frozen=True)
class SipasReport:
    governing_body: str | None
    issuing_body: str
    place: str
    issued_on: date | None
    year: int
    campaign: str
    period: str  # "từ ngày 01/10/2026 đến ngày 31/12/2026"
    channels: str
    responses: int
    target: int | None
    population: int | None
    method: str
    rows: Sequence[ReportRow]
    suggestions: int
    suggestions_handled: int
    sample_suggestions: Sequence[str]


def _p(document: docx.document.Document, text: str, *, bold: bool = False) -> None:
    add_paragraph(document, text, bold=bold, first_line_indent=FIRST_LINE_INDENT)


def sipas_report_docx(report: SipasReport) -> bytes:
    document = docx.Document()
    setup_document(document, title=f"Báo cáo {report.campaign}", author=report.issuing_body)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=report.governing_body,
            issuing_body=report.issuing_body,
            number=None,
            symbol=None,
            place=report.place,
            issued_on=report.issued_on,
            year=report.year,
        ),
    )
    add_title(
        document, TYPE_NAME, f"Kết quả khảo sát mức độ hài lòng của người dân, tổ chức – {report.campaign}"
    )
    _p(document, "I. PHẠM VI, CÁCH THỨC KHẢO SÁT", bold=True)
    _p(document, f"1. Thời gian khảo sát: {report.period}.")
    _p(document, f"2. Hình thức: {report.channels}.")
    sample = f"3. Số phiếu thu về: {report.responses} phiếu"
    if report.target and report.population:
        share = round(100 * report.responses / report.target) if report.target else 0
        sample += (
            f"; cỡ mẫu cần đạt {report.target} phiếu (n = N / (1 + N·e²) với N = {report.population} hồ sơ "
            f"đã giải quyết trong kỳ), đạt {share}%"
        )
    _p(document, sample + ".")
    _p(document, f"4. Phương pháp tính: {report.method}")
    _p(document, "II. KẾT QUẢ", bold=True)
    table = add_grid_table(document, COLUMNS)
    for row in report.rows:
        add_grid_row(
            table,
            COLUMNS,
            (row.number, row.title, row.percent, row.margin, str(row.n)),
            bold=row.level in ("overall", "aspect", "factor"),
        )
    _p(document, "III. Ý KIẾN GÓP Ý CỦA NGƯỜI DÂN, TỔ CHỨC", bold=True)
    _p(
        document,
        f"Có {report.suggestions} ý kiến góp ý; đã xem xét, xử lý {report.suggestions_handled} ý kiến. "
        "Một số ý kiến tiêu biểu:",
    )
    for text in report.sample_suggestions:
        _p(document, f"- {' '.join(text.split())[:400]}")
    _p(document, "IV. ĐỀ XUẤT, KIẾN NGHỊ", bold=True)
    _p(document, "- " + "." * 60)
    add_signature_block(document, SignatureBlock(None, None, ("Sở Nội vụ", "Lưu: VT, VP")))
    output = BytesIO()
    document.save(output)
    return output.getvalue()
