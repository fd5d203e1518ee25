"""Rate limits shared by every server process and machine: a fixed-window counter per key in the database.

Used for the public survey page, failed sign-ins per address, password-reset mails and API calls with a token.
Keys are hashed before they are stored, so no address or e-mail sits in the table.
"""

from __future__ import annotations

import random
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.crypto import salted_hmac

from .models import RateBucket

PRUNE_CHANCE = 0.02


def bucket_key(kind: str, value: str) -> str:
    """`kind:` followed by a keyed hash of `value` (an address, an e-mail, a token id)."""
    return f"{kind}:{salted_hmac('core.throttle', value, algorithm='sha256').hexdigest()}"


def _window(window: int) -> int:
    return int(time.time()) // window


def hit(key: str, *, limit: int, window: int = 60) -> bool:
    """Count one hit for `key` in the current window; False once the window holds more than `limit` hits."""
    bucket = _window(window)
    with transaction.atomic():
        updated = RateBucket.objects.filter(key=key, window=bucket).update(hits=F("hits") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateBucket.objects.create(key=key, window=bucket, hits=1)
            except IntegrityError:
                RateBucket.objects.filter(key=key, window=bucket).update(hits=F("hits") + 1)
            if random.random() < PRUNE_CHANCE:
                # Windows of every length end within a day; older rows are of no use to anyone.
                RateBucket.objects.filter(
                    window__lt=bucket - 2, key__startswith=key.split(":", 1)[0]
                ).delete()
        hits = count(key, window=window)
    return hits <= limit


def count(key: str, *, window: int = 60) -> int:
    """The hits of `key` in the current window, without counting one."""
    found = RateBucket.objects.filter(key=key, window=_window(window)).values_list("hits", flat=True).first()
    return int(found or 0)


def allowed(key: str, *, limit: int, window: int = 60) -> bool:
    """Whether the current window of `key` still has room (checked before the work, counted after it)."""
    return count(key, window=window) < limit
