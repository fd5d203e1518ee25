"""Demo data of emulation and rewards: seeds 000 and 004 as live movements (``demo_movements``), then
nominations, a council vote and a decision (``demo_awards``)."""

from __future__ import annotations

from collections.abc import Iterator


def build_rewards_demo() -> Iterator[str]:
    from .demo_awards import build_awards_demo
    from .demo_movements import build_movements_demo

    yield from build_movements_demo()
    yield from build_awards_demo()
