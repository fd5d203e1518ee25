"""CCHC inspections: an agency's plan of the year, each inspection of one of its units or of an agency below
it, the checklist results, the findings and the remediation tasks that follow each finding until it is closed."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.organizations.models import Agency, Unit
from apps.tasks.models import Task

from .choices import Mode, Result


class InspectionPlan(AuditedModel):
    """Kế hoạch kiểm tra công tác CCHC of one agency for one year, with its targets."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="inspection_plans"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch"), max_length=255)
    unit_target = models.DecimalField(
        _("tỷ lệ đơn vị được kiểm tra tối thiểu (%)"), max_digits=5, decimal_places=1, default=Decimal(20)
    )
    digital_target = models.DecimalField(
        _("tỷ lệ cuộc kiểm tra trên hệ thống số tối thiểu (%)"),
        max_digits=5,
        decimal_places=1,
        default=Decimal(70),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")
        ordering = ["-year", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="inspection_plan_per_year")]

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Inspection(AuditedModel):
    """One inspection: a unit of the plan's agency or an agency below it, when, how, on which content."""

    plan = models.ForeignKey(
        InspectionPlan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="inspections"
    )
    # The inspecting agency (the plan's), kept here so every read is scoped by one column.
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan kiểm tra"), on_delete=models.PROTECT, related_name="inspections"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị được kiểm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    target_agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan được kiểm tra"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspected_by",
    )
    scheduled_on = models.DateField(_("thời gian dự kiến"))
    held_on = models.DateField(_("ngày kiểm tra"), null=True, blank=True)
    mode = models.CharField(_("hình thức"), max_length=16, choices=Mode.choices, default=Mode.ON_SITE)
    areas = models.JSONField(_("lĩnh vực kiểm tra"), default=list, blank=True)
    team = models.TextField(
        _("thành phần đoàn kiểm tra"), blank=True, help_text=_("Mỗi dòng: Họ tên, chức vụ — vai trò.")
    )
    representatives = models.TextField(_("đại diện đơn vị được kiểm tra"), blank=True)
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    record_number = models.CharField(_("số biên bản"), max_length=16, blank=True)
    notice_number = models.CharField(_("số thông báo kết luận"), max_length=16, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc kiểm tra")
        verbose_name_plural = _("cuộc kiểm tra")
        ordering = ["scheduled_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, target_agency__isnull=True)
                | Q(unit__isnull=True, target_agency__isnull=False),
                name="inspection_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"Kiểm tra {self.target_name}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def target_name(self) -> str:
        target = self.unit or self.target_agency
        return target.name if target else ""

    @property
    def inspected_agency_id(self) -> int | None:
        return self.unit.agency_id if self.unit_id and self.unit else self.target_agency_id


class ChecklistItem(AuditedModel):
    """One item checked: đạt / chưa đạt / không áp dụng, with a note."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="checklist")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("nội dung kiểm tra"), max_length=500)
    result = models.CharField(_("kết quả"), max_length=8, choices=Result.choices, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("nội dung kiểm tra")
        verbose_name_plural = _("nội dung kiểm tra")
        ordering = ["inspection", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def audit_agency_id(self) -> int | None:
        return self.inspection.agency_id


class Finding(AuditedModel):
    """What the team found that must be put right (tồn tại, hạn chế)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("tồn tại, hạn chế"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tồn tại, hạn chế")
        verbose_name_plural = _("tồn tại, hạn chế")
        ordering = ["inspection", "order", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def audit_agency_id(self) -> int | None:
        return self.inspection.agency_id


class Remediation(AuditedModel):
    """A remediation item of a finding: a real task of the inspected agency's remediation plan."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="remediations")
    task = models.OneToOneField(Task, on_delete=models.PROTECT, related_name="remediation")

    class Meta:
        verbose_name = _("yêu cầu khắc phục")
        verbose_name_plural = _("yêu cầu khắc phục")
        ordering = ["finding", "pk"]

    def __str__(self) -> str:
        return str(self.task)

    def audit_agency_id(self) -> int | None:
        return self.finding.inspection.agency_id
