"""Rows of a task table, whatever the source: Word or PDF table cells, or text written cell by cell.

``rows_from_tables`` finds the task tables among a document's tables by their header words, skips a
header repeated at a page break and a row of column numbers, and joins a table that goes on after a
page break (the same header again, or no header and as many columns) to the one before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.plan_import.columns import header_columns
from domain.plan_import.layout import clean_line, join_text
from domain.plan_import.result import ImportWarning
from domain.vntext import fold, roman_to_int

__all__ = ["HEADING", "TableRows", "TreeRow", "rows_from_tables"]

HEADING = re.compile(r"^(?P<roman>[IVXL]{1,5})\s*[.\-–)]?\s+(?P<title>\S.*)$")


@dataclass
class TreeRow:
    """One table row by column name; ``None`` = merged with the cell above, ``heading`` = area row."""

    cells: dict[str, str | None]
    heading: str | None = None
    segment_start: bool = False


@dataclass
class TableRows:
    """The rows of one task table and the columns its header names."""

    columns: list[str]
    rows: list[TreeRow] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


def _cell(text: str | None) -> str | None:
    if text is None:
        return None
    joined = ""
    for line in text.split("\n"):
        joined = join_text(joined, line)
    return clean_line(joined)


def _is_number_row(row: tuple[str | None, ...]) -> bool:
    """A row of column numbers ("(1) (2) (3)" or "1 2 3 4") printed under some headers."""
    texts = [re.sub(r"[()\s]", "", c) for c in row if c]
    return (
        len(texts) >= 3
        and all(t.isdigit() for t in texts)
        and [int(t) for t in texts] == list(range(int(texts[0]), int(texts[0]) + len(texts)))
    )


def _heading_of(cells: tuple[str | None, ...]) -> str | None:
    """The text of an area heading row ("I | Công tác chỉ đạo điều hành (06 mục tiêu; …)")."""
    texts = list(dict.fromkeys(c for c in cells if c))
    if not texts or len(texts) > 2:
        return None
    text = " ".join(texts)
    match = HEADING.match(text)
    if match and roman_to_int(match["roman"]) and match["title"][:1].isupper():
        return text
    return None


def rows_from_tables(
    tables: list[tuple[int, tuple[tuple[str | None, ...], ...]]],
) -> tuple[list[TableRows], set[int]]:
    """Task tables among the document's tables (given with their block index), continuations joined.

    A table whose first rows hold a task-table header starts a task table; a later table with the same
    header, or with no header and as many columns right after it, continues it (the next page).
    """
    found: list[TableRows] = []
    used: set[int] = set()
    last_block: int | None = None
    current: TableRows | None = None
    current_map: dict[int, str] = {}
    current_width = 0
    for block_index, grid in tables:
        mapping: dict[int, str] | None = None
        start = 0
        for position, row in enumerate(grid[:3]):
            mapping = header_columns(tuple(_cell(c) for c in row))
            if mapping:
                start = position + 1
                break
        # A page number or a line of text may sit between the two halves of a table.
        adjacent = last_block is not None and block_index - last_block <= 3
        width = max((len(r) for r in grid), default=0)
        if mapping is None:
            if current is None or not adjacent or width != current_width:
                continue
            mapping = current_map
        elif current is None or set(mapping.values()) != set(current_map.values()) or not adjacent:
            current = TableRows(columns=[mapping[i] for i in sorted(mapping)])
            found.append(current)
            current_map, current_width = mapping, width
        header_key = [fold(_cell(c) or "") for c in grid[start - 1]] if start else None
        segment_start = True
        for row in grid[start:]:
            cleaned = tuple(_cell(c) for c in row)
            if header_key is not None and [fold(c or "") for c in cleaned] == header_key:
                segment_start = True  # the header repeated inside the table after a page break
                continue
            if _is_number_row(cleaned) or not any(cleaned):
                continue
            heading = _heading_of(cleaned)
            cells = {name: cleaned[i] if i < len(cleaned) else "" for i, name in mapping.items()}
            current.rows.append(TreeRow(cells=cells, heading=heading, segment_start=segment_start))
            segment_start = False
        last_block = block_index
        used.add(block_index)
    return found, used
