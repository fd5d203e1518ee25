"""Old binary Office files (Word, Excel, PowerPoint 97–2003): a compound file ([MS-CFB]) whose directory
says which program wrote it, and whether it is encrypted or carries macros.

Only the header, the allocation table and the directory are read (a few hundred KB for a 20 MB file);
the streams themselves are not, except the first sector of a Word or Excel stream, where the
"encrypted" flag ([MS-DOC] FIB fEncrypted, [MS-XLS] FILEPASS record) lives.
"""

from __future__ import annotations

import struct
from typing import IO

from domain.uploads.kinds import Kind, corrupt, encrypted, macros_inside

__all__ = ["OLE_MAGIC", "inspect_ole"]

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_LAST_SECTOR = 0xFFFFFFFA
_MAX_DIRECTORY_SECTORS = 4096
_ENCRYPTION = {"EncryptedPackage", "EncryptionInfo", "EncryptedSummary"}
_MACROS = {"_VBA_PROJECT_CUR", "_VBA_PROJECT", "VBA", "Macros"}
_PROGRAMS = (
    ("WordDocument", Kind.DOC),
    ("Workbook", Kind.XLS),
    ("Book", Kind.XLS),
    ("PowerPoint Document", Kind.PPT),
)


def _words(data: bytes) -> tuple[int, ...]:
    return struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4])


class _Compound:
    def __init__(self, stream: IO[bytes], size: int, name: str) -> None:
        self.stream, self.size, self.name = stream, size, name
        stream.seek(0)
        header = stream.read(512)
        if len(header) < 512 or not header.startswith(OLE_MAGIC) or header[28:30] != b"\xfe\xff":
            raise corrupt(name, "phần đầu tệp Office không hợp lệ")
        (shift,) = struct.unpack("<H", header[30:32])
        if shift not in (9, 12):
            raise corrupt(name, "phần đầu tệp Office không hợp lệ")
        self.sector = 1 << shift
        self.sectors = max(0, size // self.sector - 1)
        fat_count, self.first_directory = struct.unpack("<II", header[44:52])
        first_difat, _ = struct.unpack("<II", header[68:76])
        if fat_count > self.sectors:
            raise corrupt(name, "bảng cấp phát lớn hơn tệp")
        difat = list(_words(header[76:512]))
        following, hops = first_difat, 0
        while following < _LAST_SECTOR and len(difat) < fat_count:
            hops += 1
            if hops > self.sectors:
                raise corrupt(name, "bảng cấp phát lặp vòng")
            values = _words(self.read_sector(following))
            difat.extend(values[:-1])
            following = values[-1]
        self.fat: list[int] = []
        for sector in difat[:fat_count]:
            self.fat.extend(_words(self.read_sector(sector)))

    def read_sector(self, number: int) -> bytes:
        if number >= self.sectors:
            raise corrupt(self.name, "tham chiếu ra ngoài tệp")
        self.stream.seek((number + 1) * self.sector)
        data = self.stream.read(self.sector)
        if len(data) < self.sector:
            raise corrupt(self.name, "tệp bị cắt cụt")
        return data

    def directory(self) -> dict[str, tuple[int, int]]:
        """Every stream and storage name, with the first sector and size of its data."""
        found: dict[str, tuple[int, int]] = {}
        sector, seen = self.first_directory, set[int]()
        while sector != _END_OF_CHAIN:
            if sector in seen or sector >= len(self.fat) or len(seen) >= _MAX_DIRECTORY_SECTORS:
                raise corrupt(self.name, "mục lục tệp Office không đọc được")
            seen.add(sector)
            data = self.read_sector(sector)
            for offset in range(0, len(data), 128):
                entry = data[offset : offset + 128]
                (length,) = struct.unpack("<H", entry[64:66])
                if entry[66] == 0 or not 2 <= length <= 64:
                    continue
                name = entry[: length - 2].decode("utf-16-le", "replace")
                start, size = struct.unpack("<II", entry[116:124])
                found.setdefault(name, (start, size))
            sector = self.fat[sector]
        return found


def _word_encrypted(fib: bytes) -> bool:
    """[MS-DOC] 2.5.2: wIdent 0xA5EC, then flags at 0x0A whose bit 8 is fEncrypted."""
    return fib[:2] == b"\xec\xa5" and bool(struct.unpack("<H", fib[10:12])[0] & 0x0100)


def _excel_encrypted(stream: bytes) -> bool:
    """[MS-XLS] 2.4.117: a FILEPASS record (0x002F) among the first records of the workbook stream."""
    offset = 0
    while offset + 4 <= len(stream):
        record, length = struct.unpack("<HH", stream[offset : offset + 4])
        if record == 0x002F:
            return True
        if record == 0x000A:  # EOF of the globals
            return False
        offset += 4 + length
    return False


def inspect_ole(stream: IO[bytes], size: int, name: str) -> Kind:
    """What the compound file is; refuses it when encrypted, carrying macros or unreadable."""
    compound = _Compound(stream, size, name)
    names = compound.directory()
    if _ENCRYPTION & names.keys():
        raise encrypted(name)
    macros = _MACROS & names.keys()
    if macros:
        raise macros_inside(name, sorted(macros)[0])
    for stream_name, kind in _PROGRAMS:
        if stream_name not in names:
            continue
        start, length = names[stream_name]
        # Streams under 4096 bytes live in the mini stream; a real Word or Excel stream never does.
        if length >= 4096 and start < _LAST_SECTOR:
            first = compound.read_sector(start)
            if (kind == Kind.DOC and _word_encrypted(first)) or (
                kind == Kind.XLS and _excel_encrypted(first)
            ):
                raise encrypted(name)
        return kind
    return Kind.OLE
