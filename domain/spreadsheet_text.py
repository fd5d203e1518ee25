"""Text that goes into a spreadsheet cell without being run as a formula (CSV/Excel formula injection).

Every CSV and .xlsx the application writes (exports, error files) passes each cell through `safe_cell`,
usually a row at a time with `safe_row` (tests/test_export_cells.py keeps new writers to it)."""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> object:
    """A string a spreadsheet would read as a formula gets a leading apostrophe; other values pass unchanged."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """A row for `csv.writer.writerow` or openpyxl's `append`, each cell through `safe_cell`."""
    return [safe_cell(value) for value in values]
