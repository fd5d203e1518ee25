"""Rule sets by date, their sources, the province layer, and the labels of the forms."""

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from domain.rewards.forms import FORMS, AwardForm, Subject, form_label, forms_for
from domain.rewards.rulesets import (
    ND98,
    ND152,
    NoRuleSet,
    Param,
    ProvinceRules,
    effective_param,
    param_from_data,
    param_to_data,
    ratio_text,
    rule_set_in_force,
)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2024, 1, 1), ND98),
        (date(2025, 3, 15), ND98),
        (date(2025, 6, 30), ND98),
        (date(2025, 7, 1), ND152),
        (date(2025, 8, 20), ND152),
        (date(2027, 2, 28), ND152),
    ],
)
def test_the_rule_set_in_force_on_a_date(on, expected):
    assert rule_set_in_force(on) is expected


@pytest.mark.parametrize("on", [date(2023, 12, 31), date(2027, 3, 1)])
def test_no_rule_set_is_a_vietnamese_error(on):
    with pytest.raises(NoRuleSet, match=f"ngày {on:%d/%m/%Y}"):
        rule_set_in_force(on)


def test_every_parameter_cites_a_source_and_the_province_overrides_it():
    for rule_set in (ND98, ND152):
        assert all(p.source for p in rule_set.params.values())
    assert not ND152.params["vote_share"].verified
    assert "chưa đối chiếu" in ND152.params["quorum"].source_text
    assert "Bắc Ninh QĐ 86/2025" in ND152.params["quorum"].source
    province = ProvinceRules(
        "Bắc Ninh", "QĐ 86/2025/QĐ-UBND", {"quorum": Param(Fraction(3, 4), "QĐ 86/2025 Điều 8")}
    )
    assert effective_param(ND152, province, "quorum").value == Fraction(3, 4)
    assert effective_param(ND152, None, "quorum").value == Fraction(2, 3)


def test_ratios_read_as_percent_or_fraction():
    assert (ratio_text(Fraction(7, 10)), ratio_text(Fraction(2, 3))) == ("70%", "2/3")


def test_forms_labels_subjects_and_deciders():
    assert form_label(AwardForm.PROVINCIAL_MERIT) == "Bằng khen của Chủ tịch UBND tỉnh"
    assert form_label("lao_dong_tien_tien") == "Lao động tiên tiến" and form_label("x") == "x"
    assert FORMS[AwardForm.CERTIFICATE_OF_MERIT].subjects == {Subject.PERSON, Subject.COLLECTIVE}
    assert "Chủ tịch UBND cấp xã" in FORMS[AwardForm.LABOUR].decided_by
    assert "Nghị định 129/2025" in FORMS[AwardForm.LABOUR].decided_by_source
    assert FORMS[AwardForm.EXCELLENT_COLLECTIVE].decided_by == "Chủ tịch UBND tỉnh"
    assert forms_for(Subject.COLLECTIVE)[:2] == (
        AwardForm.ADVANCED_COLLECTIVE,
        AwardForm.EXCELLENT_COLLECTIVE,
    )


def test_a_parameter_round_trips_through_its_stored_form():
    for param in (
        Param(Fraction(2, 3), "QĐ 86/2025", False),
        Param(3, "Luật"),
        Param(True, "x"),
        Param(Decimal("0.5"), "y"),
        Param("members", "z"),
    ):
        assert param_from_data(param_to_data(param)) == param
    with pytest.raises(ValueError, match="Tham số không hợp lệ"):
        param_from_data({"kind": "ratio", "value": "hai phần ba"})
