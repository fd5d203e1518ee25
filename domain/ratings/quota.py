"""The cap on "hoàn thành xuất sắc nhiệm vụ" (Nghị định 335/2025): within one agency and task group, at most
20% of the people rated "hoàn thành tốt nhiệm vụ" or better may be rated "xuất sắc"; the others scoring 90 or
more are rated "tốt", with the reason. Who counts in the base and how 20% of a small group is rounded are
parameters of the rule set (chưa đối chiếu)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from domain.vn_numbers import vn_number

from .rules import QuotaRounding, RatingRules

__all__ = ["Rated", "allowed_excellent", "apply_quota"]

EXCELLENT, GOOD = "excellent", "good"
ROUNDINGS = {
    QuotaRounding.DOWN: ROUND_FLOOR,
    QuotaRounding.UP: ROUND_CEILING,
    QuotaRounding.NEAREST: ROUND_HALF_UP,
}


@dataclass(frozen=True)
class Rated:
    key: str
    name: str
    points: Decimal
    grade: str  # a band code of domain.scoring.grading.ND335_RATING
    explanation: str = ""


def allowed_excellent(base: int, rules: RatingRules) -> int:
    """How many of ``base`` people rated "tốt" or better may be rated "xuất sắc"."""
    return int(
        (Decimal(base) * rules.excellent_quota_percent / 100).quantize(
            Decimal(1), rounding=ROUNDINGS[rules.quota_rounding]
        )
    )


def apply_quota(people: Sequence[Rated], rules: RatingRules) -> list[Rated]:
    """The same people with "xuất sắc" kept for the highest points up to the cap, the rest moved to "tốt"."""
    base = sum(1 for person in people if person.grade in (EXCELLENT, GOOD))
    allowed = allowed_excellent(base, rules)
    excellent = sorted((p for p in people if p.grade == EXCELLENT), key=lambda p: (-p.points, p.name))
    kept = {person.key for person in excellent[:allowed]}
    cut_points = excellent[allowed - 1].points if allowed and len(excellent) > allowed else None
    out = []
    for person in people:
        if person.grade != EXCELLENT or person.key in kept:
            out.append(person)
            continue
        tie = " (bằng điểm người cuối được giữ: cần xét thêm)" if person.points == cut_points else ""
        reason = (
            f"{vn_number(person.points, 2)} điểm đủ mức xuất sắc nhưng vượt tỷ lệ "
            f"{vn_number(rules.excellent_quota_percent)}% của {base} người xếp loại tốt trở lên "
            f"(tối đa {allowed} người){tie} → Hoàn thành tốt nhiệm vụ"
        )
        explanation = f"{person.explanation}; {reason}" if person.explanation else reason
        out.append(Rated(person.key, person.name, person.points, GOOD, explanation))
    return out
