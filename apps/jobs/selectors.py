"""Reads of background jobs: a person sees the jobs they started; administrators their agencies' jobs."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from .models import Job


def job_get_for_user(*, user: Any, pk: int) -> Job:
    job = Job.objects.filter(pk=pk).first()
    if job is None or not user.has_perm("jobs.view_job", job):
        raise Http404("Không tìm thấy công việc.")
    return job


def job_list_for_user(*, user: Any, limit: int = 20) -> QuerySet[Job]:
    return Job.objects.filter(user=user).order_by("-created_at", "-pk")[:limit]
