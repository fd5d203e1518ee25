"""Write the Word and PDF documents of the corpus from their source texts in ``src/``.

Run: .venv/bin/python domain/plan_import/tests/corpus/build.py [--check]

A source file ``src/NN_name.src`` becomes ``NN_name.docx`` or ``NN_name.pdf`` beside this script, the
format being the one its expected result (``NN_name.json``, field ``file``) names. ``--check`` rebuilds in
memory and fails when a committed file differs from what the source gives (the output is byte-stable:
fixed document dates, fixed zip timestamps, reportlab's invariant mode).

The source is plain text in blocks, each opened by a marker line:

``#header``  the Nghị định 30 header, one row per line, ``left || right`` (a borderless 2-column table)
``#title``   centred bold lines (type line, title, "QUYẾT ĐỊNH:")
``#p``       body paragraphs, one per line
``#table``   a ruled table, cells separated by `` | ``, the first row its header
``#sign``    "Nơi nhận" and signature block, ``left || right`` (a borderless 2-column table)
``#page``    a page break (the appendix, the plan a decision issues)
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "src"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
BOLD_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
FIXED_TIME = datetime(2026, 1, 1, 8, 0, 0)


@dataclass
class Block:
    kind: str  # header, title, p, table, sign, page
    lines: list[str]


def read_source(path: Path) -> list[Block]:
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("#") and line[1:] in {"header", "title", "p", "table", "sign", "page"}:
            blocks.append(Block(line[1:], []))
            continue
        if not line.strip():
            continue
        if not blocks:
            blocks.append(Block("p", []))
        blocks[-1].lines.append(line)
    return blocks


def _pairs(lines: list[str]) -> list[tuple[str, str]]:
    rows = []
    for line in lines:
        left, _, right = line.partition("||")
        rows.append((left.strip(), right.strip()))
    return rows


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split(" | ")]


# ------------------------------------------------------------------------------------------------- docx


def build_docx(blocks: list[Block]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(13)
    document.core_properties.created = FIXED_TIME
    document.core_properties.modified = FIXED_TIME
    document.core_properties.last_modified_by = "cchc corpus"
    document.core_properties.author = "cchc corpus"

    for block in blocks:
        if block.kind in {"header", "sign"}:
            rows = _pairs(block.lines)
            table = document.add_table(rows=0, cols=2)  # no style: borderless, as agencies lay it out
            for left, right in rows:
                cells = table.add_row().cells
                cells[0].text = left
                cells[1].text = right
                if block.kind == "header":
                    for cell in cells:
                        for paragraph in cell.paragraphs:
                            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "title":
            for line in block.lines:
                paragraph = document.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(line).bold = True
        elif block.kind == "p":
            for line in block.lines:
                document.add_paragraph(line)
        elif block.kind == "table":
            grid = [_cells(line) for line in block.lines]
            width = max(len(row) for row in grid)
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for row in grid:
                cells = table.add_row().cells
                for cell, value in zip(cells, row + [""] * (width - len(row)), strict=True):
                    cell.text = value
        elif block.kind == "page":
            document.add_page_break()  # type: ignore[no-untyped-call]

    buffer = io.BytesIO()
    document.save(buffer)
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same zip with every entry dated ``FIXED_TIME`` (python-docx stamps the current time)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


# -------------------------------------------------------------------------------------------------- pdf


def _fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(FONT)))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(BOLD_FONT)))
    addMapping("DejaVuSans", 0, 0, "DejaVuSans")
    addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")


def build_pdf(blocks: list[Block]) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1
    _fonts()
    body = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10.5, leading=14, spaceAfter=4)
    centred = ParagraphStyle("centred", parent=body, alignment=TA_CENTER)
    title = ParagraphStyle("title", parent=centred, fontName="DejaVuSans-Bold")
    small = ParagraphStyle("small", fontName="DejaVuSans", fontSize=8.5, leading=10.5)
    story: list[Any] = []

    for block in blocks:
        if block.kind in {"header", "sign"}:
            style = centred if block.kind == "header" else body
            rows = [
                [Paragraph(escape(left), style), Paragraph(escape(right), centred)]
                for left, right in _pairs(block.lines)
            ]
            story.append(Table(rows, colWidths=[80 * mm, 90 * mm]))
            story.append(Spacer(1, 4 * mm))
        elif block.kind == "title":
            story.extend(Paragraph(escape(line), title) for line in block.lines)
        elif block.kind == "p":
            story.extend(Paragraph(escape(line), body) for line in block.lines)
        elif block.kind == "table":
            grid = [_cells(line) for line in block.lines]
            width = max(len(row) for row in grid)
            data = [
                [Paragraph(escape(cell), small) for cell in row + [""] * (width - len(row))] for row in grid
            ]
            widths = _widths(width)
            table = Table(data, colWidths=widths, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                )
            )
            story.append(table)
        elif block.kind == "page":
            story.append(PageBreak())

    def page_number(canvas: Any, document: Any) -> None:
        canvas.setFont("DejaVuSans", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 12 * mm, str(document.page))

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=15 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title="",
        author="",
        creator="",
        producer="",
    )
    document.build(story, onLaterPages=page_number)
    return buffer.getvalue()


def _widths(count: int) -> list[float]:
    from reportlab.lib.units import mm

    if count == 6:
        return [w * mm for w in (10, 55, 28, 28, 22, 27)]
    if count == 4:
        return [w * mm for w in (12, 62, 20, 76)]
    return [170 * mm / count] * count


# ------------------------------------------------------------------------------------------------- main


def targets() -> dict[Path, Path]:
    """Each source and the document it builds (the format named by the expected result)."""
    built: dict[Path, Path] = {}
    for source in sorted(SOURCES.glob("*.src")):
        expected = HERE / (source.stem + ".json")
        name = json.loads(expected.read_text(encoding="utf-8"))["file"]
        built[source] = HERE / name
    return built


def build(source: Path, target: Path) -> bytes:
    blocks = read_source(source)
    return build_docx(blocks) if target.suffix == ".docx" else build_pdf(blocks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when a committed file is out of date")
    args = parser.parse_args()
    stale = []
    for source, target in targets().items():
        data = build(source, target)
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(target.name)
            continue
        target.write_bytes(data)
        print(f"{target.name}: {len(data)} bytes")
    if stale:
        print("out of date:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
