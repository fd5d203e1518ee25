"""The feedback register (phản ánh, kiến nghị): received, forwarded or answered, on time or late."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Unit
from domain.indicators.feedback_rates import FeedbackFacts

from .choices import FeedbackChannel, Remit


class Feedback(VersionedModel, AuditedModel):
    """One feedback or petition from a citizen or a business."""

    version_subject = "Phản ánh, kiến nghị này"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="feedback"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    code = models.CharField(_("mã phản ánh"), max_length=64)
    received_on = models.DateField(_("ngày tiếp nhận"))
    channel = models.CharField(
        _("kênh tiếp nhận"), max_length=16, choices=FeedbackChannel.choices, default=FeedbackChannel.IN_PERSON
    )
    sender = models.CharField(_("người gửi"), max_length=255, blank=True)
    subject = models.TextField(_("nội dung"))
    remit = models.CharField(_("thẩm quyền"), max_length=16, choices=Remit.choices, default=Remit.OWN)
    forwarded_to = models.CharField(_("chuyển đến"), max_length=255, blank=True)
    forward_due_on = models.DateField(_("hạn chuyển"), null=True, blank=True)
    forwarded_on = models.DateField(_("ngày chuyển"), null=True, blank=True)
    due_on = models.DateField(_("hạn xử lý"), null=True, blank=True)
    replied_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    reply_summary = models.TextField(_("kết quả xử lý"), blank=True)
    satisfied = models.BooleanField(_("hài lòng"), null=True, blank=True)
    late_complaint = models.BooleanField(_("phàn nàn chậm xử lý"), default=False)
    search_text = models.TextField(blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phản ánh, kiến nghị")
        verbose_name_plural = _("phản ánh, kiến nghị")
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="feedback_code_unique_in_agency"),
            models.CheckConstraint(
                condition=models.Q(due_on__isnull=True) | models.Q(due_on__gte=models.F("received_on")),
                name="feedback_due_after_receipt",
            ),
            models.CheckConstraint(
                condition=models.Q(replied_on__isnull=True)
                | models.Q(replied_on__gte=models.F("received_on")),
                name="feedback_reply_after_receipt",
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "received_on"], name="feedback_agency_received"),
            models.Index(fields=["agency", "due_on"], name="feedback_agency_due"),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.subject[:60]}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def facts(self) -> FeedbackFacts:
        return FeedbackFacts(
            received_on=self.received_on,
            remit=self.remit,
            due_on=self.due_on,
            replied_on=self.replied_on,
            forwarded_on=self.forwarded_on,
            satisfied=self.satisfied,
            late_complaint=self.late_complaint,
        )
