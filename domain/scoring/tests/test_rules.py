"""Every rule kind, table by table: points, the explanation a person reads, the edges, bad input, round trips."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.scoring.rule_dicts import rule_from_dict, rule_to_dict
from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Manual,
    NotApplicable,
    Penalty,
    Proportional,
    Rule,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.values import InvalidInput, ManualScore, NotApplicableInput, RuleError, Timeliness

D = Decimal

# Cà Mau 1880/QĐ-UBND's plan-implementation rubric: > 90%: 2; 70–90%: 1; < 70%: 0 (both edges in the middle tier).
PLAN_DONE = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
        Tier(D(0), upper=D(70), upper_inclusive=False),
    )
)
# The same table written the other common way: ≥ 90%: 2; 70–< 90%: 1; anything lower scores 0 (no tier).
PLAN_DONE_FLOOR = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=True),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=False),
    )
)
PLAN_ISSUED = TimelinessRule(on_time=D(1), late=D("0.5"), missing_label="Không ban hành")
ABCD = AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20)), ("D", D(0))))
ARTICLES = CountTarget(target=1, periods=12, unit="tin bài")
ARTICLES_ALL = CountTarget(target=1, periods=12, unit="tin bài", all_or_nothing=True)
INSPECTIONS = CountTarget(target=2, unit="cuộc kiểm tra")
LATE_REPORTS = Deduction(per_item=D("0.25"), unit="báo cáo chậm")
DELAYS_ND335 = Deduction(per_item=D(25), percent_of_max=True, unit="lần chậm")


@pytest.mark.parametrize(
    ("rule", "value", "max_points", "points", "explanation"),
    [
        # tiered: the two edges are unambiguous, and the value is read as people write it
        (PLAN_DONE, D("92.5"), D(2), D(2), "Tỷ lệ 92,5% > 90% → 2/2 điểm"),
        (PLAN_DONE, "92,5", D(2), D(2), "Tỷ lệ 92,5% > 90% → 2/2 điểm"),
        (PLAN_DONE, 90, D(2), D(1), "Tỷ lệ 90% thuộc mức từ 70% đến 90% → 1/2 điểm"),
        (PLAN_DONE, D("90.01"), D(2), D(2), "Tỷ lệ 90,01% > 90% → 2/2 điểm"),
        (PLAN_DONE, 70, D(2), D(1), "Tỷ lệ 70% thuộc mức từ 70% đến 90% → 1/2 điểm"),
        (PLAN_DONE, D("69.99"), D(2), D(0), "Tỷ lệ 69,99% < 70% → 0/2 điểm"),
        (PLAN_DONE, 0, D(2), D(0), "Tỷ lệ 0% < 70% → 0/2 điểm"),
        (PLAN_DONE, 100, D(2), D(2), "Tỷ lệ 100% > 90% → 2/2 điểm"),
        (PLAN_DONE_FLOOR, 90, D(2), D(2), "Tỷ lệ 90% ≥ 90% → 2/2 điểm"),
        (PLAN_DONE_FLOOR, D("89.9"), D(2), D(1), "Tỷ lệ 89,9% thuộc mức từ 70% đến dưới 90% → 1/2 điểm"),
        (PLAN_DONE_FLOOR, 70, D(2), D(1), "Tỷ lệ 70% thuộc mức từ 70% đến dưới 90% → 1/2 điểm"),
        (PLAN_DONE_FLOOR, 50, D(2), D(0), "Tỷ lệ 50% không đạt mức nào → 0/2 điểm"),
        # on time / late / missing
        (PLAN_ISSUED, Timeliness.ON_TIME, D(1), D(1), "Kịp thời → 1/1 điểm"),
        (PLAN_ISSUED, "late", D(1), D("0.5"), "Không kịp thời → 0,5/1 điểm"),
        (PLAN_ISSUED, Timeliness.MISSING, D(1), D(0), "Không ban hành → 0/1 điểm"),
        # yes / no
        (YesNo(), True, D("0.5"), D("0.5"), "Có → 0,5/0,5 điểm"),
        (YesNo(), False, D("0.5"), D(0), "Không → 0/0,5 điểm"),
        # proportional: rate × max, rounded half up to the stated precision, capped at the max
        (Proportional(), D("92.5"), D(2), D("1.85"), "Tỷ lệ 92,5% × 2 điểm = 1,85/2 điểm"),
        (Proportional(), 0, D(2), D(0), "Tỷ lệ 0% × 2 điểm = 0/2 điểm"),
        (Proportional(), 100, D(2), D(2), "Tỷ lệ 100% ≥ 100% → 2/2 điểm"),
        (Proportional(), 130, D(2), D(2), "Tỷ lệ 130% ≥ 100% → 2/2 điểm"),
        (
            Proportional(),
            D("33.335"),
            D(1),
            D("0.33"),
            "Tỷ lệ 33,335% × 1 điểm = 0,33/1 điểm (làm tròn đến 0,01)",
        ),
        (
            Proportional(precision=D("0.1")),
            D("87.5"),
            D(3),
            D("2.6"),
            "Tỷ lệ 87,5% × 3 điểm = 2,6/3 điểm (làm tròn đến 0,1)",
        ),
        (Proportional(target=D(50)), D(45), D(2), D("1.8"), "Tỷ lệ 45% ÷ chỉ tiêu 50% × 2 điểm = 1,8/2 điểm"),
        (Proportional(target=D(50)), D(60), D(2), D(2), "Tỷ lệ 60% đạt chỉ tiêu 50% → 2/2 điểm"),
        # answer mapping: A 100% · B 60% · C 20% · D 0% of the points, letters in either case
        (ABCD, "A", D("1.5"), D("1.5"), "Đáp án A = 100% số điểm → 1,5/1,5 điểm"),
        (ABCD, "b", D("1.5"), D("0.9"), "Đáp án B = 60% số điểm → 0,9/1,5 điểm"),
        (ABCD, " C ", D("1.5"), D("0.3"), "Đáp án C = 20% số điểm → 0,3/1,5 điểm"),
        (ABCD, "D", D("1.5"), D(0), "Đáp án D = 0% số điểm → 0/1,5 điểm"),
        # count against a target per month, proportional or all-or-nothing; or one total
        (ARTICLES, [1] * 12, D(2), D(2), "12/12 tháng đạt ≥ 1 tin bài → 2/2 điểm"),
        (
            ARTICLES,
            [2] * 9 + [0] * 3,
            D(2),
            D("1.5"),
            "9/12 tháng đạt ≥ 1 tin bài → 9 ÷ 12 × 2 điểm = 1,5/2 điểm",
        ),
        (ARTICLES, [0] * 12, D(2), D(0), "0/12 tháng đạt ≥ 1 tin bài → 0 ÷ 12 × 2 điểm = 0/2 điểm"),
        (ARTICLES_ALL, [1] * 12, D(2), D(2), "12/12 tháng đạt ≥ 1 tin bài → 2/2 điểm"),
        (
            ARTICLES_ALL,
            [5] * 11 + [0],
            D(2),
            D(0),
            "11/12 tháng đạt ≥ 1 tin bài, chưa đủ 12 tháng → 0/2 điểm",
        ),
        (INSPECTIONS, 3, D(1), D(1), "3 cuộc kiểm tra, chỉ tiêu ≥ 2 → 1/1 điểm"),
        (INSPECTIONS, 1, D(1), D("0.5"), "1 cuộc kiểm tra, chỉ tiêu ≥ 2 → 1 ÷ 2 × 1 điểm = 0,5/1 điểm"),
        (INSPECTIONS, [2], D(1), D(1), "2 cuộc kiểm tra, chỉ tiêu ≥ 2 → 1/1 điểm"),
        (
            CountTarget(target=2, unit="cuộc kiểm tra", all_or_nothing=True),
            1,
            D(1),
            D(0),
            "1 cuộc kiểm tra, chỉ tiêu ≥ 2, chưa đạt → 0/1 điểm",
        ),
        # bonus: never above its cap (the criterion's max)
        (Bonus(), D("1.5"), D(2), D("1.5"), "Điểm thưởng 1,5 → cộng 1,5 điểm"),
        (Bonus(), D(2), D(2), D(2), "Điểm thưởng 2 → cộng 2 điểm"),
        (Bonus(), D(3), D(2), D(2), "Điểm thưởng 3 vượt mức tối đa 2 → cộng 2 điểm"),
        (
            Bonus(per_item=D("0.5")),
            5,
            D(2),
            D(2),
            "Điểm thưởng 5 × 0,5 = 2,5 vượt mức tối đa 2 → cộng 2 điểm",
        ),
        (Bonus(), 0, D(2), D(0), "Điểm thưởng 0 → cộng 0 điểm"),
        # penalty: negative points, never more than its cap
        (Penalty(), D(1), D(3), D(-1), "Điểm trừ 1 → trừ 1 điểm"),
        (Penalty(per_item=D(1)), 4, D(3), D(-3), "Điểm trừ 4 × 1 = 4 vượt mức trừ tối đa 3 → trừ 3 điểm"),
        # deduction from the max, floored at 0 or at a stated minimum
        (LATE_REPORTS, 0, D(1), D(1), "Không có lần vi phạm nào → 1/1 điểm"),
        (LATE_REPORTS, 3, D(1), D("0.25"), "3 báo cáo chậm × 0,25 = trừ 0,75 → 0,25/1 điểm"),
        (LATE_REPORTS, 4, D(1), D(0), "4 báo cáo chậm × 0,25 = trừ 1 → 0/1 điểm"),
        (LATE_REPORTS, 5, D(1), D(0), "5 báo cáo chậm × 0,25 = trừ 1,25; không thấp hơn 0 → 0/1 điểm"),
        (
            Deduction(per_item=D("0.25"), floor=D("0.5"), unit="báo cáo chậm"),
            3,
            D(1),
            D("0.5"),
            "3 báo cáo chậm × 0,25 = trừ 0,75; không thấp hơn 0,5 → 0,5/1 điểm",
        ),
        (DELAYS_ND335, 1, D(10), D("7.5"), "1 lần chậm × 2,5 (25% của 10) = trừ 2,5 → 7,5/10 điểm"),
        # manual: a person's score with the reason
        (
            Manual(),
            ManualScore(D("1.5"), "Có kế hoạch nhưng thiếu lộ trình"),
            D(2),
            D("1.5"),
            "Chấm trực tiếp 1,5/2 điểm: Có kế hoạch nhưng thiếu lộ trình",
        ),
        (
            Manual(),
            ManualScore(D(0), "Không có tài liệu kiểm chứng"),
            D(2),
            D(0),
            "Chấm trực tiếp 0/2 điểm: Không có tài liệu kiểm chứng",
        ),
        (Manual(), ManualScore(D(2), "Đủ"), D(2), D(2), "Chấm trực tiếp 2/2 điểm: Đủ"),
    ],
)
def test_rule_scores_and_explains(
    rule: Rule, value: object, max_points: Decimal, points: Decimal, explanation: str
) -> None:
    result = rule.score(value, max_points)

    assert (result.points, result.max_points, result.applicable) == (points, max_points, True)
    assert result.explanation == explanation
    assert result.extra == (rule.kind in {"bonus", "penalty"})


@pytest.mark.parametrize(
    "rule",
    [
        PLAN_DONE,
        PLAN_ISSUED,
        YesNo(),
        Proportional(),
        ABCD,
        ARTICLES,
        Bonus(),
        Penalty(),
        LATE_REPORTS,
        Manual(),
    ],
)
def test_a_criterion_that_does_not_apply_leaves_points_and_max(rule: Rule) -> None:
    result = rule.score(NotApplicableInput("Đơn vị không có thủ tục hành chính"), D(2))

    assert (result.points, result.max_points, result.applicable) == (D(0), D(0), False)
    assert result.explanation == (
        "Không áp dụng: Đơn vị không có thủ tục hành chính → không tính vào điểm đạt và điểm tối đa"
    )


def test_the_not_applicable_kind_ignores_any_input() -> None:
    result = NotApplicable(reason="Cấp xã không có nhiệm vụ này").score(None, D(3))

    assert (result.points, result.max_points, result.applicable) == (D(0), D(0), False)
    assert "Cấp xã không có nhiệm vụ này" in result.explanation


@pytest.mark.parametrize(
    ("rule", "value", "message"),
    [
        (ABCD, "E", "Đáp án “E” không có trong bảng quy đổi (A, B, C, D)."),
        (ABCD, None, "Đáp án “None” không có trong bảng quy đổi (A, B, C, D)."),
        (PLAN_DONE, D(-1), "Tỷ lệ không được âm (-1)."),
        (PLAN_DONE, "chín mươi", "Tỷ lệ “chín mươi” không phải là một số."),
        (PLAN_DONE, True, "Tỷ lệ phải là một số, không phải có/không."),
        (Proportional(), "NaN", "Tỷ lệ “NaN” không phải là một số."),
        (PLAN_ISSUED, "sớm", "Tình trạng phải là kịp thời, không kịp thời hoặc không thực hiện."),
        (YesNo(), "có", "Chỉ chọn “Có” hoặc “Không”."),
        (ARTICLES, [1] * 11, "Cần số lượng của đủ 12 tháng, mới có 11 tháng."),
        (ARTICLES, 12, "Cần số lượng của từng tháng (12 tháng)."),
        (ARTICLES, [1] * 11 + [-1], "Số lượng mỗi tháng không được âm (-1)."),
        (INSPECTIONS, D("1.5"), "Cần số lượng của từng tháng (1 tháng)."),
        (Bonus(), D(-1), "Điểm thưởng không được âm (-1)."),
        (Bonus(per_item=D(1)), D("1.5"), "Số lần tính điểm thưởng phải là một số nguyên."),
        (LATE_REPORTS, -1, "Số lần vi phạm không được âm (-1)."),
        (Manual(), D(1), "Cần nhập điểm và lý do chấm."),
        (Manual(), ManualScore(D("2.5"), "Vượt"), "Điểm 2,5 phải từ 0 đến 2."),
        (Manual(), ManualScore(D(-1), "Âm"), "Điểm -1 phải từ 0 đến 2."),
        (Manual(), ManualScore(D(1), "  "), "Cần ghi lý do cho điểm chấm trực tiếp."),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message(rule: Rule, value: object, message: str) -> None:
    with pytest.raises(InvalidInput) as error:
        rule.score(value, D(2))

    assert str(error.value) == message


def test_an_unverified_rule_says_so_in_every_explanation() -> None:
    rule = TimelinessRule(on_time=D(1), late=D("0.5"), unverified=True)

    assert rule.score("late", D(1)).explanation == "Không kịp thời → 0,5/1 điểm (quy tắc chưa đối chiếu)"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"points": D(1), "lower": D(70)},
            "Mỗi ngưỡng dưới phải ghi rõ có tính cả giá trị bằng ngưỡng hay không (≥ hay >).",
        ),
        (
            {"points": D(1), "upper": D(90)},
            "Mỗi ngưỡng trên phải ghi rõ có tính cả giá trị bằng ngưỡng hay không (≤ hay <).",
        ),
        (
            {
                "points": D(1),
                "lower": D(90),
                "lower_inclusive": True,
                "upper": D(70),
                "upper_inclusive": True,
            },
            "Mức từ 90% đến 70% không chứa giá trị nào.",
        ),
        (
            {
                "points": D(1),
                "lower": D(90),
                "lower_inclusive": True,
                "upper": D(90),
                "upper_inclusive": False,
            },
            "Mức từ 90% đến dưới 90% không chứa giá trị nào.",
        ),
    ],
)
def test_a_tier_states_its_edges(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as error:
        Tier(**kwargs)  # type: ignore[arg-type]

    assert str(error.value) == message


@pytest.mark.parametrize(
    ("rule", "max_points", "problems"),
    [
        (PLAN_DONE, D(2), []),
        (PLAN_DONE, D(1), ["Mức > 90%: 2 điểm, vượt điểm tối đa 1."]),
        (
            # 90% itself would be in both tiers
            Tiered(
                tiers=(
                    Tier(D(2), lower=D(90), lower_inclusive=True),
                    Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
                )
            ),
            D(2),
            ["Mức ≥ 90% và mức từ 70% đến 90% chồng nhau: một giá trị không được thuộc hai mức."],
        ),
        (
            # 90% itself would be in no tier
            Tiered(
                tiers=(
                    Tier(D(2), lower=D(90), lower_inclusive=False),
                    Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=False),
                )
            ),
            D(2),
            [
                "Giữa mức từ 70% đến dưới 90% và mức > 90% có giá trị không thuộc mức nào: ghi rõ ngưỡng thuộc về mức nào."
            ],
        ),
        (Tiered(tiers=()), D(2), ["Quy tắc theo mức chưa có mức nào."]),
        (
            TimelinessRule(on_time=D(1), late=D("1.5")),
            D(1),
            [
                "Không kịp thời: 1,5 điểm, vượt điểm tối đa 1.",
                "Điểm phải giảm dần: kịp thời ≥ không kịp thời ≥ không thực hiện.",
            ],
        ),
        (
            AnswerMap(answers=(("A", D(120)), ("a", D(50)))),
            D(1),
            ["Đáp án A: tỷ lệ phải từ 0% đến 100%.", "Đáp án a bị lặp."],
        ),
        (
            CountTarget(target=0, periods=0),
            D(1),
            ["Chỉ tiêu số lượng phải từ 1 trở lên.", "Số kỳ phải từ 1 trở lên."],
        ),
        (
            Deduction(per_item=D(0), floor=D(2)),
            D(1),
            ["Điểm trừ mỗi lần phải lớn hơn 0.", "Mức sàn 2 phải từ 0 đến điểm tối đa 1."],
        ),
        (Proportional(target=D(0)), D(1), ["Chỉ tiêu của quy tắc tỷ lệ phải lớn hơn 0."]),
    ],
)
def test_rule_problems_are_reported_for_the_set_editor(
    rule: Rule, max_points: Decimal, problems: list[str]
) -> None:
    assert rule.problems(max_points) == problems


@pytest.mark.parametrize(
    "rule",
    [
        PLAN_DONE,
        PLAN_DONE_FLOOR,
        PLAN_ISSUED,
        YesNo(yes_label="Đã ban hành", no_label="Chưa ban hành"),
        Proportional(target=D(50), precision=D("0.1"), unverified=True),
        ABCD,
        ARTICLES_ALL,
        INSPECTIONS,
        Bonus(per_item=D("0.5")),
        Penalty(),
        DELAYS_ND335,
        Deduction(per_item=D("0.25"), floor=D("0.5")),
        Manual(guide="Chấm theo mức độ hoàn thành"),
        NotApplicable(reason="Không có TTHC"),
    ],
)
def test_every_rule_round_trips_through_a_plain_dict(rule: Rule) -> None:
    data = rule_to_dict(rule)

    assert data["kind"] == rule.kind
    assert rule_from_dict(data) == rule
    assert all(not isinstance(value, Decimal) for value in data.values())  # JSON-ready


def test_a_rule_from_json_reads_points_written_as_text_or_numbers() -> None:
    rule = rule_from_dict({"kind": "timeliness", "on_time": 1, "late": "0,5"})

    assert rule == TimelinessRule(on_time=D(1), late=D("0.5"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "formula"}, "Loại quy tắc “formula” không được hỗ trợ."),
        ({}, "Loại quy tắc “None” không được hỗ trợ."),
        ({"kind": "timeliness", "on_time": "1"}, "Quy tắc thiếu tham số: late."),
        ({"kind": "yes_no", "points": "1"}, "Tham số không có trong quy tắc: points."),
        (
            {"kind": "timeliness", "on_time": "một", "late": 0},
            "Tham số “on_time”: giá trị “một” không phải là một số.",
        ),
        ({"kind": "count_target", "target": "1"}, "Tham số “target” có giá trị không hợp lệ: '1'."),
        (
            {"kind": "tiered", "tiers": [{"points": "2", "lower": "90"}]},
            "Mỗi ngưỡng dưới phải ghi rõ có tính cả giá trị bằng ngưỡng hay không (≥ hay >).",
        ),
    ],
)
def test_a_rule_dict_that_cannot_be_read_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as error:
        rule_from_dict(data)

    assert str(error.value) == message


RATES = st.decimals(min_value=0, max_value=200, places=3, allow_nan=False, allow_infinity=False)


@given(rate=RATES)
def test_every_rate_falls_in_exactly_one_tier_of_a_table_without_problems(rate: Decimal) -> None:
    assert PLAN_DONE.problems(D(2)) == []
    assert sum(1 for tier in PLAN_DONE.tiers if tier.contains(rate)) == 1


@given(rate=RATES, max_points=st.decimals(min_value=0, max_value=20, places=2))
def test_proportional_points_stay_between_zero_and_the_max(rate: Decimal, max_points: Decimal) -> None:
    points = Proportional().score(rate, max_points).points

    assert D(0) <= points <= max_points
