"""Reading a plan file: choose the reader by content, decode plain text, report unreadable files.

Every reader gives the same ``SourceDocument`` (``model.py``): the body in reading order as paragraphs and
tables. The format is chosen from the content (magic bytes), not from the file name, because users rename
files; the name only sharpens the error message. Anything unreadable raises ``DocumentError`` with a
Vietnamese message saying what is wrong and what to upload instead.
"""

from __future__ import annotations

import re
import unicodedata

from domain.plan_import.model import DocumentError, Paragraph, SourceDocument, Table, clean_text
from domain.plan_import.pdf_reader import MAX_PDF_PAGES, read_pdf
from domain.plan_import.word_reader import read_docx

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
        if not (char.isascii() or char in _VIETNAMESE or char in _ALLOWED_SYMBOLS)
        or (unicodedata.category(char) == "Cc" and char not in "\n\r\t")
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
        raise DocumentError(
            "Tệp không phải văn bản thuần (có dữ liệu nhị phân); hãy tải lên .docx, .pdf hoặc .txt."
        )
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
            return (
                text,
                f"Tệp văn bản dùng bảng mã {label}; đã chuyển sang UTF-8, cần kiểm tra lại dấu tiếng Việt.",
            )
    raise DocumentError(
        "Tệp văn bản không dùng bảng mã UTF-8 nên không đọc được tiếng Việt; hãy lưu lại tệp với bảng mã UTF-8."
    )


def _repair_mojibake(text: str) -> str | None:
    """UTF-8 text that was once decoded as Windows-1252 ("Káº¿ hoáº¡ch") back to Vietnamese, else ``None``."""
    if text.count("áº") + text.count("á»") + text.count("Ã") < 5:
        return None
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            # Windows maps the five bytes cp1252 leaves undefined to U+0081 … U+009D; undo that too.
            if ord(char) > 0xFF:
                return None
            raw.append(ord(char))
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if _looks_vietnamese(repaired) else None


_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")


def _pipe_cells(line: str) -> tuple[str, ...] | None:
    """The cells of a Markdown table row ("| Số: 12/KH-UBND | Đắk Lắk, ngày … |"), else ``None``."""
    text = line.strip()
    if not text.startswith("|") or text.count("|") < 2:
        return None
    inner = text[1:-1] if text.endswith("|") else text[1:]
    return tuple(cell.strip() for cell in inner.split("|"))


def read_txt(data: bytes) -> SourceDocument:
    """Read plain text: one paragraph per line; runs of tab-separated or "|"-separated lines become a table.

    Blank lines carry no meaning in extracted text (some extractions put one after every wrapped line),
    so they are dropped; joining wrapped lines is the parser's job because it needs the plan's structure.
    A Markdown table ("| … | … |" rows, "|---|---|" under its header) is the form converters give Word
    tables, the document header included.
    """
    if not data or not data.strip():
        raise DocumentError("Tệp rỗng: không có nội dung để nhập.")
    text, note = _decode(data)
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    blocks: list[Paragraph | Table] = []
    rows: list[tuple[str | None, ...]] = []
    pipes: list[tuple[str | None, ...]] = []

    def flush() -> None:
        for table in (rows, pipes):
            if table:
                blocks.append(Table(tuple(table)))
                table.clear()

    for line in text.split("\n"):
        if _PIPE_SEPARATOR.match(line.strip()) and "|" in line:
            continue
        cells = _pipe_cells(line)
        if cells is not None:
            if rows:
                flush()
            pipes.append(cells)
            continue
        if "\t" in line and line.count("\t") >= 2 and line.strip():
            if pipes:
                flush()
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
            continue
        if not line.strip():
            continue  # a blank line inside a table does not end it
        flush()
        blocks.append(Paragraph(line.rstrip()))
    flush()
    if not blocks:
        raise DocumentError("Tệp rỗng: không có nội dung để nhập.")
    return SourceDocument(blocks, "txt", (note,) if note else ())
