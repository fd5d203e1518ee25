"""Vietnamese text helpers for reading plans copied out of Word and PDF files.

Plans reach us with broken lines, non-breaking spaces, markdown stars, LaTeX remnants such as
``$\\geq 98\\%$`` and words typed with or without diacritics ("Quý III" / "quy III"). These helpers
give the parsers one way to clean text, compare it without accents and find dates in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

__all__ = [
    "DateMention",
    "DateProblem",
    "date_problem",
    "find_date_mentions",
    "find_date_problems",
    "find_dates",
    "fold",
    "fold_chars",
    "normalize_space",
    "parse_vn_date",
    "roman_to_int",
    "strip_markup",
]

# Characters PDF extraction leaves inside words; they are invisible to a reader.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")


def normalize_space(text: str) -> str:
    """NFC-normalise, drop invisible characters, collapse any whitespace run to one space, strip."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    lower = char.lower()
    if len(lower) != 1:  # e.g. "İ" lowercases to two code points; keep the length stable
        lower = char
    if lower == "đ":
        return "d"
    decomposed = unicodedata.normalize("NFD", lower)
    base = decomposed[0]
    # A stray combining mark has no base letter; a space keeps positions aligned.
    return " " if unicodedata.combining(base) else base


def fold_chars(text: str) -> str:
    """Lowercase and strip diacritics one character at a time, keeping the length of ``NFC(text)``.

    Positions in the result point at the same characters in ``unicodedata.normalize("NFC", text)``,
    so a parser can match on folded text and cut the phrase "as written" out of the original.
    """
    normalized = unicodedata.normalize("NFC", text)
    if normalized.isascii():
        return normalized.lower()
    return "".join(map(_fold_char, normalized))


def fold(text: str) -> str:
    """Text for accent- and case-insensitive comparison: ``fold("Cải  cách") == "cai cach"``."""
    return _SPACES.sub(" ", fold_chars(text)).strip()


# Emphasis markers: a run of * or _ touching a word on one side only, so snake_case survives.
_EMPHASIS = re.compile(r"(?<![\w*])[*_]+(?=[^\s*_])|(?<=[^\s*_])[*_]+(?![\w*])|(?<!\S)[*_]{2,}(?!\S)")
_MATH = re.compile(r"\$([^$]*)\$")
_LATEX_SYMBOLS = (
    (re.compile(r"\\(?:geq|geqslant|ge)(?![A-Za-z])"), "≥"),
    (re.compile(r"\\(?:leq|leqslant|le)(?![A-Za-z])"), "≤"),
    (re.compile(r"\\(?:neq|ne)(?![A-Za-z])"), "≠"),
    (re.compile(r"\\approx(?![A-Za-z])"), "≈"),
    (re.compile(r"\\times(?![A-Za-z])"), "×"),
    (re.compile(r"\\pm(?![A-Za-z])"), "±"),
    (re.compile(r"\\cdot(?![A-Za-z])"), "·"),
    (re.compile(r"\\(?:text|mathrm|textbf|mathbf)\{([^{}]*)\}"), r"\1"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\\[,;:! ]"), " "),
)


def _latex_to_text(fragment: str) -> str:
    for pattern, replacement in _LATEX_SYMBOLS:
        fragment = pattern.sub(replacement, fragment)
    # "≥98%" and "≥ 98%" must read the same; math spacing is not meaningful.
    fragment = re.sub(r"([≥≤≠≈±])\s*", r"\1 ", fragment)
    return _SPACES.sub(" ", fragment).strip()


def strip_markup(text: str) -> str:
    """Remove markdown emphasis and turn LaTeX remnants into plain text.

    ``"**trước ngày 15/5/2026**"`` → ``"trước ngày 15/5/2026"``; ``"$\\geq 98\\%$"`` → ``"≥ 98%"``.
    """
    text = _MATH.sub(lambda m: _latex_to_text(m.group(1)), text)
    # Converters sometimes drop one of the dollars; symbols outside $…$ are converted too.
    text = _latex_to_text_outside_math(text)
    return _EMPHASIS.sub("", text)


def _latex_to_text_outside_math(text: str) -> str:
    if "\\" not in text:
        return text
    for pattern, replacement in _LATEX_SYMBOLS:
        text = pattern.sub(replacement, text)
    return text.replace("$", "")


def roman_to_int(numeral: str) -> int | None:
    """Value of a Roman numeral I..XX (any case), ``None`` for anything else.

    Plan headings never pass XX; a longer run of I/V/X letters is more likely a typo than a heading.
    """
    token = numeral.strip().upper()
    if not token or not re.fullmatch(r"X{0,2}(?:IX|IV|V?I{0,3})", token):
        return None
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, letter in enumerate(token):
        value = values[letter]
        following = values[token[index + 1]] if index + 1 < len(token) else 0
        total += -value if value < following else value
    return total if 1 <= total <= 20 else None


@dataclass(frozen=True)
class DateProblem:
    """A date written in a plan that does not exist, with the reason shown to the user."""

    text: str
    reason: str


@dataclass(frozen=True)
class DateMention:
    """One date written in a text.

    ``year`` is ``None`` for a day and month alone ("20/11 hằng năm"); ``value`` is then ``None`` too.
    ``span`` indexes ``unicodedata.normalize("NFC", text)`` (and equally ``fold_chars(text)``).
    """

    text: str
    span: tuple[int, int]
    day: int
    month: int
    year: int | None
    value: date | None
    problem: DateProblem | None


def parse_vn_date(day: int | str, month: int | str, year: int | str) -> date | None:
    """The date for day, month, year as written in Vietnamese order; ``None`` when it does not exist."""
    try:
        return date(int(str(year).strip()), int(str(month).strip()), int(str(day).strip()))
    except ValueError:
        return None


def _day_month_exists(day: int, month: int) -> bool:
    # 2024 is a leap year: "29/02 hằng năm" is a real day in some years.
    return parse_vn_date(day, month, 2024) is not None


def date_problem(day: int, month: int, year: int | None = None) -> DateProblem | None:
    """Why a written date is impossible ("Ngày 31/02/2026 không tồn tại."), or ``None`` when it exists."""
    written = f"{day:02d}/{month:02d}" + (f"/{year}" if year is not None else "")
    exists = _day_month_exists(day, month) if year is None else parse_vn_date(day, month, year) is not None
    if exists:
        return None
    return DateProblem(text=written, reason=f"Ngày {written} không tồn tại.")


# dd/mm/yyyy with "/", "-" or "." (the same separator twice); spaces appear where PDFs break lines.
_FULL_DATE = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])")
# dd/mm alone only with "/": "1.2" and "3-4" are list numbers and ranges far more often than dates.
_DAY_MONTH = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*/\s*(\d{1,2})(?!\s*[/.\-]?\s*\d)")
_LONG_DATE = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*,?\s+nam\s+(\d{4}))?(?!\d)")


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date written in ``text`` (dd/mm/yyyy, d/m/yyyy, dd/mm, "ngày 08 tháng 01 năm 2026"), in order."""
    original = unicodedata.normalize("NFC", text)
    folded = fold_chars(original)
    found: list[tuple[tuple[int, int], int, int, int | None]] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= start or span[0] >= end for start, end in taken)

    for match in _FULL_DATE.finditer(folded):
        found.append((match.span(), int(match[1]), int(match[3]), int(match[4])))
        taken.append(match.span())
    for match in _LONG_DATE.finditer(folded):
        if free(match.span()):
            year = int(match[3]) if match[3] else None
            found.append((match.span(), int(match[1]), int(match[2]), year))
            taken.append(match.span())
    for match in _DAY_MONTH.finditer(folded):
        if free(match.span()):
            found.append((match.span(), int(match[1]), int(match[2]), None))
    mentions = []
    for span, day, month, year in sorted(found):
        value = parse_vn_date(day, month, year) if year is not None else None
        mentions.append(
            DateMention(
                text=original[span[0] : span[1]],
                span=span,
                day=day,
                month=month,
                year=year,
                value=value,
                problem=date_problem(day, month, year),
            )
        )
    return mentions


def find_dates(text: str) -> list[date]:
    """The existing dates with a year written in ``text``, in order; impossible dates are skipped."""
    return [m.value for m in find_date_mentions(text) if m.value is not None]


def find_date_problems(text: str) -> list[DateProblem]:
    """The impossible dates written in ``text`` (e.g. 31/02/2026), for the caller to report."""
    return [m.problem for m in find_date_mentions(text) if m.problem is not None]
