"""Write a backup archive of the database and the uploaded files; restore one into an empty database."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.models import Model
from django.utils import timezone

from apps.core.backup import database
from apps.core.backup.archive import (
    CHUNK,
    DATA_DIR,
    MEDIA_DIR,
    ArchiveWriter,
    BackupError,
    HashingReader,
    Manifest,
    MediaEntry,
    TableEntry,
    data_member,
    media_member,
    open_entries,
    verify,
)

VENDOR_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
# An uploaded file waits in memory up to this size before it is written to storage, on disk beyond it.
SPOOL_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest
    seconds: float


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    vendor: str
    migrated: list[str] = field(default_factory=list)
    seconds: float = 0.0


def vendor_name(vendor: str) -> str:
    return VENDOR_NAMES.get(vendor, vendor)


def app_version() -> str:
    try:
        return version("cchc")
    except PackageNotFoundError:
        return "0"


def media_names(storage: Storage) -> list[str]:
    """Every file of the storage, through its own listing (a local folder or an object store alike)."""
    names: list[str] = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:  # nothing uploaded yet: MEDIA_ROOT not made
            continue
        prefix = f"{folder}/" if folder else ""
        folders.extend(prefix + name for name in subfolders)
        names.extend(prefix + name for name in files)
    return sorted(names)


def default_output(now: float) -> Path:
    stamp = timezone.localtime(datetime.fromtimestamp(now, tz=UTC)).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"cchc-backup-{stamp}.tar.gz"


def _output_path(output: Path | None, now: float) -> Path:
    path = default_output(now) if output is None else output
    if path.is_dir():
        path = path / default_output(now).name
    if path.exists():
        raise BackupError(f"Đã có tệp {path}; không ghi đè bản sao lưu cũ.")
    if isinstance(default_storage, FileSystemStorage):
        media_root = Path(default_storage.location).resolve()
        if path.resolve().is_relative_to(media_root):
            raise BackupError(
                f"Không ghi bản sao lưu vào thư mục tệp tải lên ({media_root}): hãy chọn thư mục khác."
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def backup_create(*, output: Path | None = None, using: str = DEFAULT_DB_ALIAS) -> BackupResult:
    """Write one archive: every table as of one moment, then every uploaded file, then the manifest."""
    started = time.monotonic()
    now = time.time()
    path = _output_path(output, now)
    connection = connections[using]
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    # Rows of django_migrations left by an app since removed from the code describe no table of ours.
    nodes = {node for node in database.applied_nodes(connection) if node[0] in loader.migrated_apps}
    unknown = sorted(nodes - set(loader.graph.nodes))
    if unknown:
        raise BackupError(
            f"CSDL có migration mà phiên bản ứng dụng này không biết ({unknown[0][0]}.{unknown[0][1]}): hãy sao "
            "lưu bằng phiên bản ứng dụng đã cập nhật CSDL."
        )
    partial = path.with_name(path.name + ".part")
    # The archive holds password hashes and API token digests: readable by its owner only.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            writer = ArchiveWriter(stream, mtime=now)
            tables = _write_tables(writer, loader, nodes, connection, path.parent)
            media = _write_media(writer, default_storage)
            migrations: dict[str, list[str]] = {}
            for app, name in sorted(nodes):
                migrations.setdefault(app, []).append(name)
            manifest = Manifest(
                app_version=app_version(),
                created_at=datetime.fromtimestamp(now, tz=UTC).isoformat(),
                vendor=connection.vendor,
                migrations=migrations,
                tables=tables,
                media=media,
            )
            writer.add_manifest(manifest)
            writer.close()
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupResult(path, path.stat().st_size, manifest, time.monotonic() - started)


def _write_tables(
    writer: ArchiveWriter, loader: MigrationLoader, nodes: set, connection, folder: Path
) -> list:
    tables = []
    with database.snapshot(connection):
        for model in database.schema_models(loader, nodes):
            with tempfile.TemporaryFile(dir=folder) as spool:
                rows = database.dump_table(model, connection.alias, spool)
                size = spool.tell()
                spool.seek(0)
                member = data_member(model._meta.label)
                size, digest = writer.add(member, spool, size)
            tables.append(
                TableEntry(
                    model=model._meta.label,
                    table=model._meta.db_table,
                    columns=[f.attname for f in database.columns(model)],
                    rows=rows,
                    member=member,
                    size=size,
                    sha256=digest,
                )
            )
    return tables


def _write_media(writer: ArchiveWriter, storage: Storage) -> list[MediaEntry]:
    media = []
    for name in media_names(storage):
        size = storage.size(name)
        with storage.open(name, "rb") as stream:
            size, digest = writer.add(media_member(name), stream, size)
        media.append(MediaEntry(name=name, member=media_member(name), size=size, sha256=digest))
    return media


def backup_restore(*, path: Path, overwrite: bool = False, using: str = DEFAULT_DB_ALIAS) -> RestoreResult:
    """Load an archive into the database and the storage, refusing before any change whatever is not right."""
    started = time.monotonic()
    manifest = verify(path)
    connection = connections[using]
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    archive_nodes = manifest.nodes
    newer = sorted(archive_nodes - set(loader.graph.nodes))
    if newer:
        raise BackupError(
            f"Bản sao lưu được tạo bởi phiên bản ứng dụng mới hơn (có migration {newer[0][0]}.{newer[0][1]} mà "
            f"phiên bản này không có; bản sao lưu của phiên bản {manifest.app_version}): hãy cập nhật ứng dụng "
            "rồi khôi phục. Không khôi phục gì."
        )
    closure = {step for node in archive_nodes for step in loader.graph.forwards_plan(node)}
    if closure != archive_nodes:
        raise BackupError("Danh sách migration trong manifest.json không nhất quán. Không khôi phục gì.")
    target_nodes = {node for node in database.applied_nodes(connection) if node[0] in loader.migrated_apps}
    ahead = sorted(target_nodes - archive_nodes)
    if ahead:
        raise BackupError(
            f"CSDL đích đã chạy migration mới hơn bản sao lưu ({ahead[0][0]}.{ahead[0][1]}). Hãy khôi phục vào "
            "một CSDL mới tạo, chưa chạy migrate (ứng dụng sẽ tự cập nhật cấu trúc sau khi nạp). Không khôi phục gì."
        )
    models = {model._meta.label: model for model in database.schema_models(loader, archive_nodes)}
    missing = sorted({table.model for table in manifest.tables} ^ set(models))
    if missing:
        raise BackupError(
            f"Bảng {missing[0]} của bản sao lưu không khớp cấu trúc mà các migration của nó tạo ra. Không khôi phục gì."
        )
    for table in manifest.tables:
        if sorted(table.columns) != sorted(f.attname for f in database.columns(models[table.model])):
            raise BackupError(
                f"Cột của bảng {table.table} trong bản sao lưu khác cấu trúc mà các migration của nó tạo ra. "
                "Không khôi phục gì."
            )
    if target_nodes:
        filled = database.tables_with_rows(connection)
        if filled and not overwrite:
            raise BackupError(
                f"CSDL đích đang có dữ liệu ({len(filled)} bảng, ví dụ {filled[0]}). Khôi phục sẽ xóa toàn bộ dữ "
                "liệu này và thay bằng bản sao lưu; chạy lại với --yes nếu chắc chắn. Không khôi phục gì."
            )

    if target_nodes != archive_nodes:
        executor = MigrationExecutor(connection)
        executor.migrate(_leaves(loader, archive_nodes))
    written: list[str] = []
    try:
        with transaction.atomic(using=using):
            database.flush(connection, list(models.values()))
            _load_entries(path, manifest, models, connection, default_storage, written)
            _verify_media(manifest, default_storage)
    except DatabaseError as exc:
        _remove(default_storage, written)
        raise BackupError(f"Không nạp được dữ liệu ({exc}). Đã hoàn tác việc nạp dữ liệu.") from exc
    except BaseException:
        _remove(default_storage, written)
        raise
    ContentType.objects.clear_cache()
    before = database.applied_nodes(connection)
    call_command("migrate", database=using, interactive=False, verbosity=0)
    migrated = sorted(f"{app}.{name}" for app, name in database.applied_nodes(connection) - before)
    return RestoreResult(manifest, connection.vendor, migrated, time.monotonic() - started)


def _leaves(loader: MigrationLoader, nodes: set[database.Node]) -> list[database.Node]:
    """Per app, the archive's last migration: migrating to these applies exactly the archive's migrations."""
    return sorted(
        node
        for node in nodes
        if not any(child in nodes and child[0] == node[0] for child in loader.graph.node_map[node].children)
    )


def _load_entries(
    path: Path,
    manifest: Manifest,
    models: dict[str, type[Model]],
    connection: BaseDatabaseWrapper,
    storage: Storage,
    written: list[str],
) -> None:
    """Load the rows, check them, then write the files (the archive holds them in that order)."""
    tables = {table.member: table for table in manifest.tables}
    media = {entry.member: entry for entry in manifest.media}
    checked = False
    for name, reader in open_entries(path):
        if name.startswith(DATA_DIR):
            if checked:
                raise BackupError(
                    f"Mục “{name}” nằm sau các tệp tải lên trong bản sao lưu. Không khôi phục gì."
                )
            table = tables[name]
            database.load_table(models[table.model], table.columns, reader, connection)
            expected = table.sha256
        else:
            if not checked:
                _check_rows(manifest, models, connection)
                checked = True
            if not name.startswith(MEDIA_DIR):
                reader.drain()
                continue
            entry = media[name]
            existed = storage.exists(entry.name)
            _media_put(storage, entry.name, reader)
            if not existed:
                written.append(entry.name)
            expected = entry.sha256
        reader.drain()
        if reader.hexdigest() != expected:
            # The file changed since it was checked.
            raise BackupError(f"Mục “{name}” của bản sao lưu đã thay đổi trong lúc khôi phục. Đã hoàn tác.")


def _check_rows(manifest: Manifest, models: dict[str, type[Model]], connection: BaseDatabaseWrapper) -> None:
    """Before any file is written: every reference points to a row, every table has the manifest's count."""
    connection.check_constraints()
    database.reset_sequences(connection, list(models.values()))
    for table in manifest.tables:
        rows = database.count_rows(connection, models[table.model])
        if rows != table.rows:
            raise BackupError(
                f"Bảng {table.table} có {rows} bản ghi sau khi nạp, manifest ghi {table.rows}. "
                "Đã hoàn tác việc nạp dữ liệu."
            )


def _remove(storage: Storage, names: list[str]) -> None:
    """Undo the files a failed restore added (files it replaced, with --yes, stay replaced)."""
    for name in names:
        storage.delete(name)


def _media_put(storage: Storage, name: str, reader: HashingReader) -> None:
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as spool:
        shutil.copyfileobj(reader, spool, CHUNK)
        spool.seek(0)
        if storage.exists(name):
            storage.delete(name)
        saved = storage.save(name, File(spool, name=name))
    if saved != name:
        raise BackupError(
            f"Không ghi được tệp “{name}” đúng tên (kho tệp đã lưu thành “{saved}”). Đã hoàn tác."
        )


def _verify_media(manifest: Manifest, storage: Storage) -> None:
    for entry in manifest.media:
        digest = hashlib.sha256()
        with storage.open(entry.name, "rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != entry.sha256:
            raise BackupError(f"Tệp “{entry.name}” đọc lại từ kho tệp không khớp mã kiểm tra. Đã hoàn tác.")
