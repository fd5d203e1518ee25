"""Criteria trees: maxima, validation problems a set editor reads, dict round trips, the set in force on a date."""

from datetime import date
from decimal import Decimal

import pytest

from domain.scoring.rules import Bonus, NotApplicable, Penalty, Proportional, Tier, Tiered, TimelinessRule
from domain.scoring.tree import (
    Criterion,
    Method,
    RuleSet,
    criterion_from_dict,
    rule_set_in_force,
    validate_criteria,
)
from domain.scoring.values import RuleError

D = Decimal

PLAN_DONE = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
    )
)


def area(code: str, max_points: Decimal | None, *children: Criterion) -> Criterion:
    return Criterion(code, f"Lĩnh vực {code}", max_points, children=children)


def leaf(code: str, max_points: Decimal | None, rule: object = None, **kwargs: object) -> Criterion:
    return Criterion(code, f"Tiêu chí {code}", max_points, rule=rule, **kwargs)  # type: ignore[arg-type]


def test_a_parent_without_a_stated_max_is_the_sum_of_its_children_bonus_left_out() -> None:
    node = area(
        "1", None, leaf("1.1", D(1)), area("1.2", None, leaf("1.2.1", D("0.5")), leaf("1.2.2", D("1.5")))
    )
    with_bonus = area("1", None, leaf("1.1", D(1)), leaf("1.2", D(2), Bonus()))

    assert node.full_max() == D(3)
    assert with_bonus.full_max() == D(1)
    assert [n.code for n in node.walk()] == ["1", "1.1", "1.2", "1.2.1", "1.2.2"]


@pytest.mark.parametrize(
    ("criteria", "total", "problems"),
    [
        ((area("1", D(3), leaf("1.1", D(1)), leaf("1.2", D(2), PLAN_DONE)),), D(3), []),
        (
            (area("1", D(3), leaf("1.1", D(1)), leaf("1.1", D(2))),),
            None,
            ["Mã tiêu chí 1.1 bị lặp (2 lần)."],
        ),
        (
            (area("1", D(3), leaf("1.1", D(1)), leaf("1.2", D("1.5"))),),
            None,
            ["Tiêu chí 1: điểm tối đa 3 nhưng các tiêu chí thành phần cộng lại 2,5."],
        ),
        (
            (area("1", None, leaf("1.1", D(-1)), leaf("1.2", None)),),
            None,
            ["Tiêu chí 1.1: điểm tối đa không được âm (-1).", "Tiêu chí 1.2: chưa có điểm tối đa."],
        ),
        (
            (area("1", D(1), leaf("1.1", D(1), PLAN_DONE)),),
            None,
            ["Tiêu chí 1.1: Mức > 90%: 2 điểm, vượt điểm tối đa 1."],
        ),
        (
            (area("1", D(3), leaf("1.1", D(3))), area("2", D(5), leaf("2.1", D(5)))),
            D(10),
            ["Các lĩnh vực cộng lại 8 điểm, khác tổng 10 điểm của bộ tiêu chí."],
        ),
        # a parent with its own rule is not checked against its children, a bonus group not against the scale
        ((leaf("1", D(2), PLAN_DONE, children=(leaf("1.1", D(5)),)),), D(2), []),
        (
            (
                area("1", D(3), leaf("1.1", D(3))),
                area("9", D(5), leaf("9.1", D(3), Bonus()), leaf("9.2", D(4), Penalty())),
            ),
            D(3),
            [],
        ),
        ((area("1", D(3), leaf("1.1", D(3)), leaf("1.2", None, NotApplicable())),), None, []),
        ((leaf(" ", D(1)),), None, ["Tiêu chí “Tiêu chí  ” chưa có mã."]),
    ],
)
def test_tree_validation_lists_problems_in_vietnamese(
    criteria: tuple[Criterion, ...], total: Decimal | None, problems: list[str]
) -> None:
    assert validate_criteria(criteria, total) == problems


def test_a_tree_round_trips_through_a_plain_dict() -> None:
    tree = area(
        "3",
        D(13),
        leaf(
            "3.1",
            D(1),
            TimelinessRule(on_time=D(1), late=D("0.5")),
            method=Method.COMPUTED,
            evidence="Kế hoạch",
        ),
        leaf(
            "3.2", D(12), Proportional(), method=Method.SURVEY, guide="Tỷ lệ hài lòng × điểm", unverified=True
        ),
    )

    assert criterion_from_dict(tree.to_dict()) == tree


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "Không mã"}, "Mỗi tiêu chí cần có mã và tên."),
        (
            {"code": "1", "title": "A", "method": "guess"},
            "Tiêu chí 1: phương pháp “guess” không được hỗ trợ.",
        ),
        (
            {"code": "1", "title": "A", "max_points": "hai"},
            "Tiêu chí 1: điểm tối đa “hai” không phải là một số.",
        ),
        (
            {"code": "1", "title": "A", "rule": {"kind": "x"}},
            "Tiêu chí 1: Loại quy tắc “x” không được hỗ trợ.",
        ),
    ],
)
def test_a_tree_dict_that_cannot_be_read_is_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as error:
        criterion_from_dict(data)

    assert str(error.value) == message


def rule_set(name: str, start: date, end: date | None, level: str = "so") -> RuleSet:
    return RuleSet(name, f"Quyết định {name}", start, end, level, (leaf("1", D(100)),), total_points=D(100))


SET_2023 = rule_set("1156/QĐ-UBND", date(2023, 1, 1), date(2024, 12, 31))
SET_2025 = rule_set("5666/QĐ-UBND", date(2025, 1, 1), None)  # no end: in force until replaced
SET_2026 = rule_set("99/QĐ-UBND", date(2026, 1, 1), None)
SET_XA_2025 = rule_set("5667/QĐ-UBND", date(2025, 1, 1), None, level="xa")


@pytest.mark.parametrize(
    ("on", "level", "expected"),
    [
        (date(2023, 1, 1), "so", SET_2023),  # first day in force
        (date(2024, 12, 31), "so", SET_2023),  # last day in force
        (date(2025, 1, 1), "so", SET_2025),
        (date(2025, 12, 31), "so", SET_2025),
        (date(2026, 1, 1), "so", SET_2026),  # the newer decision replaces the one left open
        (date(2025, 6, 1), "xa", SET_XA_2025),
        (date(2022, 12, 31), "so", None),
        (date(2024, 6, 1), "xa", None),
    ],
)
def test_the_set_in_force_on_a_date(on: date, level: str, expected: RuleSet | None) -> None:
    assert rule_set_in_force([SET_2026, SET_XA_2025, SET_2025, SET_2023], on, level) == expected


def test_two_sets_starting_the_same_day_for_one_level_are_an_error() -> None:
    twin = rule_set("5670/QĐ-UBND", date(2025, 1, 1), None)

    with pytest.raises(RuleError) as error:
        rule_set_in_force([SET_2025, twin], date(2025, 3, 1), "so")

    assert "Có hai bộ tiêu chí cùng hiệu lực từ ngày 01/01/2025" in str(error.value)


def test_a_rule_set_checks_its_dates_source_and_tree() -> None:
    broken = RuleSet(
        "Bộ mẫu", " ", date(2026, 1, 1), date(2025, 1, 1), "so", (leaf("1", D(90)),), total_points=D(100)
    )

    assert broken.problems() == [
        "Ngày hết hiệu lực phải sau ngày có hiệu lực.",
        "Cần ghi văn bản ban hành bộ tiêu chí (số, ngày).",
        "Các lĩnh vực cộng lại 90 điểm, khác tổng 100 điểm của bộ tiêu chí.",
    ]
