"""Job pages: the progress of one job (a full page, or its partial when htmx polls), my recent jobs, and
"Thử lại" for a job that failed. A job whose worker died is shown failed (its lease expired, see `leases`)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import selectors, services


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    services.jobs_sweep()
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    if getattr(request, "htmx", False):
        return render(request, "jobs/_progress.html", {"job": job})
    return render(request, "jobs/job.html", {"job": job})


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    services.jobs_sweep()
    return render(request, "jobs/job_list.html", {"jobs": selectors.job_list_for_user(user=request.user)})


@require_POST
@login_required
def job_retry(request: HttpRequest, pk: int) -> HttpResponse:
    services.jobs_sweep()
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    try:
        services.job_retry(job=job)
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(request, "Đã xếp công việc vào hàng đợi để chạy lại.")
    return redirect("jobs:job_status", pk=job.pk)
