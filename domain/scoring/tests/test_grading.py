"""Grading: bands at their edges, conditions that cap the grade whatever the points, scale problems."""

from decimal import Decimal

import pytest

from domain.scoring.grading import ND335_RATING, PAR_GROUPS, Band, Condition, GradingScale
from domain.scoring.values import InvalidInput

D = Decimal


@pytest.mark.parametrize(
    ("value", "code", "explanation"),
    [
        (D(100), "excellent", "100 điểm ≥ 90 điểm → Hoàn thành xuất sắc nhiệm vụ"),
        (D(90), "excellent", "90 điểm ≥ 90 điểm → Hoàn thành xuất sắc nhiệm vụ"),
        (D("89.99"), "good", "89,99 điểm ≥ 70 điểm → Hoàn thành tốt nhiệm vụ"),
        (D(70), "good", "70 điểm ≥ 70 điểm → Hoàn thành tốt nhiệm vụ"),
        (D("69.5"), "completed", "69,5 điểm ≥ 50 điểm → Hoàn thành nhiệm vụ"),
        (D(50), "completed", "50 điểm ≥ 50 điểm → Hoàn thành nhiệm vụ"),
        (D("49.99"), "not_completed", "49,99 điểm < 50 điểm → Không hoàn thành nhiệm vụ"),
        (D(0), "not_completed", "0 điểm < 50 điểm → Không hoàn thành nhiệm vụ"),
    ],
)
def test_civil_servant_ratings_under_decree_335(value: Decimal, code: str, explanation: str) -> None:
    grade = ND335_RATING.grade(value)

    assert (grade.code, grade.explanation) == (code, explanation)


def test_discipline_rates_not_completed_whatever_the_points() -> None:
    grade = ND335_RATING.grade(D(95), met=["disciplined"])

    assert grade.code == "not_completed"
    assert grade.explanation == (
        "95 điểm ≥ 90 điểm → Hoàn thành xuất sắc nhiệm vụ; Bị kỷ luật từ khiển trách trở lên trong năm "
        "→ Không hoàn thành nhiệm vụ"
    )


def test_an_unknown_condition_is_refused() -> None:
    with pytest.raises(InvalidInput) as error:
        ND335_RATING.grade(D(95), met=["late"])

    assert str(error.value) == "Điều kiện không có trong thang Xếp loại chất lượng công chức: late."


@pytest.mark.parametrize(
    ("index", "code"),
    [(D(90), "A"), (D("89.99"), "B"), (D(80), "B"), (D(70), "C"), (D("69.99"), "below_c")],
)
def test_par_ranking_groups(index: Decimal, code: str) -> None:
    grade = PAR_GROUPS.grade(index)

    assert grade.code == code
    assert grade.explanation.endswith("(thang chưa đối chiếu)")


def test_thresholds_are_configurable() -> None:
    contest = GradingScale(
        "Xếp loại thi đua khối",
        "Kế hoạch thi đua 2026",
        (Band("1", "Hạng nhất", D(95)), Band("2", "Còn lại", None)),
    )

    assert contest.problems() == []
    assert contest.grade(D("94.9")).explanation == "94,9% < 95% → Còn lại"


@pytest.mark.parametrize(
    ("bands", "conditions", "problems"),
    [
        (
            (Band("A", "A", D(90)), Band("B", "B", D(80))),
            (),
            ["Mức thấp nhất không có ngưỡng dưới: nó nhận mọi giá trị còn lại."],
        ),
        (
            (Band("A", "A", D(80)), Band("B", "B", D(90)), Band("C", "C", None)),
            (),
            ["Ngưỡng của các mức phải giảm dần, từ mức cao nhất xuống."],
        ),
        ((Band("A", "A", None), Band("B", "B", None)), (), ["Chỉ mức thấp nhất được để trống ngưỡng dưới."]),
        (
            (Band("A", "A", D(90)), Band("A", "B", None)),
            (Condition("x", "Vi phạm", "Z"),),
            ["Mã mức A bị lặp.", "Điều kiện “Vi phạm” chỉ đến mức Z không có trong thang."],
        ),
    ],
)
def test_scale_problems(
    bands: tuple[Band, ...], conditions: tuple[Condition, ...], problems: list[str]
) -> None:
    assert GradingScale("Thang", "Nguồn", bands, conditions=conditions).problems() == problems


def test_the_shipped_scales_are_consistent() -> None:
    assert PAR_GROUPS.problems() == []
    assert ND335_RATING.problems() == []


def test_a_value_below_a_scale_without_a_lowest_band_is_refused() -> None:
    scale = GradingScale("Thang", "Nguồn", (Band("A", "A", D(90)),))

    with pytest.raises(InvalidInput) as error:
        scale.grade(D(50))

    assert str(error.value) == "50% không thuộc mức nào của thang Thang."
