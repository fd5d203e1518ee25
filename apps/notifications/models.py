"""Notifications in the app and by e-mail, and what each person chose to receive."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.tasks.models import Occurrence

from .choices import NotificationKind


class Notification(models.Model):
    """A message to one person; its dedupe key is unique, so a job run twice sends nothing twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("loại"), max_length=32, choices=NotificationKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    dedupe_key = models.CharField(max_length=200, unique=True)
    in_app = models.BooleanField(_("hiện trong ứng dụng"), default=True)
    email_to = models.EmailField(_("gửi thư đến"), blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["user", "read_at"], condition=models.Q(in_app=True), name="notification_unread"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.title}"


class NotificationPreference(models.Model):
    """Whether one person receives one kind of notification in the app and by e-mail (both by default)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("loại"), max_length=32, choices=NotificationKind.choices)
    in_app = models.BooleanField(_("trong ứng dụng"), default=True)
    email = models.BooleanField(_("qua thư điện tử"), default=True)

    class Meta:
        verbose_name = _("lựa chọn nhận thông báo")
        verbose_name_plural = _("lựa chọn nhận thông báo")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}"


class Escalation(models.Model):
    """An overdue occurrence escalated to a level (1: unit head, 2: leader) — recorded once per level."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="escalations")
    level = models.PositiveSmallIntegerField(_("mức"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc quá hạn"))
    created_on = models.DateField(_("ngày"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chuyển cảnh báo quá hạn")
        verbose_name_plural = _("chuyển cảnh báo quá hạn")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "level"], name="escalate_once_per_level")
        ]

    def __str__(self) -> str:
        return f"{self.occurrence} · mức {self.level}"
