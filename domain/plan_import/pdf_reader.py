"""Reading a PDF's text layer with pdfplumber: ruled tables as tables, the other lines as paragraphs.

Work is bounded: at most ``MAX_PDF_PAGES`` pages are read, and pdfplumber (which builds an object for
every character, about 0.08 s a page) reads only the pages that draw lines, where a table may be. A
page without any drawn path has no ruled table: its lines are read with pdfium (pypdfium2, which
pdfplumber itself depends on), some ten times faster, and grouped the same way.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from domain.plan_import.model import DocumentError, Paragraph, SourceDocument, Table, clean_text

__all__ = ["MAX_PDF_PAGES", "read_pdf"]

# A plan with its appendix runs to 20–30 pages; the cap keeps one upload from holding a worker for long.
MAX_PDF_PAGES = 80

# Two columns side by side on one line (header table, "Nơi nhận" beside the signature) are split where
# the gap between words is far wider than the line's ordinary word spacing, or wider than this at all.
_COLUMN_GAP = 28.0
_MIN_COLUMN_GAP = 10.0


def _pdf_lines(words: list[dict[str, Any]]) -> list[tuple[float, str]]:
    """Group words into visual lines (top, text); a wide gap splits a line into separate paragraphs."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        if lines and abs(float(lines[-1][0]["top"]) - float(word["top"])) <= 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    result: list[tuple[float, str]] = []
    for line in lines:
        line.sort(key=lambda w: float(w["x0"]))
        gaps = [float(b["x0"]) - float(a["x1"]) for a, b in itertools.pairwise(line)]
        ordinary = sorted(gaps)[len(gaps) // 2] if len(gaps) >= 3 else None
        segment: list[str] = [str(line[0]["text"])]
        for word, gap in zip(line[1:], gaps, strict=True):
            wide = gap > _COLUMN_GAP or (ordinary is not None and gap > max(_MIN_COLUMN_GAP, 3 * ordinary))
            if wide:
                result.append((float(line[0]["top"]), " ".join(segment)))
                segment = []
            segment.append(str(word["text"]))
        result.append((float(line[0]["top"]), " ".join(segment)))
    return result


def _inside(word: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    x = (float(word["x0"]) + float(word["x1"])) / 2
    y = (float(word["top"]) + float(word["bottom"])) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def read_pdf(data: bytes) -> SourceDocument:
    """Read a PDF's text layer: lines outside tables as paragraphs, ruled tables as tables, page by page."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    notes: list[str] = []
    blocks: list[Paragraph | Table] = []
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as error:
        raise DocumentError(_pdf_error(error, PDFPasswordIncorrect, PDFEncryptionError)) from None
    try:
        with pdf:
            pages = pdf.pages
            if len(pages) > MAX_PDF_PAGES:
                notes.append(f"Tệp PDF có {len(pages)} trang; chỉ đọc {MAX_PDF_PAGES} trang đầu.")
            plain = _pages_without_rules(data, min(len(pages), MAX_PDF_PAGES))
            for number, page in enumerate(pages[:MAX_PDF_PAGES]):
                text_only = plain.get(number)
                blocks.extend(text_only if text_only is not None else _pdf_page_blocks(page))
    except DocumentError:
        raise
    except Exception as error:
        raise DocumentError(_pdf_error(error, PDFPasswordIncorrect, PDFEncryptionError)) from None
    if not blocks:
        raise DocumentError(
            "Tệp PDF không có lớp chữ (có thể là bản scan); hãy tải lên bản Word hoặc PDF xuất từ Word."
        )
    return SourceDocument(blocks, "pdf", tuple(notes))


def _pdf_error(error: Exception, *password_errors: type[Exception]) -> str:
    chain: list[BaseException] = [error]
    while chain[-1].__cause__ is not None or chain[-1].__context__ is not None:
        following = chain[-1].__cause__ or chain[-1].__context__
        assert following is not None
        chain.append(following)
        if len(chain) > 10:
            break
    text = " ".join(f"{type(e).__name__} {e}" for e in chain).lower()
    if any(isinstance(e, password_errors) for e in chain) or "password" in text or "encrypt" in text:
        return "Tệp PDF được đặt mật khẩu hoặc mã hóa; hãy gỡ mật khẩu rồi tải lên lại."
    return "Tệp PDF bị hỏng hoặc không đúng định dạng PDF: không đọc được nội dung."


def _table_settings(page: Any) -> dict[str, Any]:
    """Close a ruled table whose first or last row is open at a page break.

    Some generators leave out the border where a row is split over two pages; a line at the ends of the
    vertical rules gives those cells their missing edge (where the border exists, it is a duplicate).
    """
    verticals = [edge for edge in page.edges if edge.get("orientation") == "v"]
    if not verticals:
        return {}
    top = min(float(edge["top"]) for edge in verticals)
    bottom = max(float(edge["bottom"]) for edge in verticals)
    return {"explicit_horizontal_lines": [top, bottom]}


def _pdf_page_blocks(page: Any) -> list[Paragraph | Table]:
    # Table detection is the slow part of pdfplumber; a page without ruling lines has no ruled table.
    found = page.find_tables(_table_settings(page)) if (page.lines or page.rects) else []
    placed: list[tuple[float, int, Paragraph | Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in found:
        rows = table.extract()
        grid = tuple(tuple(clean_text(cell) if cell is not None else None for cell in row) for row in rows)
        if len(grid) < 2 or all(not cell for row in grid for cell in row):
            continue  # a lone ruled box (a frame, a stamp) is not a table
        x0, top, x1, bottom = (float(v) for v in table.bbox)
        boxes.append((x0, top, x1, bottom))
        placed.append((top, 1, Table(grid)))
    words = [w for w in page.extract_words(keep_blank_chars=False) if not _inside(w, boxes)]
    for top, text in _pdf_lines(words):
        cleaned = clean_text(text).strip()
        if cleaned:
            placed.append((top, 0, Paragraph(cleaned)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [block for _, _, block in placed]


def _pages_without_rules(data: bytes, count: int) -> dict[int, list[Paragraph | Table]]:
    """Paragraphs of the pages that draw no path, read with pdfium; ``{}`` if pdfium cannot read the file."""
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium_raw

        document = pypdfium2.PdfDocument(data)
    except Exception:
        return {}  # pdfplumber reads every page instead
    found: dict[int, list[Paragraph | Table]] = {}
    try:
        for number in range(min(count, len(document))):
            page = document[number]
            if any(True for _ in page.get_objects(filter=(pdfium_raw.FPDF_PAGEOBJ_PATH,), max_depth=3)):
                continue
            blocks: list[Paragraph | Table] = []
            for _, text in _pdf_lines(_pdfium_words(page)):
                cleaned = clean_text(text).strip()
                if cleaned:
                    blocks.append(Paragraph(cleaned))
            found[number] = blocks
    except Exception:
        return {}
    finally:
        document.close()
    return found


def _pdfium_words(page: Any) -> list[dict[str, Any]]:
    """Words with pdfplumber's keys (text, x0, x1, top, bottom) from pdfium's characters."""
    textpage = page.get_textpage()
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count)
    height = float(page.get_height())
    words: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for index, char in enumerate(text[:count]):
        if char.isspace():
            current = None
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)  # the font box, not the glyph
        box = {
            "x0": float(left),
            "x1": float(right),
            "top": height - float(top),
            "bottom": height - float(bottom),
        }
        size = box["bottom"] - box["top"]
        if (
            current is not None
            and abs(current["top"] - box["top"]) <= max(3.0, size / 2)
            and box["x0"] - current["x1"] <= max(1.0, size * 0.15)
        ):
            current["text"] += char
            current["x1"] = max(current["x1"], box["x1"])
            current["top"] = min(current["top"], box["top"])
            current["bottom"] = max(current["bottom"], box["bottom"])
        else:
            current = {"text": char, **box}
            words.append(current)
    return words
