"""The catalogue of the data migration, loaded again for tests that run after a database flush.

Transactional tests (browser tests, the SQLite/PostgreSQL parity test) flush every table when they end,
reference data included; a test that needs the catalogue afterwards calls `ensure_catalogue()`.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from apps.indicators.models import Indicator


def ensure_catalogue() -> None:
    if Indicator.objects.exists():
        return
    import_module("apps.indicators.migrations.0002_catalogue").load(apps, None)
