"""Staff report progress with a PDF, the authority accepts, the leader's dashboard shows it done on time."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.tasks.models import Task
from apps.tasks.services import occurrences_sync_for_task
from domain.uploads.tests import samples

from .conftest import login

PDF = samples.pdf()  # a real one-page PDF: the upload gate refuses a file no reader can open


def make_task() -> Task:
    today = timezone.localdate()
    agency = Agency.objects.get(code="DLK-SXD")
    plan = Plan.objects.create(
        agency=agency,
        number="50",
        symbol="KH-SXD",
        issued_on=today - timedelta(days=30),
        title="Kế hoạch thử nghiệm tiến độ",
        period_start=today.replace(month=1, day=1),
        period_end=today.replace(month=12, day=31),
    )
    task = Task.objects.create(
        agency=agency,
        plan=plan,
        ref="1",
        title="Rà soát quy trình giải ngân vốn đầu tư công",
        lead_text="Phòng Kế hoạch – Tài chính",
        schedule_kind="window",
        timeline_raw="Trong tháng",
        start_on=today - timedelta(days=10),
        due_on=today + timedelta(days=10),
        deliverable="Báo cáo rà soát",
    )
    task.lead_units.set([agency.units.get(code="KHTC")])
    occurrences_sync_for_task(task=task)
    return task


def test_progress_acceptance_and_dashboard(live_server, browser, demo, tmp_path):
    task = make_task()
    evidence = tmp_path / "bao-cao-ra-soat.pdf"
    evidence.write_bytes(PDF)

    staff = browser.new_context(locale="vi-VN").new_page()
    login(staff, live_server.url, "chuyenvien")
    staff.goto(f"{live_server.url}/nhiem-vu/{task.pk}/")
    form = staff.locator("form.progress-form").first
    form.locator("input[name=percent]").fill("100")
    form.locator("textarea[name=note]").fill("Đã rà soát xong, gửi báo cáo.")
    form.locator("input[name=evidence]").set_input_files(str(evidence))
    form.locator("input[name=complete]").check()
    form.locator("button[type=submit]").click()
    staff.wait_for_selector("text=Đã ghi nhận báo cáo tiến độ")
    assert staff.locator("a", has_text="bao-cao-ra-soat.pdf").count() == 1
    assert "Chờ nghiệm thu" in staff.inner_text("#occurrences")

    leader = browser.new_context(locale="vi-VN").new_page()
    login(leader, live_server.url, "lanhdao")
    leader.goto(f"{live_server.url}/nhiem-vu/bang-dieu-khien/")
    before = leader.inner_text("#on-time-rate")
    before_chart = leader.inner_html("#area-chart")
    leader.goto(f"{live_server.url}/nhiem-vu/{task.pk}/")
    leader.click("form.decision-form button[value=accept]")
    leader.wait_for_selector("text=Đã nghiệm thu kết quả")
    assert "Hoàn thành đúng hạn" in leader.inner_text("#occurrences")
    leader.goto(f"{live_server.url}/nhiem-vu/bang-dieu-khien/")
    assert leader.inner_text("#on-time-rate") != before
    assert leader.inner_html("#area-chart") != before_chart
    assert "100" in leader.inner_text("#on-time-rate") or "%" in leader.inner_text("#on-time-rate")
