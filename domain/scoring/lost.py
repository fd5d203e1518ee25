"""Lost points: every criterion where points were lost, how many, why, and what it takes to regain them, sorted
by what is cheapest to regain.

"Cheapest" follows the kind of work the rule asks for: a document, a decision or a report on time (yes / no,
on time / late, an answer, points scored by hand) is one action; a count against a target needs more items over
the year; a rate (tiers, proportional) needs the whole year's work to move. Within one kind, the criterion that
gives back more points comes first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from domain.scoring.rules import (
    CountTarget,
    Deduction,
    Proportional,
    Rule,
    Tiered,
)
from domain.vn_numbers import vn_number

__all__ = ["Effort", "Lost", "lost_points", "regain_hint"]

ZERO = Decimal(0)


class Effort:
    ACTION = 0  # one document, decision, report
    COUNT = 1  # more items over the year
    RATE = 2  # a rate to move


EFFORT_LABELS = {
    Effort.ACTION: "Một việc cụ thể (văn bản, báo cáo, tài liệu kiểm chứng)",
    Effort.COUNT: "Tăng số lượng trong năm",
    Effort.RATE: "Cải thiện tỷ lệ cả năm",
}


@dataclass(frozen=True)
class LostInput:
    """One scored criterion: its code, title, rule, the figure it was scored on (a rate for rate rules), points
    reached and maximum, the engine's explanation, and the points lost the year before (None: not scored then)."""

    code: str
    title: str
    rule: Rule | None
    figure: Decimal | None
    points: Decimal
    max_points: Decimal
    explanation: str
    last_year_lost: Decimal | None = None
    survey: bool = False


@dataclass(frozen=True)
class Lost:
    code: str
    title: str
    lost: Decimal
    max_points: Decimal
    points: Decimal
    why: str
    hint: str
    effort: int
    last_year_lost: Decimal | None

    @property
    def effort_label(self) -> str:
        return EFFORT_LABELS[self.effort]

    @property
    def change(self) -> Decimal | None:
        """Points lost this year minus last year's: negative is better."""
        return None if self.last_year_lost is None else self.lost - self.last_year_lost


SURVEY_HINT = (
    "Điểm do điều tra xã hội học: nâng mức hài lòng của người dân, tổ chức (giải quyết TTHC đúng hạn, "
    "thái độ phục vụ, công khai, tiếp nhận phản ánh)."
)


def effort_of(rule: Rule | None) -> int:
    if isinstance(rule, Tiered | Proportional):
        return Effort.RATE
    if isinstance(rule, CountTarget | Deduction):
        return Effort.COUNT
    return Effort.ACTION


def regain_hint(rule: Rule | None, figure: Decimal | None, points: Decimal, max_points: Decimal) -> str:
    """What the next step up asks, in Vietnamese: the next tier's edge for a rate, the target for a count."""
    if isinstance(rule, Tiered) and figure is not None:
        better = [
            (tier.lower, tier) for tier in rule.tiers if tier.points > points and tier.lower is not None
        ]
        if better:
            lower, nearest = min(better, key=lambda pair: (pair[0], -pair[1].points))
            edge = "≥" if nearest.lower_inclusive else ">"
            return (
                f"Cần {rule.label.lower()} {edge} {vn_number(lower)}{rule.unit} "
                f"(hiện {vn_number(figure, 2)}{rule.unit}) để được {vn_number(nearest.points)} điểm."
            )
    if isinstance(rule, Proportional) and figure is not None:
        return (
            f"Điểm tăng theo {rule.label.lower()}: mỗi 10{rule.unit} thêm "
            f"{vn_number(max_points / 10 * Decimal(100) / rule.target, 2)} điểm (hiện {vn_number(figure, 2)}{rule.unit})."
        )
    if isinstance(rule, CountTarget):
        each = f" mỗi {rule.period_label}" if rule.periods > 1 else ""
        return f"Cần đạt ít nhất {rule.target} {rule.unit}{each}."
    if isinstance(rule, Deduction):
        return f"Giảm số {rule.unit} vi phạm: mỗi {rule.unit} bị trừ {vn_number(rule.per_item)}"
    return f"Bổ sung việc còn thiếu hoặc tài liệu kiểm chứng để được đủ {vn_number(max_points)} điểm."


def lost_points(items: Sequence[LostInput]) -> list[Lost]:
    """The criteria that lost points, cheapest to regain first."""
    found = []
    for item in items:
        lost = item.max_points - item.points
        if lost <= ZERO:
            continue
        found.append(
            Lost(
                code=item.code,
                title=item.title,
                lost=lost,
                max_points=item.max_points,
                points=item.points,
                why=item.explanation,
                hint=SURVEY_HINT
                if item.survey
                else regain_hint(item.rule, item.figure, item.points, item.max_points),
                effort=Effort.RATE if item.survey else effort_of(item.rule),
                last_year_lost=item.last_year_lost,
            )
        )
    return sorted(found, key=lambda lost: (lost.effort, -lost.lost, lost.code))
