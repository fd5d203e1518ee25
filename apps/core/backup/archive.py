"""The backup archive: a gzip-compressed tar of data/<model>.jsonl, media/<file name> and manifest.json.

manifest.json comes last: it holds the counts and SHA-256 checksums of every entry before it. A restore reads the
archive as a stream twice: once to check every entry against the manifest (nothing is written until all of it
passed), then to load. Entries are never extracted with tarfile: a file's name goes through the storage API.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import re
import tarfile
import zlib
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

FORMAT = "cchc-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
MEDIA_DIR = "media/"
# A manifest lists every uploaded file (about 200 bytes each): 64 MB is some 300,000 files.
MANIFEST_MAX_BYTES = 64 * 1024 * 1024
CHUNK = 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")
# What reading a damaged or foreign file raises (gzip.BadGzipFile is an OSError).
READ_ERRORS = (tarfile.TarError, EOFError, zlib.error, OSError)


class BackupError(Exception):
    """A refusal or a failure, with a Vietnamese message for the operator."""


@dataclass(frozen=True)
class TableEntry:
    """One table's rows in the archive: the columns (attribute names) in the order of each JSON line."""

    model: str
    table: str
    columns: list[str]
    rows: int
    member: str
    size: int
    sha256: str


@dataclass(frozen=True)
class MediaEntry:
    """One uploaded file, under its storage name."""

    name: str
    member: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What the archive holds and where it comes from."""

    app_version: str
    created_at: str
    vendor: str
    migrations: dict[str, list[str]]
    tables: list[TableEntry]
    media: list[MediaEntry]
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def nodes(self) -> set[tuple[str, str]]:
        return {(app, name) for app, names in self.migrations.items() for name in names}

    @property
    def rows(self) -> int:
        return sum(table.rows for table in self.tables)

    @property
    def media_bytes(self) -> int:
        return sum(entry.size for entry in self.media)

    def to_bytes(self) -> bytes:
        data = asdict(self)
        data["counts"] = {table.model: table.rows for table in self.tables}
        return json.dumps(data, ensure_ascii=False, indent=1).encode()


class HashingReader:
    """A readable stream that hashes and counts the bytes read through it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.digest = hashlib.sha256()
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        self.size += len(data)
        return data

    def readline(self) -> bytes:
        line = self.stream.readline()
        self.digest.update(line)
        self.size += len(line)
        return line

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line

    def drain(self) -> None:
        while self.read(CHUNK):
            pass

    def hexdigest(self) -> str:
        return self.digest.hexdigest()


def media_member(name: str) -> str:
    return MEDIA_DIR + name


def data_member(model_label: str) -> str:
    return f"{DATA_DIR}{model_label.lower()}.jsonl"


def member_problem(info: tarfile.TarInfo) -> str | None:
    """Why an entry must not be restored, or None: only plain files under data/ and media/, relative names."""
    name = info.name
    if not info.isreg():
        return "không phải tệp thường (liên kết, thư mục hoặc thiết bị)"
    if name == MANIFEST:
        return None
    if "\\" in name or "\x00" in name or name.startswith("/"):
        return "đường dẫn tuyệt đối hoặc có ký tự không cho phép"
    if any(part in ("", ".", "..") for part in name.split("/")):
        return "đường dẫn có “..”, “.” hoặc phần rỗng, có thể trỏ ra ngoài thư mục tệp tải lên"
    if not name.startswith((DATA_DIR, MEDIA_DIR)):
        return "nằm ngoài hai thư mục data/ và media/ của bản sao lưu"
    return None


class ArchiveWriter:
    """Writes the entries one after another; the caller adds the manifest last."""

    def __init__(self, stream: IO[bytes], *, mtime: float) -> None:
        # Level 6: most of the size gain of 9 at a fraction of the time (uploaded PDFs barely compress anyway).
        self.tar = tarfile.open(fileobj=stream, mode="w:gz", compresslevel=6)  # noqa: SIM115
        self.mtime = mtime

    def add(self, member: str, stream: IO[bytes], size: int) -> tuple[int, str]:
        info = tarfile.TarInfo(member)
        info.size = size
        info.mode = 0o600
        info.mtime = self.mtime
        reader = HashingReader(stream)
        self.tar.addfile(info, reader)
        return reader.size, reader.hexdigest()

    def add_manifest(self, manifest: Manifest) -> None:
        data = manifest.to_bytes()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        info.mtime = self.mtime
        self.tar.addfile(info, io.BytesIO(data))

    def close(self) -> None:
        self.tar.close()


def unreadable(path: Path, exc: BaseException) -> BackupError:
    return BackupError(
        f"Tệp {path.name} không phải bản sao lưu CCHC đọc được, hoặc đã hỏng ({exc}). Không khôi phục gì."
    )


def open_entries(path: Path) -> Iterator[tuple[str, HashingReader]]:
    """Every entry of the archive in order, each entry's name checked before its bytes are handed out."""
    try:
        with tarfile.open(path, mode="r|gz") as tar:
            for info in tar:
                problem = member_problem(info)
                if problem:
                    raise BackupError(
                        f"Bản sao lưu có mục không an toàn “{info.name}”: {problem}. Không khôi phục gì."
                    )
                stream = tar.extractfile(info)
                assert stream is not None  # a regular file always has a stream
                yield info.name, HashingReader(stream)
    except READ_ERRORS as exc:
        raise unreadable(path, exc) from exc


def verify(path: Path) -> Manifest:
    """Read the whole archive once; refuse it unless every entry is safe and matches the manifest's checksum."""
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu: {path}")
    found: dict[str, tuple[int, str]] = {}
    manifest_data: bytes | None = None
    try:
        for name, reader in open_entries(path):
            if name in found or (name == MANIFEST and manifest_data is not None):
                raise BackupError(f"Bản sao lưu có hai mục cùng tên “{name}”. Không khôi phục gì.")
            if name == MANIFEST:
                manifest_data = reader.read(MANIFEST_MAX_BYTES + 1)
                if len(manifest_data) > MANIFEST_MAX_BYTES:
                    raise BackupError("manifest.json của bản sao lưu quá lớn. Không khôi phục gì.")
                continue
            reader.drain()
            found[name] = (reader.size, reader.hexdigest())
    except READ_ERRORS as exc:  # an entry's bytes end early: read here, not in open_entries
        raise unreadable(path, exc) from exc
    if manifest_data is None:
        raise BackupError(
            f"Tệp {path.name} không có manifest.json: không phải bản sao lưu CCHC, hoặc đã hỏng (bị cắt cụt khi "
            "chép). Không khôi phục gì."
        )
    manifest = parse_manifest(manifest_data)
    listed = {t.member: (t.size, t.sha256) for t in manifest.tables}
    listed.update({m.member: (m.size, m.sha256) for m in manifest.media})
    for name in found.keys() - listed.keys():
        raise BackupError(f"Bản sao lưu có mục “{name}” không ghi trong manifest.json. Không khôi phục gì.")
    for name in sorted(listed.keys() - found.keys()):
        raise BackupError(f"Bản sao lưu thiếu mục “{name}” mà manifest.json ghi. Không khôi phục gì.")
    for name, expected in listed.items():
        if found[name] != expected:
            raise BackupError(
                f"Mục “{name}” của bản sao lưu không khớp mã kiểm tra SHA-256 ghi trong manifest.json: bản sao "
                "lưu đã bị sửa hoặc hỏng. Không khôi phục gì."
            )
    return manifest


def parse_manifest(data: bytes) -> Manifest:
    """The manifest, or a refusal that says what is wrong with it."""
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(
            f"manifest.json của bản sao lưu không đọc được ({exc}). Không khôi phục gì."
        ) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise BackupError(
            "Tệp không phải bản sao lưu CCHC (manifest.json không đúng định dạng). Không khôi phục gì."
        )
    version = raw.get("format_version")
    if version != FORMAT_VERSION:
        raise BackupError(
            f"Bản sao lưu có định dạng phiên bản {version}; phiên bản ứng dụng này chỉ đọc được định dạng "
            f"{FORMAT_VERSION}. Không khôi phục gì."
        )
    try:
        tables = [TableEntry(**_fields(item, TableEntry)) for item in raw["tables"]]
        media = [MediaEntry(**_fields(item, MediaEntry)) for item in raw["media"]]
        manifest = Manifest(
            app_version=str(raw["app_version"]),
            created_at=str(raw["created_at"]),
            vendor=str(raw["vendor"]),
            migrations={str(app): [str(n) for n in names] for app, names in dict(raw["migrations"]).items()},
            tables=tables,
            media=media,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise BackupError(
            f"manifest.json của bản sao lưu thiếu hoặc sai mục ({exc}). Không khôi phục gì."
        ) from exc
    for table in tables:
        _check(table.member == data_member(table.model), f"mục dữ liệu “{table.member}”")
        _check(all(isinstance(c, str) for c in table.columns), f"cột của bảng {table.table}")
        _check(table.rows >= 0 and table.size >= 0 and SHA256.fullmatch(table.sha256), f"bảng {table.table}")
    for entry in media:
        _check(entry.member == media_member(entry.name), f"tệp “{entry.member}”")
        _check(entry.size >= 0 and SHA256.fullmatch(entry.sha256), f"tệp “{entry.name}”")
    _check(len({t.model for t in tables}) == len(tables), "danh sách bảng (trùng)")
    return manifest


def _fields(item: Any, kind: type) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise TypeError("mục không phải đối tượng JSON")
    types = {"rows": int, "size": int, "columns": list}
    values = {}
    for name in (f.name for f in dataclasses.fields(kind)):
        value = item[name]
        wanted = types.get(name, str)
        if not isinstance(value, wanted) or isinstance(value, bool):
            raise TypeError(f"{name} sai kiểu")
        values[name] = value
    return values


def _check(condition: Any, what: str) -> None:
    if not condition:
        raise BackupError(f"manifest.json của bản sao lưu sai ở {what}. Không khôi phục gì.")
