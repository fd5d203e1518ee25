"""The council's vote (Hội đồng Thi đua – Khen thưởng, bỏ phiếu kín) on one nominee, against the rule set.

Nghị định 98/2023/NĐ-CP khoản 7 Điều 30 (until 30/06/2025): ≥ 90% for Chiến sĩ thi đua cấp tỉnh, ≥ 80% for Chiến sĩ
thi đua cơ sở. Nghị định 152/2025/NĐ-CP (from 01/7/2025) leaves the council to the province (Điều 6.2.đ/e); the
defaults follow an example province (Bắc Ninh QĐ 86/2025/QĐ-UBND Điều 8.4.b: the council meets with at least 2/3 of
its members, a session that considers awards needs 80% attending — absent members may send a written opinion,
counted as present — and decides by majority), marked "chưa đối chiếu". A province overrides them with
``ProvinceRules``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from domain.rewards.forms import AwardForm, form_label
from domain.rewards.rulesets import (
    UNVERIFIED,
    EligibilityRuleSet,
    Param,
    ProvinceRules,
    effective_param,
    ratio_text,
)
from domain.vn_numbers import vn_number

__all__ = ["VoteError", "VoteResult", "vote_check"]


class VoteError(ValueError):
    """Counts that cannot be a valid vote, or a session without its quorum; the message is Vietnamese."""


@dataclass(frozen=True)
class VoteResult:
    passed: bool
    threshold_text: str
    explanation: str
    percent: Decimal = Decimal(0)  # votes for ÷ the base of the threshold × 100, two decimals
    source: str = ""


def _fraction(param: Param | None, default: Fraction) -> Fraction:
    if param is None:
        return default
    value = param.value
    if isinstance(value, bool):
        raise TypeError(value)
    return Fraction(value)


def _mark(param: Param | None) -> str:
    return "" if param is None or param.verified else f" ({UNVERIFIED})"


def vote_check(
    *,
    form: AwardForm,
    members_total: int,
    present: int,
    votes_for: int,
    rule_set: EligibilityRuleSet,
    province: ProvinceRules | None = None,
) -> VoteResult:
    """Whether ``votes_for`` of ``present`` members (of ``members_total``) carry the nominee for ``form``.
    Raises ``VoteError`` for impossible counts or a quorum not met."""
    form = AwardForm(form)
    for label, number in (
        ("Tổng số thành viên Hội đồng", members_total),
        ("Số thành viên có mặt", present),
        ("Số phiếu đồng ý", votes_for),
    ):
        if number < 0:
            raise VoteError(f"{label} không được âm.")
    if members_total == 0:
        raise VoteError("Hội đồng chưa có thành viên.")
    if present > members_total:
        raise VoteError(
            f"Số thành viên có mặt ({present}) vượt tổng số thành viên Hội đồng ({members_total})."
        )
    if votes_for > present:
        raise VoteError(f"Số phiếu đồng ý ({votes_for}) vượt số thành viên có mặt ({present}).")
    for key, what in (("quorum", "họp Hội đồng"), ("award_attendance", "xét khen thưởng")):
        param = effective_param(rule_set, province, key)
        if param is None:
            continue
        share = _fraction(param, Fraction(0))
        if present * share.denominator < share.numerator * members_total:
            needed = -(-share.numerator * members_total // share.denominator)
            raise VoteError(
                f"Không đủ số thành viên để {what}: có mặt {present}/{members_total}, cần ít nhất "
                f"{ratio_text(share)} ({needed} thành viên, kể cả thành viên gửi ý kiến bằng văn bản) — "
                f"{param.source}{_mark(param)}."
            )
    share_param = effective_param(rule_set, province, "vote_share", form)
    strict_param = effective_param(rule_set, province, "vote_strict", form)
    base_param = effective_param(rule_set, province, "vote_base", form)
    share = _fraction(share_param, Fraction(1, 2))
    strict = bool(strict_param.value) if strict_param else True
    of_members = base_param is not None and base_param.value == "members"
    base = members_total if of_members else present
    base_text = "tổng số thành viên Hội đồng" if of_members else "số thành viên có mặt"
    comparison = "trên" if strict else "từ"
    threshold_text = f"{comparison} {ratio_text(share)} {base_text}" + (" trở lên" if not strict else "")
    unverified = any(p is not None and not p.verified for p in (share_param, strict_param, base_param))
    source = share_param.source if share_param else rule_set.source
    if unverified:
        source = f"{source} — {UNVERIFIED}"
    if base == 0:
        raise VoteError("Không có thành viên nào có mặt để biểu quyết.")
    left, right = votes_for * share.denominator, share.numerator * base
    passed = left > right if strict else left >= right
    percent = (Decimal(votes_for) * 100 / Decimal(base)).quantize(Decimal("0.01"))
    tally = f"{votes_for}/{base} phiếu đồng ý ({vn_number(percent, 2)}% {base_text})"
    label = form_label(form)
    if passed:
        explanation = f"{label}: {tally}, đạt ngưỡng {threshold_text} ({source})."
    else:
        explanation = f"{label}: {tally}, chưa đạt ngưỡng {threshold_text} ({source})."
    return VoteResult(passed, threshold_text, explanation, percent, source)
