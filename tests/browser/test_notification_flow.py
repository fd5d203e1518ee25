"""The bell counts unread notices; the focal point sends today's reminders and the job page follows its
progress by htmx polling until it is done."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.jobs.choices import JobKind, JobStatus
from apps.jobs.models import Job
from apps.jobs.services import job_create
from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.tasks.models import Occurrence, Task

from .conftest import login


def overdue_task() -> Task:
    today = timezone.localdate()
    agency = Agency.objects.get(code="DLK-SXD")
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch thử nhắc việc", issued_on=today - timedelta(days=60)
    )
    task = Task.objects.create(
        agency=agency,
        plan=plan,
        ref="1",
        title="Rà soát thủ tục hành chính lĩnh vực xây dựng",
        schedule_kind="window",
        start_on=today - timedelta(days=40),
        due_on=today - timedelta(days=3),
    )
    task.lead_units.set([agency.units.get(code="KHTC")])
    Occurrence.objects.create(task=task, seq=1, start_on=task.start_on, due_on=task.due_on)
    return task


def test_reminders_reach_the_bell_and_a_job_page_polls_until_done(live_server, browser, demo):
    overdue_task()
    page = browser.new_page()
    page.set_default_timeout(15000)
    login(page, live_server.url, "daumoi")
    page.goto(f"{live_server.url}/thong-bao/")
    page.click("text=Gửi nhắc việc hôm nay")
    page.wait_for_selector("text=Đã gửi 2 tin nhắc việc")  # Phòng KHTC: its head and its staff
    page.close()

    staff = browser.new_page()
    login(staff, live_server.url, "chuyenvien")
    assert staff.inner_text("#unread-count") == "1"
    staff.click("a.bell")
    staff.wait_for_selector("text=Nhắc việc ngày")
    staff.click("text=Chi tiết")
    assert "Rà soát thủ tục hành chính" in staff.inner_text("#notifications")
    staff.goto(f"{live_server.url}/nhiem-vu/viec-cua-toi/")
    assert staff.locator("#unread-count").count() == 0

    job = job_create(kind=JobKind.REPORT, user=User.objects.get(username="chuyenvien"))
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, progress=30, message="Đang lập phụ lục")
    staff.goto(f"{live_server.url}/cong-viec-nen/{job.pk}/")
    staff.wait_for_selector("text=30%")
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.SUCCEEDED, progress=100, message="Đã lập xong báo cáo", result_url="/nhiem-vu/"
    )
    staff.wait_for_selector("text=Đã lập xong báo cáo")  # swapped in by htmx, no reload
    assert staff.get_attribute(f"#job-{job.pk} progress", "value") == "100"
    assert staff.locator("text=Xem kết quả").count() == 1
    staff.close()
