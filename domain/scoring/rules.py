"""Rule kinds: how one criterion's points are reached from one input, explained in Vietnamese.

Each kind is a small frozen dataclass of its parameters. ``rule.score(value, max_points)`` returns a
:class:`Result`; the criterion's maximum comes from the tree, so one rule reads the same for a 1-point and a
2-point criterion. Every rule round-trips through a plain dict (:mod:`domain.scoring.rule_dicts`), which is how
criteria sets are stored and imported. A rule whose parameters the sources leave open carries
``unverified=True`` and every explanation it gives says "chưa đối chiếu".

Inputs, per kind: a rate in percent (``Decimal("92.5")``, ``92``, ``"92,5"``) for ``tiered`` and
``proportional``; a :class:`Timeliness`; a ``bool``; an answer letter; a count or one count per period; points
or a number of items for ``bonus`` and ``penalty``; a number of faults for ``deduction``; a :class:`ManualScore`.
:class:`NotApplicableInput` is accepted by every kind: the unit has no such duty, and the criterion leaves both
the points and the maximum.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import pairwise
from typing import ClassVar

from domain.scoring.values import (
    UNVERIFIED,
    InvalidInput,
    ManualScore,
    NotApplicableInput,
    Result,
    RuleError,
    Timeliness,
    as_count,
    as_decimal,
    as_rate,
    score_text,
)
from domain.vn_numbers import quantize, vn_number

__all__ = [
    "AnswerMap",
    "Bonus",
    "CountTarget",
    "Deduction",
    "Manual",
    "NotApplicable",
    "Penalty",
    "Proportional",
    "Rule",
    "Tier",
    "Tiered",
    "TimelinessRule",
    "YesNo",
]

HUNDRED = Decimal(100)
ZERO = Decimal(0)
CENT = Decimal("0.01")


def _pts(value: Decimal) -> str:
    return vn_number(value)


@dataclass(frozen=True, kw_only=True)
class Rule:
    """Base of every rule kind. ``unverified``: the parameters are placeholders not yet checked against the source."""

    kind: ClassVar[str] = ""
    extra: ClassVar[bool] = False
    unverified: bool = False

    def score(self, value: object, max_points: Decimal) -> Result:
        if isinstance(value, NotApplicableInput):
            return not_applicable_result(value.reason)
        if isinstance(value, ManualScore):
            # points given directly (an appraiser's adjustment, an override of a computed figure) on any rule
            result = self._direct(value, max_points)
        else:
            result = self._score(value, max_points)
        if self.unverified:
            result = replace(result, explanation=f"{result.explanation} (quy tắc {UNVERIFIED})")
        return result

    def _score(self, value: object, max_points: Decimal) -> Result:
        raise NotImplementedError

    def _direct(self, value: ManualScore, max_points: Decimal) -> Result:
        """Points typed by a person with a reason, 0 ≤ points ≤ maximum (for a penalty: the points taken off)."""
        points = as_decimal(value.points, "Điểm")
        if not 0 <= points <= max_points:
            raise InvalidInput(f"Điểm {vn_number(points)} phải từ 0 đến {_pts(max_points)}.")
        reason = " ".join(value.reason.split())
        if not reason:
            raise InvalidInput("Cần ghi lý do cho điểm chấm trực tiếp.")
        signed = -points if self.extra and self.kind == "penalty" else points
        verb = "trừ " if signed < 0 else ""
        return self._result(
            signed, max_points, f"Chấm trực tiếp {verb}{score_text(points, max_points)}: {reason}"
        )

    def problems(self, max_points: Decimal) -> list[str]:
        """What makes this rule unusable for a criterion worth ``max_points``, in Vietnamese."""
        return []

    def _points_problems(self, points: Mapping[str, Decimal], max_points: Decimal) -> list[str]:
        found = []
        for label, value in points.items():
            if value < 0:
                found.append(f"{label}: điểm không được âm ({_pts(value)}).")
            elif value > max_points:
                found.append(f"{label}: {_pts(value)} điểm, vượt điểm tối đa {_pts(max_points)}.")
        return found

    def _result(self, points: Decimal, max_points: Decimal, explanation: str) -> Result:
        return Result(
            points=points, max_points=max_points, applicable=True, explanation=explanation, extra=self.extra
        )


def not_applicable_result(reason: str = "") -> Result:
    text = "Không áp dụng" + (f": {reason}" if reason else "") + " → không tính vào điểm đạt và điểm tối đa"
    return Result(points=ZERO, max_points=ZERO, applicable=False, explanation=text)


@dataclass(frozen=True)
class Tier:
    """One band of a tiered rule. A bound that is set must say whether the edge itself belongs to the band."""

    points: Decimal
    lower: Decimal | None = None
    lower_inclusive: bool | None = None
    upper: Decimal | None = None
    upper_inclusive: bool | None = None

    def __post_init__(self) -> None:
        if (self.lower is None) != (self.lower_inclusive is None):
            raise RuleError("Mỗi ngưỡng dưới phải ghi rõ có tính cả giá trị bằng ngưỡng hay không (≥ hay >).")
        if (self.upper is None) != (self.upper_inclusive is None):
            raise RuleError("Mỗi ngưỡng trên phải ghi rõ có tính cả giá trị bằng ngưỡng hay không (≤ hay <).")
        if self.lower is not None and self.upper is not None:
            closed = self.lower_inclusive and self.upper_inclusive
            if self.lower > self.upper or (self.lower == self.upper and not closed):
                raise RuleError(f"Mức {self.describe()} không chứa giá trị nào.")

    def contains(self, value: Decimal) -> bool:
        if self.lower is not None and (
            value < self.lower or (value == self.lower and not self.lower_inclusive)
        ):
            return False
        return not (
            self.upper is not None
            and (value > self.upper or (value == self.upper and not self.upper_inclusive))
        )

    def describe(self, unit: str = "%") -> str:
        """``> 90%``, ``< 70%``, ``từ 70% đến 90%``, ``từ 70% đến dưới 90%``."""
        low = None if self.lower is None else f"{vn_number(self.lower)}{unit}"
        high = None if self.upper is None else f"{vn_number(self.upper)}{unit}"
        if low is None and high is None:
            return "mọi giá trị"
        if high is None:
            return f"{'≥' if self.lower_inclusive else '>'} {low}"
        if low is None:
            return f"{'≤' if self.upper_inclusive else '<'} {high}"
        start = "từ" if self.lower_inclusive else "trên"
        end = "đến" if self.upper_inclusive else "đến dưới"
        return f"{start} {low} {end} {high}"


def _below(
    upper: Decimal | None, upper_inclusive: bool | None, lower: Decimal | None, lower_inclusive: bool | None
) -> bool:
    """Does a band ending at ``upper`` end before a band starting at ``lower`` (no common value)?"""
    if upper is None or lower is None:
        return False
    return upper < lower or (upper == lower and not (upper_inclusive and lower_inclusive))


@dataclass(frozen=True, kw_only=True)
class Tiered(Rule):
    """Tiered thresholds on a rate: "> 90%: 2; 70–90%: 1; < 70%: 0". A value in no tier scores 0."""

    kind: ClassVar[str] = "tiered"
    tiers: tuple[Tier, ...]
    label: str = "Tỷ lệ"
    unit: str = "%"

    def _score(self, value: object, max_points: Decimal) -> Result:
        rate = as_rate(value, self.label)
        shown = f"{self.label} {vn_number(rate, places=2)}{self.unit}"
        for tier in self.tiers:
            if tier.contains(rate):
                where = tier.describe(self.unit)
                condition = (
                    f"thuộc mức {where}" if tier.lower is not None and tier.upper is not None else where
                )
                return self._result(
                    tier.points, max_points, f"{shown} {condition} → {score_text(tier.points, max_points)}"
                )
        return self._result(ZERO, max_points, f"{shown} không đạt mức nào → {score_text(ZERO, max_points)}")

    def problems(self, max_points: Decimal) -> list[str]:
        if not self.tiers:
            return ["Quy tắc theo mức chưa có mức nào."]
        found = self._points_problems(
            {f"Mức {t.describe(self.unit)}": t.points for t in self.tiers}, max_points
        )
        for index, first in enumerate(self.tiers):
            for second in self.tiers[index + 1 :]:
                if not (
                    _below(first.upper, first.upper_inclusive, second.lower, second.lower_inclusive)
                    or _below(second.upper, second.upper_inclusive, first.lower, first.lower_inclusive)
                ):
                    found.append(
                        f"Mức {first.describe(self.unit)} và mức {second.describe(self.unit)} chồng nhau: "
                        "một giá trị không được thuộc hai mức."
                    )
        ordered = sorted(
            self.tiers, key=lambda t: (t.lower is not None, t.lower or ZERO, not t.lower_inclusive)
        )
        for first, second in pairwise(ordered):
            if first.upper is None or second.lower is None:
                continue
            if first.upper < second.lower or (
                first.upper == second.lower and not (first.upper_inclusive or second.lower_inclusive)
            ):
                found.append(
                    f"Giữa mức {first.describe(self.unit)} và mức {second.describe(self.unit)} có giá trị không "
                    "thuộc mức nào: ghi rõ ngưỡng thuộc về mức nào."
                )
        return found


TIMELINESS_LABELS = {
    Timeliness.ON_TIME: "Kịp thời",
    Timeliness.LATE: "Không kịp thời",
    Timeliness.MISSING: "",
}


@dataclass(frozen=True, kw_only=True)
class TimelinessRule(Rule):
    """On time / late / missing: "kịp thời 1; không kịp thời 0,5; không ban hành 0"."""

    kind: ClassVar[str] = "timeliness"
    on_time: Decimal
    late: Decimal
    missing: Decimal = ZERO
    missing_label: str = "Không thực hiện"

    def _score(self, value: object, max_points: Decimal) -> Result:
        try:
            status = Timeliness(str(value))
        except ValueError:
            raise InvalidInput("Tình trạng phải là kịp thời, không kịp thời hoặc không thực hiện.") from None
        points = {
            Timeliness.ON_TIME: self.on_time,
            Timeliness.LATE: self.late,
            Timeliness.MISSING: self.missing,
        }
        label = TIMELINESS_LABELS[status] or self.missing_label
        return self._result(points[status], max_points, f"{label} → {score_text(points[status], max_points)}")

    def problems(self, max_points: Decimal) -> list[str]:
        found = self._points_problems(
            {"Kịp thời": self.on_time, "Không kịp thời": self.late, self.missing_label: self.missing},
            max_points,
        )
        if self.late > self.on_time or self.missing > self.late:
            found.append("Điểm phải giảm dần: kịp thời ≥ không kịp thời ≥ không thực hiện.")
        return found


@dataclass(frozen=True, kw_only=True)
class YesNo(Rule):
    """Yes / no: yes earns the criterion's maximum, no earns 0."""

    kind: ClassVar[str] = "yes_no"
    yes_label: str = "Có"
    no_label: str = "Không"

    def _score(self, value: object, max_points: Decimal) -> Result:
        if not isinstance(value, bool):
            raise InvalidInput(f"Chỉ chọn “{self.yes_label}” hoặc “{self.no_label}”.")
        points = max_points if value else ZERO
        label = self.yes_label if value else self.no_label
        return self._result(points, max_points, f"{label} → {score_text(points, max_points)}")


@dataclass(frozen=True, kw_only=True)
class Proportional(Rule):
    """Proportional: rate ÷ target × maximum (target 100% unless stated), rounded half up, capped at the maximum."""

    kind: ClassVar[str] = "proportional"
    target: Decimal = HUNDRED
    precision: Decimal = CENT
    label: str = "Tỷ lệ"
    unit: str = "%"

    def _score(self, value: object, max_points: Decimal) -> Result:
        rate = as_rate(value, self.label)
        shown = f"{self.label} {vn_number(rate, places=4)}{self.unit}"
        if rate >= self.target:
            reached = (
                f"đạt chỉ tiêu {vn_number(self.target)}{self.unit}" if self.target != HUNDRED else "≥ 100%"
            )
            return self._result(
                max_points, max_points, f"{shown} {reached} → {score_text(max_points, max_points)}"
            )
        points = quantize(rate / self.target * max_points, self.precision)
        divisor = "" if self.target == HUNDRED else f" ÷ chỉ tiêu {vn_number(self.target)}{self.unit}"
        rounded = (
            f" (làm tròn đến {vn_number(self.precision)})"
            if points != rate / self.target * max_points
            else ""
        )
        return self._result(
            points,
            max_points,
            f"{shown}{divisor} × {_pts(max_points)} điểm = {score_text(points, max_points)}{rounded}",
        )

    def problems(self, max_points: Decimal) -> list[str]:
        found = [] if self.target > 0 else ["Chỉ tiêu của quy tắc tỷ lệ phải lớn hơn 0."]
        return found + ([] if self.precision > 0 else ["Độ chính xác làm tròn phải lớn hơn 0."])


@dataclass(frozen=True, kw_only=True)
class AnswerMap(Rule):
    """Answer mapping: each answer earns a share of the points, "A 100% · B 60% · C 20% · D 0%"."""

    kind: ClassVar[str] = "answer_map"
    answers: tuple[tuple[str, Decimal], ...]
    precision: Decimal = CENT

    def _score(self, value: object, max_points: Decimal) -> Result:
        answer = str(value).strip() if isinstance(value, str) else ""
        shares = {key.casefold(): (key, share) for key, share in self.answers}
        if answer.casefold() not in shares:
            choices = ", ".join(key for key, _ in self.answers)
            raise InvalidInput(f"Đáp án “{value}” không có trong bảng quy đổi ({choices}).")
        key, share = shares[answer.casefold()]
        points = quantize(share / HUNDRED * max_points, self.precision)
        return self._result(
            points,
            max_points,
            f"Đáp án {key} = {vn_number(share)}% số điểm → {score_text(points, max_points)}",
        )

    def problems(self, max_points: Decimal) -> list[str]:
        if not self.answers:
            return ["Bảng quy đổi đáp án chưa có đáp án nào."]
        found = [
            f"Đáp án {key}: tỷ lệ phải từ 0% đến 100%."
            for key, share in self.answers
            if not 0 <= share <= HUNDRED
        ]
        keys = [key.strip().casefold() for key, _ in self.answers]
        return found + [f"Đáp án {key} bị lặp." for key in sorted(set(keys)) if keys.count(key) > 1]


@dataclass(frozen=True, kw_only=True)
class CountTarget(Rule):
    """A count against a target: "≥ 1 tin bài mỗi tháng" over ``periods`` periods, or one total (``periods=1``).

    Proportional: periods that reach the target ÷ periods × maximum (one period: count ÷ target, capped at 1).
    All-or-nothing (``all_or_nothing=True``): the maximum only when every period reaches the target, else 0.
    """

    kind: ClassVar[str] = "count_target"
    target: int
    periods: int = 1
    all_or_nothing: bool = False
    unit: str = "lần"
    period_label: str = "tháng"
    precision: Decimal = CENT

    def _score(self, value: object, max_points: Decimal) -> Result:
        if self.periods == 1 and isinstance(value, int):
            return self._score_total(as_count(value, "Số lượng"), max_points)
        if isinstance(value, str) or not isinstance(value, Sequence):
            raise InvalidInput(
                f"Cần số lượng của từng {self.period_label} ({self.periods} {self.period_label})."
            )
        counts = [as_count(item, f"Số lượng mỗi {self.period_label}") for item in value]
        if len(counts) != self.periods:
            raise InvalidInput(
                f"Cần số lượng của đủ {self.periods} {self.period_label}, mới có {len(counts)} {self.period_label}."
            )
        if self.periods == 1:
            return self._score_total(counts[0], max_points)
        met = sum(1 for count in counts if count >= self.target)
        reached = f"{met}/{self.periods} {self.period_label} đạt ≥ {self.target} {self.unit}"
        if met == self.periods:
            return self._result(max_points, max_points, f"{reached} → {score_text(max_points, max_points)}")
        if self.all_or_nothing:
            return self._result(
                ZERO,
                max_points,
                f"{reached}, chưa đủ {self.periods} {self.period_label} → {score_text(ZERO, max_points)}",
            )
        points = quantize(Decimal(met) / self.periods * max_points, self.precision)
        return self._result(
            points,
            max_points,
            f"{reached} → {met} ÷ {self.periods} × {_pts(max_points)} điểm = {score_text(points, max_points)}",
        )

    def _score_total(self, count: int, max_points: Decimal) -> Result:
        shown = f"{count} {self.unit}, chỉ tiêu ≥ {self.target}"
        if count >= self.target:
            return self._result(max_points, max_points, f"{shown} → {score_text(max_points, max_points)}")
        if self.all_or_nothing:
            return self._result(ZERO, max_points, f"{shown}, chưa đạt → {score_text(ZERO, max_points)}")
        points = quantize(Decimal(count) / self.target * max_points, self.precision)
        return self._result(
            points,
            max_points,
            f"{shown} → {count} ÷ {self.target} × {_pts(max_points)} điểm = {score_text(points, max_points)}",
        )

    def problems(self, max_points: Decimal) -> list[str]:
        found = [] if self.target >= 1 else ["Chỉ tiêu số lượng phải từ 1 trở lên."]
        return found + ([] if self.periods >= 1 else ["Số kỳ phải từ 1 trở lên."])


def _claimed(value: object, per_item: Decimal | None, label: str) -> tuple[Decimal, str]:
    """Points claimed, from points (no ``per_item``) or from a number of items × ``per_item``."""
    if per_item is None:
        points = as_decimal(value, label)
        if points < 0:
            raise InvalidInput(f"{label} không được âm ({vn_number(points)}).")
        return points, vn_number(points)
    count = as_count(value, f"Số lần tính {label.lower()}")
    points = count * per_item
    return points, f"{count} × {vn_number(per_item)} = {vn_number(points)}"


@dataclass(frozen=True, kw_only=True)
class Bonus(Rule):
    """Bonus points, added outside the maximum, never more than the criterion's maximum (its cap)."""

    kind: ClassVar[str] = "bonus"
    extra: ClassVar[bool] = True
    per_item: Decimal | None = None
    label: str = "Điểm thưởng"

    def _score(self, value: object, max_points: Decimal) -> Result:
        claimed, shown = _claimed(value, self.per_item, self.label)
        if claimed > max_points:
            text = f"{self.label} {shown} vượt mức tối đa {_pts(max_points)} → cộng {_pts(max_points)} điểm"
            return self._result(max_points, max_points, text)
        return self._result(claimed, max_points, f"{self.label} {shown} → cộng {_pts(claimed)} điểm")


@dataclass(frozen=True, kw_only=True)
class Penalty(Rule):
    """Penalty points, taken off the total, never more than the criterion's maximum (its cap)."""

    kind: ClassVar[str] = "penalty"
    extra: ClassVar[bool] = True
    per_item: Decimal | None = None
    label: str = "Điểm trừ"

    def _score(self, value: object, max_points: Decimal) -> Result:
        claimed, shown = _claimed(value, self.per_item, self.label)
        if claimed > max_points:
            text = (
                f"{self.label} {shown} vượt mức trừ tối đa {_pts(max_points)} → trừ {_pts(max_points)} điểm"
            )
            return self._result(-max_points, max_points, text)
        return self._result(-claimed, max_points, f"{self.label} {shown} → trừ {_pts(claimed)} điểm")


@dataclass(frozen=True, kw_only=True)
class Deduction(Rule):
    """Start from the maximum and deduct per fault, never below ``floor``: "mỗi lần chậm trừ 0,25 điểm".

    ``percent_of_max``: ``per_item`` is a share of the maximum (Nghị định 335/2025: each delay −25% of the
    product's timeliness points).
    """

    kind: ClassVar[str] = "deduction"
    per_item: Decimal
    percent_of_max: bool = False
    floor: Decimal = ZERO
    unit: str = "lần"
    precision: Decimal = CENT

    def _score(self, value: object, max_points: Decimal) -> Result:
        count = as_count(value, "Số lần vi phạm")
        if count == 0:
            return self._result(
                max_points, max_points, f"Không có lần vi phạm nào → {score_text(max_points, max_points)}"
            )
        each = self.per_item * max_points / HUNDRED if self.percent_of_max else self.per_item
        deducted = quantize(count * each, self.precision)
        share = f" ({vn_number(self.per_item)}% của {_pts(max_points)})" if self.percent_of_max else ""
        shown = (
            f"{count} {self.unit} × {vn_number(quantize(each, self.precision))}{share} = trừ {_pts(deducted)}"
        )
        if max_points - deducted < self.floor:
            return self._result(
                self.floor,
                max_points,
                f"{shown}; không thấp hơn {_pts(self.floor)} → {score_text(self.floor, max_points)}",
            )
        points = max_points - deducted
        return self._result(points, max_points, f"{shown} → {score_text(points, max_points)}")

    def problems(self, max_points: Decimal) -> list[str]:
        found = [] if self.per_item > 0 else ["Điểm trừ mỗi lần phải lớn hơn 0."]
        if not 0 <= self.floor <= max_points:
            found.append(f"Mức sàn {_pts(self.floor)} phải từ 0 đến điểm tối đa {_pts(max_points)}.")
        return found


@dataclass(frozen=True, kw_only=True)
class Manual(Rule):
    """A score typed by a person with a reason, 0 ≤ score ≤ maximum; ``guide`` is the scoring guide's text."""

    kind: ClassVar[str] = "manual"
    guide: str = ""

    def _score(self, value: object, max_points: Decimal) -> Result:
        raise InvalidInput("Cần nhập điểm và lý do chấm.")


@dataclass(frozen=True, kw_only=True)
class NotApplicable(Rule):
    """ "Không áp dụng": the criterion never applies under this set; excluded from the points and the maximum."""

    kind: ClassVar[str] = "not_applicable"
    reason: str = ""

    def _score(self, value: object, max_points: Decimal) -> Result:
        return not_applicable_result(self.reason)
