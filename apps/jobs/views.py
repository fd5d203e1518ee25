"""Job pages: the progress of one job (a full page, or its partial when htmx polls) and my recent jobs."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import selectors


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.job_get_for_user(user=request.user, pk=pk)
    if getattr(request, "htmx", False):
        return render(request, "jobs/_progress.html", {"job": job})
    return render(request, "jobs/job.html", {"job": job})


@login_required
def job_list(request: HttpRequest) -> HttpResponse:
    return render(request, "jobs/job_list.html", {"jobs": selectors.job_list_for_user(user=request.user)})
