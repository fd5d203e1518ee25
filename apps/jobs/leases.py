"""Work that survives a dead process: every long-running record (a background job, a dossier import) holds a lease.

The process doing the work stamps the record with who it is (`lease_holder`, server:process) and a heartbeat,
then a `LeaseKeeper` thread refreshes the heartbeat every sixth of `CCHC_JOB_LEASE_SECONDS` while the work runs.
The keeper beats on its own database connection, so the heartbeat is seen even while the work holds a long
transaction open. A record still running whose lease expired (`domain.leases.lease_expired`) lost its process
(the server stopped or was killed midway): `leases_sweep` marks it failed with the message its kind gives, and
nothing waits on it. Pages and the API sweep the records they show; `cchc worker` sweeps every kind regularly.

Each kind of record registers once (in its app's `ready()`) with `lease_register`.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection, connections, models
from django.utils import timezone

from domain.leases import heartbeat_every, lease_cutoff, lease_expired, lease_holder

from .models import LeasedWork

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LeasedKind:
    """How one model shows its work: the status while running, the status and message once its process died."""

    model: type[LeasedWork]
    running: str
    dead: str
    started_field: str
    dead_message: Callable[[Any], str]
    finished_field: str = "finished_at"


_KINDS: dict[type[LeasedWork], LeasedKind] = {}


def lease_register(kind: LeasedKind) -> None:
    _KINDS[kind.model] = kind


def lease_seconds() -> float:
    return float(settings.CCHC_JOB_LEASE_SECONDS)


def lease_claim() -> dict[str, Any]:
    """The fields a process writes when it starts the work: it holds the lease from now."""
    return {"heartbeat_at": timezone.now(), "lease_holder": lease_holder(socket.gethostname(), os.getpid())}


def lease_is_dead(record: Any, *, now: datetime | None = None) -> bool:
    """Whether this record is still marked running although its process has died."""
    kind = _KINDS[type(record)]
    return record.status == kind.running and lease_expired(
        heartbeat_at=record.heartbeat_at,
        started_at=getattr(record, kind.started_field),
        now=now or timezone.now(),
        lease_seconds=lease_seconds(),
    )


def leases_sweep(*models_to_sweep: type[LeasedWork], now: datetime | None = None) -> int:
    """Mark failed every running record (of the given models, or of every kind) whose lease expired.

    One query per kind when nothing died; each dead record is then updated only if it is still running with
    the same expired heartbeat, so a sweep never overwrites a result the work wrote meanwhile."""
    now = now or timezone.now()
    cutoff = lease_cutoff(now=now, lease_seconds=lease_seconds())
    marked = 0
    for model in models_to_sweep or tuple(_KINDS):
        kind = _KINDS[model]
        silent = models.Q(heartbeat_at__lt=cutoff) | models.Q(
            heartbeat_at__isnull=True, **{f"{kind.started_field}__lt": cutoff}
        )
        manager: Any = model._default_manager  # `status` belongs to the concrete model, not to LeasedWork
        record: Any
        for record in manager.filter(silent, status=kind.running):
            if not lease_is_dead(record, now=now):
                continue
            marked += manager.filter(
                pk=record.pk, status=kind.running, heartbeat_at=record.heartbeat_at
            ).update(**{"status": kind.dead, "message": kind.dead_message(record), kind.finished_field: now})
    if marked:
        logger.warning(
            "Marked %d interrupted records failed (their process stopped sending heartbeats)", marked
        )
    return marked


class LeaseKeeper:
    """Refreshes the heartbeat of one running record from a thread, until `stop()`.

    Inside a transaction the record is not visible to other connections yet (nor would a heartbeat be), so
    there it keeps no thread: such work is either short or belongs to a test."""

    def __init__(self, model: type[LeasedWork], pk: int | None) -> None:
        self.kind = _KINDS[model]
        self.pk = pk
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> LeaseKeeper:
        if self.pk is not None and not connection.in_atomic_block:
            self._thread = threading.Thread(
                target=self._run, name=f"lease-{self.kind.model._meta.label}-{self.pk}", daemon=True
            )
            self._thread.start()
        return self

    def beat(self) -> None:
        manager: Any = self.kind.model._default_manager
        manager.filter(pk=self.pk, status=self.kind.running).update(**lease_claim())

    def _run(self) -> None:
        every = heartbeat_every(lease_seconds())
        try:
            while not self._stop.wait(every):
                try:
                    self.beat()
                except DatabaseError:  # a long write holds the database; the next beat tries again
                    logger.info("Heartbeat of %s #%s missed", self.kind.model._meta.label, self.pk)
        finally:
            connections.close_all()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
