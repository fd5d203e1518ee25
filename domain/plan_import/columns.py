"""The columns of an appendix task table, recognised by the words of their headings.

Agencies name the same column differently ("Chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì"; "Thời gian",
"Thời gian thực hiện", "Thời hạn"; "Sản phẩm/Kết quả", "Kết quả/ Sản phẩm", "Kết quả dự kiến"), so a
column is found by the words in its heading, never by its position.
"""

from __future__ import annotations

import re

from domain.vntext import fold

__all__ = ["COLUMN_NAMES", "column_of", "columns_in_text", "header_columns"]

# Checked in order: "Đơn vị chủ trì" must be lead before "đơn vị" could mean anything else.
_RULES: tuple[tuple[str, str], ...] = (
    ("no", r"^(?:s\s*tt|tt|so tt|so thu tu|stt\.?)$"),
    ("lead", r"\bchu tri\b"),
    ("cooperating", r"\bphoi hop\b"),
    ("accountable", r"\b(?:nguoi chiu trach nhiem|chiu trach nhiem|trach nhiem)\b"),
    ("authority", r"\b(?:tham quyen|nghiem thu|cap danh gia)\b"),
    ("time", r"\b(?:thoi gian|thoi han|tien do|moc thoi gian)\b"),
    ("deliverable", r"\b(?:san pham|ket qua)\b"),
    ("note", r"\bghi chu\b"),
    ("objective", r"\bmuc tieu\b"),
    ("activity", r"\bhoat dong\b"),
    ("area", r"\blinh vuc\b"),
    ("task", r"\b(?:nhiem vu|noi dung cong viec|noi dung nhiem vu|noi dung|cong viec|ten nhiem vu)\b"),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _RULES)

COLUMN_NAMES = tuple(name for name, _ in _RULES)


def column_of(heading: str) -> str | None:
    """The column a heading cell names, or ``None``."""
    text = " ".join(re.sub(r"[^\w\s]", " ", fold(heading)).split())
    if not text:
        return None
    for name, pattern in _COMPILED:
        if pattern.search(text):
            return name
    return None


def header_columns(row: tuple[str | None, ...]) -> dict[int, str] | None:
    """The columns of a header row by cell index, or ``None`` when the row is not a task-table header.

    A header names a task (or activity) column and at least two of the other columns.
    """
    found: dict[int, str] = {}
    for index, cell in enumerate(row):
        if not cell:
            continue
        name = column_of(cell)
        if name is not None and name not in found.values():
            found[index] = name
    names = set(found.values())
    if not names & {"task", "activity"} or len(names) < 3:
        return None
    return found


# Phrases a header written on one line ("TT Mục tiêu Nhiệm vụ Hoạt động Kết quả/ Sản phẩm …") contains.
_PHRASES: tuple[tuple[str, str], ...] = (
    ("no", r"\bs?tt\b"),
    ("objective", r"\bmuc tieu\b"),
    ("task", r"\bnhiem vu\b|\bnoi dung cong viec\b"),
    ("activity", r"\bhoat dong\b"),
    ("deliverable", r"\b(?:ket qua|san pham)(?:\s*/\s*(?:ket qua|san pham))?(?: du kien)?\b"),
    ("lead", r"\b(?:don vi |co quan )?chu tri\b"),
    ("cooperating", r"\b(?:don vi |co quan )?phoi hop\b"),
    ("time", r"\bthoi (?:gian|han)(?: thuc hien)?\b"),
    ("note", r"\bghi chu\b"),
)


def columns_in_text(text: str) -> list[str]:
    """The columns a header written as running text names, in the order written."""
    folded = " ".join(re.sub(r"[^\w\s/]", " ", fold(text)).split())
    found: list[tuple[int, str]] = []
    for name, pattern in _PHRASES:
        match = re.search(pattern, folded)
        if match:
            found.append((match.start(), name))
    return [name for _, name in sorted(found)]
