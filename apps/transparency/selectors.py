"""Every read of the transparency portal: what an agency publishes, and the figures of the public pages.

The public pages read through `agency_page` and `province_page`, which keep their result in Django's cache
under one key per agency and one per province; `services` deletes those keys whenever a publisher changes the
selection, and the keys expire after `CCHC_TRANSPARENCY_CACHE_SECONDS` so new data shows without a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from apps.organizations.models import Agency
from domain.transparency import FigureSpec, PublishedFigure, looks_personal

from . import registry
from .models import Publication

CACHE_PREFIX = "transparency:v1"


def agency_cache_key(agency_id: int) -> str:
    return f"{CACHE_PREFIX}:agency:{agency_id}"


def province_cache_key(province_id: int) -> str:
    return f"{CACHE_PREFIX}:province:{province_id}"


INDEX_CACHE_KEY = f"{CACHE_PREFIX}:index"


def html_key(data_key: str) -> str:
    """The rendered page kept next to its figures (cleared with them)."""
    return f"{data_key}:html"


def cached_html(key: str) -> str | None:
    found = cache.get(html_key(key))
    return found if isinstance(found, str) else None


def keep_html(key: str, html: str) -> None:
    cache.set(html_key(key), html, _timeout())


def _timeout() -> int:
    return int(getattr(settings, "CCHC_TRANSPARENCY_CACHE_SECONDS", 300))


# -- the publisher's side ------------------------------------------------------------------------------------
def live_publications(*, agency: Agency) -> QuerySet[Publication]:
    return Publication.objects.filter(agency=agency, withdrawn_at__isnull=True).select_related("published_by")


def live_keys(*, agency_id: int) -> set[str]:
    return set(
        Publication.objects.filter(agency_id=agency_id, withdrawn_at__isnull=True).values_list(
            "key", flat=True
        )
    )


def withdrawn_publications(*, agency: Agency, limit: int = 20) -> list[Publication]:
    return list(
        Publication.objects.filter(agency=agency, withdrawn_at__isnull=False)
        .select_related("published_by", "withdrawn_by")
        .order_by("-withdrawn_at")[:limit]
    )


@dataclass(frozen=True)
class SpecGroup:
    group: str
    specs: list[FigureSpec]


def spec_groups() -> list[SpecGroup]:
    """The figures a publisher may tick, grouped as the public page groups them."""
    out: list[SpecGroup] = []
    for provider in registry.providers():
        out.append(SpecGroup(provider.group, sorted(provider.specs(), key=lambda spec: spec.order)))
    return out


def spec_titles() -> dict[str, str]:
    return {spec.key: spec.title for spec in registry.all_specs()}


def province_of(agency: Agency) -> Agency:
    """The root of the tree above the agency (the province, or the city treated as one)."""
    current = agency
    seen = set()
    while current.parent_id is not None and current.pk not in seen:
        seen.add(current.pk)
        current = Agency.objects.only("pk", "parent_id", "name", "code").get(pk=current.parent_id)
    return current


# -- the public side -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FigureGroup:
    group: str
    figures: list[PublishedFigure]


@dataclass
class AgencyFigures:
    """What the public page of one agency shows, computed once and kept in the cache."""

    agency_id: int
    code: str
    name: str
    computed_on: date
    groups: list[FigureGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(group.figures) for group in self.groups)

    @property
    def updated_on(self) -> date | None:
        days = [figure.updated_on for group in self.groups for figure in group.figures]
        return max(days) if days else None


def _safe(figure: PublishedFigure) -> bool:
    return not any(looks_personal(text) for text in (figure.title, figure.note, figure.period))


def compute_agency_figures(agency: Agency, today: date | None = None) -> AgencyFigures:
    """Ask each provider for the figures the agency publishes (no cache)."""
    day = today or timezone.localdate()
    keys = live_keys(agency_id=agency.pk)
    result = AgencyFigures(agency.pk, agency.code, agency.name, day)
    for provider in registry.providers():
        mine = keys & {spec.key for spec in provider.specs()}
        if not mine:
            continue
        figures = [figure for figure in provider.figures(agency, mine, day) if _safe(figure)]
        if figures:
            result.groups.append(FigureGroup(provider.group, figures))
    return result


def public_agency(*, code: str) -> Agency | None:
    return Agency.objects.filter(code__iexact=(code or "").strip()).first()


def agency_page(*, agency: Agency) -> AgencyFigures:
    """The agency's published figures, from the cache when they are there."""
    found = cache.get(agency_cache_key(agency.pk))
    if isinstance(found, AgencyFigures):
        return found
    computed = compute_agency_figures(agency)
    cache.set(agency_cache_key(agency.pk), computed, _timeout())
    return computed


def _subtree_ids(root_id: int) -> list[int]:
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Agency.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    out, stack = [], [root_id]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(children.get(node, ()))
    return out


def publishing_agencies(*, province: Agency) -> QuerySet[Agency]:
    """The agencies of the province (itself included) with at least one figure up."""
    return (
        Agency.objects.filter(
            pk__in=_subtree_ids(province.pk),
            publications__withdrawn_at__isnull=True,
        )
        .distinct()
        .order_by("name")
    )


@dataclass
class ProvincePage:
    province_id: int
    code: str
    name: str
    agencies: list[AgencyFigures]


def public_province(*, code: str) -> Agency | None:
    return Agency.objects.filter(code__iexact=(code or "").strip(), parent__isnull=True).first()


def province_page(*, province: Agency) -> ProvincePage:
    found = cache.get(province_cache_key(province.pk))
    if isinstance(found, ProvincePage):
        return found
    pages = [agency_page(agency=agency) for agency in publishing_agencies(province=province)]
    page = ProvincePage(province.pk, province.code, province.name, [p for p in pages if p.count])
    cache.set(province_cache_key(province.pk), page, _timeout())
    return page


@dataclass(frozen=True)
class ProvinceEntry:
    code: str
    name: str
    agencies: int


def public_index() -> list[ProvinceEntry]:
    """The provinces with at least one agency that publishes, for the portal's first page."""
    found = cache.get(INDEX_CACHE_KEY)
    if isinstance(found, list):
        return found
    publishing = set(
        Publication.objects.filter(withdrawn_at__isnull=True).values_list("agency_id", flat=True).distinct()
    )
    parents: dict[int, int | None] = dict(Agency.objects.values_list("pk", "parent_id"))
    counts: dict[int, int] = {}
    for agency_id in publishing:
        node = agency_id
        seen = set()
        while (parent := parents.get(node)) is not None and node not in seen:
            seen.add(node)
            node = parent
        counts[node] = counts.get(node, 0) + 1
    entries = [
        ProvinceEntry(code, name, counts[pk])
        for pk, code, name in Agency.objects.filter(pk__in=counts).values_list("pk", "code", "name")
    ]
    entries.sort(key=lambda entry: entry.name)
    cache.set(INDEX_CACHE_KEY, entries, _timeout())
    return entries


def cache_keys_for(agency: Agency) -> list[str]:
    """Every cached page an agency's publications appear on."""
    keys = [agency_cache_key(agency.pk), province_cache_key(province_of(agency).pk), INDEX_CACHE_KEY]
    return keys + [html_key(key) for key in keys]
