"""Tasks under the "06 rõ" rule: what, who leads, who cooperates, when, what product, who accepts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Person, Unit
from apps.plans.models import Objective, Plan, ReformArea

from .choices import Recurrence, ScheduleKind, TaskKind


class Task(VersionedModel, AuditedModel):
    """A task (nhiệm vụ) or activity (hoạt động) of a plan."""

    version_subject = "Nhiệm vụ"

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


class Occurrence(VersionedModel, AuditedModel):
    """One dated instance of a task: the only one for a dated task, one per period for a recurring one."""

    version_subject = "Kỳ này"

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="occurrences"
    )
    seq = models.PositiveSmallIntegerField(_("kỳ thứ"))
    label = models.CharField(_("kỳ"), max_length=64, blank=True)
    start_on = models.DateField(_("bắt đầu"), null=True, blank=True)
    due_on = models.DateField(_("hạn"))
    not_applicable = models.BooleanField(
        _("không áp dụng"), default=False, help_text=_("Kỳ đã kết thúc trước khi kế hoạch ban hành.")
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    submitted_at = models.DateTimeField(_("báo cáo hoàn thành lúc"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    accepted_on = models.DateField(_("ngày nghiệm thu"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("người nghiệm thu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kỳ thực hiện")
        verbose_name_plural = _("kỳ thực hiện")
        ordering = ["task", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["task", "seq"], name="occurrence_seq_unique"),
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="occurrence_percent_max_100"),
        ]
        indexes = [models.Index(fields=["due_on"], name="occurrence_due")]

    def __str__(self) -> str:
        return f"{self.task.ref} · {self.label or self.due_on.strftime('%d/%m/%Y')}"

    def audit_agency_id(self) -> int | None:
        return self.task.agency_id

    def version_detail(self) -> str:
        return f" (tiến độ hiện tại {self.percent}%)"


class TaskTrigger(AuditedModel):
    """The event a triggered task waits for ("Sau khi có văn bản hướng dẫn"), once it has happened."""

    task = models.OneToOneField(Task, on_delete=models.CASCADE, related_name="trigger_event")
    document = models.CharField(_("văn bản, sự kiện"), max_length=255)
    occurred_on = models.DateField(_("ngày"))
    working_days = models.PositiveSmallIntegerField(_("số ngày làm việc để hoàn thành"), default=20)
    recorded_by = models.ForeignKey("accounts.User", null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sự kiện khởi động")
        verbose_name_plural = _("sự kiện khởi động")

    def __str__(self) -> str:
        return f"{self.document} ({self.occurred_on:%d/%m/%Y})"

    def audit_agency_id(self) -> int | None:
        return self.task.agency_id


class ProgressUpdate(AuditedModel):
    """A progress report on an occurrence by the lead unit or a cooperating unit's contribution."""

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="updates")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL)
    author = models.ForeignKey(
        "accounts.User", verbose_name=_("người báo cáo"), null=True, on_delete=models.SET_NULL
    )
    percent = models.PositiveSmallIntegerField(_("tiến độ (%)"))
    note = models.TextField(_("nội dung"), blank=True)
    reason = models.TextField(_("lý do điều chỉnh giảm"), blank=True)
    links = models.JSONField(_("đường dẫn minh chứng"), default=list, blank=True)
    is_completion = models.BooleanField(_("báo cáo hoàn thành"), default=False)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(percent__lte=100), name="progress_percent_max_100")
        ]

    def __str__(self) -> str:
        return f"{self.occurrence} · {self.percent}%"

    def audit_agency_id(self) -> int | None:
        return self.occurrence.task.agency_id


class Evidence(models.Model):
    """A file proving progress (minh chứng), stored through Django's storage API."""

    update = models.ForeignKey(ProgressUpdate, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("tệp"), upload_to=RandomPath("evidence"))
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    content_type = models.CharField(_("loại tệp"), max_length=100)
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.original_name


class AcceptanceDecision(AuditedModel):
    """The authority's decision on a submitted result: accepted, or returned with a reason."""

    ACCEPTED = "accepted"
    RETURNED = "returned"
    DECISIONS = [(ACCEPTED, _("Nghiệm thu")), (RETURNED, _("Trả lại"))]

    occurrence = models.ForeignKey(Occurrence, on_delete=models.CASCADE, related_name="decisions")
    decision = models.CharField(_("quyết định"), max_length=16, choices=DECISIONS)
    reason = models.TextField(_("lý do"), blank=True)
    decided_by = models.ForeignKey("accounts.User", null=True, on_delete=models.SET_NULL)
    decided_on = models.DateField(_("ngày"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nghiệm thu")
        verbose_name_plural = _("nghiệm thu")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} · {self.occurrence}"

    def audit_agency_id(self) -> int | None:
        return self.occurrence.task.agency_id
