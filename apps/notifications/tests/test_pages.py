"""The bell, the notifications page (marks read), one notice, preferences, running reminders from the page."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse

from apps.jobs.models import Job
from apps.notifications.models import Notification, NotificationPreference
from apps.notifications.services import notify

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _notice(user, key, url="/nhiem-vu/viec-cua-toi/"):
    return notify(user=user, kind="daily", title=f"Nhắc việc {key}", body="Nội dung", url=url, dedupe_key=key)


def test_the_bell_shows_the_unread_count_and_the_page_marks_them_read(client, world):
    _notice(world.staff, "a")
    _notice(world.staff, "b")
    client.force_login(world.staff)
    page = client.get(reverse("tasks:my_work")).content.decode()
    assert 'id="unread-count" aria-hidden="true">2</span>' in page
    assert 'href="/thong-bao/"' in page
    listing = client.get(reverse("notifications:notification_list"))
    assert listing.status_code == 200
    assert "Nhắc việc a" in listing.content.decode() and "Mới" in listing.content.decode()
    assert not Notification.objects.filter(user=world.staff, read_at__isnull=True).exists()
    assert 'id="unread-count"' not in client.get(reverse("tasks:my_work")).content.decode()


def test_opening_a_notice_marks_it_read_and_goes_to_its_page(client, world):
    notice = _notice(world.staff, "a")
    client.force_login(world.staff)
    response = client.get(reverse("notifications:notification_open", args=[notice.pk]))
    assert response.status_code == 302 and response["Location"] == "/nhiem-vu/viec-cua-toi/"
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_an_outside_link_is_not_followed(client, world):
    notice = _notice(world.staff, "a", url="//evil.example/")
    client.force_login(world.staff)
    response = client.get(reverse("notifications:notification_open", args=[notice.pk]))
    assert response["Location"] == reverse("notifications:notification_list")


def test_someone_elses_notice_is_404(client, world):
    notice = _notice(world.staff, "a")
    client.force_login(world.other_staff)
    assert client.get(reverse("notifications:notification_open", args=[notice.pk])).status_code == 404
    assert "Nhắc việc a" not in client.get(reverse("notifications:notification_list")).content.decode()


def test_preferences_are_saved_per_kind(client, world):
    client.force_login(world.staff)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Nhắc việc hằng ngày" in page and "Qua thư điện tử" in page
    response = client.post(
        reverse("notifications:preferences"),
        {
            "daily_in_app": "on",
            "weekly_in_app": "on",
            "weekly_email": "on",
            "escalation_email": "on",
            "par_in_app": "on",
            "report_email": "on",
        },
    )
    assert response.status_code == 302
    saved = {p.kind: (p.in_app, p.email) for p in NotificationPreference.objects.filter(user=world.staff)}
    assert saved == {
        "daily": (True, False),
        "weekly": (True, True),
        "escalation": (False, True),
        "par": (True, False),
        "report": (False, True),
    }


def test_the_focal_point_sends_todays_reminders_and_follows_the_job(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.focal)
    assert "Gửi nhắc việc hôm nay" in client.get(reverse("notifications:notification_list")).content.decode()
    with time_machine.travel(datetime(2026, 2, 23, 9, tzinfo=VN), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("notifications:run_reminders"))
        page = client.get(response["Location"]).content.decode()
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("jobs:job_status", args=[job.pk])
    assert (job.agency, job.user, job.status, job.progress) == (world.own, world.focal, "succeeded", 100)
    assert Notification.objects.filter(kind="daily").count() == 3  # own agency's holders only
    assert "Hoàn thành" in page and "Đã gửi 3 tin nhắc việc." in page


def test_staff_cannot_start_the_reminder_run(client, world):
    client.force_login(world.staff)
    assert (
        "Gửi nhắc việc hôm nay" not in client.get(reverse("notifications:notification_list")).content.decode()
    )
    assert client.post(reverse("notifications:run_reminders")).status_code == 403
    assert not Job.objects.exists()
