"""SIPAS indices against a campaign worked out by hand.

The worked campaign: ten responses, two aspects, three factors, four questions. "-" is an unanswered question,
0 is "Không ý kiến"; satisfied means 4 (Hài lòng) or 5 (Rất hài lòng).

    response  Q1  Q2  Q3  Q4       tree: overall ─ A1 ─ F1 ─ Q1, Q2
    R1         5   4   4   5                     │    └ F2 ─ Q3
    R2         4   4   3   4                     └ A2 ─ F3 ─ Q4
    R3         3   2   0   4
    R4         5   5   4   -
    R5         4   0   5   2
    R6         2   3   -   4
    R7         4   4   4   5
    R8         0   5   1   3
    R9         5   -   4   4
    R10        -   3   0   5

Per question (satisfied / valid; không ý kiến; unanswered):
    Q1: 6/8 = 75.00 %   (1; 1)        Q2: 5/8 = 62.50 %   (1; 1)
    Q3: 5/7 = 71.43 %   (2; 1)        Q4: 7/9 = 77.78 %   (0; 1)

Mean of the parts (the default):
    F1 = (6/8 + 5/8) / 2 = 11/16 = 68.75 %      F2 = 5/7 = 71.43 %      F3 = 7/9 = 77.78 %
    A1 = (11/16 + 5/7) / 2 = 157/224 = 70.09 %  A2 = 7/9 = 77.78 %
    overall = (157/224 + 7/9) / 2 = 2981/4032 = 73.93 %

Pooled (satisfied ÷ valid over every question under the node):
    F1 = 11/16 = 68.75 %   A1 = 16/23 = 69.57 %   overall = 23/32 = 71.88 %

Margins (95 %): Q1 with n = 8, p = 0.75: 1.96·√(0.75·0.25/8) = 30.01 points; with N = 40 dossiers handled,
× √(32/39) = 27.18 points. F1's n is its respondents with a valid answer to Q1 or Q2: all ten.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from domain.survey_index import (
    Aggregation,
    Node,
    Tally,
    combine,
    compute,
    margin_of_error,
    sample_size,
    tally,
)

ANSWERS = {
    "R1": ("5", "4", "4", "5"),
    "R2": ("4", "4", "3", "4"),
    "R3": ("3", "2", "0", "4"),
    "R4": ("5", "5", "4", None),
    "R5": ("4", "0", "5", "2"),
    "R6": ("2", "3", None, "4"),
    "R7": ("4", "4", "4", "5"),
    "R8": ("0", "5", "1", "3"),
    "R9": ("5", None, "4", "4"),
    "R10": (None, "3", "0", "5"),
}
QUESTIONS = ("Q1", "Q2", "Q3", "Q4")
TREE = Node(
    "overall",
    "Chung",
    parts=(
        Node("A1", parts=(Node("F1", parts=(Node("Q1"), Node("Q2"))), Node("F2", parts=(Node("Q3"),)))),
        Node("A2", parts=(Node("F3", parts=(Node("Q4"),)),)),
    ),
)


def worked_tallies() -> dict[str, Tally]:
    out = {}
    for column, key in enumerate(QUESTIONS):
        counts: dict[str, int] = {}
        for values in ANSWERS.values():
            if values[column] is not None:
                counts[values[column]] = counts.get(values[column], 0) + 1
        out[key] = tally(counts, responses=len(ANSWERS))
    return out


def worked(aggregation: Aggregation, population: int | None = None):
    return compute(
        TREE,
        worked_tallies(),
        responses=10,
        respondents={"F1": 10, "F2": 9, "F3": 9, "A1": 10, "A2": 9, "overall": 10},
        population=population,
        aggregation=aggregation,
    )


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("Q1", Tally(satisfied=6, valid=8, no_opinion=1, unanswered=1)),
        ("Q2", Tally(satisfied=5, valid=8, no_opinion=1, unanswered=1)),
        ("Q3", Tally(satisfied=5, valid=7, no_opinion=2, unanswered=1)),
        ("Q4", Tally(satisfied=7, valid=9, no_opinion=0, unanswered=1)),
    ],
)
def test_tallies_exclude_and_count_no_opinion_and_unanswered(key, expected):
    assert worked_tallies()[key] == expected


@pytest.mark.parametrize(
    ("aggregation", "key", "index", "percent"),
    [
        (Aggregation.MEAN, "Q1", Fraction(6, 8), "75.00"),
        (Aggregation.MEAN, "Q2", Fraction(5, 8), "62.50"),
        (Aggregation.MEAN, "Q3", Fraction(5, 7), "71.43"),
        (Aggregation.MEAN, "Q4", Fraction(7, 9), "77.78"),
        (Aggregation.MEAN, "F1", Fraction(11, 16), "68.75"),
        (Aggregation.MEAN, "F2", Fraction(5, 7), "71.43"),
        (Aggregation.MEAN, "A1", Fraction(157, 224), "70.09"),
        (Aggregation.MEAN, "A2", Fraction(7, 9), "77.78"),
        (Aggregation.MEAN, "overall", Fraction(2981, 4032), "73.93"),
        (Aggregation.POOLED, "F1", Fraction(11, 16), "68.75"),
        (Aggregation.POOLED, "A1", Fraction(16, 23), "69.57"),
        (Aggregation.POOLED, "overall", Fraction(23, 32), "71.88"),
    ],
)
def test_worked_campaign(aggregation, key, index, percent):
    figure = worked(aggregation)[key]
    assert figure.index == index
    assert figure.percent == Decimal(percent)


@pytest.mark.parametrize(
    ("key", "population", "n", "margin"),
    [
        ("Q1", None, 8, "30.01"),
        ("Q1", 40, 8, "27.18"),
        ("Q4", None, 9, "27.16"),
        ("F1", None, 10, "28.73"),
    ],
)
def test_margin_beside_every_figure(key, population, n, margin):
    figure = worked(Aggregation.MEAN, population)[key]
    assert figure.n == n
    assert figure.margin_percent == Decimal(margin)


def test_composite_tally_sums_its_questions():
    overall = worked(Aggregation.MEAN).overall
    assert overall.tally == Tally(satisfied=23, valid=32, no_opinion=4, unanswered=4)
    assert overall.parts == ("A1", "A2")


def test_question_without_valid_answers_has_no_index_and_is_left_out_of_the_mean():
    tallies = {"Q1": Tally(satisfied=3, valid=4), "Q2": Tally(no_opinion=2, unanswered=2)}
    result = compute(Node("F", parts=(Node("Q1"), Node("Q2"))), tallies, responses=4)
    assert result["Q2"].index is None
    assert result["Q2"].margin is None
    assert result["F"].index == Fraction(3, 4)


def test_weights_change_the_mean():
    tallies = {"Q1": Tally(satisfied=1, valid=1), "Q2": Tally(satisfied=0, valid=1)}
    root = Node("F", parts=(Node("Q1", weight=Fraction(3)), Node("Q2")))
    assert compute(root, tallies, responses=1).overall.index == Fraction(3, 4)


def test_no_responses_at_all():
    result = compute(TREE, {}, responses=0)
    assert result.overall.index is None
    assert result["Q1"].tally == Tally()


@pytest.mark.parametrize(
    ("population", "margin", "expected"),
    [
        (0, Fraction(5, 100), 0),
        (1, Fraction(5, 100), 1),
        (40, Fraction(5, 100), 37),  # 40 / 1.1 = 36.4
        (100, Fraction(5, 100), 80),  # 100 / 1.25
        (1000, Fraction(5, 100), 286),  # 1000 / 3.5 = 285.7
        (10000, Fraction(5, 100), 385),  # 10000 / 26 = 384.6
        (500, Decimal("0.1"), 84),  # 500 / 6 = 83.3
    ],
)
def test_sample_size(population, margin, expected):
    assert sample_size(population, margin) == expected


def test_sample_size_with_float_margin():
    assert sample_size(2000, 0.03) == 715  # 2000 / (1 + 2000 × 0.0009) = 714.29


@pytest.mark.parametrize(
    ("p", "n", "population", "expected"),
    [
        (Fraction(1, 2), 100, None, Fraction(98, 1000)),
        (Fraction(1, 2), 100, 100, Fraction(0)),
        (Fraction(1), 50, None, Fraction(0)),
        (None, 10, None, None),
        (Fraction(1, 2), 0, None, None),
    ],
)
def test_margin_of_error(p, n, population, expected):
    result = margin_of_error(p, n, population)
    if expected is None:
        assert result is None
    else:
        assert abs(result - expected) < Fraction(1, 10**6)


def test_combine_weights_campaigns_by_respondents():
    index, n = combine([(Fraction(9, 10), 100), (Fraction(8, 10), 300), (None, 50)])
    assert (index, n) == (Fraction(33, 40), 400)
    assert combine([]) == (None, 0)


def test_figures_come_in_tree_order():
    assert worked(Aggregation.MEAN).order == ("overall", "A1", "F1", "Q1", "Q2", "F2", "Q3", "A2", "F3", "Q4")
