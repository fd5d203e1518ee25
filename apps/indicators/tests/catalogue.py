"""The catalogue of the data migration, loaded again for tests that run after a database flush.

Transactional tests (browser tests, the SQLite/PostgreSQL parity test) flush every table when they end,
reference data included; a test that needs the catalogue afterwards calls `ensure_catalogue()`.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from apps.indicators.models import Indicator

# Every migration that adds catalogue rows, in order (each `load` is idempotent or runs on an empty table).
CATALOGUE_MIGRATIONS = (
    "0002_catalogue",
    "0006_par_duty_indicators",
    "0007_communication_indicators",
    "0007_inspection_indicators",
)


def ensure_catalogue() -> None:
    if Indicator.objects.exists():
        return
    for name in CATALOGUE_MIGRATIONS:
        import_module(f"apps.indicators.migrations.{name}").load(apps, None)
