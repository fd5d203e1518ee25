"""Effective-dated rule sets for emulation and rewards, each parameter with its source, and the province layer.

Two sets are known:
- Luật Thi đua, khen thưởng 2022 + Nghị định 98/2023/NĐ-CP, 01/01/2024–30/06/2025. Its council thresholds were
  ≥ 90% for Chiến sĩ thi đua cấp tỉnh and ≥ 80% for Chiến sĩ thi đua cơ sở (Nghị định 98/2023 Điều 30 khoản 7).
- Luật Thi đua, khen thưởng 2022 + Nghị định 152/2025/NĐ-CP, 01/07/2025–28/02/2027 (Điều 59: Nghị định 98 ceases;
  Điều 60.1: Nghị định 152 expires 01/3/2027 unless extended). The council rules are the province's (Điều 6.2.đ/e);
  the defaults here follow an example province (Bắc Ninh QĐ 86/2025/QĐ-UBND Điều 8.4.b) and are marked
  "chưa đối chiếu".
Transitions the dates alone do not catch (Nghị định 152 Điều 60.2–60.3: a dossier submitted before 01/7/2025, or a
province without its own rules until 31/12/2025, stays under Nghị định 98) are the caller's: pass ``rule_set``.

Parameter keys (``PARAM_LABELS``) are shared by both sets; a province overrides any of them with ``ProvinceRules``.
A vote parameter may be given per form by suffixing the form's code: ``"vote_share.chien_si_thi_dua_tinh"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from domain.vn_numbers import vn_number

__all__ = [
    "ND98",
    "ND152",
    "PARAM_LABELS",
    "RULE_SETS",
    "UNVERIFIED",
    "EligibilityRuleSet",
    "NoRuleSet",
    "Param",
    "ParamValue",
    "ProvinceRules",
    "effective_param",
    "param_from_data",
    "param_to_data",
    "ratio_text",
    "rule_set_in_force",
]

UNVERIFIED = "chưa đối chiếu"

ParamValue = Decimal | int | bool | str | Fraction


class NoRuleSet(LookupError):
    """No rule set is in force on the date asked; the message is Vietnamese."""


@dataclass(frozen=True)
class Param:
    """One parameter of a rule: its value, where it comes from, and whether that source was read (``verified``)."""

    value: ParamValue
    source: str
    verified: bool = True

    @property
    def source_text(self) -> str:
        return self.source if self.verified else f"{self.source} — {UNVERIFIED}"


@dataclass(frozen=True)
class EligibilityRuleSet:
    code: str
    name: str
    effective_from: date
    effective_to: date | None
    source: str
    params: Mapping[str, Param] = field(default_factory=dict)

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    @property
    def period_text(self) -> str:
        end = f"đến {self.effective_to:%d/%m/%Y}" if self.effective_to else "đến nay"
        return f"từ {self.effective_from:%d/%m/%Y} {end}"

    def __str__(self) -> str:
        return f"{self.name} ({self.period_text})"


@dataclass(frozen=True)
class ProvinceRules:
    """A province's own regulation: parameters overriding the rule set's (year counts of the Bằng khen
    conditions, the vote threshold, quorum, attendance …). The app stores these per province."""

    name: str
    source: str
    params: Mapping[str, Param] = field(default_factory=dict)


PARAM_LABELS = {
    "member_title_share": "Tỷ lệ thành viên đạt Lao động tiên tiến (Tập thể lao động tiên tiến)",
    "excellent_member_title_share": "Tỷ lệ thành viên đạt Lao động tiên tiến (Tập thể lao động xuất sắc)",
    "province_soldier_years": "Số năm liên tục đạt Chiến sĩ thi đua cơ sở (Chiến sĩ thi đua cấp tỉnh)",
    "initiative_years_before": "Sáng kiến được tính nếu công nhận trong năm xét hoặc số năm liền trước",
    "merit_consecutive_years": "Số năm liên tục (Bằng khen cá nhân)",
    "merit_initiatives": "Số sáng kiến cấp cơ sở (Bằng khen cá nhân)",
    "merit_research": "Số đề tài khoa học được nghiệm thu (Bằng khen cá nhân)",
    "merit_collective_years": "Số năm liên tục hoàn thành xuất sắc nhiệm vụ (Bằng khen tập thể)",
    "freeze_article": "Căn cứ tạm dừng xét khen thưởng khi đang xem xét kỷ luật, thanh tra, khiếu nại",
    "quorum": "Số thành viên tối thiểu để họp Hội đồng",
    "award_attendance": "Số thành viên có mặt tối thiểu khi xét khen thưởng",
    "vote_share": "Tỷ lệ phiếu đồng ý",
    "vote_strict": "Phải vượt (không chỉ bằng) tỷ lệ phiếu",
    "vote_base": "Tỷ lệ phiếu tính trên (present: số thành viên có mặt; members: tổng số thành viên)",
}

LAW = "Luật Thi đua, khen thưởng 2022"
BAC_NINH = "theo quy định của tỉnh (ví dụ Bắc Ninh QĐ 86/2025/QĐ-UBND"

_LAW_PARAMS: dict[str, Param] = {
    "member_title_share": Param(Fraction(7, 10), f"Điều 28 {LAW}"),
    "excellent_member_title_share": Param(Fraction(7, 10), f"Điều 27 {LAW}"),
    "province_soldier_years": Param(3, f"Điều 22 {LAW}"),
    # Whether an initiative recognised the year before still counts is not settled by the law's text: the
    # system counts only recognitions within the year considered unless the province allows more.
    "initiative_years_before": Param(0, f"Điều 23 {LAW} (sáng kiến được công nhận trong năm xét)", False),
    "merit_consecutive_years": Param(2, f"{BAC_NINH} Điều 3.3)", False),
    "merit_initiatives": Param(2, f"{BAC_NINH} Điều 3.3)", False),
    "merit_research": Param(2, f"{BAC_NINH} Điều 3.3)", False),
    "merit_collective_years": Param(2, f"{BAC_NINH} Điều 3.3.c)", False),
}

ND98 = EligibilityRuleSet(
    code="luat2022_nd98_2023",
    name="Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP",
    effective_from=date(2024, 1, 1),
    effective_to=date(2025, 6, 30),
    source="Luật số 06/2022/QH15; Nghị định 98/2023/NĐ-CP (hết hiệu lực từ 01/7/2025, Điều 59 Nghị định 152/2025)",
    params={
        **_LAW_PARAMS,
        "freeze_article": Param(
            "nguyên tắc khen thưởng, Nghị định 98/2023/NĐ-CP", "Nghị định 98/2023/NĐ-CP", False
        ),
        "quorum": Param(Fraction(2, 3), "Quy chế Hội đồng Thi đua – Khen thưởng", False),
        "vote_share": Param(Fraction(1, 2), "Quy chế Hội đồng Thi đua – Khen thưởng (đa số)", False),
        "vote_strict": Param(True, "Quy chế Hội đồng Thi đua – Khen thưởng (đa số)", False),
        "vote_base": Param("present", "Quy chế Hội đồng Thi đua – Khen thưởng (đa số)", False),
        "vote_share.chien_si_thi_dua_tinh": Param(Fraction(9, 10), "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP"),
        "vote_strict.chien_si_thi_dua_tinh": Param(False, "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP"),
        "vote_base.chien_si_thi_dua_tinh": Param(
            "members", "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP (tính trên tổng số thành viên)", False
        ),
        "vote_share.chien_si_thi_dua_co_so": Param(Fraction(4, 5), "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP"),
        "vote_strict.chien_si_thi_dua_co_so": Param(False, "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP"),
        "vote_base.chien_si_thi_dua_co_so": Param(
            "members", "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP (tính trên tổng số thành viên)", False
        ),
    },
)

_ND152_COUNCIL = f"{BAC_NINH} Điều 8.4.b; điểm đ, e khoản 2 Điều 6 Nghị định 152/2025/NĐ-CP)"

ND152 = EligibilityRuleSet(
    code="luat2022_nd152_2025",
    name="Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP",
    effective_from=date(2025, 7, 1),
    effective_to=date(2027, 2, 28),
    source="Luật số 06/2022/QH15; Nghị định 152/2025/NĐ-CP (hiệu lực 01/7/2025, hết hiệu lực 01/3/2027, Điều 60)",
    params={
        **_LAW_PARAMS,
        "freeze_article": Param(
            "Khoản 4 Điều 4 Nghị định 152/2025/NĐ-CP", "Khoản 4 Điều 4 Nghị định 152/2025/NĐ-CP"
        ),
        "quorum": Param(Fraction(2, 3), _ND152_COUNCIL, False),
        "award_attendance": Param(Fraction(4, 5), _ND152_COUNCIL, False),
        "vote_share": Param(Fraction(1, 2), _ND152_COUNCIL, False),
        "vote_strict": Param(True, _ND152_COUNCIL, False),
        "vote_base": Param("present", _ND152_COUNCIL, False),
    },
)

RULE_SETS: tuple[EligibilityRuleSet, ...] = (ND98, ND152)


def rule_set_in_force(on: date, sets: tuple[EligibilityRuleSet, ...] = RULE_SETS) -> EligibilityRuleSet:
    """The rule set in force on ``on`` (the decision's date); the one that took effect last wins."""
    found = sorted((s for s in sets if s.in_force(on)), key=lambda s: s.effective_from)
    if not found:
        raise NoRuleSet(
            f"Chưa có bộ quy định thi đua, khen thưởng nào có hiệu lực vào ngày {on:%d/%m/%Y}; "
            "cần bổ sung bộ quy định trước khi xét."
        )
    return found[-1]


def effective_param(
    rule_set: EligibilityRuleSet, province: ProvinceRules | None, key: str, form: str | None = None
) -> Param | None:
    """The parameter in force: the province's before the rule set's, a per-form key before the general one."""
    keys = ([f"{key}.{form}"] if form else []) + [key]
    for candidate in keys:
        for params in (province.params if province else {}, rule_set.params):
            if candidate in params:
                return params[candidate]
    return None


def ratio_text(value: ParamValue) -> str:
    """``Fraction(7, 10)`` → ``"70%"``; ``Fraction(2, 3)`` → ``"2/3"``; a number → itself the Vietnamese way."""
    if isinstance(value, Fraction):
        percent = value * 100
        if percent.denominator == 1:
            return f"{percent.numerator}%"
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, Decimal | int) and not isinstance(value, bool):
        return vn_number(value)
    return str(value)


def param_to_data(param: Param) -> dict[str, str | bool]:
    """A JSON-friendly form of ``param`` for the app to store (a province's parameters)."""
    value = param.value
    if isinstance(value, bool):
        kind, text = "bool", "1" if value else "0"
    elif isinstance(value, int):
        kind, text = "int", str(value)
    elif isinstance(value, Decimal):
        kind, text = "decimal", str(value)
    elif isinstance(value, Fraction):
        kind, text = "ratio", str(value)
    else:
        kind, text = "text", value
    return {"kind": kind, "value": text, "source": param.source, "verified": param.verified}


def param_from_data(data: Mapping[str, object]) -> Param:
    """The inverse of ``param_to_data``; a malformed entry raises ``ValueError`` in Vietnamese."""
    kind, text = str(data.get("kind", "")), str(data.get("value", ""))
    try:
        value: ParamValue
        if kind == "bool":
            value = text == "1"
        elif kind == "int":
            value = int(text)
        elif kind == "decimal":
            value = Decimal(text)
        elif kind == "ratio":
            value = Fraction(text)
        elif kind == "text":
            value = text
        else:
            raise ValueError(kind)
    except (ValueError, ArithmeticError) as error:
        raise ValueError(f"Tham số không hợp lệ: “{text}” ({kind}).") from error
    return Param(value, str(data.get("source", "")), bool(data.get("verified", False)))
