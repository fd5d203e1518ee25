"""Text that goes into a spreadsheet cell without being run as a formula (CSV/Excel formula injection)."""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> object:
    """A string a spreadsheet would read as a formula gets a leading apostrophe; other values pass unchanged."""
    if isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS:
        return "'" + value
    return value
