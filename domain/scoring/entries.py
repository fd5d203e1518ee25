"""What a person enters for one criterion, and the input the criterion's rule is scored on.

A self-assessment, an appraisal or a contest score holds, per criterion, one :class:`Entry`: the figure the rule
reads (a rate, yes / no, an answer, on time / late, a count, a count per month), or points given directly with a
reason (a criterion scored by hand, an override of a figure, an appraiser's adjustment), or "không áp dụng" with
a reason. :func:`input_kind` tells a form which field a rule needs; :func:`entry_input` turns the typed text into
the engine's input, refusing in Vietnamese what the rule cannot read.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

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
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.tree import Criterion
from domain.scoring.values import InvalidInput, ManualScore, NotApplicableInput, Timeliness, as_decimal

__all__ = ["Entry", "InputKind", "entry_input", "input_kind", "scorable", "scorecard_inputs"]


class InputKind(StrEnum):
    RATE = "rate"  # a percentage, "92,5"
    YES_NO = "yes_no"
    TIMELINESS = "timeliness"  # on_time / late / missing
    ANSWER = "answer"  # one of the rule's answer keys
    COUNT = "count"  # a whole number
    COUNTS = "counts"  # one whole number per period, "1, 2, 0, 1"
    AMOUNT = "amount"  # points of a bonus or penalty without a per-item value
    POINTS = "points"  # points given directly, with a reason
    NONE = "none"  # a criterion that never applies


YES = {"co", "có", "c", "yes", "y", "true", "1", "đạt", "dat", "x"}
NO = {"khong", "không", "k", "no", "n", "false", "0", "chưa", "chua"}
TIMELINESS_WORDS = {
    "on_time": Timeliness.ON_TIME,
    "kịp thời": Timeliness.ON_TIME,
    "kip thoi": Timeliness.ON_TIME,
    "đúng hạn": Timeliness.ON_TIME,
    "late": Timeliness.LATE,
    "không kịp thời": Timeliness.LATE,
    "khong kip thoi": Timeliness.LATE,
    "chậm": Timeliness.LATE,
    "missing": Timeliness.MISSING,
    "không thực hiện": Timeliness.MISSING,
    "không ban hành": Timeliness.MISSING,
    "khong thuc hien": Timeliness.MISSING,
}


def input_kind(rule: Rule | None) -> InputKind:
    """The field a form shows for a criterion scored by ``rule`` (points for one without a rule)."""
    if rule is None or isinstance(rule, Manual):
        return InputKind.POINTS
    if isinstance(rule, Tiered | Proportional):
        return InputKind.RATE
    if isinstance(rule, YesNo):
        return InputKind.YES_NO
    if isinstance(rule, TimelinessRule):
        return InputKind.TIMELINESS
    if isinstance(rule, AnswerMap):
        return InputKind.ANSWER
    if isinstance(rule, CountTarget):
        return InputKind.COUNTS if rule.periods > 1 else InputKind.COUNT
    if isinstance(rule, Deduction):
        return InputKind.COUNT
    if isinstance(rule, Bonus | Penalty):
        return InputKind.COUNT if rule.per_item is not None else InputKind.AMOUNT
    if isinstance(rule, NotApplicable):
        return InputKind.NONE
    return InputKind.POINTS


@dataclass(frozen=True)
class Entry:
    """One person's entry for one criterion: the rule's figure as typed (``value``), or ``points`` given
    directly, or ``not_applicable``; ``reason`` explains direct points and "không áp dụng" (required there)."""

    value: str = ""
    points: Decimal | None = None
    not_applicable: bool = False
    reason: str = ""

    @property
    def empty(self) -> bool:
        return not self.not_applicable and self.points is None and not self.value.strip()

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {}
        if self.value.strip():
            data["value"] = self.value.strip()
        if self.points is not None:
            data["points"] = str(self.points)
        if self.not_applicable:
            data["not_applicable"] = True
        if self.reason.strip():
            data["reason"] = " ".join(self.reason.split())
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> Entry:
        if not data:
            return cls()
        points = data.get("points")
        return cls(
            value=str(data.get("value", "")),
            points=None if points in (None, "") else as_decimal(points, "Điểm"),
            not_applicable=bool(data.get("not_applicable", False)),
            reason=str(data.get("reason", "")),
        )


def _count(text: str, what: str) -> int:
    cleaned = text.strip().replace(".", "").replace(" ", "")
    if not re.fullmatch(r"\d{1,9}", cleaned):
        raise InvalidInput(f"{what} “{text.strip()}” phải là một số nguyên không âm.")
    return int(cleaned)


def _rate(text: str) -> Decimal:
    cleaned = text.strip().rstrip("%").strip()
    rate = as_decimal(cleaned, "Tỷ lệ")
    if rate < 0:
        raise InvalidInput(f"Tỷ lệ {text.strip()} không được âm.")
    if rate > 1000:
        raise InvalidInput(f"Tỷ lệ {text.strip()}% không hợp lý; hãy nhập phần trăm, ví dụ 92,5.")
    return rate


def _value(text: str, rule: Rule | None) -> object:
    kind = input_kind(rule)
    word = " ".join(text.strip().lower().split())
    if kind == InputKind.RATE:
        return _rate(text)
    if kind == InputKind.YES_NO:
        if word in YES:
            return True
        if word in NO:
            return False
        raise InvalidInput(f"“{text.strip()}”: chỉ chọn Có hoặc Không.")
    if kind == InputKind.TIMELINESS:
        if word in TIMELINESS_WORDS:
            return TIMELINESS_WORDS[word].value
        raise InvalidInput(f"“{text.strip()}”: chỉ chọn kịp thời, không kịp thời hoặc không thực hiện.")
    if kind == InputKind.ANSWER:
        return text.strip().upper()
    if kind == InputKind.COUNT:
        return _count(text, "Số lượng")
    if kind == InputKind.COUNTS:
        parts = [part for part in re.split(r"[;,\s]+", text.strip()) if part]
        return [_count(part, "Số lượng mỗi kỳ") for part in parts]
    if kind == InputKind.AMOUNT:
        return as_decimal(text, "Số điểm")
    raise InvalidInput("Tiêu chí này chấm bằng cách nhập điểm trực tiếp, có lý do.")


def entry_input(entry: Entry, rule: Rule | None) -> object | None:
    """The engine's input for ``entry`` on a criterion scored by ``rule``; None when nothing was entered."""
    if entry.not_applicable:
        reason = " ".join(entry.reason.split())
        if not reason:
            raise InvalidInput("Cần ghi lý do không áp dụng (đơn vị không có nhiệm vụ này vì sao).")
        return NotApplicableInput(reason)
    if entry.points is not None:
        return ManualScore(entry.points, entry.reason)
    if not entry.value.strip():
        return None
    return _value(entry.value, rule)


def scorable(criteria: Sequence[Criterion]) -> list[Criterion]:
    """The criteria that take an entry, in tree order: those with a rule, and leaves; a criterion with its own
    rule is scored as one, so the criteria under it take none."""
    found: list[Criterion] = []

    def visit(node: Criterion) -> None:
        if node.scored_by_children:
            for child in node.children:
                visit(child)
        else:
            found.append(node)

    for root in criteria:
        visit(root)
    return found


def scorecard_inputs(
    criteria: Sequence[Criterion], entries: Mapping[str, Entry]
) -> tuple[dict[str, object], dict[str, str]]:
    """The engine's inputs for every scorable criterion with an entry, and the problems by code (entries the rule
    cannot read are left out of the inputs, so the rest of the tree is still scored)."""
    inputs: dict[str, object] = {}
    problems: dict[str, str] = {}
    for node in scorable(criteria):
        entry = entries.get(node.code)
        if entry is None or entry.empty:
            continue
        try:
            value = entry_input(entry, node.rule)
            if value is not None:
                node_rule = node.rule or Manual()
                node_rule.score(value, node.full_max())  # checks the value against the rule and the maximum
                inputs[node.code] = value
        except InvalidInput as error:
            problems[node.code] = str(error)
    return inputs, problems
