"""Writes of the transparency portal: a publisher puts figures up and takes them down; each change is recorded
(who, when) and clears the cached public pages it appears on."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.organizations.models import Agency

from . import registry, selectors
from .models import Publication

PUBLISH = "transparency.publish_figures"


@dataclass(frozen=True)
class Change:
    added: list[str]
    removed: list[str]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def _require(user: Any, agency: Agency) -> None:
    if not user.has_perm(PUBLISH, agency):
        raise PermissionDenied("Chỉ đầu mối CCHC hoặc lãnh đạo của cơ quan được chọn số liệu công khai.")


def invalidate(agency: Agency) -> None:
    cache.delete_many(selectors.cache_keys_for(agency))


def publication_set(*, user: Any, agency: Agency, keys: Iterable[str]) -> Change:
    """Make the agency's published figures exactly `keys`: new ones go up, the others come down."""
    _require(user, agency)
    wanted = {key.strip() for key in keys if key and key.strip()}
    unknown = sorted(wanted - registry.spec_keys())
    if unknown:
        raise ValidationError(f"Số liệu không có trong danh mục công khai: {', '.join(unknown)}.")
    now = timezone.now()
    with transaction.atomic():
        Agency.objects.select_for_update().filter(pk=agency.pk).first()
        live = {p.key: p for p in Publication.objects.filter(agency=agency, withdrawn_at__isnull=True)}
        removed = sorted(set(live) - wanted)
        added = sorted(wanted - set(live))
        if removed:
            Publication.objects.filter(pk__in=[live[key].pk for key in removed]).update(
                withdrawn_at=now, withdrawn_by=user
            )
        Publication.objects.bulk_create(
            [Publication(agency=agency, key=key, published_at=now, published_by=user) for key in added]
        )
    if added or removed:
        invalidate(agency)
    return Change(added, removed)


def publication_withdraw(*, user: Any, agency: Agency, key: str) -> bool:
    """Take one figure down at once; False when it was not up."""
    _require(user, agency)
    with transaction.atomic():
        count = Publication.objects.filter(agency=agency, key=key, withdrawn_at__isnull=True).update(
            withdrawn_at=timezone.now(), withdrawn_by=user
        )
    if count:
        invalidate(agency)
    return bool(count)
