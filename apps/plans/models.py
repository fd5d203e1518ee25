"""Plans (Kế hoạch): the registry, their legal basis, objectives and targets, versions and imports."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency
from domain.targets import target_display

from .choices import Comparator, DocumentKind, ImportStatus, PlanStatus, PlanType, ReferenceRelation

REFERENCE_KIND_LABELS = {
    "plan": "Kế hoạch",
    "decision": "Quyết định",
    "resolution": "Nghị quyết",
    "decree": "Nghị định",
    "circular": "Thông tư",
    "directive": "Chỉ thị",
    "official_letter": "Công văn",
    "programme": "Chương trình",
    "guidance": "Hướng dẫn",
    "notice": "Thông báo",
    "law": "Luật",
    "document": "Văn bản",
}


class ReformArea(models.Model):
    """A reform area (lĩnh vực CCHC); reference data with effective dates."""

    code = models.CharField(_("mã"), max_length=32, unique=True)
    name = models.CharField(_("tên"), max_length=255)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("lĩnh vực CCHC")
        verbose_name_plural = _("lĩnh vực CCHC")
        ordering = ["order"]

    def __str__(self) -> str:
        return self.name


class Plan(VersionedModel, AuditedModel):
    """A plan an agency issued (or drafts), with its header as the document states it."""

    version_subject = "Kế hoạch"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="plans"
    )
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("địa danh"), max_length=64, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.TextField(_("trích yếu"))
    plan_type = models.CharField(
        _("loại kế hoạch"), max_length=32, choices=PlanType.choices, default=PlanType.OTHER
    )
    # A directive, a dispatch or a notice of conclusions is tracked like a plan: its assignments are tasks.
    document_kind = models.CharField(
        _("loại văn bản"), max_length=32, choices=DocumentKind.choices, default=DocumentKind.PLAN
    )
    period_start = models.DateField(_("từ ngày"), null=True, blank=True)
    period_end = models.DateField(_("đến ngày"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.ISSUED
    )
    signer = models.CharField(_("người ký"), max_length=128, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=128, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("thay thế kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="superseded_by",
    )
    # The document's revision: 1 when imported, +1 for each file imported over it (a PlanVersion each).
    revision = models.PositiveIntegerField(_("phiên bản"), default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-period_start", "-issued_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True)
                | Q(period_start__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="plan_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference_label} {self.title[:80]}".strip()

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def reference_label(self) -> str:
        """“13/KH-SXD” as written on the document; “…/KH-SXD” while the number is not given."""
        if not self.symbol:
            return self.number
        return f"{self.number or '…'}/{self.symbol}"

    @property
    def year(self) -> int | None:
        return (
            self.period_start.year if self.period_start else (self.issued_on.year if self.issued_on else None)
        )


class PlanVersion(models.Model):
    """One imported or edited state of a plan, with the original file and what changed."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    original_file = models.FileField(_("tệp gốc"), upload_to=RandomPath("plans"), blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    # SHA-256 of the original file: the same file uploaded again is recognised even without a number.
    content_hash = models.CharField(_("mã băm tệp gốc"), max_length=64, blank=True, db_index=True)
    snapshot = models.JSONField(_("nội dung"), default=dict)
    changes = models.JSONField(_("thay đổi so với phiên bản trước"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản kế hoạch")
        verbose_name_plural = _("phiên bản kế hoạch")
        ordering = ["plan", "-number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_version_unique")]

    def __str__(self) -> str:
        return f"{self.plan} · v{self.number}"


class PlanReference(AuditedModel):
    """A document a plan implements (căn cứ) or replaces (thay thế), linked when it is in the system."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="references")
    relation = models.CharField(_("quan hệ"), max_length=16, choices=ReferenceRelation.choices)
    kind = models.CharField(_("loại văn bản"), max_length=32, blank=True)
    number = models.CharField(_("số"), max_length=16, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=64, blank=True)
    issued_on = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    target = models.ForeignKey(
        Plan,
        verbose_name=_("kế hoạch trong hệ thống"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implemented_by",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")
        ordering = ["plan", "relation", "order"]

    def __str__(self) -> str:
        return f"{self.number}/{self.symbol}" if self.symbol else self.title[:60]

    def audit_agency_id(self) -> int | None:
        return self.plan.agency_id

    @property
    def label(self) -> str:
        return f"{self.number}/{self.symbol}" if self.symbol else (self.number or "")

    @property
    def kind_label(self) -> str:
        return REFERENCE_KIND_LABELS.get(self.kind, "")


class Objective(AuditedModel):
    """An objective (mục tiêu) of a plan, in its reform area."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    ref = models.CharField(_("số hiệu"), max_length=32)
    area = models.ForeignKey(
        ReformArea, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT
    )
    text = models.TextField(_("nội dung"))
    order = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "ref"], name="objective_ref_unique_in_plan")]

    def __str__(self) -> str:
        return self.text[:80]

    def audit_agency_id(self) -> int | None:
        return self.plan.agency_id


class Target(AuditedModel):
    """The measurable part of an objective (chỉ tiêu): comparator, value, unit and baseline."""

    objective = models.OneToOneField(Objective, on_delete=models.CASCADE, related_name="target")
    comparator = models.CharField(_("so sánh"), max_length=8, choices=Comparator.choices)
    value = models.DecimalField(_("giá trị"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("đơn vị"), max_length=64, blank=True)
    baseline = models.CharField(_("mốc so sánh"), max_length=255, blank=True)
    baseline_kind = models.CharField(_("loại mốc"), max_length=32, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("năm mốc"), null=True, blank=True)
    text = models.TextField(_("câu chỉ tiêu"), blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return self.display

    def audit_agency_id(self) -> int | None:
        return self.objective.plan.agency_id

    @property
    def display(self) -> str:
        return target_display(self.comparator, self.value, self.unit, self.baseline)


class PlanImport(models.Model):
    """An uploaded plan document waiting for the focal point to check the preview and confirm."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="plan_imports")
    uploaded_file = models.FileField(upload_to=RandomPath("plan-imports"))
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=16, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    replaces_plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    plan = models.ForeignKey(Plan, null=True, blank=True, on_delete=models.SET_NULL, related_name="imports")
    # The emulation scoring tables (thang điểm) the document holds, as the importer's JSON
    # ({"group", "total_points", "criteria": [{"code", "title", "points", "guide"}]}), for the emulation work.
    rubrics = models.JSONField(_("thang điểm thi đua"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lần nhập kế hoạch")
        verbose_name_plural = _("lần nhập kế hoạch")

    def __str__(self) -> str:
        return self.original_name
