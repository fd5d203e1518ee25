"""A rule read aloud: what a criterion's rule gives, in Vietnamese, before anyone is scored (pure Python).

The engine explains a score once it has an input ("Tỷ lệ 92,5% > 90% → 2/2 điểm"); the set's page needs the
rule itself ("> 90%: 2 điểm; từ 70% đến 90%: 1 điểm; < 70%: 0 điểm"), built from the same parameters and the
engine's own wording of tiers and numbers.
"""

from __future__ import annotations

from decimal import Decimal

from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Manual,
    NotApplicable,
    Penalty,
    Proportional,
    Rule,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.values import UNVERIFIED
from domain.vn_numbers import vn_number

HUNDRED = Decimal(100)


def _pts(value: Decimal) -> str:
    return f"{vn_number(value)} điểm"


def _per_item(per_item: Decimal | None, verb: str, max_points: Decimal) -> str:
    each = f"mỗi lần {verb} {_pts(per_item)}, " if per_item is not None else ""
    return f"{each}{verb} tối đa {_pts(max_points)}"


def _describe(rule: Rule, max_points: Decimal) -> str:
    if isinstance(rule, Tiered):
        return "; ".join(f"{tier.describe(rule.unit)}: {_pts(tier.points)}" for tier in rule.tiers)
    if isinstance(rule, TimelinessRule):
        return (
            f"Kịp thời: {_pts(rule.on_time)}; không kịp thời: {_pts(rule.late)}; "
            f"{rule.missing_label.lower()}: {_pts(rule.missing)}"
        )
    if isinstance(rule, YesNo):
        return f"{rule.yes_label}: {_pts(max_points)}; {rule.no_label}: {_pts(Decimal(0))}"
    if isinstance(rule, Proportional):
        target = "" if rule.target == HUNDRED else f" ÷ chỉ tiêu {vn_number(rule.target)}{rule.unit}"
        return f"{rule.label}{target} × {_pts(max_points)}, tối đa {_pts(max_points)}"
    if isinstance(rule, AnswerMap):
        shares = " · ".join(f"{key} {vn_number(share)}%" for key, share in rule.answers)
        return f"Theo đáp án: {shares} số điểm"
    if isinstance(rule, CountTarget):
        each = f" mỗi {rule.period_label}" if rule.periods > 1 else ""
        how = "đủ mọi kỳ mới được điểm" if rule.all_or_nothing else "tính theo tỷ lệ đạt"
        return f"≥ {rule.target} {rule.unit}{each}: {_pts(max_points)}; chưa đạt: {how}"
    if isinstance(rule, Bonus):
        return f"{rule.label}: {_per_item(rule.per_item, 'cộng', max_points)}"
    if isinstance(rule, Penalty):
        return f"{rule.label}: {_per_item(rule.per_item, 'trừ', max_points)}"
    if isinstance(rule, Deduction):
        each = f"{vn_number(rule.per_item)}% số điểm" if rule.percent_of_max else _pts(rule.per_item)
        return f"Từ {_pts(max_points)}, mỗi {rule.unit} vi phạm trừ {each}, không thấp hơn {_pts(rule.floor)}"
    if isinstance(rule, Manual):
        return "Chấm trực tiếp, có lý do" + (f": {rule.guide}" if rule.guide else "")
    if isinstance(rule, NotApplicable):
        return "Không áp dụng" + (f": {rule.reason}" if rule.reason else "")
    return rule.kind


def describe_rule(rule: Rule | None, max_points: Decimal) -> str:
    """How a criterion worth ``max_points`` is scored; without a rule it is scored by hand or by its children."""
    if rule is None:
        return ""
    text = _describe(rule, max_points)
    return f"{text} ({UNVERIFIED})" if rule.unverified else text
