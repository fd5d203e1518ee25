"""Eligibility of one nomination: each condition of the rules met or failed, with the record that proves it.

``check`` runs the form's own conditions (``form_rules``) and, for every nomination: the form is for this kind of
nominee; no discipline, inspection or complaint is pending (Nghị định 152/2025/NĐ-CP khoản 4 Điều 4, text read);
the same form was not already given for the same year; the same achievement is not rewarded twice ("không khen
thưởng nhiều lần, nhiều hình thức cho một thành tích", the law's principle of rewards — its article was not checked
against the primary text, so it is cited as the principle); and the movement's own rules when given (seed 004).
The rule set is the one in force on the decision's date unless the caller names one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.rewards.conditions import (
    LAW,
    SOLDIER_TITLES,
    ConditionResult,
    Context,
    award_text,
    counted_initiatives,
    initiative_evidence,
    window_text,
)
from domain.rewards.facts import DISCIPLINE_LABELS, GRADE_LABELS, Evidence, NomineeFacts, grade_at_least
from domain.rewards.form_rules import FORM_RULES, declarations_for
from domain.rewards.forms import FORMS, SUBJECT_LABELS, AwardForm, Subject, form_label
from domain.rewards.movement_rules import MovementRules
from domain.rewards.rulesets import UNVERIFIED, EligibilityRuleSet, ProvinceRules, rule_set_in_force

__all__ = ["ConditionResult", "Verdict", "check", "declarations_for"]

DOUBLE_REWARD = f"Nguyên tắc khen thưởng, {LAW} (điều khoản {UNVERIFIED})"


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
    ctx = Context(form, facts, on, chosen, province)
    conditions: list[ConditionResult] = []
    subject_ok = facts.subject in FORMS[form].subjects
    if not subject_ok:
        conditions.append(_subject_condition(ctx))
    else:
        conditions.extend(FORM_RULES[form](ctx))
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


def _subject_condition(ctx: Context) -> ConditionResult:
    info = FORMS[ctx.form]
    whom = " và ".join(SUBJECT_LABELS[s] for s in (Subject.PERSON, Subject.COLLECTIVE) if s in info.subjects)
    return ConditionResult(
        rule=f"{info.label} xét tặng cho {whom}",
        article=info.legal_basis,
        met=False,
        explanation=f"{info.label} chỉ xét tặng cho {whom}, không xét cho {SUBJECT_LABELS[ctx.facts.subject]}.",
        key="subject",
    )


def _not_frozen(ctx: Context) -> ConditionResult:
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


def _not_already_awarded(ctx: Context) -> ConditionResult:
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
        tuple(Evidence(award_text(a), a.ref) for a in same),
        f"Đã được tặng {label} năm {ctx.year}; không đề nghị lần thứ hai.",
        key="not_awarded",
    )


def _not_rewarded_twice(ctx: Context, movement: MovementRules | None) -> ConditionResult:
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
    listed = "; ".join(award_text(a) for a in same)
    return ConditionResult(
        rule,
        article,
        False,
        tuple(Evidence(award_text(a), a.ref) for a in same),
        f"Thành tích này đã được khen thưởng ({listed}); không khen thưởng lần thứ hai cho một thành tích.",
        key="not_twice",
    )


def _movement_conditions(ctx: Context, movement: MovementRules) -> list[ConditionResult]:
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
        counted, why_not = counted_initiatives(ctx, "co_so", start, last)
        met = len(counted) >= movement.min_initiatives
        detail = (" " + " ".join(why_not)) if why_not and not met else ""
        parts.append(
            ConditionResult(
                f"Có từ {movement.min_initiatives} sáng kiến được công nhận trong {movement.period_text}",
                article,
                met,
                initiative_evidence(counted),
                f"Có {len(counted)} sáng kiến được công nhận trong {window_text(start, last)}"
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
                good_years.append(Evidence(award_text(awards[0]), awards[0].ref))
        met = len(good_years) >= movement.min_outstanding_years
        parts.append(
            ConditionResult(
                f"Có ít nhất {movement.min_outstanding_years} năm thành tích nổi bật (hoàn thành xuất sắc nhiệm vụ) "
                f"trong {movement.period_text}",
                article,
                met,
                tuple(good_years),
                f"Có {len(good_years)} năm hoàn thành xuất sắc nhiệm vụ trong {window_text(start, last)}"
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
