"""Prize money: every form × subject at 2.340.000 đ, rounding up to 10.000 đ, and the "highest title only" rule."""

from datetime import date
from decimal import Decimal

import pytest

from domain.rewards.facts import PastAward
from domain.rewards.forms import FORMS, AwardForm, Subject
from domain.rewards.prizes import BaseSalary, MissingBaseSalary, money_text, paid_awards, prize_for

F, P, C = AwardForm, Subject.PERSON, Subject.COLLECTIVE
ON = date(2026, 3, 10)  # 2.340.000 đ in force


# Khoản 2 Điều 49 Nghị định 152/2025: "làm tròn số lên hàng chục nghìn đồng", so 0,3 × 2.340.000 = 702.000 is
# paid as 710.000.
@pytest.mark.parametrize(
    ("form", "subject", "multiplier", "amount"),
    [
        (F.LABOUR, P, "0.3", 710_000),
        (F.EMULATION_SOLDIER, P, "1.0", 2_340_000),
        (F.PROVINCIAL_EMULATION_SOLDIER, P, "3.0", 7_020_000),
        (F.ADVANCED_COLLECTIVE, C, "0.8", 1_880_000),
        (F.EXCELLENT_COLLECTIVE, C, "1.5", 3_510_000),
        (F.CERTIFICATE_OF_MERIT, P, "0.3", 710_000),
        (F.CERTIFICATE_OF_MERIT, C, "0.6", 1_410_000),
        (F.PROVINCIAL_MERIT, P, "1.5", 3_510_000),
        (F.PROVINCIAL_MERIT, C, "3.0", 7_020_000),
    ],
)
def test_prize_for_every_form_and_subject(form, subject, multiplier, amount):
    prize = prize_for(form, subject, ON)
    assert (prize.multiplier, prize.amount, prize.base_salary) == (
        Decimal(multiplier),
        Decimal(amount),
        2_340_000,
    )
    assert "Nghị định 73/2024" in prize.base_source and "Nghị định 152/2025" in prize.multiplier_source


def test_every_form_and_subject_has_a_prize():
    for form, info in FORMS.items():
        for subject in info.subjects:
            assert prize_for(form, subject, ON).amount > 0


def test_the_prize_is_rounded_up_to_ten_thousand_dong():
    giay_khen = prize_for(F.CERTIFICATE_OF_MERIT, C, ON)
    assert "0,6 × 2.340.000 đồng" in giay_khen.explanation and "= 1.404.000 đồng" in giay_khen.explanation
    assert "làm tròn lên 1.410.000 đồng (khoản 2 Điều 49 Nghị định 152/2025/NĐ-CP)" in giay_khen.explanation
    assert "làm tròn" not in prize_for(F.EMULATION_SOLDIER, P, ON).explanation
    # 0,3 × 2.530.000 = 759.000 → 760.000 (base salary from 01/7/2026, not yet checked against the decree)
    prize = prize_for(F.LABOUR, P, date(2026, 12, 15))
    assert prize.amount == Decimal(760_000) and prize.base_salary == Decimal(2_530_000)
    assert "làm tròn lên 760.000 đồng" in prize.explanation and "chưa đối chiếu" in prize.base_source


def test_the_base_salary_is_the_one_in_force_on_the_decision_date():
    assert prize_for(F.LABOUR, P, date(2026, 6, 30)).base_salary == Decimal(2_340_000)
    assert prize_for(F.LABOUR, P, date(2026, 7, 1)).base_salary == Decimal(2_530_000)


def test_a_missing_base_salary_is_refused_in_vietnamese():
    with pytest.raises(MissingBaseSalary, match="Chưa có mức lương cơ sở áp dụng cho ngày 10/03/2026"):
        prize_for(F.LABOUR, P, ON, base_salaries=[BaseSalary(Decimal(2_530_000), date(2026, 7, 1), "NĐ 161")])
    with pytest.raises(MissingBaseSalary, match="hệ số tiền thưởng"):
        prize_for(F.LABOUR, P, date(2023, 5, 1))


def test_a_form_for_the_wrong_subject_has_no_prize():
    with pytest.raises(ValueError, match="không xét tặng cho tập thể"):
        prize_for(F.LABOUR, C, ON)


def test_money_reads_the_vietnamese_way():
    assert money_text(Decimal(1_404_000)) == "1.404.000 đồng"


def test_several_titles_for_one_year_pay_the_highest_and_a_form_is_paid_besides():
    labour = PastAward(F.LABOUR, 2026, "a")
    soldier = PastAward(F.EMULATION_SOLDIER, 2026, "b")
    merit = PastAward(F.CERTIFICATE_OF_MERIT, 2026, "c")
    last_year = PastAward(F.LABOUR, 2025, "d")
    paid = paid_awards([labour, soldier, merit, last_year])
    assert [p.paid for p in paid] == [False, True, True, True]
    assert "Chiến sĩ thi đua cơ sở" in paid[0].reason and "Điều 49" in paid[0].reason
