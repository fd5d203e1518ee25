"""Task-result points of one person for a period, from the products assigned to them (Nghị định 335/2025).

For each product, in standard units (``units``, the converted weight; 1 when nothing is converted):
- quantity (a): its units when completed;
- quality (b): its units when completed to standard, less 25% of them for each time it was returned for a
  major fault;
- timeliness (c): its units when completed, less 25% for each delay (on time: no delay);
- a delay or a fault with an objective cause confirmed by the superior (``exempt``) takes nothing off.
a, b, c are the sums over the products divided by the units assigned. Staff: (a + b + c) ÷ 3 × 70; a leader
adds the unit's result and the leadership criteria d, đ, e (fractions 0–1): (a + b + c + d + đ + e) ÷ 6 × 70.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from domain.scoring.values import InvalidInput
from domain.vn_numbers import vn_number

from .rules import Aggregation, RatingRules

__all__ = [
    "LeaderParts",
    "Product",
    "ProductScore",
    "TaskResult",
    "period_result",
    "product_score",
    "task_result",
]

ZERO, ONE, HUNDRED = Decimal(0), Decimal(1), Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Product:
    title: str
    units: Decimal = ONE
    completed: bool = False
    to_standard: bool = False
    major_faults: int = 0
    delays: int = 0
    exempt: bool = False
    key: str = ""  # what the product is in the register (an occurrence, an ad-hoc product), for the link back

    def problems(self) -> list[str]:
        found = []
        if self.units <= 0:
            found.append(f"“{self.title}”: khối lượng quy đổi phải lớn hơn 0.")
        if self.major_faults < 0 or self.delays < 0:
            found.append(f"“{self.title}”: số lần trả lại, số lần chậm không được âm.")
        if self.to_standard and not self.completed:
            found.append(f"“{self.title}”: chưa hoàn thành thì chưa thể đạt yêu cầu chất lượng.")
        return found


@dataclass(frozen=True)
class LeaderParts:
    """The leader's d (the unit's result), đ (organising capacity), e (unity), each a fraction 0–1."""

    d: Decimal
    dd: Decimal
    e: Decimal


@dataclass(frozen=True)
class TaskResult:
    a: Decimal  # percent
    b: Decimal
    c: Decimal
    points: Decimal
    explanation: str


def _percent(part: Decimal, whole: Decimal) -> Decimal:
    return (part / whole * HUNDRED).quantize(CENT, rounding=ROUND_HALF_UP)


def _left(times: int, penalty: Decimal) -> Decimal:
    return max(ZERO, ONE - times * penalty / HUNDRED)


@dataclass(frozen=True)
class ProductScore:
    """What one product brings to a, b, c (in converted units) and what lowered it, in Vietnamese."""

    product: Product
    quantity: Decimal
    quality: Decimal
    timeliness: Decimal
    losses: tuple[str, ...]

    @property
    def lost(self) -> bool:
        return bool(self.losses)


def product_score(product: Product, rules: RatingRules) -> ProductScore:
    units = product.units
    if not product.completed:
        return ProductScore(
            product, ZERO, ZERO, ZERO, ("chưa hoàn thành: không được điểm số lượng, chất lượng, tiến độ",)
        )
    losses = []
    faults = 0 if product.exempt else product.major_faults
    delays = 0 if product.exempt else product.delays
    quality = ZERO
    if product.to_standard:
        quality = units * _left(faults, rules.quality_penalty_percent)
        if faults:
            losses.append(
                f"trả lại {faults} lần vì sai sót lớn: −{vn_number(min(HUNDRED, faults * rules.quality_penalty_percent))}% "
                "điểm chất lượng của sản phẩm"
            )
    else:
        losses.append("chưa được nghiệm thu đạt yêu cầu: không được điểm chất lượng")
    timeliness = units * _left(delays, rules.delay_penalty_percent)
    if delays:
        losses.append(
            f"chậm {delays} lần: −{vn_number(min(HUNDRED, delays * rules.delay_penalty_percent))}% điểm tiến độ của sản phẩm"
        )
    if product.exempt and (product.major_faults or product.delays):
        losses.append("có nguyên nhân khách quan được cấp trên xác nhận: không bị trừ")
    return ProductScore(product, units, quality, timeliness, tuple(losses))


def task_result(
    products: Sequence[Product],
    rules: RatingRules,
    leader: LeaderParts | None = None,
    scores: Sequence[ProductScore] | None = None,
) -> TaskResult | None:
    """The period's a, b, c and points; None when nothing was assigned (the period is not rated on tasks).
    ``scores`` are the products' scores when the caller has them already (same order)."""
    problems = [problem for product in products for problem in product.problems()]
    if leader is not None and not all(ZERO <= x <= ONE for x in (leader.d, leader.dd, leader.e)):
        problems.append("d, đ, e của lãnh đạo phải từ 0 đến 1 (0% đến 100%).")
    if problems:
        raise InvalidInput(" ".join(problems))
    assigned = sum((p.units for p in products), ZERO)
    if assigned == 0:
        return None
    quantity = quality = timeliness = ZERO
    for scored in scores if scores is not None else (product_score(product, rules) for product in products):
        quantity += scored.quantity
        quality += scored.quality
        timeliness += scored.timeliness
    a, b, c = (_percent(x, assigned) for x in (quantity, quality, timeliness))
    parts = [a, b, c]
    formula = "(a + b + c) ÷ 3"
    if leader is not None:
        parts += [leader.d * HUNDRED, leader.dd * HUNDRED, leader.e * HUNDRED]
        formula = f"(a + b + c + d + đ + e) ÷ {rules.leader_components}"
    divisor = Decimal(rules.leader_components if leader is not None else 3)
    points = (sum(parts, ZERO) / divisor / HUNDRED * rules.task_max).quantize(CENT, rounding=ROUND_HALF_UP)
    shown = ", ".join(
        f"{name} = {vn_number(value, 2)}%" for name, value in zip("abc", (a, b, c), strict=True)
    )
    explanation = (
        f"{len(products)} sản phẩm, {vn_number(assigned, 2)} đơn vị quy đổi: {shown}; "
        f"{formula} × {vn_number(rules.task_max)} = {vn_number(points, 2)} điểm"
    )
    if leader is not None:
        explanation += (
            f" (d = {vn_number(leader.d * HUNDRED, 2)}%, đ = {vn_number(leader.dd * HUNDRED, 2)}%, "
            f"e = {vn_number(leader.e * HUNDRED, 2)}%)"
        )
    caveats = rules.caveats() if leader is not None else []
    if caveats and rules.leader_formula_unverified:
        explanation += f"; {caveats[0]}"
    return TaskResult(a, b, c, points, explanation)


def period_result(
    months: Sequence[Sequence[Product]], rules: RatingRules, leader: LeaderParts | None = None
) -> TaskResult | None:
    """A quarter's or a year's task result from its months, by the rule set's aggregation: the products added
    up (cumulative) or the mean of the months that had products assigned."""
    if rules.aggregation == Aggregation.CUMULATIVE:
        result = task_result([p for month in months for p in month], rules, leader)
        how = "cộng dồn sản phẩm các tháng"
    else:
        monthly = [r for r in (task_result(month, rules, leader) for month in months) if r is not None]
        if not monthly:
            return None
        count = Decimal(len(monthly))

        def mean(values: list[Decimal]) -> Decimal:
            return (sum(values, ZERO) / count).quantize(CENT, rounding=ROUND_HALF_UP)

        result = TaskResult(
            mean([r.a for r in monthly]),
            mean([r.b for r in monthly]),
            mean([r.c for r in monthly]),
            mean([r.points for r in monthly]),
            f"trung bình {len(monthly)} tháng có sản phẩm: "
            + "; ".join(vn_number(r.points, 2) for r in monthly)
            + " điểm",
        )
        how = "trung bình các tháng"
    if result is None:
        return None
    note = f" (tổng hợp: {how}"
    note += ", chưa đối chiếu)" if rules.aggregation_unverified else ")"
    return TaskResult(result.a, result.b, result.c, result.points, result.explanation + note)
