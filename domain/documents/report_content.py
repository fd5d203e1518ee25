"""What a periodic CCHC report says, as plain values: the one input of the Word writer, the Word template, the
Excel annex and the HTML preview, so all four show the same figures.

Text fields hold paragraphs separated by new lines. A part written ``[[…]]`` is a gap left for the author — a
unit that sent nothing, a period without data — and is printed visibly marked (highlighted in Word, "[…]" in a
template), never silently dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from domain.documents.nd30_text import clean
from domain.report_tasks import StatusCounts

__all__ = [
    "AnnexOccurrence",
    "AnnexTask",
    "AreaSection",
    "DossierLine",
    "IndicatorLine",
    "ReportContent",
    "SurveyLine",
    "UnitLine",
    "gap",
    "number_text",
    "paragraphs",
    "percent_text",
    "plain",
    "split_gaps",
]

_GAP = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)


def gap(text: str) -> str:
    """Mark ``text`` as a gap for the author: "[[Phòng X chưa gửi nội dung báo cáo.]]"."""
    return f"[[{text}]]"


def split_gaps(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into (segment, is_gap) pieces, in order, empty pieces left out."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _GAP.finditer(text):
        if match.start() > position:
            pieces.append((text[position : match.start()], False))
        pieces.append((f"[{match.group(1)}]", True))
        position = match.end()
    if position < len(text):
        pieces.append((text[position:], False))
    return [(piece, is_gap) for piece, is_gap in pieces if piece]


def plain(text: str) -> str:
    """``text`` with each gap written "[…]", as a template or a spreadsheet shows it."""
    return "".join(piece for piece, _ in split_gaps(clean(text)))


def paragraphs(text: str) -> list[str]:
    """The non-empty paragraphs of a text field, stripped."""
    return [line.strip() for line in clean(text).splitlines() if line.strip()]


def number_text(value: Decimal | int | None, *, places: int = 2) -> str:
    """A number as Vietnamese writes it: "98,5", "1.234"; "—" when unknown."""
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    sign = "-" if value < 0 else ""
    exact = abs(Decimal(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP).normalize()
    whole, _, fraction = f"{exact:f}".partition(".")
    whole = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{whole},{fraction}" if fraction else f"{sign}{whole}"


def percent_text(value: Decimal | None) -> str:
    """ "98,5%", or "—" when there is nothing to divide."""
    return "—" if value is None else f"{number_text(value)}%"


@dataclass(frozen=True)
class AreaSection:
    """One reform area of the report: its figures and its text (paragraphs, gaps marked)."""

    code: str
    name: str
    counts: StatusCounts
    text: str


@dataclass(frozen=True)
class IndicatorLine:
    """A target of the plan against what was measured."""

    text: str
    target: str
    result: str
    assessment: str
    source: str = ""


@dataclass(frozen=True)
class DossierLine:
    """Dossiers of one procedure in the period: resolved, on time, late, overdue at the end, apologised."""

    procedure: str
    resolved: int
    on_time: int
    late: int
    overdue: int
    apologised: int


@dataclass(frozen=True)
class ChannelLine:
    """Articles of the period on one communication channel."""

    channel: str
    articles: int


@dataclass(frozen=True)
class SurveyLine:
    """One satisfaction survey campaign of the period."""

    campaign: str
    period: str
    responses: int
    rate: str


@dataclass(frozen=True)
class AnnexTask:
    """A task in the report's appendix with what became of its occurrences in the period."""

    area: str
    ref: str
    title: str
    lead: str
    timeline: str
    result: str
    note: str = ""


@dataclass(frozen=True)
class AnnexOccurrence:
    """One task occurrence of the period, as the Excel annex lists it."""

    area: str
    plan: str
    ref: str
    title: str
    label: str
    lead: str
    start_on: date | None
    due_on: date
    completed_on: date | None
    accepted_on: date | None
    percent: int
    status: str
    detail: str


@dataclass(frozen=True)
class UnitLine:
    """A unit's tasks in the period and whether it sent its part of the report."""

    name: str
    counts: StatusCounts
    contribution: str  # "Đã gửi 10/12/2026", "Chưa gửi", "Không yêu cầu"


@dataclass(frozen=True)
class ReportContent:
    """Everything a periodic report shows. Any field may be empty: the writer prints a gap, never fails."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk"
    issuing_body: str  # "Sở Xây dựng"
    number: str | None
    symbol: str | None  # "BC-SXD"
    place: str
    issued_on: date | None
    year: int | None
    subject: str
    period_label: str  # "năm 2026"
    window_text: str  # "từ ngày 15/12/2025 đến ngày 14/12/2026"
    opening: tuple[str, ...]
    overview: str
    totals: StatusCounts
    areas: tuple[AreaSection, ...]
    indicators: tuple[IndicatorLine, ...] = ()
    indicators_note: str = ""
    dossiers: tuple[DossierLine, ...] = ()
    dossiers_note: str = ""
    surveys: tuple[SurveyLine, ...] = ()
    surveys_note: str = ""
    communications: tuple[ChannelLine, ...] = ()
    communications_note: str = ""
    strengths: str = ""
    weaknesses: str = ""
    next_tasks: str = ""
    proposals: str = ""
    closing: str = ""
    signer_title: str | None = None
    signer: str | None = None
    recipients: tuple[str, ...] = ()
    annex: tuple[AnnexTask, ...] = ()
    missing_units: tuple[str, ...] = field(default=())
    occurrences: tuple[AnnexOccurrence, ...] = ()
    units: tuple[UnitLine, ...] = ()
