"""Whole-tree scoring: sums per node, rescaling over what applies, bonus and penalty, the floor, bad inputs."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    NotApplicable,
    Penalty,
    Proportional,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.scoring import InvalidInputs, score_criteria, score_rule_set
from domain.scoring.tree import Criterion, RuleSet
from domain.scoring.values import ManualScore, NotApplicableInput

D = Decimal
PLAN_DONE = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
        Tier(D(0), upper=D(70), upper_inclusive=False),
    )
)

# A small set shaped like a province's: 10 points, one area a unit may have no duty for, a bonus/penalty group.
TREE = (
    Criterion(
        "1",
        "Công tác chỉ đạo, điều hành",
        D(4),
        children=(
            Criterion(
                "1.1", "Ban hành kế hoạch CCHC", D(1), rule=TimelinessRule(on_time=D(1), late=D("0.5"))
            ),
            Criterion("1.2", "Mức độ thực hiện kế hoạch", D(2), rule=PLAN_DONE),
            Criterion("1.3", "Tuyên truyền CCHC", D(1), rule=YesNo()),
        ),
    ),
    Criterion(
        "2",
        "Cải cách thủ tục hành chính",
        D(4),
        children=(
            Criterion("2.1", "Hồ sơ giải quyết đúng hạn", D(3), rule=Proportional()),
            Criterion(
                "2.2",
                "Công khai TTHC",
                D(1),
                children=(
                    Criterion("2.2.1", "Niêm yết tại bộ phận một cửa", D("0.5"), rule=YesNo()),
                    Criterion("2.2.2", "Đăng trên cổng thông tin", D("0.5"), rule=YesNo()),
                ),
            ),
        ),
    ),
    Criterion(
        "3", "Điều tra xã hội học", D(2), rule=AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20))))
    ),
    Criterion(
        "4",
        "Điểm thưởng, điểm trừ",
        children=(
            Criterion("4.1", "Sáng kiến CCHC được công nhận", D(1), rule=Bonus(per_item=D("0.5"))),
            Criterion("4.2", "Bị phê bình vì chậm báo cáo", D(2), rule=Penalty()),
        ),
    ),
)
FULL = {
    "1.1": "on_time",
    "1.2": D("92.5"),
    "1.3": True,
    "2.1": D(80),
    "2.2.1": True,
    "2.2.2": False,
    "3": "B",
}


def test_every_node_is_the_sum_of_its_children_and_the_total_of_its_areas() -> None:
    card = score_criteria(TREE, FULL)

    points = {code: node.points for code, node in card.nodes.items()}
    assert points == {
        "1": D("4"),
        "1.1": D(1),
        "1.2": D(2),
        "1.3": D(1),
        "2": D("2.9"),
        "2.1": D("2.4"),
        "2.2": D("0.5"),
        "2.2.1": D("0.5"),
        "2.2.2": D(0),
        "3": D("1.2"),
        "4": D(0),
        "4.1": D(0),
        "4.2": D(0),
    }
    assert (card.points, card.applicable_max, card.full_max, card.total, card.index_percent) == (
        D("8.1"),
        D(10),
        D(10),
        D("8.1"),
        D("81.00"),
    )
    assert card.explanation == "Điểm đạt 8,1/10 điểm của các tiêu chí áp dụng → 8,1/10 điểm, chỉ số 81%"
    assert card.nodes["2"].explanation == "Cộng các tiêu chí thành phần: 2,9/4 điểm"


def test_a_unit_without_the_duty_is_rescaled_over_the_points_that_apply() -> None:
    inputs = {**FULL, "2": NotApplicableInput("Đơn vị không có thủ tục hành chính")}
    del inputs["2.1"], inputs["2.2.1"], inputs["2.2.2"]

    card = score_criteria(TREE, inputs)

    # 4 + 1,2 = 5,2 of the 6 points that apply; 5,2 × 10 ÷ 6 = 8,67
    assert (card.points, card.applicable_max, card.full_max) == (D("5.2"), D(6), D(10))
    assert (card.total, card.index_percent) == (D("8.67"), D("86.70"))
    assert card.not_applicable == ("2",)
    assert card.explanation == (
        "Điểm đạt 5,2/6 điểm của các tiêu chí áp dụng; không áp dụng: 2 (4 điểm); "
        "quy đổi về thang 10 điểm: 5,2 × 10 ÷ 6 = 8,67 → 8,67/10 điểm, chỉ số 86,7%"
    )
    assert card.nodes["2.2.1"].explanation == "Không áp dụng (theo tiêu chí 2)"
    assert (card.nodes["2"].max_points, card.nodes["2"].full_max) == (D(0), D(4))


def test_a_single_criterion_that_does_not_apply_leaves_its_parent_over_the_rest() -> None:
    card = score_criteria(TREE, {**FULL, "2.1": NotApplicableInput()})

    assert (card.nodes["2"].points, card.nodes["2"].max_points) == (D("0.5"), D(1))
    assert card.nodes["2"].explanation == "Cộng các tiêu chí thành phần: 0,5/1 điểm (không áp dụng: 2.1)"
    # 5,7 of 7 → × 10 ÷ 7
    assert (card.total, card.index_percent) == (D("8.14"), D("81.40"))


def test_a_rule_that_never_applies_is_rescaled_too() -> None:
    tree = (
        Criterion("1", "A", D(2), rule=YesNo()),
        Criterion("2", "B", D(2), rule=NotApplicable(reason="Cấp xã")),
    )

    card = score_criteria(tree, {"1": True})

    assert (card.total, card.index_percent, card.not_applicable) == (D(4), D("100.00"), ("2",))


def test_bonus_and_penalty_are_added_after_rescaling_each_within_its_cap() -> None:
    card = score_criteria(TREE, {**FULL, "4.1": 3, "4.2": D("0.5")})

    # bonus 3 × 0,5 = 1,5 capped at 1; penalty 0,5
    assert (card.bonus, card.penalty, card.total) == (D(1), D("0.5"), D("8.6"))
    assert card.nodes["4.1"].explanation == "Điểm thưởng 3 × 0,5 = 1,5 vượt mức tối đa 1 → cộng 1 điểm"
    assert card.explanation == (
        "Điểm đạt 8,1/10 điểm của các tiêu chí áp dụng; cộng điểm thưởng 1; trừ 0,5 điểm → 8,6/10 điểm, chỉ số 86%"
    )


def test_a_bonus_group_caps_its_total() -> None:
    group = Criterion(
        "9",
        "Điểm thưởng",
        D("1.5"),
        children=(Criterion("9.1", "A", D(1), rule=Bonus()), Criterion("9.2", "B", D(1), rule=Bonus())),
    )

    card = score_criteria(
        (Criterion("1", "A", D(10), rule=Proportional()), group), {"1": 50, "9.1": 1, "9.2": 1}
    )

    assert (card.bonus, card.total) == (D("1.5"), D("6.5"))
    assert card.nodes["9"].explanation == "Cộng 1,5, trừ 0 điểm (mỗi chiều tối đa 1,5)"


def test_penalties_never_take_the_total_below_zero() -> None:
    tree = (Criterion("1", "A", D(1), rule=YesNo()), Criterion("2", "Điểm trừ", D(5), rule=Penalty()))

    card = score_criteria(tree, {"1": True, "2": D(4)})

    assert (card.penalty, card.total, card.index_percent) == (D(4), D(0), D("0.00"))
    assert card.explanation == (
        "Điểm đạt 1/1 điểm của các tiêu chí áp dụng; trừ 4 điểm; không thấp hơn 0 → 0/1 điểm, chỉ số 0%"
    )


def test_a_ceiling_keeps_bonus_from_lifting_the_total_above_it() -> None:
    tree = (Criterion("1", "A", D(10), rule=YesNo()), Criterion("2", "Thưởng", D(2), rule=Bonus()))

    card = score_criteria(tree, {"1": True, "2": 2}, ceiling=D(10))

    assert (card.bonus, card.total, card.index_percent) == (D(2), D(10), D("100.00"))
    assert "không vượt quá 10" in card.explanation


def test_criteria_without_input_count_zero_and_are_listed() -> None:
    card = score_criteria(TREE, {"1.1": "late"})

    assert card.unscored == ("1.2", "1.3", "2.1", "2.2.1", "2.2.2", "3")
    assert (card.total, card.nodes["1.2"].scored, card.nodes["1"].scored) == (D("0.5"), False, False)
    assert card.nodes["1.2"].explanation == "Chưa chấm → 0/2 điểm"
    assert card.nodes["4.1"].explanation == "Không có điểm thưởng"  # no bonus entered is no bonus
    assert card.explanation.endswith(
        "(còn 6 tiêu chí chưa chấm, tính 0 điểm: 1.2, 1.3, 2.1, 2.2.1, 2.2.2, 3)"
    )


def test_a_leaf_without_a_rule_is_scored_by_hand_with_a_reason() -> None:
    tree = (Criterion("1", "Ứng dụng ISO", D(2), guide="Chấm theo mức độ áp dụng"),)

    card = score_criteria(tree, {"1": ManualScore(D("1.5"), "Chưa công bố ISO đủ quy trình")})

    assert card.nodes["1"].explanation == "Chấm trực tiếp 1,5/2 điểm: Chưa công bố ISO đủ quy trình"


def test_nothing_applies_gives_no_index() -> None:
    card = score_criteria(TREE[:2], {"1": NotApplicableInput(), "2": NotApplicableInput()})

    assert (card.total, card.index_percent) == (D(0), None)
    assert card.explanation == "Không có tiêu chí nào áp dụng → 0/8 điểm, không có chỉ số"


def test_every_bad_input_is_named_with_its_criterion_and_nothing_is_scored() -> None:
    inputs = {**FULL, "3": "E", "2.1": D(-5), "2.2": True, "9.9": True}

    with pytest.raises(InvalidInputs) as error:
        score_criteria(TREE, inputs)

    assert error.value.problems == (
        "Tiêu chí 2.1: Tỷ lệ không được âm (-5).",
        "Tiêu chí 2.2 được cộng từ các tiêu chí thành phần; không nhập điểm trực tiếp.",
        "Tiêu chí 3: Đáp án “E” không có trong bảng quy đổi (A, B, C).",
        "Không có tiêu chí mã 9.9 trong bộ tiêu chí.",
    )


def test_a_child_of_a_criterion_scored_by_its_own_rule_takes_no_input() -> None:
    tree = (
        Criterion(
            "1",
            "Báo cáo định kỳ",
            D(1),
            rule=YesNo(),
            children=(Criterion("1.1", "Báo cáo quý", D(1)), Criterion("1.2", "Báo cáo năm", D(1))),
        ),
    )

    with pytest.raises(InvalidInputs) as error:
        score_criteria(tree, {"1": True, "1.1": True})

    assert error.value.problems == ("Tiêu chí 1.1 được chấm chung trong tiêu chí 1; không nhập điểm riêng.",)
    assert score_criteria(tree, {"1": True}).total == D(1)


def test_unverified_parts_say_so() -> None:
    tree = (Criterion("1", "A", D(2), rule=YesNo(), unverified=True),)
    rule_set = RuleSet("Bộ mẫu", "Bộ tiêu chí mẫu", date(2026, 1, 1), None, "so", tree, unverified=True)

    card = score_rule_set(rule_set, {"1": True})

    assert card.nodes["1"].explanation == "Có → 2/2 điểm (điểm tối đa chưa đối chiếu)"
    assert card.explanation.endswith("(bộ tiêu chí chưa đối chiếu)")


@given(
    rates=st.lists(st.decimals(min_value=0, max_value=150, places=2), min_size=2, max_size=2),
    skip=st.sampled_from(["1", "2.1", "2.2", "3", None]),
)
def test_without_bonus_the_index_stays_between_0_and_100(rates: list[Decimal], skip: str | None) -> None:
    inputs: dict[str, object] = {**FULL, "1.2": rates[0], "2.1": rates[1]}
    if skip is not None:
        for code in [c for c in inputs if c == skip or c.startswith(f"{skip}.")]:
            del inputs[code]
        inputs[skip] = NotApplicableInput()

    card = score_criteria(TREE, inputs)

    assert card.index_percent is not None
    assert D(0) <= card.index_percent <= D(100)
    assert card.total == (card.points * card.full_max / card.applicable_max).quantize(
        D("0.01"), "ROUND_HALF_UP"
    )
