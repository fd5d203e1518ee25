"""Civil-servant and unit ratings (Nghị định 335/2025): what the register does not know and people decide.

The products themselves are the task occurrences each person is accountable for (apps.tasks), read live; kept
here are only what people add to them: a product's converted weight and an objective-cause exemption
(``ProductSetting``), work outside every plan (``ExtraProduct``), each person's rating of a period with the
general criteria, the head's score and the agency's decision (``Rating``), a unit's or the agency's own rating
(``UnitRating``), the agency's choice of the parameters left open by the sources (``RatingPolicy``) and every
change made after the results were locked (``RatingChange``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Person, Unit
from apps.tasks.models import Occurrence

from .choices import AggregationChoice, RatingStatus, RoundingChoice, TaskGroup


def _points(label: Any) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(label, max_digits=6, decimal_places=2, null=True, blank=True)


class RatingPolicy(VersionedModel, AuditedModel):
    """The agency's choice where Nghị định 335 as we could read it leaves a value open (chưa đối chiếu)."""

    version_subject = "Tham số xếp loại"

    agency = models.OneToOneField(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="rating_policy"
    )
    aggregation = models.CharField(
        _("tổng hợp tháng → quý → năm"),
        max_length=16,
        choices=AggregationChoice.choices,
        default=AggregationChoice.CUMULATIVE,
    )
    quota_rounding = models.CharField(
        _("làm tròn số người được xếp xuất sắc"),
        max_length=16,
        choices=RoundingChoice.choices,
        default=RoundingChoice.DOWN,
    )
    exception_quota_percent = models.DecimalField(
        _("tỷ lệ xuất sắc khi được ngoại lệ (%)"), max_digits=5, decimal_places=2, default=Decimal(25)
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("tham số xếp loại của cơ quan")
        verbose_name_plural = _("tham số xếp loại của cơ quan")

    def __str__(self) -> str:
        return f"Tham số xếp loại — {self.agency}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class ProductSetting(VersionedModel, AuditedModel):
    """The unit head's word on one product of one person: its converted weight (quy đổi) and, for a delay or a
    fault with an objective cause, the exemption the superior confirmed."""

    version_subject = "Sản phẩm"

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="rating_settings")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="product_settings")
    units = models.DecimalField(
        _("khối lượng quy đổi"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    exempt = models.BooleanField(_("nguyên nhân khách quan (không trừ điểm)"), default=False)
    exempt_reason = models.TextField(_("nguyên nhân khách quan"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cấp trên xác nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_on = models.DateField(_("ngày xác nhận"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("sản phẩm được đánh giá")
        verbose_name_plural = _("sản phẩm được đánh giá")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "person"], name="rating_setting_one_per_product"),
            models.CheckConstraint(condition=models.Q(units__gt=0), name="rating_setting_units_positive"),
        ]

    def audit_agency_id(self) -> int | None:
        return self.person.agency_id


class ExtraProduct(VersionedModel, AuditedModel):
    """Work assigned outside every plan (việc phát sinh), added by the unit head with the same fields as a task
    occurrence, so that the score covers all the work."""

    version_subject = "Việc phát sinh"

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="extra_products")
    person = models.ForeignKey(
        Person, verbose_name=_("người thực hiện"), on_delete=models.CASCADE, related_name="extra_products"
    )
    title = models.CharField(_("sản phẩm, công việc"), max_length=500)
    assigned_on = models.DateField(_("ngày giao"))
    due_on = models.DateField(_("hạn"))
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    to_standard = models.BooleanField(_("đạt yêu cầu chất lượng"), default=False)
    major_faults = models.PositiveSmallIntegerField(_("số lần trả lại vì sai sót lớn"), default=0)
    units = models.DecimalField(
        _("khối lượng quy đổi"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    exempt = models.BooleanField(_("nguyên nhân khách quan (không trừ điểm)"), default=False)
    exempt_reason = models.TextField(_("nguyên nhân khách quan"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("việc phát sinh")
        verbose_name_plural = _("việc phát sinh")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["person", "due_on"], name="extra_product_person_due")]
        constraints = [
            models.CheckConstraint(condition=models.Q(units__gt=0), name="extra_product_units_positive"),
        ]

    def __str__(self) -> str:
        return self.title[:80]

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Rating(VersionedModel, AuditedModel):
    """One person's rating of one period (a month, a quarter or the year): the task points computed from the
    register when it is looked at (frozen here when the head decides), the general criteria self-scored then
    scored by the unit head, the grade after the cap on "xuất sắc"."""

    version_subject = "Phiếu đánh giá"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="ratings")
    person = models.ForeignKey(
        Person, verbose_name=_("cán bộ"), on_delete=models.PROTECT, related_name="ratings"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL)
    period = models.CharField(_("kỳ đánh giá"), max_length=8)
    task_group = models.CharField(
        _("nhóm nhiệm vụ"), max_length=16, choices=TaskGroup.choices, default=TaskGroup.STAFF
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=RatingStatus.choices, default=RatingStatus.DRAFT
    )
    self_general = _points(_("tự chấm tiêu chí chung"))
    self_comment = models.TextField(_("tự nhận xét"), blank=True)
    self_at = models.DateTimeField(null=True, blank=True)
    general_points = _points(_("điểm tiêu chí chung (trưởng đơn vị)"))
    general_reason = models.TextField(_("lý do"), blank=True)
    leader_d = _points(_("d — kết quả của đơn vị phụ trách (%)"))
    leader_dd = _points(_("đ — năng lực tổ chức thực hiện (%)"))
    leader_e = _points(_("e — đoàn kết, thống nhất (%)"))
    violations = models.JSONField(_("vi phạm"), default=list, blank=True)
    violation_note = models.TextField(_("căn cứ vi phạm"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(null=True, blank=True)
    # Frozen when the agency's head decides (the register may change afterwards; the decision does not).
    a = _points("a")
    b = _points("b")
    c = _points("c")
    task_points = _points(_("điểm kết quả nhiệm vụ"))
    total = _points(_("tổng điểm"))
    computed_grade = models.CharField(_("mức theo điểm"), max_length=16, blank=True)
    grade = models.CharField(_("xếp loại"), max_length=16, blank=True)
    grade_note = models.TextField(_("giải thích xếp loại"), blank=True)
    evidence = models.JSONField(_("sản phẩm khi quyết định"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("phiếu đánh giá, xếp loại")
        verbose_name_plural = _("phiếu đánh giá, xếp loại")
        ordering = ["agency", "period", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["person", "period"], name="rating_one_per_person_period")
        ]
        indexes = [models.Index(fields=["agency", "period"], name="rating_agency_period")]

    def __str__(self) -> str:
        return f"{self.person} · {self.period}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def is_decided(self) -> bool:
        return self.status == RatingStatus.DECIDED


class UnitRating(VersionedModel, AuditedModel):
    """A unit's (or, with no unit, the agency's own) rating of a period on the same 30 + 70 scale."""

    version_subject = "Xếp loại đơn vị"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="unit_ratings")
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.CASCADE, related_name="ratings")
    period = models.CharField(_("kỳ đánh giá"), max_length=8)
    general_points = _points(_("điểm tiêu chí chung"))
    general_reason = models.TextField(_("lý do"), blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scored_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("xếp loại đơn vị")
        verbose_name_plural = _("xếp loại đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["agency", "unit", "period"], name="unit_rating_one_per_period"),
            models.UniqueConstraint(
                fields=["agency", "period"],
                condition=models.Q(unit__isnull=True),
                name="agency_rating_one_per_period",
            ),
        ]

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class RatingChange(models.Model):
    """A change to a decided rating: who, when, why, and the values before and after."""

    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="changes")
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("lý do"))
    before = models.JSONField(default=dict)
    after = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.rating} · {self.reason[:60]}"
