"""The agency tree: agencies (UBND tỉnh, Sở, UBND xã), their units and their people."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.versioning import VersionedModel

from .choices import AgencyLevel, UnitKind


class Agency(VersionedModel, AuditedModel):
    """A node of the agency tree: a province, a department, a commune."""

    version_subject = "Cơ quan"

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    level = models.CharField(_("cấp"), max_length=16, choices=AgencyLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    place_name = models.CharField(
        _("địa danh"),
        max_length=64,
        blank=True,
        help_text=_("Dùng trong dòng địa danh, ngày tháng của văn bản."),
    )
    document_symbol = models.CharField(
        _("chữ viết tắt trên văn bản"), max_length=32, blank=True, help_text=_("Ví dụ: SXD trong 13/KH-SXD.")
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=models.F("pk")), name="agency_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.pk


class Unit(VersionedModel, AuditedModel):
    """A part of an agency: phòng, ban, đơn vị trực thuộc, bộ phận."""

    version_subject = "Đơn vị"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="units"
    )
    code = models.CharField(_("mã"), max_length=32)
    name = models.CharField(_("tên"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=UnitKind.choices, default=UnitKind.DIVISION)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_focal = models.BooleanField(_("đầu mối CCHC"), default=False)
    aliases = models.TextField(
        _("tên gọi khác"), blank=True, help_text=_("Mỗi dòng một tên gọi khác dùng trong văn bản.")
    )
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "code"], name="unit_code_unique_in_agency"),
            models.UniqueConstraint(fields=["agency", "name"], name="unit_name_unique_in_agency"),
            models.UniqueConstraint(
                fields=["agency"], condition=Q(is_focal=True), name="one_focal_unit_per_agency"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def alias_list(self) -> list[str]:
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class Person(VersionedModel, AuditedModel):
    """A civil servant or employee (cán bộ, công chức, viên chức, người lao động) of an agency."""

    version_subject = "Thông tin cán bộ"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="people"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    full_name = models.CharField(_("họ và tên"), max_length=128)
    position = models.CharField(_("chức vụ"), max_length=128, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=32, blank=True)
    is_active = models.BooleanField(_("đang công tác"), default=True)

    class Meta:
        verbose_name = _("cán bộ, công chức")
        verbose_name_plural = _("cán bộ, công chức")
        ordering = ["agency", "full_name"]

    def __str__(self) -> str:
        return self.full_name

    def audit_agency_id(self) -> int | None:
        return self.agency_id
