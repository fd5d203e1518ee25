"""The building blocks of the eligibility conditions: one condition's result, the context of a check, and the
pieces several forms share (a year's rating, a declaration, the initiatives that count, the members' share, a run
of consecutive awards, "one of" alternatives).

An initiative counts only when recognised (``recognised_on``), on or before the decision's date, at a scope at
least the one required, and recognised within the years the rule looks at: for year N, the year N itself (the
parameter ``initiative_years_before`` lets a province also count earlier years). An initiative recognised after
year N — at the next year's council — is never counted for year N: it belongs to the next year's titles.
A member of a collective counts as "Lao động tiên tiến" if the year's titles include it or a Chiến sĩ thi đua
title (those are chosen among Lao động tiên tiến).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from domain.rewards.facts import (
    DECLARATIONS,
    GRADE_LABELS,
    SCOPE_LABELS,
    SCOPE_ORDER,
    Evidence,
    InitiativeFact,
    NomineeFacts,
    PastAward,
    grade_at_least,
)
from domain.rewards.forms import FORMS, AwardForm, form_label
from domain.rewards.rulesets import EligibilityRuleSet, Param, ProvinceRules, effective_param, ratio_text
from domain.vn_numbers import vn_number

__all__ = [
    "LABOUR_TITLES",
    "LAW",
    "SOLDIER_TITLES",
    "ConditionResult",
    "Context",
    "Option",
    "award_text",
    "consecutive_awards",
    "counted_initiatives",
    "declared_condition",
    "declared_option",
    "excellent_years",
    "initiative_evidence",
    "members_share",
    "one_of",
    "rating_condition",
    "window_text",
]

LAW = "Luật Thi đua, khen thưởng 2022"
LABOUR_TITLES = frozenset(
    {AwardForm.LABOUR, AwardForm.EMULATION_SOLDIER, AwardForm.PROVINCIAL_EMULATION_SOLDIER}
)
SOLDIER_TITLES = frozenset({AwardForm.EMULATION_SOLDIER, AwardForm.PROVINCIAL_EMULATION_SOLDIER})

# One alternative of a "one of" condition: met, the records, and a Vietnamese sentence.
Option = Callable[[], tuple[bool, tuple[Evidence, ...], str]]


@dataclass(frozen=True)
class ConditionResult:
    """One line of the rules: the condition in Vietnamese, its article, met or not, the records that prove it
    and, when failed, what is missing. ``declared`` marks a condition met on the proposing unit's word."""

    rule: str
    article: str
    met: bool
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""
    key: str = ""
    declared: bool = False


@dataclass(frozen=True)
class Context:
    """One check under way: the form, the facts, the decision's date, the rule set and the province's layer."""

    form: AwardForm
    facts: NomineeFacts
    on: date
    rule_set: EligibilityRuleSet
    province: ProvinceRules | None

    @property
    def year(self) -> int:
        return self.facts.year

    def param(self, key: str) -> Param:
        found = effective_param(self.rule_set, self.province, key)
        if found is None:
            raise KeyError(key)
        return found

    def count(self, key: str) -> int:
        value = self.param(key).value
        if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
            raise TypeError(f"{key}: {value!r}")
        return int(value)

    def share(self, key: str) -> Fraction:
        value = self.param(key).value
        if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction | str):
            raise TypeError(f"{key}: {value!r}")
        return Fraction(value)


def rating_condition(
    ctx: Context, minimum: str, article: str, *, prefix: str = "", year: int | None = None
) -> ConditionResult:
    year = ctx.year if year is None else year
    wanted = GRADE_LABELS[minimum]
    rule = f"{prefix}{wanted}{'' if minimum == 'excellent' else ' trở lên'} năm {year}"
    rating = ctx.facts.rating(year)
    if rating is None:
        return ConditionResult(
            rule, article, False, (), f"Chưa có kết quả đánh giá, xếp loại năm {year}.", key="rating"
        )
    label = GRADE_LABELS.get(rating.grade, rating.grade)
    evidence = (Evidence(f"Xếp loại năm {year}: {label}", rating.ref),)
    if grade_at_least(rating.grade, minimum):
        return ConditionResult(rule, article, True, evidence, f"Năm {year} xếp loại “{label}”.", key="rating")
    return ConditionResult(
        rule,
        article,
        False,
        evidence,
        f"Năm {year} chỉ xếp loại “{label}”, cần “{wanted}”{'' if minimum == 'excellent' else ' trở lên'}.",
        key="rating",
    )


def declared_condition(ctx: Context, key: str, article: str, *, prefix: str = "") -> ConditionResult:
    rule = f"{prefix}{DECLARATIONS[key]}"
    declaration = ctx.facts.declaration(key)
    if declaration is None:
        return ConditionResult(
            rule,
            article,
            False,
            (),
            "Đơn vị đề nghị chưa xác nhận tiêu chuẩn này trong biên bản bình xét.",
            key=f"declaration:{key}",
        )
    note = f" ({declaration.note})" if declaration.note else ""
    evidence = (Evidence(f"Biên bản bình xét của đơn vị đề nghị{note}", declaration.ref),)
    if declaration.met:
        return ConditionResult(
            rule,
            article,
            True,
            evidence,
            "Do đơn vị đề nghị xác nhận trong biên bản bình xét.",
            key=f"declaration:{key}",
            declared=True,
        )
    return ConditionResult(
        rule,
        article,
        False,
        evidence,
        f"Đơn vị đề nghị xác nhận chưa đạt tiêu chuẩn này{note}.",
        key=f"declaration:{key}",
        declared=True,
    )


def counted_initiatives(
    ctx: Context, min_scope: str, first_year: int, last_year: int
) -> tuple[list[InitiativeFact], list[str]]:
    """The initiatives that count, and why each of the others does not (Vietnamese sentences)."""
    counted: list[InitiativeFact] = []
    reasons: list[str] = []
    for item in ctx.facts.initiatives:
        name = f"Sáng kiến “{item.title}”"
        recognised = item.recognised_on
        if recognised is None:
            reasons.append(f"{name} chưa được Hội đồng sáng kiến công nhận.")
        elif recognised.year > last_year:
            reasons.append(
                f"{name} được công nhận ngày {recognised:%d/%m/%Y}, sau năm {last_year}: "
                f"không tính cho năm {ctx.year}."
            )
        elif recognised > ctx.on:
            reasons.append(
                f"{name} được công nhận ngày {recognised:%d/%m/%Y}, sau ngày xét {ctx.on:%d/%m/%Y}."
            )
        elif recognised.year < first_year:
            reasons.append(
                f"{name} được công nhận năm {recognised.year}, trước thời gian được tính (từ năm {first_year})."
            )
        elif SCOPE_ORDER.get(item.scope, -1) < SCOPE_ORDER[min_scope]:
            scope = SCOPE_LABELS.get(item.scope, item.scope)
            reasons.append(f"{name} có phạm vi ảnh hưởng {scope}, chưa đạt {SCOPE_LABELS[min_scope]}.")
        else:
            counted.append(item)
    return counted, reasons


def initiative_evidence(items: list[InitiativeFact]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            f"Sáng kiến “{i.title}”, công nhận {SCOPE_LABELS.get(i.scope, i.scope)} ngày {i.recognised_on:%d/%m/%Y}",
            i.ref,
        )
        for i in items
    )


def window_text(first: int, last: int) -> str:
    return f"năm {last}" if first == last else f"các năm {first}–{last}"


def members_share(ctx: Context, key: str, article: str) -> ConditionResult:
    share = ctx.share(key)
    members = ctx.facts.members
    rule = f"Có từ {ratio_text(share)} thành viên trở lên đạt danh hiệu Lao động tiên tiến năm {ctx.year}"
    if not members:
        return ConditionResult(
            rule, article, False, (), "Chưa có danh sách thành viên của tập thể.", key="members_labour"
        )
    holders = [m for m in members if m.titles & LABOUR_TITLES]
    met = len(holders) * share.denominator >= share.numerator * len(members)
    percent = Fraction(len(holders) * 100, len(members))
    text = f"{len(holders)}/{len(members)} thành viên ({_percent_text(percent)}) đạt Lao động tiên tiến"
    evidence = (Evidence(text), *(Evidence(m.name, m.ref) for m in holders))
    if met:
        return ConditionResult(rule, article, True, evidence, f"{text}.", key="members_labour")
    needed = -(-share.numerator * len(members) // share.denominator)
    return ConditionResult(
        rule,
        article,
        False,
        evidence,
        f"Mới có {text}, cần từ {ratio_text(share)} trở lên (ít nhất {needed} thành viên).",
        key="members_labour",
    )


def _percent_text(percent: Fraction) -> str:
    return f"{vn_number(Decimal(percent.numerator) / Decimal(percent.denominator), 1)}%"


def consecutive_awards(
    ctx: Context, forms: frozenset[AwardForm], years: int, article: str, rule: str, key: str
) -> ConditionResult:
    wanted = range(ctx.year - years + 1, ctx.year + 1)
    evidence: list[Evidence] = []
    missing: list[int] = []
    for year in wanted:
        awards = [a for a in ctx.facts.past_awards if a.form in forms and a.year == year]
        if awards:
            evidence.append(Evidence(f"{award_text(awards[0])}", awards[0].ref))
        else:
            missing.append(year)
    if not missing:
        return ConditionResult(rule, article, True, tuple(evidence), f"Đủ {years} năm liên tục.", key=key)
    names = " hoặc ".join(form_label(f) for f in sorted(forms, key=lambda f: FORMS[f].rank))
    return ConditionResult(
        rule,
        article,
        False,
        tuple(evidence),
        f"Thiếu {names} năm {', '.join(str(y) for y in missing)}: chuỗi {years} năm liên tục "
        f"{wanted.start}–{wanted.stop - 1} bị gián đoạn.",
        key=key,
    )


def award_text(award: PastAward) -> str:
    return f"{award.label or form_label(award.form)} năm {award.year}"


def one_of(
    rule: str, article: str, options: list[Callable[[], tuple[bool, tuple[Evidence, ...], str]]], key: str
) -> ConditionResult:
    """Met by the first alternative that holds; otherwise the explanation lists why each one does not."""
    reasons: list[str] = []
    for option in options:
        met, evidence, text = option()
        if met:
            return ConditionResult(rule, article, True, evidence, text, key=key)
        reasons.append(text)
    return ConditionResult(rule, article, False, (), "Chưa đạt tiêu chuẩn nào: " + " ".join(reasons), key=key)


def declared_option(ctx: Context, key: str) -> Callable[[], tuple[bool, tuple[Evidence, ...], str]]:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        declaration = ctx.facts.declaration(key)
        label = DECLARATIONS[key]
        if declaration is not None and declaration.met:
            note = f" ({declaration.note})" if declaration.note else ""
            return (
                True,
                (Evidence(f"Biên bản bình xét của đơn vị đề nghị: {label}{note}", declaration.ref),),
                f"{label} — do đơn vị đề nghị xác nhận.",
            )
        return False, (), f"Đơn vị chưa xác nhận “{label}”."

    return option


def excellent_years(
    ctx: Context, years: int, titles: frozenset[AwardForm] = frozenset()
) -> tuple[list[int], list[Evidence]]:
    missing: list[int] = []
    evidence: list[Evidence] = []
    for year in range(ctx.year - years + 1, ctx.year + 1):
        rating = ctx.facts.rating(year)
        awards = [a for a in ctx.facts.past_awards if a.form in titles and a.year == year]
        if rating is not None and grade_at_least(rating.grade, "excellent"):
            evidence.append(Evidence(f"Xếp loại năm {year}: {GRADE_LABELS['excellent']}", rating.ref))
        elif awards:
            evidence.append(Evidence(award_text(awards[0]), awards[0].ref))
        else:
            missing.append(year)
    return missing, evidence
