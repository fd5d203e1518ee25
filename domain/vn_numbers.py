"""Numbers as Vietnamese readers write them: comma for decimals, dot for thousands, no trailing zeros."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["quantize", "vn_number"]


def quantize(value: Decimal, precision: Decimal) -> Decimal:
    """Round half up to ``precision`` (``Decimal("0.01")``), the rounding official score tables use."""
    return value.quantize(precision, rounding=ROUND_HALF_UP)


def vn_number(value: Decimal | int, places: int | None = None) -> str:
    """``Decimal("92.50")`` → ``"92,5"``; ``1234.5`` → ``"1.234,5"``; ``places`` rounds half up first."""
    number = Decimal(value)
    if places is not None:
        number = quantize(number, Decimal(1).scaleb(-places))
    number = number.normalize() if number != 0 else Decimal(0)
    return f"{number:,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
