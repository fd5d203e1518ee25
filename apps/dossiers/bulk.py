"""The bulk path for dossier facts: load, find duplicates, merge, refresh the monthly roll-up.

Rows never go through the ORM one by one, and one file is one transaction: a rejected file leaves nothing.

- PostgreSQL: rows stream into a temporary staging table with `COPY … FROM STDIN` (psycopg 3 `cursor.copy()`)
  while the server ingests them. Codes seen twice in the file are found
  with one grouped query; then the changed dossiers are updated and the new ones inserted, ordered by agency
  so that an agency's rows of one file sit together for the BRIN indexes (migration 0002). That pair is
  `INSERT … ON CONFLICT (code) DO UPDATE … WHERE <changed>` in two statements: ON CONFLICT pays a speculative
  insertion per row (5.9 s against 3.3 s per million rows on the reference machine), and a transaction-level
  advisory lock keeps any other import out meanwhile.
- SQLite: rows go straight into the facts with batched `executemany` of `INSERT … ON CONFLICT (code) DO UPDATE
  … WHERE <changed>` (SQLite ≥ 3.24). Two temporary triggers watch the upsert: a code met again in the same
  file is logged and skipped (the first row stands), and the agencies and months a changed dossier leaves are
  noted for the roll-up. A staging copy would double the writes of the one-writer database. One case is
  not caught: a re-imported file whose first row of a code equals what is stored and whose later row with
  the same code differs — the later row then updates the dossier.

Either way a re-imported file rewrites nothing and changes no count. The roll-up (`DossierMonthly`) is then
recomputed for the agencies and months the import touched: receipts by receipt month, results by result
month, the overdue backlog by due month, one row per agency × unit × procedure × month (`rollup_select`).

A CSV checked by DuckDB (`domain.dossier_import.columnar`) first tries `direct_load`: every row inserted as a
new dossier inside a savepoint. When that works — the usual case, an export of new dossiers — the roll-up of
the file itself, computed by DuckDB with the same SQL, is added to the stored one. When one code is already
stored the savepoint is undone and the rows are merged as above. DuckDB writes the rows in parts, in the
background, while the database loads the part before (ADR 0005): PostgreSQL `COPY`s files in its binary
format straight into the facts (or, to merge, into the staging table); SQLite attaches SQLite files written
by DuckDB's SQLite extension and copies them with `INSERT … SELECT`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
from django.db import IntegrityError, connection, transaction

from domain.dossier_import.columnar import ColumnarUnavailable
from domain.dossier_import.columnar import DuplicateRow as Duplicate
from domain.dossier_import.rows import STAGED_FIELDS

if TYPE_CHECKING:
    from domain.dossier_import.columnar import ColumnarCheck, SqliteExport

logger = logging.getLogger(__name__)

STAGING = "dossier_staging"
DOSSIER = "dossiers_dossier"
PROCEDURE = "dossiers_procedure"
MONTHLY = "dossiers_dossiermonthly"
_ADVISORY_LOCK = 5_202_605  # any fixed number: "dossier imports"
_BATCH_ROWS = 20_000

# Columns of the facts that come from the file (procedure_id from the procedure's code), in this order.
FACT_COLUMNS: tuple[str, ...] = (
    "agency_id",
    "unit_id",
    "procedure_id",
    "service_level",
    "channel",
    "received_on",
    "received_time",
    "due_on",
    "resolved_on",
    "resolved_time",
    "returned_on",
    "fee",
    "paid_online",
    "digitised",
    "e_result",
    "apology_on",
    "reappointments",
    "received_month",
    "due_month",
    "resolved_month",
    "apologised",
    "resolution_days",
)
ROLLUP_COUNTERS: tuple[str, ...] = (
    "received",
    "received_online",
    "received_with_fee",
    "paid_online",
    "digitised",
    "resolved",
    "early",
    "on_time",
    "late",
    "late_apologised",
    "e_result",
    "resolution_days",
    "backlog_in",
    "backlog_in_apologised",
    "backlog_out",
    "backlog_out_apologised",
)
# The roll-up as three grouped reads of the facts: (month column, filter, counter → expression).
_ROLLUP_PARTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "received_month",
        "",
        {
            "received": "COUNT(*)",
            "received_online": "SUM(CASE WHEN channel = 'truc_tuyen' THEN 1 ELSE 0 END)",
            "received_with_fee": "SUM(CASE WHEN fee > 0 THEN 1 ELSE 0 END)",
            "paid_online": "SUM(CASE WHEN fee > 0 AND paid_online THEN 1 ELSE 0 END)",
            "digitised": "SUM(CASE WHEN digitised THEN 1 ELSE 0 END)",
        },
    ),
    (
        "resolved_month",
        "",
        {
            "resolved": "COUNT(*)",
            "early": "SUM(CASE WHEN resolved_on < due_on THEN 1 ELSE 0 END)",
            "on_time": "SUM(CASE WHEN resolved_on <= due_on THEN 1 ELSE 0 END)",
            "late": "SUM(CASE WHEN resolved_on > due_on THEN 1 ELSE 0 END)",
            "late_apologised": "SUM(CASE WHEN resolved_on > due_on AND apologised THEN 1 ELSE 0 END)",
            "e_result": "SUM(CASE WHEN e_result THEN 1 ELSE 0 END)",
            "resolution_days": "SUM(resolution_days)",
            "backlog_out": "SUM(CASE WHEN resolved_month > due_month THEN 1 ELSE 0 END)",
            "backlog_out_apologised": "SUM(CASE WHEN resolved_month > due_month AND apologised THEN 1 ELSE 0 END)",
        },
    ),
    (
        "due_month",
        "AND (resolved_month IS NULL OR resolved_month > due_month)",
        {
            "backlog_in": "COUNT(*)",
            "backlog_in_apologised": "SUM(CASE WHEN apologised THEN 1 ELSE 0 END)",
        },
    ),
)
_STAGED_TYPES_PG = {
    "line": "integer",
    "code": 'varchar(64) COLLATE "C"',  # as the facts' code (migration 0005): joined with it
    "agency_id": "bigint",
    "unit_id": "bigint",
    "procedure_code": "varchar(64)",
    "procedure_name": "varchar(500)",
    "service_level": "varchar(16)",
    "channel": "varchar(16)",
    "received_on": "date",
    "received_time": "time",
    "due_on": "date",
    "resolved_on": "date",
    "resolved_time": "time",
    "returned_on": "date",
    "fee": "bigint",
    "paid_online": "boolean",
    "digitised": "boolean",
    "e_result": "boolean",
    "apology_on": "date",
    "reappointments": "smallint",
    "received_month": "integer",
    "due_month": "integer",
    "resolved_month": "integer",
    "apologised": "boolean",
    "resolution_days": "integer",
}
Cell = tuple[int, int, int, int | None]  # agency id and the three months of one dossier


def _driver_integrity_error() -> type[Exception]:
    """The driver's own IntegrityError: raw executemany and COPY raise it unwrapped by Django."""
    return connection.Database.IntegrityError  # type: ignore[attr-defined,no-any-return]


def rollup_select(source: str, agency_in: str = "", month_in: str = "") -> str:
    """The roll-up rows of the facts in `source` (a table or view with the facts' columns): one row per
    agency × unit × procedure × month, the three parts (receipts, results, backlog) summed together.
    Plain SQL that PostgreSQL, SQLite and DuckDB all run."""
    parts = []
    for month_column, condition, expressions in _ROLLUP_PARTS:
        columns = ", ".join(
            f"{expressions[name]} AS {name}" if name in expressions else f"0 AS {name}"
            for name in ROLLUP_COUNTERS
        )
        filters = f"WHERE {month_column} IS NOT NULL {condition}"
        if agency_in:
            filters += f" AND agency_id IN ({agency_in}) AND {month_column} IN ({month_in})"
        parts.append(
            f"SELECT agency_id, unit_id, procedure_id, {month_column} AS month, {columns} FROM {source} "
            f"{filters} GROUP BY agency_id, unit_id, procedure_id, {month_column}"
        )
    sums = ", ".join(f"CAST(SUM({name}) AS BIGINT) AS {name}" for name in ROLLUP_COUNTERS)
    return (
        f"SELECT agency_id, unit_id, procedure_id, month, {sums} FROM ({' UNION ALL '.join(parts)}) part "
        f"GROUP BY agency_id, unit_id, procedure_id, month"
    )


def _code(row: Sequence[Any]) -> str:
    return str(row[1])


@dataclass
class MergeResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    agency_ids: set[int] = field(default_factory=set)
    months: set[int] = field(default_factory=set)

    def add_cells(self, cells: Iterable[Sequence[int | None]]) -> None:
        for agency_id, *months in cells:
            if agency_id is None:
                continue
            self.agency_ids.add(int(agency_id))
            self.months.update(int(month) for month in months if month)


class Loader:
    """The bulk operations of one import on the current connection, inside the import's transaction."""

    vendor = ""

    def __init__(self, batch_id: int) -> None:
        self.batch_id = int(batch_id)
        self.workdir: Path | None = None
        self.staged = 0
        self.procedures: dict[str, tuple[str, str]] = {}

    def lock(self) -> None:
        """Keep other imports out until the transaction ends (SQLite: its single writer already does)."""

    def begin(self, expected_rows: int = 0) -> None:
        """Take the import lock and prepare the temporary tables (`expected_rows`: a guess from the size)."""
        raise NotImplementedError

    def stage(self, rows: Iterable[Sequence[Any]]) -> None:
        """Load the checked rows (tuples in `STAGED_FIELDS` order)."""
        raise NotImplementedError

    def take_duplicates(self) -> list[Duplicate]:
        """The rows whose code came earlier in the same file; they are not loaded."""
        raise NotImplementedError

    def merge(self, *, cells: set[Cell]) -> MergeResult:
        """Make the facts what the file says; `cells` are those of every good row of the file."""
        raise NotImplementedError

    def end(self) -> None:
        """Drop what `begin` created (also after a rollback)."""

    def upsert_procedures(self) -> None:
        """Create the procedures the file names and keep their latest name and level."""
        if not self.procedures:
            return
        sql = (
            f"INSERT INTO {PROCEDURE} (code, name, level) VALUES (%s, %s, %s) "
            f"ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level "
            f"WHERE {PROCEDURE}.name <> excluded.name OR {PROCEDURE}.level <> excluded.level"
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, [(code, name, level) for code, (name, level) in self.procedures.items()])

    def procedure_ids(self) -> dict[str, int]:
        """The ids of the file's procedures (after `upsert_procedures`)."""
        codes = list(self.procedures)
        found: dict[str, int] = {}
        with connection.cursor() as cursor:
            for start in range(0, len(codes), 500):
                chunk = codes[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"SELECT code, id FROM {PROCEDURE} WHERE code IN ({marks})", chunk)
                found.update(cursor.fetchall())
        return found

    def direct_load(self, check: ColumnarCheck, *, cells: set[Cell]) -> MergeResult | None:
        """Insert every checked row as a new dossier, inside a savepoint; None (and nothing changed) as soon
        as one code is already stored — the caller then merges. Most files bring new dossiers, and a plain
        insert costs half a merge."""
        sample = check.sample_codes()
        if not sample:
            return None
        with connection.cursor() as cursor:
            marks = ", ".join(["%s"] * len(sample))
            cursor.execute(f"SELECT 1 FROM {DOSSIER} WHERE code IN ({marks}) LIMIT 1", sample)
            if cursor.fetchone() is not None:
                return None  # a re-import: merging is the way, without a wasted attempt
        try:
            with transaction.atomic():
                self._insert_new(check)
        except (IntegrityError, _driver_integrity_error()):
            return None
        result = MergeResult(inserted=check.good)
        result.add_cells(cells)
        return result

    def _insert_new(self, check: ColumnarCheck) -> None:
        raise NotImplementedError

    def attach(self, check: ColumnarCheck) -> None:
        """Before the import's transaction: hand the checked rows to the database (SQLite)."""

    def transaction(self) -> AbstractContextManager[None]:
        """The import's transaction."""
        return transaction.atomic()

    def stage_checked(self, check: ColumnarCheck) -> bool:
        """`stage` the checked rows without passing them through Python; False when it cannot."""
        return False

    def detach(self) -> None:
        """After the import's transaction, whatever its end."""

    def add_rollup(self, check: ColumnarCheck) -> None:
        """Add the roll-up of the checked rows to the stored one: right when they were all new dossiers."""
        raise NotImplementedError

    def _scan_hint(self, agencies: int) -> str:
        return ""

    def refresh_rollup(self, agency_ids: Iterable[int], months: Iterable[int]) -> None:
        """Recompute the roll-up rows of these agencies × months from the facts."""
        agencies, month_list = sorted(set(agency_ids)), sorted(set(months))
        if not agencies or not month_list:
            return
        agency_in = ", ".join(str(int(pk)) for pk in agencies)
        month_in = ", ".join(str(int(month)) for month in month_list)
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {MONTHLY} WHERE agency_id IN ({agency_in}) AND month IN ({month_in})"
            )
            for statement in self._rollup_inserts(agency_in, month_in, len(agencies)):
                cursor.execute(statement)

    def _rollup_inserts(self, agency_in: str, month_in: str, agencies: int) -> list[str]:
        """One row per cell, the three parts (receipts, results, backlog) summed together."""
        select = rollup_select(f"{DOSSIER} {self._scan_hint(agencies)}", agency_in, month_in)
        return [
            f"INSERT INTO {MONTHLY} (agency_id, unit_id, procedure_id, month, {', '.join(ROLLUP_COUNTERS)}) {select}"
        ]


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

    def __init__(self, batch_id: int) -> None:
        super().__init__(batch_id)
        self.export: SqliteExport | None = None
        self.stages: list[str] = []

    def begin(self, expected_rows: int = 0) -> None:
        self._rebuild_indexes = False
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE TEMP TABLE IF NOT EXISTS dossier_dups (code TEXT, line INTEGER, first_line INTEGER)"
            )
            # No key: inside a trigger the outer upsert's conflict policy would override an OR IGNORE.
            cursor.execute("CREATE TEMP TABLE IF NOT EXISTS dossier_moved (agency_id INTEGER, month INTEGER)")
            cursor.execute("DELETE FROM dossier_dups")
            cursor.execute("DELETE FROM dossier_moved")
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
        # The upserts' changes include the triggers': one per duplicate logged, one per moved cell noted.
        result.updated = max(0, self._upsert_changes - result.inserted - duplicates - noted)
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
                columns=("code", *FACT_COLUMNS, "line"),
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
        """With files attached: a deferred transaction that takes the write lock of the main database at
        once. `BEGIN IMMEDIATE` would lock every attached file too, reading them while DuckDB writes."""
        if self.export is None:
            with transaction.atomic():
                yield
            return
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
            self.export.cancel()
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
        values = ", ".join(("code", *FACT_COLUMNS, "line"))
        return f"SELECT {values}, {self.batch_id} FROM {part}.facts WHERE true ORDER BY rowid"

    def _insert_new(self, check: ColumnarCheck) -> None:
        columns = ("code", *FACT_COLUMNS, "line")
        if not self._rebuild_indexes and check.good >= max(self.BULK_ROWS, self._count_before):
            self._drop_indexes()  # every row is new: as many rows as the table or more
        if self.export is not None:
            with connection.cursor() as cursor:
                for part in self._written_parts():
                    cursor.execute(
                        f"INSERT INTO {DOSSIER} ({', '.join(columns)}, batch_id) {self._staged_select(part)}"
                    )
            self.staged += check.good
            self._finish_indexes()
            return
        sql = (
            f"INSERT INTO {DOSSIER} ({', '.join(columns)}, batch_id) "
            f"VALUES ({', '.join(['?'] * len(columns))}, {self.batch_id})"
        )
        raw = connection.connection
        # In code order the unique index is written page after page rather than at random.
        for batch in check.fact_rows(columns, order="code"):
            raw.executemany(sql, batch)
        self.staged += check.good
        self._finish_indexes()

    def add_rollup(self, check: ColumnarCheck) -> None:
        columns = ("agency_id", "unit_id", "procedure_id", "month", *ROLLUP_COUNTERS)
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

    def _scan_hint(self, agencies: int) -> str:
        return "NOT INDEXED " if agencies > self.MANY_AGENCIES else ""


class PostgresLoader(Loader):
    vendor = "postgresql"
    # Parts of the facts DuckDB writes while PostgreSQL copies the previous one.
    ROWS_PER_PART = 125_000

    def lock(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])

    def begin(self, expected_rows: int = 0) -> None:
        columns = ", ".join(f"{name} {_STAGED_TYPES_PG[name]}" for name in STAGED_FIELDS)
        self.lock()
        with connection.cursor() as cursor:
            # Sorting and hashing a million staged rows in memory rather than in temporary files.
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute(f"CREATE TEMP TABLE {STAGING} ({columns}) ON COMMIT DROP")

    def stage(self, rows: Iterable[Sequence[Any]]) -> None:
        count = 0
        with connection.cursor() as cursor:
            raw = cursor.cursor
            statement = f"COPY {STAGING} ({', '.join(STAGED_FIELDS)}) FROM STDIN"
            with raw.copy(statement) as copy:
                write = copy.write_row
                procedures = self.procedures
                for count, row in enumerate(rows, 1):  # noqa: B007 (the count is read after the loop)
                    if row[4] not in procedures:
                        procedures[row[4]] = (row[5], row[6])
                    write(row)
            cursor.execute(f"ANALYZE {STAGING}")
        self.staged += count

    def take_duplicates(self) -> list[Duplicate]:
        with connection.cursor() as cursor:
            # Codes alone first (a narrow hash aggregate); lines only for the rare codes seen twice.
            cursor.execute(f"SELECT code FROM {STAGING} GROUP BY code HAVING COUNT(*) > 1")
            codes = [code for (code,) in cursor.fetchall()]
            found: list[Duplicate] = []
            if codes:
                cursor.execute(
                    f"SELECT code, array_agg(line ORDER BY line) FROM {STAGING} WHERE code = ANY(%s) GROUP BY code",
                    [codes],
                )
                found = [
                    Duplicate(code, line, lines[0]) for code, lines in cursor.fetchall() for line in lines[1:]
                ]
            if found:
                cursor.execute(f"DELETE FROM {STAGING} WHERE line = ANY(%s)", [[d.line for d in found]])
        self.staged -= len(found)
        return sorted(found, key=lambda duplicate: duplicate.line)

    @staticmethod
    def _changed() -> str:
        left = ", ".join(f"d.{column}" for column in FACT_COLUMNS)
        right = ", ".join("p.id" if column == "procedure_id" else f"s.{column}" for column in FACT_COLUMNS)
        return f"(({left}) IS DISTINCT FROM ({right}))"

    def merge(self, *, cells: set[Cell]) -> MergeResult:
        result = MergeResult()
        incoming = ", ".join("p.id" if column == "procedure_id" else f"s.{column}" for column in FACT_COLUMNS)
        join = f"{STAGING} s JOIN {PROCEDURE} p ON p.code = s.procedure_code"
        months = "agency_id, received_month, due_month, resolved_month"
        assignments = ", ".join(
            f"{column} = {value}" for column, value in zip(FACT_COLUMNS, incoming.split(", "), strict=True)
        )
        with connection.cursor() as cursor:
            # Changed dossiers: their old cells are read once (one join), then only they are rewritten; the
            # update returns the old and the new cells, so the roll-up knows every month they touched.
            cursor.execute(
                f"WITH old AS MATERIALIZED ("
                f"SELECT d.id, d.agency_id, d.received_month, d.due_month, d.resolved_month FROM {join} "
                f"JOIN {DOSSIER} d ON d.code = s.code WHERE {self._changed()}"
                f"), changed AS ("
                f"UPDATE {DOSSIER} d SET {assignments}, batch_id = %s, line = s.line FROM old, {join} "
                f"WHERE d.id = old.id AND s.code = d.code "
                f"RETURNING old.agency_id AS a0, old.received_month AS r0, old.due_month AS d0, "
                f"old.resolved_month AS s0, d.{months.replace(', ', ', d.')}"
                f") SELECT a0, r0, d0, s0, {months}, COUNT(*) FROM changed GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
                [self.batch_id],
            )
            for row in cursor.fetchall():
                result.add_cells([row[:4], row[4:8]])
                result.updated += row[8]
            cursor.execute(
                f"WITH added AS ("
                f"INSERT INTO {DOSSIER} (code, {', '.join(FACT_COLUMNS)}, batch_id, line) "
                f"SELECT s.code, {incoming}, %s, s.line FROM {join} "
                f"WHERE NOT EXISTS (SELECT 1 FROM {DOSSIER} d WHERE d.code = s.code) "
                f"ORDER BY s.agency_id RETURNING {months}"
                f") SELECT {months}, COUNT(*) FROM added GROUP BY 1, 2, 3, 4",
                [self.batch_id],
            )
            for row in cursor.fetchall():
                result.add_cells([row[:4]])
                result.inserted += row[4]
        result.unchanged = self.staged - result.inserted - result.updated
        if not (result.inserted or result.updated):
            result.agency_ids, result.months = set(), set()
        return result

    def end(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")

    def stage_checked(self, check: ColumnarCheck) -> bool:
        assert self.workdir is not None
        types = {
            name: self._DUCKDB_TYPES[_STAGED_TYPES_PG[name].split("(")[0].split(" ")[0]]
            for name in STAGED_FIELDS
        }
        written = check.write_query(
            f"SELECT {', '.join(STAGED_FIELDS)} FROM staged", self.workdir / "staged.copy", types=types
        )
        path = written.result()
        self._copy_file(STAGING, STAGED_FIELDS, path)
        path.unlink(missing_ok=True)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {STAGING}")
        self.staged += check.good
        return True

    def _copy_file(self, table: str, columns: Sequence[str], path: Path) -> None:
        """A file in PostgreSQL's binary COPY format (`ColumnarCheck.write_query`, `write_facts_parts`)."""
        with connection.cursor() as cursor:
            statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN (FORMAT binary)"
            with cursor.cursor.copy(statement) as copy, path.open("rb") as source:
                while block := source.read(1 << 20):
                    copy.write(block)

    def _insert_new(self, check: ColumnarCheck) -> None:
        """COPY straight into the facts, ordered by agency and receipt for the BRIN indexes, part after part
        while DuckDB writes the next part and then the file's roll-up (a core each). A load larger than the
        table drops the unique index on the code and builds it again after (one sort instead of a million
        insertions); building it fails, and the savepoint undoes all, if a code was already stored."""
        assert self.workdir is not None
        columns = ("code", *FACT_COLUMNS, "line")
        parts = check.write_facts_parts(
            self.workdir,
            columns,
            types=self._duckdb_types(DOSSIER, (*columns, "batch_id")),
            order=("agency_id", "received_on"),
            batch_id=self.batch_id,
            rows_per_part=self.ROWS_PER_PART,
        )
        self._rollup_written = self._write_rollup(check)
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT c.conname, t.reltuples, t.relpages FROM pg_constraint c JOIN pg_class t "
                    f"ON t.oid = c.conrelid WHERE c.conrelid = '{DOSSIER}'::regclass AND c.contype = 'u'"
                )
                unique = cursor.fetchone()
                rebuild = False
                if unique is not None:
                    name, tuples, pages = unique
                    stored = tuples if tuples >= 0 else pages * 40
                    if check.good >= 2 * stored:
                        cursor.execute(f'ALTER TABLE {DOSSIER} DROP CONSTRAINT "{name}"')
                        rebuild = True
                for part in parts:
                    path = part.result()
                    self._copy_file(DOSSIER, (*columns, "batch_id"), path)
                    path.unlink(missing_ok=True)
                if rebuild:
                    cursor.execute(f'ALTER TABLE {DOSSIER} ADD CONSTRAINT "{name}" UNIQUE (code)')
        except BaseException:
            for future in (*parts, self._rollup_written):
                future.cancel()
            raise
        self.staged += check.good

    _ROLLUP_COLUMNS = ("agency_id", "unit_id", "procedure_id", "month", *ROLLUP_COUNTERS)

    def _write_rollup(self, check: ColumnarCheck) -> Future[Path]:
        assert self.workdir is not None
        types = self._duckdb_types(MONTHLY, self._ROLLUP_COLUMNS)
        # In the order of the roll-up's index (agency, month): its pages are written one after the other.
        # Written after the facts' parts, on one thread: PostgreSQL is still copying them on the other core.
        return check.write_query(
            rollup_select("facts"),
            self.workdir / "rollup.copy",
            types=types,
            order="agency_id, month",
            threads=1,
        )

    def add_rollup(self, check: ColumnarCheck) -> None:
        written = getattr(self, "_rollup_written", None) or self._write_rollup(check)
        path = written.result()
        self._copy_file(MONTHLY, self._ROLLUP_COLUMNS, path)
        path.unlink(missing_ok=True)

    # PostgreSQL's types of the columns written in binary, as DuckDB names them.
    _DUCKDB_TYPES = {
        "bigint": "BIGINT",
        "integer": "INTEGER",
        "smallint": "SMALLINT",
        "boolean": "BOOLEAN",
        "date": "DATE",
        "time without time zone": "TIME",
        "character varying": "VARCHAR",
        "varchar": "VARCHAR",
        "text": "VARCHAR",
        "time": "TIME",
    }

    def _duckdb_types(self, table: str, columns: Sequence[str]) -> dict[str, str]:
        """The binary COPY format has no conversions: each value goes as the type of its column."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = %s",
                [table],
            )
            found = dict(cursor.fetchall())
        return {name: self._DUCKDB_TYPES[found[name]] for name in columns}


def loader_for_connection(batch_id: int) -> Loader:
    if connection.vendor == "postgresql":
        return PostgresLoader(batch_id)
    if connection.vendor == "sqlite":
        return SqliteLoader(batch_id)
    raise NotImplementedError(f"Chưa hỗ trợ nhập hồ sơ trên CSDL {connection.vendor}.")
