"""Entries as people type them, read into the engine's inputs: one field per rule kind, direct points on any rule,
"không áp dụng" with its reason, and what cannot be read refused in Vietnamese."""

from decimal import Decimal

import pytest

from domain.scoring.entries import Entry, InputKind, entry_input, input_kind, scorable, scorecard_inputs
from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Manual,
    NotApplicable,
    Penalty,
    Proportional,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.scoring import score_criteria
from domain.scoring.tree import Criterion
from domain.scoring.values import InvalidInput, ManualScore, NotApplicableInput

D = Decimal
TIERS = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
        Tier(D(0), upper=D(70), upper_inclusive=False),
    )
)
ANSWERS = AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20)), ("D", D(0))))
TIMELY = TimelinessRule(on_time=D(1), late=D("0.5"))


@pytest.mark.parametrize(
    ("rule", "kind"),
    [
        (None, InputKind.POINTS),
        (Manual(), InputKind.POINTS),
        (TIERS, InputKind.RATE),
        (Proportional(), InputKind.RATE),
        (YesNo(), InputKind.YES_NO),
        (TIMELY, InputKind.TIMELINESS),
        (ANSWERS, InputKind.ANSWER),
        (CountTarget(target=1), InputKind.COUNT),
        (CountTarget(target=1, periods=12), InputKind.COUNTS),
        (Deduction(per_item=D("0.25")), InputKind.COUNT),
        (Bonus(), InputKind.AMOUNT),
        (Bonus(per_item=D("0.5")), InputKind.COUNT),
        (Penalty(), InputKind.AMOUNT),
        (NotApplicable(), InputKind.NONE),
    ],
)
def test_each_rule_asks_for_its_own_field(rule, kind):
    assert input_kind(rule) == kind


@pytest.mark.parametrize(
    ("rule", "typed", "points"),
    [
        (TIERS, "92,5", D(2)),
        (TIERS, "90%", D(1)),  # exactly 90%: the middle band, as the guide says "từ 70% đến 90%"
        (TIERS, "70", D(1)),
        (TIERS, "69,99", D(0)),
        (YesNo(), "Có", D(2)),
        (YesNo(), "không", D(0)),
        (TIMELY, "kịp thời", D(1)),
        (TIMELY, "Không kịp thời", D("0.5")),
        (TIMELY, "missing", D(0)),
        (ANSWERS, "b", D("1.2")),
        (CountTarget(target=1, periods=3), "1, 2; 0", D("1.33")),
        (CountTarget(target=4), "3", D("1.5")),
        (Deduction(per_item=D("0.25")), "2", D("1.5")),
    ],
)
def test_typed_figures_are_scored_by_the_rule(rule, typed, points):
    value = entry_input(Entry(value=typed), rule)
    assert rule.score(value, D(2)).points == points


@pytest.mark.parametrize(
    ("rule", "typed", "message"),
    [
        (TIERS, "chín mươi", "không phải là một số"),
        (TIERS, "-5", "không được âm"),
        (TIERS, "9250", "không hợp lý"),
        (YesNo(), "có lẽ", "Có hoặc Không"),
        (TIMELY, "sớm", "kịp thời"),
        (CountTarget(target=1), "1,5", "số nguyên"),
        (Manual(), "2", "nhập điểm trực tiếp"),
    ],
)
def test_what_a_rule_cannot_read_is_refused_in_vietnamese(rule, typed, message):
    with pytest.raises(InvalidInput, match=message):
        entry_input(Entry(value=typed), rule)


def test_direct_points_on_any_rule_need_a_reason_and_stay_within_the_maximum():
    value = entry_input(Entry(points=D("1.5"), reason="Thẩm định: thiếu tài liệu kiểm chứng"), TIERS)
    assert isinstance(value, ManualScore)
    result = TIERS.score(value, D(2))
    assert result.points == D("1.5")
    assert "Chấm trực tiếp 1,5/2 điểm: Thẩm định: thiếu tài liệu kiểm chứng" in result.explanation
    with pytest.raises(InvalidInput, match="phải từ 0 đến 2"):
        TIERS.score(ManualScore(D("2.5"), "lý do"), D(2))
    with pytest.raises(InvalidInput, match="phải từ 0 đến 2"):
        TIERS.score(ManualScore(D(-1), "lý do"), D(2))
    with pytest.raises(InvalidInput, match="lý do"):
        TIERS.score(ManualScore(D(1), "  "), D(2))


def test_direct_points_on_a_penalty_are_taken_off():
    result = Penalty().score(ManualScore(D(1), "Chậm báo cáo hai lần"), D(2))
    assert result.points == D(-1)
    assert "trừ 1/2 điểm" in result.explanation


def test_not_applicable_needs_a_reason():
    assert entry_input(Entry(not_applicable=True, reason="Không có đơn vị trực thuộc"), TIERS) == (
        NotApplicableInput("Không có đơn vị trực thuộc")
    )
    with pytest.raises(InvalidInput, match="lý do không áp dụng"):
        entry_input(Entry(not_applicable=True), TIERS)


def test_an_entry_round_trips_through_its_stored_form():
    entry = Entry(value=" 85 ", points=D("1.25"), not_applicable=False, reason="  thiếu   biên bản ")
    stored = entry.to_dict()
    assert stored == {"value": "85", "points": "1.25", "reason": "thiếu biên bản"}
    assert Entry.from_dict(stored) == Entry(value="85", points=D("1.25"), reason="thiếu biên bản")
    assert Entry.from_dict(None).empty


TREE = (
    Criterion(
        "1",
        "Chỉ đạo, điều hành",
        children=(
            Criterion("1.1", "Kế hoạch CCHC", D(1), rule=TIMELY),
            Criterion("1.2", "Thực hiện kế hoạch", D(2), rule=TIERS),
            Criterion(
                "1.3",
                "Kiểm tra",
                D(2),
                rule=Proportional(),
                children=(Criterion("1.3.1", "Số đơn vị được kiểm tra", D(1)),),
            ),
        ),
    ),
    Criterion("2", "Điểm thưởng", D(1), rule=Bonus()),
)


def test_only_criteria_that_take_an_entry_are_listed():
    assert [node.code for node in scorable(TREE)] == ["1.1", "1.2", "1.3", "2"]


def test_a_whole_tree_is_scored_from_entries_and_bad_entries_are_named():
    entries = {
        "1.1": Entry(value="kịp thời"),
        "1.2": Entry(value="abc"),
        "1.3": Entry(not_applicable=True, reason="Không có đơn vị trực thuộc"),
        "2": Entry(value="3"),
    }
    inputs, problems = scorecard_inputs(TREE, entries)
    assert problems == {"1.2": "Tỷ lệ “abc” không phải là một số."}
    card = score_criteria(TREE, inputs)
    # 1 of the 3 points that apply (1.3 does not), rescaled to 5, plus the bonus capped at 1
    assert card.points == D(1)
    assert card.applicable_max == D(3)
    assert card.bonus == D(1)
    assert card.total == D("2.67")
    assert card.unscored == ("1.2",)
