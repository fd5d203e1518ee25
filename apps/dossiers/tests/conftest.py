"""Fixtures for dossier tests: the demo agencies and a user per role."""

from __future__ import annotations

from typing import Any

import pytest

from apps.plans.tests.conftest import demo_org  # noqa: F401 (re-exported fixture)


@pytest.fixture
def focal(demo_org: Any) -> Any:  # noqa: F811
    from apps.accounts.models import User

    return User.objects.get(username="daumoi")
