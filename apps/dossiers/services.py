"""Every write of dossiers: the import of an export file, the roll-up, the column mappings of sources.

A CSV is read and checked by DuckDB (`domain.dossier_import.columnar`, the same rules looked up per distinct
cell); a workbook, or a CSV only `csv.reader` reads right, is read once, streaming, and each row checked in
`domain.dossier_import.rows`. Good rows go to the database (package `bulk`), bad rows to an error file on disk with
the reason. Then, in one transaction, the
good rows are merged and the roll-up refreshed for the months they touched. When the file has bad rows the
merge only happens if the user chose to load the good rows; otherwise nothing changes and the error file says
what to fix. The batch record is written either way, so the summary and the error file stay downloadable.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from apps.core.uploads import Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.jobs.leases import LeaseKeeper, lease_claim
from apps.organizations.models import Agency, Unit
from domain.dossier_import import columns as canonical
from domain.dossier_import.columnar import ColumnarCheck, ColumnarUnavailable
from domain.dossier_import.columns import ColumnPlan, ImportFileError, normalise_header, plan_columns
from domain.dossier_import.reader import TableSource, open_table
from domain.dossier_import.rows import ImportContext, RowValidator
from domain.spreadsheet_text import safe_row

from .bulk import Cell, Duplicate, ForeignRow, Loader, MergeResult, loader_for_connection
from .choices import ImportStatus
from .models import DossierExport, ImportBatch, SourceMapping

logger = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
PROGRESS_EVERY = 20_000


class ErrorFile:
    """The rows that were not loaded, as a CSV (UTF-8 with BOM, for Excel): line, reason, then the row."""

    def __init__(self) -> None:
        self._file = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in close())
            mode="w+", encoding="utf-8-sig", newline="", suffix=".csv"
        )
        self._writer = csv.writer(self._file)
        self.count = 0
        self._header: list[str] = []

    def start(self, header: Sequence[str]) -> None:
        self._header = list(header)
        self._writer.writerow(safe_row(["dong", "ly_do", *header]))

    def add(self, line: int, reason: str, cells: Sequence[str]) -> None:
        # The cells and the header come from the uploaded file: a formula in them must not run in Excel.
        self._writer.writerow(safe_row([line, reason, *cells]))
        self.count += 1

    def add_duplicate(self, duplicate: Duplicate, code_position: int) -> None:
        self._add_code(
            duplicate.line,
            f"Trùng mã hồ sơ “{duplicate.code}” với dòng {duplicate.first_line} trong cùng tệp "
            "(giữ dòng đầu tiên).",
            duplicate.code,
            code_position,
        )

    def add_foreign(self, foreign: ForeignRow, code_position: int) -> None:
        self._add_code(
            foreign.line,
            f"Mã hồ sơ “{foreign.code}” đã thuộc cơ quan khác; không thể ghi đè hồ sơ của cơ quan khác.",
            foreign.code,
            code_position,
        )

    def _add_code(self, line: int, reason: str, code: str, code_position: int) -> None:
        """A row known by its code only (the database found it): the other cells stay blank."""
        cells = [""] * len(self._header)
        if 0 <= code_position < len(cells):
            cells[code_position] = code
        self.add(line, reason, cells)

    def save_to(self, batch: ImportBatch) -> None:
        if not self.count:
            return
        self._file.flush()
        self._file.seek(0)
        stem = batch.original_name.rsplit(".", 1)[0][:80] or "ho-so"
        with open(self._file.name, "rb") as binary:
            batch.error_file.save(f"{stem}-dong-loi-{batch.pk}.csv", File(binary), save=False)

    def close(self) -> None:
        self._file.close()


@dataclass
class _Stream:
    """Counts what passed while the rows are streamed into the staging table."""

    good: int = 0
    bad: int = 0


def import_context(*, agency_ids: set[int] | None) -> ImportContext:
    """The agencies (all when None) a file may load rows into, with their units."""
    agencies = Agency.objects.all() if agency_ids is None else Agency.objects.filter(pk__in=agency_ids)
    by_code = dict(agencies.values_list("code", "pk"))
    units = {
        (agency_id, code): pk
        for pk, agency_id, code in Unit.objects.filter(agency_id__in=by_code.values()).values_list(
            "pk", "agency_id", "code"
        )
    }
    return ImportContext(agencies=by_code, units=units)


def _stream_rows(
    rows: Iterator[tuple[int, list[str]]],
    validator: RowValidator,
    errors: ErrorFile,
    counts: _Stream,
    cells: set[Cell],
    progress: Callable[[int], None] | None,
) -> Iterator[tuple[Any, ...]]:
    for line, row_cells in rows:
        staged, reason = validator(line, row_cells)
        if staged is None:
            counts.bad += 1
            errors.add(line, reason or "", row_cells)
        else:
            counts.good += 1
            cells.add((staged[2], staged[20], staged[21], staged[22]))
            yield staged
        if progress is not None and (counts.good + counts.bad) % PROGRESS_EVERY == 0:
            progress(counts.good + counts.bad)


def dossier_max_upload_bytes() -> int:
    """The largest export the page and the API take (the command line takes any size)."""
    return int(getattr(settings, "CCHC_DOSSIER_MAX_UPLOAD_BYTES", 512 * 1024 * 1024))


class _Rejected(Exception):
    """Raised inside the import's transaction to undo it: the file had bad rows and partial loads were not asked."""


def dossier_import(
    *,
    stream: IO[bytes],
    filename: str,
    user: Any = None,
    agency: Agency | None = None,
    allowed_agency_ids: set[int] | None = None,
    source: SourceMapping | None = None,
    load_good_rows: bool = False,
    file_size: int = 0,
    progress: Progress | None = None,
    source_file: str = "",
    retry_of: ImportBatch | None = None,
    max_bytes: int | None = None,
) -> ImportBatch:
    """Import one export file; returns the batch with its summary (a bad file is a summary, not an error).

    The file first passes the upload gate (CSV or .xlsx by its content, at most `max_bytes` when given, a
    workbook bounded before openpyxl inflates it); a file it refuses raises `UploadRefused` and nothing is
    written, not even a batch.

    `allowed_agency_ids`: the agencies whose dossiers this import may write (None: all, for the command line).
    `source_file`: the kept copy of the file in storage (`import_runs`), read again if this import is interrupted.
    The batch holds a lease while it runs, so a batch whose process died is told from one still working.
    A row naming another agency is refused by the check; a row whose code is already held by a dossier of
    another agency is refused by the loader, in the transaction that writes the rest (`Loader.take_foreign`).
    """
    started = time.monotonic()
    upload_check(stream, use=Use.DOSSIERS, name=filename, field="file", max_bytes=max_bytes)
    file_size = file_size or _size_of(stream)
    batch = ImportBatch.objects.create(
        agency=agency,
        source=source,
        original_name=filename[:255],
        file_size=file_size,
        load_good_rows=load_good_rows,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        source_file=source_file,
        retry_of=retry_of,
        **lease_claim(),
    )
    loader = loader_for_connection(batch.pk, allowed_agency_ids)
    errors = ErrorFile()
    counts = _Stream()

    def report(rows: int) -> None:
        if progress is not None:
            try:
                position = stream.tell()
            except (OSError, ValueError):
                position = 0
            progress(rows, position)

    keeper = LeaseKeeper(ImportBatch, batch.pk).start()
    try:
        table = open_table(stream, filename)
        batch.encoding = table.encoding_label
        plan = plan_columns(table.header, source.columns if source else None)
        batch.ignored_columns = list(plan.ignored)
        errors.start(table.header)
        validator = RowValidator(plan, import_context(agency_ids=allowed_agency_ids))
        with tempfile.TemporaryDirectory(prefix="cchc-ho-so-") as workdir:
            loader.workdir = Path(workdir)
            check = _columnar_check(stream, table, plan, validator, Path(workdir), errors)
            if check is not None:
                with check:
                    merged = _import_columnar(
                        check, loader, batch, plan, errors, counts, load_good_rows, report
                    )
            else:
                stream.seek(0)
                table = open_table(stream, filename)
                merged = _import_rows(
                    table, validator, loader, batch, plan, errors, counts, load_good_rows, report
                )
        batch.inserted, batch.updated, batch.unchanged = merged.inserted, merged.updated, merged.unchanged
        batch.agency_ids = sorted(merged.agency_ids)
        if batch.agency is None and merged.agency_ids:
            batch.agency = _common_agency(merged.agency_ids)
        batch.months = sorted(merged.months)
        batch.status = ImportStatus.PARTIAL if counts.bad else ImportStatus.DONE
        batch.message = _summary(batch) if counts.good else "Tệp không có dòng hồ sơ nào để nhập."
    except _Rejected:
        batch.status = ImportStatus.REJECTED
        batch.message = (
            f"Tệp có {counts.bad} dòng lỗi nên chưa nhập dòng nào (cơ sở dữ liệu không thay đổi). "
            "Tải tệp dòng lỗi để sửa, hoặc nhập lại và chọn “Nhập các dòng hợp lệ, bỏ qua dòng lỗi”."
        )
    except ImportFileError as error:
        batch.status = ImportStatus.FAILED
        batch.message = str(error)
    finally:
        loader.end()
        keeper.stop()
    errors.save_to(batch)
    errors.close()
    batch.seconds = round(time.monotonic() - started, 3)
    batch.finished_at = timezone.now()
    batch.save()
    return batch


def _import_rows(
    table: TableSource,
    validator: RowValidator,
    loader: Loader,
    batch: ImportBatch,
    plan: ColumnPlan,
    errors: ErrorFile,
    counts: _Stream,
    load_good_rows: bool,
    report: Callable[[int], None],
) -> MergeResult:
    """The row-by-row path: each row checked in Python and streamed into the loader's staging."""
    cells: set[Cell] = set()
    # About 190 bytes a row in a CSV export; a workbook is compressed, its size says little.
    expected = batch.file_size // 190 if table.kind == "csv" else 0
    with loader.transaction():
        loader.begin(expected_rows=expected)
        loader.stage(_stream_rows(table.rows, validator, errors, counts, cells, report))
        for duplicate in loader.take_duplicates():
            errors.add_duplicate(duplicate, plan.position(canonical.CODE))
            counts.good -= 1
            counts.bad += 1
        _count(batch, counts, load_good_rows)
        loader.upsert_procedures()
        merged = loader.merge(cells=cells)
        _refuse_foreign(loader, batch, plan, errors, counts, load_good_rows)
        loader.refresh_rollup(merged.agency_ids, merged.months)
    return merged


def _columnar_check(
    stream: IO[bytes],
    table: TableSource,
    plan: ColumnPlan,
    validator: RowValidator,
    workdir: Path,
    errors: ErrorFile,
) -> ColumnarCheck | None:
    """The file read and checked by DuckDB (`domain.dossier_import.columnar`), or None for the row path."""
    if table.kind != "csv":
        return None
    source = _utf8_file(stream, table.encoding, workdir)
    if source is None:
        return None
    check = ColumnarCheck(
        source,
        plan=plan,
        delimiter=table.delimiter,
        validator=validator,
        workdir=workdir,
        memory_limit=settings.CCHC_DOSSIER_IMPORT_MEMORY,
    )
    try:
        check.load()
    except ColumnarUnavailable as reason:
        logger.info("Nhập hồ sơ theo từng dòng: %s", reason)
        check.__exit__(None, None, None)
        return None
    check.check(lambda row: errors.add(row.line, row.reason, row.cells))
    return check


def _utf8_file(stream: IO[bytes], encoding: str, workdir: Path) -> Path | None:
    """The upload as a UTF-8 file on disk: the file itself when it is one, else a copy (re-encoded)."""
    if encoding in ("utf-8", "utf-8-sig"):
        for candidate in (getattr(stream, "temporary_file_path", None), getattr(stream, "name", None)):
            path = candidate() if callable(candidate) else candidate
            if isinstance(path, str) and os.path.isfile(path):
                return Path(path)
    target = workdir / "nguon.csv"
    stream.seek(0)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="", errors="strict")
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            while chunk := text.read(1 << 20):
                out.write(chunk)
    except UnicodeDecodeError:
        return None  # the row path says where
    finally:
        text.detach()
    return target


def _import_columnar(
    check: ColumnarCheck,
    loader: Loader,
    batch: ImportBatch,
    plan: ColumnPlan,
    errors: ErrorFile,
    counts: _Stream,
    load_good_rows: bool,
    report: Callable[[int], None],
) -> MergeResult:
    """The columnar path: the rows are checked already; new dossiers go straight into the facts with the
    roll-up of the file added, anything else is merged and the touched months recomputed."""
    for duplicate in check.take_duplicates():
        errors.add_duplicate(duplicate, plan.position(canonical.CODE))
        counts.bad += 1
    counts.good, counts.bad = check.good, counts.bad + check.bad
    report(counts.good + counts.bad)
    _count(batch, counts, load_good_rows)
    loader.attach(check)
    try:
        with loader.transaction():
            loader.begin(expected_rows=check.good)
            loader.procedures = check.procedures()
            loader.upsert_procedures()
            check.set_procedure_ids(loader.procedure_ids())
            cells = check.cells()
            merged = loader.direct_load(check, cells=cells) if check.good else None
            if merged is not None:
                loader.add_rollup(check)
            else:
                if not loader.stage_checked(check):
                    loader.stage(row for rows in check.rows() for row in rows)
                merged = loader.merge(cells=cells)
                _refuse_foreign(loader, batch, plan, errors, counts, load_good_rows)
                loader.refresh_rollup(merged.agency_ids, merged.months)
    finally:
        loader.detach()
    return merged


def _refuse_foreign(
    loader: Loader,
    batch: ImportBatch,
    plan: ColumnPlan,
    errors: ErrorFile,
    counts: _Stream,
    load_good_rows: bool,
) -> None:
    """The rows the merge refused, another agency's dossier holding their code, become bad rows; inside the
    import's transaction, which they undo when partial loads were not asked."""
    refused = loader.take_foreign()
    for foreign in refused:
        errors.add_foreign(foreign, plan.position(canonical.CODE))
    if refused:
        counts.good -= len(refused)
        counts.bad += len(refused)
        _count(batch, counts, load_good_rows)


def _count(batch: ImportBatch, counts: _Stream, load_good_rows: bool) -> None:
    batch.rows_total = counts.good + counts.bad
    batch.rows_good, batch.rows_bad = counts.good, counts.bad
    if counts.bad and not load_good_rows:
        raise _Rejected


def _common_agency(agency_ids: set[int]) -> Agency | None:
    """The lowest agency above (or equal to) every agency of the import: whom a command-line import belongs to."""
    parents = dict(Agency.objects.values_list("id", "parent_id"))

    def chain(agency_id: int | None) -> list[int]:
        out: list[int] = []
        while agency_id is not None and agency_id not in out:
            out.append(agency_id)
            agency_id = parents.get(agency_id)
        return out

    chains = [chain(agency_id) for agency_id in agency_ids]
    shared = set(chains[0]).intersection(*map(set, chains[1:]))
    found = next((agency_id for agency_id in chains[0] if agency_id in shared), None)
    return Agency.objects.filter(pk=found).first() if found else None


def _size_of(stream: IO[bytes]) -> int:
    try:
        size = stream.seek(0, 2)
        stream.seek(0)
    except (OSError, ValueError, AttributeError):
        return 0
    return int(size or 0)


def _summary(batch: ImportBatch) -> str:
    parts = [
        f"Đã nhập {batch.rows_good} dòng: {batch.inserted} hồ sơ mới, {batch.updated} hồ sơ cập nhật, "
        f"{batch.unchanged} hồ sơ không đổi."
    ]
    if batch.rows_bad:
        parts.append(f"{batch.rows_bad} dòng lỗi không được nhập (xem tệp dòng lỗi).")
    if batch.months:
        parts.append(
            f"Đã tính lại số liệu tổng hợp của {len(batch.months)} tháng, {len(batch.agency_ids)} cơ quan."
        )
    return " ".join(parts)


def dossier_rollup_rebuild(*, agency_ids: set[int] | None = None) -> int:
    """Recompute the whole roll-up (or that of some agencies) from the facts; returns the months refreshed."""
    from .models import Dossier

    dossiers = (
        Dossier.objects.all() if agency_ids is None else Dossier.objects.filter(agency_id__in=agency_ids)
    )
    agencies = set(dossiers.values_list("agency_id", flat=True).distinct())
    months = set(dossiers.values_list("received_month", flat=True).distinct())
    months |= set(dossiers.values_list("due_month", flat=True).distinct())
    months |= {m for m in dossiers.values_list("resolved_month", flat=True).distinct() if m is not None}
    loader = loader_for_connection(0)
    with transaction.atomic():
        loader.lock()
        loader.refresh_rollup(agencies, months)
    return len(months)


def source_mapping_save(
    *,
    agency: Agency,
    name: str,
    columns: dict[str, str],
    note: str = "",
    mapping: SourceMapping | None = None,
    expected_version: int | None = None,
) -> SourceMapping:
    """Create or change the column mapping of a source; every target must be a canonical column, once.

    Changing one refuses a stale `expected_version` (someone saved the mapping since it was read)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Hãy đặt tên cho nguồn dữ liệu."})
    clean: dict[str, str] = {}
    used: dict[str, str] = {}
    for header, target in columns.items():
        if not target:
            continue
        if target not in canonical.COLUMNS:
            raise ValidationError({"columns": f"Cột đích “{target}” không có trong danh sách cột chuẩn."})
        if target in used:
            raise ValidationError(
                {
                    "columns": f"Hai cột “{used[target]}” và “{header}” cùng ghép vào {canonical.COLUMN_LABELS[target]}."
                }
            )
        used[target] = header
        clean[header.strip()] = target
    missing = [
        canonical.COLUMN_LABELS[c] for c in canonical.COLUMNS if c in canonical.REQUIRED and c not in used
    ]
    if missing:
        known = {normalise_header(header) for header in clean}
        missing = [label for label in missing if normalise_header(label) not in known]
    if missing:
        raise ValidationError({"columns": "Chưa ghép các cột bắt buộc: " + ", ".join(missing) + "."})
    existing = (
        SourceMapping.objects.filter(name__iexact=name).exclude(pk=mapping.pk if mapping else 0).first()
    )
    if existing is not None:
        raise ValidationError({"name": f"Đã có nguồn dữ liệu tên “{name}”."})
    with transaction.atomic():
        if mapping is not None:
            mapping = SourceMapping.objects.select_for_update().get(pk=mapping.pk)
            version_check(mapping, expected_version)
        target_mapping = mapping or SourceMapping(agency=agency)
        target_mapping.name = name[:128]
        target_mapping.columns = clean
        target_mapping.note = note
        versioned_save(target_mapping, expected_version=expected_version if mapping else None)
    return target_mapping


@transaction.atomic
def dossier_export_store(*, user: Any, data: bytes, rows: int) -> DossierExport:
    """Keep an export file for the person who asked for it."""
    export = DossierExport(user=user, rows=rows)
    export.file.save("ho-so.xlsx", ContentFile(data), save=False)
    export.save()
    return export
