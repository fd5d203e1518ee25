"""Nghị định 335/2025 task-result points, the month → quarter rule and the 20% cap, table-driven."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from domain.ratings.quota import Rated, apply_quota
from domain.ratings.rules import ND335, Aggregation, QuotaRounding, rules_in_force
from domain.ratings.tasks import LeaderParts, Product, period_result, task_result
from domain.scoring.grading import ND335_RATING
from domain.scoring.values import InvalidInput

D = Decimal
DONE = Product("Báo cáo", completed=True, to_standard=True)


@pytest.mark.parametrize(
    ("products", "a", "b", "c", "points"),
    [
        ([DONE, DONE, DONE, DONE], "100", "100", "100", "70"),
        # one of four not done: a = b = c = 75% → 52,5
        ([DONE, DONE, DONE, Product("Đề án")], "75", "75", "75", "52.5"),
        # returned once for a major fault: its quality points −25%
        ([DONE, replace(DONE, major_faults=1)], "100", "87.5", "100", "67.08"),
        # late twice: its timeliness points −50%
        ([DONE, replace(DONE, delays=2)], "100", "100", "75", "64.17"),
        # late with an objective cause confirmed: nothing taken off
        ([DONE, replace(DONE, delays=2, exempt=True)], "100", "100", "100", "70"),
        # done but not to standard: counts for quantity and timeliness only
        ([DONE, replace(DONE, to_standard=False)], "100", "50", "100", "58.33"),
        # five faults cannot take more than the product's points
        ([replace(DONE, major_faults=5)], "100", "0", "100", "46.67"),
        # converted units weigh the products: a 3-unit project not done against a 1-unit report done
        ([DONE, Product("Đề án", units=D(3))], "25", "25", "25", "17.5"),
    ],
)
def test_staff_task_points(products, a, b, c, points):
    result = task_result(products, ND335)
    assert (result.a, result.b, result.c, result.points) == (D(a), D(b), D(c), D(points))


def test_a_leader_adds_the_units_result_and_leadership_and_says_the_formula_is_unverified():
    result = task_result([DONE, DONE], ND335, LeaderParts(D("0.8"), D(1), D("0.5")))
    # (100 + 100 + 100 + 80 + 100 + 50) ÷ 6 × 70 = 61,83
    assert result.points == D("61.83")
    assert "(a + b + c + d + đ + e) ÷ 6" in result.explanation and "chưa đối chiếu" in result.explanation


def test_nothing_assigned_is_not_rated_and_bad_products_are_refused():
    assert task_result([], ND335) is None
    with pytest.raises(InvalidInput, match="lớn hơn 0"):
        task_result([Product("X", units=D(0))], ND335)
    with pytest.raises(InvalidInput, match="chưa hoàn thành"):
        task_result([Product("X", to_standard=True)], ND335)


def test_a_quarter_adds_up_its_products_or_averages_its_months_as_the_parameter_says():
    january, february, march = [DONE], [DONE, Product("Kế hoạch")], []
    cumulative = period_result([january, february, march], ND335)
    assert cumulative.a == D("66.67") and "cộng dồn" in cumulative.explanation
    assert "chưa đối chiếu" in cumulative.explanation
    by_month = period_result(
        [january, february, march], replace(ND335, aggregation=Aggregation.MEAN_OF_MONTHS)
    )
    assert by_month.points == D("52.5")  # (70 + 35) ÷ 2, the month without products left out


@pytest.mark.parametrize(
    ("excellent", "good", "rounding", "kept"),
    [
        (3, 7, QuotaRounding.DOWN, 2),  # 20% of 10 = 2
        (3, 4, QuotaRounding.DOWN, 1),  # 20% of 7 = 1,4 → 1
        (3, 4, QuotaRounding.UP, 2),
        (1, 1, QuotaRounding.DOWN, 0),  # 20% of 2 = 0,4 → nobody
        (1, 1, QuotaRounding.NEAREST, 0),
        (2, 3, QuotaRounding.NEAREST, 1),  # 20% of 5 = 1
    ],
)
def test_the_cap_on_excellent_keeps_the_highest_points(excellent, good, rounding, kept):
    people = [Rated(f"x{i}", f"Xuất sắc {i}", D(99 - i), "excellent") for i in range(excellent)]
    people += [Rated(f"g{i}", f"Tốt {i}", D(80), "good") for i in range(good)]
    people.append(Rated("c", "Hoàn thành", D(60), "completed"))
    out = apply_quota(people, replace(ND335, quota_rounding=rounding))
    still = [p.key for p in out if p.grade == "excellent"]
    assert still == [f"x{i}" for i in range(kept)]
    moved = [p for p in out if p.key.startswith("x") and p.grade == "good"]
    assert len(moved) == excellent - kept
    assert all("vượt tỷ lệ 20%" in p.explanation for p in moved)


def test_the_rule_set_is_dated_and_checks_itself():
    assert rules_in_force((ND335,), date(2025, 12, 31)) is None
    assert rules_in_force((ND335,), date(2026, 1, 1)) is ND335
    assert ND335.problems() == []
    assert replace(ND335, general_max=D(20)).problems() == [
        "Điểm tiêu chí chung và điểm kết quả nhiệm vụ phải cộng lại 100."
    ]


def test_general_plus_task_points_are_graded_on_the_shared_scale():
    tasks = task_result([DONE, DONE, DONE, replace(DONE, delays=1)], ND335)
    total = D(28) + tasks.points  # general criteria entered by the head
    assert total == D("96.54")  # c = (3 + 0,75) ÷ 4 = 93,75% → 68,54 + 28
    assert ND335_RATING.grade(total).code == "excellent"
    assert ND335_RATING.grade(total, met=["disciplined"]).code == "not_completed"


def test_a_worked_month_two_delays_a_returned_product_and_an_exemption():
    """Bà A, tháng 3: five reports assigned (one weighted 2 by the head): R1 on time and accepted; R2 late twice
    (returned once after the deadline, then late again); R3 returned once for a major fault, then accepted on
    time; R4 late with the flood as an objective cause confirmed by the head; R5 (2 units) not done."""
    month = [
        Product("R1", completed=True, to_standard=True),
        Product("R2", completed=True, to_standard=True, delays=2),
        Product("R3", completed=True, to_standard=True, major_faults=1),
        Product("R4", completed=True, to_standard=True, delays=1, exempt=True),
        Product("R5", units=D(2)),
    ]
    result = task_result(month, ND335)
    # 6 units assigned; quantity 4; quality 1 + 1 + 0,75 + 1 = 3,75; timeliness 1 + 0,5 + 1 + 1 = 3,5
    assert (result.a, result.b, result.c) == (D("66.67"), D("62.5"), D("58.33"))
    # (66,67 + 62,5 + 58,33) ÷ 3 × 70 = 43,75
    assert result.points == D("43.75")
    grade = ND335_RATING.grade(result.points + D(28))
    assert grade.code == "good"  # 71,75 điểm
