"""Page, fonts and the fixed parts of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I).

Phụ lục I ("Thể thức, kỹ thuật trình bày văn bản hành chính") sets: A4 paper, portrait (an appendix
with a wide table may be landscape); margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm;
Times New Roman, black; page numbers centred in the top margin, not on the first page; body 13–14 pt,
paragraph spacing at least 6 pt, line spacing single to 1.5. The first page opens with a two-column
table: the issuing body on the left (mục II.3), the national name and motto on the right (mục II.1–2),
then the number and symbol (mục II.4) and the place and date (mục II.5); the type name and subject
follow (mục II.6); the signature (mục II.8) and "Nơi nhận" (mục II.10) close the document.

The wording (number line, date line, recipients) lives in ``nd30_text``; the ``add_*`` functions here
append to a python-docx document. Every string passes through ``clean`` in :func:`add_run`, the one
way text gets in, so no input can make the XML invalid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import cast

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Emu, Length, Mm, Pt, Twips
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from domain.documents.nd30_text import (
    GAP,
    clean,
    field,
    number_line,
    place_date_line,
    recipient_lines,
    signer_title_lines,
)
from domain.documents.word_xml import (
    append_field,
    no_borders,
    preserve_spaces,
    set_bottom_border,
    set_fonts,
    set_table_width,
)

__all__ = [
    "BODY_LINE_SPACING",
    "BODY_SIZE",
    "FIRST_LINE_INDENT",
    "FONT",
    "HEADER_SIZE",
    "PARAGRAPH_SPACING",
    "ZERO",
    "DocumentHeader",
    "Line",
    "Rule",
    "SignatureBlock",
    "add_caption",
    "add_document_header",
    "add_heading",
    "add_landscape_section",
    "add_paragraph",
    "add_rule",
    "add_run",
    "add_signature_block",
    "add_title",
    "fill_cell",
    "setup_document",
    "text_width",
]

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEADER_SIZE = Pt(13)
PARAGRAPH_SPACING = Pt(6)
BODY_LINE_SPACING = 1.15
FIRST_LINE_INDENT = Cm(1)
ZERO = Emu(0)

NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"

_A4_SHORT, _A4_LONG = Mm(210), Mm(297)
_MARGIN_TOP = _MARGIN_BOTTOM = Mm(20)
_MARGIN_LEFT, _MARGIN_RIGHT = Mm(30), Mm(15)
_HEADER_DISTANCE = Mm(10)
# Header table column widths: the right column must hold the national name on one line at 13 pt.
_HEADER_WIDTHS = (Cm(6.3), Cm(10.2))
_SIGNATURE_WIDTHS = (Cm(8.0), Cm(8.5))
# Rules: under the issuing body 1/3–1/2 of its line, under the motto as long as the motto (mục II.1, II.3).
_ISSUER_RULE, _MOTTO_RULE, _SUBJECT_RULE = Cm(2.0), Cm(6.2), Cm(3.0)
_SIGNATURE_SPACE_LINES = 4
# Word's default left + right cell margins (0.19 cm each): a rule is centred in what is left.
_CELL_MARGINS = Twips(216)


@dataclass(frozen=True)
class DocumentHeader:
    """What the first-page header table carries (Phụ lục I, mục II.1–II.5)."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk"; None when the issuer has no governing body
    issuing_body: str  # "Sở Xây dựng"
    number: str | None  # "13"; None while the document is a draft
    symbol: str | None  # "KH-SXD"
    place: str  # "Đắk Lắk"
    issued_on: date | None
    year: int | None  # printed when the exact date is not yet known


@dataclass(frozen=True)
class SignatureBlock:
    """The closing table: "Nơi nhận" on the left, the signature on the right (mục II.8, II.10)."""

    title: str | None  # "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC": " / " separates the printed lines
    signer: str | None
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Line:
    """One paragraph of a layout cell."""

    text: str
    size: Length = BODY_SIZE
    bold: bool = False
    italic: bool = False
    align: WD_PARAGRAPH_ALIGNMENT = WD_PARAGRAPH_ALIGNMENT.CENTER
    indent: Length = ZERO  # from the left edge of the cell
    spacing: Length = ZERO  # before and after


@dataclass(frozen=True)
class Rule:
    """A centred horizontal rule of the given length, drawn as an empty paragraph's bottom border."""

    width: Length


def text_width(section: Section) -> Length:
    """The width between the margins of ``section``."""
    page = section.page_width or _A4_SHORT
    return Emu(page - (section.left_margin or 0) - (section.right_margin or 0))


def _page_setup(section: Section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (_A4_LONG, _A4_SHORT) if landscape else (_A4_SHORT, _A4_LONG)
    section.top_margin, section.bottom_margin = _MARGIN_TOP, _MARGIN_BOTTOM
    section.left_margin, section.right_margin = _MARGIN_LEFT, _MARGIN_RIGHT
    section.header_distance = section.footer_distance = _HEADER_DISTANCE


def _add_page_number(section: Section) -> None:
    """A PAGE field centred in the header of ``section``; Word and LibreOffice put in the number."""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    _format(paragraph, align=WD_PARAGRAPH_ALIGNMENT.CENTER, space_after=Pt(0), line_spacing=1.0)
    append_field(add_run(paragraph, "", size=HEADER_SIZE)._r, char="begin")
    append_field(add_run(paragraph, "", size=HEADER_SIZE)._r, code=" PAGE ")
    append_field(add_run(paragraph, "", size=HEADER_SIZE)._r, char="separate")
    # The cached result, shown by a reader that does not update fields.
    add_run(paragraph, "2", size=HEADER_SIZE)
    append_field(add_run(paragraph, "", size=HEADER_SIZE)._r, char="end")


def setup_document(document: Document, *, title: str = "", author: str = "") -> None:
    """A4 portrait, the margins, Times New Roman everywhere, page numbers from page 2 on."""
    defaults = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if defaults is not None:
        # The template's defaults name theme fonts (Calibri, Cambria), which Word prefers over named ones;
        # every style without its own font, table and character styles too, falls back to these.
        set_fonts(defaults, FONT)
        language = defaults.find(qn("w:lang"))
        if language is not None:
            language.set(qn("w:val"), "vi-VN")  # Vietnamese spelling and hyphenation rules
    normal = cast(ParagraphStyle, document.styles["Normal"])
    set_fonts(normal.element.get_or_add_rPr(), FONT)
    normal.font.size = BODY_SIZE
    normal_format = normal.paragraph_format
    normal_format.space_before, normal_format.space_after = Pt(0), PARAGRAPH_SPACING
    normal_format.line_spacing = BODY_LINE_SPACING
    properties = document.core_properties
    # Core properties are capped at 255 characters by python-docx.
    properties.title, properties.author = clean(title)[:255], clean(author)[:255]
    properties.last_modified_by, properties.language = clean(author)[:255], "vi-VN"
    section = document.sections[0]
    _page_setup(section, landscape=False)
    section.different_first_page_header_footer = True
    # An explicit empty first-page header: without one some readers reuse the default header.
    section.first_page_header.is_linked_to_previous = False
    _add_page_number(section)


def add_landscape_section(document: Document) -> Section:
    """A new section on a new page, A4 landscape, for an appendix table; numbered on every page."""
    section: Section = document.add_section(WD_SECTION.NEW_PAGE)
    _page_setup(section, landscape=True)
    # The new section copies the first one's "different first page"; an appendix starts mid-document.
    section.different_first_page_header_footer = False
    _add_page_number(section)
    return section


def add_run(
    paragraph: Paragraph, text: str, *, size: Length = BODY_SIZE, bold: bool = False, italic: bool = False
) -> Run:
    """A run of ``text`` in Times New Roman at ``size``; blanks kept as typed."""
    run = paragraph.add_run(clean(text))
    set_fonts(run._r.get_or_add_rPr(), FONT)
    run.font.size = size
    run.bold = bold or None
    run.italic = italic or None
    preserve_spaces(run._r)
    return run


def _format(
    paragraph: Paragraph,
    *,
    align: WD_PARAGRAPH_ALIGNMENT,
    space_after: Length = PARAGRAPH_SPACING,
    space_before: Length = ZERO,
    line_spacing: float = BODY_LINE_SPACING,
    first_line_indent: Length | None = None,
    left_indent: Length | None = None,
) -> None:
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after, fmt.line_spacing = space_before, space_after, line_spacing
    if first_line_indent is not None:
        fmt.first_line_indent = first_line_indent
    if left_indent is not None:
        fmt.left_indent = left_indent


def add_paragraph(
    document: Document,
    text: str,
    *,
    size: Length = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    align: WD_PARAGRAPH_ALIGNMENT = WD_PARAGRAPH_ALIGNMENT.JUSTIFY,
    first_line_indent: Length | None = None,
    space_before: Length = ZERO,
    keep_with_next: bool = False,
) -> Paragraph:
    """A body paragraph: 6 pt after, line spacing 1.15, justified unless told otherwise."""
    paragraph = document.add_paragraph()
    _format(paragraph, align=align, first_line_indent=first_line_indent, space_before=space_before)
    paragraph.paragraph_format.keep_with_next = keep_with_next or None
    add_run(paragraph, text, size=size, bold=bold, italic=italic)
    return paragraph


def _draw_rule(paragraph: Paragraph, width: Length, available: Length) -> None:
    side = Emu(max(0, (available - width) // 2))
    # 2 pt before keeps the rule clear of the descenders of the line above.
    _format(
        paragraph,
        align=WD_PARAGRAPH_ALIGNMENT.CENTER,
        space_before=Pt(2),
        space_after=Pt(0),
        left_indent=side,
    )
    fmt = paragraph.paragraph_format
    fmt.right_indent = side
    # An exact 2 pt line keeps the empty paragraph from adding a blank line above the rule.
    fmt.line_spacing = Pt(2)
    set_bottom_border(paragraph._p.get_or_add_pPr())


def add_heading(document: Document, text: str) -> Paragraph:
    """A section heading of the body: bold, indented like the text, kept with what follows."""
    return add_paragraph(
        document,
        text,
        bold=True,
        first_line_indent=FIRST_LINE_INDENT,
        keep_with_next=True,
        space_before=PARAGRAPH_SPACING,
    )


def add_caption(document: Document, text: str) -> Paragraph:
    """A table's caption: bold, centred, kept with its table."""
    return add_paragraph(
        document,
        text,
        bold=True,
        align=WD_PARAGRAPH_ALIGNMENT.CENTER,
        keep_with_next=True,
        space_before=PARAGRAPH_SPACING,
    )


def add_rule(document: Document, width: Length) -> Paragraph:
    """A short centred rule across the body, as under the subject of a document (mục II.6)."""
    paragraph = document.add_paragraph()
    _draw_rule(paragraph, width, text_width(document.sections[-1]))
    return paragraph


def fill_cell(cell: _Cell, items: Sequence[Line | Rule], *, width: Length) -> None:
    """Write ``items`` into ``cell`` of the given width, one paragraph each, single-spaced."""
    for index, item in enumerate(items):
        # A new cell already holds one empty paragraph: the first item goes there.
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if isinstance(item, Rule):
            _draw_rule(paragraph, item.width, Emu(max(0, width - _CELL_MARGINS)))
            continue
        _format(
            paragraph,
            align=item.align,
            space_before=item.spacing,
            space_after=item.spacing,
            line_spacing=1.0,
            left_indent=item.indent or None,
        )
        add_run(paragraph, item.text, size=item.size, bold=item.bold, italic=item.italic)


def _layout_table(document: Document, rows: int, widths: tuple[Length, ...]) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    set_table_width(table, widths)
    return table


def add_document_header(document: Document, header: DocumentHeader) -> Table:
    """The two-column header table without borders (Phụ lục I, mục II.1–II.5).

    Row 1: governing body (capitals, 13 pt) over issuing body (bold capitals, 13 pt) and a short rule |
    national name (bold capitals, 13 pt) over the motto (bold, 14 pt) and a rule as long as the motto.
    Row 2: "Số: 13/KH-SXD" (13 pt) | the place and date (italic, 14 pt), so both sit on one line.
    """
    left_width, right_width = _HEADER_WIDTHS
    table = _layout_table(document, 2, _HEADER_WIDTHS)
    issuer: list[Line | Rule] = []
    if field(header.governing_body):
        issuer.append(Line(field(header.governing_body).upper(), HEADER_SIZE))
    issuer.append(Line(field(header.issuing_body).upper() or GAP, HEADER_SIZE, bold=True))
    issuer.append(Rule(_ISSUER_RULE))
    fill_cell(table.cell(0, 0), issuer, width=left_width)
    nation: list[Line | Rule] = [
        Line(NATIONAL_NAME, HEADER_SIZE, bold=True),
        Line(MOTTO, BODY_SIZE, bold=True),
        Rule(_MOTTO_RULE),
    ]
    fill_cell(table.cell(0, 1), nation, width=right_width)
    fill_cell(
        table.cell(1, 0), [Line(number_line(header.number, header.symbol), HEADER_SIZE)], width=left_width
    )
    date_line = Line(place_date_line(header.place, header.issued_on, header.year), BODY_SIZE, italic=True)
    fill_cell(table.cell(1, 1), [date_line], width=right_width)
    for cell in table.rows[1].cells:
        cell.paragraphs[0].paragraph_format.space_before = PARAGRAPH_SPACING
    return table


def add_title(document: Document, type_name: str, subject: str) -> None:
    """The type name in bold capitals, the subject in bold under it, then a short rule (mục II.6)."""
    center = WD_PARAGRAPH_ALIGNMENT.CENTER
    add_paragraph(
        document,
        field(type_name).upper() or GAP,
        bold=True,
        align=center,
        space_before=Pt(18),
        keep_with_next=True,
    ).paragraph_format.space_after = Pt(0)
    add_paragraph(document, field(subject) or GAP, bold=True, align=center, keep_with_next=True)
    add_rule(document, _SUBJECT_RULE).paragraph_format.space_after = Pt(12)


def add_signature_block(document: Document, signature: SignatureBlock) -> Table:
    """The closing table without borders (Phụ lục I, mục II.8 and II.10).

    Left: "Nơi nhận:" (bold italic, 12 pt) and the recipients (11 pt). Right: the signing title in bold
    capitals, one line per authority level, room for the signature and seal, the signer's name in bold.
    """
    left_width, right_width = _SIGNATURE_WIDTHS
    table = _layout_table(document, 1, _SIGNATURE_WIDTHS)
    left, size = WD_PARAGRAPH_ALIGNMENT.LEFT, Pt(11)
    recipients = [Line("Nơi nhận:", Pt(12), bold=True, italic=True, align=left)]
    recipients += [Line(entry, size, align=left) for entry in recipient_lines(signature.recipients)]
    fill_cell(table.cell(0, 0), recipients, width=left_width)
    signing: list[Line | Rule] = [
        Line(line, BODY_SIZE, bold=True) for line in signer_title_lines(signature.title)
    ]
    signing += [Line("")] * _SIGNATURE_SPACE_LINES + [
        Line(field(signature.signer) or GAP, BODY_SIZE, bold=True)
    ]
    fill_cell(table.cell(0, 1), signing, width=right_width)
    table.rows[0].cells[0].paragraphs[0].paragraph_format.space_before = Pt(12)
    table.rows[0].cells[1].paragraphs[0].paragraph_format.space_before = Pt(12)
    return table
