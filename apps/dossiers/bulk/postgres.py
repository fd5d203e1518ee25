"""The PostgreSQL loader: binary COPY of the facts in parts, or into a staging table to merge (see the package's
docstring and ADR 0005)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import connection

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
    from domain.dossier_import.columnar import ColumnarCheck

STAGING = "dossier_staging"
INCOMING = "dossier_incoming"  # the staged lines to insert or update (`merge`)
_ADVISORY_LOCK = 5_202_605  # any fixed number: "dossier imports"

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
        self._analyze_staging()
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
            # One join of the staged rows with the stored ones says which are new (no id) and which changed,
            # with the cells the changed ones leave; the update and the insert then read only those lines
            # (a file imported again: none — and no second join of a million rows to find the new ones).
            cursor.execute(f"DROP TABLE IF EXISTS {INCOMING}")
            cursor.execute(
                f"CREATE TEMP TABLE {INCOMING} ON COMMIT DROP AS "
                f"SELECT s.line, d.id, d.agency_id AS a0, d.received_month AS r0, d.due_month AS d0, "
                f"d.resolved_month AS s0 FROM {join} LEFT JOIN {DOSSIER} d ON d.code = s.code "
                f"WHERE d.id IS NULL OR {self._changed()}"
            )
            cursor.execute(f"ANALYZE {INCOMING}")
            in_scope = ""
            parameters: list[Any] = [self.batch_id]
            if self.scope is not None:
                self._refuse_foreign(cursor)
                # The write itself stays in the scope, whatever changed since the join (imports are kept
                # out by the lock; this holds against any other writer too).
                in_scope = "AND d.agency_id = ANY(%s) "
                parameters.append(list(self.scope))
            cursor.execute(
                f"WITH changed AS ("
                f"UPDATE {DOSSIER} d SET {assignments}, batch_id = %s, line = s.line FROM {INCOMING} m, {join} "
                f"WHERE m.id IS NOT NULL AND d.id = m.id AND s.line = m.line {in_scope}"
                f"RETURNING m.a0, m.r0, m.d0, m.s0, d.{months.replace(', ', ', d.')}"
                f") SELECT a0, r0, d0, s0, {months}, COUNT(*) FROM changed GROUP BY 1, 2, 3, 4, 5, 6, 7, 8",
                parameters,
            )
            for row in cursor.fetchall():
                result.add_cells([row[:4], row[4:8]])
                result.updated += row[8]
            cursor.execute(
                f"WITH added AS ("
                f"INSERT INTO {DOSSIER} (code, {', '.join(FACT_COLUMNS)}, batch_id, line) "
                f"SELECT s.code, {incoming}, %s, s.line FROM {INCOMING} m JOIN {join} ON s.line = m.line "
                f"WHERE m.id IS NULL ORDER BY s.agency_id RETURNING {months}"
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

    def _refuse_foreign(self, cursor: Any) -> None:
        """Take out of the merge the staged rows whose code a dossier outside the scope holds (every such row
        is in `INCOMING`: its agency differs from the stored one), for `take_foreign`."""
        cursor.execute(
            f"DELETE FROM {INCOMING} WHERE id IS NOT NULL AND NOT (a0 = ANY(%s)) RETURNING line",
            [list(self.scope or ())],
        )
        lines = [line for (line,) in cursor.fetchall()]
        if lines:
            cursor.execute(f"SELECT code, line FROM {STAGING} WHERE line = ANY(%s) ORDER BY line", [lines])
            self.foreign = [ForeignRow(code, int(line)) for code, line in cursor.fetchall()]
        self.staged -= len(self.foreign)

    def end(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {STAGING}")
            cursor.execute(f"DROP TABLE IF EXISTS {INCOMING}")

    def stage_checked(self, check: ColumnarCheck) -> bool:
        """The checked rows into the staging table, copied part after part while DuckDB writes the next."""
        assert self.workdir is not None
        parts = check.write_staged_parts(
            self.workdir / "staged",
            types=self._duckdb_types(STAGING, STAGED_FIELDS),
            rows_per_part=self.ROWS_PER_PART,
        )
        self._copy_parts(STAGING, STAGED_FIELDS, parts)
        self._analyze_staging()
        self.staged += check.good
        return True

    @staticmethod
    def _analyze_staging() -> None:
        """Statistics of the columns the merge joins on, for its plan (a third of the time of all 25)."""
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {STAGING} (code, procedure_code, line)")

    def _copy_parts(self, table: str, columns: Sequence[str], parts: Sequence[Future[Path]]) -> None:
        """Each part once written (in order), then removed; on any error the parts not begun are cancelled."""
        try:
            for part in parts:
                path = part.result()
                self._copy_file(table, columns, path)
                path.unlink(missing_ok=True)
        except BaseException:
            for future in parts:
                future.cancel()
            raise

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
        columns = LOADED_COLUMNS
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
                self._copy_parts(DOSSIER, (*columns, "batch_id"), parts)
                if rebuild:
                    cursor.execute(f'ALTER TABLE {DOSSIER} ADD CONSTRAINT "{name}" UNIQUE (code)')
        except BaseException:
            for future in (*parts, self._rollup_written):
                future.cancel()
            raise
        self.staged += check.good

    def _write_rollup(self, check: ColumnarCheck) -> Future[Path]:
        assert self.workdir is not None
        types = self._duckdb_types(MONTHLY, ROLLUP_COLUMNS)
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
        self._copy_file(MONTHLY, ROLLUP_COLUMNS, path)
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
        "text": "VARCHAR",
    }

    def _duckdb_types(self, table: str, columns: Sequence[str]) -> dict[str, str]:
        """The binary COPY format has no conversions: each value goes as the type of its column (of a table
        or of the temporary staging table)."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped",
                [table],
            )
            found = dict(cursor.fetchall())
        return {name: self._DUCKDB_TYPES[found[name]] for name in columns}
