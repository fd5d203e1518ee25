"""Writes to background jobs: create and enqueue one, report its progress, run again one that failed, run the
schedule's slots once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks.base import Task

from domain.reminders import schedule_slots

from .choices import JobStatus
from .leases import LeaseKeeper, lease_claim, leases_sweep
from .models import Job, ScheduleRun
from .schedule import SCHEDULE

logger = logging.getLogger(__name__)


def job_create(*, kind: str, user: Any = None, agency: Any = None, message: str = "") -> Job:
    return Job.objects.create(kind=kind, user=user, agency=agency, message=message or "Đang chờ xử lý.")


def job_enqueue(*, job: Job, task: Any, **kwargs: Any) -> None:
    """Queue `task(job_id=…, **kwargs)` once the surrounding transaction commits (the worker must see the job).

    The task and its arguments are kept with the job, so a job that failed can be queued again."""
    job.task_path, job.task_kwargs = task.module_path, kwargs
    Job.objects.filter(pk=job.pk).update(task_path=job.task_path, task_kwargs=kwargs)

    def enqueue() -> None:
        result = task.enqueue(job_id=job.pk, **kwargs)
        Job.objects.filter(pk=job.pk).update(task_result_id=str(result.id)[:64])

    transaction.on_commit(enqueue)


class JobTracker:
    """What a running job writes back: progress and a message, then success or failure."""

    def __init__(self, job_id: int | None) -> None:
        self.job_id = job_id
        self.last = -1
        self.finished = False

    def _update(self, **fields: Any) -> None:
        if self.job_id is not None:
            Job.objects.filter(pk=self.job_id).update(**fields)

    def progress(self, percent: int, message: str = "") -> None:
        percent = max(0, min(100, int(percent)))
        if percent == self.last and not message:
            return
        self.last = percent
        fields: dict[str, Any] = {"progress": percent}
        if message:
            fields["message"] = message[:500]
        self._update(**fields)

    def succeed(self, message: str, result_url: str = "") -> None:
        self.finished = True
        self._update(
            status=JobStatus.SUCCEEDED,
            progress=100,
            message=message[:500],
            result_url=result_url[:500],
            finished_at=timezone.now(),
        )


@contextmanager
def job_tracking(job_id: int | None) -> Iterator[JobTracker]:
    """Mark the job running and keep its lease while it runs (a worker that dies loses it, see `leases`); on an
    error mark it failed (and re-raise so the queue records it too)."""
    tracker = JobTracker(job_id)
    tracker._update(
        status=JobStatus.RUNNING,
        started_at=timezone.now(),
        finished_at=None,
        message="Đang xử lý…",
        **lease_claim(),
    )
    keeper = LeaseKeeper(Job, job_id).start()
    try:
        yield tracker
    except BaseException:
        logger.exception("Background job %s failed", job_id)
        tracker._update(
            status=JobStatus.FAILED,
            message="Công việc gặp lỗi và đã dừng; lỗi đã được ghi vào nhật ký hệ thống.",
            finished_at=timezone.now(),
        )
        raise
    finally:
        keeper.stop()
    if not tracker.finished:
        tracker.succeed("Đã xong.")


def job_interrupted_message(job: Job) -> str:
    """What a job whose worker died says (`leases.leases_sweep`)."""
    if job.task_path:
        return "Công việc bị gián đoạn (máy chủ dừng giữa chừng) nên chưa xong. Bấm “Thử lại” để chạy lại."
    return "Công việc bị gián đoạn (máy chủ dừng giữa chừng) nên chưa xong. Hãy yêu cầu lại ở trang đã bắt đầu nó."


def jobs_sweep() -> int:
    """Mark failed the jobs whose worker died; pages call it before they show jobs."""
    return leases_sweep(Job)


def job_retry(*, job: Job) -> Job:
    """Queue a failed job again with the same task and arguments; a second click while it waits changes nothing."""
    if not job.task_path:
        raise ValidationError(
            "Công việc này không chạy lại được từ đây; hãy yêu cầu lại ở trang đã bắt đầu nó."
        )
    task = import_string(job.task_path)
    if not isinstance(task, Task):
        raise ValidationError(
            "Công việc này không chạy lại được từ đây; hãy yêu cầu lại ở trang đã bắt đầu nó."
        )
    with transaction.atomic():
        again = Job.objects.filter(pk=job.pk, status=JobStatus.FAILED).update(
            status=JobStatus.PENDING,
            progress=0,
            message="Đang chờ chạy lại.",
            result_url="",
            started_at=None,
            finished_at=None,
            heartbeat_at=None,
            lease_holder="",
        )
        if not again:
            raise ValidationError(
                "Công việc này đã được chạy lại hoặc chưa dừng; không cần bấm “Thử lại” nữa."
            )
        job.refresh_from_db()
        job_enqueue(job=job, task=task, **job.task_kwargs)
    return job


def schedule_tick(*, now: datetime | None = None) -> list[ScheduleRun]:
    """Start every schedule slot open at `now` that has not been started; the unique slot makes it run once
    even with two workers or after a restart."""
    local = timezone.localtime(now or timezone.now())
    started = []
    for name, slot in schedule_slots(local, hour=settings.CCHC_REMINDER_HOUR):
        kind, task_path, description = SCHEDULE[name]
        try:
            with transaction.atomic():
                job = job_create(kind=kind, message=f"{description} ({slot}) đã được xếp lịch.")
                run = ScheduleRun.objects.create(name=name, slot=slot, job=job)
                job_enqueue(job=job, task=import_string(task_path))
        except IntegrityError:
            continue
        started.append(run)
    return started
