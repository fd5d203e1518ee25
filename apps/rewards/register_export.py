"""The rewards register (sổ khen thưởng) as .xlsx: a title block, one row per award with its decision and prize,
the total of the prizes paid.

Amounts are numbers with the format ``#,##0`` (Excel shows them with the reader's separators); every text cell
goes through ``safe_row`` (tests/test_export_cells.py)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from apps.organizations.models import Agency
from domain.spreadsheet_text import safe_row

from .models import Award

__all__ = ["HEADERS", "TITLE", "register_to_xlsx"]

TITLE = "SỔ THEO DÕI KHEN THƯỞNG"
HEADERS = (
    "STT",
    "Năm thành tích",
    "Họ và tên / Tập thể",
    "Chức vụ",
    "Đơn vị",
    "Đối tượng",
    "Danh hiệu, hình thức",
    "Quyết định",
    "Ngày quyết định",
    "Thành tích",
    "Tiền thưởng (đồng)",
    "Ghi chú",
)
WIDTHS = (6, 10, 28, 20, 26, 10, 28, 28, 13, 40, 15, 30)
MONEY_FORMAT = "#,##0"
_TITLE_ROWS = 4
_MONEY_COLUMN = 11
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)
_HEAD_ALIGN = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(horizontal="center", vertical="center")


def _decision(award: Award) -> str:
    if award.decision is not None:
        return f"{award.decision.number or '(chưa số)'}"
    return award.decision_label


def _row(number: int, award: Award) -> list[object]:
    person = award.person
    position = person.position if person is not None else ""
    unit = ""
    if person is not None and person.unit is not None:
        unit = person.unit.name
    elif award.unit is not None:
        unit = award.unit.name
    note = "" if award.prize_paid else "Không chi tiền thưởng (đã có danh hiệu cao hơn cùng năm)"
    if award.decision is None:
        note = "; ".join(part for part in (note, "Nhập từ sổ khen thưởng") if part)
    return [
        number,
        award.year,
        award.recipient_name,
        position,
        unit,
        award.get_subject_display(),
        award.get_form_display(),
        _decision(award),
        award.decided_on.strftime("%d/%m/%Y"),
        award.achievement,
        float(award.prize_amount) if award.prize_amount is not None else None,
        note,
    ]


def register_to_xlsx(agency: Agency, awards: Iterable[Award], filters: str = "") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sổ khen thưởng"
    last_column = len(HEADERS)
    for row, (text, font) in enumerate(
        (
            (agency.name.upper(), Font(bold=True, size=12)),
            (TITLE, Font(bold=True, size=14)),
            (filters, Font(italic=True, size=12)),
        ),
        start=1,
    ):
        sheet.cell(row=row, column=1, value=safe_row([text])[0])
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_column)
        cell = sheet.cell(row=row, column=1)
        cell.font = font
        cell.alignment = _CENTER
    head = _TITLE_ROWS + 1
    for column, heading in enumerate(safe_row(HEADERS), start=1):
        cell = sheet.cell(row=head, column=column, value=heading)
        cell.font = _BOLD
        cell.alignment = _HEAD_ALIGN
        cell.border = _BOX
    row = head
    total = Decimal(0)
    for number, award in enumerate(awards, start=1):
        row = head + number
        if award.prize_amount is not None:
            total += award.prize_amount
        for column, value in enumerate(safe_row(_row(number, award)), start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.border = _BOX
            if column == _MONEY_COLUMN:
                cell.number_format = MONEY_FORMAT
            elif isinstance(value, str) and len(value) > 20:
                cell.alignment = _WRAP
    row += 1
    sheet.cell(row=row, column=3, value="Tổng cộng").font = _BOLD
    total_cell = sheet.cell(row=row, column=_MONEY_COLUMN, value=float(total))
    total_cell.font = _BOLD
    total_cell.number_format = MONEY_FORMAT
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = f"D{head + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{head}:{head}"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
