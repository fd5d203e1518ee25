"""The neutral model of a plan document every reader fills: paragraphs and tables in reading order.

A table keeps its grid; a cell covered by a merged cell (vertically or horizontally) is ``None`` so the
appendix reader can tell "same task as above" from "empty".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["DocumentError", "Paragraph", "SourceDocument", "Table", "clean_text"]


class DocumentError(ValueError):
    """The file cannot be read as a plan; ``message`` is the Vietnamese text shown to the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or, for text and PDF input, one visual line) of body text."""

    text: str


@dataclass(frozen=True)
class Table:
    """A table as a grid of cell texts; ``None`` marks a cell covered by a merged neighbour."""

    rows: tuple[tuple[str | None, ...], ...]


@dataclass(frozen=True)
class SourceDocument:
    """The body of a plan in reading order, the format it came from and notes made while reading."""

    blocks: list[Paragraph | Table]
    format: str = "txt"
    notes: tuple[str, ...] = field(default=())


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def clean_text(text: str) -> str:
    """NFC, no invisible characters, non-breaking and other odd spaces as plain spaces (newlines kept)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return re.sub(r"[^\S\n\t]", " ", text)
