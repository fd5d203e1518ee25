"""Working days in Viet Nam: weekends, public holidays, Tết and make-up working days, per year.

Bộ luật Lao động 2019, Điều 112: Tết Dương lịch 01/01; Tết Âm lịch 05 ngày; Giỗ Tổ Hùng Vương 10/3 âm lịch;
Chiến thắng 30/4; Quốc tế lao động 01/5; Quốc khánh 02/9 and one adjacent day. Each year the Prime Minister
fixes the exact Tết days and swaps (nghỉ bù, làm bù), so the calendar is data: `HolidayCalendar` takes the
holidays and make-up working days of the years it covers, and `DEFAULT_CALENDAR` ships the lunar dates
(Tết, Giỗ Tổ) computed for 2025–2030 — unverified against each year's official notice: an administrator
adjusts them per year in the application.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

# Lunar New Year's day (mùng 1 Tết) and Giỗ Tổ Hùng Vương (10/3 âm lịch), Gregorian dates.
LUNAR_NEW_YEAR = {
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
    2029: date(2029, 2, 13),
    2030: date(2030, 2, 3),
}
HUNG_KINGS = {
    2025: date(2025, 4, 7),
    2026: date(2026, 4, 26),
    2027: date(2027, 4, 16),
    2028: date(2028, 4, 4),
    2029: date(2029, 4, 23),
    2030: date(2030, 4, 12),
}


def statutory_holidays(year: int) -> set[date]:
    """The holidays of Điều 112 for one year (Tết: the last day of the old year and mùng 1–4)."""
    days = {date(year, 1, 1), date(year, 4, 30), date(year, 5, 1), date(year, 9, 1), date(year, 9, 2)}
    new_year = LUNAR_NEW_YEAR.get(year)
    if new_year is not None:
        days |= {new_year + timedelta(days=offset) for offset in range(-1, 4)}
    if year in HUNG_KINGS:
        days.add(HUNG_KINGS[year])
    return days


@dataclass(frozen=True)
class HolidayCalendar:
    """Days off and make-up working days; a weekend day listed in `working_days` is worked."""

    holidays: frozenset[date] = field(default_factory=frozenset)
    working_days: frozenset[date] = field(default_factory=frozenset)

    def is_working_day(self, day: date) -> bool:
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself not counted); negative goes back."""
        step = 1 if days >= 0 else -1
        remaining, current = abs(days), start
        while remaining:
            current += timedelta(days=step)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 when end ≤ start)."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count += 1
        return count


def calendar_for(
    years: Iterable[int],
    *,
    extra_holidays: Iterable[date] = (),
    working_days: Iterable[date] = (),
    removed: Iterable[date] = (),
) -> HolidayCalendar:
    """The statutory calendar of the given years, adjusted by the year's official notice."""
    holidays: set[date] = set()
    for year in years:
        holidays |= statutory_holidays(year)
    holidays |= set(extra_holidays)
    holidays -= set(removed)
    return HolidayCalendar(frozenset(holidays), frozenset(working_days))


DEFAULT_CALENDAR = calendar_for(range(2025, 2031))
