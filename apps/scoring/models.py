"""PAR INDEX criteria sets: a province's decision (or a sample) and its tree of criteria."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency
from domain.scoring.tree import Method

from .choices import METHOD_CHOICES, SetLevel, SetStatus

SAMPLE_LABEL = "Bộ tiêu chí mẫu — thay bằng quyết định của tỉnh"


class CriteriaSet(VersionedModel, AuditedModel):
    """The criteria of one year and level as a province decides them; without a province it is a sample."""

    version_subject = "Bộ tiêu chí"

    name = models.CharField(_("tên bộ tiêu chí"), max_length=255)
    decision_number = models.CharField(
        _("số, ký hiệu quyết định"), max_length=64, blank=True, help_text=_("Ví dụ: 2211/QĐ-UBND.")
    )
    decision_date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("tỉnh ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="criteria_sets",
        help_text=_("UBND tỉnh ban hành bộ tiêu chí; để trống là bộ tiêu chí mẫu."),
    )
    year = models.PositiveSmallIntegerField(_("năm áp dụng"))
    level = models.CharField(_("cấp áp dụng"), max_length=8, choices=SetLevel.choices)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=SetStatus.choices, default=SetStatus.DRAFT
    )
    total_points = models.DecimalField(
        _("tổng điểm"), max_digits=7, decimal_places=2, null=True, blank=True, default=Decimal(100)
    )
    is_sample = models.BooleanField(SAMPLE_LABEL, default=False)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("sao chép từ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    # Set once the first agency starts its self-assessment on this set (a later step): from then on the set is
    # never changed, only copied forward.
    locked = models.BooleanField(_("đã có cơ quan bắt đầu tự đánh giá"), default=False)
    sources = models.TextField(_("nguồn"), blank=True)
    # A thang điểm thi đua of an emulation movement (apps.rewards), not a PAR INDEX set: kept out of the PAR pages.
    contest = models.BooleanField(_("thang điểm thi đua"), default=False)

    class Meta:
        verbose_name = _("bộ tiêu chí")
        verbose_name_plural = _("bộ tiêu chí")
        ordering = ["-year", "level", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="criteria_set_year_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def reference_label(self) -> str:
        if self.decision_number:
            when = f" ngày {self.decision_date:%d/%m/%Y}" if self.decision_date else ""
            return f"Quyết định số {self.decision_number}{when}"
        return SAMPLE_LABEL if self.is_sample else "Chưa ghi quyết định"


class Criterion(VersionedModel, AuditedModel):
    """One node of a set's tree: lĩnh vực, tiêu chí or tiêu chí thành phần."""

    version_subject = "Tiêu chí"

    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("mã"), max_length=32)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc tiêu chí"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.TextField(_("tên tiêu chí"))
    max_points = models.DecimalField(
        _("điểm tối đa"),
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Để trống ở tiêu chí có tiêu chí thành phần: điểm tối đa là tổng của chúng."),
    )
    method = models.CharField(
        _("phương pháp"), max_length=16, choices=METHOD_CHOICES, default=Method.SELF_ASSESSED.value
    )
    evidence = models.TextField(_("tài liệu kiểm chứng"), blank=True)
    guide = models.TextField(_("hướng dẫn chấm điểm"), blank=True)
    rule = models.JSONField(_("quy tắc chấm"), null=True, blank=True)
    unverified = models.BooleanField(_("chưa đối chiếu"), default=False)
    # For a criterion computed from data: the indicator of the catalogue (apps.indicators) whose value of the
    # agency and year is scored by the rule, e.g. "task_completion_rate".
    source = models.CharField(_("nguồn số liệu"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("tiêu chí")
        verbose_name_plural = _("tiêu chí")
        ordering = ["criteria_set", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["criteria_set", "code"], name="criterion_code_unique_in_set"),
            models.CheckConstraint(
                condition=Q(max_points__isnull=True) | Q(max_points__gte=0),
                name="criterion_points_not_negative",
            ),
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="criterion_not_own_parent"),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"

    def audit_agency_id(self) -> int | None:
        return self.criteria_set.agency_id
