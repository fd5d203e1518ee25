"""The fast path of a CSV import, outside any test transaction (as the page and the command line run it):
DuckDB checks the file, new dossiers go straight into the facts (SQLite: through an attached staging file;
PostgreSQL: COPY), the roll-up of the file is added — and whatever path a file takes, the roll-up equals the
one recomputed from the facts, and a second import of the same file changes nothing."""

from __future__ import annotations

import time
from collections import defaultdict

import pytest
from django.db import DEFAULT_DB_ALIAS, connection, connections

from apps.dossiers import bulk
from apps.dossiers.models import Dossier, DossierMonthly
from apps.dossiers.services import dossier_import, dossier_rollup_rebuild
from domain.dossier_import.columnar import ColumnarCheck, SqliteExport

from .files import csv_bytes, random_rows, row

pytestmark = pytest.mark.django_db(transaction=True)
COUNTERS = bulk.ROLLUP_COUNTERS


def _rollup() -> dict[tuple[int, int | None, int, int], tuple[int, ...]]:
    """The roll-up summed per cell (rows of one cell add up), without empty cells."""
    cells: dict[tuple[int, int | None, int, int], list[int]] = defaultdict(lambda: [0] * len(COUNTERS))
    for item in DossierMonthly.objects.values("agency_id", "unit_id", "procedure_id", "month", *COUNTERS):
        key = (item["agency_id"], item["unit_id"], item["procedure_id"], item["month"])
        for index, name in enumerate(COUNTERS):
            cells[key][index] += item[name]
    return {key: tuple(values) for key, values in cells.items() if any(values)}


def _rebuilt() -> dict[tuple[int, int | None, int, int], tuple[int, ...]]:
    DossierMonthly.objects.all().delete()
    dossier_rollup_rebuild()
    return _rollup()


def _import(tmp_path, rows, name="ho-so.csv", **options):
    path = tmp_path / name
    path.write_bytes(csv_bytes(rows))
    with path.open("rb") as stream:
        return dossier_import(stream=stream, filename=name, **options)


@pytest.fixture
def paths(monkeypatch):
    """Which loader steps ran (and, on SQLite, whether the staging file was attached)."""
    seen: list[str] = []
    attached: list[bool] = []
    cls = bulk.PostgresLoader if connection.vendor == "postgresql" else bulk.SqliteLoader
    for name in ("direct_load", "add_rollup", "stage", "stage_checked", "refresh_rollup", "detach"):
        original = getattr(cls, name)

        def wrapper(self, *args, _original=original, _name=name, **kwargs):
            if _name == "detach":
                if getattr(self, "stages", None):
                    attached.append(True)
                return _original(self, *args, **kwargs)
            result = _original(self, *args, **kwargs)
            if _name == "direct_load" and result is None:
                seen.append("direct_load refused")
            elif _name == "stage_checked" and not result:
                pass
            else:
                seen.append(_name)
            return result

        monkeypatch.setattr(cls, name, wrapper)
    yield seen
    # On SQLite the rows went through the attached staging file (not executemany).
    assert attached or connection.vendor != "sqlite"


def test_new_dossiers_load_straight_and_the_added_rollup_equals_the_recomputed_one(demo_org, tmp_path, paths):
    rows, _ = random_rows("DLK-SXD", 400, seed=3)
    other, _ = random_rows("LCU-SXD", 200, seed=4)
    batch = _import(tmp_path, rows + other)
    assert batch.status == "done", batch.message
    assert (batch.inserted, batch.updated, batch.unchanged) == (600, 0, 0)
    assert paths == ["direct_load", "add_rollup"], paths
    assert Dossier.objects.count() == 600
    loaded = _rollup()
    assert loaded and loaded == _rebuilt()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA database_list")
            assert not [name for _, name, _ in cursor.fetchall() if name.startswith("import_stage")]


def test_second_import_changes_nothing_and_a_changed_file_is_merged(demo_org, tmp_path, paths):
    rows, _ = random_rows("DLK-SXD", 300, seed=5)
    _import(tmp_path, rows)
    first = _rollup()
    paths.clear()
    again = _import(tmp_path, rows, name="lan-hai.csv")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 300)
    assert "direct_load refused" in paths and "add_rollup" not in paths
    assert Dossier.objects.count() == 300 and _rollup() == first

    # Three dossiers got their result since, and two new ones arrived.
    changed = [dict(item) for item in rows[:3]]
    for item in changed:
        item["ngay_co_ket_qua"] = "30/06/2026 10:00"
        item["ngay_xin_loi"] = ""
    new = [
        row("DLK-SXD-MOI-1", "DLK-SXD", "01/06/2026", "10/06/2026"),
        row("DLK-SXD-MOI-2", "DLK-SXD", "02/06/2026", "12/06/2026"),
    ]
    batch = _import(tmp_path, changed + new + rows[3:10], name="lan-ba.csv")
    assert (batch.inserted, batch.updated, batch.unchanged) == (2, 3, 7)
    assert Dossier.objects.get(code=rows[0]["ma_ho_so"]).resolved_on.isoformat() == "2026-06-30"
    assert _rollup() == _rebuilt()


def test_a_file_with_bad_rows_changes_nothing_unless_asked(demo_org, tmp_path):
    rows, _ = random_rows("DLK-SXD", 50, seed=6)
    rows[10] = rows[10] | {"ngay_tiep_nhan": "31/02/2026"}
    rows[20] = rows[20] | {"ma_co_quan": "KHONG-CO"}
    rows.append(rows[0])  # the same code twice: the first row stands
    batch = _import(tmp_path, rows)
    assert batch.status == "rejected" and batch.rows_bad == 3 and batch.rows_good == 48
    assert not Dossier.objects.exists() and not DossierMonthly.objects.exists()
    lines = batch.error_file.open("rb").read().decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["12", "22", "52"]
    assert "31/02/2026" in lines[1] and "Trùng mã hồ sơ" in lines[3]

    batch = _import(tmp_path, rows, name="nhap-dong-tot.csv", load_good_rows=True)
    assert batch.status == "partial" and batch.inserted == 48
    assert _rollup() == _rebuilt()


@pytest.mark.parametrize("sample", [20_000, 25], ids=["cuts-from-all-rows", "cuts-from-a-sample"])
def test_a_file_loaded_in_several_parts_is_whole_in_order_and_its_rollup_right(
    demo_org, tmp_path, paths, monkeypatch, sample
):
    """Parts of about 70 rows (in production: 125,000 or 250,000): DuckDB writes each while the database
    copies the one before; every row lands once and the roll-up equals the recomputed one, whether the
    cuts between parts come from every row or from a sample of them (as in a file of a million)."""
    cls = bulk.PostgresLoader if connection.vendor == "postgresql" else bulk.SqliteLoader
    monkeypatch.setattr(cls, "ROWS_PER_PART", 70)
    monkeypatch.setattr("domain.dossier_import.columnar.ColumnarCheck.PART_SAMPLE", sample)
    rows, _ = random_rows("DLK-SXD", 260, seed=11)
    other, _ = random_rows("LCU-SXD", 150, seed=12)
    batch = _import(tmp_path, other + rows)
    assert batch.status == "done", batch.message
    assert (batch.inserted, batch.updated, batch.unchanged) == (410, 0, 0)
    assert paths == ["direct_load", "add_rollup"], paths
    stored = dict(Dossier.objects.values_list("code", "line"))
    assert stored == {item["ma_ho_so"]: line for line, item in enumerate(other + rows, start=2)}
    if connection.vendor == "postgresql":
        # In agency and receipt order on disk, for the BRIN indexes: ids grow with (agency, receipt).
        keys = list(Dossier.objects.order_by("id").values_list("agency_id", "received_on"))
        assert keys == sorted(keys)
    assert _rollup() == _rebuilt()

    paths.clear()
    changed = [dict(item) for item in rows[100:104]]
    for item in changed:
        item["ngay_co_ket_qua"] = "30/12/2026 10:00"
        item["ngay_xin_loi"] = ""
    again = _import(tmp_path, other + rows[:100] + changed + rows[104:], name="lan-hai.csv")
    assert (again.inserted, again.updated, again.unchanged) == (0, 4, 406)
    assert "direct_load refused" in paths
    assert _rollup() == _rebuilt()


@pytest.mark.parametrize("stored", [40, 300], ids=["table-small-index-rebuilt", "table-large-index-kept"])
def test_a_stored_code_the_sample_missed_undoes_the_direct_load_and_the_file_is_merged(
    demo_org, tmp_path, paths, monkeypatch, stored
):
    """The 1,000 sampled codes may all be new while one further down is stored: the direct load then fails on
    the unique code (while copying a part, or when the index is built again after a load larger than the
    table), its savepoint undoes every part, and the rows are merged."""
    cls = bulk.PostgresLoader if connection.vendor == "postgresql" else bulk.SqliteLoader
    monkeypatch.setattr(cls, "ROWS_PER_PART", 70)
    rows, _ = random_rows("DLK-SXD", 400, seed=21)
    _import(tmp_path, rows[:stored])
    paths.clear()
    monkeypatch.setattr(
        "domain.dossier_import.columnar.ColumnarCheck.sample_codes", lambda self, count=1000: ["KHONG-CO"]
    )
    changed = dict(rows[stored - 1]) | {"ngay_co_ket_qua": "30/12/2026 10:00", "ngay_xin_loi": ""}
    batch = _import(tmp_path, [*rows[stored:], changed], name="lan-hai.csv")
    assert batch.status == "done", batch.message
    assert (batch.inserted, batch.updated, batch.unchanged) == (400 - stored, 1, 0)
    assert paths[0] == "direct_load refused", paths
    assert Dossier.objects.count() == 400
    assert Dossier.objects.get(code=changed["ma_ho_so"]).resolved_on.isoformat() == "2026-12-30"
    assert _rollup() == _rebuilt()
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Dossier._meta.db_table)
    assert any(item["unique"] and item["columns"] == ["code"] for item in constraints.values())


@pytest.mark.skipif("connection.vendor != 'sqlite'")
def test_a_refused_direct_load_waits_for_every_staging_file_before_its_savepoint_is_undone(
    demo_org, tmp_path, monkeypatch
):
    """Undoing the savepoint makes SQLite read the schema of every attached file again (the transaction
    made its temporary triggers). A file DuckDB was still writing then looked like one with a hot journal:
    SQLite undid DuckDB's write under it (`disk I/O error`). With every write slowed, the refusal comes
    long before the last file is written — and the savepoint must still wait for it."""
    monkeypatch.setattr(bulk.SqliteLoader, "ROWS_PER_PART", 70)
    rows, _ = random_rows("DLK-SXD", 400, seed=22)
    _import(tmp_path, rows[:40])
    monkeypatch.setattr(ColumnarCheck, "sample_codes", lambda self, count=1000: ["KHONG-CO"])
    background = ColumnarCheck._in_background

    def slowly(self, write):
        return background(self, lambda db: (time.sleep(0.2), write(db))[1])

    monkeypatch.setattr(ColumnarCheck, "_in_background", slowly)
    exports: list[SqliteExport] = []
    start = SqliteExport.start

    def started(self):
        exports.append(self)
        start(self)

    monkeypatch.setattr(SqliteExport, "start", started)
    written_at_rollback: list[bool] = []
    wrapper = connections[DEFAULT_DB_ALIAS]
    rollback = wrapper._savepoint_rollback

    def savepoint_rollback(sid):
        written_at_rollback.append(all(future.done() for future in exports[-1]._written))
        return rollback(sid)

    monkeypatch.setattr(wrapper, "_savepoint_rollback", savepoint_rollback)
    # The stored code sorts first: the load is refused on the first part.
    first = min(rows[:40], key=lambda item: item["ma_ho_so"])
    batch = _import(tmp_path, [*rows[40:], first], name="lan-hai.csv")
    assert batch.status == "done", batch.message
    assert (batch.inserted, batch.updated, batch.unchanged) == (360, 0, 1)
    assert written_at_rollback == [True]
    assert Dossier.objects.count() == 400
    assert _rollup() == _rebuilt()
