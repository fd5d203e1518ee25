"""The base salaries of the data migration, loaded again for tests that run after a database flush.

Transactional tests (browser tests, the SQLite/PostgreSQL parity test) flush every table when they end, reference
data included; a test that prices a reward afterwards calls `ensure_base_salaries()`.
"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps

from apps.rewards.models import BaseSalary


def ensure_base_salaries() -> None:
    if not BaseSalary.objects.exists():
        import_module("apps.rewards.migrations.0002_base_salaries").load(apps, None)
