"""Normalise the "Thời gian thực hiện" column of a plan into dates the system can follow up.

Plans write time in many ways: "Quý III/2026", "Quý III, IV", "6 tháng đầu năm", "Hằng quý",
"Thường xuyên", "trước ngày 15/5/2026", "trước ngày 20/11 hằng năm", "Sau khi có văn bản hướng dẫn".
Text from PDFs is broken across lines ("Quý \\nIV/2026") and typed with or without diacritics. A phrase
relative to "the year" means the plan's year; a multi-year plan (2026–2030) runs recurrences over every
year of its period.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from domain.vntext import find_date_mentions, fold_chars, normalize_space, roman_to_int, strip_markup

__all__ = ["KINDS", "RECURRENCES", "Schedule", "normalize_schedule", "occurrence_dates"]

KINDS = ("window", "recurrence", "trigger", "continuous", "unknown")
RECURRENCES = ("monthly", "quarterly", "half_yearly", "yearly", "periodic")


@dataclass(frozen=True)
class Schedule:
    """A normalised timeline. ``start``/``due`` bound the whole schedule; recurrences repeat inside them."""

    raw: str
    kind: str
    start: date | None
    due: date | None
    recurrence: str | None = None
    recurrence_day: tuple[int, int] | None = None
    trigger: str | None = None
    reason: str | None = None

    @property
    def datable(self) -> bool:
        """Whether the system can put dates on it.

        A trigger ("Sau kiểm tra"), an unrecognised text and a bare "Định kỳ" (no cadence) cannot be dated.
        """
        if self.kind in ("trigger", "unknown") or self.start is None or self.due is None:
            return False
        return self.recurrence != "periodic"


_ROMAN_QUARTER = r"(?:iv|i{1,3}|[1-4](?!\d))\b"
_LIST_SEP = r"\s*(?:,|;|-|–|\+|&|va)\s*"
_YEAR_SUFFIX = r"(?:\s*(?:[/\-–]|,?\s*nam)?\s*(\d{4})(?!\d))?"
_QUARTERS = re.compile(rf"\bquy\s+({_ROMAN_QUARTER}(?:{_LIST_SEP}{_ROMAN_QUARTER})*){_YEAR_SUFFIX}")
_MONTHS = re.compile(rf"\bthang\s+(\d{{1,2}}(?!\d)(?:{_LIST_SEP}\d{{1,2}}(?!\d))*){_YEAR_SUFFIX}")
_HALF = re.compile(r"\b(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam(?:\s*(\d{4})(?!\d))?|\bnua\s+(dau|cuoi)\s+nam")
_EVERY_YEAR = re.compile(r"\b(?:hang|moi)\s+nam\b")
_CADENCES = (
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky)\s+thang\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky)\s+quy\b")),
    ("half_yearly", re.compile(r"\b(?:hang|moi|dinh ky)\s+(?:6|sau)\s+thang\b|\bnua nam mot lan\b")),
    ("yearly", re.compile(r"\b(?:hang|moi|dinh ky)\s+nam\b")),
    ("periodic", re.compile(r"\bdinh ky\b")),
)
_CONTINUOUS = re.compile(r"\b(?:thuong xuyen|lien tuc)\b")
_TRIGGER = re.compile(
    r"^(?:sau|khi|ngay sau|theo|tuy theo|tuy|dot xuat|truoc khi|kip thoi|can cu|phu thuoc|cho)\b"
)
_YEAR_END = re.compile(r"\bcuoi nam(?:\s*(\d{4})(?!\d))?")
_YEAR_RANGE = re.compile(r"(?<!\d)(\d{4})\s*(?:-|–|den)\s*(\d{4})(?!\d)")
_WHOLE_YEAR = re.compile(r"\b(?:ca nam|trong nam)(?:\s*(\d{4})(?!\d))?|\bnam\s+(\d{4})(?!\d)")
_WHOLE_PERIOD = re.compile(r"\b(?:ca|trong|suot)\s+giai doan\b")
_MIN_YEAR, _MAX_YEAR = 1900, 2100


def _year_end(year: int) -> date:
    return date(year, 12, 31)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _valid_year(year: int) -> bool:
    return _MIN_YEAR <= year <= _MAX_YEAR


class _Context:
    """What every rule needs: the cleaned text, its folded form and the plan period."""

    def __init__(self, raw: str, plan_year: int, period_end_year: int) -> None:
        self.raw = normalize_space(raw)
        self.clean = normalize_space(strip_markup(raw))
        self.text = fold_chars(self.clean)
        self.plan_year = plan_year
        self.period_start = date(plan_year, 1, 1)
        self.period_end = _year_end(period_end_year)

    def window(self, start: date, due: date) -> Schedule:
        return Schedule(raw=self.raw, kind="window", start=start, due=due)

    def recurrence(self, cadence: str, day: tuple[int, int] | None = None) -> Schedule:
        reason = None
        if cadence == "periodic":
            reason = "“Định kỳ” chưa nêu chu kỳ cụ thể (hằng tháng, hằng quý, 6 tháng hay hằng năm)."
        return Schedule(
            raw=self.raw,
            kind="recurrence",
            start=self.period_start,
            due=self.period_end,
            recurrence=cadence,
            recurrence_day=day,
            reason=reason,
        )

    def unknown(self, reason: str) -> Schedule:
        return Schedule(raw=self.raw, kind="unknown", start=None, due=None, reason=reason)

    def year_or_plan(self, written: str | None) -> int | None:
        """The written year, the plan's year when none is written, ``None`` for an absurd year."""
        if not written:
            return self.plan_year
        year = int(written)
        return year if _valid_year(year) else None

    def every_year(self) -> bool:
        return _EVERY_YEAR.search(self.text) is not None


def _from_dates(ctx: _Context) -> Schedule | None:
    mentions = find_date_mentions(ctx.clean)
    if not mentions:
        return None
    problems = [m.problem for m in mentions if m.problem]
    if problems:
        return ctx.unknown(" ".join(p.reason for p in problems))
    if ctx.every_year():
        first = mentions[0]
        return ctx.recurrence("yearly", (first.day, first.month))
    dates: list[date] = []
    for mention in mentions:
        year = mention.year if mention.year is not None else ctx.plan_year
        if not _valid_year(year):
            return ctx.unknown(f"Năm {year} trong “{ctx.raw}” không hợp lệ.")
        dates.append(date(year, mention.month, min(mention.day, calendar.monthrange(year, mention.month)[1])))
    if len(dates) >= 2 and dates[0] <= dates[-1]:
        return ctx.window(dates[0], dates[-1])  # "từ ngày … đến ngày …"
    due = dates[-1]
    # A deadline alone runs from the start of the plan; a deadline before the plan starts runs from itself.
    return ctx.window(min(ctx.period_start, due), due)


def _listed_numbers(listing: str) -> list[str]:
    return [item for item in re.split(_LIST_SEP, listing) if item]


def _windows_or_yearly(ctx: _Context, windows: list[tuple[date, date]], year_written: bool) -> Schedule:
    start = min(w[0] for w in windows)
    due = max(w[1] for w in windows)
    if not year_written and ctx.every_year():
        # "Quý IV hằng năm": once a year, due on the last day of the named window.
        return ctx.recurrence("yearly", (due.day, due.month))
    return ctx.window(start, due)


def _from_quarters(ctx: _Context) -> Schedule | None:
    matches = list(_QUARTERS.finditer(ctx.text))
    if not matches:
        return None
    windows = []
    for match in matches:
        year = ctx.year_or_plan(match[2])
        if year is None:
            return ctx.unknown(f"Năm trong “{ctx.raw}” không hợp lệ.")
        for item in _listed_numbers(match[1]):
            quarter = int(item) if item.isdigit() else roman_to_int(item)
            if quarter is None or not 1 <= quarter <= 4:
                return ctx.unknown(f"Quý “{item.upper()}” không tồn tại.")
            first_month = 3 * quarter - 2
            windows.append((date(year, first_month, 1), _month_end(year, first_month + 2)))
    return _windows_or_yearly(ctx, windows, any(m[2] for m in matches))


def _from_half_year(ctx: _Context) -> Schedule | None:
    match = _HALF.search(ctx.text)
    if not match:
        return None
    year = ctx.year_or_plan(match[2])
    if year is None:
        return ctx.unknown(f"Năm trong “{ctx.raw}” không hợp lệ.")
    if (match[1] or match[3]) == "dau":
        return _windows_or_yearly(ctx, [(date(year, 1, 1), date(year, 6, 30))], bool(match[2]))
    return _windows_or_yearly(ctx, [(date(year, 7, 1), date(year, 12, 31))], bool(match[2]))


def _from_months(ctx: _Context) -> Schedule | None:
    matches = list(_MONTHS.finditer(ctx.text))
    if not matches:
        return None
    windows = []
    for match in matches:
        year = ctx.year_or_plan(match[2])
        if year is None:
            return ctx.unknown(f"Năm trong “{ctx.raw}” không hợp lệ.")
        for item in _listed_numbers(match[1]):
            month = int(item)
            if not 1 <= month <= 12:
                return ctx.unknown(f"Tháng {month} không tồn tại.")
            windows.append((date(year, month, 1), _month_end(year, month)))
    return _windows_or_yearly(ctx, windows, any(m[2] for m in matches))


def _from_cadence(ctx: _Context) -> Schedule | None:
    # The finest cadence wins: "báo cáo hằng tháng, 6 tháng, năm" must be followed every month.
    for cadence, pattern in _CADENCES:
        if pattern.search(ctx.text):
            return ctx.recurrence(cadence)
    return None


def _from_continuous(ctx: _Context) -> Schedule | None:
    if not _CONTINUOUS.search(ctx.text):
        return None
    return Schedule(raw=ctx.raw, kind="continuous", start=ctx.period_start, due=ctx.period_end)


def _from_trigger(ctx: _Context) -> Schedule | None:
    if not _TRIGGER.search(ctx.text.strip()):
        return None
    return Schedule(
        raw=ctx.raw,
        kind="trigger",
        start=None,
        due=None,
        trigger=ctx.clean,
        reason=f"Thời gian “{ctx.clean}” phụ thuộc vào một sự kiện hoặc văn bản khác, "
        "chưa xác định được ngày cụ thể.",
    )


def _from_year_words(ctx: _Context) -> Schedule | None:
    match = _YEAR_END.search(ctx.text)
    if match:
        year = ctx.year_or_plan(match[1])
        if year is None:
            return ctx.unknown(f"Năm trong “{ctx.raw}” không hợp lệ.")
        return ctx.window(date(year, 12, 1), _year_end(year))
    match = _YEAR_RANGE.search(ctx.text)
    if match:
        first, last = int(match[1]), int(match[2])
        if _valid_year(first) and _valid_year(last) and first <= last:
            return ctx.window(date(first, 1, 1), _year_end(last))
        return ctx.unknown(f"Giai đoạn “{match[0]}” không hợp lệ.")
    if _WHOLE_PERIOD.search(ctx.text):
        return ctx.window(ctx.period_start, ctx.period_end)
    match = _WHOLE_YEAR.search(ctx.text)
    if match:
        year = ctx.year_or_plan(match[1] or match[2])
        if year is None:
            return ctx.unknown(f"Năm trong “{ctx.raw}” không hợp lệ.")
        return ctx.window(date(year, 1, 1), _year_end(year))
    return None


# Most specific first: a written date beats a quarter, a quarter beats "hằng năm", and so on.
_RULES = (
    _from_dates,
    _from_quarters,
    _from_half_year,
    _from_months,
    _from_cadence,
    _from_continuous,
    _from_trigger,
    _from_year_words,
)


def normalize_schedule(raw: str, *, plan_year: int, period_end_year: int | None = None) -> Schedule:
    """Read a "Thời gian thực hiện" text relative to a plan running from ``plan_year`` to ``period_end_year``.

    Raises ``ValueError`` only for a wrong period (a programming error); any text gives a ``Schedule``.
    """
    end_year = plan_year if period_end_year is None else period_end_year
    if not (_valid_year(plan_year) and _valid_year(end_year) and plan_year <= end_year):
        raise ValueError(f"invalid plan period {plan_year}–{end_year}")
    ctx = _Context(raw, plan_year, end_year)
    if not ctx.text.strip():
        return ctx.unknown("Chưa ghi thời gian thực hiện.")
    for rule in _RULES:
        schedule = rule(ctx)
        if schedule is not None:
            return schedule
    return ctx.unknown(f"Không nhận dạng được thời gian “{ctx.clean}”; cần ghi rõ thời hạn.")


def _month_starts(lo: date, hi: date, step: int) -> list[date]:
    """First days of the calendar blocks of ``step`` months (1, 3, 6, 12) that overlap [lo, hi]."""
    first_month = (lo.month - 1) // step * step + 1
    current = date(lo.year, first_month, 1)
    starts = []
    while current <= hi:
        starts.append(current)
        month_index = current.month - 1 + step
        current = date(current.year + month_index // 12, month_index % 12 + 1, 1)
    return starts


def _blocks(lo: date, hi: date, step: int) -> list[tuple[date, date]]:
    windows = []
    for block_start in _month_starts(lo, hi, step):
        last_month_index = block_start.month - 1 + step - 1
        block_end = _month_end(block_start.year + last_month_index // 12, last_month_index % 12 + 1)
        windows.append((max(block_start, lo), min(block_end, hi)))
    return windows


def _yearly_on_day(lo: date, hi: date, day: int, month: int) -> list[tuple[date, date]]:
    windows = []
    for year in range(lo.year, hi.year + 1):
        due = date(year, month, min(day, calendar.monthrange(year, month)[1]))  # 29/02 → 28/02
        if lo <= due <= hi:
            windows.append((max(date(year, 1, 1), lo), due))
    return windows


_STEPS = {"monthly": 1, "quarterly": 3, "half_yearly": 6, "yearly": 12}


def occurrence_dates(schedule: Schedule, period_start: date, period_end: date) -> list[tuple[date, date]]:
    """The (start, due) windows of ``schedule`` inside [period_start, period_end], clipped to it.

    Monthly, quarterly, half-yearly and yearly recurrences give one window per calendar block; a yearly
    recurrence with a day gives that day each year; continuous work is followed month by month; a window
    gives itself. Triggers, unknown texts and a bare "Định kỳ" give nothing: there is no date to follow.
    """
    if not schedule.datable or schedule.start is None or schedule.due is None:
        return []
    lo = max(period_start, schedule.start)
    hi = min(period_end, schedule.due)
    if lo > hi:
        return []
    if schedule.kind == "window":
        return [(lo, hi)]
    if schedule.kind == "continuous":
        return _blocks(lo, hi, 1)
    if schedule.recurrence == "yearly" and schedule.recurrence_day is not None:
        return _yearly_on_day(lo, hi, *schedule.recurrence_day)
    step = _STEPS.get(schedule.recurrence or "")
    return _blocks(lo, hi, step) if step else []
