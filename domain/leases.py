"""Leases of long work (a background job, a dossier import): how to tell a process that died from one still working.

The process doing the work writes a heartbeat every few seconds; a record still "running" whose last heartbeat
(or, before the first one, its start) is older than the lease has no live process behind it. A process that is
alive keeps its lease however long the work takes; one that was killed loses it after one lease.
"""

from __future__ import annotations

from datetime import datetime, timedelta

HEARTBEATS_PER_LEASE = 6
"""A lease survives five missed heartbeats (a busy database, a slow disk) before the work counts as dead."""


def lease_expired(
    *, heartbeat_at: datetime | None, started_at: datetime | None, now: datetime, lease_seconds: float
) -> bool:
    """True when nothing was heard from the process for longer than the lease (a record never started is dead)."""
    last = heartbeat_at or started_at
    if last is None:
        return True
    return now - last > timedelta(seconds=lease_seconds)


def lease_cutoff(*, now: datetime, lease_seconds: float) -> datetime:
    """The oldest heartbeat that still holds the lease at `now` (the same rule as `lease_expired`, for a query)."""
    return now - timedelta(seconds=lease_seconds)


def heartbeat_every(lease_seconds: float) -> float:
    """Seconds between two heartbeats of a working process."""
    return max(lease_seconds / HEARTBEATS_PER_LEASE, 0.05)


def lease_holder(host: str, pid: int) -> str:
    """Who holds a lease, as people read it in the record: the server's name and the process number."""
    return f"{host[:100]}:{pid}"
