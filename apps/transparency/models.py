"""What each agency publishes on the public portal: one row per figure spec put up, with who put it up and when,
and who took it down and when (a row taken down stays as the record; publishing again makes a new row)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.organizations.models import Agency


class Publication(models.Model):
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="publications"
    )
    key = models.CharField(_("số liệu"), max_length=64)
    published_at = models.DateTimeField(_("ngày công khai"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người công khai"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("ngày gỡ"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gỡ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("số liệu công khai")
        verbose_name_plural = _("số liệu công khai")
        ordering = ["agency", "key", "-published_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "key"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="transparency_one_live_publication",
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_id}: {self.key}"

    @property
    def is_live(self) -> bool:
        return self.withdrawn_at is None
