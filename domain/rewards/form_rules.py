"""The conditions of each title and form, one per line of the rules, each citing its article.

Sources (../shared/rewards/rules_tdkt_2025-2026.md): Luật Thi đua, khen thưởng 2022 Điều 22 (Chiến sĩ thi đua cấp
tỉnh), 23 (Chiến sĩ thi đua cơ sở), 24 (Lao động tiên tiến), 27 (Tập thể lao động xuất sắc), 28 (Tập thể lao động
tiên tiến), 74–75 (Bằng khen, Giấy khen, detailed by the province — Bắc Ninh QĐ 86/2025/QĐ-UBND Điều 3.3, 4.3 as
the example, so those articles are marked "chưa đối chiếu" and the year counts are province parameters).
Conditions only people can judge are the proposing unit's declarations (``declarations_for``).
"""

from __future__ import annotations

from collections.abc import Callable

from domain.rewards.conditions import (
    LAW,
    SOLDIER_TITLES,
    ConditionResult,
    Context,
    Option,
    consecutive_awards,
    counted_initiatives,
    declared_condition,
    declared_option,
    excellent_years,
    initiative_evidence,
    members_share,
    one_of,
    rating_condition,
    window_text,
)
from domain.rewards.facts import DISCIPLINE_LABELS, DISCIPLINE_ORDER, GRADE_LABELS, Evidence, grade_at_least
from domain.rewards.forms import AwardForm, Subject
from domain.rewards.rulesets import UNVERIFIED

__all__ = ["FORM_RULES", "declarations_for"]

PROVINCE_DETAIL = "tiêu chuẩn chi tiết theo quy định của tỉnh, ví dụ Bắc Ninh QĐ 86/2025/QĐ-UBND"


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


def _labour(ctx: Context, prefix: str = "", via: str = "") -> list[ConditionResult]:
    return [
        rating_condition(ctx, "good", f"{via}điểm a khoản 1 Điều 24 {LAW}", prefix=prefix),
        declared_condition(ctx, "self_reliance", f"{via}điểm b khoản 1 Điều 24 {LAW}", prefix=prefix),
    ]


def _emulation_soldier(ctx: Context) -> list[ConditionResult]:
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
    counted, why_not = counted_initiatives(ctx, "co_so", first, ctx.year)
    if counted:
        return [
            *_prefixed_labour(ctx),
            ConditionResult(
                rule,
                article,
                True,
                initiative_evidence(counted),
                "Có sáng kiến được công nhận.",
                key="soldier",
            ),
        ]
    reasons.extend(why_not or [f"Không có sáng kiến được công nhận trong {window_text(first, ctx.year)}."])
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


def _prefixed_labour(ctx: Context) -> list[ConditionResult]:
    return _labour(ctx, "Đạt tiêu chuẩn Lao động tiên tiến: ", "Khoản 1 Điều 23; ")


def _province_soldier(ctx: Context) -> list[ConditionResult]:
    years = ctx.count("province_soldier_years")
    article = f"Điều 22 {LAW}"
    streak = consecutive_awards(
        ctx,
        frozenset({AwardForm.EMULATION_SOLDIER}),
        years,
        article,
        f"{years} lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở, đến năm {ctx.year}",
        "soldier_streak",
    )
    first = ctx.year - years + 1 - ctx.count("initiative_years_before")
    counted, why_not = counted_initiatives(ctx, "tinh", first, ctx.year)
    rule = (
        "Có sáng kiến được áp dụng hiệu quả, có khả năng nhân rộng, được công nhận phạm vi cấp tỉnh trở lên"
    )
    if counted:
        initiative = ConditionResult(
            rule,
            article,
            True,
            initiative_evidence(counted),
            "Có sáng kiến cấp tỉnh.",
            key="initiative_province",
        )
    else:
        explanation = (
            " ".join(why_not) or f"Không có sáng kiến được công nhận trong {window_text(first, ctx.year)}."
        )
        initiative = ConditionResult(rule, article, False, (), explanation, key="initiative_province")
    return [streak, initiative]


def _no_member_warned(ctx: Context, article: str) -> ConditionResult:
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


def _advanced_collective(ctx: Context) -> list[ConditionResult]:
    article = f"Điều 28 {LAW}"
    return [
        rating_condition(ctx, "good", article),
        declared_condition(ctx, "emulation_effective", article),
        members_share(ctx, "member_title_share", article),
        _no_member_warned(ctx, article),
        declared_condition(ctx, "internal_unity", article),
    ]


def _excellent_collective(ctx: Context) -> list[ConditionResult]:
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
        rating_condition(ctx, "excellent", article),
        declared_condition(ctx, "emulation_effective", article),
        all_done,
        members_share(ctx, "excellent_member_title_share", article),
        soldier,
        declared_condition(ctx, "internal_unity", article),
    ]


def _certificate(ctx: Context) -> list[ConditionResult]:
    article = f"Điều 75 {LAW}; {PROVINCE_DETAIL} Điều 4.3 ({UNVERIFIED})"
    return [
        declared_condition(ctx, "law_abiding", article),
        rating_condition(ctx, "good", article),
        one_of(
            "Đạt một trong các tiêu chuẩn: có thành tích được bình xét trong phong trào thi đua; "
            "lập được nhiều thành tích hoặc thành tích đột xuất",
            article,
            [
                declared_option(ctx, "emulation_achievement"),
                declared_option(ctx, "outstanding_achievement"),
            ],
            "certificate_achievement",
        ),
    ]


def _provincial_merit(ctx: Context) -> list[ConditionResult]:
    article = f"Điều 74 {LAW}; {PROVINCE_DETAIL} Điều 3.3 ({UNVERIFIED})"
    options = [
        declared_option(ctx, "provincial_emulation_excellence"),
        declared_option(ctx, "outstanding_achievement"),
        declared_option(ctx, "socio_economic_contribution"),
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
    return [
        declared_condition(ctx, "law_abiding", article),
        one_of(rule, article, options, "merit_achievement"),
    ]


def _soldier_streak_option(ctx: Context, years: int) -> Option:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        result = consecutive_awards(
            ctx, frozenset({AwardForm.EMULATION_SOLDIER}), years, "", "", "merit_soldier_streak"
        )
        text = f"{years} lần liên tục Chiến sĩ thi đua cơ sở." if result.met else result.explanation
        return result.met, result.evidence, text

    return option


def _excellent_with_initiatives_option(ctx: Context, years: int) -> Option:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        missing, evidence = excellent_years(ctx, years)
        if missing:
            listed = ", ".join(str(y) for y in missing)
            return False, (), f"Chưa hoàn thành xuất sắc nhiệm vụ năm {listed} ({years} năm liên tục)."
        first = ctx.year - years + 1 - ctx.count("initiative_years_before")
        counted, why_not = counted_initiatives(ctx, "co_so", first, ctx.year)
        needed, research_needed = ctx.count("merit_initiatives"), ctx.count("merit_research")
        if len(counted) >= needed:
            return (
                True,
                (*evidence, *initiative_evidence(counted)),
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
                f"được công nhận trong {window_text(first, ctx.year)} và {len(ctx.facts.research_accepted)}/"
                f"{research_needed} đề tài.{detail}"
            ),
        )

    return option


def _collective_excellent_option(ctx: Context, years: int) -> Option:
    def option() -> tuple[bool, tuple[Evidence, ...], str]:
        missing, evidence = excellent_years(ctx, years, frozenset({AwardForm.EXCELLENT_COLLECTIVE}))
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


FORM_RULES: dict[AwardForm, Callable[[Context], list[ConditionResult]]] = {
    AwardForm.LABOUR: _labour,
    AwardForm.EMULATION_SOLDIER: _emulation_soldier,
    AwardForm.PROVINCIAL_EMULATION_SOLDIER: _province_soldier,
    AwardForm.ADVANCED_COLLECTIVE: _advanced_collective,
    AwardForm.EXCELLENT_COLLECTIVE: _excellent_collective,
    AwardForm.CERTIFICATE_OF_MERIT: _certificate,
    AwardForm.PROVINCIAL_MERIT: _provincial_merit,
}
