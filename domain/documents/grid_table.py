"""Bordered data tables, as in the appendix of a plan or the annex of a report.

Nghị định 30/2020/NĐ-CP, Phụ lục I leaves tables to the drafter; the practice in the seed plans is
12 pt text, single-spaced, a bold header row repeated on every page, and bold rows that group the ones
under them (a reform area) spanning the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Emu, Length, Pt
from docx.table import Table, _Row

from domain.documents.nd30 import ZERO, Line, fill_cell
from domain.documents.word_xml import repeat_as_header, set_grid_borders, set_table_width

__all__ = ["TABLE_SIZE", "GridColumn", "add_grid_row", "add_grid_table"]

TABLE_SIZE = Pt(12)
# A little air above and below the text, so ruled rows do not touch the letters.
_CELL_SPACING = Pt(2)


@dataclass(frozen=True)
class GridColumn:
    """A column: its heading, its width and how its cells are aligned."""

    heading: str
    width: Length
    align: WD_PARAGRAPH_ALIGNMENT = WD_PARAGRAPH_ALIGNMENT.LEFT


def _line(text: str, *, bold: bool, align: WD_PARAGRAPH_ALIGNMENT, indent: Length = ZERO) -> Line:
    return Line(text, TABLE_SIZE, bold=bold, align=align, indent=indent, spacing=_CELL_SPACING)


def add_grid_table(document: Document, columns: Sequence[GridColumn]) -> Table:
    """A table with a bold, centred header row that is repeated at the top of every page."""
    widths = tuple(column.width for column in columns)
    table: Table = document.add_table(rows=1, cols=len(columns))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    set_grid_borders(table)
    set_table_width(table, widths)
    header = table.rows[0]
    repeat_as_header(header)
    for cell, column in zip(header.cells, columns, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        fill_cell(
            cell, [_line(column.heading, bold=True, align=WD_PARAGRAPH_ALIGNMENT.CENTER)], width=column.width
        )
    return table


def add_grid_row(
    table: Table,
    columns: Sequence[GridColumn],
    values: Sequence[str],
    *,
    bold: bool = False,
    span_from: int | None = None,
    indents: dict[int, Length] | None = None,
) -> _Row:
    """Append a row of ``values``, one per column.

    With ``span_from`` the cells from that column to the last are merged into one that holds
    ``values[span_from]``: a group heading across the table. ``indents`` shifts a column's text right.
    """
    row: _Row = table.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves add_row unannotated
    cells = list(row.cells)
    for cell, column in zip(cells, columns, strict=True):
        cell.width = column.width
    if span_from is not None and 0 <= span_from < len(cells) - 1:
        merged = cells[span_from].merge(cells[-1])
        merged.width = Emu(sum(column.width for column in columns[span_from:]))
        cells = [*cells[:span_from], merged]
    for index, cell in enumerate(cells):
        column = columns[index]
        text = values[index] if index < len(values) else ""
        indent = (indents or {}).get(index, ZERO)
        fill_cell(
            cell,
            [_line(text, bold=bold, align=column.align, indent=indent)],
            width=cell.width or column.width,
        )
    return row
