"""What the public transparency portal (cổng công khai) shows: published figures, aggregated, never a person.

A *figure* is one number an agency chooses to publish: a stable key, a title, a value with its unit, the period
it covers, the date it was brought up to date and a short explanatory text made only of counts (never a name,
an e-mail, a phone number or a record's code). A *figure spec* is what a publisher ticks on the settings page:
one spec may stand for several figures (plan progress per reform area is one spec, one figure per area).

Pure Python: the Django app `apps.transparency` keeps the registry of providers, the publications and the cache.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["FigureSpec", "PublishedFigure", "looks_personal", "share", "year_to_date"]

_CENT = Decimal("0.01")


@dataclass(frozen=True)
class FigureSpec:
    """One choice on the publisher's settings page."""

    key: str
    group: str
    title: str
    description: str
    order: int = 0


@dataclass(frozen=True)
class PublishedFigure:
    """One number on a public page. `value` None means "no data in the period" (shown as such, never as 0)."""

    key: str
    title: str
    value: Decimal | int | None
    unit: str
    period: str
    updated_on: date
    note: str = ""
    group: str = ""


def share(part: int, whole: int) -> Decimal | None:
    """part ÷ whole × 100, two decimals half up; None when there is nothing to divide by."""
    if whole <= 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(_CENT, rounding=ROUND_HALF_UP)


def year_to_date(today: date) -> tuple[date, date, str]:
    """The whole months of the year so far: 1 January to the end of the last finished month, and its label.

    In January there is no finished month of the year yet: the previous year is used, whole.
    """
    if today.month == 1:
        year = today.year - 1
        return date(year, 1, 1), date(year, 12, 31), f"Năm {year}"
    end = date(today.year, today.month, 1) - timedelta(days=1)
    if end.month == 1:
        return date(today.year, 1, 1), end, f"Tháng 01/{today.year}"
    return date(today.year, 1, 1), end, f"Từ tháng 01 đến tháng {end.month:02d}/{today.year}"


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.]?\d){8,10}(?!\d)")


def looks_personal(text: str) -> bool:
    """A last guard on a figure's texts: an e-mail address or a Vietnamese phone number never goes public."""
    return bool(_EMAIL.search(text) or _PHONE.search(text))
