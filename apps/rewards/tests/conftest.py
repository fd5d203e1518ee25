"""Every rewards test sees the base salaries of the data migration, even after a transactional test elsewhere in
the same worker flushed them."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _base_salaries(request: Any) -> None:
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if not (marker or {"db", "transactional_db"} & names):
        return
    transactional = "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))
    request.getfixturevalue("transactional_db" if transactional else "db")
    from .reference import ensure_base_salaries

    ensure_base_salaries()
