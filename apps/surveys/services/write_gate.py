"""On SQLite, public submissions queue for the database's single writer instead of polling for it.

SQLite lets one writer at a time; a waiting connection sleeps and retries (1, 2, 5 … 100 ms), which at a hundred
submissions a second turns into long tails. Here writers of every server process and thread wait on a kernel
file lock next to the database and are woken the moment it is free. On PostgreSQL (rows lock, not the whole
database) the gate does nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from django.db import connection

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Linux: threads of one process still queue
    fcntl = None  # type: ignore[assignment]

_thread_lock = threading.Lock()
_lock_file: IO[bytes] | None = None


def _file() -> IO[bytes] | None:
    global _lock_file
    if _lock_file is None and fcntl is not None:
        name = str(connection.settings_dict["NAME"])
        if name and name != ":memory:" and not name.startswith("file:"):
            _lock_file = Path(f"{name}.write-lock").open("ab")  # noqa: SIM115 - held for the process's life
    return _lock_file


@contextmanager
def write_gate() -> Iterator[None]:
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        yield
        return
    with _thread_lock:
        handle = _file()
        if handle is not None and fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if handle is not None and fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
