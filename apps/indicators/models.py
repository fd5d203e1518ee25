"""The indicator catalogue, measurements per agency and period, targets linked to indicators, 766 scores.

The catalogue is reference data (migration 0002) versioned by effective dates; what each computed indicator
means is defined once in `domain.indicators` and read here, never redefined.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Unit
from apps.plans.models import Target
from domain.indicators.duty_timeliness import DeadlineError, parse_year_deadline

from .choices import Direction, LinkStatus, Method, Origin, Source


class ServiceIndexGroup(models.Model):
    """A group of the service index of Quyết định 766/QĐ-TTg with its points; reference data."""

    code = models.CharField(_("mã"), max_length=32)
    name = models.CharField(_("tên nhóm"), max_length=255)
    points = models.DecimalField(_("điểm tối đa"), max_digits=6, decimal_places=2)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    source = models.CharField(_("căn cứ"), max_length=255)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("nhóm chỉ số phục vụ (QĐ 766)")
        verbose_name_plural = _("nhóm chỉ số phục vụ (QĐ 766)")
        ordering = ["order"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="service_group_version")]

    def __str__(self) -> str:
        return f"{self.name} ({self.points:g} điểm)"


class Indicator(models.Model):
    """A catalogue entry: what is measured, in what unit, which way is better, how, and from which source."""

    code = models.CharField(_("mã"), max_length=64)
    name = models.CharField(_("tên chỉ số"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=32)
    direction = models.CharField(
        _("chiều tốt"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    method = models.CharField(_("cách đo"), max_length=16, choices=Method.choices)
    source = models.CharField(_("nguồn"), max_length=16, choices=Source.choices)
    source_note = models.CharField(_("căn cứ"), max_length=255, blank=True)
    definition = models.TextField(_("cách tính"), blank=True)
    group = models.ForeignKey(
        ServiceIndexGroup,
        verbose_name=_("nhóm QĐ 766"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    # A value the computation needs that a province decides (the annual plan's deadline); dated by the row's
    # valid_from / valid_to like the rest of the entry.
    parameter = models.CharField(
        _("tham số"),
        max_length=64,
        blank=True,
        help_text=_(
            "Chỉ số tính từ sổ kế hoạch: hạn ban hành kế hoạch CCHC năm theo quyết định của tỉnh, ghi ngày/tháng "
            "của năm kế hoạch (31/01) hoặc của năm trước (15/12 năm trước)."
        ),
    )
    parameter_unverified = models.BooleanField(
        _("tham số chưa đối chiếu"),
        default=False,
        help_text=_("Bỏ chọn khi đã đối chiếu tham số với văn bản của tỉnh."),
    )
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("chỉ số")
        verbose_name_plural = _("danh mục chỉ số")
        ordering = ["order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "valid_from"], name="indicator_version")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.method == Method.PLANS:
            try:
                parse_year_deadline(self.parameter)
            except DeadlineError as error:
                raise ValidationError({"parameter": str(error)}) from None

    @property
    def is_rate(self) -> bool:
        return self.unit == "%"

    @property
    def is_computed(self) -> bool:
        return self.method != Method.ENTERED


class Measurement(AuditedModel):
    """A value of an indicator for an agency (or one of its units) and a period, with where it came from."""

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ số"), on_delete=models.PROTECT, related_name="measurements"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="measurements"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.CharField(_("kỳ"), max_length=8, help_text=_("2026, 2026-H1, 2026-Q1 hoặc 2026-03."))
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    value = models.DecimalField(_("giá trị"), max_digits=14, decimal_places=4, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=14, decimal_places=2, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=14, decimal_places=2, null=True, blank=True)
    origin = models.CharField(
        _("nguồn số liệu"), max_length=16, choices=Origin.choices, default=Origin.ENTERED
    )
    provenance = models.CharField(_("xuất xứ"), max_length=255, blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to=RandomPath("measurements"), blank=True)
    evidence_name = models.CharField(_("tên tệp minh chứng"), max_length=255, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now=True)

    class Meta:
        verbose_name = _("số liệu chỉ số")
        verbose_name_plural = _("số liệu chỉ số")
        ordering = ["indicator", "-period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "agency", "period"],
                condition=Q(unit__isnull=True),
                name="measurement_once_per_agency_period",
            ),
            models.UniqueConstraint(
                fields=["indicator", "agency", "unit", "period"],
                condition=Q(unit__isnull=False),
                name="measurement_once_per_unit_period",
            ),
        ]
        indexes = [models.Index(fields=["agency", "period"], name="measurement_agency_period")]

    def __str__(self) -> str:
        return f"{self.indicator.code} · {self.agency} · {self.period}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class TargetLink(VersionedModel, AuditedModel):
    """Which catalogue indicator measures a plan's target (proposed from its text, confirmed by the focal point)."""

    version_subject = "Chỉ số của chỉ tiêu này"

    target = models.OneToOneField(Target, on_delete=models.CASCADE, related_name="indicator_link")
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("chỉ số"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=LinkStatus.choices)
    reason = models.CharField(_("lý do đề xuất"), max_length=255, blank=True)
    assigned_value = models.DecimalField(
        _("mức chỉ tiêu được giao"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Cho chỉ tiêu “theo mục tiêu Chính phủ/tỉnh giao”: mức giao của năm."),
    )
    baseline_value = models.DecimalField(
        _("số liệu năm gốc"),
        max_digits=14,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("Khi hệ thống chưa có số liệu của năm so sánh (ví dụ năm 2025)."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("liên kết chỉ tiêu – chỉ số")
        verbose_name_plural = _("liên kết chỉ tiêu – chỉ số")

    def __str__(self) -> str:
        return f"{self.target} → {self.indicator or '—'}"

    def audit_agency_id(self) -> int | None:
        return self.target.objective.plan.agency_id


class ServiceIndexScore(AuditedModel):
    """The points of one 766 group the national portal published for an agency and month."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="service_index_scores"
    )
    month = models.CharField(_("tháng"), max_length=7, help_text=_("Ví dụ 2026-03."))
    group = models.ForeignKey(
        ServiceIndexGroup, verbose_name=_("nhóm"), on_delete=models.PROTECT, related_name="+"
    )
    points = models.DecimalField(_("điểm"), max_digits=6, decimal_places=2)
    source = models.CharField(_("nguồn"), max_length=255, blank=True, default="Cổng Dịch vụ công quốc gia")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("ghi nhận lúc"), auto_now=True)

    class Meta:
        verbose_name = _("điểm QĐ 766 công bố")
        verbose_name_plural = _("điểm QĐ 766 công bố")
        ordering = ["agency", "-month", "group__order"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "month", "group"], name="service_score_once"),
            models.CheckConstraint(condition=Q(points__gte=0), name="service_score_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.agency} · {self.month} · {self.group.code}: {self.points}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id
