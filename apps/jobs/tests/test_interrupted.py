"""Jobs whose worker died: shown failed with a clear message and “Thử lại”; a job still beating is left alone; the
worker sweeps dead jobs and imports; a running job really refreshes its heartbeat."""

from __future__ import annotations

import os
import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.dossiers.models import ImportBatch
from apps.jobs.choices import JobKind, JobStatus
from apps.jobs.models import Job
from apps.jobs.services import job_create, job_enqueue, job_tracking
from apps.notifications.background import daily_reminders

INTERRUPTED = "Công việc bị gián đoạn (máy chủ dừng giữa chừng) nên chưa xong. Bấm “Thử lại” để chạy lại."


def job_left_running(owner, agency, capture, *, silent_for: timedelta) -> Job:
    """A queued job the worker started, then stopped sending heartbeats `silent_for` ago."""
    with capture(execute=False):
        job = job_create(kind=JobKind.DAILY_REMINDERS, user=owner, agency=agency)
        job_enqueue(job=job, task=daily_reminders, agency_ids=[agency.pk])
    last = timezone.now() - silent_for
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING,
        progress=40,
        started_at=last - timedelta(seconds=5),
        heartbeat_at=last,
        lease_holder="may-chu-1:4242",
    )
    return job


@pytest.fixture
def owner(tree, make_user):
    return make_user("focal_point", tree.own)


def test_a_job_whose_worker_died_is_shown_failed_and_thu_lai_runs_it_again(
    client, tree, owner, django_capture_on_commit_callbacks
):
    job = job_left_running(
        owner, tree.own, django_capture_on_commit_callbacks, silent_for=timedelta(minutes=10)
    )
    client.force_login(owner)
    page = client.get(reverse("jobs:job_status", args=[job.pk])).content.decode()
    assert "Lỗi" in page and INTERRUPTED in page and "hx-get" not in page
    assert reverse("jobs:job_retry", args=[job.pk]) in page and ">Thử lại</button>" in page
    assert INTERRUPTED in client.get(reverse("jobs:job_list")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:job_retry", args=[job.pk]))

    assert response["Location"] == reverse("jobs:job_status", args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.progress, job.result_url) == (JobStatus.SUCCEEDED, 100, "/thong-bao/")


def test_a_second_click_while_the_job_waits_queues_it_once(
    client, tree, owner, django_capture_on_commit_callbacks
):
    job = job_left_running(
        owner, tree.own, django_capture_on_commit_callbacks, silent_for=timedelta(minutes=10)
    )
    client.force_login(owner)
    with django_capture_on_commit_callbacks(execute=False) as queued:
        client.post(reverse("jobs:job_retry", args=[job.pk]))
        second = client.post(reverse("jobs:job_retry", args=[job.pk]), follow=True)
    assert len(queued) == 1
    assert "đã được chạy lại hoặc chưa dừng" in second.content.decode()
    assert Job.objects.get(pk=job.pk).status == JobStatus.PENDING


def test_a_job_still_sending_heartbeats_is_not_marked_failed(
    client, tree, owner, django_capture_on_commit_callbacks
):
    job = job_left_running(
        owner, tree.own, django_capture_on_commit_callbacks, silent_for=timedelta(seconds=20)
    )
    Job.objects.filter(pk=job.pk).update(started_at=timezone.now() - timedelta(hours=1))
    client.force_login(owner)
    page = client.get(reverse("jobs:job_status", args=[job.pk])).content.decode()
    assert "Đang chạy" in page and "hx-get" in page and ">Thử lại</button>" not in page
    assert client.post(reverse("jobs:job_retry", args=[job.pk])).status_code == 302
    assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING


def test_another_persons_failed_job_cannot_be_run_again(
    client, tree, make_user, owner, django_capture_on_commit_callbacks
):
    job = job_left_running(
        owner, tree.own, django_capture_on_commit_callbacks, silent_for=timedelta(minutes=10)
    )
    client.force_login(make_user("staff", tree.own))
    assert client.post(reverse("jobs:job_retry", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:job_retry", args=[job.pk])).status_code == 405


@pytest.mark.django_db(transaction=True)
def test_the_worker_marks_dead_jobs_and_imports_and_leaves_live_ones():
    old, recent = timezone.now() - timedelta(minutes=10), timezone.now() - timedelta(seconds=20)
    dead = job_create(kind=JobKind.REPORT)
    live = job_create(kind=JobKind.REPORT)
    Job.objects.filter(pk=dead.pk).update(status=JobStatus.RUNNING, started_at=old, heartbeat_at=old)
    Job.objects.filter(pk=live.pk).update(status=JobStatus.RUNNING, started_at=old, heartbeat_at=recent)
    batch = ImportBatch.objects.create(original_name="ho-so.csv")
    ImportBatch.objects.filter(pk=batch.pk).update(created_at=old, heartbeat_at=None)  # from before leases

    out = StringIO()
    call_command("worker", "--once", "--no-schedule", stdout=out)

    assert "Đã đánh dấu 2 việc bị gián đoạn" in out.getvalue()
    dead.refresh_from_db()
    assert dead.status == JobStatus.FAILED and dead.finished_at is not None
    assert dead.message.startswith("Công việc bị gián đoạn") and "Hãy yêu cầu lại" in dead.message
    assert Job.objects.get(pk=live.pk).status == JobStatus.RUNNING
    batch.refresh_from_db()
    assert batch.status == "interrupted" and "không có dòng nào được ghi" in batch.message


@pytest.mark.django_db(transaction=True)
def test_a_running_job_refreshes_its_heartbeat_until_it_ends(settings):
    settings.CCHC_JOB_LEASE_SECONDS = 0.3  # a heartbeat every 0.05 s
    job = job_create(kind=JobKind.REPORT)
    with job_tracking(job.pk):
        first = Job.objects.get(pk=job.pk).heartbeat_at
        time.sleep(0.5)  # longer than the lease: without heartbeats it would count as dead
        beating = Job.objects.get(pk=job.pk)
        assert beating.heartbeat_at > first and beating.lease_holder.endswith(f":{os.getpid()}")
        call_command("worker", "--once", "--no-schedule", stdout=StringIO())
        assert Job.objects.get(pk=job.pk).status == JobStatus.RUNNING
    assert Job.objects.get(pk=job.pk).status == JobStatus.SUCCEEDED
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("lease-")]
