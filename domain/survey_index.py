"""SIPAS satisfaction indices: per question, per factor, per aspect and overall, with sample size and margin.

Method (Quyết định 2640/QĐ-BNV 2017 and 1001/QĐ-BNV 2023 as the commonly published practice; the aggregation
above the question level is **unverified** against the text of QĐ 1001, so it is a parameter):

* Answer scale: 1 Rất không hài lòng · 2 Không hài lòng · 3 Bình thường · 4 Hài lòng · 5 Rất hài lòng, plus
  0 "Không ý kiến". Other scales (yes/no, choice) say which of their values are "satisfied".
* Question index = satisfied answers ÷ valid answers, where *valid* are the answers on the scale. "Không ý kiến"
  answers and unanswered questions are excluded from both and counted separately. A question nobody answered
  validly has no index (None), never 0.
* Factor, aspect and overall indices, by the configured :class:`Aggregation`:
  - ``MEAN`` (default): the weighted mean of the parts' indices (question → factor → aspect → overall); parts
    without an index are left out and the remaining weights renormalised. With every weight 1 this is the plain
    mean of the parts, the method most provinces publish.
  - ``POOLED``: satisfied ÷ valid over every counted question under the node (weights ignored); large
    questions and small ones count by their number of answers.
* Margin of error beside every figure: the 95 % half-width of a proportion, z·√(p(1−p)/n), multiplied by the
  finite population correction √((N−n)/(N−1)) when the population N is known. For a question n is its valid
  answers; for a composite n is the number of respondents with at least one valid answer under it (the caller
  counts them), which treats the composite like one proportion over respondents: an approximation, documented
  as such. At p = 0 or p = 1 the formula gives 0.
* Target sample size (2017 method): n = N ÷ (1 + N·e²), rounded up, e = 5 % by default.

Figures are returned as percentages (Decimal, 2 decimals) computed from exact fractions.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

NO_OPINION = "0"
LEVELS: tuple[tuple[str, str], ...] = (
    ("1", "Rất không hài lòng"),
    ("2", "Không hài lòng"),
    ("3", "Bình thường"),
    ("4", "Hài lòng"),
    ("5", "Rất hài lòng"),
)
NO_OPINION_LABEL = "Không ý kiến"
SATISFIED_LEVELS = frozenset({"4", "5"})
VALID_LEVELS = frozenset(value for value, _ in LEVELS)
Z_95 = Fraction(196, 100)
DEFAULT_MARGIN = Fraction(5, 100)
TWO_PLACES = Decimal("0.01")


class Aggregation(StrEnum):
    MEAN = "mean"
    POOLED = "pooled"


@dataclass(frozen=True)
class Tally:
    """The answers one question received among the responses considered."""

    satisfied: int = 0
    valid: int = 0
    no_opinion: int = 0
    unanswered: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.satisfied + other.satisfied,
            self.valid + other.valid,
            self.no_opinion + other.no_opinion,
            self.unanswered + other.unanswered,
        )


def tally(
    counts: Mapping[str, int],
    *,
    responses: int,
    satisfied_values: Iterable[str] = SATISFIED_LEVELS,
    valid_values: Iterable[str] = VALID_LEVELS,
) -> Tally:
    """Counts of answer values → a tally; every response without an answer to the question is unanswered.

    `counts` maps an answer value ("1"…"5", "0" for không ý kiến, or a choice value) to its number of answers.
    A value that is neither valid nor "0" (a value that left the scale) counts as unanswered.
    """
    satisfied_set, valid_set = frozenset(satisfied_values), frozenset(valid_values)
    satisfied = sum(n for value, n in counts.items() if value in satisfied_set and value in valid_set)
    valid = sum(n for value, n in counts.items() if value in valid_set)
    no_opinion = counts.get(NO_OPINION, 0) if NO_OPINION not in valid_set else 0
    return Tally(satisfied, valid, no_opinion, max(responses - valid - no_opinion, 0))


@dataclass(frozen=True)
class Node:
    """A part of the questionnaire's tree: a question (leaf) or a factor, aspect or the whole (with parts)."""

    key: str
    title: str = ""
    weight: Fraction = Fraction(1)
    parts: tuple[Node, ...] = ()

    @property
    def is_question(self) -> bool:
        return not self.parts

    def questions(self) -> list[Node]:
        if self.is_question:
            return [self]
        return [leaf for part in self.parts for leaf in part.questions()]


@dataclass(frozen=True)
class Figure:
    """One index with everything that must stand beside it."""

    key: str
    title: str
    index: Fraction | None
    n: int
    margin: Fraction | None
    tally: Tally
    parts: tuple[str, ...] = ()

    @property
    def percent(self) -> Decimal | None:
        return None if self.index is None else to_percent(self.index)

    @property
    def margin_percent(self) -> Decimal | None:
        return None if self.margin is None else to_percent(self.margin)


@dataclass(frozen=True)
class Indices:
    """Every figure of one computation, by node key, and the root's key."""

    figures: Mapping[str, Figure]
    root: str
    aggregation: Aggregation
    responses: int
    population: int | None = None
    order: tuple[str, ...] = field(default=())

    @property
    def overall(self) -> Figure:
        return self.figures[self.root]

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]


def to_percent(value: Fraction) -> Decimal:
    exact = Decimal(value.numerator) * 100 / Decimal(value.denominator)
    return exact.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _sqrt(value: Fraction) -> Fraction:
    # A float square root is exact enough for a margin shown to 0.01 points.
    return Fraction(math.sqrt(value)).limit_denominator(10**9)


def margin_of_error(
    p: Fraction | None, n: int, population: int | None = None, z: Fraction = Z_95
) -> Fraction | None:
    """95 % half-width of a proportion p measured on n answers, with the finite population correction."""
    if p is None or n <= 0:
        return None
    half = z * _sqrt(p * (1 - p) / n)
    if population is not None and population > 1:
        if n >= population:
            return Fraction(0)
        half *= _sqrt(Fraction(population - n, population - 1))
    return half


def sample_size(population: int, margin: Fraction | Decimal | float = DEFAULT_MARGIN) -> int:
    """The target sample: n = N ÷ (1 + N·e²), rounded up (never more than N)."""
    if population <= 0:
        return 0
    e = Fraction(str(margin)) if not isinstance(margin, Fraction) else margin
    return min(population, math.ceil(Fraction(population) / (1 + population * e * e)))


def compute(
    root: Node,
    tallies: Mapping[str, Tally],
    *,
    responses: int,
    respondents: Mapping[str, int] | None = None,
    population: int | None = None,
    aggregation: Aggregation = Aggregation.MEAN,
) -> Indices:
    """Every question's, part's and the whole's index for one set of responses.

    `tallies` by question key (a question without a tally has no answers); `respondents` by part key: the
    respondents with at least one valid answer under the part, for its margin (defaults to its largest question).
    """
    figures: dict[str, Figure] = {}
    order: list[str] = []
    respondents = respondents or {}

    def visit(node: Node) -> Figure:
        order.append(node.key)  # tree order: a part before its parts
        if node.is_question:
            t = tallies.get(node.key, Tally(unanswered=responses))
            index = Fraction(t.satisfied, t.valid) if t.valid else None
            figure = Figure(
                node.key, node.title, index, t.valid, margin_of_error(index, t.valid, population), t
            )
        else:
            children = [visit(part) for part in node.parts]
            total = sum((child.tally for child in children), Tally())
            index = _aggregate(node, children, aggregation, tallies)
            n = respondents.get(node.key, max((child.n for child in children), default=0))
            figure = Figure(
                node.key,
                node.title,
                index,
                n,
                margin_of_error(index, n, population),
                total,
                tuple(child.key for child in children),
            )
        figures[node.key] = figure
        return figure

    visit(root)
    return Indices(figures, root.key, aggregation, responses, population, tuple(order))


def _aggregate(
    node: Node, children: Sequence[Figure], aggregation: Aggregation, tallies: Mapping[str, Tally]
) -> Fraction | None:
    if aggregation == Aggregation.POOLED:
        satisfied = valid = 0
        for leaf in node.questions():
            t = tallies.get(leaf.key, Tally())
            satisfied, valid = satisfied + t.satisfied, valid + t.valid
        return Fraction(satisfied, valid) if valid else None
    weighted = [(part.weight, child.index) for part, child in zip(node.parts, children, strict=True)]
    present = [(weight, index) for weight, index in weighted if index is not None and weight > 0]
    total_weight = sum((weight for weight, _ in present), Fraction(0))
    if not present or total_weight == 0:
        return None
    return sum((weight * index for weight, index in present), Fraction(0)) / total_weight


def combine(parts: Iterable[tuple[Fraction | None, int]]) -> tuple[Fraction | None, int]:
    """Several campaigns' overall indices → one, weighted by their respondents (for a period's indicator)."""
    pairs = [(index, n) for index, n in parts if index is not None and n > 0]
    total = sum(n for _, n in pairs)
    if not total:
        return None, 0
    return sum((index * n for index, n in pairs), Fraction(0)) / total, total
