"""A month's rating in the browser: the staff member sees her month computed from her tasks and the product that
cost points, and self-assesses; the unit head scores the general criteria from the team view; the agency's head
sees the distribution and the cap, and decides."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.models import User
from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.ratings.tests.builders import Office, product
from domain.periods import MONTH, period_containing

from .conftest import login


def _month_of_work() -> tuple[str, str]:
    """Lan's products in the last ended month: one on time, one four days late, one returned once."""
    agency = Agency.objects.get(code="DLK-SXD")
    month = period_containing(timezone.localdate(), MONTH).previous()
    plan = Plan.objects.create(
        agency=agency,
        number="9",
        symbol="KH-SXD",
        issued_on=month.start,
        title="Kế hoạch công tác tháng",
        period_start=month.start,
        period_end=month.end,
    )
    users = {u.username: u for u in User.objects.filter(username__in=["lanhdao", "truongphong", "daumoi"])}
    office = Office(agency, None, None, plan, users["truongphong"], users["lanhdao"], users["daumoi"])  # type: ignore[arg-type]
    lan = User.objects.get(username="chuyenvien").person
    start = month.start
    product(
        office,
        lan,
        start + timedelta(days=9),
        completed=start + timedelta(days=8),
        accepted=start + timedelta(days=9),
        ref="1",
    )
    late = product(
        office,
        lan,
        start + timedelta(days=14),
        completed=start + timedelta(days=18),
        accepted=start + timedelta(days=19),
        ref="2",
    )
    product(
        office,
        lan,
        start + timedelta(days=20),
        completed=start + timedelta(days=20),
        accepted=start + timedelta(days=22),
        returned=1,
        ref="3",
    )
    return month.label, late.task.title


def test_a_month_from_the_register_to_the_decision(live_server, page, demo):
    label, late_title = _month_of_work()
    url = live_server.url

    # the staff member sees her month and what cost points, and self-assesses
    login(page, url, "chuyenvien")
    page.click("nav >> text=Đánh giá, xếp loại")
    expect(page.locator("h1")).to_contain_text(f"Đánh giá của tôi — {label}")
    expect(page.locator("#products")).to_contain_text("chậm 4 ngày")
    expect(page.locator("#lost")).to_contain_text(late_title)
    expect(page.locator("#lost")).to_contain_text("−25% điểm tiến độ")
    expect(page.locator("#lost")).to_contain_text("trả lại 1 lần")
    # a = 100%, b = (1 + 1 + 0,75) ÷ 3, c = (1 + 0,75 + 1) ÷ 3 → (100 + 91,67 + 91,67) ÷ 3 × 70 = 66,11
    expect(page.locator("#task-points")).to_have_text("66,11")
    page.fill("#id_general", "31")
    page.fill("#id_comment", "Chấp hành tốt nội quy; chủ động tham mưu")
    page.click("#self-assess button[type=submit]")
    expect(page.locator("#self-assess")).to_contain_text("từ 0 đến 30")
    page.fill("#id_general", "28")
    page.click("#self-assess button[type=submit]")
    expect(page.locator("#status")).to_have_text("Đã tự đánh giá, chờ trưởng đơn vị")
    expect(page.locator("#total")).to_have_text("94,11")
    page.context.clear_cookies()

    # the unit head scores the general criteria from the team view
    login(page, url, "truongphong")
    page.goto(f"{url}/danh-gia-xep-loai/don-vi/")
    page.click("#people >> text=Hoàng Thị Lan")
    page.fill("#id_general", "27")
    page.fill("#id_reason", "Còn một lần nộp báo cáo chậm")
    page.click("#score button[type=submit]")
    expect(page.locator("#status")).to_have_text("Trưởng đơn vị đã chấm, chờ thủ trưởng quyết định")
    expect(page.locator("#total")).to_have_text("93,11")
    page.context.clear_cookies()

    # the agency's head sees the distribution and the cap, then decides
    login(page, url, "lanhdao")
    page.goto(f"{url}/danh-gia-xep-loai/co-quan/")
    expect(page.locator("#cap")).to_contain_text("tối đa 0 người xuất sắc")
    expect(page.locator("#distribution [data-grade=good]")).to_have_text("1")
    page.click("#decide button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Đã quyết định xếp loại 1 người")
    expect(page.locator("#nguoi-" + str(User.objects.get(username="chuyenvien").person_id))).to_contain_text(
        "Hoàn thành tốt nhiệm vụ"
    )
