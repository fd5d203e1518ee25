"""What goes into a rule and what comes out: inputs, results, the two errors, and reading numbers people type."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from domain.vn_numbers import vn_number

__all__ = [
    "UNVERIFIED",
    "InvalidInput",
    "ManualScore",
    "NotApplicableInput",
    "Result",
    "RuleError",
    "Timeliness",
    "as_count",
    "as_decimal",
    "as_rate",
    "score_text",
]

UNVERIFIED = "chưa đối chiếu"


class RuleError(ValueError):
    """A rule definition that cannot be used; the message is Vietnamese, for the person editing the set."""


class InvalidInput(ValueError):
    """An input a rule cannot score; the message is Vietnamese, for the person entering it."""


@dataclass(frozen=True)
class Result:
    """Points reached on one criterion. ``extra`` marks bonus or penalty points, added outside the maximum."""

    points: Decimal
    max_points: Decimal
    applicable: bool
    explanation: str
    extra: bool = False


@dataclass(frozen=True)
class ManualScore:
    """A score typed by a person, with the reason they give."""

    points: Decimal
    reason: str


@dataclass(frozen=True)
class NotApplicableInput:
    """The unit has no such duty ("không áp dụng"): the criterion leaves both the points and the maximum."""

    reason: str = ""


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"


def score_text(points: Decimal, max_points: Decimal) -> str:
    return f"{vn_number(points)}/{vn_number(max_points)} điểm"


def as_decimal(value: object, what: str) -> Decimal:
    """A Decimal from a Decimal, an int or a text with a comma or dot decimal; floats go through ``str``."""
    if isinstance(value, bool):
        raise InvalidInput(f"{what} phải là một số, không phải có/không.")
    if isinstance(value, Decimal | int):
        number = Decimal(value)
    elif isinstance(value, float | str):
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except InvalidOperation:
            raise InvalidInput(f"{what} “{value}” không phải là một số.") from None
    else:
        raise InvalidInput(f"{what} phải là một số.")
    if not number.is_finite():
        raise InvalidInput(f"{what} “{value}” không phải là một số.")
    return number


def as_rate(value: object, label: str) -> Decimal:
    rate = as_decimal(value, label)
    if rate < 0:
        raise InvalidInput(f"{label} không được âm ({vn_number(rate)}).")
    return rate


def as_count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(f"{what} phải là một số nguyên.")
    if value < 0:
        raise InvalidInput(f"{what} không được âm ({value}).")
    return value
