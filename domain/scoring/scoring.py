"""Scoring a whole criteria tree from one input per criterion code.

Each criterion with a rule (a leaf without one is scored by hand, :class:`Manual`) gets its points from its input;
a parent without a rule adds up its children on the scale. A criterion without an input is "chưa chấm" and counts
0 points over its maximum. :class:`NotApplicableInput` given for any criterion takes it, and everything under
it, out of both the points and the maximum. Bonus and penalty criteria are added after rescaling.

The total, with P the points reached on the criteria that apply, M_a their maximum, M the maximum of the whole
scale, B the bonus and T the penalty points::

    Tổng = P × M ÷ M_a + B − T        (P alone when every criterion applies, M_a = M)
    Chỉ số (%) = Tổng ÷ M × 100

so a unit without some duty is measured over the points that apply to it and rescaled to the same scale as the
others. The total is then kept at or above the set's floor (0) and, when a ceiling is stated, at or below it;
it is rounded half up to 0,01 at the end only. With nothing applicable there is no index (``None``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from domain.scoring.rules import Bonus, Manual, NotApplicable, Penalty
from domain.scoring.tree import Criterion, RuleSet
from domain.scoring.values import UNVERIFIED, InvalidInput, NotApplicableInput, Result
from domain.vn_numbers import quantize, vn_number

__all__ = ["InvalidInputs", "NodeScore", "Scorecard", "score_criteria", "score_rule_set"]

ZERO = Decimal(0)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)


class InvalidInputs(ValueError):
    """Inputs a tree cannot score: every problem, each naming its criterion, in Vietnamese."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class NodeScore:
    """Points of one criterion. ``max_points`` counts only what applies; ``full_max`` is the scale's."""

    code: str
    points: Decimal
    max_points: Decimal
    full_max: Decimal
    applicable: bool
    extra: bool
    scored: bool
    explanation: str


@dataclass(frozen=True)
class Scorecard:
    """A tree's scores: every criterion's by code in tree order, the totals and how they were reached."""

    nodes: Mapping[str, NodeScore]
    points: Decimal
    applicable_max: Decimal
    full_max: Decimal
    bonus: Decimal
    penalty: Decimal
    total: Decimal
    index_percent: Decimal | None
    not_applicable: tuple[str, ...]
    unscored: tuple[str, ...]
    explanation: str


def _vn(value: Decimal) -> str:
    return vn_number(value, 2)


@dataclass
class _Walk:
    inputs: Mapping[str, object]
    nodes: dict[str, NodeScore] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    # (bonus, penalty) of every extra criterion, a group's capped by its stated maximum
    adjustments: dict[str, tuple[Decimal, Decimal]] = field(default_factory=dict)
    not_applicable: list[str] = field(default_factory=list)
    unscored: list[str] = field(default_factory=list)

    def score(self, node: Criterion, inherited: str | None = None) -> NodeScore:
        """``inherited``: the code of an ancestor declared not applicable."""
        if inherited is not None:
            return self._not_applicable(node, f"Không áp dụng (theo tiêu chí {inherited})", inherited)
        value = self.inputs.get(node.code)
        if isinstance(value, NotApplicableInput):
            if not node.extra:
                self.not_applicable.append(node.code)
            reason = f": {value.reason}" if value.reason else ""
            text = f"Không áp dụng{reason} → không tính vào điểm đạt và điểm tối đa"
            return self._not_applicable(node, text, node.code)
        if node.scored_by_children:
            return self._sum_children(node)
        return self._by_rule(node, value)

    def _not_applicable(self, node: Criterion, text: str, origin: str) -> NodeScore:
        for child in node.children:
            self.score(child, inherited=origin)
        return self._record(node, Result(ZERO, ZERO, False, text, node.extra), scored=True)

    def _by_rule(self, node: Criterion, value: object) -> NodeScore:
        for below in node.walk():
            if below is not node and below.code in self.inputs:
                self.problems.append(
                    f"Tiêu chí {below.code} được chấm chung trong tiêu chí {node.code}; không nhập điểm riêng."
                )
        rule = node.rule or Manual()
        full_max = node.full_max()
        if node.code not in self.inputs and isinstance(rule, Bonus | Penalty):
            # no bonus or penalty entered means none: nothing is left to score
            return self._record(
                node, Result(ZERO, full_max, True, f"Không có {rule.label.lower()}", True), scored=True
            )
        if node.code not in self.inputs and not isinstance(rule, NotApplicable):
            self.unscored.append(node.code)
            result = Result(ZERO, full_max, True, f"Chưa chấm → 0/{vn_number(full_max)} điểm", rule.extra)
            return self._record(node, result, scored=False)
        try:
            result = rule.score(value, full_max)
        except InvalidInput as error:
            self.problems.append(f"Tiêu chí {node.code}: {error}")
            result = Result(ZERO, full_max, True, str(error), rule.extra)
        if result.applicable and node.extra:
            self.adjustments[node.code] = (max(result.points, ZERO), max(-result.points, ZERO))
        elif not result.applicable and not node.extra:
            self.not_applicable.append(node.code)
        return self._record(node, result, scored=True)

    def _sum_children(self, node: Criterion) -> NodeScore:
        if node.code in self.inputs:
            self.problems.append(
                f"Tiêu chí {node.code} được cộng từ các tiêu chí thành phần; không nhập điểm trực tiếp."
            )
        children = [self.score(child) for child in node.children]
        scored = all(child.scored for child in children)
        if node.extra:
            bonus = sum((self.adjustments.get(c.code, (ZERO, ZERO))[0] for c in node.children), ZERO)
            penalty = sum((self.adjustments.get(c.code, (ZERO, ZERO))[1] for c in node.children), ZERO)
            cap = node.max_points
            capped = cap is not None and (bonus > cap or penalty > cap)
            if cap is not None:
                bonus, penalty = min(bonus, cap), min(penalty, cap)
            self.adjustments[node.code] = (bonus, penalty)
            text = f"Cộng {vn_number(bonus)}, trừ {vn_number(penalty)} điểm" + (
                f" (mỗi chiều tối đa {vn_number(node.full_max())})" if capped else ""
            )
            return self._record(node, Result(bonus - penalty, node.full_max(), True, text, True), scored)
        on_scale = [child for child in children if not child.extra]
        points = sum((child.points for child in on_scale), ZERO)
        max_points = sum((child.max_points for child in on_scale), ZERO)
        applicable = any(child.applicable for child in on_scale)
        if not applicable:
            return self._record(
                node,
                Result(ZERO, ZERO, False, "Không áp dụng: mọi tiêu chí thành phần đều không áp dụng", False),
                scored,
            )
        text = f"Cộng các tiêu chí thành phần: {_vn(points)}/{vn_number(max_points)} điểm"
        left_out = [child.code for child in on_scale if not child.applicable]
        if left_out:
            text += f" (không áp dụng: {', '.join(left_out)})"
        return self._record(node, Result(points, max_points, True, text, False), scored)

    def _record(self, node: Criterion, result: Result, scored: bool) -> NodeScore:
        explanation = result.explanation
        if node.unverified:
            explanation += f" (điểm tối đa {UNVERIFIED})"
        score = NodeScore(
            code=node.code,
            points=result.points,
            max_points=result.max_points,
            full_max=node.full_max(),
            applicable=result.applicable,
            extra=node.extra,
            scored=scored,
            explanation=explanation,
        )
        self.nodes[node.code] = score
        return score


def score_criteria(
    criteria: Sequence[Criterion],
    inputs: Mapping[str, object],
    *,
    floor: Decimal = ZERO,
    ceiling: Decimal | None = None,
) -> Scorecard:
    """Score a tree (its top-level areas) from one input per criterion code; see the module for the formula.

    Raises :class:`InvalidInputs` listing every input that cannot be scored or names no criterion."""
    walk = _Walk(inputs)
    roots = [walk.score(root) for root in criteria]
    known = {node.code for root in criteria for node in root.walk()}
    walk.problems.extend(
        f"Không có tiêu chí mã {code} trong bộ tiêu chí." for code in inputs if code not in known
    )
    if walk.problems:
        raise InvalidInputs(walk.problems)

    on_scale = [root for root in roots if not root.extra]
    points = sum((root.points for root in on_scale), ZERO)
    applicable_max = sum((root.max_points for root in on_scale), ZERO)
    full_max = sum((root.full_max for root in on_scale), ZERO)
    # every extra criterion that does not sit inside another extra one
    extra_roots = [n.code for n in _extra_roots(criteria)]
    bonus = sum((walk.adjustments.get(code, (ZERO, ZERO))[0] for code in extra_roots), ZERO)
    penalty = sum((walk.adjustments.get(code, (ZERO, ZERO))[1] for code in extra_roots), ZERO)

    parts = [f"Điểm đạt {_vn(points)}/{vn_number(applicable_max)} điểm của các tiêu chí áp dụng"]
    if applicable_max == 0:
        rescaled = ZERO
        parts = ["Không có tiêu chí nào áp dụng"]
    elif applicable_max < full_max:
        rescaled = points * full_max / applicable_max
        parts.append(
            f"không áp dụng: {', '.join(walk.not_applicable)} ({vn_number(full_max - applicable_max)} điểm); "
            f"quy đổi về thang {vn_number(full_max)} điểm: {_vn(points)} × {vn_number(full_max)} ÷ "
            f"{vn_number(applicable_max)} = {_vn(rescaled)}"
        )
    else:
        rescaled = points
    if bonus:
        parts.append(f"cộng điểm thưởng {vn_number(bonus)}")
    if penalty:
        parts.append(f"trừ {vn_number(penalty)} điểm")
    total = rescaled + bonus - penalty
    if total < floor:
        total = floor
        parts.append(f"không thấp hơn {vn_number(floor)}")
    if ceiling is not None and total > ceiling:
        total = ceiling
        parts.append(f"không vượt quá {vn_number(ceiling)}")
    total = quantize(total, CENT)
    index = quantize(total / full_max * HUNDRED, CENT) if applicable_max > 0 else None
    explanation = "; ".join(parts) + f" → {_vn(total)}/{vn_number(full_max)} điểm"
    explanation += f", chỉ số {_vn(index)}%" if index is not None else ", không có chỉ số"
    if walk.unscored:
        explanation += (
            f" (còn {len(walk.unscored)} tiêu chí chưa chấm, tính 0 điểm: {', '.join(walk.unscored)})"
        )
    return Scorecard(
        nodes={
            node.code: walk.nodes[node.code]
            for root in criteria
            for node in root.walk()
            if node.code in walk.nodes
        },
        points=points,
        applicable_max=applicable_max,
        full_max=full_max,
        bonus=bonus,
        penalty=penalty,
        total=total,
        index_percent=index,
        not_applicable=tuple(walk.not_applicable),
        unscored=tuple(walk.unscored),
        explanation=explanation,
    )


def _extra_roots(criteria: Sequence[Criterion]) -> list[Criterion]:
    found = []
    for node in criteria:
        if node.extra:
            found.append(node)
        elif node.scored_by_children:
            found.extend(_extra_roots(node.children))
    return found


def score_rule_set(rule_set: RuleSet, inputs: Mapping[str, object]) -> Scorecard:
    """:func:`score_criteria` with the set's floor and ceiling; an unverified set says so in the explanation."""
    card = score_criteria(
        rule_set.criteria, inputs, floor=rule_set.total_floor, ceiling=rule_set.total_ceiling
    )
    if not rule_set.unverified:
        return card
    return replace(card, explanation=f"{card.explanation} (bộ tiêu chí {UNVERIFIED})")
