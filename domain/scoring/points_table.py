"""A table of points per unit and criterion, as Sở Nội vụ receives the survey results (điều tra xã hội học):
columns "Mã cơ quan" · "Mã tiêu chí" · "Điểm" (or "Tỷ lệ (%)" where the criterion's rule turns a rate into
points). The header is found by its words in the first rows; every row that cannot be read is reported with its
row number, and the caller saves nothing while there is one."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = ["PointsRow", "PointsTable", "read_points_table"]


@dataclass(frozen=True)
class PointsRow:
    line: int
    unit_code: str
    criterion_code: str
    points: Decimal | None
    rate: str


@dataclass(frozen=True)
class PointsTable:
    rows: tuple[PointsRow, ...]
    errors: tuple[str, ...]


def _fold(text: object) -> str:
    plain = unicodedata.normalize("NFD", str(text or "").lower().replace("đ", "d"))
    return " ".join("".join(c for c in plain if unicodedata.category(c) != "Mn").split())


COLUMNS = {
    "unit": ("ma co quan", "ma don vi"),
    "criterion": ("ma tieu chi", "tieu chi"),
    "points": ("diem",),
    "rate": ("ty le",),
}


def _header(row: Sequence[object]) -> dict[str, int] | None:
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        text = _fold(cell)
        for name, words in COLUMNS.items():
            if name not in found and any(text.startswith(word) for word in words):
                found[name] = index
                break
    if "unit" in found and "criterion" in found and ("points" in found or "rate" in found):
        return found
    return None


def _cell(row: Sequence[object], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    value = row[index]
    return "" if value is None else str(value).strip()


def read_points_table(rows: Sequence[Sequence[object]]) -> PointsTable:
    header_at, columns = None, None
    for number, row in enumerate(rows[:10]):
        columns = _header(row)
        if columns is not None:
            header_at = number
            break
    if columns is None or header_at is None:
        return PointsTable(
            (),
            (
                "Không tìm thấy dòng tiêu đề: bảng cần các cột “Mã cơ quan”, “Mã tiêu chí” và “Điểm” "
                "(hoặc “Tỷ lệ (%)”).",
            ),
        )
    found: list[PointsRow] = []
    errors: list[str] = []
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(rows[header_at + 1 :], header_at + 2):
        unit, criterion = _cell(row, columns.get("unit")), _cell(row, columns.get("criterion"))
        points_text, rate = _cell(row, columns.get("points")), _cell(row, columns.get("rate"))
        if not any((unit, criterion, points_text, rate)):
            continue
        if not unit or not criterion:
            errors.append(f"Dòng {number}: thiếu mã cơ quan hoặc mã tiêu chí.")
            continue
        key = (unit, criterion)
        if key in seen:
            errors.append(f"Dòng {number}: cơ quan {unit}, tiêu chí {criterion} đã có ở dòng {seen[key]}.")
            continue
        seen[key] = number
        points = None
        if points_text:
            try:
                points = Decimal(points_text.replace(",", "."))
            except InvalidOperation:
                errors.append(f"Dòng {number}: điểm “{points_text}” không phải là một số.")
                continue
            if not points.is_finite() or points < 0:
                errors.append(f"Dòng {number}: điểm “{points_text}” không hợp lệ.")
                continue
        elif not rate:
            errors.append(f"Dòng {number}: chưa có điểm hoặc tỷ lệ.")
            continue
        found.append(PointsRow(number, unit, criterion, points, rate))
    if not found and not errors:
        errors.append("Bảng không có dòng số liệu nào.")
    return PointsTable(tuple(found), tuple(errors))
