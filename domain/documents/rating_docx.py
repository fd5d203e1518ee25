"""A civil servant's rating sheet of a period (Phiếu đánh giá, xếp loại chất lượng công chức, Nghị định
335/2025/NĐ-CP) in the format of Nghị định 30/2020/NĐ-CP (`nd30`), from plain data.

The sheet: the national header (the agency and its governing body | the national name and motto; a phiếu has no
number and each signature carries its own date, so the number and date row of the header is left out), the
title and the period; who is rated (name, position, unit, agency, task group); I. the general criteria (up to
30 points: the self-score with the comment, the unit head's score with the reason, any violation); II. the task
results (up to 70 points: every product with its dates, converted units, what it brought to quantity, quality and
timeliness and what lowered it; a, b, c, the formula and the points); III. the total, the grade and, when the cap
on "xuất sắc" or a violation moved it, why; the three signatures (the person, the unit head, the agency's head),
each with the day it was given as dd/mm/yyyy or blanks to fill in by hand.

Numbers use the decimal comma (`vn_number`); anything unknown prints as a gap, never refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.nd30 import (
    BODY_SIZE,
    FIRST_LINE_INDENT,
    DocumentHeader,
    Line,
    add_caption,
    add_document_header,
    add_heading,
    add_paragraph,
    add_run,
    add_title,
    fill_cell,
    setup_document,
)
from domain.documents.nd30_text import BLANK, GAP, clean, field
from domain.documents.word_xml import no_borders, set_table_width
from domain.vn_numbers import vn_number

__all__ = [
    "PRODUCT_COLUMNS",
    "TYPE_NAME",
    "ProductLine",
    "RatingSheet",
    "Signature",
    "day_text",
    "formula_line",
    "product_rows",
    "rating_sheet_docx",
]

TYPE_NAME = "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC"
_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
# Portrait text width: 210 − 30 − 15 mm = 16.5 cm. The three dates share one column, one per line.
PRODUCT_COLUMNS = (
    GridColumn("STT", Cm(0.9), _CENTER),
    GridColumn("Sản phẩm, công việc", Cm(4.4)),
    GridColumn("Hạn / hoàn thành / nghiệm thu", Cm(2.5), _CENTER),
    GridColumn("Quy đổi", Cm(1.3), _CENTER),
    GridColumn("Số lượng", Cm(1.4), _CENTER),
    GridColumn("Chất lượng", Cm(1.5), _CENTER),
    GridColumn("Tiến độ", Cm(1.3), _CENTER),
    GridColumn("Điều làm giảm điểm", Cm(3.2)),
)
_SIGNATURE_WIDTHS = (Cm(5.5), Cm(5.5), Cm(5.5))
_SIGNATURE_SPACE_LINES = 4


@dataclass(frozen=True)
class ProductLine:
    """One product (a task occurrence, or ad-hoc work) and what it brought, in converted units."""

    title: str
    due_on: date | None
    completed_on: date | None
    accepted_on: date | None
    units: Decimal
    quantity: Decimal
    quality: Decimal
    timeliness: Decimal
    losses: tuple[str, ...] = ()


@dataclass(frozen=True)
class Signature:
    """Who signs one block and on which day (None: blanks to fill in)."""

    title: str  # "NGƯỜI TỰ ĐÁNH GIÁ"
    name: str | None
    signed_on: date | None


@dataclass(frozen=True)
class RatingSheet:
    """Everything the sheet shows; ``None`` where nobody has given the figure yet."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk"
    agency: str  # "Sở Xây dựng tỉnh Đắk Lắk"
    person: str
    position: str
    unit: str
    period_label: str  # "Tháng 03/2026"
    task_group: str  # "Công chức không giữ chức vụ lãnh đạo, quản lý"
    self_general: Decimal | None
    self_comment: str
    general: Decimal | None  # the unit head's score
    general_reason: str
    violations: tuple[str, ...]  # labels of the violations that force "không hoàn thành"
    violation_note: str
    products: tuple[ProductLine, ...]
    a: Decimal | None
    b: Decimal | None
    c: Decimal | None
    task_points: Decimal | None
    leader_parts: tuple[Decimal, Decimal, Decimal] | None  # d, đ, e in percent, for a leader
    task_max: Decimal
    general_max: Decimal
    counted_general: (
        Decimal | None
    )  # the general points in the total: the head's, or the self-score meanwhile
    total: Decimal | None
    grade: str  # the final grade's label, "" while there is none
    grade_note: str  # why the cap (or a violation) moved the grade, "" otherwise
    decided: bool  # the agency's head has decided: the figures are those frozen then
    signatures: tuple[Signature, ...]
    notes: tuple[str, ...] = ()  # caveats of the computation (unverified parameters…)

    @property
    def subject(self) -> str:
        return f"Kỳ đánh giá: {field(self.period_label) or GAP}"


def _points(value: Decimal | None) -> str:
    return GAP if value is None else vn_number(value, 2)


def day_text(day: date | None) -> str:
    """ "08/04/2026", or "     /     /" to write the day by hand."""
    return f"{BLANK}/{BLANK}/{BLANK}" if day is None else f"{day:%d/%m/%Y}"


def product_rows(products: tuple[ProductLine, ...]) -> list[tuple[str, ...]]:
    """STT · product · the three dates (one per line, "—" where there is none) · units · quantity · quality ·
    timeliness · what lowered it."""
    rows: list[tuple[str, ...]] = []
    for number, item in enumerate(products, start=1):
        dates = "\n".join(
            "—" if day is None else f"{day:%d/%m/%Y}"
            for day in (item.due_on, item.completed_on, item.accepted_on)
        )
        rows.append(
            (
                str(number),
                field(item.title) or GAP,
                dates,
                vn_number(item.units, 2),
                vn_number(item.quantity, 2),
                vn_number(item.quality, 2),
                vn_number(item.timeliness, 2),
                "; ".join(field(loss) for loss in item.losses if field(loss)),
            )
        )
    return rows


def formula_line(sheet: RatingSheet) -> str:
    """ "Điểm kết quả thực hiện nhiệm vụ = (a + b + c) ÷ 3 × 70 = (100 + 100 + 87,5) ÷ 3 × 70 = 67,08 điểm"."""
    if sheet.task_points is None or None in (sheet.a, sheet.b, sheet.c):
        return (
            "Điểm kết quả thực hiện nhiệm vụ: chưa tính được (không có sản phẩm được giao có hạn trong kỳ)."
        )
    parts = [sheet.a, sheet.b, sheet.c]
    names = "a + b + c"
    if sheet.leader_parts is not None:
        parts += list(sheet.leader_parts)
        names += " + d + đ + e"
    figures = " + ".join(vn_number(part, 2) for part in parts if part is not None)
    task_max = vn_number(sheet.task_max)
    return (
        f"Điểm kết quả thực hiện nhiệm vụ = ({names}) ÷ {len(parts)} × {task_max} = ({figures}) ÷ {len(parts)} "
        f"× {task_max} = {_points(sheet.task_points)} điểm."
    )


def _text(document: Document, text: str) -> None:
    add_paragraph(document, text, first_line_indent=FIRST_LINE_INDENT)


def _labelled(document: Document, label: str, text: str) -> None:
    paragraph = add_paragraph(document, label, bold=True, first_line_indent=FIRST_LINE_INDENT)
    add_run(paragraph, f" {field(text) or GAP}")


def _header(document: Document, sheet: RatingSheet) -> None:
    table = add_document_header(
        document,
        DocumentHeader(
            governing_body=sheet.governing_body,
            issuing_body=sheet.agency,
            number=None,
            symbol=None,
            place="",
            issued_on=None,
            year=None,
        ),
    )
    # A phiếu has no number and no date of issue: each signature below is dated.
    table._tbl.remove(table.rows[1]._tr)


def _who(document: Document, sheet: RatingSheet) -> None:
    _labelled(document, "Họ và tên:", sheet.person)
    _labelled(document, "Chức vụ, chức danh:", sheet.position)
    _labelled(document, "Đơn vị công tác:", sheet.unit)
    _labelled(document, "Cơ quan:", sheet.agency)
    _labelled(document, "Nhóm đánh giá:", sheet.task_group)


def _general(document: Document, sheet: RatingSheet) -> None:
    add_heading(document, f"I. TIÊU CHÍ CHUNG (tối đa {vn_number(sheet.general_max)} điểm)")
    comment = field(sheet.self_comment)
    _text(
        document,
        f"1. Cá nhân tự chấm: {_points(sheet.self_general)} điểm."
        + (f" Tự nhận xét: {comment}" if comment else " Tự nhận xét: " + GAP),
    )
    reason = field(sheet.general_reason)
    _text(
        document,
        f"2. Trưởng đơn vị chấm: {_points(sheet.general)} điểm." + (f" Lý do: {reason}" if reason else ""),
    )
    if sheet.violations:
        note = field(sheet.violation_note)
        _text(
            document,
            "3. Vi phạm (xếp loại không hoàn thành nhiệm vụ): "
            + "; ".join(field(v) for v in sheet.violations)
            + (f". Căn cứ: {note}" if note else ""),
        )


def _tasks(document: Document, sheet: RatingSheet) -> None:
    add_heading(document, f"II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ (tối đa {vn_number(sheet.task_max)} điểm)")
    if sheet.products:
        add_caption(document, "Bảng 1. Sản phẩm, công việc được giao có hạn trong kỳ")
        table = add_grid_table(document, PRODUCT_COLUMNS)
        for row in product_rows(sheet.products):
            add_grid_row(table, PRODUCT_COLUMNS, row)
        units = sum((p.units for p in sheet.products), Decimal(0))
        totals = (
            sum((p.quantity for p in sheet.products), Decimal(0)),
            sum((p.quality for p in sheet.products), Decimal(0)),
            sum((p.timeliness for p in sheet.products), Decimal(0)),
        )
        add_grid_row(
            table,
            PRODUCT_COLUMNS,
            ("", "Cộng", "", vn_number(units, 2), *(vn_number(t, 2) for t in totals), ""),
            bold=True,
        )
        add_paragraph(
            document,
            "Mỗi lần trả lại vì sai sót lớn trừ 25% điểm chất lượng, mỗi lần chậm trừ 25% điểm tiến độ của sản "
            "phẩm, trừ khi có nguyên nhân khách quan được cấp trên xác nhận.",
            italic=True,
            size=Pt(12),
        )
    else:
        _text(document, "Không có sản phẩm, công việc nào được giao có hạn trong kỳ.")
    _text(
        document,
        f"a (số lượng) = {_points(sheet.a)}%; b (chất lượng) = {_points(sheet.b)}%; "
        f"c (tiến độ) = {_points(sheet.c)}%"
        + (
            f"; d = {_points(sheet.leader_parts[0])}%, đ = {_points(sheet.leader_parts[1])}%, "
            f"e = {_points(sheet.leader_parts[2])}%."
            if sheet.leader_parts is not None
            else "."
        ),
    )
    _text(document, formula_line(sheet))


def _result(document: Document, sheet: RatingSheet) -> None:
    add_heading(document, "III. TỔNG ĐIỂM VÀ XẾP LOẠI")
    _text(
        document,
        f"Tổng điểm = {_points(sheet.counted_general)} + {_points(sheet.task_points)} = "
        f"{_points(sheet.total)} điểm.",
    )
    paragraph = add_paragraph(document, "Xếp loại:", first_line_indent=FIRST_LINE_INDENT)
    add_run(paragraph, f" {field(sheet.grade).upper() or GAP}", bold=True)
    if field(sheet.grade_note):
        _text(document, f"Ghi chú: {field(sheet.grade_note)}")
    if not sheet.decided:
        add_paragraph(
            document,
            "(Kết quả tạm tính theo sổ nhiệm vụ, chưa được thủ trưởng cơ quan quyết định.)",
            italic=True,
            size=Pt(12),
        )
    for note in sheet.notes:
        if field(note):
            add_paragraph(document, field(note), italic=True, size=Pt(12))


def _signatures(document: Document, sheet: RatingSheet) -> None:
    table = document.add_table(rows=1, cols=len(_SIGNATURE_WIDTHS))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    set_table_width(table, _SIGNATURE_WIDTHS)
    for cell, width, signature in zip(table.rows[0].cells, _SIGNATURE_WIDTHS, sheet.signatures, strict=False):
        lines = [
            Line(f"Ngày {day_text(signature.signed_on)}", Pt(13), italic=True),
            Line(clean(signature.title).upper() or GAP, Pt(13), bold=True),
            Line("(Ký, ghi rõ họ tên)", Pt(12), italic=True),
        ]
        lines += [Line("")] * _SIGNATURE_SPACE_LINES + [
            Line(field(signature.name) or GAP, BODY_SIZE, bold=True)
        ]
        fill_cell(cell, lines, width=width)
        cell.paragraphs[0].paragraph_format.space_before = Pt(12)


def write_rating_sheet(document: Document, sheet: RatingSheet) -> None:
    """Append the whole sheet to an empty python-docx document."""
    setup_document(document, title=f"{TYPE_NAME} {field(sheet.person)} {sheet.subject}", author=sheet.agency)
    _header(document, sheet)
    add_title(document, TYPE_NAME, sheet.subject)
    _who(document, sheet)
    _general(document, sheet)
    _tasks(document, sheet)
    _result(document, sheet)
    _signatures(document, sheet)


def rating_sheet_docx(sheet: RatingSheet) -> bytes:
    """The rating sheet as a .docx file."""
    document = docx.Document()
    write_rating_sheet(document, sheet)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
