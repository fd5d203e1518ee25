"""PDF files: whole (header, %%EOF trailer, pages PDFium can open), not encrypted, no scripts, no programs.

The markers (/Encrypt, /JavaScript, /Launch) are searched in the raw bytes in 1 MB pieces, including
their #xx-escaped spellings; PDFium then opens the file from the stream (it reads what it needs, the file is
not copied into memory) and says whether it has pages, document-level JavaScript, and attached files.
"""

from __future__ import annotations

import re
from typing import IO

from domain.uploads.kinds import (
    EXECUTABLE_EXTENSIONS,
    Refused,
    corrupt,
    encrypted,
    extension_of,
    program_inside,
    shown_name,
)

__all__ = ["inspect_pdf"]

_PIECE = 1024 * 1024
_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD


def _spelled(word: str) -> str:
    """A PDF name matched however it is written: /JavaScript or /J#61vaScript (#xx in either case)."""

    def hex_digit(digit: str) -> str:
        return f"[{digit.lower()}{digit.upper()}]" if digit.isalpha() else digit

    return "".join(
        f"(?:{re.escape(letter)}|#{''.join(hex_digit(d) for d in f'{ord(letter):02x}')})" for letter in word
    )


# Long names only: a compressed stream is random bytes, where a short name such as /JS followed by a
# delimiter turns up about once in 100 MB; every JavaScript action also names /S /JavaScript anyway.
_MARKERS = re.compile(
    rb"/(?P<marker>"
    + "|".join(_spelled(word) for word in ("Encrypt", "JavaScript", "Launch")).encode("ascii")
    + rb")(?=[\s/<>\[\]()%])"
)


def _script(name: str) -> Refused:
    return Refused(
        f"Tệp PDF “{shown_name(name)}” chứa mã JavaScript hoặc lệnh mở chương trình, không được nhận. "
        "Hãy in lại thành PDF (Microsoft Print to PDF) rồi tải lên."
    )


def _scan_markers(stream: IO[bytes], name: str) -> None:
    stream.seek(0)
    carry = b""
    while piece := stream.read(_PIECE):
        window = carry + piece
        for found in _MARKERS.finditer(window):
            marker = re.sub(
                rb"#([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]), found.group("marker")
            )
            if marker == b"Encrypt":
                raise encrypted(name)
            raise _script(name)
        carry = piece[-64:]


def inspect_pdf(stream: IO[bytes], size: int, name: str) -> None:
    """Refuse a PDF that is cut short, unreadable, encrypted, scripted or carrying a program."""
    import pypdfium2
    import pypdfium2.raw as pdfium

    stream.seek(max(0, size - 2048))
    if b"%%EOF" not in stream.read():
        raise corrupt(name, "thiếu phần kết thúc %%EOF, có thể tệp bị cắt cụt")
    _scan_markers(stream, name)
    stream.seek(0)
    try:
        document = pypdfium2.PdfDocument(stream)
    except pypdfium2.PdfiumError as error:
        if getattr(error, "err_code", None) == _PASSWORD_ERROR:
            raise encrypted(name) from None
        raise corrupt(name, "PDF không đọc được") from None
    try:
        if len(document) == 0:
            raise corrupt(name, "PDF không có trang nào")
        if pdfium.FPDFDoc_GetJavaScriptActionCount(document.raw) > 0:
            raise _script(name)
        for index in range(document.count_attachments()):
            attached = document.get_attachment(index).get_name()
            if extension_of(attached) in EXECUTABLE_EXTENSIONS:
                raise program_inside(name, attached)
    finally:
        document.close()
