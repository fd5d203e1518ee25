"""Zip-based files (Word, Excel, PowerPoint, OpenDocument): bounded before anything is inflated, then
inflated in small pieces against a byte budget.

A zip bomb is a small file whose parts inflate to gigabytes. The end record and the central directory say
how many parts there are and how large each claims to be; both are read first and the file is refused when
the count, a part's size, the total or a part's compression ratio is beyond the use's limits — nothing has
been inflated yet. Declared sizes may lie, so every part is then inflated in 64 KB pieces, each counted
against the same budget, and its checksum verified (Python's zipfile never yields more than the declared
size and raises on a checksum mismatch). A part that is itself a zip is checked the same way, one level
deep, with what is left of the budget.
"""

from __future__ import annotations

import re
import struct
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from typing import IO

from domain.uploads.kinds import (
    EXECUTABLE_EXTENSIONS,
    PE_STUB,
    Kind,
    Refused,
    corrupt,
    encrypted,
    extension_of,
    looks_executable,
    macros_inside,
    program_inside,
    shown_name,
    shown_part,
)

__all__ = ["Budget", "ZipLimits", "classify_zip", "human_size", "scan_zip", "zip_bounds_problem"]

CHUNK = 64 * 1024
# Parts smaller than this may compress as well as they like (a short, repetitive XML part does).
RATIO_FLOOR = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_VBA_IN_OLE = "_VBA_PROJECT".encode("utf-16-le")
_OFFICE_PACKAGES = frozenset({Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.ODT, Kind.ODS, Kind.ODP})
_ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": Kind.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": Kind.ODS,
    b"application/vnd.oasis.opendocument.presentation": Kind.ODP,
}
_MACRO_TYPES = re.compile(rb"macroEnabled|vbaProject|vbaData|activeX", re.IGNORECASE)


@dataclass(frozen=True)
class ZipLimits:
    """How far one use lets a zip-based file inflate."""

    max_uncompressed: int  # all parts together (nested parts included), in bytes
    max_entry: int  # one part
    max_entries: int  # number of parts
    max_ratio: int = 100  # inflated size / stored size of a part over RATIO_FLOOR
    max_depth: int = 2  # the file itself, and documents embedded in it


def human_size(count: int) -> str:
    """ "1 GB", "300 MB", "64 KB" for messages (decimal comma, as Vietnamese writes it)."""
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if count >= size:
            value = count / size
            text = f"{value:.0f}" if value >= 10 or value.is_integer() else f"{value:.1f}".replace(".", ",")
            return f"{text} {unit}"
    return f"{count} byte"


def _count(number: int) -> str:
    """100.017: thousands separated by dots, as Vietnamese writes them."""
    return f"{number:,}".replace(",", ".")


def _bomb(name: str, detail: str) -> Refused:
    return Refused(f"Tệp “{shown_name(name)}” {detail}: nghi là “bom nén”, không được nhận.", bomb=True)


class Budget:
    """The bytes one upload may still inflate, shared by the file and the documents nested in it."""

    def __init__(self, name: str, limit: int) -> None:
        self.name = name
        self.limit = limit
        self.left = limit

    def take(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            raise _bomb(self.name, f"giải nén ra hơn {human_size(self.limit)}")


def _end_record(stream: IO[bytes], size: int, name: str, limits: ZipLimits) -> None:
    """Read the end-of-central-directory record (and its Zip64 form) to refuse a file with too many parts
    before zipfile builds an object for each of them."""
    tail_size = min(size, 22 + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        raise corrupt(name, "không thấy mục lục của tệp nén")
    _, _, _, _, entries, directory_size, directory_offset, _ = struct.unpack("<4s4H2LH", tail[at : at + 22])
    if entries == 0xFFFF or 0xFFFFFFFF in (directory_size, directory_offset):
        locator = tail[at - 20 : at] if at >= 20 else b""
        if not locator.startswith(b"PK\x06\x07"):
            raise corrupt(name, "mục lục Zip64 không hợp lệ")
        (record_offset,) = struct.unpack("<Q", locator[8:16])
        if record_offset + 56 > size:
            raise corrupt(name, "mục lục Zip64 nằm ngoài tệp")
        stream.seek(record_offset)
        record = stream.read(56)
        if not record.startswith(b"PK\x06\x06"):
            raise corrupt(name, "mục lục Zip64 không hợp lệ")
        entries, directory_size = struct.unpack("<QQ", record[32:48])
    if entries > limits.max_entries:
        raise _bomb(name, f"chứa quá nhiều phần ({_count(entries)}; tối đa {_count(limits.max_entries)})")
    # 46 bytes of fixed fields and at most a few hundred of name and extras per part.
    if directory_size > limits.max_entries * 1024 + 65536:
        raise _bomb(name, f"có mục lục lớn bất thường ({human_size(directory_size)})")


def _open(stream: IO[bytes], size: int, name: str, limits: ZipLimits) -> zipfile.ZipFile:
    _end_record(stream, size, name, limits)
    stream.seek(0)
    try:
        return zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise corrupt(name, "mục lục của tệp nén không đọc được") from None


def _check_sizes(archive: zipfile.ZipFile, name: str, limits: ZipLimits, budget_left: int) -> None:
    """The sizes the central directory declares, against the limits: nothing is inflated."""
    total = 0
    for info in archive.infolist():
        part = info.filename
        if info.file_size > limits.max_entry:
            raise _bomb(
                name,
                f"có phần “{shown_part(part)}” giải nén lớn tới {human_size(info.file_size)} "
                f"(tối đa {human_size(limits.max_entry)})",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _bomb(
                name,
                f"có phần “{shown_part(part)}” nén bất thường (giải nén gấp {_count(ratio)} lần, tối đa "
                f"{_count(limits.max_ratio)} lần)",
            )
        total += info.file_size
    cap = min(limits.max_uncompressed, budget_left)
    if total > cap:
        raise _bomb(name, f"khi giải nén lớn tới {human_size(total)} (tối đa {human_size(cap)})")


def _check_parts(archive: zipfile.ZipFile, size: int, name: str) -> None:
    """What else the central directory says: no duplicate, encrypted, truncated or executable parts."""
    seen: set[str] = set()
    for info in archive.infolist():
        part = info.filename
        if part in seen:
            raise corrupt(name, f"có hai phần cùng tên “{shown_part(part)}”")
        seen.add(part)
        if info.flag_bits & 0x1:
            raise encrypted(name)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise corrupt(name, f"phần “{shown_part(part)}” dùng kiểu nén không hỗ trợ")
        if info.header_offset + info.compress_size > size:
            raise corrupt(name, "tệp bị cắt cụt")
        if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
            raise corrupt(name, f"kích thước phần “{shown_part(part)}” không khớp")
        if extension_of(part) in EXECUTABLE_EXTENSIONS:
            raise program_inside(name, part)


def _read_small(archive: zipfile.ZipFile, part: str, budget: Budget, cap: int) -> bytes:
    info = archive.getinfo(part)
    if info.file_size > cap:
        raise corrupt(budget.name, f"phần “{shown_part(part)}” lớn bất thường")
    budget.take(info.file_size)
    with archive.open(info) as member:
        return member.read(cap)


def _kind(archive: zipfile.ZipFile, budget: Budget) -> Kind:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        tops = {part.split("/", 1)[0] for part in names}
        for top, kind in (("word", Kind.DOCX), ("xl", Kind.XLSX), ("ppt", Kind.PPTX)):
            if top in tops:
                return kind
        return Kind.ZIP
    if "mimetype" in names:
        mimetype = _read_small(archive, "mimetype", budget, 256).strip()
        return _ODF_TYPES.get(mimetype, Kind.ZIP)
    return Kind.ZIP


def classify_zip(
    stream: IO[bytes], size: int, name: str, limits: ZipLimits, budget: Budget
) -> tuple[zipfile.ZipFile, Kind]:
    """Open the central directory, refuse what it declares beyond the limits, and say what the file is."""
    archive = _open(stream, size, name, limits)
    try:
        _check_sizes(archive, name, limits, budget.left)
        _check_parts(archive, size, name)
        return archive, _kind(archive, budget)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        archive.close()
        raise corrupt(name, "dữ liệu nén không đọc được") from None
    except Refused:
        archive.close()
        raise


def _check_macros(archive: zipfile.ZipFile, kind: Kind, name: str, budget: Budget) -> None:
    for part in archive.namelist():
        lowered = part.lower()
        base = lowered.rsplit("/", 1)[-1]
        if base in ("vbaproject.bin", "vbadata.xml") or "/activex/" in f"/{lowered}":
            raise macros_inside(name, part)
        if kind in (Kind.ODT, Kind.ODS, Kind.ODP) and lowered.startswith(("basic/", "scripts/")):
            raise macros_inside(name, part)
    if kind in (Kind.DOCX, Kind.XLSX, Kind.PPTX):
        types = _read_small(archive, "[Content_Types].xml", budget, 1024 * 1024)
        found = _MACRO_TYPES.search(types)
        if found:
            raise macros_inside(name, found.group(0).decode("ascii"))


def _scan_part(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limits: ZipLimits, budget: Budget, depth: int
) -> None:
    nested: IO[bytes] | None = None
    try:
        inflated = 0
        with archive.open(info) as member:
            carry = b""
            first = True
            needles = [PE_STUB]
            while chunk := member.read(CHUNK):
                budget.take(len(chunk))
                inflated += len(chunk)
                if first:
                    first = False
                    if looks_executable(chunk):
                        raise program_inside(name, info.filename)
                    if chunk.startswith(_OLE_MAGIC):
                        needles.append(_VBA_IN_OLE)
                    if chunk.startswith(b"PK\x03\x04"):
                        if depth >= limits.max_depth:
                            raise Refused(
                                f"Tệp “{shown_name(name)}” chứa tệp nén lồng nhiều lớp "
                                f"(“{shown_part(info.filename)}”), không được nhận."
                            )
                        nested = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)  # noqa: SIM115
                window = carry + chunk
                for needle in needles:
                    if needle in window:
                        if needle == _VBA_IN_OLE:
                            raise macros_inside(name, info.filename)
                        raise program_inside(name, info.filename)
                carry = chunk[-64:]
                if nested is not None:
                    nested.write(chunk)
        if inflated != info.file_size:
            raise corrupt(name, f"phần “{shown_part(info.filename)}” không đúng kích thước khai báo")
        if nested is not None:
            _scan_nested(nested, inflated, info.filename, name, limits, budget, depth)
    finally:
        if nested is not None:
            nested.close()


def _scan_nested(
    nested: IO[bytes], size: int, part: str, name: str, limits: ZipLimits, budget: Budget, depth: int
) -> None:
    """A zip inside the file: only an embedded document (an Excel sheet in a Word file) may be there."""
    inner_name = f"{shown_name(name)} › {shown_name(part)}"
    inner, kind = classify_zip(nested, size, inner_name, limits, budget)
    with inner:
        if kind not in _OFFICE_PACKAGES:
            raise Refused(
                f"Tệp “{shown_name(name)}” chứa tệp nén “{shown_part(part)}” bên trong, không được nhận."
            )
        scan_zip(inner, kind, inner_name, limits, budget, depth + 1)


def scan_zip(
    archive: zipfile.ZipFile, kind: Kind, name: str, limits: ZipLimits, budget: Budget, depth: int = 1
) -> None:
    """Inflate every part against the budget: checksums, programs, macros, nested archives."""
    _check_macros(archive, kind, name, budget)
    try:
        for info in sorted(archive.infolist(), key=lambda item: item.header_offset):
            if not info.is_dir():
                _scan_part(archive, info, name, limits, budget, depth)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        raise corrupt(name, "dữ liệu nén không đọc được") from None


def zip_bounds_problem(source: bytes | IO[bytes], limits: ZipLimits, name: str = "tệp") -> str | None:
    """For code that opens a stored .docx or .xlsx: the reason to refuse it when it would inflate beyond
    the limits, from its end record and central directory only (a corrupt file is left to the opener, which
    fails on it without inflating anything).

    Python's zipfile never inflates a part beyond its declared size, so a file whose declared sizes fit the
    limits cannot inflate beyond them when python-docx, docxtpl or openpyxl read it.
    """
    stream: IO[bytes] = BytesIO(source) if isinstance(source, bytes | bytearray) else source
    start = stream.tell()
    size = stream.seek(0, 2)
    try:
        with _open(stream, size, name, limits) as archive:
            _check_sizes(archive, name, limits, limits.max_uncompressed)
    except Refused as refusal:
        return refusal.reason if refusal.bomb else None
    finally:
        stream.seek(start)
    return None
