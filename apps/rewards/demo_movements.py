"""Demo data of rewards: movements."""

from __future__ import annotations

from collections.abc import Iterator


def build_movements_demo() -> Iterator[str]:
    yield from ()
