"""Figures as people read them: comma decimals, dot thousands, no trailing zeros."""

from decimal import Decimal

import pytest

from domain.vn_numbers import vn_number

D = Decimal


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (D("92.50"), None, "92,5"),
        (D("2.00"), None, "2"),
        (D(100), None, "100"),
        (D("1E+2"), None, "100"),
        (D("1234.5"), None, "1.234,5"),
        (D("0.125"), 2, "0,13"),  # half up, as official tables round
        (D("86.666"), 2, "86,67"),
        (D("-0.00"), None, "0"),
        (D("-1.5"), None, "-1,5"),
        (3, None, "3"),
    ],
)
def test_vn_number(value: Decimal | int, places: int | None, text: str) -> None:
    assert vn_number(value, places) == text
