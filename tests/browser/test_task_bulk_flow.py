"""A focal point makes a freshly imported plan fully "06 rõ" from the register: tick all, assign, done."""

from __future__ import annotations

from datetime import date

from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.tasks.models import Task
from apps.tasks.services import task_refresh_six_clear

from .conftest import login


def make_plan() -> Plan:
    agency = Agency.objects.get(code="DLK-SXD")
    plan = Plan.objects.create(agency=agency, title="Kế hoạch vừa nhập", period_start=date(2026, 1, 1))
    for order, title in enumerate(
        [
            "Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính",
            "Tổ chức tập huấn kỹ năng số cho công chức Bộ phận một cửa",
            "Xây dựng báo cáo đánh giá mức độ hài lòng của người dân",
        ]
    ):
        task = Task(
            agency=agency,
            plan=plan,
            ref=str(order + 1),
            title=title,
            deliverable="Báo cáo kết quả",
            lead_text="Các phòng chuyên môn",
            lead_is_group=True,
            timeline_raw="Quý III/2026",
            schedule_kind="window",
            start_on=date(2026, 7, 1),
            due_on=date(2026, 9, 30),
            order=order,
        )
        task_refresh_six_clear(task)
        task.save()
    return plan


def test_tick_all_and_assign_makes_the_plan_six_clear(live_server, page, demo):
    plan = make_plan()
    login(page, live_server.url, "daumoi")
    page.goto(f"{live_server.url}/nhiem-vu/?plan={plan.pk}")
    page.check("[data-select-all=tasks]")
    assert page.locator("[data-selected-count=tasks]").inner_text() == "Đã chọn 3 dòng"
    page.click("text=Giao việc cho các dòng đã chọn")
    page.select_option("#id_lead_unit", label="Văn phòng Sở")
    page.select_option("#id_accountable", index=1)
    page.select_option("#id_authority", index=2)
    page.click("text=Giao cho 3 nhiệm vụ")
    page.wait_for_url(f"{live_server.url}/nhiem-vu/?plan={plan.pk}*")
    assert "Đủ 06 rõ: 3/3 (100%)" in page.content()
    assert page.locator("#tasks .badge.ok").count() == 3
    # The sorted header keeps the filter and says its order.
    page.click("#tasks thead a:has-text('Hạn')")
    assert page.locator("#tasks th[aria-sort=ascending]").count() == 1
    assert f"plan={plan.pk}" in page.url
