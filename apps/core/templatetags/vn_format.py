"""Numbers on pages as Vietnamese readers write them: 1.109; 74,8%; 300.000 đồng; "—" where there is none."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from domain.vn_numbers import vn_number as _vn_number

register = template.Library()
NONE = "—"


def _decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def vn_int(value: Any) -> str:
    """28000 → "28.000" (a count: rounded to a whole number)."""
    number = _decimal(value)
    return NONE if number is None else _vn_number(number, 0)


@register.filter
def vn_num(value: Any, places: int = 2) -> str:
    """1234.5 → "1.234,5"; 98.125 → "98,13" (at most `places` decimals, trailing zeros dropped)."""
    number = _decimal(value)
    return NONE if number is None else _vn_number(number, int(places))


@register.filter
def vn_percent(value: Any, places: int = 1) -> str:
    """74.83 → "74,8%" (a value already in percent)."""
    number = _decimal(value)
    return NONE if number is None else f"{_vn_number(number, int(places))}%"


@register.filter
def vn_money(value: Any) -> str:
    """300000 → "300.000 đồng"."""
    number = _decimal(value)
    return NONE if number is None else f"{_vn_number(number, 0)} đồng"
