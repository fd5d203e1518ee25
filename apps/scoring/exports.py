"""A criteria set written back as the province's table (.xlsx), in the columns the importer reads, so a set can
be exported, edited in Excel and imported again as a new draft."""

from __future__ import annotations

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from domain.scoring.table_export import export_criteria_table
from domain.spreadsheet_text import safe_row

from .models import CriteriaSet
from .selectors import set_tree


def criteria_set_xlsx(criteria_set: CriteriaSet) -> bytes:
    tree = set_tree(criteria_set=criteria_set)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bộ tiêu chí"
    for row in export_criteria_table(tree.roots, criteria_set.total_points):
        sheet.append(safe_row(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (8, 60, 10, 60, 40, 20, 10), strict=True):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
