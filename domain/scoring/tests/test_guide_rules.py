"""Rules read from the words of a scoring guide, shape by shape, and words written back that read as the same rule."""

from decimal import Decimal

import pytest

from domain.scoring.guide_rules import guide_from_rule, rule_from_guide
from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Penalty,
    Proportional,
    Rule,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)

D = Decimal

# Cà Mau 1880/QĐ-UBND: > 90%: 2; 70–90%: 1; < 70%: 0 (a bare range holds both edges).
CA_MAU_PLAN = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
        Tier(D(0), upper=D(70), upper_inclusive=False),
    )
)
FULL_PARTIAL = Tiered(
    tiers=(
        Tier(D(1), lower=D(100), lower_inclusive=True),
        Tier(D("0.5"), lower=D(80), lower_inclusive=True, upper=D(100), upper_inclusive=False),
        Tier(D(0), upper=D(80), upper_inclusive=False),
    )
)
PLAN_ISSUED = TimelinessRule(on_time=D(1), late=D("0.5"), missing_label="Không ban hành")


@pytest.mark.parametrize(
    ("text", "max_points", "rule", "cap"),
    [
        ("Đạt 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm", D(1), FULL_PARTIAL, None),
        ("> 90%: 2; 70–90%: 1; < 70%: 0", D(2), CA_MAU_PLAN, None),
        ("> 90%: 2 điểm\n70% - 90%: 1 điểm\n< 70%: 0 điểm", D(2), CA_MAU_PLAN, None),
        (
            "Từ 90% trở lên: 2 điểm; trên 70% đến dưới 90%: 1 điểm",
            D(2),
            Tiered(
                tiers=(
                    Tier(D(2), lower=D(90), lower_inclusive=True),
                    Tier(D(1), lower=D(70), lower_inclusive=False, upper=D(90), upper_inclusive=False),
                )
            ),
            None,
        ),
        ("Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0", D(1), PLAN_ISSUED, None),
        (
            "Ban hành kịp thời (1 điểm). Ban hành chậm (0,5 điểm). Không ban hành (0 điểm).",
            D(1),
            PLAN_ISSUED,
            None,
        ),
        ("Gửi đúng hạn: 1; quá hạn: 0,25", D(1), TimelinessRule(on_time=D(1), late=D("0.25")), None),
        ("Có: 1; Không: 0", D(1), YesNo(), None),
        ("Đạt: 0,5 điểm; Không đạt: 0 điểm", D("0.5"), YesNo(yes_label="Đạt", no_label="Không đạt"), None),
        ("Tỷ lệ % × điểm tối đa", D(2), Proportional(), None),
        ("Điểm = tỷ lệ % x điểm tối đa", D(2), Proportional(), None),
        ("Tỷ lệ % ÷ 80% × điểm tối đa", D(2), Proportional(target=D(80)), None),
        (
            "A: 100%; B: 60%; C: 20%; D: 0%",
            D(1),
            AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20)), ("D", D(0)))),
            None,
        ),
        ("Phương án A 100% · B 50%", D(1), AnswerMap(answers=(("A", D(100)), ("B", D(50)))), None),
        ("Mỗi tháng ít nhất 01 tin bài", D(1), CountTarget(target=1, periods=12, unit="tin bài"), None),
        ("≥ 1 tin bài mỗi tháng", D(1), CountTarget(target=1, periods=12, unit="tin bài"), None),
        (
            "Mỗi quý ít nhất 02 cuộc kiểm tra; không đủ: 0 điểm",
            D(1),
            CountTarget(target=2, periods=4, unit="cuộc kiểm tra", period_label="quý", all_or_nothing=True),
            None,
        ),
        ("Tối thiểu 03 cuộc kiểm tra", D(1), CountTarget(target=3, unit="cuộc kiểm tra"), None),
        ("Điểm thưởng tối đa 2 điểm", None, Bonus(), D(2)),
        ("Mỗi sáng kiến được cộng 0,5 điểm, tối đa 2 điểm", None, Bonus(per_item=D("0.5")), D(2)),
        (
            "Điểm trừ: trừ 0,5 điểm mỗi văn bản chậm, tối đa trừ 2 điểm",
            None,
            Penalty(per_item=D("0.5")),
            D(2),
        ),
        ("Trừ 0,5 điểm mỗi văn bản chậm, tối đa trừ 2 điểm", None, Penalty(per_item=D("0.5")), D(2)),
        ("Mỗi báo cáo chậm trừ 0,25 điểm", D(1), Deduction(per_item=D("0.25"), unit="báo cáo chậm"), None),
        (
            "Mỗi báo cáo chậm trừ 0,25 điểm, tối đa trừ 0,5 điểm",
            D(1),
            Deduction(per_item=D("0.25"), unit="báo cáo chậm", floor=D("0.5")),
            None,
        ),
        (
            "Trừ 25% số điểm mỗi lần chậm",
            D(2),
            Deduction(per_item=D(25), percent_of_max=True, unit="lần chậm"),
            None,
        ),
    ],
)
def test_a_guide_in_a_known_shape_gives_its_rule(
    text: str, max_points: Decimal | None, rule: Rule, cap: Decimal | None
) -> None:
    read = rule_from_guide(text, max_points)

    assert read.rule == rule
    assert read.cap == cap


def test_under_bonus_and_penalty_points_a_deduction_is_a_penalty_outside_the_scale() -> None:
    text = "Trừ 0,5 điểm mỗi văn bản chậm, tối đa trừ 2 điểm"

    assert rule_from_guide(text, D(2), extra_area=True).rule == Penalty(per_item=D("0.5"))
    assert rule_from_guide(text, D(2)).rule == Deduction(per_item=D("0.5"), unit="văn bản chậm")


@pytest.mark.parametrize(
    ("text", "max_points"),
    [
        ("", D(1)),
        ("Đơn vị tự chấm theo thực tế, có giải trình", D(1)),
        ("Đạt: 1; Đạt một phần: 0,5; Không đạt: 0", D(1)),  # three levels without rates: by hand
        ("Có: 0,5; Không: 0", D(1)),  # "Có" must earn the criterion's maximum
        ("Từ 90% đến 100%: 2; từ 80% đến 95%: 1", D(2)),  # overlapping tiers are read; the tree flags them
        ("A: 100%; C: 20%", D(1)),  # answers must run A, B, C…
        ("max not found (source truncated)", None),
    ],
)
def test_words_in_no_known_shape_give_no_rule(text: str, max_points: Decimal | None) -> None:
    read = rule_from_guide(text, max_points)

    if text.startswith("Từ 90%"):
        assert read.rule is not None and read.rule.problems(D(2))
    else:
        assert read.rule is None


@pytest.mark.parametrize(
    ("rule", "max_points"),
    [
        (CA_MAU_PLAN, D(2)),
        (FULL_PARTIAL, D(1)),
        (PLAN_ISSUED, D(1)),
        (TimelinessRule(on_time=D(1), late=D("0.5")), D(1)),
        (YesNo(), D(1)),
        (YesNo(yes_label="Đạt", no_label="Không đạt"), D(1)),
        (Proportional(), D(2)),
        (Proportional(target=D(80)), D(2)),
        (AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20)), ("D", D(0)))), D(1)),
        (CountTarget(target=1, periods=12, unit="tin bài"), D(1)),
        (CountTarget(target=2, unit="cuộc kiểm tra", all_or_nothing=True), D(1)),
        (Bonus(), D(2)),
        (Bonus(per_item=D("0.5")), D(2)),
        (Penalty(per_item=D("0.5")), D(2)),
        (Deduction(per_item=D("0.25"), unit="báo cáo chậm", floor=D("0.5")), D(1)),
        (Deduction(per_item=D(25), percent_of_max=True, unit="lần chậm"), D(2)),
    ],
)
def test_the_words_written_for_a_rule_read_back_as_the_same_rule(rule: Rule, max_points: Decimal) -> None:
    text = guide_from_rule(rule, max_points)

    assert rule_from_guide(text, max_points).rule == rule
