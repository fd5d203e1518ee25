"""The one gate every uploaded file passes before it is kept or opened.

What a file is comes from its content (magic bytes, then its structure), never from its name; each use
accepts a list of kinds up to a size. Then the file must be safe to keep and to open: a zip-based
document is bounded before it is inflated and inflated against a byte budget (``zips``), an old Office
file's directory is read for encryption and macros (``ole``), a PDF must be whole, unencrypted and without
scripts (``pdf``), an image must be whole, and no program or script may be inside any of them. HTML and
SVG (which a browser would run) are never accepted. Every refusal carries a Vietnamese sentence saying why.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import IO

from domain.uploads.kinds import (
    EXECUTABLE_MAGIC,
    KIND_INFO,
    LISTING_ORDER,
    PE_STUB,
    Kind,
    Refused,
    corrupt,
    program_inside,
    shown_name,
)
from domain.uploads.ole import OLE_MAGIC, inspect_ole
from domain.uploads.pdf import inspect_pdf
from domain.uploads.zips import Budget, ZipLimits, classify_zip, human_size, scan_zip

__all__ = [
    "DOCUMENTS",
    "EVIDENCE",
    "IMAGES",
    "PLAN",
    "TABLE",
    "TEMPLATE",
    "UploadRule",
    "Verdict",
    "inspect_upload",
    "sniff",
]

_HEAD = 64 * 1024
_PIECE = 1024 * 1024
_IMAGES = frozenset({Kind.PNG, Kind.JPEG, Kind.GIF, Kind.WEBP})
_WEB_MARKERS = ("<html", "<!doctype html", "<head", "<body", "<script", "<iframe", "<meta", "<form", "<a ")

DOCUMENTS = frozenset(
    {Kind.PDF, Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.DOC, Kind.XLS, Kind.PPT, Kind.ODT, Kind.ODS, Kind.ODP}
)
IMAGES = _IMAGES


@dataclass(frozen=True)
class UploadRule:
    """What one use accepts: the kinds, the size of the file, how far a zip-based file may inflate."""

    kinds: frozenset[Kind]
    max_bytes: int | None
    zip_limits: ZipLimits
    text_extension: str = "txt"  # how plain text is named in messages: .txt for a plan, .csv for a table

    def allowed_text(self) -> str:
        extensions = [
            f".{self.text_extension if kind == Kind.TEXT else KIND_INFO[kind][1]}"
            for kind in LISTING_ORDER
            if kind in self.kinds
        ]
        return ", ".join(extensions)


# Evidence (minh chứng) of progress and of indicator values: documents and pictures.
EVIDENCE = UploadRule(
    kinds=DOCUMENTS | IMAGES,
    max_bytes=20 * 1024 * 1024,
    zip_limits=ZipLimits(max_uncompressed=200 << 20, max_entry=100 << 20, max_entries=5000),
)
# A plan to import: read by python-docx or pdfplumber, whose memory grows with the XML they parse.
PLAN = UploadRule(
    kinds=frozenset({Kind.DOCX, Kind.PDF, Kind.TEXT}),
    max_bytes=20 * 1024 * 1024,
    zip_limits=ZipLimits(max_uncompressed=100 << 20, max_entry=60 << 20, max_entries=2000),
)
# An agency's report template: rendered by docxtpl on every report export.
TEMPLATE = UploadRule(
    kinds=frozenset({Kind.DOCX}),
    max_bytes=10 * 1024 * 1024,
    zip_limits=ZipLimits(max_uncompressed=50 << 20, max_entry=30 << 20, max_entries=1000),
)
# A table to import (dossiers, feedback, published points): CSV or .xlsx, streamed by openpyxl in
# read-only mode; the size cap comes from the use (dossier exports run to hundreds of MB).
TABLE = UploadRule(
    kinds=frozenset({Kind.XLSX, Kind.TEXT}),
    max_bytes=None,
    zip_limits=ZipLimits(max_uncompressed=8 << 30, max_entry=8 << 30, max_entries=10000),
    text_extension="csv",
)


@dataclass(frozen=True)
class Verdict:
    """The gate's answer: the kind found and, when refused, why."""

    kind: Kind
    reason: str = ""
    size: int = 0

    @property
    def ok(self) -> bool:
        return not self.reason

    @property
    def extension(self) -> str:
        return KIND_INFO[self.kind][1]

    @property
    def content_type(self) -> str:
        return KIND_INFO[self.kind][2]


def _sniff_text(head: bytes) -> Kind:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", "ignore")
    else:
        if b"\x00" in head:
            return Kind.UNKNOWN
        controls = sum(1 for byte in head if byte < 8 or (14 <= byte < 32 and byte != 27))
        if controls > len(head) // 100:
            return Kind.UNKNOWN
        text = head.decode("utf-8", "ignore")
    start = text.lstrip("\ufeff \t\r\n").lower()[:4096]
    if start.startswith("<"):
        if "<svg" in start:
            return Kind.SVG
        if any(marker in start for marker in _WEB_MARKERS):
            return Kind.HTML
        return Kind.XML
    return Kind.TEXT


def sniff(head: bytes) -> Kind:
    """The kind the first bytes say; ZIP and OLE are refined by their structure."""
    if head.startswith(EXECUTABLE_MAGIC):
        return Kind.EXECUTABLE
    if b"%PDF-" in head[:1024]:  # the header may follow up to 1 KB of junk (ISO 32000-1, annex H)
        return Kind.PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return Kind.ZIP
    if head.startswith(OLE_MAGIC):
        return Kind.OLE
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return Kind.JPEG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Kind.GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind.WEBP
    if head.startswith(b"{\\rtf"):
        return Kind.RTF
    return _sniff_text(head)


def _refuse_kind(kind: Kind, name: str, rule: UploadRule) -> Refused:
    shown = shown_name(name)
    allowed = rule.allowed_text()
    if kind == Kind.EXECUTABLE:
        return Refused(f"Tệp “{shown}” là chương trình chạy được, không được nhận.", kind)
    if kind in (Kind.HTML, Kind.SVG):
        return Refused(
            f"Tệp “{shown}” là {KIND_INFO[kind][0]}, có thể chứa mã chạy trên trình duyệt nên không được "
            f"nhận. Chỉ nhận: {allowed}.",
            kind,
        )
    if kind == Kind.UNKNOWN:
        return Refused(f"Không nhận ra loại của tệp “{shown}” từ nội dung. Chỉ nhận: {allowed}.", kind)
    return Refused(
        f"Tệp “{shown}” là {KIND_INFO[kind][0]}, không được nhận ở đây. Chỉ nhận: {allowed}.", kind
    )


def _scan_for_programs(stream: IO[bytes], name: str) -> None:
    """A Windows program's stub text anywhere in the file (an .exe packed into an Office object)."""
    stream.seek(0)
    carry = b""
    while piece := stream.read(_PIECE):
        if PE_STUB in carry + piece:
            raise program_inside(name, name)
        carry = piece[-64:]


def _check_image(stream: IO[bytes], size: int, head: bytes, kind: Kind, name: str) -> None:
    stream.seek(max(0, size - 65536))
    tail = stream.read()
    whole = {
        Kind.PNG: head[12:16] == b"IHDR" and b"IEND" in tail[-64:],
        Kind.JPEG: b"\xff\xd9" in tail,
        Kind.GIF: tail.rstrip(b"\x00\r\n").endswith(b";"),
        Kind.WEBP: len(head) >= 16
        and head[12:16] in (b"VP8 ", b"VP8L", b"VP8X")
        and struct.unpack("<I", head[4:8])[0] + 8 <= size + 1,
    }[kind]
    if not whole:
        raise corrupt(name, "ảnh bị cắt cụt")


def _inspect(stream: IO[bytes], size: int, name: str, rule: UploadRule) -> Kind:
    shown = shown_name(name)
    if size == 0:
        raise Refused(f"Tệp “{shown}” rỗng.")
    if rule.max_bytes is not None and size > rule.max_bytes:
        raise Refused(f"Tệp “{shown}” quá lớn ({human_size(size)}): tối đa {human_size(rule.max_bytes)}.")
    stream.seek(0)
    head = stream.read(_HEAD)
    kind = sniff(head)
    if kind == Kind.ZIP:
        budget = Budget(name, rule.zip_limits.max_uncompressed)
        archive, kind = classify_zip(stream, size, name, rule.zip_limits, budget)
        with archive:
            if kind not in rule.kinds:
                raise _refuse_kind(kind, name, rule)
            scan_zip(archive, kind, name, rule.zip_limits, budget)
        return kind
    if kind == Kind.OLE:
        kind = inspect_ole(stream, size, name)
        if kind in rule.kinds:
            _scan_for_programs(stream, name)
    if kind not in rule.kinds:
        raise _refuse_kind(kind, name, rule)
    if kind == Kind.PDF:
        inspect_pdf(stream, size, name)
    elif kind in _IMAGES:
        _check_image(stream, size, head, kind, name)
    return kind


def inspect_upload(stream: IO[bytes], *, name: str, rule: UploadRule, size: int | None = None) -> Verdict:
    """Whether an uploaded file may be kept and opened for this use; the stream is left at its start.

    ``stream`` must be seekable (an uploaded file in memory or in a temporary file); ``size`` saves a seek
    to its end when the caller knows it.
    """
    if size is None:
        size = stream.seek(0, 2)
    try:
        kind = _inspect(stream, size, name, rule)
    except Refused as refusal:
        return Verdict(refusal.kind or Kind.UNKNOWN, refusal.reason, size)
    finally:
        stream.seek(0)
    return Verdict(kind, "", size)
