"""WordprocessingML details python-docx has no API for: East-Asian fonts, borders, fields, header rows.

Each function inserts its element where the schema (ECMA-376 Part 1, §17) puts it in the parent's
sequence: Word reports a file with misordered children as corrupt, even when LibreOffice opens it.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length
from docx.table import Table, _Row

__all__ = [
    "append_field",
    "no_borders",
    "preserve_spaces",
    "repeat_as_header",
    "set_bottom_border",
    "set_fonts",
    "set_grid_borders",
    "set_table_width",
]

# Children of w:pPr after w:pBdr, and of w:tblPr after w:tblBorders (§17.3.1.26, §17.4.60).
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
    "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
    "w:rPr", "w:sectPr", "w:pPrChange",
)  # fmt: skip
_AFTER_TBLBORDERS = (
    "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
)  # fmt: skip
_TABLE_EDGES = ("w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV")


def set_fonts(rpr: BaseOxmlElement, font: str) -> None:
    """Name ``font`` for every script of a ``w:rPr``.

    Word picks the font by script: Latin letters with diacritics such as "ệ" may be drawn with the
    East-Asian font slot when the document's language hints so, which is why the eastAsia attribute
    must be set too, and cs for complex scripts; theme attributes would override the names.
    """
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        # w:rFonts comes first in w:rPr, after an optional w:rStyle (§17.3.2.28).
        style = rpr.find(qn("w:rStyle"))
        rpr.insert(0 if style is None else 1, fonts)
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{name}"), None)
    for name in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{name}"), font)


def preserve_spaces(run: BaseOxmlElement) -> None:
    """Keep runs of spaces inside a run's text: blanks left for handwriting must survive."""
    for text in run.findall(qn("w:t")):
        text.set(qn("xml:space"), "preserve")


def append_field(run: BaseOxmlElement, *, char: str | None = None, code: str | None = None) -> None:
    """Append a field character (``begin``/``separate``/``end``) or a field code such as `` PAGE ``."""
    if char is not None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), char)
        run.append(element)
    if code is not None:
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = code
        run.append(element)


def set_bottom_border(ppr: BaseOxmlElement, *, size_eighths: int = 6) -> None:
    """A single black line under the paragraph; its width is the paragraph's, so indents set its length."""
    border = ppr.find(qn("w:pBdr"))
    if border is None:
        border = OxmlElement("w:pBdr")
        ppr.insert_element_before(border, *_AFTER_PBDR)
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", str(size_eighths)), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)


def _set_table_borders(table: Table, value: str, size_eighths: int) -> None:
    tbl_pr = table._tbl.tblPr
    old = tbl_pr.find(qn("w:tblBorders"))
    if old is not None:
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in _TABLE_EDGES:
        element = OxmlElement(edge)
        element.set(qn("w:val"), value)
        if value != "nil":
            element.set(qn("w:sz"), str(size_eighths))
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.insert_element_before(borders, *_AFTER_TBLBORDERS)


def no_borders(table: Table) -> None:
    """No lines around or inside ``table``: the header and signature tables only place text."""
    _set_table_borders(table, "nil", 0)


def set_grid_borders(table: Table) -> None:
    """Thin single lines around every cell, set on the table so no reader depends on a table style."""
    _set_table_borders(table, "single", 4)


def set_table_width(table: Table, widths: tuple[Length, ...]) -> None:
    """Fixed column widths (grid, every cell and the table itself), so Word does not autofit them."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=False):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=False):
            cell.width = width
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    if table_width is not None:
        table_width.set(qn("w:type"), "dxa")
        table_width.set(qn("w:w"), str(sum(width.twips for width in widths)))


def repeat_as_header(row: _Row) -> None:
    """Mark ``row`` as a header row (w:tblHeader) that Word and LibreOffice repeat on each new page."""
    tr_pr = row._tr.get_or_add_trPr()
    # w:trPr is a choice group in any order (§17.4.82), so appending is valid.
    for tag in ("w:cantSplit", "w:tblHeader"):
        if tr_pr.find(qn(tag)) is None:
            tr_pr.append(OxmlElement(tag))
