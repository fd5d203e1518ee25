"""The agency's rating table of a period as .xlsx, in the form agencies file (bảng tổng hợp kết quả đánh giá,
xếp loại chất lượng công chức): a title block, one row per person with the figures behind the grade, then the
summary (people per grade, the cap on "xuất sắc" per task group) and the signatures.

Numbers are stored as numbers with the format ``#,##0.00`` (Excel shows them with the reader's separators: "67,08"
on a Vietnamese system); every text cell goes through ``safe_row`` (tests/test_export_cells.py). A decided
rating shows its frozen figures and the grade decided; the note column says why the cap moved someone.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from apps.organizations.models import Agency
from domain.periods import Period
from domain.spreadsheet_text import safe_row

from .choices import TaskGroup
from .selectors import caps, distribution
from .sheets import PersonSheet

__all__ = ["HEADERS", "TITLE", "agency_to_xlsx", "header_row", "sheet_note"]

TITLE = "BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC"
HEADERS = (
    "STT",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Nhóm nhiệm vụ",
    "Số sản phẩm",
    "a - Số lượng (%)",
    "b - Chất lượng (%)",
    "c - Tiến độ (%)",
    "Điểm kết quả nhiệm vụ (70)",
    "Điểm tiêu chí chung (30)",
    "Tổng điểm",
    "Xếp loại",
    "Ghi chú",
)
WIDTHS = (6, 28, 18, 24, 16, 10, 11, 11, 11, 13, 13, 11, 26, 50)
# Short names of the task groups for a narrow column (the full label is in the summary).
GROUP_SHORT: dict[str, str] = {TaskGroup.STAFF: "Công chức", TaskGroup.LEADER: "Lãnh đạo, quản lý"}
NUMBER_FORMAT = "#,##0.00"
PAPER_A4 = "9"  # the paper size code of A4 in SpreadsheetML
COUNT_FORMAT = "#,##0"
# Columns (1-based) holding two-decimal figures, and the product count.
_FIGURE_COLUMNS = range(7, 13)
_COUNT_COLUMN = 6
_TITLE_ROWS = 4  # agency, title, period, blank

# One shared object per style: openpyxl compares styles per cell, and new objects each time are slow.
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center")


def header_row() -> int:
    """The row of the column headings (the rows above are the title block)."""
    return _TITLE_ROWS + 1


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _group(sheet: PersonSheet) -> str:
    group = sheet.rating.task_group if sheet.rating is not None else TaskGroup.STAFF
    return GROUP_SHORT.get(group, str(group))


def _product_count(sheet: PersonSheet) -> int:
    """The products behind the figures: those frozen at the decision, else those read from the register."""
    if sheet.rating is not None and sheet.rating.is_decided and not sheet.products:
        return len(sheet.rating.evidence or [])
    return len(sheet.products)


def sheet_note(sheet: PersonSheet) -> str:
    """Why the grade is what it is, where a reader would ask: the cap moved the person (or a violation forced
    the grade), the general criteria are only self-scored, nothing was assigned, the figures are provisional."""
    notes = []
    computed = sheet.grade.code if sheet.grade is not None else ""
    if sheet.final_grade and computed and sheet.final_grade != computed:
        notes.append(sheet.final_note)
    elif sheet.rating is not None and sheet.rating.violations and sheet.grade is not None:
        notes.append(sheet.grade.explanation)
    if sheet.task is None and not (sheet.rating is not None and sheet.rating.is_decided):
        notes.append("Không có sản phẩm được giao có hạn trong kỳ")
    if sheet.general is None:
        notes.append("Chưa chấm tiêu chí chung")
    elif sheet.general_is_self:
        notes.append("Tiêu chí chung mới tự chấm, chờ trưởng đơn vị")
    return "; ".join(note for note in notes if note)


def _person_row(number: int, sheet: PersonSheet) -> list[Any]:
    person, task = sheet.person, sheet.task
    return [
        number,
        person.full_name,
        person.position,
        person.unit.name if person.unit_id and person.unit else "",
        _group(sheet),
        _product_count(sheet),
        _number(task.a) if task else None,
        _number(task.b) if task else None,
        _number(task.c) if task else None,
        _number(task.points) if task else None,
        _number(sheet.general),
        _number(sheet.total),
        sheet.final_label,
        sheet_note(sheet),
    ]


def _merged_line(sheet: Worksheet, row: int, text: str, font: Font, last_column: int) -> None:
    sheet.cell(row=row, column=1, value=safe_row([text])[0])
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
    cell = sheet.cell(row=row, column=1)
    cell.font = font
    cell.alignment = _CENTER


def _title_block(sheet: Worksheet, agency: Agency, period: Period) -> None:
    last = len(HEADERS)
    _merged_line(sheet, 1, agency.name.upper(), Font(bold=True, size=12), last)
    _merged_line(sheet, 2, TITLE, Font(bold=True, size=14), last)
    _merged_line(sheet, 3, f"Kỳ đánh giá: {period.label}", Font(italic=True, size=12), last)


def _table(sheet: Worksheet, sheets: Sequence[PersonSheet]) -> int:
    """The headings and one row per person; returns the last row written."""
    head = header_row()
    for column, heading in enumerate(safe_row(HEADERS), start=1):
        cell = sheet.cell(row=head, column=column, value=heading)
        cell.font = _BOLD
        cell.alignment = _HEAD_ALIGN
        cell.border = _BOX
    row = head
    for number, person_sheet in enumerate(sheets, start=1):
        row = head + number
        for column, value in enumerate(safe_row(_person_row(number, person_sheet)), start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            if column in _FIGURE_COLUMNS:
                cell.number_format = NUMBER_FORMAT
            elif column == _COUNT_COLUMN:
                cell.number_format = COUNT_FORMAT
            elif isinstance(value, str) and len(value) > 20:
                cell.alignment = _WRAP
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"C{head + 1}"  # the headings and the names stay in view
    return row


def _summary(sheet: Worksheet, agency: Agency, sheets: Sequence[PersonSheet], after: int) -> int:
    """People per grade (with the share of those graded) and the cap per task group; returns the last row."""
    row = after + 2
    sheet.cell(row=row, column=2, value="TỔNG HỢP XẾP LOẠI").font = _BOLD
    row += 1
    for column, heading in enumerate(["", "Xếp loại", "Số người", "Tỷ lệ (%)"], start=1):
        cell = sheet.cell(row=row, column=column, value=heading or None)
        if heading:
            cell.font = _BOLD
            cell.border = _BOX
            cell.alignment = _HEAD_ALIGN
    counts = distribution(sheets)
    graded = sum(count for _, _, count in counts)
    lines: list[tuple[str, int, float | None]] = [
        (label, count, round(count * 100 / graded, 2) if graded else None) for _, label, count in counts
    ]
    lines.append(("Chưa xếp loại", len(sheets) - graded, None))
    lines.append(("Tổng số", len(sheets), None))
    for label, count, share in lines:
        row += 1
        for column, value in enumerate(safe_row([label, count, share]), start=2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            if column == 3:
                cell.number_format = COUNT_FORMAT
            elif column == 4:
                cell.number_format = NUMBER_FORMAT
        if label == "Tổng số":
            for column in (2, 3):
                sheet.cell(row=row, column=column).font = _BOLD
    row += 2
    sheet.cell(
        row=row, column=2, value="TỶ LỆ XẾP LOẠI “HOÀN THÀNH XUẤT SẮC NHIỆM VỤ” THEO NHÓM"
    ).font = _BOLD
    row += 1
    cap_headers = [
        "Nhóm nhiệm vụ",
        "Số người được xếp loại",
        "Từ “tốt” trở lên",
        "Đủ điểm “xuất sắc”",
        "Được xếp “xuất sắc” tối đa",
        "Chuyển xuống “tốt” do vượt tỷ lệ",
    ]
    for column, cap_heading in enumerate(safe_row(cap_headers), start=2):
        cell = sheet.cell(row=row, column=column, value=cap_heading)
        cell.font = _BOLD
        cell.border = _BOX
        cell.alignment = _HEAD_ALIGN
    group_caps = caps(agency, sheets)
    for cap in group_caps:
        row += 1
        values = [cap.label, cap.rated, cap.good_or_better, cap.proposed_excellent, cap.allowed, cap.moved]
        for column, value in enumerate(safe_row(values), start=2):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            if column > 2:
                cell.number_format = COUNT_FORMAT
            else:
                cell.alignment = _WRAP
    if not group_caps:
        row += 1
        sheet.cell(row=row, column=2, value="Chưa có ai đủ điều kiện xếp loại trong kỳ.")
    return row


def _signatures(sheet: Worksheet, after: int) -> None:
    row = after + 2
    sheet.cell(row=row, column=2, value="NGƯỜI LẬP BIỂU").font = _BOLD
    sheet.cell(row=row, column=12, value="THỦ TRƯỞNG CƠ QUAN").font = _BOLD
    sheet.cell(row=row + 1, column=2, value="(Ký, ghi rõ họ tên)").font = Font(italic=True)
    sheet.cell(row=row + 1, column=12, value="(Ký, ghi rõ họ tên, đóng dấu)").font = Font(italic=True)


def _print_setup(sheet: Worksheet, last_row: int) -> None:
    """A4 landscape, fitted to the page width, the headings repeated on every printed page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_title_rows = f"{header_row()}:{header_row()}"
    sheet.print_area = f"A1:{get_column_letter(len(HEADERS))}{last_row}"


def agency_to_xlsx(agency: Agency, period: Period, sheets: Sequence[PersonSheet]) -> bytes:
    """The rating table of ``agency`` for ``period`` from its people's sheets (``agency_sheets``), in order."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Xếp loại {period.code}"
    _title_block(sheet, agency, period)
    last = _table(sheet, sheets)
    last = _summary(sheet, agency, sheets, last)
    _signatures(sheet, last)
    _print_setup(sheet, last + 7)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
