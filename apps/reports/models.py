"""Periodic reports: each agency's schedule, the reports with their status, the units' parts, templates, files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Unit
from domain.periods import PeriodError, parse_period
from domain.report_periods import period_phrase, report_title

from .choices import ContributionStatus, PeriodKind, ReportStatus, ReportType


class ReportSchedule(VersionedModel, AuditedModel):
    """An agency's settings for one kind of report in one year; without one, the shipped rule applies."""

    version_subject = "Lịch báo cáo"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="report_schedules"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    report_type = models.CharField(_("loại báo cáo"), max_length=16, choices=ReportType.choices)
    enabled = models.BooleanField(_("phải báo cáo"), default=True)
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=8, choices=PeriodKind.choices)
    periods = models.JSONField(
        _("các kỳ trong năm"), default=list, help_text=_("Số thứ tự tháng, quý, nửa năm (ví dụ quý 1 và 3).")
    )
    cutoff_day = models.PositiveSmallIntegerField(
        _("ngày chốt số liệu"),
        default=15,
        help_text=_(
            "Số liệu tính từ ngày này của tháng trước đến ngày liền trước của tháng cuối kỳ; 0: theo tháng dương lịch."
        ),
    )
    deadline_day = models.PositiveSmallIntegerField(_("hạn gửi: ngày"), default=20)
    deadline_offset_months = models.SmallIntegerField(
        _("hạn gửi: lệch tháng"),
        default=0,
        help_text=_("0: trong tháng cuối kỳ; 1: tháng sau kỳ; −1: tháng trước tháng cuối kỳ."),
    )
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("lịch báo cáo")
        verbose_name_plural = _("lịch báo cáo")
        ordering = ["agency", "year", "report_type"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "year", "report_type"], name="report_schedule_unique"),
            models.CheckConstraint(condition=Q(cutoff_day__lte=28), name="report_schedule_cutoff_day"),
            models.CheckConstraint(
                condition=Q(deadline_day__gte=1, deadline_day__lte=31), name="report_schedule_deadline_day"
            ),
            models.CheckConstraint(
                condition=Q(deadline_offset_months__gte=-11, deadline_offset_months__lte=3),
                name="report_schedule_deadline_offset",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_report_type_display()} · {self.year} · {self.agency}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Report(VersionedModel, AuditedModel):
    """One report of an agency for one period, from draft to sent, with the text the focal point compiled."""

    version_subject = "Báo cáo"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="reports"
    )
    report_type = models.CharField(_("loại báo cáo"), max_length=16, choices=ReportType.choices)
    period_code = models.CharField(_("kỳ"), max_length=8)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    window_start = models.DateField(_("số liệu từ ngày"))
    window_end = models.DateField(_("số liệu đến ngày"))
    deadline = models.DateField(_("hạn gửi"))
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=64, blank=True)
    subject = models.TextField(_("trích yếu"))
    signer = models.CharField(_("người ký"), max_length=128, blank=True)
    signer_title = models.CharField(
        _("chức vụ người ký"), max_length=128, blank=True, help_text=_("Ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    )
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    opening = models.TextField(_("mở đầu"), blank=True)
    overview = models.TextField(_("kết quả chung"), blank=True)
    sections = models.JSONField(_("nội dung theo lĩnh vực"), default=dict, blank=True)
    strengths = models.TextField(_("ưu điểm"), blank=True)
    weaknesses = models.TextField(_("tồn tại, hạn chế"), blank=True)
    next_tasks = models.TextField(_("nhiệm vụ kỳ tới"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    closing = models.TextField(_("câu kết"), blank=True)
    compiled_at = models.DateTimeField(_("tổng hợp lúc"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    sent_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        ordering = ["-deadline", "agency", "report_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "report_type", "period_code"], name="report_unique_per_period"
            ),
            models.CheckConstraint(
                condition=Q(window_end__gte=models.F("window_start")), name="report_window_order"
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="report_status_deadline")]

    def __str__(self) -> str:
        return f"{self.title} · {self.agency}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def period_label(self) -> str:
        """ "năm 2026", "quý I năm 2026"; the code itself if it cannot be read."""
        try:
            return period_phrase(parse_period(self.period_code))
        except PeriodError:
            return self.period_code

    @property
    def title(self) -> str:
        """ "Báo cáo CCHC năm 2026", "Báo cáo CCHC quý I năm 2026"."""
        try:
            return report_title(self.report_type, parse_period(self.period_code))
        except PeriodError:
            return f"{self.get_report_type_display()} {self.period_code}"

    @property
    def reference_label(self) -> str:
        return f"{self.number or '…'}/{self.symbol}" if self.symbol else self.number


class Contribution(VersionedModel, AuditedModel):
    """A unit's part of a report: its text per reform area, difficulties and proposals, pre-filled from data."""

    version_subject = "Nội dung của đơn vị"

    report = models.ForeignKey(
        Report, verbose_name=_("báo cáo"), on_delete=models.CASCADE, related_name="contributions"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="report_contributions"
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ContributionStatus.choices, default=ContributionStatus.PENDING
    )
    sections = models.JSONField(_("nội dung theo lĩnh vực"), default=dict, blank=True)
    figures = models.JSONField(_("số liệu của đơn vị"), default=dict, blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người gửi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("nội dung báo cáo của đơn vị")
        verbose_name_plural = _("nội dung báo cáo của đơn vị")
        ordering = ["report", "unit__name"]
        constraints = [models.UniqueConstraint(fields=["report", "unit"], name="contribution_unit_once")]

    def __str__(self) -> str:
        return f"{self.unit} · {self.report}"

    def audit_agency_id(self) -> int | None:
        return self.report.agency_id

    @property
    def agency_id(self) -> int:
        return self.report.agency_id


class ReportTemplate(AuditedModel):
    """An agency's Word template (docxtpl) for its reports, of one kind or of every kind."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="report_templates"
    )
    report_type = models.CharField(
        _("loại báo cáo"),
        max_length=16,
        choices=ReportType.choices,
        blank=True,
        help_text=_("Để trống: mọi loại báo cáo."),
    )
    file = models.FileField(_("tệp mẫu"), upload_to=RandomPath("report-templates"))
    original_name = models.CharField(_("tên tệp"), max_length=255)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    problems = models.JSONField(_("lưu ý khi kiểm tra mẫu"), default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")
        ordering = ["agency", "report_type", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "report_type"],
                condition=Q(is_active=True),
                name="one_active_template_per_kind",
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class ReportFile(models.Model):
    """A generated file kept with the report: the PDF made in the background, the Word file as it was sent."""

    DOCX, XLSX, PDF = "docx", "xlsx", "pdf"
    KINDS = [(DOCX, "Word"), (XLSX, "Excel"), (PDF, "PDF")]

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(_("loại tệp"), max_length=8, choices=KINDS)
    file = models.FileField(_("tệp"), upload_to=RandomPath("reports"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp báo cáo")
        verbose_name_plural = _("tệp báo cáo")
        ordering = ["report", "-created_at"]

    def __str__(self) -> str:
        return f"{self.report} · {self.kind}"
