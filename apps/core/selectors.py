"""Reads every app shares: a user's own saved filters (nobody else's, not even a colleague's)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .models import SavedFilter


def saved_filter_list_for_user(*, user: Any, register: str) -> QuerySet[SavedFilter]:
    return SavedFilter.objects.filter(user_id=user.pk, register=register)


def saved_filter_get_for_user(*, user: Any, pk: int) -> SavedFilter:
    saved = SavedFilter.objects.filter(user_id=user.pk, pk=pk).first()
    if saved is None:
        raise Http404("Không tìm thấy bộ lọc đã lưu.")
    return saved
