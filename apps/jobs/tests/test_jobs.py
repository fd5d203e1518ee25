"""Background jobs: the schedule runs each slot once, the worker runs the queue, pages show a job's progress."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from apps.accounts.choices import Role
from apps.jobs.choices import JobKind, JobStatus
from apps.jobs.models import Job, ScheduleRun
from apps.jobs.services import job_create, schedule_tick

VN = ZoneInfo("Asia/Ho_Chi_Minh")
DB_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def at(day, hour):
    return time_machine.travel(datetime(2026, 2, day, hour, tzinfo=VN), tick=False)


def test_the_daily_slot_opens_at_the_configured_hour_and_runs_once(
    db, settings, django_capture_on_commit_callbacks
):
    settings.CCHC_REMINDER_HOUR = 8
    with at(24, 7), django_capture_on_commit_callbacks(execute=True):  # a Tuesday, before the hour
        assert schedule_tick() == []
    with at(24, 8), django_capture_on_commit_callbacks(execute=True):
        assert [(r.name, r.slot) for r in schedule_tick()] == [("daily", "2026-02-24")]
    with at(24, 17), django_capture_on_commit_callbacks(execute=True):  # a restart later that day
        assert schedule_tick() == []
    job = Job.objects.get()
    assert (job.kind, job.status, job.progress) == (JobKind.DAILY_REMINDERS, JobStatus.SUCCEEDED, 100)


def test_monday_also_opens_the_weekly_digest(db, django_capture_on_commit_callbacks):
    with at(23, 7), django_capture_on_commit_callbacks(execute=True):
        schedule_tick()
        schedule_tick()
    assert sorted(ScheduleRun.objects.values_list("name", "slot")) == [
        ("daily", "2026-02-23"),
        ("weekly", "2026-W09"),
    ]
    assert sorted(Job.objects.values_list("kind", flat=True)) == [
        JobKind.DAILY_REMINDERS,
        JobKind.WEEKLY_DIGEST,
    ]


def test_the_worker_runs_the_schedule_through_the_database_queue(transactional_db, settings):
    settings.TASKS = DB_BACKEND
    out = StringIO()
    with at(23, 9):
        call_command("worker", "--once", stdout=out)
    assert "Đã xếp lịch: daily · 2026-02-23" in out.getvalue()
    assert DBTaskResult.objects.count() == 2
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert set(Job.objects.values_list("status", flat=True)) == {JobStatus.SUCCEEDED}
    with at(23, 10):  # a second worker the same day
        call_command("worker", "--once", stdout=StringIO())
    assert Job.objects.count() == 2 and DBTaskResult.objects.count() == 2


def test_a_failing_job_is_marked_failed(db):
    from apps.jobs.services import job_tracking

    job = job_create(kind=JobKind.REPORT)
    with pytest.raises(RuntimeError), job_tracking(job.pk) as tracker:
        tracker.progress(40, "Đang lập phụ lục…")
        raise RuntimeError("boom")
    job.refresh_from_db()
    assert (job.status, job.progress) == (JobStatus.FAILED, 40)
    assert "lỗi" in job.message


@pytest.fixture
def running_job(tree, make_user):
    owner = make_user("focal_point", tree.own)
    job = job_create(kind=JobKind.PLAN_IMPORT, user=owner, agency=tree.own)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=35, message="Đang đọc phụ lục")
    job.refresh_from_db()
    return owner, job


def test_the_job_page_polls_its_partial_with_an_href_fallback(client, running_job):
    owner, job = running_job
    client.force_login(owner)
    url = reverse("jobs:job_status", args=[job.pk])
    page = client.get(url).content.decode()
    assert "<html" in page and 'value="35"' in page and "Đang đọc phụ lục" in page
    assert f'href="{url}" hx-get="{url}"' in page
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and f'id="job-{job.pk}"' in partial and "35%" in partial


def test_a_finished_job_stops_polling_and_links_its_result(client, running_job):
    owner, job = running_job
    Job.objects.filter(pk=job.pk).update(status=JobStatus.SUCCEEDED, progress=100, result_url="/ke-hoach/1/")
    client.force_login(owner)
    partial = client.get(
        reverse("jobs:job_status", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "hx-get" not in partial and 'href="/ke-hoach/1/"' in partial


def test_another_persons_job_is_404_but_the_agency_administrator_sees_it(
    client, tree, make_user, running_job
):
    _, job = running_job
    url = reverse("jobs:job_status", args=[job.pk])
    client.force_login(make_user(Role.STAFF, tree.own))
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.FOCAL_POINT, tree.other))
    assert client.get(url).status_code == 404
    client.force_login(make_user(Role.ADMINISTRATOR, tree.own))
    assert client.get(url).status_code == 200


def test_my_jobs_page_lists_only_mine(client, tree, make_user, running_job):
    owner, job = running_job
    job_create(kind=JobKind.REPORT, user=make_user(Role.STAFF, tree.own))
    client.force_login(owner)
    page = client.get(reverse("jobs:job_list")).content.decode()
    assert page.count(reverse("jobs:job_status", args=[job.pk])) == 1 and "Lập báo cáo" not in page


def test_cchc_has_a_worker_command():
    from cchc.__main__ import COMMANDS

    assert COMMANDS["worker"][0] == "worker"
