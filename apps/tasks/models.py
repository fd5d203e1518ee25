"""Tasks under the "06 rõ" rule: what, who leads, who cooperates, when, what product, who accepts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.organizations.models import Agency, Person, Unit
from apps.plans.models import Objective, Plan, ReformArea

from .choices import Recurrence, ScheduleKind, TaskKind


class Task(AuditedModel):
    """A task (nhiệm vụ) or activity (hoạt động) of a plan."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="tasks"
    )
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    ref = models.CharField(_("số hiệu"), max_length=32)
    kind = models.CharField(_("loại"), max_length=16, choices=TaskKind.choices, default=TaskKind.TASK)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc nhiệm vụ"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    objective = models.ForeignKey(
        Objective,
        verbose_name=_("mục tiêu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    area = models.ForeignKey(
        ReformArea, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT
    )
    title = models.TextField(_("nội dung nhiệm vụ"))
    lead_text = models.CharField(_("chủ trì (như văn bản)"), max_length=255, blank=True)
    lead_units = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị chủ trì"), blank=True, related_name="led_tasks"
    )
    lead_is_group = models.BooleanField(_("chủ trì là nhóm đơn vị"), default=False)
    cooperating_text = models.CharField(_("phối hợp (như văn bản)"), max_length=255, blank=True)
    cooperating_units = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị phối hợp"), blank=True, related_name="cooperating_tasks"
    )
    unknown_units = models.JSONField(_("tên đơn vị chưa có trong hệ thống"), default=list, blank=True)
    timeline_raw = models.CharField(_("thời gian (như văn bản)"), max_length=255, blank=True)
    schedule_kind = models.CharField(
        _("loại thời gian"), max_length=16, choices=ScheduleKind.choices, default=ScheduleKind.UNKNOWN
    )
    start_on = models.DateField(_("bắt đầu"), null=True, blank=True)
    due_on = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    recurrence = models.CharField(_("lặp lại"), max_length=16, choices=Recurrence.choices, blank=True)
    recurrence_day = models.PositiveSmallIntegerField(
        _("ngày trong tháng của hạn định kỳ"), null=True, blank=True
    )
    recurrence_month = models.PositiveSmallIntegerField(_("tháng của hạn định kỳ"), null=True, blank=True)
    trigger = models.CharField(_("sự kiện khởi động"), max_length=255, blank=True)
    deliverable = models.TextField(_("sản phẩm, kết quả"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    accountable = models.ForeignKey(
        Person,
        verbose_name=_("người chịu trách nhiệm"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accountable_tasks",
    )
    authority = models.ForeignKey(
        Person,
        verbose_name=_("người nghiệm thu (thẩm quyền)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="authority_tasks",
    )
    implements = models.ForeignKey(
        "self",
        verbose_name=_("thực hiện nhiệm vụ của kế hoạch cấp trên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implemented_by",
    )
    six_clear = models.JSONField(_("06 rõ"), default=dict, blank=True)
    six_clear_reasons = models.JSONField(default=dict, blank=True)
    is_six_clear = models.BooleanField(_("đủ 06 rõ"), default=False)
    warnings = models.JSONField(_("cảnh báo khi nhập"), default=list, blank=True)
    search_text = models.TextField(blank=True, editable=False)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="task_ref_unique_in_plan")]
        indexes = [
            models.Index(fields=["agency", "due_on"], name="task_agency_due"),
            models.Index(fields=["agency", "is_six_clear"], name="task_agency_clear"),
        ]

    def __str__(self) -> str:
        return self.title[:80]

    def audit_agency_id(self) -> int | None:
        return self.agency_id
