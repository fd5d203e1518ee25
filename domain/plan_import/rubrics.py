"""The scoring table (thang điểm) of an emulation plan: criteria, points and how to score them.

An emulation plan (Kế hoạch phát động phong trào thi đua) often ends with an appendix "THANG ĐIỂM" or
"BẢNG CHẤM ĐIỂM": STT · Tiêu chí thi đua · Điểm chuẩn (điểm tối đa) · Hướng dẫn chấm điểm, with group rows
for the participants ("A. Đối với tập thể", "B. Đối với cá nhân"), a total row ("Tổng cộng: 100") and
guides holding formulas ("Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn"). The table is found by its
header words wherever it sits (a Word or PDF table, tab-separated or "|"-separated text); a row without a
number or points continues the criterion above it.

The result is the scoring table as written, for the emulation work to build its criteria from; nothing
here scores anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from domain.plan_import.layout import clean_line, is_furniture, join_text
from domain.vntext import fold, roman_to_int, strip_markup

__all__ = ["Rubric", "RubricCriterion", "heading_group", "points_of", "read_rubrics"]


@dataclass(frozen=True)
class RubricCriterion:
    """One criterion row: its number as written, title, points (``None`` when unreadable) and guide."""

    code: str
    title: str
    points: Decimal | None
    guide: str


@dataclass(frozen=True)
class Rubric:
    """The criteria of one group of participants (``group`` is ``None`` in a table without groups)."""

    group: str | None
    total_points: Decimal | None
    criteria: tuple[RubricCriterion, ...]


_ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("code", re.compile(r"^(?:s\s*tt|tt|so tt|so thu tu|ma|ma so)$")),
    ("points", re.compile(r"\bdiem (?:chuan|toi da|quy dinh|chuan toi da)\b|^(?:thang diem|so diem|diem)$")),
    ("guide", re.compile(r"\b(?:huong dan|cach cham|cach tinh|phuong phap|cach thuc)\b")),
    ("title", re.compile(r"\b(?:tieu chi|noi dung)\b")),
)
_TOTAL = re.compile(r"^(?:tong cong|tong diem|tong so diem|tong so|tong|cong)\b")
_GROUP_CODE = re.compile(r"^(?:[A-ZĐ]|[IVX]{1,4})$")
_GROUP_TITLE = re.compile(r"^(?P<code>[A-ZĐ]|[IVX]{1,4})\s*[.)\-–:]\s*(?P<title>\S.*)$")
_NUMBER = re.compile(r"^\(?\s*(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:điểm|đ)?\s*\)?\s*\.?$", re.IGNORECASE)


def _role(cell: str) -> str | None:
    text = " ".join(re.sub(r"[^\w\s]", " ", fold(cell)).split())
    if not text or re.search(r"\b(?:tu cham|tham dinh|dat duoc|ghi chu)\b", text):
        return None
    return next((role for role, pattern in _ROLES if pattern.search(text)), None)


def _header(row: tuple[str | None, ...]) -> dict[str, int] | None:
    """Column index by role when ``row`` is a scoring-table header (a title and a points column)."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        role = _role(cell or "")
        if role is not None and role not in found:
            found[role] = index
    return found if {"title", "points"} <= set(found) else None


def points_of(text: str) -> Decimal | None:
    """ "10", "10 điểm", "2,5" → the number; anything else ``None``."""
    match = _NUMBER.match(text.strip())
    if not match:
        return None
    try:
        return Decimal(match[1].replace(",", "."))
    except InvalidOperation:
        return None


@dataclass
class _Group:
    title: str | None
    declared: Decimal | None = None
    rows: list[list[str]] = field(default_factory=list)  # code, title, points text, guide


def _cell(row: tuple[str | None, ...], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    text = (row[index] or "").replace("|", " ")
    joined = ""
    for line in text.split("\n"):
        joined = join_text(joined, clean_line(line))
    return joined.strip()


def _is_group_row(code: str, title: str, points: str, guide: str) -> tuple[str, str] | None:
    """The code and title of a participants' group row ("A | Đối với tập thể | 100"), else ``None``."""
    if _GROUP_CODE.match(code) and (code.isalpha() and (len(code) == 1 or roman_to_int(code))):
        return code, title
    if not code:
        match = _GROUP_TITLE.match(title)
        if match and (len(match["code"]) == 1 or roman_to_int(match["code"])) and not guide:
            return match["code"], match["title"]
        if re.match(r"^(?:doi voi|danh cho|ap dung (?:cho|doi voi))\b", fold(title)) and not guide:
            return "", title
    return None


_HEADING = re.compile(
    r"^(?:[A-ZĐ]|[IVX]{1,4})\s*[.)\-–:]\s*(?P<title>\S.*?)\s*(?:\((?P<points>\d{1,4})\s*điểm\))?\s*$"
)


def _group_label(title: str) -> str:
    """ "ĐỐI VỚI CÁC PHÒNG, ĐƠN VỊ (100 điểm)" → "Đối với các phòng, đơn vị"."""
    title = re.sub(r"\s*\(\s*\d{1,4}\s*điểm\s*\)\s*$", "", title, flags=re.IGNORECASE).strip(" :")
    letters = [c for c in title if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        title = title.lower()
    return title[:1].upper() + title[1:]


def heading_group(paragraph: str) -> tuple[str, Decimal | None] | None:
    """A group heading written above a scoring table: "B. ĐỐI VỚI CÁ NHÂN (50 điểm)" → its label and total."""
    match = _HEADING.match(" ".join(paragraph.split()))
    if match is None or not re.match(r"^(?:doi voi|danh cho|tap the|ca nhan|khoi)\b", fold(match["title"])):
        return None
    points = Decimal(match["points"]) if match["points"] else None
    return _group_label(match["title"]), points


@dataclass
class _Table:
    """A scoring table being read: its columns and groups (a table may go on in the next one)."""

    columns: dict[str, int]
    groups: list[_Group]
    total: Decimal | None = None


def _start(
    grid: tuple[tuple[str | None, ...], ...], heading: tuple[str, Decimal | None] | None
) -> tuple[_Table, int] | None:
    for position, row in enumerate(grid[:4]):
        found = _header(row)
        if found is not None:
            first = _Group(heading[0], heading[1]) if heading else _Group(None)
            return _Table(found, [first]), position + 1
    return None


def _read_rows(table: _Table, rows: tuple[tuple[str | None, ...], ...]) -> None:
    columns, groups = table.columns, table.groups
    for row in rows:
        code = _cell(row, columns.get("code")).rstrip(".")
        title = _cell(row, columns.get("title"))
        points = _cell(row, columns.get("points"))
        guide = _cell(row, columns.get("guide"))
        if code == title and code:
            title = ""  # a merged cell repeated over the row
        if guide == title:
            guide = ""
        if not any((code, title, points, guide)) or _is_column_numbers(row):
            continue
        if _TOTAL.match(fold(code or title)):
            table.total = points_of(points)
            if groups[-1].rows or groups[-1].title is not None:
                groups[-1].declared = groups[-1].declared or table.total
            continue
        group = _is_group_row(code, title, points, guide)
        if group is not None:
            groups.append(_Group(_group_label(group[1]), points_of(points)))
            continue
        current = groups[-1]
        if not code and not points and current.rows:
            previous = current.rows[-1]
            previous[1] = join_text(previous[1], title)
            previous[3] = join_text(previous[3], guide)
            continue
        current.rows.append([code, title, points, guide])


def _finish(table: _Table) -> list[Rubric]:
    rubrics = [_rubric(g) for g in table.groups if g.rows]
    if len(rubrics) == 1 and rubrics[0].total_points is None and table.total is not None:
        rubrics[0] = Rubric(rubrics[0].group, table.total, rubrics[0].criteria)
    return rubrics


def _is_column_numbers(row: tuple[str | None, ...]) -> bool:
    texts = [re.sub(r"[()\s]", "", c) for c in row if c]
    return len(texts) >= 3 and all(t.isdigit() for t in texts) and texts[:2] == ["1", "2"]


def _rubric(group: _Group) -> Rubric:
    criteria = tuple(
        RubricCriterion(code=code, title=title, points=points_of(points), guide=guide)
        for code, title, points, guide in group.rows
    )
    total = group.declared
    if total is None:
        # Sub-criteria ("1.1", "a") add up to their criterion: sum the top level only.
        top = [c.points for c in criteria if c.points is not None and "." not in c.code]
        counted = top or [c.points for c in criteria if c.points is not None]
        total = sum(counted, Decimal(0)) if counted else None
    return Rubric(group.title, total, criteria)


def read_rubrics(blocks: list[tuple[str | None, tuple[tuple[str | None, ...], ...] | None]]) -> list[Rubric]:
    """Every scoring table of a document, one rubric per group of participants.

    ``blocks`` are the document's blocks in order, each a paragraph's text or a table's grid. A group
    heading written as a paragraph above a table ("A. ĐỐI VỚI TẬP THỂ (100 điểm)") names the table's group;
    a table right after a scoring table, without a header and as wide, goes on with it (the next page).
    """
    found: list[Rubric] = []
    table: _Table | None = None
    width = 0
    heading: tuple[str, Decimal | None] | None = None
    for text, grid in blocks:
        if grid is None:
            if text and text.strip():
                group = heading_group(strip_markup(text))
                if group is not None:
                    heading = group
                elif table is not None and not is_furniture(text.strip()):
                    found.extend(_finish(table))
                    table = None
            continue
        started = _start(grid, heading)
        if started is not None:
            if table is not None:
                found.extend(_finish(table))
            table, start = started
            width = max(len(row) for row in grid)
            heading = None
            _read_rows(table, grid[start:])
        elif table is not None and max(len(row) for row in grid) == width:
            _read_rows(table, grid)
        elif table is not None:
            found.extend(_finish(table))
            table = None
    if table is not None:
        found.extend(_finish(table))
    return found
