"""A neutral model of a plan document and the readers that fill it from .txt, .docx and .pdf files.

Every reader gives the same thing: the body in reading order as paragraphs and tables. A table keeps its
grid; a cell covered by a merged cell (vertically or horizontally) is ``None`` so the appendix reader can
tell "same task as above" from "empty". The format is chosen from the content (magic bytes), not from the
file name, because users rename files; the name only sharpens the error message.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_BYTES",
    "MAX_PDF_PAGES",
    "DocumentError",
    "Paragraph",
    "SourceDocument",
    "Table",
    "read_document",
    "read_docx",
    "read_pdf",
    "read_txt",
]

MAX_BYTES = 25 * 1024 * 1024
# A plan with its appendix runs to 20–30 pages; the cap keeps one upload from holding a worker for long.
MAX_PDF_PAGES = 80
_MAX_DOCX_XML = 60 * 1024 * 1024


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


# --------------------------------------------------------------------------------------------- sniffing

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"BM", "BMP"),
)


def _sniff(data: bytes) -> str:
    """The format the bytes are in: pdf, zip, ole, rtf, image:<NAME> or text."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "zip"
    if data.startswith(_OLE_MAGIC):
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image:WEBP"
    for magic, name in _IMAGE_MAGICS:
        # "BM" is two letters a text file may start with; only call it an image if it is not text.
        if data.startswith(magic) and (name != "BMP" or b"\x00" in data[:64]):
            return f"image:{name}"
    return "text"


def _extension(filename: str) -> str:
    name = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


_FORMAT_NAMES = {"pdf": "PDF", "docx": "Word (.docx)", "txt": "văn bản thuần (.txt)"}


def read_document(data: bytes, filename: str) -> SourceDocument:
    """Read a plan file, choosing the reader by content; raises ``DocumentError`` for unreadable input."""
    if not data or not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung để nhập.")
    if len(data) > MAX_BYTES:
        raise DocumentError(
            f"Tệp quá lớn ({len(data) // (1024 * 1024)} MB); kế hoạch chỉ được tối đa {MAX_BYTES // (1024 * 1024)} MB."
        )
    kind = _sniff(data)
    extension = _extension(filename)
    if kind.startswith("image:"):
        raise DocumentError(
            f"Tệp “{filename}” là ảnh {kind[6:]}, không phải tài liệu Word, PDF hay văn bản; "
            "hãy tải lên bản Word (.docx) hoặc PDF có lớp chữ."
        )
    if kind == "rtf":
        raise DocumentError("Tệp RTF chưa được hỗ trợ; hãy lưu lại dưới dạng Word (.docx) hoặc PDF.")
    if kind == "ole":
        raise DocumentError(_ole_message(data))
    if kind == "pdf":
        document = read_pdf(data)
    elif kind == "zip":
        document = read_docx(data)
    else:
        if extension in ("pdf", "docx", "doc"):
            try:
                document = read_txt(data)
            except DocumentError:
                label = "PDF" if extension == "pdf" else "Word"
                raise DocumentError(
                    f"Tệp “{filename}” không phải là tệp {label} hợp lệ (nội dung không đúng định dạng "
                    f"{label}) và cũng không phải văn bản thuần đọc được."
                ) from None
        else:
            document = read_txt(data)
    expected = {"pdf": "pdf", "docx": "docx", "txt": "txt", "text": "txt"}.get(extension)
    if expected is not None and expected != document.format:
        note = (
            f"Tệp có phần mở rộng .{extension} nhưng nội dung là {_FORMAT_NAMES[document.format]}; "
            "đã đọc theo nội dung thực tế."
        )
        document = SourceDocument(document.blocks, document.format, (*document.notes, note))
    return document


def _ole_message(data: bytes) -> str:
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "Tệp Word được bảo vệ bằng mật khẩu; hãy gỡ mật khẩu rồi tải lên lại."
    if "WordDocument".encode("utf-16-le") in data:
        return "Tệp Word định dạng cũ (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx."
    return "Tệp Office định dạng cũ chưa được hỗ trợ; hãy lưu lại dưới dạng Word (.docx) hoặc PDF."


# ------------------------------------------------------------------------------------------------ text

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def _clean(text: str) -> str:
    """NFC, no invisible characters, non-breaking and other odd spaces as plain spaces (newlines kept)."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return re.sub(r"[^\S\n\t]", " ", text)


def _vietnamese_letters() -> frozenset[str]:
    marks = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    letters = {"đ", "Đ"}
    for vowel in "aăâeêioôơuưy":
        for mark in marks:
            composed = unicodedata.normalize("NFC", vowel + mark)
            letters.update((composed, composed.upper()))
    return frozenset(letters)


_VIETNAMESE = _vietnamese_letters()
_ALLOWED_SYMBOLS = frozenset("“”‘’–—…•≥≤≠±×·°№§«»")


def _looks_vietnamese(text: str) -> bool:
    """Whether decoded text reads as Vietnamese rather than the noise a wrong code page produces."""
    if not text.strip():
        return False
    odd = sum(
        1
        for char in text
        if not (char.isascii() or char in _VIETNAMESE or char in _ALLOWED_SYMBOLS) or unicodedata.category(char) == "Cc"
        and char not in "\n\r\t"
    )
    marked = sum(1 for char in text if char in _VIETNAMESE and not char.isascii())
    letters = sum(1 for char in text if char.isalpha()) or 1
    return odd / len(text) < 0.01 and marked / letters > 0.05


def _decode(data: bytes) -> tuple[str, str | None]:
    """Text and a note on the encoding when it was not UTF-8; raises ``DocumentError`` when unreadable."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "Tệp văn bản dùng bảng mã UTF-16; đã chuyển sang UTF-8."
        except UnicodeDecodeError:
            pass
    elif b"\x00" in data[:4096]:
        raise DocumentError("Tệp không phải văn bản thuần (có dữ liệu nhị phân); hãy tải lên .docx, .pdf hoặc .txt.")
    for encoding in ("utf-8", "utf-8-sig"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        repaired = _repair_mojibake(text)
        if repaired is not None:
            return repaired, "Tệp văn bản bị lỗi mã hóa kép (UTF-8 đọc như Windows-1252); đã sửa lại."
        return text, None
    for encoding, label in (("cp1258", "Windows-1258"), ("cp1252", "Windows-1252")):
        try:
            text = unicodedata.normalize("NFC", data.decode(encoding))
        except UnicodeDecodeError:
            continue
        if _looks_vietnamese(text):
            return text, f"Tệp văn bản dùng bảng mã {label}; đã chuyển sang UTF-8, cần kiểm tra lại dấu tiếng Việt."
    raise DocumentError(
        "Tệp văn bản không dùng bảng mã UTF-8 nên không đọc được tiếng Việt; hãy lưu lại tệp với bảng mã UTF-8."
    )


def _repair_mojibake(text: str) -> str | None:
    """UTF-8 text that was once decoded as Windows-1252 ("Káº¿ hoáº¡ch") back to Vietnamese, else ``None``."""
    if text.count("áº") + text.count("á»") + text.count("Ã") < 5:
        return None
    try:
        repaired = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return repaired if _looks_vietnamese(repaired) else None


def read_txt(data: bytes) -> SourceDocument:
    """Read plain text: one paragraph per line; runs of tab-separated lines become a table.

    Blank lines carry no meaning in extracted text (some extractions put one after every wrapped line),
    so they are dropped; joining wrapped lines is the parser's job because it needs the plan's structure.
    """
    if not data or not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung để nhập.")
    text, note = _decode(data)
    text = _clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[Paragraph | Table] = []
    rows: list[tuple[str | None, ...]] = []
    for line in text.split("\n"):
        if "\t" in line and line.count("\t") >= 2 and line.strip():
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
            continue
        if not line.strip():
            continue  # a blank line inside a tab table does not end it
        if rows:
            blocks.append(Table(tuple(rows)))
            rows = []
        blocks.append(Paragraph(line.rstrip()))
    if rows:
        blocks.append(Table(tuple(rows)))
    if not blocks:
        raise DocumentError("Tệp rỗng: không có nội dung để nhập.")
    return SourceDocument(blocks, "txt", (note,) if note else ())


# ------------------------------------------------------------------------------------------------ docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(element: Any) -> str:
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return _clean("".join(parts))


def _cell_text(cell: Any) -> str:
    lines = [_paragraph_text(p) for p in cell.iter(f"{_W}p")]
    return "\n".join(line for line in lines if line.strip())


def _docx_table(element: Any) -> Table:
    rows: list[tuple[str | None, ...]] = []
    for tr in element.findall(f"{_W}tr"):
        cells: list[str | None] = []
        for tc in tr.findall(f"{_W}tc"):
            properties = tc.find(f"{_W}tcPr")
            span, continued = 1, False
            if properties is not None:
                grid_span = properties.find(f"{_W}gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, int(grid_span.get(f"{_W}val", "1")))
                    except ValueError:
                        span = 1
                v_merge = properties.find(f"{_W}vMerge")
                # <w:vMerge/> without a value continues the merged cell above; "restart" opens one.
                continued = v_merge is not None and v_merge.get(f"{_W}val", "continue") != "restart"
            cells.append(None if continued else _cell_text(tc))
            cells.extend([None] * (span - 1))
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _docx_blocks(container: Any) -> Iterator[Paragraph | Table]:
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            for line in _paragraph_text(child).split("\n"):
                if line.strip():
                    yield Paragraph(line.rstrip())
        elif child.tag == f"{_W}tbl":
            yield _docx_table(child)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(content)


def read_docx(data: bytes) -> SourceDocument:
    """Read a Word .docx: body paragraphs and tables in order (headers and footers are page furniture)."""
    import docx

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError("Tệp Word (.docx) bị hỏng hoặc không phải tệp Word: không mở được.") from None
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError:
            raise DocumentError(
                "Tệp nén này không phải tài liệu Word (.docx): không có phần nội dung văn bản."
            ) from None
        if info.file_size > _MAX_DOCX_XML:
            raise DocumentError("Tài liệu Word quá lớn để nhập.")
        try:
            archive.testzip()
        except Exception:
            raise DocumentError("Tệp Word (.docx) bị hỏng: dữ liệu nén không đọc được.") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document.element.body))
    except Exception:
        raise DocumentError("Tệp Word (.docx) bị hỏng: không đọc được nội dung.") from None
    if not any(isinstance(b, Paragraph) or any(c for r in b.rows for c in r if c) for b in blocks):
        raise DocumentError("Tài liệu Word không có chữ nào để nhập.")
    return SourceDocument(blocks, "docx")


# ------------------------------------------------------------------------------------------------- pdf

# Words further apart than this on one line belong to different columns (header table, signature block).
_COLUMN_GAP = 28.0


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
        segment: list[str] = []
        previous_end: float | None = None
        for word in line:
            if previous_end is not None and float(word["x0"]) - previous_end > _COLUMN_GAP and segment:
                result.append((float(line[0]["top"]), " ".join(segment)))
                segment = []
            segment.append(str(word["text"]))
            previous_end = float(word["x1"])
        if segment:
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
            for page in pages[:MAX_PDF_PAGES]:
                blocks.extend(_pdf_page_blocks(page))
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


def _pdf_page_blocks(page: Any) -> list[Paragraph | Table]:
    # Table detection is the slow part of pdfplumber; a page without ruling lines has no ruled table.
    found = page.find_tables() if (page.lines or page.rects) else []
    placed: list[tuple[float, int, Paragraph | Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    for table in found:
        rows = table.extract()
        grid = tuple(tuple(_clean(cell) if cell is not None else None for cell in row) for row in rows)
        if not grid or all(not cell for row in grid for cell in row):
            continue
        boxes.append(tuple(float(v) for v in table.bbox))  # type: ignore[arg-type]
        placed.append((float(table.bbox[1]), 1, Table(grid)))
    words = [w for w in page.extract_words(keep_blank_chars=False) if not _inside(w, boxes)]
    for top, text in _pdf_lines(words):
        cleaned = _clean(text).strip()
        if cleaned:
            placed.append((top, 0, Paragraph(cleaned)))
    placed.sort(key=lambda item: (item[0], item[1]))
    return [block for _, _, block in placed]
