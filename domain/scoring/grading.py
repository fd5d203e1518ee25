"""Grading: a total or an index mapped to a band, with conditions that cap the band whatever the points.

Bands are listed from the highest down; a band holds every value at or above its ``minimum`` and below the
next band up ("B: 80 – < 90%"), and the last band, without a minimum, holds the rest. Conditions are the
"regardless of the score" rules: under Nghị định 335/2025/NĐ-CP a civil servant disciplined from reprimand
upward is rated "Không hoàn thành nhiệm vụ" whatever the points. Quotas over a population (at most 20% of
those rated "tốt" may be "xuất sắc") are not a grade of one person and belong to the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise

from domain.scoring.values import UNVERIFIED, InvalidInput
from domain.vn_numbers import vn_number

__all__ = ["ND335_RATING", "PAR_GROUPS", "Band", "Condition", "Grade", "GradingScale"]


@dataclass(frozen=True)
class Band:
    code: str
    label: str
    minimum: Decimal | None


@dataclass(frozen=True)
class Condition:
    """A fact that caps the grade at the band ``at_most``, whatever the points."""

    code: str
    label: str
    at_most: str


@dataclass(frozen=True)
class Grade:
    code: str
    label: str
    explanation: str


@dataclass(frozen=True)
class GradingScale:
    """Bands from the highest down; ``unit`` is written after each figure ("%" or " điểm")."""

    name: str
    source: str
    bands: tuple[Band, ...]
    unit: str = "%"
    conditions: tuple[Condition, ...] = ()
    unverified: bool = False

    def problems(self) -> list[str]:
        found = []
        minima = [band.minimum for band in self.bands]
        if not self.bands or minima[-1] is not None:
            found.append("Mức thấp nhất không có ngưỡng dưới: nó nhận mọi giá trị còn lại.")
        if any(minimum is None for minimum in minima[:-1]):
            found.append("Chỉ mức thấp nhất được để trống ngưỡng dưới.")
        given = [minimum for minimum in minima if minimum is not None]
        if any(higher <= lower for higher, lower in pairwise(given)):
            found.append("Ngưỡng của các mức phải giảm dần, từ mức cao nhất xuống.")
        codes = [band.code for band in self.bands]
        found.extend(f"Mã mức {code} bị lặp." for code in sorted(set(codes)) if codes.count(code) > 1)
        found.extend(
            f"Điều kiện “{c.label}” chỉ đến mức {c.at_most} không có trong thang."
            for c in self.conditions
            if c.at_most not in codes
        )
        return found

    def _figure(self, value: Decimal) -> str:
        return f"{vn_number(value, 2)}{self.unit}"

    def grade(self, value: Decimal, met: Iterable[str] = ()) -> Grade:
        """The band of ``value``, lowered to the cap of every condition in ``met`` (condition codes)."""
        conditions = {condition.code: condition for condition in self.conditions}
        unknown = sorted(set(met) - set(conditions))
        if unknown:
            raise InvalidInput(f"Điều kiện không có trong thang {self.name}: {', '.join(unknown)}.")
        position = next(
            (index for index, band in enumerate(self.bands) if band.minimum is None or value >= band.minimum),
            None,
        )
        if position is None:
            raise InvalidInput(f"{self._figure(value)} không thuộc mức nào của thang {self.name}.")
        band = self.bands[position]
        if band.minimum is not None:
            text = f"{self._figure(value)} ≥ {self._figure(band.minimum)} → {band.label}"
        else:
            above = self.bands[position - 1].minimum if position else None
            where = f" < {self._figure(above)}" if above is not None else ""
            text = f"{self._figure(value)}{where} → {band.label}"
        for code in met:
            condition = conditions[code]
            cap = next(index for index, b in enumerate(self.bands) if b.code == condition.at_most)
            if cap > position:
                position, band = cap, self.bands[cap]
                text += f"; {condition.label} → {band.label}"
        if self.unverified:
            text += f" (thang {UNVERIFIED})"
        return Grade(band.code, band.label, text)


PAR_GROUPS = GradingScale(
    name="Nhóm xếp hạng Chỉ số CCHC",
    source="Cách xếp nhóm Chỉ số CCHC toàn quốc: A ≥ 90%, B 80 – < 90%, C 70 – < 80% (văn bản quy định chưa tìm thấy)",
    bands=(
        Band("A", "Nhóm A", Decimal(90)),
        Band("B", "Nhóm B", Decimal(80)),
        Band("C", "Nhóm C", Decimal(70)),
        # the sources name no group below C: shown as what it is, not as an invented "D"
        Band("below_c", "Dưới 70%", None),
    ),
    unverified=True,
)

ND335_RATING = GradingScale(
    name="Xếp loại chất lượng công chức",
    source="Nghị định 335/2025/NĐ-CP (hiệu lực 01/01/2026)",
    unit=" điểm",
    bands=(
        Band("excellent", "Hoàn thành xuất sắc nhiệm vụ", Decimal(90)),
        Band("good", "Hoàn thành tốt nhiệm vụ", Decimal(70)),
        Band("completed", "Hoàn thành nhiệm vụ", Decimal(50)),
        Band("not_completed", "Không hoàn thành nhiệm vụ", None),
    ),
    conditions=(
        Condition("disciplined", "Bị kỷ luật từ khiển trách trở lên trong năm", "not_completed"),
        Condition("degraded", "Bị kết luận suy thoái, “tự diễn biến”, “tự chuyển hóa”", "not_completed"),
        Condition(
            "unit_corruption", "Người đứng đầu nơi xảy ra tham nhũng, lãng phí bị xử lý", "not_completed"
        ),
    ),
)
