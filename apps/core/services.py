"""Writes every app shares: a register's saved filters (each user keeps their own)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import SavedFilter

SAVED_FILTER_LIMIT = 30


@transaction.atomic
def saved_filter_save(*, user: Any, register: str, name: str, query: str) -> SavedFilter:
    """Save (or replace, under the same name) the filters of a register for this user."""
    name = " ".join(name.split())[:80]
    if not name:
        raise ValidationError({"name": "Hãy đặt tên cho bộ lọc, ví dụ “Việc quá hạn của phòng”."})
    if len(query) > 2000:
        raise ValidationError("Bộ lọc quá dài để lưu; hãy bỏ bớt điều kiện.")
    existing = SavedFilter.objects.filter(user=user, register=register)
    if existing.count() >= SAVED_FILTER_LIMIT and not existing.filter(name=name).exists():
        raise ValidationError(f"Mỗi sổ giữ tối đa {SAVED_FILTER_LIMIT} bộ lọc; hãy xoá bớt bộ lọc cũ.")
    saved, _created = SavedFilter.objects.update_or_create(
        user=user, register=register, name=name, defaults={"query": query}
    )
    return saved


@transaction.atomic
def saved_filter_delete(*, saved_filter: SavedFilter) -> None:
    saved_filter.delete()
