"""Word and PDF forms of the seed plans, built the way agencies' files are laid out.

``build_docx`` and ``build_pdf`` take a seed .txt and give the same plan as a real .docx (body paragraphs,
the "Số / Quốc hiệu" header and the "Nơi nhận / chữ ký" block as borderless two-column tables, the appendix
as a Word table with merged cells) or a real PDF (DejaVu Sans, the appendix as a ruled table that runs
over several pages with its header repeated). The Django app's upload tests reuse them.

The body paragraphs are the seed's lines joined back into paragraphs with the importer's own ``unwrap``
(the seed text is hard-wrapped; a Word author types whole paragraphs). Appendix rows come from the seed's
tab-separated lines, or, for the cell-by-cell layout of seed 003, from the checked transcription in
``data/seed003_appendix.json``.
"""

from __future__ import annotations

import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from domain.plan_import.layout import clean_line, is_furniture, unwrap
from domain.vntext import fold, strip_markup

__all__ = ["SEED_FILES", "build_docx", "build_pdf", "seed_path", "seeds_dir"]

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
DATA_DIR = Path(__file__).resolve().parent / "data"
SEED_FILES = {
    "000": "000_02cd82ab64be2b97.txt",
    "001": "001_1cb47749ca1e7ac4.txt",
    "002": "002_ec602bd9966572ab.txt",
    "003": "003_60869de41967d346.txt",
    "004": "004_56ba75e3a28b807e.txt",
}
_TRANSCRIPTIONS = {"003_60869de41967d346": "seed003_appendix.json"}
_MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def seeds_dir() -> Path:
    """The seed plans kept in the repository (``demo/seeds``), or the ``CCHC_SEEDS_DIR`` directory."""
    in_repository = Path(__file__).resolve().parents[3] / "demo" / "seeds"
    return Path(os.environ.get("CCHC_SEEDS_DIR", str(in_repository)))


def seed_path(key: str) -> Path:
    """The path of seed "000" … "004"."""
    return seeds_dir() / SEED_FILES[key]


@dataclass
class _Seed:
    number_line: str | None = None
    date_line: str | None = None
    body: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    appendix_intro: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


def _split_seed(path: Path) -> _Seed:
    raw = [strip_markup(line.rstrip("\n")) for line in path.read_text(encoding="utf-8").split("\n")]
    appendix_at = next(
        (i for i, line in enumerate(raw) if fold(line).startswith("phu luc") and len(line.strip()) < 40),
        len(raw),
    )
    lines = [clean_line(line) for line in raw[:appendix_at]]
    paragraphs = unwrap([line for line in lines if line and not is_furniture(line)])
    seed = _Seed()
    closing_at = next(
        (i for i, p in enumerate(paragraphs) if fold(p).startswith("noi nhan")), len(paragraphs)
    )
    for paragraph in paragraphs[:closing_at]:
        folded = fold(paragraph)
        if seed.number_line is None and folded.startswith("so:"):
            seed.number_line = paragraph
        elif seed.date_line is None and re.search(r", ngay\b.*\bthang\b.*\bnam\b", folded) and not seed.body:
            seed.date_line = paragraph
        else:
            seed.body.append(paragraph)
    for paragraph in paragraphs[closing_at:]:
        if fold(paragraph).startswith("noi nhan") or paragraph.startswith("-"):
            seed.recipients.append(paragraph)
        else:
            seed.signature.append(paragraph)
    _read_appendix(path, raw[appendix_at:], seed)
    return seed


def _read_appendix(path: Path, lines: list[str], seed: _Seed) -> None:
    transcription = _TRANSCRIPTIONS.get(path.stem)
    tab_rows = [line for line in lines if line.count("\t") >= 2]
    intro_end = next((i for i, line in enumerate(lines) if line.count("\t") >= 2), None)
    if transcription is not None:
        data = json.loads((DATA_DIR / transcription).read_text(encoding="utf-8"))
        seed.columns, seed.rows = data["columns"], data["rows"]
        intro_end = next(
            (i for i, line in enumerate(lines) if fold(line).startswith("tt muc tieu")), len(lines)
        )
    elif tab_rows:
        seed.columns = [cell.strip() for cell in tab_rows[0].split("\t")]
        seed.rows = [{"cells": [cell.strip() for cell in row.split("\t")]} for row in tab_rows[1:]]
    seed.appendix_intro = [clean_line(line) for line in lines[: intro_end or 0] if clean_line(line)]


# ------------------------------------------------------------------------------------------------- docx


def _set_repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _two_columns(document: Any, left: list[str], right: list[str]) -> None:
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0] if lines else ""
        for line in lines[1:]:
            cell.add_paragraph(line)


def _docx_task_table(document: Any, seed: _Seed, rows: list[dict[str, Any]]) -> None:
    width = len(seed.columns)
    table = document.add_table(rows=0, cols=width)
    table.style = "Table Grid"
    physical: list[list[str | None] | str] = []
    header = table.add_row()
    _set_repeat_header(header)
    for cell, text in zip(header.cells, seed.columns, strict=True):
        cell.text = text
    for row in rows:
        if row.get("repeat_header"):
            new = table.add_row()
            for cell, text in zip(new.cells, seed.columns, strict=True):
                cell.text = text
            physical.append("header")
            continue
        new = table.add_row()
        if "heading" in row:
            roman, _, title = row["heading"].partition(" ")
            new.cells[0].text = roman
            merged = new.cells[1].merge(new.cells[width - 1])
            merged.text = title
            physical.append("heading")
            continue
        cells: list[str | None] = row["cells"]
        for cell, value in zip(new.cells, cells, strict=True):
            if value:
                cell.text = value
        physical.append(cells)
    # A None cell continues the cell above it: merge each run vertically (row 0 is the header).
    for column in range(width):
        start: int | None = None
        for index in range(len(physical) + 1):
            entry = physical[index] if index < len(physical) else "end"
            continues = isinstance(entry, list) and entry[column] is None
            if continues:
                continue
            if start is not None and index - 1 > start:
                table.cell(start + 1, column).merge(table.cell(index, column))
            start = index if isinstance(entry, list) else None


def _docx_rows(seed: _Seed) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The task rows as two tables (a converted file often breaks a long table at a page)."""
    if _is_tree(seed):
        return _tree_rows_with_breaks(seed), []
    half = len(seed.rows) // 2
    return seed.rows[:half], seed.rows[half:]


def _tree_rows_with_breaks(seed: _Seed) -> list[dict[str, Any]]:
    """Tree rows with the header repeated at two "page breaks" and one row split over a break."""
    rows: list[dict[str, Any]] = []
    headings = 0
    for row in seed.rows:
        if "heading" in row:
            headings += 1
            if headings in (3, 5):
                rows.append({"repeat_header": True})
            rows.append(row)
            continue
        cells = row["cells"]
        activity = cells[3] or ""
        if headings == 3 and len(activity) > 200 and not any(r.get("split") for r in rows):
            first, second = _halves(activity)
            deliverable_first, deliverable_second = _halves(cells[4] or "")
            rows.append({"cells": [*cells[:3], first, deliverable_first, *cells[5:]], "split": True})
            rows.append({"repeat_header": True})
            rows.append({"cells": ["", "", "", second, deliverable_second, "", "", "", ""]})
            continue
        rows.append(row)
    return rows


def _halves(text: str) -> tuple[str, str]:
    words = text.split()
    middle = len(words) // 2
    return " ".join(words[:middle]), " ".join(words[middle:])


def build_docx(seed_text_path: Path | str) -> bytes:
    """The seed plan as a Word document."""
    import docx
    from docx.shared import Pt

    seed = _split_seed(Path(seed_text_path))
    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    if seed.number_line or seed.date_line:
        _two_columns(document, [seed.number_line or ""], [*_MOTTO, seed.date_line or ""])
    for paragraph in seed.body:
        document.add_paragraph(paragraph)
    if seed.recipients or seed.signature:
        _two_columns(document, seed.recipients, seed.signature)
    if seed.appendix_intro or seed.rows:
        document.add_page_break()  # type: ignore[no-untyped-call]
        for line in seed.appendix_intro:
            document.add_paragraph(line)
    if seed.rows:
        first, second = _docx_rows(seed)
        _docx_task_table(document, seed, first)
        if second:
            document.add_paragraph("2")  # the page number a converter leaves between the two halves
            _docx_task_table(document, seed, second)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -------------------------------------------------------------------------------------------------- pdf


def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT_PATH)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(BOLD_FONT_PATH)))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")


def _is_tree(seed: _Seed) -> bool:
    return any("heading" in row for row in seed.rows)


def _segments(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    parts: list[list[dict[str, Any]]] = [[]]
    for row in rows:
        if row.get("repeat_header"):
            parts.append([])
        else:
            parts[-1].append(row)
    return [part for part in parts if part]


def _pdf_table_data(
    columns: list[str], rows: list[dict[str, Any]], cell_style: Any
) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    from reportlab.platypus import Paragraph

    width = len(columns)
    data: list[list[Any]] = [[Paragraph(escape(c), cell_style) for c in columns]]
    spans: list[tuple[Any, ...]] = []
    open_span: dict[int, int] = {}
    for row in rows:
        index = len(data)
        if "heading" in row:
            roman, _, title = row["heading"].partition(" ")
            data.append(
                [Paragraph(escape(roman), cell_style), Paragraph(escape(title), cell_style)]
                + [""] * (width - 2)
            )
            spans.append(("SPAN", (1, index), (width - 1, index)))
            open_span.clear()
            continue
        cells = row["cells"]
        data.append([Paragraph(escape(c), cell_style) if c else "" for c in cells])
        for column, text in enumerate(cells):
            if text is None and column in open_span:
                spans = [s for s in spans if s[1] != (column, open_span[column])]
                spans.append(("SPAN", (column, open_span[column]), (column, index)))
            elif text is not None:
                open_span[column] = index
    return data, spans


def build_pdf(seed_text_path: Path | str) -> bytes:
    """The seed plan as a PDF with a text layer and a ruled appendix table."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    seed = _split_seed(Path(seed_text_path))
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10.5, leading=14, spaceAfter=4)
    small = ParagraphStyle("small", fontName="DejaVuSans", fontSize=8, leading=10)
    story: list[Any] = []

    def block(lines: list[str]) -> Any:
        return [Paragraph(escape(line), body) for line in lines] or [Paragraph("", body)]

    if seed.number_line or seed.date_line:
        story.append(Table([[block([seed.number_line or ""]), block([*_MOTTO, seed.date_line or ""])]]))
        story.append(Spacer(1, 6 * mm))
    story.extend(Paragraph(escape(paragraph), body) for paragraph in seed.body)
    if seed.recipients or seed.signature:
        story.append(Spacer(1, 6 * mm))
        story.append(Table([[block(seed.recipients), block(seed.signature)]], colWidths=[95 * mm, 75 * mm]))
    if seed.appendix_intro or seed.rows:
        story.append(PageBreak())
        story.extend(Paragraph(escape(line), body) for line in seed.appendix_intro)
    if seed.rows:
        widths = _column_widths(len(seed.columns))
        style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        # Where the Word form repeats the header (a page break), the PDF starts a new page and a new table.
        for number, part in enumerate(
            _segments(_tree_rows_with_breaks(seed) if _is_tree(seed) else seed.rows)
        ):
            if number:
                story.append(PageBreak())
            data, spans = _pdf_table_data(seed.columns, part, small)
            table = Table(data, colWidths=widths, repeatRows=1)
            table.setStyle(TableStyle([*style, *spans]))
            story.append(table)

    def page_number(canvas: Any, document: Any) -> None:
        canvas.setFont("DejaVuSans", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(document.page))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=25 * mm, rightMargin=15 * mm, topMargin=20 * mm, bottomMargin=20 * mm
    )
    document.build(story, onLaterPages=page_number)
    return buffer.getvalue()


def _column_widths(count: int) -> list[float]:
    from reportlab.lib.units import mm

    if (
        count == 9
    ):  # TT · Mục tiêu · Nhiệm vụ · Hoạt động · Kết quả · Chủ trì · Phối hợp · Thời gian · Ghi chú
        return [w * mm for w in (8, 26, 30, 26, 22, 17, 17, 14, 10)]
    if count == 6:  # STT · Nhiệm vụ · Chủ trì · Phối hợp · Thời gian · Sản phẩm
        return [w * mm for w in (10, 55, 28, 28, 22, 27)]
    return [170 * mm / count] * count
