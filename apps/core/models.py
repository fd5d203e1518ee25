"""What every app shares in the database: the rate limiter's counters and the registers' saved filters."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class SavedFilter(models.Model):
    """A register's filters, sorting and columns that one user saved under a name ("Việc quá hạn của Phòng")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="+"
    )
    register = models.CharField(_("sổ"), max_length=32)
    name = models.CharField(_("tên bộ lọc"), max_length=80)
    query = models.CharField(_("điều kiện lọc"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("lúc lưu"), auto_now_add=True)

    class Meta:
        verbose_name = _("bộ lọc đã lưu")
        verbose_name_plural = _("bộ lọc đã lưu")
        ordering = ["register", "name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "register", "name"], name="core_saved_filter_unique_name")
        ]

    def __str__(self) -> str:
        return self.name
