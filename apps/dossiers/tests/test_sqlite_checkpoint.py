"""After a large import on a SQLite file, the WAL is copied back into the database by a thread of its own
(the import's commit no longer waits for it)."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from apps.dossiers.bulk.sqlite import checkpoint_in_background


def test_the_background_checkpoint_moves_the_wal_into_the_database_file(tmp_path):
    path = tmp_path / "cchc.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA wal_autocheckpoint = 0")  # as during an import
        db.execute("CREATE TABLE dossier (code TEXT)")
        db.executemany("INSERT INTO dossier VALUES (?)", ((f"HS-{n:07d}" * 4,) for n in range(40_000)))
        db.commit()
        before = path.stat().st_size
        assert (tmp_path / "cchc.sqlite3-wal").stat().st_size > 1_000_000 > before

        checkpoint_in_background(str(path)).join(timeout=30)

        assert path.stat().st_size > 1_000_000  # the rows are in the database file now
        busy, frames, done = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert (busy, done) == (0, frames)
        assert db.execute("SELECT COUNT(*) FROM dossier").fetchone() == (40_000,)


def test_a_database_it_cannot_open_is_left_to_the_next_automatic_checkpoint(tmp_path, caplog):
    thread = checkpoint_in_background(str(tmp_path / "khong-co" / "cchc.sqlite3"))
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert "Không checkpoint được WAL" in caplog.text
