"""A periodic CCHC report written to Word in the format of Nghị định 30/2020/NĐ-CP.

The outline follows the CCHC reports the seeds ask for (to Sở Nội vụ and UBND tỉnh): the overall result with a
table of tasks by reform area and status; one part per reform area; the targets against what was measured,
late dossiers and satisfaction surveys; strengths and shortcomings; the tasks ahead; proposals. The signature
and "Nơi nhận" close it; an appendix on landscape pages lists every task with what became of it in the period.

Gaps (``[[…]]`` in the text, see ``report_content``) are printed in brackets, highlighted, so the author sees
them before signing.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.nd30 import (
    FIRST_LINE_INDENT,
    DocumentHeader,
    SignatureBlock,
    add_caption,
    add_document_header,
    add_heading,
    add_landscape_section,
    add_paragraph,
    add_run,
    add_signature_block,
    add_title,
    setup_document,
)
from domain.documents.nd30_text import clean
from domain.documents.report_content import (
    AreaSection,
    ReportContent,
    number_text,
    paragraphs,
    percent_text,
    split_gaps,
)
from domain.report_tasks import StatusCounts

__all__ = [
    "ANNEX_COLUMNS",
    "AREA_COLUMNS",
    "CHANNEL_COLUMNS",
    "DOSSIER_COLUMNS",
    "INDICATOR_COLUMNS",
    "SURVEY_COLUMNS",
    "TYPE_NAME",
    "report_to_docx",
    "write_report",
]

TYPE_NAME = "BÁO CÁO"
_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
# Portrait text width: 210 − 30 − 15 mm = 16.5 cm; landscape: 297 − 45 mm = 25.2 cm.
AREA_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Lĩnh vực", Cm(5.1)),
    GridColumn("Tổng số", Cm(1.6), _CENTER),
    GridColumn("Đúng hạn", Cm(1.7), _CENTER),
    GridColumn("Trễ hạn", Cm(1.6), _CENTER),
    GridColumn("Quá hạn", Cm(1.6), _CENTER),
    GridColumn("Đang thực hiện", Cm(1.9), _CENTER),
    GridColumn("Tỷ lệ đúng hạn", Cm(1.8), _CENTER),
)
INDICATOR_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Chỉ tiêu", Cm(7.2)),
    GridColumn("Kế hoạch", Cm(2.4), _CENTER),
    GridColumn("Kết quả", Cm(2.5), _CENTER),
    GridColumn("Đánh giá", Cm(3.2), _CENTER),
)
DOSSIER_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Thủ tục hành chính", Cm(5.3)),
    GridColumn("Đã giải quyết", Cm(2.0), _CENTER),
    GridColumn("Đúng, trước hạn", Cm(2.0), _CENTER),
    GridColumn("Trễ hạn", Cm(1.8), _CENTER),
    GridColumn("Quá hạn chưa giải quyết", Cm(2.2), _CENTER),
    GridColumn("Đã xin lỗi", Cm(2.0), _CENTER),
)
SURVEY_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Đợt khảo sát", Cm(6.8)),
    GridColumn("Thời gian", Cm(3.5), _CENTER),
    GridColumn("Số phiếu", Cm(2.0), _CENTER),
    GridColumn("Tỷ lệ hài lòng", Cm(3.0), _CENTER),
)
CHANNEL_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Kênh", Cm(10.0)),
    GridColumn("Số tin, bài", Cm(3.0), _CENTER),
)
ANNEX_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Nhiệm vụ", Cm(8.2)),
    GridColumn("Đơn vị chủ trì", Cm(4.0)),
    GridColumn("Thời gian", Cm(2.8), _CENTER),
    GridColumn("Kết quả thực hiện", Cm(5.0)),
    GridColumn("Ghi chú", Cm(4.0)),
)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


_HEADING_SPACE = Pt(6)


class _Rows:
    """Appends grid rows fast: the first row of each shape is laid out by ``add_grid_row``, later ones are
    copies of it with their own text. python-docx spends milliseconds per cell on formatting; a copy of the
    finished XML costs microseconds, so an appendix of hundreds of rows stays quick."""

    def __init__(self, table: Table, columns: Sequence[GridColumn]) -> None:
        self.table, self.columns = table, columns
        self._prototypes: dict[tuple[bool, int | None], BaseOxmlElement] = {}

    def add(self, values: Sequence[str], *, bold: bool = False, span_from: int | None = None) -> None:
        key = (bold, span_from)
        prototype = self._prototypes.get(key)
        if prototype is None:
            row = add_grid_row(self.table, self.columns, values, bold=bold, span_from=span_from)
            self._prototypes[key] = deepcopy(row._tr)
            return
        copy = deepcopy(prototype)
        for index, cell in enumerate(copy.findall(qn("w:tc"))):
            _set_cell_text(cell, values[index] if index < len(values) else "")
        self.table._tbl.append(copy)


def _set_cell_text(cell: BaseOxmlElement, text: str) -> None:
    """The text of a laid-out cell (one paragraph, one run), its run formatting kept."""
    run = cell.find(f"{qn('w:p')}/{qn('w:r')}")
    if run is None:
        return
    node = run.find(qn("w:t"))
    if node is None:
        node = OxmlElement("w:t")
        run.append(node)
    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    node.text = clean(text)


def _subheading(document: Document, text: str) -> None:
    add_paragraph(
        document,
        text,
        bold=True,
        italic=True,
        first_line_indent=FIRST_LINE_INDENT,
        keep_with_next=True,
        space_before=_HEADING_SPACE,
    )


def _text_paragraph(document: Document, text: str) -> Paragraph:
    """A justified body paragraph; gaps in it highlighted so the author sees them."""
    pieces = split_gaps(text) or [("", False)]
    first, first_is_gap = pieces[0]
    paragraph = add_paragraph(document, first, italic=first_is_gap, first_line_indent=FIRST_LINE_INDENT)
    if first_is_gap:
        paragraph.runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW
    for piece, is_gap in pieces[1:]:
        run = add_run(paragraph, piece, italic=is_gap)
        if is_gap:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return paragraph


def _text(document: Document, text: str, *, empty: str) -> None:
    """The paragraphs of a text field; a field left empty prints ``empty`` as a gap."""
    found = paragraphs(text)
    for line in found or [f"[[{empty}]]"]:
        _text_paragraph(document, line)


def _counts_cells(counts: StatusCounts) -> tuple[str, ...]:
    return (
        str(counts.total),
        str(counts.on_time),
        str(counts.late),
        str(counts.overdue),
        str(counts.in_progress),
        percent_text(counts.on_time_rate),
    )


def _area_table(document: Document, areas: Sequence[AreaSection], totals: StatusCounts) -> None:
    add_caption(document, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực")
    rows = _Rows(add_grid_table(document, AREA_COLUMNS), AREA_COLUMNS)
    for number, area in enumerate(areas, start=1):
        rows.add((str(number), area.name, *_counts_cells(area.counts)))
    rows.add(("", "Tổng cộng", *_counts_cells(totals)), bold=True)


def _empty_row(table_columns: Sequence[GridColumn], text: str) -> tuple[str, ...]:
    return ("", f"[{text}]", *([""] * (len(table_columns) - 2)))


def _targets(document: Document, content: ReportContent, number: str) -> None:
    add_heading(document, f"{number}. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    _subheading(document, "1. Các chỉ tiêu của kế hoạch")
    if content.indicators_note:
        _text_paragraph(document, content.indicators_note)
    add_caption(document, "Bảng 2. Kết quả thực hiện các chỉ tiêu")
    rows = _Rows(add_grid_table(document, INDICATOR_COLUMNS), INDICATOR_COLUMNS)
    for index, line in enumerate(content.indicators, start=1):
        rows.add((str(index), line.text, line.target, line.result, line.assessment))
    if not content.indicators:
        rows.add(_empty_row(INDICATOR_COLUMNS, "Kế hoạch trong kỳ không có chỉ tiêu định lượng"), span_from=1)
    _subheading(document, "2. Giải quyết hồ sơ thủ tục hành chính")
    if content.dossiers_note:
        _text_paragraph(document, content.dossiers_note)
    if content.dossiers:
        add_caption(document, "Bảng 3. Hồ sơ trễ hạn, quá hạn theo thủ tục hành chính")
        dossier_rows = _Rows(add_grid_table(document, DOSSIER_COLUMNS), DOSSIER_COLUMNS)
        for index, row in enumerate(content.dossiers, start=1):
            dossier_rows.add(
                (
                    str(index),
                    row.procedure,
                    number_text(row.resolved),
                    number_text(row.on_time),
                    number_text(row.late),
                    number_text(row.overdue),
                    number_text(row.apologised),
                ),
            )
    _subheading(document, "3. Khảo sát mức độ hài lòng")
    if content.surveys_note:
        _text_paragraph(document, content.surveys_note)
    if content.surveys:
        add_caption(document, "Bảng 4. Kết quả khảo sát mức độ hài lòng")
        survey_rows = _Rows(add_grid_table(document, SURVEY_COLUMNS), SURVEY_COLUMNS)
        for index, survey in enumerate(content.surveys, start=1):
            survey_rows.add(
                (str(index), survey.campaign, survey.period, number_text(survey.responses), survey.rate)
            )
    if content.communications_note or content.communications:
        _subheading(document, "4. Thông tin, tuyên truyền cải cách hành chính")
        if content.communications_note:
            _text_paragraph(document, content.communications_note)
        if content.communications:
            add_caption(document, "Bảng 5. Tin, bài tuyên truyền theo kênh")
            channel_rows = _Rows(add_grid_table(document, CHANNEL_COLUMNS), CHANNEL_COLUMNS)
            for index, channel in enumerate(content.communications, start=1):
                channel_rows.add((str(index), channel.channel, number_text(channel.articles)))


def _annex(document: Document, content: ReportContent) -> None:
    add_landscape_section(document)
    add_paragraph(document, "PHỤ LỤC", bold=True, align=_CENTER, keep_with_next=True)
    add_paragraph(
        document,
        f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {content.period_label.upper()}",
        bold=True,
        align=_CENTER,
        keep_with_next=True,
    )
    symbol = content.symbol or "…"
    reference = (
        f"(Kèm theo Báo cáo số {content.number or '     '}/{symbol} của {content.issuing_body or '…'})"
    )
    add_paragraph(document, reference, italic=True, align=_CENTER, keep_with_next=True)
    rows = _Rows(add_grid_table(document, ANNEX_COLUMNS), ANNEX_COLUMNS)
    if not content.annex:
        rows.add(_empty_row(ANNEX_COLUMNS, "Không có nhiệm vụ trong kỳ"), span_from=1)
        return
    area_number = 0
    current: str | None = None
    position = 0
    for task in content.annex:
        if task.area != current:
            current = task.area
            area_number += 1
            position = 0
            label = _ROMAN[area_number - 1] if area_number <= len(_ROMAN) else str(area_number)
            rows.add((label, task.area), bold=True, span_from=1)
        position += 1
        rows.add((str(position), task.title, task.lead, task.timeline, task.result, task.note))


def write_report(document: Document, content: ReportContent) -> None:
    """Append the whole report to an empty python-docx document."""
    setup_document(document, title=f"{TYPE_NAME} {content.subject}", author=content.issuing_body)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=content.governing_body,
            issuing_body=content.issuing_body,
            number=content.number,
            symbol=content.symbol,
            place=content.place,
            issued_on=content.issued_on,
            year=content.year,
        ),
    )
    add_title(document, TYPE_NAME, content.subject)
    for line in content.opening:
        _text_paragraph(document, line)
    numbers = iter(_ROMAN)
    add_heading(document, f"{next(numbers)}. KẾT QUẢ CHUNG")
    _text(document, content.overview, empty="Chưa có nội dung đánh giá chung")
    _area_table(document, content.areas, content.totals)
    add_heading(document, f"{next(numbers)}. KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC")
    for index, area in enumerate(content.areas, start=1):
        _subheading(document, f"{index}. {area.name}")
        _text(document, area.text, empty="Chưa có nội dung")
    _targets(document, content, next(numbers))
    add_heading(document, f"{next(numbers)}. ĐÁNH GIÁ CHUNG")
    _subheading(document, "1. Ưu điểm")
    _text(document, content.strengths, empty="Chưa có nội dung")
    _subheading(document, "2. Tồn tại, hạn chế và nguyên nhân")
    _text(document, content.weaknesses, empty="Chưa có nội dung")
    add_heading(document, f"{next(numbers)}. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
    _text(document, content.next_tasks, empty="Chưa có nội dung")
    add_heading(document, f"{next(numbers)}. ĐỀ XUẤT, KIẾN NGHỊ")
    _text(document, content.proposals, empty="Không có đề xuất, kiến nghị")
    if content.closing:
        _text_paragraph(document, content.closing)
    add_signature_block(document, SignatureBlock(content.signer_title, content.signer, content.recipients))
    _annex(document, content)


def report_to_docx(content: ReportContent) -> bytes:
    """The report as a .docx file."""
    document = docx.Document()
    write_report(document, content)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
