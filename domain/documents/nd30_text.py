"""The wording rules of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I), as plain text.

Number and symbol (mục II.4), place and date (mục II.5), the signing title (mục II.8), "Nơi nhận"
(mục II.10) and how one document cites another. Pure functions: the layout in ``nd30`` prints them.
Every input passes through :func:`clean`, so no string can make the document's XML invalid.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

__all__ = [
    "BLANK",
    "GAP",
    "clean",
    "document_reference",
    "field",
    "number_line",
    "place_date_line",
    "recipient_lines",
    "short_date",
    "signer_title_lines",
]

# Shown where a value is missing, so the clerk sees what to fill in rather than a silent hole.
GAP = "…"
# Room to write by hand, as printed forms leave it: "Số:      /KH-SXD", "ngày     tháng     năm 2026".
BLANK = "     "

# XML 1.0 forbids most control characters, lone surrogates and U+FFFE/U+FFFF; lxml refuses them.
_XML_INVALID = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_LIST_MARK = re.compile(r"^[\s\-–—•+*]+")
_END_PUNCTUATION = re.compile(r"[\s;,.]+$")
# "Lưu: VT, VP." but not a recipient such as "Lưu trữ lịch sử tỉnh".
_ARCHIVE = re.compile(r"^l[uư]u\s*:", re.IGNORECASE)
_TITLE_SEPARATOR = re.compile(r"\s*/\s*|\n")


def clean(text: str | None) -> str:
    """``text`` without the characters XML 1.0 forbids; ``None`` becomes ``""``."""
    return _XML_INVALID.sub("", text or "")


def field(text: str | None) -> str:
    """``text`` cleaned and stripped: one value of a form."""
    return clean(text).strip()


def _padded_number(number: str | None) -> str:
    value = field(number)
    # Phụ lục I, mục II.4: numbers below 10 are written with a leading zero ("05").
    if value.isascii() and value.isdigit() and int(value) < 10:
        return f"{int(value):02d}"
    return value


def number_line(number: str | None, symbol: str | None) -> str:
    """ "Số: 13/KH-SXD"; without a number "Số:      /KH-SXD", without a symbol "Số: 13/…"."""
    return f"Số: {_padded_number(number) or BLANK}/{field(symbol) or GAP}"


def place_date_line(place: str, issued_on: date | None, year: int | None) -> str:
    """ "Đắk Lắk, ngày 08 tháng 01 năm 2026", or with blanks: "Đắk Lắk, ngày     tháng     năm 2026".

    Phụ lục I, mục II.5: a day below 10 and the months 1 and 2 take a leading zero (so that nobody can
    add a digit later); months 3–12 are written as they are.
    """
    where = field(place) or GAP
    if issued_on is None:
        known_year = f" {year}" if year is not None else BLANK
        return f"{where}, ngày{BLANK}tháng{BLANK}năm{known_year}"
    month = f"{issued_on.month:02d}" if issued_on.month <= 2 else str(issued_on.month)
    return f"{where}, ngày {issued_on.day:02d} tháng {month} năm {issued_on.year}"


def short_date(issued_on: date | None, year: int | None) -> str:
    """ "08/01/2026" for citing a document, or "     /     /2026" while the date is unknown."""
    if issued_on is None:
        return f"{BLANK}/{BLANK}/{year if year is not None else BLANK}"
    return f"{issued_on.day:02d}/{issued_on.month:02d}/{issued_on.year}"


def document_reference(
    kind: str,
    *,
    number: str | None,
    symbol: str | None,
    issued_on: date | None,
    year: int | None,
    issuer: str,
) -> str:
    """How another text cites a document: "Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng"."""
    numbered = number_line(number, symbol).removeprefix("Số: ")
    return f"{field(kind) or GAP} số {numbered} ngày {short_date(issued_on, year)} của {field(issuer) or GAP}"


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """The "Nơi nhận" entries: each "- …;", the archive copy "- Lưu: VT, ….", last, with a full stop.

    Entries arrive as typed in the source plan, with or without the dash and the closing punctuation, so
    both are stripped and written again. A list without a "Lưu:" entry gets one, because every document
    keeps a copy at the clerical office (Phụ lục I, mục II.10); "…" stands for the drafting unit.
    """
    entries = [_END_PUNCTUATION.sub("", _LIST_MARK.sub("", clean(entry))) for entry in recipients]
    entries = [entry for entry in entries if entry]
    archive_index = next((i for i, entry in enumerate(entries) if _ARCHIVE.match(entry)), None)
    archive = f"Lưu: VT, {GAP}" if archive_index is None else entries.pop(archive_index)
    return [f"- {entry};" for entry in entries] + [f"- {archive}."]


def signer_title_lines(title: str | None) -> list[str]:
    """ "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]; nothing known → ["…"]."""
    lines = [part.strip().upper() for part in _TITLE_SEPARATOR.split(clean(title))]
    return [line for line in lines if line] or [GAP]
