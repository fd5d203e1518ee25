from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """The public pages cache their figures; each test starts (and ends) without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_throttle(settings: Any) -> None:
    settings.CCHC_TRANSPARENCY_CACHE_SECONDS = 300
