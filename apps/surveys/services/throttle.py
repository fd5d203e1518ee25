"""A fixed-window counter per key in the database, so every server process and machine shares it."""

from __future__ import annotations

import random
import time

from django.db import IntegrityError, transaction
from django.db.models import F

from ..models import RateBucket

PRUNE_CHANCE = 0.02


def hit(key: str, *, limit: int, window: int = 60) -> bool:
    """Count one hit for `key` in the current window; False once the window already holds `limit` hits."""
    bucket = int(time.time()) // window
    with transaction.atomic():
        updated = RateBucket.objects.filter(key=key, window=bucket).update(hits=F("hits") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateBucket.objects.create(key=key, window=bucket, hits=1)
            except IntegrityError:
                RateBucket.objects.filter(key=key, window=bucket).update(hits=F("hits") + 1)
            if random.random() < PRUNE_CHANCE:
                RateBucket.objects.filter(window__lt=bucket - 2).delete()
        hits = RateBucket.objects.filter(key=key, window=bucket).values_list("hits", flat=True).first() or 0
    return hits <= limit
