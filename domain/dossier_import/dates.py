"""Dates as the one-stop exports write them: `dd/mm/yyyy`, `dd/mm/yyyy HH:MM[:SS]`, ISO `yyyy-mm-dd[ HH:MM]`,
`yyyy-mm-ddTHH:MM[:SS]`, and Excel day serials (`46082`) from spreadsheets saved as CSV.

Parsing runs once per distinct day text and once per distinct time text (both cached, with a ceiling), because
an export of a million dossiers carries a few thousand distinct days.
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["DateReader", "ParsedDate"]

# (ISO day, day ordinal, month key yyyymm, ISO time or None)
ParsedDate = tuple[str, int, int, str | None]
_EXCEL_EPOCH = date(1899, 12, 30)
_MIN_YEAR, _MAX_YEAR = 1990, 2100
_CACHE_LIMIT = 200_000


class DateReader:
    """Reads one date cell; `read` returns None when the text is not a real date (31/02/2026)."""

    def __init__(self) -> None:
        # Only good values are cached here, so a hit needs no further check.
        self._days: dict[str, ParsedDate] = {}
        self._times: dict[str, str] = {}
        self._bad: set[str] = set()

    def read(self, text: str) -> ParsedDate | None:
        found = self._days.get(text)
        if found is not None:
            return found
        # "dd/mm/yyyy HH:MM" and "yyyy-mm-dd HH:MM": the day and the time are cached apart.
        if len(text) >= 16 and (text[10] == " " or text[10] == "T"):
            day = self._days.get(text[:10])
            clock = self._times.get(text[11:])
            if day is not None and clock is not None:
                return day[0], day[1], day[2], clock
        return self._read_slowly(text)

    def _read_slowly(self, text: str) -> ParsedDate | None:
        if text in self._bad:
            return None
        stripped = text.strip()
        if len(stripped) >= 10 and stripped[4] == "-":
            day_text, time_text = stripped[:10], stripped[10:].lstrip("T ")
        else:
            day_text, _, time_text = stripped.partition(" ")
            time_text = time_text.strip()
        day = self._days.get(day_text) or self._parse_day(day_text)
        clock = (self._times.get(time_text) or self._parse_time(time_text)) if time_text else None
        if day is None or (time_text and clock is None):
            if len(self._bad) < _CACHE_LIMIT:
                self._bad.add(text)
            return None
        if len(self._days) > _CACHE_LIMIT:
            self._days.clear()
        self._days[day_text] = day
        if clock is None:
            self._days[text] = day
            return day
        self._times[time_text] = clock
        return day[0], day[1], day[2], clock

    @staticmethod
    def _parse_day(text: str) -> ParsedDate | None:
        try:
            if len(text) == 10 and text[4] == "-" and text[7] == "-":
                year, month, day = int(text[:4]), int(text[5:7]), int(text[8:10])
            elif text.isdigit() and 4 <= len(text) <= 6:
                value = _EXCEL_EPOCH + timedelta(days=int(text))
                year, month, day = value.year, value.month, value.day
            else:
                for separator in ("/", "-", "."):
                    parts = text.split(separator)
                    if len(parts) == 3:
                        break
                else:
                    return None
                if not all(part.isdigit() for part in parts) or len(parts[2]) != 4:
                    return None
                day, month, year = int(parts[0]), int(parts[1]), int(parts[2])
            if not _MIN_YEAR <= year <= _MAX_YEAR:
                return None
            value = date(year, month, day)
        except (ValueError, OverflowError):
            return None
        return value.isoformat(), value.toordinal(), year * 100 + month, None

    @staticmethod
    def _parse_time(text: str) -> str | None:
        for suffix in ("Z", "+07:00", "+0700"):
            text = text.removesuffix(suffix)
        text = text.split(".")[0]
        parts = text.split(":")
        if not 2 <= len(parts) <= 3 or not all(part.isdigit() and len(part) <= 2 for part in parts):
            return None
        hour, minute = int(parts[0]), int(parts[1])
        second = int(parts[2]) if len(parts) == 3 else 0
        if hour > 23 or minute > 59 or second > 59:
            return None
        return f"{hour:02d}:{minute:02d}:{second:02d}"
