"""Occurrences, statuses from dates, progress with evidence, acceptance: through the services and pages."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.services import plan_update
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.models import Occurrence, ProgressUpdate
from apps.tasks.selectors import occurrence_status
from apps.tasks.services import (
    occurrence_accept,
    occurrence_return,
    occurrences_sync_for_plan,
    progress_submit,
    task_trigger_record,
)
from domain.uploads.tests import samples

PDF = samples.pdf()


@pytest.fixture
def plan(import_seed):  # noqa: F811
    plan = import_seed("001")
    plan = plan_update(plan=plan, issued_on=date(2026, 6, 25))
    occurrences_sync_for_plan(plan=plan)
    return plan


def user(name):
    return User.objects.get(username=name)


def test_quarterly_task_has_one_occurrence_per_quarter_and_the_early_ones_do_not_apply(plan):
    task13 = plan.tasks.get(ref="13")
    rows = list(task13.occurrences.values_list("label", "due_on", "not_applicable"))
    assert rows == [
        ("Quý I/2026", date(2026, 3, 31), True),
        ("Quý II/2026", date(2026, 6, 30), False),
        ("Quý III/2026", date(2026, 9, 30), False),
        ("Quý IV/2026", date(2026, 12, 31), False),
    ]


def test_monthly_and_continuous_tasks_report_each_month(plan):
    assert plan.tasks.get(ref="10").occurrences.count() == 12  # Hàng tháng
    assert plan.tasks.get(ref="2").occurrences.count() == 12  # Thường xuyên


def test_yearly_duty_of_the_commune_falls_on_20_11_each_year(import_seed):  # noqa: F811
    plan = import_seed("004")
    duty = plan.tasks.get(recurrence="yearly", recurrence_day=20)
    assert [o.due_on for o in duty.occurrences.all()] == [date(y, 11, 20) for y in range(2026, 2031)]


def test_a_triggered_task_waits_for_its_trigger_then_counts_working_days(import_seed):  # noqa: F811
    plan = import_seed("003")
    task = plan.tasks.filter(schedule_kind="trigger").first()
    assert task.occurrences.count() == 0
    with time_machine.travel(date(2026, 3, 1)):
        task_trigger_record(
            task=task,
            user=user("daumoi.laichau"),
            document="Công văn 12/SNV-CCHC",
            occurred_on=date(2026, 2, 13),
            working_days=5,
        )
    occurrence = task.occurrences.get()
    # 13/02/2026 + 5 working days skips the weekend and Tết (16–20/02): 23, 24, 25, 26, 27/02.
    assert occurrence.due_on == date(2026, 2, 27)


def test_a_trigger_in_the_future_is_refused(import_seed):  # noqa: F811
    plan = import_seed("003")
    task = plan.tasks.filter(schedule_kind="trigger").first()
    with pytest.raises(ValidationError, match="tương lai"):
        task_trigger_record(
            task=task, user=user("daumoi.laichau"), document="CV", occurred_on=date(2099, 1, 1)
        )
    assert task.occurrences.count() == 0


def test_a_task_walks_through_every_status(plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    staff = user("daumoi")
    with time_machine.travel(date(2026, 9, 15)):
        assert occurrence_status(occurrence) == "not_started"
    with time_machine.travel(date(2026, 11, 1)):
        assert occurrence_status(occurrence) == "in_progress"
    with time_machine.travel(date(2026, 12, 28)):
        assert occurrence_status(occurrence) == "due_soon"
        progress_submit(occurrence=occurrence, user=staff, percent=100, complete=True)
        occurrence.refresh_from_db()
        assert occurrence_status(occurrence) == "awaiting_acceptance"
    with time_machine.travel(date(2027, 1, 3)):
        occurrence_accept(occurrence=occurrence, user=user("lanhdao"))
        occurrence.refresh_from_db()
        assert occurrence_status(occurrence) == "done_on_time"
    late = plan.tasks.get(ref="13").occurrences.get(label="Quý III/2026")
    with time_machine.travel(date(2026, 10, 10)):
        assert occurrence_status(late) == "overdue"
        progress_submit(occurrence=late, user=staff, percent=100, complete=True)
        occurrence_accept(occurrence=late, user=user("lanhdao"))
        late.refresh_from_db()
        assert occurrence_status(late) == "done_late"
    early = plan.tasks.get(ref="13").occurrences.get(label="Quý I/2026")
    assert occurrence_status(early) == "not_applicable"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"percent": 120}, "từ 0 đến 100"),
        ({"percent": 100, "complete": True, "completed_on": date(2099, 1, 1)}, "tương lai"),
        ({"percent": 50, "files": [("bien-ban.pdf", b"MZ\x90\x00")]}, "chạy được"),
        ({"percent": 50, "files": [("anh.png", b"%PDF-1.4")]}, "bị hỏng"),
        ({"percent": 50, "links": ["javascript:alert(1)"]}, "không hợp lệ"),
    ],
)
def test_bad_progress_is_refused_and_nothing_is_saved(plan, kwargs, message):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    with pytest.raises(ValidationError, match=message):
        progress_submit(occurrence=occurrence, user=user("daumoi"), **kwargs)
    occurrence.refresh_from_db()
    assert occurrence.percent == 0 and ProgressUpdate.objects.count() == 0


def test_lowering_progress_needs_a_reason(plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    progress_submit(occurrence=occurrence, user=user("daumoi"), percent=60)
    with pytest.raises(ValidationError, match="lý do"):
        progress_submit(occurrence=occurrence, user=user("daumoi"), percent=40)
    progress_submit(occurrence=occurrence, user=user("daumoi"), percent=40, reason="Tính lại khối lượng")
    occurrence.refresh_from_db()
    assert occurrence.percent == 40


def test_a_file_too_large_is_refused(plan, settings):
    settings.CCHC_MAX_EVIDENCE_BYTES = 1024
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    with pytest.raises(ValidationError, match="quá lớn"):
        progress_submit(
            occurrence=occurrence, user=user("daumoi"), percent=10, files=[("lon.pdf", PDF + b"0" * 2048)]
        )


def test_a_stale_version_is_refused(plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    stale = occurrence.version
    progress_submit(occurrence=occurrence, user=user("daumoi"), percent=30, expected_version=stale)
    with pytest.raises(ValidationError, match="người khác"):
        progress_submit(occurrence=occurrence, user=user("daumoi"), percent=50, expected_version=stale)
    assert Occurrence.objects.get(pk=occurrence.pk).percent == 30


def test_only_the_authority_accepts(plan):
    task = plan.tasks.get(ref="13")
    occurrence = task.occurrences.get(label="Quý IV/2026")
    progress_submit(occurrence=occurrence, user=user("daumoi"), percent=100, complete=True)
    with pytest.raises(PermissionDenied):
        occurrence_accept(occurrence=occurrence, user=user("daumoi"))
    task.authority = plan.agency.people.get(full_name="Lê Công Du")
    task.save()
    with pytest.raises(PermissionDenied):
        occurrence_accept(occurrence=occurrence, user=user("lanhdao"))  # the named authority, not any leader


def test_the_authority_returns_a_result_with_a_reason(plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")
    progress_submit(occurrence=occurrence, user=user("daumoi"), percent=100, complete=True)
    with pytest.raises(ValidationError, match="lý do"):
        occurrence_return(occurrence=occurrence, user=user("lanhdao"), reason=" ")
    occurrence_return(occurrence=occurrence, user=user("lanhdao"), reason="Thiếu biên bản kiểm tra")
    occurrence.refresh_from_db()
    assert occurrence.submitted_at is None and occurrence.accepted_on is None


def test_staff_of_another_unit_cannot_report(plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý IV/2026")  # led by Văn phòng Sở
    outsider = user("canbo.daison")
    with pytest.raises(PermissionDenied):
        progress_submit(occurrence=occurrence, user=outsider, percent=10)


def test_staff_of_a_lead_unit_reports_with_evidence_through_the_page(client, plan):
    task = plan.tasks.get(ref="28")  # Phòng Kế hoạch – Tài chính, "Thường xuyên"
    occurrence = task.occurrences.filter(not_applicable=False).first()
    client.force_login(user("chuyenvien"))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("tasks:progress_post", args=[occurrence.pk]),
        {
            "version": occurrence.version,
            "percent": 100,
            "note": "Đã giải ngân",
            "complete": "on",
            "evidence": SimpleUploadedFile("bao-cao.pdf", PDF, content_type="application/pdf"),
        },
    )
    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert update.evidence.get().original_name == "bao-cao.pdf"
    assert Occurrence.objects.get(pk=occurrence.pk).submitted_at is not None


def test_my_work_lists_the_units_open_occurrences_most_urgent_first(client, plan):
    client.force_login(user("chuyenvien"))
    with time_machine.travel(date(2026, 11, 22)):
        rows = client.get(reverse("tasks:my_work")).context["rows"]
    assert rows and rows[0].status == "overdue"
    assert all(row.occurrence.task.agency_id == plan.agency_id for row in rows)
    assert {row.occurrence.task.ref for row in rows} >= {"27", "28", "29"}  # 26 waits for "Theo kế hoạch"


def test_dashboard_and_task_pages_of_another_agency_are_404(client, plan):
    client.force_login(user("canbo.daison"))
    assert client.get(reverse("tasks:dashboard"), {"agency": plan.agency_id}).status_code == 404
    occurrence = plan.tasks.get(ref="13").occurrences.last()
    assert (
        client.post(reverse("tasks:progress_post", args=[occurrence.pk]), {"percent": 5}).status_code == 404
    )


def test_leader_dashboard_counts_a_done_on_time_occurrence(client, plan):
    occurrence = plan.tasks.get(ref="13").occurrences.get(label="Quý III/2026")
    with time_machine.travel(date(2026, 9, 20)):
        progress_submit(occurrence=occurrence, user=user("daumoi"), percent=100, complete=True)
        occurrence_accept(occurrence=occurrence, user=user("lanhdao"))
    client.force_login(user("lanhdao"))
    with time_machine.travel(date(2026, 10, 5)):
        page = client.get(reverse("tasks:dashboard"))
    dashboard = page.context["d"]
    assert dashboard.totals.on_time == 1
    assert "<svg" in page.content.decode()


def test_api_reports_progress_with_a_file_and_the_authority_accepts(client, plan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.accounts.services import api_token_create

    occurrence = plan.tasks.get(ref="28").occurrences.filter(not_applicable=False).first()
    _, staff_key = api_token_create(user=user("chuyenvien"), name="api")
    response = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/progress",
        {"percent": 100, "complete": "true", "files": SimpleUploadedFile("bb.pdf", PDF)},
        headers={"Authorization": f"Bearer {staff_key}"},
    )
    assert response.status_code == 201, response.content
    assert response.json()["evidence"] == ["bb.pdf"]
    refused = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/decision",
        {"decision": "accept"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {staff_key}"},
    )
    assert refused.status_code == 403
    _, leader_key = api_token_create(user=user("lanhdao"), name="api")
    accepted = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/decision",
        {"decision": "accept"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {leader_key}"},
    )
    assert accepted.status_code == 200
    assert accepted.json()["accepted_on"] is not None


def test_api_refuses_progress_over_100_with_a_vietnamese_422(client, plan):
    from apps.accounts.services import api_token_create

    occurrence = plan.tasks.get(ref="28").occurrences.filter(not_applicable=False).first()
    _, key = api_token_create(user=user("chuyenvien"), name="api")
    response = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/progress",
        {"percent": 150},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 422
    assert "100" in response.content.decode()


def test_api_answers_409_to_a_stale_version_and_keeps_the_other_report(client, plan):
    from apps.accounts.services import api_token_create

    occurrence = plan.tasks.get(ref="28").occurrences.filter(not_applicable=False).first()
    stale = occurrence.version
    progress_submit(occurrence=occurrence, user=user("chuyenvien"), percent=40, expected_version=stale)
    _, key = api_token_create(user=user("chuyenvien"), name="api")
    response = client.post(
        f"/api/v1/occurrences/{occurrence.pk}/progress",
        {"percent": 10, "reason": "Sai số", "version": stale},
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Kỳ này vừa được người khác cập nhật (tiến độ hiện tại 40%).")
    fresh = Occurrence.objects.get(pk=occurrence.pk)
    assert (fresh.percent, fresh.version) == (40, stale + 1)
    assert fresh.updates.count() == 1


def _cooperating_occurrence(plan, username):
    """An open occurrence of a task the user's unit cooperates on while another unit leads it."""
    units = User.objects.get(username=username).person.unit_id
    task = plan.tasks.filter(cooperating_units=units).exclude(lead_units=units).first()
    assert task is not None, "the seed plan has a task the user's unit cooperates on"
    return task.occurrences.filter(not_applicable=False).first()


def test_a_cooperating_unit_cannot_report_the_task_complete(plan):
    # Given a task another unit leads, on which the staff member's unit cooperates
    occurrence = _cooperating_occurrence(plan, "chuyenvien")
    # When the staff member reports 100% and completion, then it is refused with the reason
    with pytest.raises(ValidationError, match="Chỉ đơn vị chủ trì"):
        progress_submit(occurrence=occurrence, user=user("chuyenvien"), percent=100, complete=True)
    with pytest.raises(ValidationError, match="Chỉ đơn vị chủ trì"):
        progress_submit(occurrence=occurrence, user=user("chuyenvien"), percent=100)
    assert not ProgressUpdate.objects.exists()
    # And the contribution itself is welcome
    progress_submit(occurrence=occurrence, user=user("chuyenvien"), percent=40, note="Đã góp ý dự thảo")
    assert Occurrence.objects.get(pk=occurrence.pk).percent == 40


def test_a_refused_progress_keeps_the_typed_note_on_the_page(client, plan):
    occurrence = _cooperating_occurrence(plan, "chuyenvien")
    client.force_login(user("chuyenvien"))
    response = client.post(
        reverse("tasks:progress_post", args=[occurrence.pk]),
        {
            "version": occurrence.version,
            "percent": 100,
            "complete": "on",
            "note": "Đã gửi văn bản góp ý số 12",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Chỉ đơn vị chủ trì" in page
    assert "Đã gửi văn bản góp ý số 12" in page
    assert not ProgressUpdate.objects.exists()


def test_a_refused_quick_update_keeps_the_note_in_my_work(client, plan):
    occurrence = _cooperating_occurrence(plan, "chuyenvien")
    client.force_login(user("chuyenvien"))
    response = client.post(
        reverse("tasks:progress_post", args=[occurrence.pk]),
        {
            "version": occurrence.version,
            "percent": 100,
            "note": "Ghi chú gõ dở",
            "next": reverse("tasks:my_work"),
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Chỉ đơn vị chủ trì" in page and "Ghi chú gõ dở" in page


def test_a_cooperating_unit_is_not_offered_to_report_completion(client, plan):
    occurrence = _cooperating_occurrence(plan, "chuyenvien")
    client.force_login(user("chuyenvien"))
    page = client.get(reverse("tasks:task_detail", args=[occurrence.task_id])).content.decode()
    assert "Đơn vị của bạn phối hợp thực hiện" in page and 'name="complete"' not in page
