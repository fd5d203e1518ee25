"""What every app shares in the database: the rate limiter's counters."""

from __future__ import annotations

from django.db import models


class RateBucket(models.Model):
    """Hits of one key (a hashed address, a token, an e-mail) in one time window; shared by every server process."""

    key = models.CharField(max_length=96)
    window = models.BigIntegerField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "window"], name="core_rate_bucket_unique")]
        indexes = [models.Index(fields=["window"], name="core_rate_bucket_window")]

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.window}: {self.hits}"
