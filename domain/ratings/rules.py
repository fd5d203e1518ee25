"""The dated parameters of a rating rule set, each with its source; those the primary text was not seen for are
marked ``unverified`` ("chưa đối chiếu") and stay editable, never guessed into code.

Sources (see ../shared/rewards/notes_nd335.md): Nghị định 335/2025/NĐ-CP of 21/12/2025, in force 01/01/2026,
as reported by several press sources; the leaders' six-component formula, the month → quarter → year rule and
the rounding of the 20% cap come from implementations, not the primary text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.scoring.values import UNVERIFIED

__all__ = ["ND335", "Aggregation", "QuotaRounding", "RatingRules", "rules_in_force"]


class Aggregation(StrEnum):
    """How a quarter's (or a year's) a, b, c come from its months."""

    CUMULATIVE = "cumulative"  # Σ completed ÷ Σ assigned over the period's products
    MEAN_OF_MONTHS = "mean_of_months"  # the mean of the months' scores


class QuotaRounding(StrEnum):
    DOWN = "down"  # 20% of 7 "tốt" → 1
    UP = "up"  # 20% of 7 → 2
    NEAREST = "nearest"


@dataclass(frozen=True)
class RatingRules:
    name: str
    source: str
    effective_from: date
    effective_to: date | None = None
    general_max: Decimal = Decimal(30)
    task_max: Decimal = Decimal(70)
    quality_penalty_percent: Decimal = Decimal(25)  # of the product's quality points, per major failure
    delay_penalty_percent: Decimal = Decimal(25)  # of the product's timeliness points, per delay
    leader_components: int = 6  # (a + b + c + d + đ + e) ÷ 6
    leader_formula_unverified: bool = True
    aggregation: Aggregation = Aggregation.CUMULATIVE
    aggregation_unverified: bool = True
    excellent_quota_percent: Decimal = Decimal(20)  # of those rated "tốt" in the same agency and task group
    quota_rounding: QuotaRounding = QuotaRounding.DOWN
    quota_rounding_unverified: bool = True

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def problems(self) -> list[str]:
        found = []
        if self.general_max + self.task_max != 100:
            found.append("Điểm tiêu chí chung và điểm kết quả nhiệm vụ phải cộng lại 100.")
        for label, value in (
            ("Mức trừ mỗi lần sai sót lớn", self.quality_penalty_percent),
            ("Mức trừ mỗi lần chậm", self.delay_penalty_percent),
            ("Tỷ lệ tối đa xếp loại xuất sắc", self.excellent_quota_percent),
        ):
            if not 0 <= value <= 100:
                found.append(f"{label} phải từ 0 đến 100%.")
        if self.leader_components < 3:
            found.append("Công thức của lãnh đạo phải có ít nhất ba thành phần a, b, c.")
        if self.effective_to is not None and self.effective_to < self.effective_from:
            found.append("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        return found

    def caveats(self) -> list[str]:
        """What of this rule set is a parameter not checked against the primary text, in Vietnamese."""
        found = []
        if self.leader_formula_unverified:
            found.append(f"công thức của lãnh đạo (a + b + c + d + đ + e) ÷ 6 ({UNVERIFIED})")
        if self.aggregation_unverified:
            found.append(f"cách tổng hợp tháng → quý → năm ({UNVERIFIED})")
        if self.quota_rounding_unverified:
            found.append(f"cách làm tròn tỷ lệ 20% ({UNVERIFIED})")
        return found


ND335 = RatingRules(
    name="Đánh giá, xếp loại chất lượng công chức",
    source="Nghị định 335/2025/NĐ-CP ngày 21/12/2025",
    effective_from=date(2026, 1, 1),
)


def rules_in_force(candidates: tuple[RatingRules, ...], on: date) -> RatingRules | None:
    """The rule set in force on a day; the one that took effect last wins."""
    found = sorted((r for r in candidates if r.in_force(on)), key=lambda r: r.effective_from)
    return found[-1] if found else None
