"""The database side of a backup: every table of the schema the applied migrations made, as JSON lines.

Rows are read and written through the historical models of the migration state (not the models of the code
running), so an archive made before an upgrade loads into the schema it was made from, and the migrations
then bring it up to date. Values go through each field's own conversions (`to_python`,
`get_db_prep_save`), which is what lets an archive made on SQLite load into PostgreSQL and back (ADR 0006).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from itertools import islice
from typing import IO, Any
from uuid import UUID

from django.apps import apps as global_apps
from django.core.management.color import no_style
from django.db import models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import Field, Model
from django.utils.duration import duration_iso_string

from apps.core.backup.archive import BackupError

Node = tuple[str, str]

# Tables the migrations themselves fill (content types and permissions after `migrate`, reference data in data
# migrations): a database with rows only there is as empty as a freshly migrated one.
MIGRATION_FILLED = (
    "contenttypes.ContentType",
    "auth.Permission",
    "plans.ReformArea",
    "indicators.ServiceIndexGroup",
    "indicators.Indicator",
    "surveys.Questionnaire",
    "surveys.Aspect",
    "surveys.Factor",
    "surveys.Question",
    "rewards.BaseSalary",
)

# Fields whose JSON value is already what the database driver takes (str, int, bool, float).
PLAIN_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "SmallAutoField",
        "BigIntegerField",
        "IntegerField",
        "SmallIntegerField",
        "PositiveBigIntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "BooleanField",
        "CharField",
        "TextField",
        "SlugField",
        "EmailField",
        "URLField",
        "FloatField",
    }
)
# Rows fetched at a time while a table is written out, inserted at a time on SQLite.
BATCH_ROWS = 2000


def applied_nodes(connection: BaseDatabaseWrapper) -> set[Node]:
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return set()
    return set(recorder.applied_migrations())


def schema_models(loader: MigrationLoader, nodes: set[Node]) -> list[type[Model]]:
    """The models (many-to-many tables included) of the schema that applying `nodes` makes, by label."""
    state = loader.project_state(sorted(nodes), at_end=True)
    models = [
        model
        for model in state.apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    return sorted(models, key=lambda model: model._meta.label_lower)


def columns(model: type[Model]) -> list[Field]:
    return [f for f in model._meta.local_concrete_fields if not getattr(f, "generated", False)]


def migration_filled_tables() -> set[str]:
    tables = set()
    for label in MIGRATION_FILLED:
        try:
            tables.add(global_apps.get_model(label)._meta.db_table)
        except LookupError:
            continue
    return tables


@contextmanager
def snapshot(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Read every table as of one moment, without holding up the application's writers."""
    if connection.in_atomic_block:
        yield  # already inside a transaction (tests): its snapshot is the one read
        return
    if connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    if connection.vendor == "sqlite":
        # Django's atomic() on SQLite begins IMMEDIATE (as configured), which would lock out every writer for
        # the length of the backup; a deferred transaction reads one snapshot of the WAL and lets them write.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
        return
    with transaction.atomic(using=connection.alias):
        yield


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, timedelta):
        return duration_iso_string(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    raise TypeError(f"không ghi được giá trị kiểu {type(value).__name__}")


def dump_table(model: type[Model], using: str, out: IO[bytes]) -> int:
    """Write the table's rows in primary-key order, one JSON array a line; return how many."""
    names = [f.attname for f in columns(model)]
    encoder = json.JSONEncoder(default=_encode, ensure_ascii=False, separators=(",", ":"))
    rows = (
        model._base_manager.using(using)
        .order_by(model._meta.pk.attname)
        .values_list(*names)
        .iterator(chunk_size=BATCH_ROWS)
    )
    count = 0
    for row in rows:
        out.write(encoder.encode(row).encode())
        out.write(b"\n")
        count += 1
    return count


def _reader(field: Field, connection: BaseDatabaseWrapper) -> Callable[[Any], Any] | None:
    """How one column's JSON value becomes what the database driver takes; None when it already is."""
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
    kind = target.get_internal_type()
    if kind in PLAIN_TYPES:
        return None
    ops = connection.ops
    # The three commonest conversions go straight to the backend's adapter (what get_db_prep_save ends in):
    # a million dossiers load in a fraction of the time of the generic path.
    if type(target) is models.DateField:
        return lambda value: ops.adapt_datefield_value(date.fromisoformat(value))
    if type(target) is models.TimeField:
        return lambda value: ops.adapt_timefield_value(time.fromisoformat(value))
    if type(target) is models.DateTimeField:
        return lambda value: ops.adapt_datetimefield_value(datetime.fromisoformat(value))
    if kind == "JSONField":
        return lambda value: field.get_db_prep_save(value, connection)
    return lambda value: field.get_db_prep_save(field.to_python(value), connection)


def load_table(
    model: type[Model], names: list[str], lines: Iterable[bytes], connection: BaseDatabaseWrapper
) -> int:
    """Insert the rows of one table as they are (ids included, no save() or signals); return how many."""
    by_name = {f.attname: f for f in columns(model)}
    if sorted(names) != sorted(by_name):
        raise BackupError(
            f"Cột của bảng {model._meta.db_table} trong bản sao lưu khác cấu trúc mà các migration của nó tạo ra. "
            "Không khôi phục gì."
        )
    fields = [by_name[name] for name in names]
    readers = [_reader(f, connection) for f in fields]
    table = model._meta.db_table
    decode = json.JSONDecoder().decode
    count = 0

    def rows() -> Iterator[list[Any]]:
        nonlocal count
        for line in lines:
            values = decode(line.decode())
            if not isinstance(values, list) or len(values) != len(fields):
                raise BackupError(f"Dòng {count + 1} của bảng {table} trong bản sao lưu sai số cột.")
            count += 1
            yield [
                value if read is None or value is None else read(value)
                for value, read in zip(values, readers, strict=True)
            ]

    quote = connection.ops.quote_name
    column_list = ", ".join(quote(str(f.column)) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: a million rows in seconds, where executemany takes minutes.
            with cursor.cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {quote(table)} ({column_list}) VALUES ({placeholders})"
            pending = rows()
            while batch := list(islice(pending, BATCH_ROWS)):
                cursor.executemany(sql, batch)
    return count


def tables_with_rows(connection: BaseDatabaseWrapper) -> list[str]:
    """Tables of the database that hold rows other than those the migrations put there."""
    ignored = migration_filled_tables() | {MigrationRecorder.Migration._meta.db_table}
    quote = connection.ops.quote_name
    found = []
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            if table in ignored:
                continue
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone():
                found.append(table)
    return found


def flush(connection: BaseDatabaseWrapper, models: list[type[Model]]) -> None:
    existing = set(connection.introspection.table_names())
    tables = [m._meta.db_table for m in models if m._meta.db_table in existing]
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=False, allow_cascade=False)
    connection.ops.execute_sql_flush(statements)


def reset_sequences(connection: BaseDatabaseWrapper, models: list[type[Model]]) -> None:
    """Point each id sequence past the highest id loaded (PostgreSQL; SQLite follows inserted ids itself)."""
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def count_rows(connection: BaseDatabaseWrapper, model: type[Model]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(model._meta.db_table)}")
        return int(cursor.fetchone()[0])
