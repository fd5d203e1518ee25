"""Background tasks (django-tasks) of notifications; the worker runs them from the queue or the schedule."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from apps.jobs.services import job_tracking

from . import services


@task()
def daily_reminders(job_id: int | None = None, agency_ids: list[int] | None = None) -> dict[str, Any]:
    """Daily reminders and escalation; progress goes to the job the page or the schedule created."""
    with job_tracking(job_id) as tracker:
        summary = services.reminders_run_daily(agency_ids=agency_ids, progress=tracker.progress)
        message = summary.describe()
        if agency_ids is None:  # the schedule's run: the PAR INDEX deadlines of every open year too
            from apps.par.reminders import par_reminders_run

            message += " " + par_reminders_run(on=timezone.localdate()).describe()
            from apps.communications.reminders import communication_reminders_run

            message += " " + communication_reminders_run(on=timezone.localdate()).describe()
        tracker.succeed(message, result_url=reverse("notifications:notification_list"))
    return summary.__dict__


@task()
def weekly_digest(job_id: int | None = None) -> dict[str, Any]:
    with job_tracking(job_id) as tracker:
        summary = services.digest_run_weekly(progress=tracker.progress)
        tracker.succeed(summary.describe(), result_url=reverse("notifications:notification_list"))
    return summary.__dict__
