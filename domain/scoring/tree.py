"""Criteria trees (lĩnh vực → tiêu chí → tiêu chí thành phần, any depth) and the dated rule sets that hold them.

A parent's maximum is the sum of its children's unless it has its own rule, in which case the rule scores it
from one input and the children only describe it. Bonus and penalty criteria (``rule.extra``, or a parent whose
children are all such) sit outside the scale: they are left out of their parent's sum and their maximum is their
cap (a group's stated maximum caps its bonus total and, separately, its penalty total). A maximum or rule the sources leave open is marked ``unverified`` ("chưa đối chiếu"), never guessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from domain.scoring.rule_dicts import rule_from_dict, rule_to_dict
from domain.scoring.rules import Rule
from domain.scoring.values import UNVERIFIED, InvalidInput, RuleError
from domain.vn_numbers import vn_number

__all__ = [
    "METHOD_LABELS",
    "Criterion",
    "Method",
    "RuleSet",
    "criterion_from_dict",
    "rule_set_in_force",
    "validate_criteria",
]

ZERO = Decimal(0)


class Method(StrEnum):
    SELF_ASSESSED = "self_assessed"
    SURVEY = "survey"
    COMPUTED = "computed"


METHOD_LABELS = {
    Method.SELF_ASSESSED: "Tự đánh giá",
    Method.SURVEY: "Điều tra xã hội học",
    Method.COMPUTED: "Tính từ dữ liệu",
}


@dataclass(frozen=True)
class Criterion:
    """One node of a criteria tree. ``max_points`` may be left out on a parent (the sum of its children)."""

    code: str
    title: str
    max_points: Decimal | None = None
    method: Method = Method.SELF_ASSESSED
    evidence: str = ""
    guide: str = ""
    rule: Rule | None = None
    children: tuple[Criterion, ...] = ()
    unverified: bool = False

    @property
    def extra(self) -> bool:
        """Bonus or penalty points, outside the scale."""
        if self.rule is not None:
            return self.rule.extra
        return bool(self.children) and all(child.extra for child in self.children)

    @property
    def scored_by_children(self) -> bool:
        return self.rule is None and bool(self.children)

    def full_max(self) -> Decimal:
        """The stated maximum, else the sum of the children's on the scale (bonus and penalty left out)."""
        if self.max_points is not None:
            return self.max_points
        if self.extra:
            return sum((child.full_max() for child in self.children), ZERO)
        return sum((child.full_max() for child in self.children if not child.extra), ZERO)

    def walk(self) -> Iterator[Criterion]:
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "title": self.title,
            "max_points": None if self.max_points is None else str(self.max_points),
            "method": self.method.value,
            "evidence": self.evidence,
            "guide": self.guide,
            "rule": None if self.rule is None else rule_to_dict(self.rule),
            "children": [child.to_dict() for child in self.children],
            "unverified": self.unverified,
        }


def criterion_from_dict(data: Mapping[str, object]) -> Criterion:
    """The tree a nested plain dict describes (the inverse of :meth:`Criterion.to_dict`)."""
    code, title, max_points = data.get("code"), data.get("title", ""), data.get("max_points")
    if not isinstance(code, str) or not isinstance(title, str):
        raise RuleError("Mỗi tiêu chí cần có mã và tên.")
    try:
        method = Method(str(data.get("method", Method.SELF_ASSESSED)))
    except ValueError:
        raise RuleError(f"Tiêu chí {code}: phương pháp “{data.get('method')}” không được hỗ trợ.") from None
    rule, children = data.get("rule"), data.get("children", [])
    if rule is not None and not isinstance(rule, Mapping):
        raise RuleError(f"Tiêu chí {code}: quy tắc phải là một bảng tham số.")
    if not isinstance(children, list):
        raise RuleError(f"Tiêu chí {code}: danh sách tiêu chí thành phần không hợp lệ.")
    try:
        parsed_max = None if max_points is None else Decimal(str(max_points).replace(",", "."))
        parsed_rule = None if rule is None else rule_from_dict(rule)
    except (ArithmeticError, RuleError, InvalidInput) as error:
        detail = (
            str(error)
            if isinstance(error, RuleError)
            else f"điểm tối đa “{max_points}” không phải là một số."
        )
        raise RuleError(f"Tiêu chí {code}: {detail}") from None
    return Criterion(
        code=code,
        title=title,
        max_points=parsed_max,
        method=method,
        evidence=str(data.get("evidence", "")),
        guide=str(data.get("guide", "")),
        rule=parsed_rule,
        children=tuple(criterion_from_dict(child) for child in children),
        unverified=bool(data.get("unverified", False)),
    )


def _node_problems(node: Criterion) -> list[str]:
    found = []
    if not node.code.strip():
        found.append(f"Tiêu chí “{node.title}” chưa có mã.")
    if node.max_points is not None and node.max_points < 0:
        found.append(f"Tiêu chí {node.code}: điểm tối đa không được âm ({vn_number(node.max_points)}).")
    if (
        node.max_points is None
        and not node.children
        and not (node.rule is not None and node.rule.kind == "not_applicable")
    ):
        found.append(f"Tiêu chí {node.code}: chưa có điểm tối đa.")
    if node.scored_by_children and not node.extra and node.max_points is not None:
        children_sum = sum((child.full_max() for child in node.children if not child.extra), ZERO)
        if children_sum != node.max_points:
            found.append(
                f"Tiêu chí {node.code}: điểm tối đa {vn_number(node.max_points)} nhưng các tiêu chí thành phần "
                f"cộng lại {vn_number(children_sum)}."
            )
    if node.rule is not None:
        found.extend(f"Tiêu chí {node.code}: {problem}" for problem in node.rule.problems(node.full_max()))
    return found


def validate_criteria(criteria: Sequence[Criterion], total_points: Decimal | None = None) -> list[str]:
    """Every problem of a tree in Vietnamese: repeated codes, negative or missing maxima, children that do not
    add up to their parent's stated maximum, unusable rules, areas that do not add up to ``total_points``."""
    nodes = [node for root in criteria for node in root.walk()]
    counts = Counter(node.code.strip() for node in nodes if node.code.strip())
    found = [f"Mã tiêu chí {code} bị lặp ({count} lần)." for code, count in counts.items() if count > 1]
    for node in nodes:
        found.extend(_node_problems(node))
    if total_points is not None:
        areas = sum((root.full_max() for root in criteria if not root.extra), ZERO)
        if areas != total_points:
            found.append(
                f"Các lĩnh vực cộng lại {vn_number(areas)} điểm, khác tổng {vn_number(total_points)} điểm "
                "của bộ tiêu chí."
            )
    return found


@dataclass(frozen=True)
class RuleSet:
    """A criteria set as a province's decision states it, in force from ``effective_from`` to ``effective_to``
    (both inclusive; no end while it has not been replaced).

    ``level``: "so" (Sở, ban, ngành), "xa" (xã, phường) or any other word for contests and ratings.
    ``total_floor`` / ``total_ceiling``: the total after bonus and penalty never goes below the floor nor, when a
    ceiling is stated, above it (whether bonus may lift an index above 100 is the decision's to say).
    """

    name: str
    source: str
    effective_from: date
    effective_to: date | None
    level: str
    criteria: tuple[Criterion, ...]
    total_points: Decimal | None = None
    total_floor: Decimal = ZERO
    total_ceiling: Decimal | None = None
    unverified: bool = False

    def in_force(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def problems(self) -> list[str]:
        found = []
        if self.effective_to is not None and self.effective_to < self.effective_from:
            found.append("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if not self.source.strip():
            found.append("Cần ghi văn bản ban hành bộ tiêu chí (số, ngày).")
        return found + validate_criteria(self.criteria, self.total_points)

    def find(self, code: str) -> Criterion | None:
        return next((node for root in self.criteria for node in root.walk() if node.code == code), None)

    @property
    def caption(self) -> str:
        return f"{self.name} ({self.source})" + (f" — {UNVERIFIED}" if self.unverified else "")


def rule_set_in_force(sets: Iterable[RuleSet], on: date, level: str) -> RuleSet | None:
    """The set of ``level`` in force on ``on``: when an older one was left without an end date, the one that
    took effect last replaces it. Two sets taking effect the same day for one level are an error."""
    candidates = sorted(
        (s for s in sets if s.level == level and s.in_force(on)), key=lambda s: s.effective_from
    )
    if len(candidates) > 1 and candidates[-1].effective_from == candidates[-2].effective_from:
        raise RuleError(
            f"Có hai bộ tiêu chí cùng hiệu lực từ ngày {candidates[-1].effective_from:%d/%m/%Y}: "
            f"{candidates[-2].caption} và {candidates[-1].caption}."
        )
    return candidates[-1] if candidates else None
