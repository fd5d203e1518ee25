"""The communication register of an agency: articles and posts (tin, bài) per channel, events (hội nghị, tập
huấn) and QR posters put up, each tied to the communication plan it carries out and to one of that plan's content
areas; and the plan's targets per channel (articles per month) that the monthly check reads."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan

from .choices import Channel, EventKind


class ContentArea(AuditedModel):
    """One content area of a communication plan ("Cải cách thủ tục hành chính"), as the plan lists them."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nội dung tuyên truyền"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nội dung tuyên truyền")
        verbose_name_plural = _("nội dung tuyên truyền")
        ordering = ["plan", "order", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "name"], name="communications_area_unique")]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.plan.agency_id


class ChannelTarget(AuditedModel):
    """How many articles a month a channel must carry under a plan ("ít nhất 01 tin, bài mỗi tháng")."""

    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(_("kênh"), max_length=16, choices=Channel.choices)
    per_month = models.PositiveSmallIntegerField(_("số tin, bài mỗi tháng"))
    source_text = models.TextField(_("câu chỉ tiêu trong kế hoạch"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu tuyên truyền")
        verbose_name_plural = _("chỉ tiêu tuyên truyền")
        ordering = ["plan", "channel"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "channel"], name="communications_target_one_per_channel"),
            models.CheckConstraint(condition=Q(per_month__gte=1), name="communications_target_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.per_month} tin, bài/tháng"

    def audit_agency_id(self) -> int | None:
        return self.plan.agency_id


class Article(AuditedModel):
    """A news item, article or post published on a channel, or a QR poster put up (where, when)."""

    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("tiêu đề"), max_length=500)
    channel = models.CharField(_("kênh"), max_length=16, choices=Channel.choices)
    area = models.ForeignKey(
        ContentArea,
        verbose_name=_("nội dung tuyên truyền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    published_on = models.DateField(_("ngày đăng"))
    link = models.URLField(_("đường dẫn"), max_length=1000, blank=True)
    link_key = models.CharField(max_length=1000, blank=True, editable=False)
    author_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị viết bài"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    place = models.CharField(_("nơi niêm yết"), max_length=255, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=RandomPath("communications"), blank=True)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tin, bài tuyên truyền")
        verbose_name_plural = _("tin, bài tuyên truyền")
        ordering = ["-published_on", "-pk"]
        indexes = [models.Index(fields=["agency", "published_on"], name="communications_article_month")]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "link_key"],
                condition=~Q(link_key=""),
                name="communications_article_link_once",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Event(AuditedModel):
    """A conference, training or dialogue held to communicate the reform, with how many attended."""

    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, verbose_name=_("kế hoạch"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=EventKind.choices)
    title = models.CharField(_("tên hội nghị, lớp tập huấn"), max_length=500)
    held_on = models.DateField(_("ngày tổ chức"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    attendance = models.PositiveIntegerField(_("số người tham dự"))
    area = models.ForeignKey(
        ContentArea,
        verbose_name=_("nội dung tuyên truyền"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hội nghị, tập huấn")
        verbose_name_plural = _("hội nghị, tập huấn")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.agency_id
