"""The SQLite loader: batched upserts watched by temporary triggers, or SQLite files written by DuckDB and
copied with INSERT … SELECT (see the package's docstring and ADR 0005)."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING, Any

import duckdb
from django.db import connection, transaction

from domain.dossier_import.columnar import ColumnarUnavailable
from domain.dossier_import.rows import STAGED_FIELDS

from .base import (
    DOSSIER,
    FACT_COLUMNS,
    LOADED_COLUMNS,
    MONTHLY,
    PROCEDURE,
    ROLLUP_COLUMNS,
    Cell,
    Duplicate,
    ForeignRow,
    Loader,
    MergeResult,
    rollup_select,
)

if TYPE_CHECKING:
    from domain.dossier_import.columnar import ColumnarCheck, SqliteExport

logger = logging.getLogger(__name__)

_BATCH_ROWS = 20_000


def _code(row: Sequence[Any]) -> str:
    return str(row[1])


def checkpoint_in_background(path: str) -> threading.Thread:
    """A passive checkpoint of the WAL of the database file `path`, on a thread and connection of its own."""

    def run() -> None:
        try:
            with closing(sqlite3.connect(path, timeout=20)) as db:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except sqlite3.Error as error:  # the next automatic checkpoint does it
            logger.warning("Không checkpoint được WAL sau khi nhập hồ sơ: %s", error)

    thread = threading.Thread(target=run, name="cchc-wal-checkpoint", daemon=True)
    thread.start()
    return thread


class SqliteLoader(Loader):
    vendor = "sqlite"
    # Beyond a few agencies one sequential scan beats probing the index by agency and fetching rows one by one.
    MANY_AGENCIES = 8

    # The B-tree indexes migration 0002 creates on SQLite (a test keeps the two in step). A load larger
    # than the table drops them and builds them again at the end — one sort instead of a random insertion
    # per row — inside the import's transaction, so a rejected file leaves them as they were.
    SECONDARY_INDEXES = (
        ("dossier_agency_received", "agency_id, received_on"),
        ("dossier_agency_resolved", "agency_id, resolved_on"),
    )
    BULK_ROWS = 50_000
    # Parts of the staged rows DuckDB writes while SQLite copies the previous one (at most eight: the
    # attached files, roll-up included, stay under SQLite's limit of ten).
    ROWS_PER_PART = 125_000

    def __init__(self, batch_id: int, scope: Iterable[int] | None = None) -> None:
        super().__init__(batch_id, scope)
        self.export: SqliteExport | None = None
        self.stages: list[str] = []
        self.checkpoint: threading.Thread | None = None  # after the transaction, on a WAL database

    def begin(self, expected_rows: int = 0) -> None:
        self._rebuild_indexes = False
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS dossier_dups (code TEXT, line INTEGER, first_line INTEGER)"
            )
            # No key: inside a trigger the outer upsert's conflict policy would override an OR IGNORE.
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS dossier_moved (agency_id INTEGER, month INTEGER)")
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS dossier_foreign (code TEXT, line INTEGER)")
            cursor.execute("DELETE FROM dossier_dups")
            cursor.execute("DELETE FROM dossier_moved")
            cursor.execute("DELETE FROM dossier_foreign")
            cursor.execute("DROP TRIGGER IF EXISTS temp.dossier_import_foreign")
            if self.scope is not None:
                # A stored dossier of an agency outside the scope is never rewritten: its row is logged and
                # skipped by the very upsert that would write it (`take_foreign`).
                agencies = ", ".join(str(pk) for pk in self.scope)
                cursor.execute(
                    f"CREATE TEMP TRIGGER dossier_import_foreign BEFORE UPDATE ON main.{DOSSIER} "
                    f"WHEN NEW.batch_id = {self.batch_id} AND OLD.agency_id NOT IN ({agencies}) BEGIN "
                    f"INSERT INTO dossier_foreign VALUES (NEW.code, NEW.line); SELECT RAISE(IGNORE); END"
                )
            # A row whose code this same import already wrote is a duplicate in the file: log it, keep the first.
            cursor.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS dossier_import_duplicate BEFORE UPDATE ON main.{DOSSIER} "
                f"WHEN OLD.batch_id = NEW.batch_id AND NEW.batch_id = {self.batch_id} BEGIN "
                f"INSERT INTO dossier_dups VALUES (NEW.code, NEW.line, OLD.line); SELECT RAISE(IGNORE); END"
            )
            # A changed dossier leaves the cells of its old values: they are refreshed too.
            cursor.execute(
                f"CREATE TEMP TRIGGER IF NOT EXISTS dossier_import_moved AFTER UPDATE ON main.{DOSSIER} "
                f"WHEN NEW.batch_id = {self.batch_id} BEGIN "
                f"INSERT INTO dossier_moved VALUES (OLD.agency_id, OLD.received_month), "
                f"(OLD.agency_id, OLD.due_month), (OLD.agency_id, coalesce(OLD.resolved_month, 0)); END"
            )
            cursor.execute(f"SELECT COUNT(*) FROM {DOSSIER}")
            self._count_before = cursor.fetchone()[0]
        # Rows to merge may be mostly stored already (a file imported again): only a load twice the table.
        if expected_rows >= max(self.BULK_ROWS, 2 * self._count_before):
            self._drop_indexes()
        self._upsert_changes = 0

    def _drop_indexes(self) -> None:
        with connection.cursor() as cursor:
            for name, _ in self.SECONDARY_INDEXES:
                cursor.execute(f"DROP INDEX IF EXISTS {name}")
        self._rebuild_indexes = True

    def _upsert(self, source: str) -> str:
        """Insert new codes, update changed dossiers (and note a code met twice in the file, by trigger)."""
        updates = ", ".join(f"{column} = excluded.{column}" for column in (*FACT_COLUMNS, "batch_id", "line"))
        changed = " OR ".join(f"{DOSSIER}.{column} IS NOT excluded.{column}" for column in FACT_COLUMNS)
        return (
            f"INSERT INTO {DOSSIER} (code, {', '.join(FACT_COLUMNS)}, line, batch_id) {source} "
            f"ON CONFLICT (code) DO UPDATE SET {updates} "
            f"WHERE {changed} OR {DOSSIER}.batch_id = excluded.batch_id"
        )

    def stage_checked(self, check: ColumnarCheck) -> bool:
        """`stage` from the attached rows, in SQLite alone; False when nothing is attached."""
        if self.export is None:
            return False
        raw = connection.connection
        before = raw.total_changes
        for part in self._written_parts():
            raw.execute(self._upsert(self._staged_select(part)))
        self._upsert_changes += raw.total_changes - before
        self.staged += check.good
        return True

    def stage(self, rows: Iterable[Sequence[Any]]) -> None:
        # Numbered parameters address the checked tuple directly (?2 is the code, ?5 the procedure's code).
        position = {name: index + 1 for index, name in enumerate(STAGED_FIELDS)}
        values = []
        for column in FACT_COLUMNS:
            if column == "procedure_id":
                values.append(f"(SELECT id FROM {PROCEDURE} WHERE code = ?{position['procedure_code']})")
            else:
                values.append(f"?{position[column]}")
        sql = self._upsert(
            f"VALUES (?{position['code']}, {', '.join(values)}, ?{position['line']}, {self.batch_id})"
        )
        raw = connection.connection
        new_procedure = (
            f"INSERT INTO {PROCEDURE} (code, name, level) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING"
        )
        procedures = self.procedures
        batch: list[Sequence[Any]] = []

        def flush() -> None:
            before = raw.total_changes
            # In code order the unique index is written page by page (stable: a repeated code keeps its order).
            batch.sort(key=_code)
            raw.executemany(sql, batch)
            self._upsert_changes += raw.total_changes - before
            self.staged += len(batch)
            batch.clear()

        for row in rows:
            if row[4] not in procedures:
                procedures[row[4]] = (row[5], row[6])
                raw.execute(new_procedure, (row[4], row[5], row[6]))
            batch.append(row)
            if len(batch) >= _BATCH_ROWS:
                flush()
        if batch:
            flush()

    def take_duplicates(self) -> list[Duplicate]:
        with connection.cursor() as cursor:
            cursor.execute("SELECT code, line, first_line FROM dossier_dups ORDER BY line")
            found = [Duplicate(code, int(line), int(first)) for code, line, first in cursor.fetchall()]
        self.staged -= len(found)
        return found

    def merge(self, *, cells: set[Cell]) -> MergeResult:
        result = MergeResult()
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {DOSSIER}")
            result.inserted = cursor.fetchone()[0] - self._count_before
            cursor.execute("SELECT COUNT(*) FROM dossier_moved")
            noted = cursor.fetchone()[0]
            cursor.execute("SELECT DISTINCT agency_id, month FROM dossier_moved")
            moved = cursor.fetchall()
            cursor.execute("SELECT COUNT(*) FROM dossier_dups")
            duplicates = cursor.fetchone()[0]
            cursor.execute("SELECT code, line FROM dossier_foreign ORDER BY line")
            self.foreign = [ForeignRow(code, int(line)) for code, line in cursor.fetchall()]
        self.staged -= len(self.foreign)
        if self.foreign and self.export is not None:
            # The import may now be undone: no staging file may be half-written then (`_insert_new`).
            self.export.wait_all()
        # The upserts' changes include the triggers': one per duplicate or foreign row logged, one per moved
        # cell noted.
        result.updated = max(
            0, self._upsert_changes - result.inserted - duplicates - len(self.foreign) - noted
        )
        result.unchanged = self.staged - result.inserted - result.updated
        if result.inserted or result.updated:
            result.add_cells(cells)
            result.add_cells(moved)
        self._finish_indexes()
        return result

    def _finish_indexes(self) -> None:
        if self._rebuild_indexes:
            with connection.cursor() as cursor:
                # A helper thread for SQLite's sorter: a fifth less time per index on two cores.
                cursor.execute("PRAGMA threads = 2")
                try:
                    for name, columns in self.SECONDARY_INDEXES:
                        cursor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {DOSSIER} ({columns})")
                finally:
                    cursor.execute("PRAGMA threads = 0")

    STAGE = "import_stage"

    def attach(self, check: ColumnarCheck) -> None:
        """DuckDB writes the checked rows, in parts, and their roll-up into SQLite files attached to the
        connection as `import_stage_0`, `import_stage_1`… (SQLite refuses ATTACH inside a transaction:
        inside one, rows go by executemany). The files are written in the background while the import
        copies the parts already written."""
        if connection.in_atomic_block or self.workdir is None:
            return
        # DuckDB's SQLite writer is slower than SQLite's copy, and one statement uses one core: two writers.
        check.writers = 2
        try:
            export = check.export_sqlite(
                self.workdir,
                columns=LOADED_COLUMNS,
                order="code",
                rollup_sql=rollup_select("facts"),
                rows_per_part=self.ROWS_PER_PART,
            )
        except (ColumnarUnavailable, duckdb.Error) as error:
            logger.warning("Không tạo được tệp trung gian SQLite, nhập bằng executemany: %s", error)
            return
        connection.ensure_connection()
        with connection.cursor() as cursor:
            for index, path in enumerate(export.paths):
                name = f"{self.STAGE}_{index}"
                cursor.execute(f"ATTACH DATABASE %s AS {name}", [str(path)])
                self.stages.append(name)
                # The file's schema is read now, before DuckDB writes into it.
                cursor.execute(f"SELECT COUNT(*) FROM {name}.sqlite_master")
        self.export = export  # written once the procedures have their ids (`_written_parts`)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """The import's transaction, its WAL checkpointed afterwards in the background (see
        `_checkpoint_later`). With files attached: a deferred transaction that takes the write lock of the
        main database at once. `BEGIN IMMEDIATE` would lock every attached file too, reading them while
        DuckDB writes."""
        with self._checkpoint_later():
            if self.export is None:
                with transaction.atomic():
                    yield
            else:
                with self._deferred_atomic():
                    yield

    @contextmanager
    def _checkpoint_later(self) -> Iterator[None]:
        """No automatic checkpoint at the commit: it would copy the hundreds of megabytes a large import
        wrote to the WAL back into the database file before the import could answer (half a second to a
        second for a million rows). A thread of its own checkpoints after the commit, as SQLite advises
        for heavy writers; readers and writers go on meanwhile, and a checkpoint the process does not live
        to finish is done by the next one (the WAL is durable)."""
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            wal = str(cursor.fetchone()[0]).lower() == "wal"
            cursor.execute("PRAGMA wal_autocheckpoint")
            pages = int(cursor.fetchone()[0])
            if wal:
                cursor.execute("PRAGMA wal_autocheckpoint = 0")
        try:
            yield
        finally:
            if wal:
                with connection.cursor() as cursor:
                    cursor.execute(f"PRAGMA wal_autocheckpoint = {pages}")
                self.checkpoint = checkpoint_in_background(str(connection.settings_dict["NAME"]))

    @contextmanager
    def _deferred_atomic(self) -> Iterator[None]:
        """`transaction.atomic` begun DEFERRED, its first statement a write to the main database."""
        mode = getattr(connection, "transaction_mode", None)
        connection.transaction_mode = None  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                connection.transaction_mode = mode  # type: ignore[attr-defined]
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {MONTHLY} WHERE false")
                yield
        finally:
            connection.transaction_mode = mode  # type: ignore[attr-defined]

    def detach(self) -> None:
        if self.export is not None:
            self.export.stop()  # no DuckDB writer left in a file once it is detached
        with connection.cursor() as cursor:
            for name in self.stages:
                cursor.execute(f"DETACH DATABASE {name}")
        self.export, self.stages = None, []

    def _written_parts(self) -> Iterator[str]:
        """The attached parts of the facts in code order, each as soon as DuckDB has written it."""
        assert self.export is not None
        self.export.start()
        for index, name in enumerate(self.stages[:-1]):
            self.export.wait(index)
            yield name

    def _staged_select(self, part: str) -> str:
        """The rows of an attached part as the facts' columns, in code order (the unique index is then
        written page after page)."""
        return (
            f"SELECT {', '.join(LOADED_COLUMNS)}, {self.batch_id} FROM {part}.facts WHERE true ORDER BY rowid"
        )

    def _insert_new(self, check: ColumnarCheck) -> None:
        try:
            self._insert_all(check)
        except BaseException:
            # The savepoint's rollback makes SQLite forget the schemas of the attached files (the import's
            # transaction changed a schema: its temporary triggers) and read them all again at the next
            # statement: by then none may be half-written (see `SqliteExport.wait_all`).
            if self.export is not None:
                self.export.wait_all()
            raise

    def _insert_all(self, check: ColumnarCheck) -> None:
        if not self._rebuild_indexes and check.good >= max(self.BULK_ROWS, self._count_before):
            self._drop_indexes()  # every row is new: as many rows as the table or more
        insert = f"INSERT INTO {DOSSIER} ({', '.join(LOADED_COLUMNS)}, batch_id)"
        if self.export is not None:
            with connection.cursor() as cursor:
                for part in self._written_parts():
                    cursor.execute(f"{insert} {self._staged_select(part)}")
        else:
            sql = f"{insert} VALUES ({', '.join(['?'] * len(LOADED_COLUMNS))}, {self.batch_id})"
            raw = connection.connection
            # In code order the unique index is written page after page rather than at random.
            for batch in check.fact_rows(LOADED_COLUMNS, order="code"):
                raw.executemany(sql, batch)
        self.staged += check.good
        self._finish_indexes()

    def add_rollup(self, check: ColumnarCheck) -> None:
        columns = ROLLUP_COLUMNS
        if self.export is not None:
            self.export.start()
            self.export.wait(len(self.stages) - 1)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {MONTHLY} ({', '.join(columns)}) SELECT {', '.join(columns)} "
                    f"FROM {self.stages[-1]}.rollup"
                )
            return
        sql = f"INSERT INTO {MONTHLY} ({', '.join(columns)}) VALUES ({', '.join(['?'] * len(columns))})"
        raw = connection.connection
        for batch in check.query_batches(rollup_select("facts")):
            raw.executemany(sql, batch)

    def end(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS temp.dossier_import_duplicate")
            cursor.execute("DROP TRIGGER IF EXISTS temp.dossier_import_moved")
            cursor.execute("DROP TRIGGER IF EXISTS temp.dossier_import_foreign")

    def _scan_hint(self, agencies: int) -> str:
        return "NOT INDEXED " if agencies > self.MANY_AGENCIES else ""
