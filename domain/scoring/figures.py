"""How a criterion's rule reads a figure the system computed: a rate or a number as it is, a count as a whole
number, on time / late / missing from a figure that says so, and yes / no from a rate (yes only at 100%).

The result also carries the figure as a person would type it on the self-assessment form
(:mod:`domain.scoring.entries` reads it back to the same input), and a note said before the rule's explanation
where the rule does not read the number itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.scoring.rules import CountTarget, Rule, TimelinessRule, YesNo
from domain.scoring.values import InvalidInput, Timeliness
from domain.vn_numbers import vn_number

__all__ = ["FigureInput", "figure_input"]

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class FigureInput:
    """What ``rule.score`` reads (``value``), the same as typed on the form (``entry``), and how it was read."""

    value: object
    entry: str
    note: str = ""


def figure_input(
    rule: Rule, *, value: Decimal | None, is_rate: bool = False, timeliness: str = "", detail: str = ""
) -> FigureInput:
    """The input ``rule`` reads from a figure.

    ``value``: the figure as the pages show it (None: the figure has no number); ``is_rate``: the figure is a
    percentage; ``timeliness``: "on_time" / "late" / "missing" where the figure says so (an annual plan, the
    periodic reports); ``detail``: what the figure rests on (the plan's number and date), said before a
    timeliness rule's explanation. Raises :class:`InvalidInput` when the rule cannot read this figure.
    """
    if isinstance(rule, TimelinessRule):
        if not timeliness:
            raise InvalidInput(
                "Số liệu này không cho biết kịp thời hay không: chọn chỉ số khác hoặc quy tắc chấm khác."
            )
        status = Timeliness(timeliness)
        return FigureInput(status.value, status.value, detail)
    if isinstance(rule, YesNo):
        if is_rate and value is not None:
            yes = value >= HUNDRED
            note = f"Tỷ lệ {vn_number(value, places=2)}% (“{rule.yes_label}” chỉ khi đạt 100%)"
        elif timeliness:
            yes = Timeliness(timeliness) == Timeliness.ON_TIME
            note = f"{detail} (“{rule.yes_label}” chỉ khi đúng hạn)" if detail else ""
        else:
            raise InvalidInput(
                "Quy tắc có/không chỉ đọc được một tỷ lệ (có khi đạt 100%) hoặc tình trạng đúng hạn."
            )
        return FigureInput(yes, "có" if yes else "không", note)
    if value is None:
        raise InvalidInput("Chưa có số liệu.")
    if isinstance(rule, CountTarget):
        count = int(value)
        return FigureInput(count, str(count))
    return FigureInput(value, f"{value:f}")
