"""Numbers as Vietnamese documents write them: 98,13%; 1.234 hồ sơ; “—” where there is no value."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django import template

register = template.Library()
NONE = "—"


def _grouped(integer: str) -> str:
    sign = "-" if integer.startswith("-") else ""
    digits = integer.lstrip("-")
    groups: list[str] = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return sign + ".".join(groups)


@register.filter
def vn_number(value: Any, places: int = 2) -> str:
    """1234.5 → "1.234,5"; 98.125 → "98,13"; an integer stays without decimals; None → "—"."""
    if value is None or value == "":
        return NONE
    number = Decimal(str(value))
    if number == number.to_integral_value() and places >= 0:
        return _grouped(str(int(number)))
    quantum = Decimal(1).scaleb(-int(places))
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):f}"
    integer, _, fraction = text.partition(".")
    fraction = fraction.rstrip("0")
    return _grouped(integer) + ("," + fraction if fraction else "")


@register.filter
def vn_value(value: Any, unit: str = "") -> str:
    """A value with its unit: "98,13%" for a rate, "12 hồ sơ" for a count."""
    shown = vn_number(value)
    if shown == NONE:
        return NONE
    if unit == "%":
        return f"{shown}%"
    return f"{shown} {unit}".strip()
