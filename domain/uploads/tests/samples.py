"""Files for the upload gate's tests and bench, built on the fly: good documents and every bad kind.

Bombs are real zips whose parts inflate to the size asked for, written with ZIP_DEFLATED from zeros in
1 MB pieces (a 1 GiB part takes a few seconds and about 1 MB of memory to write); nothing is committed.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path
from typing import IO

MZ = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"This program cannot be run in DOS mode.\r\r\n$"
)


def docx(text: str = "Báo cáo kết quả thực hiện nhiệm vụ") -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx(rows: list[list[object]] | None = None) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows or [["ma_co_quan", "thang"], ["SXD", "03/2026"]]:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf(extra_trailer: str = "", catalog_extra: str = "", payload: bytes = b"") -> bytes:
    """A one-page PDF with a correct cross-reference table; ``payload`` is added as a stream object (a
    scanned page's picture, say) to make it as large as needed."""
    objects: list[bytes] = [
        f"<</Type/Catalog/Pages 2 0 R{catalog_extra}>>".encode(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1>>",
        b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>",
    ]
    if payload:
        objects.append(f"<</Length {len(payload)}>>\nstream\n".encode() + payload + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<</Size {len(objects) + 1}/Root 1 0 R{extra_trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def jpeg() -> bytes:
    return (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64 + b"\xff\xd9"
    )


def with_parts(base: bytes, parts: dict[str, bytes]) -> bytes:
    """``base`` (a zip) with more parts added."""
    buffer = io.BytesIO(base)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def encrypted_zip(base: bytes) -> bytes:
    """``base`` with the "encrypted" flag set on its first part, as a password-protected zip has."""
    data = bytearray(base)
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 0x01
    return bytes(data)


def write_zeros_part(archive: zipfile.ZipFile, name: str, size: int) -> None:
    """A part of ``size`` zero bytes, streamed in 1 MB pieces with the archive's compression (open it with
    ZIP_DEFLATED: zeros shrink about 1000 times)."""
    piece = b"\x00" * (1 << 20)
    with archive.open(name, "w", force_zip64=size > 0x7FFFFFFF) as member:
        left = size
        while left > 0:
            member.write(piece[: min(left, len(piece))])
            left -= len(piece)


def bomb(target: IO[bytes], part: str, size: int, base: bytes | None = None) -> None:
    """A .docx whose ``part`` inflates to ``size`` bytes of zeros, written to ``target``."""
    source = zipfile.ZipFile(io.BytesIO(base or docx()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            if info.filename != part:
                archive.writestr(info.filename, source.read(info))
        write_zeros_part(archive, part, size)


def bomb_bytes(part: str, size: int) -> bytes:
    buffer = io.BytesIO()
    bomb(buffer, part, size)
    return buffer.getvalue()


def many_parts(target: IO[bytes], count: int) -> None:
    """A .docx with ``count`` tiny extra parts."""
    base = zipfile.ZipFile(io.BytesIO(docx()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as archive:
        for info in base.infolist():
            archive.writestr(info.filename, base.read(info))
        for number in range(count):
            archive.writestr(f"word/media/p{number}.xml", b"")


def nested_bomb(target: IO[bytes], size: int) -> None:
    """A .docx carrying an embedded zip whose part inflates to ``size`` bytes (each level shrinks ~1000x)."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        write_zeros_part(archive, "du-lieu.bin", size)
    base = zipfile.ZipFile(io.BytesIO(docx()))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in base.infolist():
            archive.writestr(info.filename, base.read(info))
        # Stored as it is, as Word keeps embedded packages: only the inner zip's own directory gives it away.
        archive.writestr("word/embeddings/goi.zip", inner.getvalue(), compress_type=zipfile.ZIP_STORED)


def ole(streams: dict[str, bytes]) -> bytes:
    """A compound file (Word/Excel 97–2003 container) with the named streams, in 512-byte sectors.

    Each stream is stored in regular sectors (padded to 4096 bytes so it never lives in the mini stream).
    """
    sector = 512
    names = list(streams)
    data_sectors: list[bytes] = []
    starts = []
    for name in names:
        body = streams[name].ljust(4096, b"\x00")
        starts.append(2 + len(data_sectors))
        data_sectors.extend(body[i : i + sector] for i in range(0, len(body), sector))
    total = 2 + len(data_sectors)  # sector 0: FAT, sector 1: directory
    fat = [0xFFFFFFFD, 0xFFFFFFFE]
    for name, start in zip(names, starts, strict=True):
        count = len(streams[name].ljust(4096, b"\x00")) // sector
        fat.extend([*range(start + 1, start + count), 0xFFFFFFFE])
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))
    assert total <= sector // 4

    def entry(
        name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF, right: int = 0xFFFFFFFF
    ) -> bytes:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        return (
            encoded.ljust(64, b"\x00")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", 0xFFFFFFFF, right, child)
            + b"\x00" * 36
            + struct.pack("<IIQ", start, size, 0)[:12]
        ).ljust(128, b"\x00")

    entries = [entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1 if names else 0xFFFFFFFF)]
    for index, (name, start) in enumerate(zip(names, starts, strict=True)):
        following = index + 2 if index + 1 < len(names) else 0xFFFFFFFF
        entries.append(entry(name, 2, start, len(streams[name].ljust(4096, b"\x00")), right=following))
    directory = b"".join(entries).ljust(sector, b"\x00")
    assert len(directory) == sector, "at most four entries in this builder"
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\x00" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
        + struct.pack("<I", 0)
        + struct.pack("<I", 0xFFFFFFFF) * 108
    )
    assert len(header) == 512
    return header + struct.pack(f"<{len(fat)}I", *fat) + directory + b"".join(data_sectors)


def word_stream(encrypted: bool = False) -> bytes:
    """The start of a WordDocument stream: wIdent, then the flags with fEncrypted (bit 8)."""
    flags = 0x0100 if encrypted else 0
    return b"\xec\xa5" + b"\x00" * 8 + struct.pack("<H", flags)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
