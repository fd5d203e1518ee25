"""Demo data of rewards: awards."""

from __future__ import annotations

from collections.abc import Iterator


def build_awards_demo() -> Iterator[str]:
    yield from ()
