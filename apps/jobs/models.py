"""Background jobs as people see them (progress, message, result) and the schedule's record of runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.organizations.models import Agency

from .choices import ACTIVE_STATUSES, JobKind, JobStatus


class LeasedWork(models.Model):
    """Long work whose process proves it is alive (apps.jobs.leases): a heartbeat refreshed while it runs."""

    heartbeat_at = models.DateTimeField(_("tín hiệu hoạt động lúc"), null=True, blank=True)
    lease_holder = models.CharField(_("tiến trình xử lý (máy:tiến trình)"), max_length=128, blank=True)

    class Meta:
        abstract = True


class Job(LeasedWork):
    """A long piece of work run by the worker; the page that started it polls its progress."""

    kind = models.CharField(_("loại việc"), max_length=32, choices=JobKind.choices)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=JobStatus.choices, default=JobStatus.PENDING
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    message = models.CharField(_("thông điệp"), max_length=500, blank=True)
    result_url = models.CharField(_("đường dẫn kết quả"), max_length=500, blank=True)
    task_result_id = models.CharField(_("mã trong hàng đợi"), max_length=64, blank=True)
    # What was queued, so a job that failed can be queued again ("Thử lại").
    task_path = models.CharField(_("việc trong hàng đợi"), max_length=200, blank=True)
    task_kwargs = models.JSONField(_("tham số của việc"), default=dict, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("công việc nền")
        verbose_name_plural = _("công việc nền")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(progress__lte=100), name="job_progress_max_100"),
        ]
        indexes = [models.Index(fields=["user", "-created_at"], name="job_user_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.get_status_display()} · {self.progress}%"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def can_retry(self) -> bool:
        return self.status == JobStatus.FAILED and bool(self.task_path)


class ScheduleRun(models.Model):
    """One slot of the schedule (a day, an ISO week) that has been started; unique, so it runs once."""

    name = models.CharField(_("lịch"), max_length=64)
    slot = models.CharField(_("kỳ chạy"), max_length=32)
    job = models.ForeignKey(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lần chạy theo lịch")
        verbose_name_plural = _("lần chạy theo lịch")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["name", "slot"], name="schedule_run_once_per_slot")]

    def __str__(self) -> str:
        return f"{self.name} · {self.slot}"
