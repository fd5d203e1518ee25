"""What the loaders of both databases share: the tables, the facts' columns, the roll-up's SQL, the result of a
merge and the `Loader` interface (implemented in `sqlite.py` and `postgres.py`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, connection, transaction

from domain.dossier_import.columnar import DuplicateRow as Duplicate
from domain.dossier_import.rows import STAGED_FIELDS

if TYPE_CHECKING:
    from domain.dossier_import.columnar import ColumnarCheck

DOSSIER = "dossiers_dossier"
PROCEDURE = "dossiers_procedure"
MONTHLY = "dossiers_dossiermonthly"

# Columns of the facts that come from the file, in this order: the checked row's fields (`STAGED_FIELDS`)
# without its line, code and procedure name, the procedure's code replaced by its id.
FACT_COLUMNS: tuple[str, ...] = tuple(
    "procedure_id" if name == "procedure_code" else name
    for name in STAGED_FIELDS
    if name not in ("line", "code", "procedure_name")
)
# What a load writes into the facts from the file (then the batch).
LOADED_COLUMNS: tuple[str, ...] = ("code", *FACT_COLUMNS, "line")
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
# The columns of a roll-up row.
ROLLUP_COLUMNS: tuple[str, ...] = ("agency_id", "unit_id", "procedure_id", "month", *ROLLUP_COUNTERS)
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


@dataclass(frozen=True)
class ForeignRow:
    """A row whose code is held by a dossier of an agency outside the import's scope: refused, never written."""

    code: str
    line: int


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
    """The bulk operations of one import on the current connection, inside the import's transaction.

    `scope`: the agencies whose stored dossiers the import may change (None: all, for the command line).
    A staged row whose code a dossier of another agency already holds is refused where the facts are
    written — by the statement that writes them, so nothing can move the dossier between check and write —
    and handed back by `take_foreign`. Codes are unique system-wide: without this, a file naming another
    agency's code would move that dossier into the importer's agency and rewrite its dates."""

    vendor = ""

    def __init__(self, batch_id: int, scope: Iterable[int] | None = None) -> None:
        self.batch_id = int(batch_id)
        self.scope: tuple[int, ...] | None = (
            None if scope is None else tuple(sorted({int(pk) for pk in scope}))
        )
        self.workdir: Path | None = None
        self.staged = 0
        self.procedures: dict[str, tuple[str, str]] = {}
        self.foreign: list[ForeignRow] = []

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
        """Make the facts what the file says (but for the rows of `take_foreign`); `cells` are those of every
        good row of the file."""
        raise NotImplementedError

    def take_foreign(self) -> list[ForeignRow]:
        """After `merge`: the rows refused because another agency's dossier holds their code, by line."""
        found, self.foreign = sorted(self.foreign, key=lambda row: row.line), []
        return found

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
        return [f"INSERT INTO {MONTHLY} ({', '.join(ROLLUP_COLUMNS)}) {select}"]
