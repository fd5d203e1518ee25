"""Reporting periods (kỳ báo cáo): a month, a quarter, six months or a year, written `2026-03`, `2026-Q1`,
`2026-H1`, `2026`.

Indicators, scorecards and reports name their period this way on the command line, in URLs and in the API.
A period covers whole calendar days from its first to its last day; "the end of P" is the end of its last
day (23:59 included). The data cut-offs of Nghị định 09/2019/NĐ-CP (15th of the previous month to the 14th)
are a reporting convention of the reports, not of these calendar periods.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

__all__ = [
    "HALF",
    "KINDS",
    "MONTH",
    "QUARTER",
    "YEAR",
    "Period",
    "PeriodError",
    "month_key",
    "month_of_key",
    "month_period",
    "parse_period",
    "period_containing",
    "trailing_months",
]

YEAR, HALF, QUARTER, MONTH = "year", "half", "quarter", "month"
KINDS = (MONTH, QUARTER, HALF, YEAR)
KIND_LABELS = {MONTH: "Tháng", QUARTER: "Quý", HALF: "6 tháng", YEAR: "Năm"}
_ROMAN = ("I", "II", "III", "IV")

_PATTERN = re.compile(r"^(\d{4})(?:-(?:(Q)([1-4])|(H)([12])|(\d{1,2})))?$")
_MIN_YEAR, _MAX_YEAR = 1990, 2100


class PeriodError(ValueError):
    """A period written in a way this module does not read; the message is for the user."""


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period: its kind, its first and its last day."""

    start: date
    end: date
    kind: str

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def code(self) -> str:
        """`2026`, `2026-H1`, `2026-Q3`, `2026-03`: the form `parse_period` reads."""
        if self.kind == YEAR:
            return str(self.year)
        if self.kind == HALF:
            return f"{self.year}-H{1 if self.start.month == 1 else 2}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{(self.start.month - 1) // 3 + 1}"
        return f"{self.year}-{self.start.month:02d}"

    @property
    def label(self) -> str:
        """How a Vietnamese report names the period: "Quý I/2026", "6 tháng đầu năm 2026", "Tháng 03/2026"."""
        if self.kind == YEAR:
            return f"Năm {self.year}"
        if self.kind == HALF:
            return f"6 tháng {'đầu' if self.start.month == 1 else 'cuối'} năm {self.year}"
        if self.kind == QUARTER:
            return f"Quý {_ROMAN[(self.start.month - 1) // 3]}/{self.year}"
        return f"Tháng {self.start.month:02d}/{self.year}"

    @property
    def months(self) -> list[int]:
        """The months the period covers as `yyyymm` keys (202601, 202602, …)."""
        return [month_key(self.year, month) for month in range(self.start.month, self.end.month + 1)]

    @property
    def first_month(self) -> int:
        return month_key(self.start.year, self.start.month)

    @property
    def last_month(self) -> int:
        return month_key(self.end.year, self.end.month)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def same_period_of_year(self, year: int) -> Period:
        """The same month, quarter, half or year in another year (for "so với cùng kỳ")."""
        return parse_period(str(year) + self.code[4:])

    def previous(self) -> Period:
        """The period of the same kind just before this one."""
        if self.kind == YEAR:
            return parse_period(str(self.year - 1))
        step = {HALF: 6, QUARTER: 3, MONTH: 1}[self.kind]
        index = self.start.year * 12 + self.start.month - 1 - step
        return _of_kind(self.kind, index // 12, index % 12 + 1)

    def next(self) -> Period:
        """The period of the same kind just after this one."""
        if self.kind == YEAR:
            return parse_period(str(self.year + 1))
        step = {HALF: 6, QUARTER: 3, MONTH: 1}[self.kind]
        index = self.start.year * 12 + self.start.month - 1 + step
        return _of_kind(self.kind, index // 12, index % 12 + 1)

    def elapsed_share(self, today: date) -> float:
        """The share of the period's days that have passed on `today` (0 before it, 1 after it)."""
        if today < self.start:
            return 0.0
        if today >= self.end:
            return 1.0
        return ((today - self.start).days + 1) / ((self.end - self.start).days + 1)

    def __str__(self) -> str:
        return self.code


def month_key(year: int, month: int) -> int:
    """`yyyymm` as an integer: 2026, 3 → 202603."""
    return year * 100 + month


def month_of_key(key: int) -> tuple[int, int]:
    return divmod(key, 100)


def _of_kind(kind: str, year: int, month: int) -> Period:
    if kind == YEAR:
        return Period(date(year, 1, 1), date(year, 12, 31), YEAR)
    if kind == HALF:
        first = 1 if month <= 6 else 7
        return Period(date(year, first, 1), date(year, first + 5, 30 if first == 1 else 31), HALF)
    if kind == QUARTER:
        first = (month - 1) // 3 * 3 + 1
        last = first + 2
        return Period(date(year, first, 1), date(year, last, monthrange(year, last)[1]), QUARTER)
    return Period(date(year, month, 1), date(year, month, monthrange(year, month)[1]), MONTH)


def month_period(year: int, month: int) -> Period:
    return _of_kind(MONTH, year, month)


def period_containing(day: date, kind: str) -> Period:
    """The month, quarter, half or year that contains `day`."""
    if kind not in KINDS:
        raise PeriodError(f"Loại kỳ không hợp lệ: {kind}.")
    return _of_kind(kind, day.year, day.month)


def parse_period(text: str) -> Period:
    """Read `2026`, `2026-H1`, `2026-Q1` or `2026-03` (also `2026-3`, lower case `q`/`h`).

    Raises `PeriodError` with a Vietnamese message for anything else.
    """
    written = (text or "").strip().upper()
    match = _PATTERN.match(written)
    if not match:
        raise PeriodError(
            f"Kỳ “{text}” không hợp lệ: viết 2026 (năm), 2026-H1 (6 tháng), 2026-Q1 (quý) hoặc 2026-03 (tháng)."
        )
    year = int(match[1])
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        raise PeriodError(f"Năm {year} nằm ngoài khoảng {_MIN_YEAR}–{_MAX_YEAR}.")
    if match[2]:
        return _of_kind(QUARTER, year, (int(match[3]) - 1) * 3 + 1)
    if match[4]:
        return _of_kind(HALF, year, 1 if match[5] == "1" else 7)
    if match[6]:
        month = int(match[6])
        if not 1 <= month <= 12:
            raise PeriodError(f"Tháng {month} không hợp lệ: tháng từ 01 đến 12.")
        return _of_kind(MONTH, year, month)
    return _of_kind(YEAR, year, 1)


def trailing_months(last: Period, count: int) -> Iterator[Period]:
    """The `count` months ending with the last month of `last`, oldest first (for trend charts)."""
    index = last.end.year * 12 + last.end.month - 1
    for offset in range(count - 1, -1, -1):
        value = index - offset
        yield month_period(value // 12, value % 12 + 1)
