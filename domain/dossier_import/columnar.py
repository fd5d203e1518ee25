"""The fast path of a CSV import: DuckDB reads the file and the rows are checked by their distinct values.

Checking a million rows one at a time in Python costs 6–8 s on a 2-core machine; DuckDB reads the same CSV
in parallel in about a second. The rules are not written a second time in SQL: each distinct cell text of the
file (150 agency codes, a few hundred days, 1,440 times of day, three channels…) goes once through the same
functions as the row-by-row path (`rows.RowValidator` and `dates.DateReader`), and their answers come back as
small lookup tables the rows are joined with. The joins settle what a row is worth, the month keys, the apology
rule in force on the due date and the working days from receipt to result.

The fast path is conservative: a row that any lookup does not settle — an unknown code, an impossible date, a
date before receipt, a date written in a shape the splitter below does not know, a code with spaces at its
ends — is handed to `RowValidator` itself, which accepts it or gives every reason, as it does for a whole
file on the row-by-row path. A file DuckDB cannot read the way `csv.reader` does (a row wider than the
header, a blank line inside the file, a line break inside a quoted cell) raises `ColumnarUnavailable`, and
the import takes the row-by-row path for the whole file, so both paths give the same result, line numbers
included.

The checked rows are then deduplicated (the first line of a code stands), and the caller reads them as
tuples in `rows.STAGED_FIELDS` order (SQLite), or has them written as CSV for `COPY` (PostgreSQL). Memory is
bounded by DuckDB's limit; beyond it DuckDB spills to the working folder.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

from domain.dossier_import import columns as c
from domain.dossier_import.columns import ColumnPlan
from domain.dossier_import.dates import DateReader
from domain.dossier_import.rows import (
    STAGED_FIELDS,
    RowValidator,
    read_channel,
    read_fee,
    read_flag,
    read_level,
    read_name,
    read_reappointments,
)

__all__ = ["BadRow", "ColumnarCheck", "ColumnarUnavailable", "DuplicateRow", "SqliteExport"]

_DATES = (c.RECEIVED, c.DUE, c.RESOLVED, c.RETURNED, c.APOLOGY)
# What a date column the file lacks joins with.
_NO_DAY = ", ".join(
    f"NULL::INTEGER AS {name}" for name in ("n", "month", "days_before", "max_reappointments", "workday")
)
# The staged fields of each date column begin with these (received_on, received_time, received_month…).
_DATE_PREFIXES = {
    c.RECEIVED: "received",
    c.DUE: "due",
    c.RESOLVED: "resolved",
    c.RETURNED: "returned",
    c.APOLOGY: "apology",
}
_STAGED_TYPES = {
    "line": "INTEGER",
    "code": "VARCHAR",
    "agency_id": "BIGINT",
    "unit_id": "BIGINT",
    "procedure_code": "VARCHAR",
    "procedure_name": "VARCHAR",
    "service_level": "VARCHAR",
    "channel": "VARCHAR",
    "received_on": "VARCHAR",
    "received_time": "VARCHAR",
    "due_on": "VARCHAR",
    "resolved_on": "VARCHAR",
    "resolved_time": "VARCHAR",
    "returned_on": "VARCHAR",
    "fee": "BIGINT",
    "paid_online": "BOOLEAN",
    "digitised": "BOOLEAN",
    "e_result": "BOOLEAN",
    "apology_on": "VARCHAR",
    "reappointments": "INTEGER",
    "received_month": "INTEGER",
    "due_month": "INTEGER",
    "resolved_month": "INTEGER",
    "apologised": "BOOLEAN",
    "resolution_days": "INTEGER",
}
# The small columns: (canonical column, staged field, lookup type, reader, value when the column is absent).
_KINDS: tuple[tuple[str, str, str, Callable[[str], Any], str], ...] = (
    (c.LEVEL, "service_level", "VARCHAR", read_level, "''"),
    (c.CHANNEL, "channel", "VARCHAR", read_channel, "''"),
    (c.FEE, "fee", "BIGINT", read_fee, "0"),
    (c.REAPPOINTMENTS, "reappointments", "INTEGER", read_reappointments, "0"),
    (c.PAID_ONLINE, "paid_online", "INTEGER", read_flag, "0"),
    (c.DIGITISED, "digitised", "INTEGER", read_flag, "0"),
    (c.E_RESULT, "e_result", "INTEGER", read_flag, "0"),
)


_BOOLEANS = frozenset(name for name, kind in _STAGED_TYPES.items() if kind == "BOOLEAN")


def _load_sqlite_extension(db: duckdb.DuckDBPyConnection) -> None:
    """DuckDB's SQLite extension from its PyPI package (never downloaded: no network is assumed)."""
    import duckdb_extension_sqlite_scanner as package

    found = sorted(Path(package.__file__).parent.glob("extensions/*/sqlite_scanner.duckdb_extension"))
    if not found:
        raise ColumnarUnavailable("DuckDB's SQLite extension is not installed")
    db.execute(f"LOAD '{found[-1]}'")


class SqliteExport:
    """The SQLite files of `ColumnarCheck.export_sqlite`: the parts of the facts, in order, then the roll-up.

    Their rows are written by `start`, in the background, one file after the other. The reader must not touch
    a file before `wait` says it is written: DuckDB's SQLite and the reader's are two copies of the library
    in one process, whose file locks do not keep each other out.
    """

    def __init__(self, check: ColumnarCheck, targets: list[tuple[Path, str, str]]) -> None:
        self._check = check
        self._targets = targets
        self.paths = [path for path, _, _ in targets]
        self._written: list[Future[Path]] = []

    def start(self) -> None:
        """Write the rows (once; later calls do nothing)."""
        if self._written:
            return

        def fill(db: duckdb.DuckDBPyConnection, path: Path, table: str, sql: str, name: str) -> Path:
            # Attached names are shared by the connections of one DuckDB: one per writer.
            db.execute(f"ATTACH '{path}' AS {name} (TYPE sqlite)")
            try:
                db.execute(f"INSERT INTO {name}.{table} {sql}")
            finally:
                db.execute(f"DETACH {name}")
            return path

        self._written = [
            self._check._in_background(partial(fill, path=path, table=table, sql=sql, name=f"stage_{index}"))
            for index, (path, table, sql) in enumerate(self._targets)
        ]

    def wait(self, index: int) -> Path:
        """The file `index` (the roll-up is the last) once written."""
        return self._written[index].result()

    def wait_all(self) -> None:
        """Return once every file is written (or failed to be). Before the reader's SQLite may read a file
        it was not told is written: after a rollback to a savepoint, in a transaction that changed a schema,
        it reads the schema of every attached file again, and would take a file being written for one with
        a hot journal to undo."""
        wait_for(self._written)

    def stop(self) -> None:
        """Cancel the writes not begun and return once those under way have ended."""
        for written in self._written:
            written.cancel()
        wait_for(self._written)


class ColumnarUnavailable(Exception):
    """The file needs the row-by-row path; the message says why (for the log, not for the user)."""


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str
    cells: list[str]


@dataclass(frozen=True)
class DuplicateRow:
    code: str
    line: int
    first_line: int


def _write_pg_binary(db: duckdb.DuckDBPyConnection, sql: str, path: Path, threads: int = 0) -> Path:
    """The result of `sql` as a file in PostgreSQL's binary COPY format (through Arrow batches and `pgpq`): the
    server reads it without parsing a text per value — a third less time than CSV for the facts."""
    from pgpq import ArrowToPostgresBinaryEncoder

    if threads:
        db.execute(f"SET threads = {int(threads)}")
    reader = db.execute(sql).to_arrow_reader(100_000)
    encoder = ArrowToPostgresBinaryEncoder(reader.schema)
    with path.open("wb") as out:
        out.write(encoder.write_header())
        for batch in reader:
            out.write(encoder.write_batch(batch))
        out.write(encoder.finish())
    return path


def _after(columns: Sequence[str], values: Sequence[Any]) -> str:
    """Whether the row of `columns` sorts after `values` (numbers or texts), spelt out column by column (DuckDB
    does not compare rows within a range test)."""

    def literal(value: Any) -> str:
        return str(int(value)) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"

    column, value = columns[0], literal(values[0])
    if len(columns) == 1:
        return f"{column} > {value}"
    return f"({column} > {value} OR ({column} = {value} AND {_after(columns[1:], values[1:])}))"


def line_count(path: Path) -> int:
    """Lines of the file, blank lines at its very end not counted (they are no rows for either reader)."""
    count, last = 0, b""
    buffer = bytearray(8 * 1024 * 1024)
    view = memoryview(buffer)
    with path.open("rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            block = buffer if size == len(buffer) else view[:size].tobytes()
            count += block.count(b"\n")
            last = (
                bytes(view[max(0, size - 4096) : size])
                if size >= 4096
                else (last + bytes(view[:size]))[-4096:]
            )
    trailing = len(last) - len(last.rstrip(b"\r\n"))
    count -= last[len(last) - trailing :].count(b"\n")
    return count + 1 if last.rstrip(b"\r\n") else 0


class ColumnarCheck:
    """One CSV file (UTF-8, with or without BOM) checked in DuckDB; use as a context manager."""

    # Rows sampled to cut the staged rows into parts (`_part_filters`).
    PART_SAMPLE = 20_000

    def __init__(
        self,
        path: Path,
        *,
        plan: ColumnPlan,
        delimiter: str,
        validator: RowValidator,
        workdir: Path,
        memory_limit: str = "1GB",
    ) -> None:
        self.path = path
        self.plan = plan
        self.delimiter = delimiter
        self.validator = validator
        self.width = len(plan.header)
        self.workdir = workdir
        self.db = duckdb.connect(config={"memory_limit": memory_limit, "temp_directory": str(workdir)})
        self.db.execute("SET threads = 2; SET preserve_insertion_order = true")
        self.good = 0
        self.bad = 0
        self._writer: ThreadPoolExecutor | None = None
        # Background writer threads (set before the first write): one keeps the order of what is asked.
        self.writers = 1

    def __enter__(self) -> ColumnarCheck:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._writer is not None:
            self._writer.shutdown(wait=True, cancel_futures=True)
        self.db.close()

    def _in_background(self, write: Callable[[duckdb.DuckDBPyConnection], Path]) -> Future[Path]:
        """`write` run by a writer thread (`writers`), on a DuckDB connection of its own, while the caller
        loads what was written before (DuckDB and the database drivers release the GIL)."""
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=self.writers, thread_name_prefix="cchc-columnar")
        return self._writer.submit(lambda: write(self.db.cursor()))

    # -- reading ------------------------------------------------------------------------------------------
    def _cell(self, column: str) -> str:
        index = self.plan.position(column)
        return f"coalesce(c{index}, '')" if index >= 0 else "''"

    def load(self) -> None:
        """Read the file into DuckDB; raises `ColumnarUnavailable` when only csv.reader reads it right."""
        columns = "{" + ", ".join(f"'c{index}': 'VARCHAR'" for index in range(self.width)) + "}"
        try:
            # Table `raw` keeps the file's order: its rowid + 2 is the row number csv.reader gives.
            self.db.execute(
                "CREATE TABLE raw AS SELECT * FROM read_csv(?, header = true, auto_detect = false, "
                f"delim = ?, quote = '\"', escape = '\"', columns = {columns}, null_padding = true, "
                "strict_mode = true, max_line_size = 4194304)",
                [str(self.path), self.delimiter],
            )
        except duckdb.Error as error:
            raise ColumnarUnavailable(str(error).splitlines()[0]) from error
        # One line per row and the header: else the file has a blank line (csv.reader counts it as a row,
        # DuckDB skips it, and the line numbers would differ) or a line break inside a cell.
        rows = self.db.execute("SELECT COUNT(*) FROM raw").fetchone()[0]  # type: ignore[index]
        if line_count(self.path) != rows + 1:
            raise ColumnarUnavailable("blank lines or line breaks inside cells")

    # -- lookups ------------------------------------------------------------------------------------------
    def _distinct(self, *expressions: str) -> list[tuple[Any, ...]]:
        return self.db.execute(f"SELECT DISTINCT {', '.join(expressions)} FROM raw").fetchall()

    def _lookup(self, name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        """A lookup table `name` with `columns` ("name:TYPE") from Python rows, through a JSON-lines file
        (DuckDB reads one in milliseconds; binding long Python lists as parameters takes tenths of seconds)."""
        path = self.workdir / f"{name}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False))
                out.write("\n")
        selects = ", ".join(
            f"CAST(json->>{index} AS {column.split(':')[1]}) AS {column.split(':')[0]}"
            for index, column in enumerate(columns)
        )
        source = f"read_ndjson_objects('{path}')" if rows else "(SELECT NULL::JSON AS json) WHERE false"
        self.db.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT {selects} FROM {source}")
        path.unlink()

    def _present_kinds(self) -> list[tuple[str, str, str, Callable[[str], Any], str]]:
        """The small columns (`_KINDS`) the file has."""
        return [entry for entry in _KINDS if self.plan.position(entry[0]) >= 0]

    def _build_lookups(self) -> None:
        validator = self.validator
        places = [
            (agency_text, unit_text, *validator.place_of(agency_text, unit_text))
            for agency_text, unit_text in self._distinct(self._cell(c.AGENCY), self._cell(c.UNIT))
        ]
        self._lookup(
            "m_place", ["a:VARCHAR", "u:VARCHAR", "agency_id:BIGINT", "unit_id:BIGINT", "ok:BOOLEAN"], places
        )
        procedures = []
        for code_text, name_text in self._distinct(self._cell(c.PROCEDURE), self._cell(c.PROCEDURE_NAME)):
            code = code_text.strip()
            name = read_name(name_text) if self.plan.position(c.PROCEDURE_NAME) >= 0 else ""
            procedures.append((code_text, name_text, code, name[:500] or code, 0 < len(code) <= 64))
        self._lookup(
            "m_procedure",
            ["p:VARCHAR", "n:VARCHAR", "code:VARCHAR", "name:VARCHAR", "ok:BOOLEAN"],
            procedures,
        )
        # The small columns together, as the row path caches them: one lookup per distinct combination.
        kinds = self._present_kinds()
        if kinds:
            combinations = []
            for texts in self._distinct(*(self._cell(column) for column, *_ in kinds)):
                read = tuple(entry[3](text) for text, entry in zip(texts, kinds, strict=True))
                combinations.append((*texts, *read, all(value is not None for value in read)))
            self._lookup(
                "m_kinds",
                [
                    *(f"k{index}:VARCHAR" for index in range(len(kinds))),
                    *(f"{field}:{kind}" for _, field, kind, _, _ in kinds),
                    "ok:BOOLEAN",
                ],
                combinations,
            )
        # Every distinct text of the five date columns, split into its day and its time as `DateReader` splits
        # it; each distinct day and time is read once by the row path's own parsers.
        present = [column for column in _DATES if self.plan.position(column) >= 0]
        union = " UNION ALL ".join(
            f"SELECT DISTINCT {index} AS col, {self._cell(column)} AS k FROM raw"
            for index, column in enumerate(present)
        )
        self.db.execute(
            f"CREATE TABLE date_texts AS SELECT col, k, {self._date_part('k', 'day')} AS day, "
            f"{self._date_part('k', 'time')} AS time FROM ({union}) WHERE k <> ''"
        )
        days = [text for (text,) in self.db.execute("SELECT DISTINCT day FROM date_texts").fetchall()]
        times = [
            text
            for (text,) in self.db.execute("SELECT DISTINCT time FROM date_texts WHERE time <> ''").fetchall()
        ]
        parse_day, parse_time = DateReader._parse_day, DateReader._parse_time
        # Per day also the apology rule in force when it is the due date, and the running working days.
        day_rows: list[tuple[Any, ...]] = []
        for text in sorted(days):
            parsed = parse_day(text)
            if parsed is None:
                day_rows.append((text, None, None, None, None, None, None))
            else:
                number = parsed[1]
                rule = validator.apology_rule_of(number)
                day_rows.append((text, *parsed[:3], *rule, validator.working_day_number(number)))
        self._lookup(
            "m_day",
            [
                "k:VARCHAR",
                "iso:VARCHAR",
                "n:INTEGER",
                "month:INTEGER",
                "days_before:INTEGER",
                "max_reappointments:INTEGER",
                "workday:INTEGER",
            ],
            day_rows,
        )
        self._lookup(
            "m_time", ["k:VARCHAR", "v:VARCHAR"], [(text, parse_time(text)) for text in sorted(times)]
        )
        # One table per column: a column of plain days then makes a hash table of a few hundred entries to
        # join with, not one of every day and minute of the file. Read here only when nothing is left to
        # strip at either end (the row path strips the cell first).
        for index, column in enumerate(present):
            self.db.execute(
                f"CREATE TABLE m_date_{_DATE_PREFIXES[column]} AS SELECT t.k, d.iso, d.n, d.month, "
                "m.v AS clock, d.days_before, d.max_reappointments, d.workday FROM date_texts t "
                "JOIN m_day d ON d.k = t.day LEFT JOIN m_time m ON m.k = t.time "
                f"WHERE t.col = {index} AND d.iso IS NOT NULL AND (t.time = '' OR m.v IS NOT NULL) "
                "AND ord(left(t.k, 1)) BETWEEN 33 AND 126 AND ord(right(t.k, 1)) BETWEEN 33 AND 126"
            )
        self.db.execute("DROP TABLE date_texts")

    @staticmethod
    def _date_part(text: str, part: str) -> str:
        """The day or the time text of a date cell, split as `DateReader` splits it (ISO at 10, else at a space)."""
        iso = f"(length({text}) >= 10 AND substr({text}, 5, 1) = '-')"
        if part == "day":
            return f"CASE WHEN {iso} THEN substr({text}, 1, 10) ELSE split_part({text}, ' ', 1) END"
        return (
            f"CASE WHEN {iso} THEN ltrim(substr({text}, 11), 'T ') "
            f"ELSE trim(substr({text}, length(split_part({text}, ' ', 1)) + 2)) END"
        )

    # -- checking -----------------------------------------------------------------------------------------
    def check(self, report_bad: Callable[[BadRow], None]) -> None:
        """Check every row: good rows land in table `staged`, the others go through `RowValidator`."""
        self._build_lookups()
        joins, fields, condition = self._sql_parts()
        # The rows carry their line: `staged` need not keep the file's order (half a second less to build).
        self.db.execute("SET preserve_insertion_order = false")
        self.db.execute(
            f"CREATE TABLE staged AS SELECT raw.rowid + 2 AS line, {', '.join(fields)}, ({condition}) AS ok "
            f"FROM raw {' '.join(joins)}"
        )
        self.db.execute("SET preserve_insertion_order = true")  # what is written from here keeps its ORDER BY
        self._recheck(report_bad)
        self.db.execute("DELETE FROM staged WHERE NOT ok")
        self.db.execute("DROP TABLE raw")
        self.good = self.db.execute("SELECT COUNT(*) FROM staged").fetchone()[0]  # type: ignore[index]

    def _sql_parts(self) -> tuple[list[str], list[str], str]:
        """The joins, the staged fields (in `STAGED_FIELDS` order after the line) and whether a row is settled."""
        has = self.plan.position
        code = self._cell(c.CODE)
        joins = [
            f"LEFT JOIN m_place pl ON pl.a = {self._cell(c.AGENCY)} AND pl.u = {self._cell(c.UNIT)}",
            f"LEFT JOIN m_procedure pr ON pr.p = {self._cell(c.PROCEDURE)} "
            f"AND pr.n = {self._cell(c.PROCEDURE_NAME)}",
        ]
        # A code is taken as written when it has 1–64 bytes and printable ASCII at both ends (nothing to strip).
        conditions = [
            f"strlen({code}) BETWEEN 1 AND 64",
            f"ord(left({code}, 1)) BETWEEN 33 AND 126",
            f"ord(right({code}, 1)) BETWEEN 33 AND 126",
            "coalesce(pl.ok, false)",
            "coalesce(pr.ok, false)",
        ]
        values: dict[str, str] = {
            "code": code,
            "agency_id": "pl.agency_id",
            "unit_id": "pl.unit_id",
            "procedure_code": "pr.code",
            "procedure_name": "pr.name",
        }
        kinds = self._present_kinds()
        if kinds:
            keys = " AND ".join(f"kd.k{index} = {self._cell(entry[0])}" for index, entry in enumerate(kinds))
            joins.append(f"LEFT JOIN m_kinds kd ON {keys}")
            conditions.append("coalesce(kd.ok, false)")
        present = {field for _, field, *_ in kinds}
        for _, field, _, _, default in _KINDS:
            values[field] = f"kd.{field}" if field in present else default
        for field in ("paid_online", "digitised", "e_result"):
            values[field] = f"({values[field]} = 1)"
        for column, prefix in _DATE_PREFIXES.items():
            alias = f"d_{prefix}"
            text = self._cell(column)
            joins.append(
                f"LEFT JOIN m_date_{prefix} {alias} ON {alias}.k = {text}"
                if has(column) >= 0
                else f"LEFT JOIN (SELECT NULL::VARCHAR AS iso, NULL::VARCHAR AS clock, {_NO_DAY}) {alias} ON false"
            )
            if column in (c.RECEIVED, c.DUE):
                conditions.append(f"{alias}.iso IS NOT NULL")
            else:
                conditions.append(f"({text} = '' OR {alias}.iso IS NOT NULL)")
            values[f"{prefix}_on"] = f"{alias}.iso"
            if prefix in ("received", "due", "resolved"):
                values[f"{prefix}_month"] = f"{alias}.month"
            if prefix in ("received", "resolved"):
                values[f"{prefix}_time"] = f"{alias}.clock"
        conditions += [
            "d_due.n >= d_received.n",
            "(d_resolved.n IS NULL OR d_resolved.n >= d_received.n)",
            "(d_apology.n IS NULL OR d_apology.n >= d_received.n)",
            "(d_returned.n IS NULL OR d_resolved.n IS NULL OR d_returned.n >= d_resolved.n)",
        ]
        values["apologised"] = (
            f"coalesce(d_apology.n IS NOT NULL AND d_due.n - d_apology.n >= d_due.days_before "
            f"AND {values['reappointments']} <= d_due.max_reappointments, false)"
        )
        values["resolution_days"] = (
            "CASE WHEN d_resolved.n IS NULL THEN NULL "
            "ELSE greatest(d_resolved.workday - d_received.workday, 0) END"
        )
        fields = [
            f"CAST({values[name]} AS {_STAGED_TYPES[name]}) AS {name}"
            for name in STAGED_FIELDS
            if name != "line"
        ]
        return joins, fields, " AND ".join(f"coalesce({condition}, false)" for condition in conditions)

    def _recheck(self, report_bad: Callable[[BadRow], None]) -> None:
        """The rows the lookups did not settle, through the row-by-row validator. A row with no cell at all
        is no row, as on the row path: it is not settled (its code is blank) and goes without a word."""
        names = ", ".join(f"coalesce(c{index}, '')" for index in range(self.width))
        # A cursor of its own: the rescued rows are written while this result is still being read.
        cursor = self.db.cursor().execute(
            f"SELECT rowid + 2 AS line, {names} FROM raw "
            "WHERE rowid + 2 IN (SELECT line FROM staged WHERE NOT ok) ORDER BY line"
        )
        rescued: list[tuple[Any, ...]] = []
        while batch := cursor.fetchmany(10_000):
            for line, *cells in batch:
                if not any(cells):
                    continue
                staged, reason = self.validator(line, cells)
                if staged is None:
                    self.bad += 1
                    report_bad(BadRow(line, reason or "", cells))
                else:
                    rescued.append(staged)
            if rescued:
                self._insert_staged(rescued)
                rescued.clear()

    def _insert_staged(self, rows: list[tuple[Any, ...]]) -> None:
        columns = [list(column) for column in zip(*rows, strict=True)]
        for index, name in enumerate(STAGED_FIELDS):
            if name in _BOOLEANS:
                columns[index] = [None if value is None else bool(value) for value in columns[index]]
        selects = ", ".join(
            f"unnest(${index + 1}::{_STAGED_TYPES[name]}[])" for index, name in enumerate(STAGED_FIELDS)
        )
        self.db.execute(f"INSERT INTO staged SELECT {selects}, true", columns)

    # -- after the check ----------------------------------------------------------------------------------
    def procedures(self) -> dict[str, tuple[str, str]]:
        """Each procedure code of the file with the name and level of its first row."""
        rows = self.db.execute(
            "SELECT procedure_code, arg_min(procedure_name, line), arg_min(service_level, line) "
            "FROM staged GROUP BY procedure_code"
        ).fetchall()
        return {code: (name, level) for code, name, level in rows}

    def take_duplicates(self) -> list[DuplicateRow]:
        """The rows whose code came earlier in the file: removed, the first row stands."""
        codes = self.db.execute("SELECT code FROM staged GROUP BY code HAVING COUNT(*) > 1").fetchall()
        if not codes:
            return []
        rows = self.db.execute(
            "SELECT code, line, min(line) OVER (PARTITION BY code) AS first_line FROM staged "
            "WHERE code IN (SELECT unnest(?::VARCHAR[])) ORDER BY line",
            [[code for (code,) in codes]],
        ).fetchall()
        found = [DuplicateRow(code, line, first) for code, line, first in rows if line != first]
        self.db.execute(
            "DELETE FROM staged WHERE line IN (SELECT unnest(?::INTEGER[]))", [[d.line for d in found]]
        )
        self.good -= len(found)
        return found

    def cells(self) -> set[tuple[int, int, int, int | None]]:
        """(agency, received month, due month, result month) of the staged rows."""
        rows = self.db.execute(
            "SELECT DISTINCT agency_id, received_month, due_month, resolved_month FROM staged"
        ).fetchall()
        return {(int(a), int(r), int(d), None if s is None else int(s)) for a, r, d, s in rows}

    def sample_codes(self, count: int = 1000) -> list[str]:
        """Codes spread over the file: a cheap first look at whether it brings dossiers already stored."""
        rows = self.db.execute(f"SELECT code FROM staged USING SAMPLE {int(count)} ROWS").fetchall()
        return [code for (code,) in rows]

    def set_procedure_ids(self, ids: dict[str, int]) -> None:
        """The procedures' ids: from here on the staged rows are also the view `facts`, with `procedure_id`."""
        self._lookup("m_procedure_id", ["code:VARCHAR", "id:BIGINT"], list(ids.items()))
        self._facts_view()

    def _batches(self, sql: str, size: int = 20_000) -> Iterator[list[tuple[Any, ...]]]:
        cursor = self.db.execute(sql)
        while batch := cursor.fetchmany(size):
            yield batch

    def rows(self, order: str = "line") -> Iterator[list[tuple[Any, ...]]]:
        """The staged rows in batches, as tuples in `STAGED_FIELDS` order."""
        return self._batches(f"SELECT {', '.join(STAGED_FIELDS)} FROM staged ORDER BY {order}")

    def fact_rows(self, columns: Sequence[str], *, order: str = "") -> Iterator[list[tuple[Any, ...]]]:
        """The staged rows as the facts' columns (`procedure_id` from `set_procedure_ids`)."""
        return self._batches(self._fact_select(columns, order))

    def _part_filters(self, order: Sequence[str], rows_per_part: int, max_parts: int) -> list[str]:
        """Conditions that cut the staged rows into parts of about `rows_per_part` rows (at most `max_parts`),
        consecutive in `order` (columns never NULL); rows with the same key stay in one part. The first part
        is a quarter of the others, and one more: the loading waits only for it to begin."""
        count = max(1, min(max_parts - 1, self.good // max(1, rows_per_part)))
        bounds: list[tuple[Any, ...]] = []
        if count > 1:
            fractions = ", ".join(
                str(value) for value in [1 / (4 * count), *(i / count for i in range(1, count))]
            )
            key = f"({', '.join(order)})" if len(order) > 1 else order[0]
            # The cuts from a fixed sample (all the rows of a smaller file): sorting a million keys for them
            # took a third of a second, with the database waiting; the parts need not be of equal size.
            found = self.db.execute(
                f"SELECT quantile_disc({key}, [{fractions}]) FROM (SELECT {', '.join(order)} FROM staged "
                f"USING SAMPLE {self.PART_SAMPLE} ROWS (reservoir, 2026))"
            ).fetchone()
            for bound in found[0] if found else []:
                if isinstance(bound, dict):
                    values = tuple(bound.values())
                elif isinstance(bound, tuple):
                    values = bound
                else:
                    values = (bound,)
                if not bounds or values != bounds[-1]:
                    bounds.append(values)
        limits: list[tuple[Any, ...] | None] = [None, *bounds, None]
        filters = []
        for low, high in itertools.pairwise(limits):
            where = ([_after(order, low)] if low is not None else []) + (
                [f"NOT {_after(order, high)}"] if high is not None else []
            )
            filters.append(" AND ".join(where) or "true")
        return filters

    def write_facts_parts(
        self,
        directory: Path,
        columns: Sequence[str],
        *,
        types: Mapping[str, str],
        order: Sequence[str],
        batch_id: int,
        rows_per_part: int = 125_000,
        max_parts: int = 8,
    ) -> list[Future[Path]]:
        """The staged rows as the facts' columns, then the batch (`types`: the DuckDB type of each column, the
        batch's included, as the table has it), in `order` within and across the parts (`write_parts`)."""
        select = self._fact_select(columns, types=types, extra={"batch_id": str(int(batch_id))})
        return self.write_parts(
            select, directory / "facts", order=order, rows_per_part=rows_per_part, max_parts=max_parts
        )

    def write_staged_parts(
        self, prefix: Path, *, types: Mapping[str, str], rows_per_part: int = 125_000, max_parts: int = 8
    ) -> list[Future[Path]]:
        """The staged rows as they are (`types`: the DuckDB type of each field), cut by line, in no order."""
        casts = ", ".join(f"CAST({name} AS {kind}) AS {name}" for name, kind in types.items())
        return self.write_parts(
            f"SELECT {casts} FROM staged",
            prefix,
            order=("line",),
            rows_per_part=rows_per_part,
            max_parts=max_parts,
            sort=False,
        )

    def write_parts(
        self,
        select: str,
        prefix: Path,
        *,
        order: Sequence[str],
        rows_per_part: int = 125_000,
        max_parts: int = 8,
        sort: bool = True,
    ) -> list[Future[Path]]:
        """`select` (over the staged rows, with their `order` columns) in PostgreSQL's binary COPY format, as
        files `prefix`-0.copy, -1.copy… of about `rows_per_part` rows, consecutive in `order` (and sorted
        within when `sort`), written one after the other in the background, so that the caller loads the
        first while the next ones are written."""
        futures = []
        for index, where in enumerate(self._part_filters(order, rows_per_part, max_parts)):
            sql = f"{select} WHERE {where}" + (f" ORDER BY {', '.join(order)}" if sort else "")
            path = prefix.with_name(f"{prefix.name}-{index}.copy")
            futures.append(self._in_background(partial(_write_pg_binary, sql=sql, path=path)))
        return futures

    def _fact_select(
        self,
        columns: Sequence[str],
        order: str = "",
        *,
        types: Mapping[str, str] | None = None,
        extra: Mapping[str, str] | None = None,
    ) -> str:
        """The view `facts` as `columns` (then the constant `extra` ones), each cast to its `types` entry."""
        sources = {name: name for name in columns} | dict(extra or {})
        values = ", ".join(
            f"CAST({value} AS {types[name]}) AS {name}" if types else value for name, value in sources.items()
        )
        return f"SELECT {values} FROM facts" + (f" ORDER BY {order}" if order else "")

    def export_sqlite(
        self,
        directory: Path,
        *,
        columns: Sequence[str],
        order: str,
        rollup_sql: str,
        rows_per_part: int = 125_000,
        max_parts: int = 8,
    ) -> SqliteExport:
        """The staged rows (table `facts`, `columns` of the view `facts`, in `order` within and across parts of
        about `rows_per_part` rows) and their roll-up (table `rollup`, from `rollup_sql` over that view), each
        in an SQLite file of its own written by DuckDB's SQLite extension, for SQLite's own INSERT … SELECT:
        no value passes through Python. The files exist on return with their empty tables;
        `SqliteExport.start` writes the rows, once `set_procedure_ids` has given the procedures' ids."""
        _load_sqlite_extension(self.db)
        self.db.execute("CREATE TABLE IF NOT EXISTS m_procedure_id (code VARCHAR, id BIGINT)")
        self._facts_view()
        facts = f"SELECT {', '.join(columns)} FROM facts"
        targets = [
            (directory / f"stage-{index}.sqlite3", "facts", f"{facts} WHERE {where} ORDER BY {order}")
            for index, where in enumerate(self._part_filters((order,), rows_per_part, max_parts))
        ]
        # In the order of the roll-up's index (agency, month): its pages are written one after the other.
        targets.append(
            (
                directory / "stage-rollup.sqlite3",
                "rollup",
                f"SELECT * FROM ({rollup_sql}) ORDER BY agency_id, month",
            )
        )
        for path, table, sql in targets:
            self.db.execute(f"ATTACH '{path}' AS stage (TYPE sqlite)")
            try:
                self.db.execute(f"CREATE TABLE stage.{table} AS SELECT * FROM ({sql}) LIMIT 0")
            finally:
                self.db.execute("DETACH stage")
        return SqliteExport(self, targets)

    def _facts_view(self) -> None:
        self.db.execute(
            "CREATE OR REPLACE VIEW facts AS SELECT s.*, p.id AS procedure_id FROM staged s "
            "JOIN m_procedure_id p ON p.code = s.procedure_code"
        )

    def query_batches(self, sql: str) -> Iterator[list[tuple[Any, ...]]]:
        """A read over the staged rows (as view `facts`, with the procedure ids), in batches."""
        return self._batches(sql)

    def write_query(
        self, sql: str, path: Path, *, types: Mapping[str, str], order: str = "", threads: int = 0
    ) -> Future[Path]:
        """A read over the staged rows (as view `facts`) written in PostgreSQL's binary COPY format, each
        column cast to its `types` entry (in `order`), in the background after what was asked before;
        `threads`: DuckDB's threads from then on (to leave a core to the database loading meanwhile)."""
        casts = ", ".join(f"CAST({name} AS {kind}) AS {name}" for name, kind in types.items())
        ordered = f" ORDER BY {order}" if order else ""
        return self._in_background(
            partial(_write_pg_binary, sql=f"SELECT {casts} FROM ({sql}){ordered}", path=path, threads=threads)
        )
