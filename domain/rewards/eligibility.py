"""Eligibility of one nomination: each condition of the rules met or failed, with the record that proves it.

Sources (../shared/rewards/rules_tdkt_2025-2026.md): Luật Thi đua, khen thưởng 2022 Điều 22 (Chiến sĩ thi đua cấp
tỉnh), 23 (Chiến sĩ thi đua cơ sở), 24 (Lao động tiên tiến), 27 (Tập thể lao động xuất sắc), 28 (Tập thể lao động
tiên tiến), 74–75 (Bằng khen, Giấy khen, detailed by the province — Bắc Ninh QĐ 86/2025/QĐ-UBND Điều 3.3, 4.3 as
the example); Nghị định 152/2025/NĐ-CP khoản 4 Điều 4 (no award while a discipline, inspection or complaint is
pending); the principle "không khen thưởng nhiều lần, nhiều hình thức cho một thành tích" (nguyên tắc khen thưởng
of the law; the article was not checked against the primary text, so it is cited as the principle).

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
    DISCIPLINE_LABELS,
    DISCIPLINE_ORDER,
    GRADE_LABELS,
    SCOPE_LABELS,
    SCOPE_ORDER,
    Evidence,
    InitiativeFact,
    NomineeFacts,
    PastAward,
    grade_at_least,
)
from domain.rewards.forms import FORMS, SUBJECT_LABELS, AwardForm, Subject, form_label
from domain.rewards.movement_rules import MovementRules
from domain.rewards.rulesets import (
    UNVERIFIED,
    EligibilityRuleSet,
    Param,
    ProvinceRules,
    effective_param,
    ratio_text,
    rule_set_in_force,
)
from domain.vn_numbers import vn_number

__all__ = ["ConditionResult", "Verdict", "check", "declarations_for"]

LAW = "Luật Thi đua, khen thưởng 2022"
PROVINCE_DETAIL = "tiêu chuẩn chi tiết theo quy định của tỉnh, ví dụ Bắc Ninh QĐ 86/2025/QĐ-UBND"
DOUBLE_REWARD = f"Nguyên tắc khen thưởng, {LAW} (điều khoản {UNVERIFIED})"
LABOUR_TITLES = frozenset(
    {AwardForm.LABOUR, AwardForm.EMULATION_SOLDIER, AwardForm.PROVINCIAL_EMULATION_SOLDIER}
)
SOLDIER_TITLES = frozenset({AwardForm.EMULATION_SOLDIER, AwardForm.PROVINCIAL_EMULATION_SOLDIER})


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
class Verdict:
    form: AwardForm
    eligible: bool
    rule_set: EligibilityRuleSet
    conditions: tuple[ConditionResult, ...]
    nominee: str = ""
    year: int = 0

    @property
    def failed(self) -> tuple[ConditionResult, ...]:
        return tuple(c for c in self.conditions if not c.met)

    @property
    def summary(self) -> str:
        """One Vietnamese sentence: eligible, or how many conditions fail and the first of them."""
        label = form_label(self.form)
        if self.eligible:
            return f"Đủ điều kiện đề nghị {label} năm {self.year}."
        first = self.failed[0]
        return (
            f"Chưa đủ điều kiện đề nghị {label} năm {self.year}: "
            f"{len(self.failed)} điều kiện chưa đạt, trước hết — {first.explanation or first.rule}"
        )


def declarations_for(form: AwardForm, subject: Subject) -> tuple[str, ...]:
    """The declaration keys (``facts.DECLARATIONS``) the proposing unit is asked to confirm for this form."""
    person = subject == Subject.PERSON
    if form in (AwardForm.LABOUR, AwardForm.EMULATION_SOLDIER):
        return ("self_reliance",)
    if form in (AwardForm.ADVANCED_COLLECTIVE, AwardForm.EXCELLENT_COLLECTIVE):
        return ("emulation_effective", "internal_unity")
    if form == AwardForm.CERTIFICATE_OF_MERIT:
        return ("law_abiding", "emulation_achievement", "outstanding_achievement")
    if form == AwardForm.PROVINCIAL_MERIT:
        common = ("law_abiding", "provincial_emulation_excellence", "outstanding_achievement")
        return (*common, "socio_economic_contribution") + (() if person else ("grassroots_democracy",))
    return ()


@dataclass(frozen=True)
class _Context:
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


def check(
    form: AwardForm,
    facts: NomineeFacts,
    *,
    on: date,
    rule_set: EligibilityRuleSet | None = None,
    province: ProvinceRules | None = None,
    movement: MovementRules | None = None,
) -> Verdict:
    """Check one nomination for ``form`` against the rule set in force on ``on`` (the decision's date) or the
    one given, the province's parameters and the movement's own rules. Raises ``NoRuleSet`` when none is in
    force."""
    form = AwardForm(form)
    chosen = rule_set or rule_set_in_force(on)
    ctx = _Context(form, facts, on, chosen, province)
    conditions: list[ConditionResult] = []
    subject_ok = facts.subject in FORMS[form].subjects
    if not subject_ok:
        conditions.append(_subject_condition(ctx))
    else:
        conditions.extend(_FORM_RULES[form](ctx))
    conditions.append(_not_frozen(ctx))
    conditions.append(_not_already_awarded(ctx))
    conditions.append(_not_rewarded_twice(ctx, movement))
    if movement is not None and movement.applies(facts.subject):
        conditions.extend(_movement_conditions(ctx, movement))
    return Verdict(
        form=form,
        eligible=all(c.met for c in conditions),
        rule_set=chosen,
        conditions=tuple(conditions),
        nominee=facts.name,
        year=facts.year,
    )


# Shared pieces -------------------------------------------------------------------------------------------------


def _subject_condition(ctx: _Context) -> ConditionResult:
    info = FORMS[ctx.form]
    whom = " và ".join(SUBJECT_LABELS[s] for s in (Subject.PERSON, Subject.COLLECTIVE) if s in info.subjects)
    return ConditionResult(
        rule=f"{info.label} xét tặng cho {whom}",
        article=info.legal_basis,
        met=False,
        explanation=f"{info.label} chỉ xét tặng cho {whom}, không xét cho {SUBJECT_LABELS[ctx.facts.subject]}.",
        key="subject",
    )


def _rating(
    ctx: _Context, minimum: str, article: str, *, prefix: str = "", year: int | None = None
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


def _declared(ctx: _Context, key: str, article: str, *, prefix: str = "") -> ConditionResult:
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


def _initiatives(
    ctx: _Context, min_scope: str, first_year: int, last_year: int
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


def _initiative_evidence(items: list[InitiativeFact]) -> tuple[Evidence, ...]:
    return tuple(
        Evidence(
            f"Sáng kiến “{i.title}”, công nhận {SCOPE_LABELS.get(i.scope, i.scope)} ngày {i.recognised_on:%d/%m/%Y}",
            i.ref,
        )
        for i in items
    )


def _window_text(first: int, last: int) -> str:
    return f"năm {last}" if first == last else f"các năm {first}–{last}"


def _members_share(ctx: _Context, key: str, article: str) -> ConditionResult:
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


# The forms ------------------------------------------------------------------------------------------------------


def _labour(ctx: _Context, prefix: str = "", via: str = "") -> list[ConditionResult]:
    return [
        _rating(ctx, "good", f"{via}điểm a khoản 1 Điều 24 {LAW}", prefix=prefix),
        _declared(ctx, "self_reliance", f"{via}điểm b khoản 1 Điều 24 {LAW}", prefix=prefix),
    ]


def _emulation_soldier(ctx: _Context) -> list[ConditionResult]:
    article = f"Khoản 2 Điều 23 {LAW}"
    rule = (
        f"Hoàn thành xuất sắc nhiệm vụ năm {ctx.year}, hoặc có sáng kiến được công nhận cấp cơ sở trở lên, "
        "hoặc có đề tài khoa học được nghiệm thu"
    )
    reasons: list[str] = []
    rating = ctx.facts.rating(ctx.year)
    if rating is not None and grade_at_least(rating.grade, "excellent"):
        found = (Evidence(f"Xếp loại năm {ctx.year}: {GRADE_LABELS['excellent']}", rating.ref),)
        return [
            *_prefixed_labour(ctx),
            ConditionResult(rule, article, True, found, "Hoàn thành xuất sắc nhiệm vụ.", key="soldier"),
        ]
    label = GRADE_LABELS.get(rating.grade, rating.grade) if rating else "chưa có"
    reasons.append(f"Xếp loại năm {ctx.year}: {label}, chưa phải “{GRADE_LABELS['excellent']}”.")
    first = ctx.year - ctx.count("initiative_years_before")
    counted, why_not = _initiatives(ctx, "co_so", first, ctx.year)
    if counted:
        return [
            *_prefixed_labour(ctx),
            ConditionResult(
                rule,
                article,
                True,
                _initiative_evidence(counted),
                "Có sáng kiến được công nhận.",
                key="soldier",
            ),
        ]
    reasons.extend(why_not or [f"Không có sáng kiến được công nhận trong {_window_text(first, ctx.year)}."])
    if ctx.facts.research_accepted:
        return [
            *_prefixed_labour(ctx),
            ConditionResult(
                rule,
                article,
                True,
                ctx.facts.research_accepted,
                "Có đề tài khoa học được nghiệm thu.",
                key="soldier",
            ),
        ]
    reasons.append("Không có đề tài khoa học được nghiệm thu.")
    return [
        *_prefixed_labour(ctx),
        ConditionResult(rule, article, False, (), " ".join(reasons), key="soldier"),
    ]


def _prefixed_labour(ctx: _Context) -> list[ConditionResult]:
    return _labour(ctx, "Đạt tiêu chuẩn Lao động tiên tiến: ", "Khoản 1 Điều 23; ")


def _consecutive_awards(
    ctx: _Context, forms: frozenset[AwardForm], years: int, article: str, rule: str, key: str
) -> ConditionResult:
    wanted = range(ctx.year - years + 1, ctx.year + 1)
    evidence: list[Evidence] = []
    missing: list[int] = []
    for year in wanted:
        awards = [a for a in ctx.facts.past_awards if a.form in forms and a.year == year]
        if awards:
            evidence.append(Evidence(f"{_award_text(awards[0])}", awards[0].ref))
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


def _award_text(award: PastAward) -> str:
    return f"{award.label or form_label(award.form)} năm {award.year}"


def _province_soldier(ctx: _Context) -> list[ConditionResult]:
    years = ctx.count("province_soldier_years")
    article = f"Điều 22 {LAW}"
    streak = _consecutive_awards(
        ctx,
        frozenset({AwardForm.EMULATION_SOLDIER}),
        years,
        article,
        f"{years} lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, đến năm {ctx.year}",
        "soldier_streak",
    )
    first = ctx.year - years + 1 - ctx.count("initiative_years_before")
    counted, why_not = _initiatives(ctx, "tinh", first, ctx.year)
    rule = (
        "Có sáng kiến được áp dụng hiệu quả, có khả năng nhân rộng, được công nhận phạm vi cấp tỉnh trở lên"
    )
    if counted:
        initiative = ConditionResult(
            rule,
            article,
            True,
            _initiative_evidence(counted),
            "Có sáng kiến cấp tỉnh.",
            key="initiative_province",
        )
    else:
        explanation = (
            " ".join(why_not) or f"Không có sáng kiến được công nhận trong {_window_text(first, ctx.year)}."
        )
        initiative = ConditionResult(rule, article, False, (), explanation, key="initiative_province")
    return [streak, initiative]


def _no_member_warned(ctx: _Context, article: str) -> ConditionResult:
    rule = "Không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên"
    warned = [m for m in ctx.facts.members if m.discipline and _at_least_warning(m.discipline)]
    if not warned:
        return ConditionResult(
            rule,
            article,
            True,
            (),
            "Không có thành viên bị kỷ luật từ cảnh cáo trở lên.",
            key="members_discipline",
        )
    evidence = tuple(
        Evidence(f"{m.name}: {DISCIPLINE_LABELS.get(m.discipline or '', m.discipline)}", m.ref)
        for m in warned
    )
    names = ", ".join(f"{m.name} ({DISCIPLINE_LABELS.get(m.discipline or '', m.discipline)})" for m in warned)
    return ConditionResult(
        rule, article, False, evidence, f"Có thành viên bị kỷ luật: {names}.", key="members_discipline"
    )


def _at_least_warning(measure: str) -> bool:
    return measure in DISCIPLINE_ORDER and DISCIPLINE_ORDER.index(measure) >= DISCIPLINE_ORDER.index(
        "canh_cao"
    )


def _advanced_collective(ctx: _Context) -> list[ConditionResult]:
    article = f"Điều 28 {LAW}"
    return [
        _rating(ctx, "good", article),
        _declared(ctx, "emulation_effective", article),
        _members_share(ctx, "member_title_share", article),
        _no_member_warned(ctx, article),
        _declared(ctx, "internal_unity", article),
    ]


def _excellent_collective(ctx: _Context) -> list[ConditionResult]:
    article = f"Điều 27 {LAW}"
    members = ctx.facts.members
    rule = f"100% thành viên hoàn thành nhiệm vụ trở lên năm {ctx.year}"
    short = [m for m in members if not grade_at_least(m.grade, "completed")]
    if not members:
        all_done = ConditionResult(
            rule, article, False, (), "Chưa có danh sách thành viên của tập thể.", key="members_completed"
        )
    elif short:
        names = ", ".join(
            f"{m.name} ({GRADE_LABELS.get(m.grade, m.grade) if m.grade else 'chưa xếp loại'})" for m in short
        )
        all_done = ConditionResult(
            rule,
            article,
            False,
            tuple(Evidence(m.name, m.ref) for m in short),
            f"Còn {len(short)}/{len(members)} thành viên chưa hoàn thành nhiệm vụ: {names}.",
            key="members_completed",
        )
    else:
        all_done = ConditionResult(
            rule,
            article,
            True,
            (Evidence(f"{len(members)}/{len(members)} thành viên hoàn thành nhiệm vụ trở lên"),),
            f"Cả {len(members)} thành viên hoàn thành nhiệm vụ trở lên.",
            key="members_completed",
        )
    soldiers = [m for m in members if m.titles & SOLDIER_TITLES]
    soldier_rule = f"Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở năm {ctx.year}"
    if soldiers:
        soldier = ConditionResult(
            soldier_rule,
            article,
            True,
            tuple(Evidence(m.name, m.ref) for m in soldiers),
            f"{len(soldiers)} thành viên đạt Chiến sĩ thi đua.",
            key="members_soldier",
        )
    else:
        soldier = ConditionResult(
            soldier_rule,
            article,
            False,
            (),
            "Chưa có thành viên nào đạt danh hiệu Chiến sĩ thi đua cơ sở.",
            key="members_soldier",
        )
    return [
        _rating(ctx, "excellent", article),
        _declared(ctx, "emulation_effective", article),
        all_done,
        _members_share(ctx, "excellent_member_title_share", article),
        soldier,
        _declared(ctx, "internal_unity", article),
    ]


def _one_of(
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


def _declared_option(ctx: _Context, key: str) -> Callable[[], tuple[bool, tuple[Evidence, ...], str]]:
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


def _certificate(ctx: _Context) -> list[ConditionResult]:
    article = f"Điều 75 {LAW}; {PROVINCE_DETAIL} Điều 4.3 ({UNVERIFIED})"
    return [
        _declared(ctx, "law_abiding", article),
        _rating(ctx, "good", article),
        _one_of(
            "Đạt một trong các tiêu chuẩn: có thành tích được bình xét trong phong trào thi đua; "
            "lập được nhiều thành tích hoặc thành tích đột xuất",
            article,
            [
                _declared_option(ctx, "emulation_achievement"),
                _declared_option(ctx, "outstanding_achievement"),
            ],
            "certificate_achievement",
        ),
    ]


def _provincial_merit(ctx: _Context) -> list[ConditionResult]:
    article = f"Điều 74 {LAW}; {PROVINCE_DETAIL} Điều 3.3 ({UNVERIFIED})"
    options = [
        _declared_option(ctx, "provincial_emulation_excellence"),
        _declared_option(ctx, "outstanding_achievement"),
        _declared_option(ctx, "socio_economic_contribution"),
    ]
    if ctx.facts.subject == Subject.PERSON:
        years = ctx.count("merit_consecutive_years")
        options += [_soldier_streak_option(ctx, years), _excellent_with_initiatives_option(ctx, years)]
        rule = (
            "Đạt một trong các tiêu chuẩn: thành tích xuất sắc trong phong trào thi đua của tỉnh; nhiều thành tích "
            f"hoặc thành tích đột xuất; đóng góp phát triển kinh tế – xã hội; {years} lần liên tục Chiến sĩ thi đua "
            f"cơ sở; {years} năm liên tục hoàn thành xuất sắc nhiệm vụ và có {ctx.count('merit_initiatives')} sáng "
            f"kiến cấp cơ sở (hoặc {ctx.count('merit_research')} đề tài)"
        )
    else:
        years = ctx.count("merit_collective_years")
        options.append(_collective_excellent_option(ctx, years))
        rule = (
            "Đạt một trong các tiêu chuẩn: thành tích xuất sắc trong phong trào thi đua; thành tích đột xuất; "
            f"đóng góp phát triển kinh tế – xã hội; {years} năm liên tục hoàn thành xuất sắc nhiệm vụ (hoặc Tập thể "
            "lao động xuất sắc) và thực hiện tốt dân chủ ở cơ sở, tiết kiệm, phòng, chống tham nhũng"
        )
    return [_declared(ctx, "law_abiding", article), _one_of(rule, article, options, "merit_achievement")]


def _soldier_streak_option(ctx: _Context, years: int) -> Callable[[], tuple[bool, tuple[Evidence, ...], str]]:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        result = _consecutive_awards(
            ctx, frozenset({AwardForm.EMULATION_SOLDIER}), years, "", "", "merit_soldier_streak"
        )
        text = f"{years} lần liên tục Chiến sĩ thi đua cơ sở." if result.met else result.explanation
        return result.met, result.evidence, text

    return option


def _excellent_years(
    ctx: _Context, years: int, titles: frozenset[AwardForm] = frozenset()
) -> tuple[list[int], list[Evidence]]:
    missing: list[int] = []
    evidence: list[Evidence] = []
    for year in range(ctx.year - years + 1, ctx.year + 1):
        rating = ctx.facts.rating(year)
        awards = [a for a in ctx.facts.past_awards if a.form in titles and a.year == year]
        if rating is not None and grade_at_least(rating.grade, "excellent"):
            evidence.append(Evidence(f"Xếp loại năm {year}: {GRADE_LABELS['excellent']}", rating.ref))
        elif awards:
            evidence.append(Evidence(_award_text(awards[0]), awards[0].ref))
        else:
            missing.append(year)
    return missing, evidence


def _excellent_with_initiatives_option(
    ctx: _Context, years: int
) -> Callable[[], tuple[bool, tuple[Evidence, ...], str]]:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        missing, evidence = _excellent_years(ctx, years)
        if missing:
            listed = ", ".join(str(y) for y in missing)
            return False, (), f"Chưa hoàn thành xuất sắc nhiệm vụ năm {listed} ({years} năm liên tục)."
        first = ctx.year - years + 1 - ctx.count("initiative_years_before")
        counted, why_not = _initiatives(ctx, "co_so", first, ctx.year)
        needed, research_needed = ctx.count("merit_initiatives"), ctx.count("merit_research")
        if len(counted) >= needed:
            return (
                True,
                (*evidence, *_initiative_evidence(counted)),
                f"{years} năm liên tục hoàn thành xuất sắc nhiệm vụ và {len(counted)} sáng kiến.",
            )
        if len(ctx.facts.research_accepted) >= research_needed:
            return (
                True,
                (*evidence, *ctx.facts.research_accepted),
                f"{years} năm liên tục hoàn thành xuất sắc nhiệm vụ và {len(ctx.facts.research_accepted)} đề tài.",
            )
        detail = (" " + " ".join(why_not)) if why_not else ""
        return (
            False,
            (),
            (
                f"Có {years} năm liên tục hoàn thành xuất sắc nhiệm vụ nhưng chỉ {len(counted)}/{needed} sáng kiến "
                f"được công nhận trong {_window_text(first, ctx.year)} và {len(ctx.facts.research_accepted)}/"
                f"{research_needed} đề tài.{detail}"
            ),
        )

    return option


def _collective_excellent_option(
    ctx: _Context, years: int
) -> Callable[[], tuple[bool, tuple[Evidence, ...], str]]:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        missing, evidence = _excellent_years(ctx, years, frozenset({AwardForm.EXCELLENT_COLLECTIVE}))
        if missing:
            listed = ", ".join(str(y) for y in missing)
            return (
                False,
                (),
                f"Chưa hoàn thành xuất sắc nhiệm vụ (hoặc Tập thể lao động xuất sắc) năm {listed}.",
            )
        democracy = ctx.facts.declaration("grassroots_democracy")
        if democracy is None or not democracy.met:
            return (
                False,
                (),
                f"Có {years} năm liên tục hoàn thành xuất sắc nhiệm vụ nhưng đơn vị chưa xác nhận thực hiện tốt dân chủ ở cơ sở, tiết kiệm, phòng, chống tham nhũng.",
            )
        return (
            True,
            (*evidence, Evidence("Biên bản bình xét: thực hiện tốt dân chủ ở cơ sở")),
            f"{years} năm liên tục hoàn thành xuất sắc nhiệm vụ.",
        )

    return option


_FORM_RULES: dict[AwardForm, Callable[[_Context], list[ConditionResult]]] = {
    AwardForm.LABOUR: _labour,
    AwardForm.EMULATION_SOLDIER: _emulation_soldier,
    AwardForm.PROVINCIAL_EMULATION_SOLDIER: _province_soldier,
    AwardForm.ADVANCED_COLLECTIVE: _advanced_collective,
    AwardForm.EXCELLENT_COLLECTIVE: _excellent_collective,
    AwardForm.CERTIFICATE_OF_MERIT: _certificate,
    AwardForm.PROVINCIAL_MERIT: _provincial_merit,
}


# Every nomination -----------------------------------------------------------------------------------------------


def _not_frozen(ctx: _Context) -> ConditionResult:
    param = ctx.param("freeze_article")
    article = str(param.value) if param.verified else f"{param.value} ({UNVERIFIED})"
    rule = "Không đang bị xem xét kỷ luật, điều tra, thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo"
    evidence = [
        Evidence(
            f"Đang xem xét kỷ luật ({DISCIPLINE_LABELS.get(d.measure, d.measure)}, năm {d.year}).", d.ref
        )
        for d in ctx.facts.disciplines
        if d.pending
    ]
    if ctx.facts.pending_review:
        evidence.append(Evidence(f"{ctx.facts.pending_review.rstrip('.')}."))
    if not evidence:
        return ConditionResult(rule, article, True, (), "Không có việc đang xem xét.", key="not_frozen")
    return ConditionResult(
        rule,
        article,
        False,
        tuple(evidence),
        "Chưa xét khen thưởng trong thời gian: " + " ".join(e.text for e in evidence),
        key="not_frozen",
    )


def _not_already_awarded(ctx: _Context) -> ConditionResult:
    label = form_label(ctx.form)
    rule = f"Chưa được tặng {label} năm {ctx.year}"
    same = ctx.facts.awards_of(ctx.form, ctx.year)
    if not same:
        return ConditionResult(
            rule, DOUBLE_REWARD, True, (), f"Chưa có {label} năm {ctx.year}.", key="not_awarded"
        )
    return ConditionResult(
        rule,
        DOUBLE_REWARD,
        False,
        tuple(Evidence(_award_text(a), a.ref) for a in same),
        f"Đã được tặng {label} năm {ctx.year}; không đề nghị lần thứ hai.",
        key="not_awarded",
    )


def _not_rewarded_twice(ctx: _Context, movement: MovementRules | None) -> ConditionResult:
    achievement = ctx.facts.achievement or f"{ctx.form}:{ctx.year}"
    article = DOUBLE_REWARD
    if movement is not None and movement.no_double_reward and movement.source:
        article = f"{DOUBLE_REWARD}; {movement.source}"
    rule = "Không khen thưởng nhiều lần, nhiều hình thức cho một thành tích"
    same = [a for a in ctx.facts.past_awards if a.achievement == achievement]
    if not same:
        return ConditionResult(
            rule, article, True, (), "Thành tích này chưa được khen thưởng.", key="not_twice"
        )
    listed = "; ".join(_award_text(a) for a in same)
    return ConditionResult(
        rule,
        article,
        False,
        tuple(Evidence(_award_text(a), a.ref) for a in same),
        f"Thành tích này đã được khen thưởng ({listed}); không khen thưởng lần thứ hai cho một thành tích.",
        key="not_twice",
    )


def _movement_conditions(ctx: _Context, movement: MovementRules) -> list[ConditionResult]:
    article = movement.source or "Quy định của phong trào thi đua"
    start, end = movement.period_start_year, movement.period_end_year
    last = min(end, ctx.year)
    found: list[ConditionResult] = []
    in_period = start <= ctx.year <= end
    found.append(
        ConditionResult(
            f"Năm xét thuộc {movement.period_text} của phong trào",
            article,
            in_period,
            (),
            f"Năm {ctx.year} thuộc {movement.period_text}."
            if in_period
            else f"Năm {ctx.year} nằm ngoài {movement.period_text} của phong trào.",
            key="movement_period",
        )
    )
    parts: list[ConditionResult] = []
    if movement.min_initiatives is not None:
        counted, why_not = _initiatives(ctx, "co_so", start, last)
        met = len(counted) >= movement.min_initiatives
        detail = (" " + " ".join(why_not)) if why_not and not met else ""
        parts.append(
            ConditionResult(
                f"Có từ {movement.min_initiatives} sáng kiến được công nhận trong {movement.period_text}",
                article,
                met,
                _initiative_evidence(counted),
                f"Có {len(counted)} sáng kiến được công nhận trong {_window_text(start, last)}"
                + ("." if met else f", cần từ {movement.min_initiatives}.{detail}"),
                key="movement_initiatives",
            )
        )
    if movement.min_outstanding_years is not None:
        titles = frozenset({AwardForm.EXCELLENT_COLLECTIVE, *SOLDIER_TITLES})
        good_years: list[Evidence] = []
        for year in range(start, last + 1):
            rating = ctx.facts.rating(year)
            awards = [a for a in ctx.facts.past_awards if a.form in titles and a.year == year]
            if rating is not None and grade_at_least(rating.grade, "excellent"):
                good_years.append(Evidence(f"Xếp loại năm {year}: {GRADE_LABELS['excellent']}", rating.ref))
            elif awards:
                good_years.append(Evidence(_award_text(awards[0]), awards[0].ref))
        met = len(good_years) >= movement.min_outstanding_years
        parts.append(
            ConditionResult(
                f"Có ít nhất {movement.min_outstanding_years} năm thành tích nổi bật (hoàn thành xuất sắc nhiệm vụ) "
                f"trong {movement.period_text}",
                article,
                met,
                tuple(good_years),
                f"Có {len(good_years)} năm hoàn thành xuất sắc nhiệm vụ trong {_window_text(start, last)}"
                + ("." if met else f", cần ít nhất {movement.min_outstanding_years}."),
                key="movement_outstanding_years",
            )
        )
    if len(parts) > 1 and not movement.require_all:
        met = any(p.met for p in parts)
        chosen = next((p for p in parts if p.met), None)
        found.append(
            ConditionResult(
                "Đạt một trong các tiêu chuẩn: " + "; ".join(p.rule for p in parts),
                article,
                met,
                chosen.evidence if chosen else (),
                chosen.explanation
                if chosen
                else "Chưa đạt tiêu chuẩn nào: " + " ".join(p.explanation for p in parts),
                key="movement_one_of",
            )
        )
    else:
        found.extend(parts)
    return found
