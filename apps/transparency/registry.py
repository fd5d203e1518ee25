"""The registry of *published figure providers*: each provider offers figure specs and computes their figures.

A provider is any object with
- `group`: the heading its figures appear under on the public page ("Tiến độ kế hoạch CCHC", …);
- `order`: where that group sits on the page (small first);
- `specs()`: the `FigureSpec`s a publisher may tick (keys are stable and unique across providers, written
  `<provider>.<figure>`, e.g. `dossiers.on_time`);
- `figures(agency, keys, today)`: the `PublishedFigure`s of the ticked `keys` of this provider for `agency`
  (aggregates only: counts and rates, never a person, never a record's code). It reads without a permission
  check: the public page is the agency's own choice to publish.

Registering a new provider (e.g. the communications app's "tin, bài mỗi tháng", the inspections app's
"tỷ lệ đơn vị được kiểm tra"): add a module `published_figures.py` to the app's package that calls

    from apps.transparency.registry import register
    register(ArticlesProvider())

`apps.transparency` imports every installed app's `published_figures` module when Django starts
(`autodiscover_modules`), so nothing else changes: the settings page offers the new specs and the public pages
show them once a publisher ticks them. Keep keys stable: a publication refers to a key, and a key that no
provider offers any more is simply not shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from domain.transparency import FigureSpec, PublishedFigure


class FigureProvider(Protocol):
    group: str
    order: int

    def specs(self) -> Sequence[FigureSpec]: ...

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]: ...


_PROVIDERS: list[FigureProvider] = []


def register(provider: FigureProvider) -> FigureProvider:
    """Add a provider (once; registering the same class again replaces it). Its keys must be new."""
    global _PROVIDERS
    kept = [p for p in _PROVIDERS if type(p) is not type(provider)]
    taken = {spec.key for p in kept for spec in p.specs()}
    clash = taken & {spec.key for spec in provider.specs()}
    if clash:
        raise ValueError(f"Figure keys already offered by another provider: {sorted(clash)}")
    _PROVIDERS = sorted([*kept, provider], key=lambda p: (p.order, p.group))
    return provider


def providers() -> list[FigureProvider]:
    return list(_PROVIDERS)


def all_specs() -> list[FigureSpec]:
    return [spec for provider in _PROVIDERS for spec in sorted(provider.specs(), key=lambda s: s.order)]


def spec_keys() -> set[str]:
    return {spec.key for spec in all_specs()}


def provider_of(key: str) -> FigureProvider | None:
    return next((p for p in _PROVIDERS if key in {spec.key for spec in p.specs()}), None)
