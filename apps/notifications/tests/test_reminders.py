"""Reminder runs with a frozen clock: once per person per day, escalation by working days, preferences, scope."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from apps.jobs.choices import JobKind, JobStatus
from apps.jobs.services import job_create
from apps.notifications.background import daily_reminders
from apps.notifications.models import Escalation, Notification, NotificationPreference
from apps.notifications.services import digest_run_weekly, reminders_run_daily

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9):
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=VN), tick=False)


def notices(user, kind=None):
    queryset = Notification.objects.filter(user=user)
    return queryset.filter(kind=kind) if kind else queryset


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_daily(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_run_daily(**kwargs)

    return run_daily


def test_the_daily_job_run_twice_sends_each_person_one_message(world, run):
    with at(2026, 2, 23):
        first = run()
        second = run()
    assert first.daily == 4 and second.daily == 0
    for user in (world.staff, world.head, world.accountable, world.other_staff):
        assert notices(user, "daily").count() == 1
    assert not notices(world.focal).exists() and not notices(world.leader).exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        ["lan@cchc.test", "long@cchc.test", "thang@cchc.test", "son@cchc.test"]
    )


def test_one_message_lists_every_occurrence_the_person_holds(world, run):
    with at(2026, 2, 23):
        run()
    staff = notices(world.staff, "daily").get()
    assert staff.title == "Nhắc việc ngày 23/02/2026: 1 kỳ quá hạn, 1 kỳ sắp đến hạn"
    assert "[1] Nhiệm vụ thử số 1: hạn 13/02/2026, trễ 10 ngày" in staff.body
    assert "[2] Nhiệm vụ thử số 2: hạn 25/02/2026, còn 2 ngày" in staff.body
    accountable = notices(world.accountable, "daily").get()  # own unit's task and the one they answer for
    assert "[2]" in accountable.body and "[3]" in accountable.body and "[1]" not in accountable.body
    assert mail.outbox[0].subject.startswith("[CCHC] Nhắc việc ngày 23/02/2026")


def test_another_agencys_people_get_nothing_about_this_agency(world, run):
    with at(2026, 2, 23):
        run(agency_ids=[world.own.pk])
    assert not notices(world.other_staff).exists()
    with at(2026, 2, 23):
        run()
    other = notices(world.other_staff).get()
    assert "Nhiệm vụ thử số 1" in other.body and "Nhiệm vụ thử số 2" not in other.body
    assert "Nhiệm vụ thử số 3" not in notices(world.staff).get().body


def test_a_person_who_turned_email_off_gets_the_in_app_notice_only(world, run):
    NotificationPreference.objects.create(user=world.staff, kind="daily", in_app=True, email=False)
    with at(2026, 2, 23):
        run()
    notice = notices(world.staff, "daily").get()
    assert notice.in_app and notice.email_to == ""
    assert "lan@cchc.test" not in [m.to[0] for m in mail.outbox]
    assert len(mail.outbox) == 3


def test_a_person_who_turned_the_app_off_gets_the_email_only_and_both_off_nothing(world, run):
    NotificationPreference.objects.create(user=world.staff, kind="daily", in_app=False, email=True)
    NotificationPreference.objects.create(user=world.head, kind="daily", in_app=False, email=False)
    with at(2026, 2, 23):
        run()
        run()
    assert not notices(world.staff).filter(in_app=True).exists()
    assert [m.to[0] for m in mail.outbox].count("lan@cchc.test") == 1
    assert not notices(world.head).exists()
    assert "long@cchc.test" not in [m.to[0] for m in mail.outbox]


def test_escalation_follows_working_days_across_tet(world, run, settings):
    settings.CCHC_ESCALATION_WORKING_DAYS = 5
    # Due Friday 13/02/2026; Tết 16–20/02 and weekends do not count: 5 working days on 27/02, 10 on 06/03.
    with at(2026, 2, 20):
        run()
    with at(2026, 2, 26):
        run()
    assert not Escalation.objects.exists() and not notices(world.head, "escalation").exists()
    with at(2026, 2, 27):
        run()
        run()
    assert list(Escalation.objects.filter(occurrence=world.before_tet).values_list("level", flat=True)) == [1]
    head = notices(world.head, "escalation").get()
    assert "quá hạn 5 ngày làm việc (báo trưởng đơn vị chủ trì)" in head.body
    assert not notices(world.leader, "escalation").exists()
    with at(2026, 3, 5):
        run()
    assert not notices(world.leader, "escalation").exists()
    with at(2026, 3, 6):
        run()
        run()
    leader = notices(world.leader, "escalation").get()
    assert "quá hạn 10 ngày làm việc (báo lãnh đạo cơ quan)" in leader.body
    assert leader.url == "/nhiem-vu/bang-dieu-khien/" and head.url == "/nhiem-vu/viec-cua-toi/"
    # the head was told about task 1 once; task 2 (due 25/02) reached its own 5 working days on 04/03
    bodies = [n.body for n in notices(world.head, "escalation").order_by("pk")]
    assert len(bodies) == 2 and "[1]" in bodies[0] and "[2]" in bodies[1] and "[1]" not in bodies[1]
    # The other agency's overdue occurrence goes to its own people (here its focal point), never to ours.
    assert (
        "Nhiệm vụ thử số 1" in head.body
        and Escalation.objects.filter(occurrence=world.other_occurrence).count() == 2
    )
    assert not notices(world.leader).filter(body__contains="Sở Xây dựng tỉnh Hai").exists()


def test_escalation_without_a_unit_head_goes_to_the_focal_point(world, run, settings):
    settings.CCHC_ESCALATION_WORKING_DAYS = 5
    world.head.roles.all().delete()
    with at(2026, 2, 27):
        run()
    assert "Nhiệm vụ thử số 1" in notices(world.focal, "escalation").get().body


def test_a_submitted_or_accepted_occurrence_is_not_reminded(world, run):
    from django.utils import timezone

    world.before_tet.submitted_at = timezone.now()
    world.before_tet.save()
    world.after_tet.accepted_on = world.after_tet.due_on
    world.after_tet.save()
    with at(2026, 2, 23):
        run()
    assert not notices(world.staff).exists()


def test_weekly_digest_goes_to_unit_heads_and_the_focal_point_once(world, django_capture_on_commit_callbacks):
    with at(2026, 2, 23), django_capture_on_commit_callbacks(execute=True):  # a Monday
        assert digest_run_weekly().weekly == 2
        assert digest_run_weekly().weekly == 0
    head = notices(world.head, "weekly").get()
    assert "Phòng Kế hoạch – Tài chính: 1 kỳ quá hạn, 1 kỳ sắp đến hạn" in head.body
    assert "Phòng Quản lý xây dựng" not in head.body
    focal = notices(world.focal, "weekly").get()
    assert "Phòng Kế hoạch – Tài chính" in focal.body and "Phòng Quản lý xây dựng" in focal.body
    assert focal.url == "/nhiem-vu/bang-dieu-khien/"
    assert not notices(world.staff, "weekly").exists()
    # the other agency has no focal point or unit head with a role here: it gets its own digest only
    assert "tỉnh Hai" not in focal.body


def test_the_background_task_reports_progress_on_its_job(world, django_capture_on_commit_callbacks):
    job = job_create(kind=JobKind.DAILY_REMINDERS, agency=world.own, user=world.focal)
    with at(2026, 2, 23), django_capture_on_commit_callbacks(execute=True):
        result = daily_reminders.enqueue(job_id=job.pk, agency_ids=[world.own.pk])
    job.refresh_from_db()
    assert result.return_value["daily"] == 3
    assert job.status == JobStatus.SUCCEEDED and job.progress == 100
    assert job.message == "Đã gửi 3 tin nhắc việc."
    assert job.result_url == "/thong-bao/"


def test_a_focal_point_standing_in_for_both_levels_sees_each_occurrence_once(world, run, settings):
    settings.CCHC_ESCALATION_WORKING_DAYS = 5
    world.head.roles.all().delete()
    world.leader.roles.all().delete()
    with at(2026, 3, 6):
        run()
    body = notices(world.focal, "escalation").get().body
    assert body.count("[1] Nhiệm vụ thử số 1") == 1 and "(báo lãnh đạo cơ quan)" in body


def test_the_email_links_to_the_site_when_its_address_is_configured(world, run, settings):
    settings.PUBLIC_BASE_URL = "https://cchc.example.gov.vn/"
    with at(2026, 2, 23):
        run()
    assert "Xem trên hệ thống: https://cchc.example.gov.vn/nhiem-vu/viec-cua-toi/" in mail.outbox[0].body
