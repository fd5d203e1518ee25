"""Prize money (tiền thưởng): a multiple of the base salary in force on the decision's date.

Nghị định 152/2025/NĐ-CP Điều 49 (text read): the multiple × lương cơ sở in force on the decision's date (k1),
"làm tròn số lên hàng chục nghìn đồng" (k2: 0,3 × 2.340.000 = 702.000 is paid 710.000); several titles with the
same period counted: only the highest is paid (k5); a title and a form of award: both are paid (k7).
Điều 50 (titles): Lao động tiên tiến 0,3; Chiến sĩ thi đua cơ sở 1,0; cấp tỉnh 3,0; Tập thể lao động tiên tiến 0,8;
Tập thể lao động xuất sắc 1,5. Điều 54 (forms): Giấy khen 0,3; Bằng khen của Chủ tịch UBND tỉnh 1,5; a collective
twice the person's. Base salary: 2.340.000 đ from 01/7/2024 (Nghị định 73/2024/NĐ-CP khoản 2 Điều 3); 2.530.000 đ
from 01/7/2026 (Nghị định 161/2026/NĐ-CP, from a secondary source: "chưa đối chiếu").
For decisions before 01/7/2025 (Nghị định 98/2023) the same multiples are used, marked "chưa đối chiếu".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, Decimal
from typing import Generic, Protocol, TypeVar

from domain.rewards.forms import FORMS, SUBJECT_LABELS, AwardForm, Subject, form_label
from domain.rewards.rulesets import UNVERIFIED
from domain.vn_numbers import vn_number

__all__ = [
    "BASE_SALARIES",
    "MULTIPLIER_TABLES",
    "BaseSalary",
    "MissingBaseSalary",
    "MultiplierTable",
    "PaidAward",
    "Prize",
    "base_salary_on",
    "money_text",
    "paid_awards",
    "prize_for",
]

ROUNDING_STEP = Decimal(10_000)


class MissingBaseSalary(LookupError):
    """No base salary (or no multiplier table) covers the decision's date; the message is Vietnamese."""


@dataclass(frozen=True)
class BaseSalary:
    amount: Decimal
    effective_from: date
    source: str
    verified: bool = True

    @property
    def source_text(self) -> str:
        return self.source if self.verified else f"{self.source} — {UNVERIFIED}"


BASE_SALARIES: tuple[BaseSalary, ...] = (
    BaseSalary(Decimal(2_340_000), date(2024, 7, 1), "Khoản 2 Điều 3 Nghị định 73/2024/NĐ-CP"),
    BaseSalary(Decimal(2_530_000), date(2026, 7, 1), "Nghị định 161/2026/NĐ-CP", verified=False),
)


@dataclass(frozen=True)
class MultiplierTable:
    source: str
    effective_from: date
    effective_to: date | None
    multipliers: dict[tuple[AwardForm, Subject], Decimal]
    verified: bool = True

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)


P, C = Subject.PERSON, Subject.COLLECTIVE
_MULTIPLIERS = {
    (AwardForm.LABOUR, P): Decimal("0.3"),
    (AwardForm.EMULATION_SOLDIER, P): Decimal("1.0"),
    (AwardForm.PROVINCIAL_EMULATION_SOLDIER, P): Decimal("3.0"),
    (AwardForm.ADVANCED_COLLECTIVE, C): Decimal("0.8"),
    (AwardForm.EXCELLENT_COLLECTIVE, C): Decimal("1.5"),
    (AwardForm.CERTIFICATE_OF_MERIT, P): Decimal("0.3"),
    (AwardForm.CERTIFICATE_OF_MERIT, C): Decimal("0.6"),
    (AwardForm.PROVINCIAL_MERIT, P): Decimal("1.5"),
    (AwardForm.PROVINCIAL_MERIT, C): Decimal("3.0"),
}

MULTIPLIER_TABLES: tuple[MultiplierTable, ...] = (
    MultiplierTable(
        "Nghị định 98/2023/NĐ-CP", date(2024, 1, 1), date(2025, 6, 30), _MULTIPLIERS, verified=False
    ),
    MultiplierTable(
        "Điều 50, 54 Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), date(2027, 2, 28), _MULTIPLIERS
    ),
)


@dataclass(frozen=True)
class Prize:
    amount: Decimal
    multiplier: Decimal
    base_salary: Decimal
    base_source: str
    explanation: str
    multiplier_source: str = ""


def base_salary_on(on: date, base_salaries: Sequence[BaseSalary] | None = None) -> BaseSalary:
    """The base salary in force on ``on``: the latest that took effect on or before it."""
    found = sorted(
        (b for b in (base_salaries or BASE_SALARIES) if b.effective_from <= on),
        key=lambda b: b.effective_from,
    )
    if not found:
        raise MissingBaseSalary(
            f"Chưa có mức lương cơ sở áp dụng cho ngày {on:%d/%m/%Y}; cần bổ sung mức lương cơ sở trước khi "
            "tính tiền thưởng."
        )
    return found[-1]


def money_text(amount: Decimal) -> str:
    """``Decimal(1404000)`` → ``"1.404.000 đồng"``."""
    return f"{vn_number(amount)} đồng"


def prize_for(
    form: AwardForm,
    subject: Subject,
    on: date,
    base_salaries: Sequence[BaseSalary] | None = None,
    multiplier_tables: Sequence[MultiplierTable] | None = None,
) -> Prize:
    """The prize for ``form`` given to a person or a collective by a decision dated ``on``."""
    form, subject = AwardForm(form), Subject(subject)
    if subject not in FORMS[form].subjects:
        raise ValueError(f"{form_label(form)} không xét tặng cho {SUBJECT_LABELS[subject]}.")
    tables = sorted(
        (t for t in (multiplier_tables or MULTIPLIER_TABLES) if t.in_force(on)),
        key=lambda t: t.effective_from,
    )
    if not tables or (form, subject) not in tables[-1].multipliers:
        raise MissingBaseSalary(
            f"Chưa có hệ số tiền thưởng {form_label(form)} áp dụng cho ngày {on:%d/%m/%Y}; cần bổ sung quy định "
            "về mức tiền thưởng."
        )
    table = tables[-1]
    multiplier = table.multipliers[(form, subject)]
    base = base_salary_on(on, base_salaries)
    exact = multiplier * base.amount
    amount = (exact / ROUNDING_STEP).to_integral_value(rounding=ROUND_CEILING) * ROUNDING_STEP
    multiplier_source = table.source if table.verified else f"{table.source} — {UNVERIFIED}"
    explanation = (
        f"{form_label(form)} ({SUBJECT_LABELS[subject]}): {vn_number(multiplier)} × "
        f"{money_text(base.amount)} (lương cơ sở, {base.source_text}) = {money_text(exact.normalize())}"
    )
    if amount != exact:
        explanation += f", làm tròn lên {money_text(amount)} (khoản 2 Điều 49 Nghị định 152/2025/NĐ-CP)"
    explanation += f"; hệ số theo {multiplier_source}."
    return Prize(amount, multiplier, base.amount, base.source_text, explanation, multiplier_source)


class _Award(Protocol):
    @property
    def form(self) -> AwardForm: ...

    @property
    def year(self) -> int: ...


A = TypeVar("A", bound=_Award)


@dataclass(frozen=True)
class PaidAward(Generic[A]):
    award: A
    paid: bool
    reason: str


def paid_awards(awards: Sequence[A]) -> tuple[PaidAward[A], ...]:
    """Which of one nominee's awards are paid (Điều 49 Nghị định 152/2025/NĐ-CP): of several titles for one year
    only the highest; a form of award (Giấy khen, Bằng khen) is paid besides the title. Order is kept."""
    best: dict[int, A] = {}
    for award in awards:
        info = FORMS[AwardForm(award.form)]
        if not info.is_title:
            continue
        current = best.get(award.year)
        if current is None or info.rank > FORMS[AwardForm(current.form)].rank:
            best[award.year] = award
    result: list[PaidAward[A]] = []
    for award in awards:
        info = FORMS[AwardForm(award.form)]
        if not info.is_title:
            result.append(
                PaidAward(award, True, f"{info.label}: hình thức khen thưởng, được thưởng cùng danh hiệu.")
            )
        elif best[award.year] is award:
            result.append(PaidAward(award, True, f"{info.label}: danh hiệu cao nhất năm {award.year}."))
        else:
            higher = form_label(best[award.year].form)
            result.append(
                PaidAward(
                    award,
                    False,
                    f"{info.label}: không thưởng tiền vì cùng năm {award.year} đã có danh hiệu cao hơn ({higher}); "
                    "chỉ thưởng danh hiệu cao nhất (khoản 5 Điều 49 Nghị định 152/2025/NĐ-CP).",
                )
            )
    return tuple(result)
