"""The shared layout and forms in a real browser: errors found from the summary, a date picked on a calendar and
written dd/mm/yyyy, the menu on a phone showing where one is."""

from __future__ import annotations

from .conftest import login


def test_a_wrong_form_leads_to_its_fields_and_a_day_is_picked_on_a_calendar(live_server, page, demo):
    login(page, live_server.url, "daumoi")
    page.goto(f"{live_server.url}/phan-anh/them/")
    page.get_by_role("button", name="Lưu").click()

    summary = page.locator(".error-summary")
    assert summary.evaluate("element => element === document.activeElement")  # read first
    summary.get_by_role("link", name="Ngày tiếp nhận: Trường này là bắt buộc.").click()
    assert page.evaluate("document.activeElement.id") == "id_received_on"

    # The calendar button opens the browser's own picker; what it picks is written back as dd/mm/yyyy.
    field = page.locator("#id_received_on")
    assert page.get_by_role("button", name="Chọn ngày trên lịch: Ngày tiếp nhận").is_visible()
    page.locator("#id_received_on ~ input.date-native").evaluate(
        "native => { native.value = '2026-03-05'; native.dispatchEvent(new Event('change')); }"
    )
    assert field.input_value() == "05/03/2026"


def test_on_a_phone_the_menu_opens_and_shows_the_current_section(live_server, page, demo):
    page.set_viewport_size({"width": 360, "height": 740})
    login(page, live_server.url, "daumoi")
    page.goto(f"{live_server.url}/phan-anh/them/")
    menu = page.get_by_role("navigation", name="Chức năng")
    assert not menu.is_visible()
    page.get_by_role("button", name="Trình đơn").click()
    current = menu.locator("a[aria-current]")
    assert current.inner_text().strip() == "Hồ sơ TTHC"
    crumbs = page.get_by_role("navigation", name="Vị trí của trang")
    assert crumbs.get_by_role("link", name="Tổng quan").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # nothing wider than the phone
