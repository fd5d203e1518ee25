"""The public survey on a phone, one factor per screen: a progress line and an honest time, a part is not left
with a required question unanswered, the keyboard alone can answer and go on, and the phone's back button
returns to the previous part with every answer kept."""

from __future__ import annotations

from typing import Any

from .test_survey_flow import PHONE, survey_setup


def checked_value(phone: Any, fieldset_index: int) -> str | None:
    radios = phone.locator("[data-step]:not([hidden]) fieldset").nth(fieldset_index).locator("input:checked")
    return radios.get_attribute("value") if radios.count() else None


def progress(phone: Any) -> str:
    return phone.locator("#progress-text").inner_text()


def test_one_part_per_screen_with_progress_keyboard_and_back_button(live_server, browser, demo):
    _, counter_link, _ = survey_setup()
    phone = browser.new_context(**PHONE).new_page()
    phone.goto(live_server.url + counter_link)
    assert phone.locator("#estimate").inner_text().startswith("Khoảng ")
    assert progress(phone).startswith("Phần 1/8: Tiếp cận dịch vụ")
    assert phone.locator("[data-step]:not([hidden])").count() == 1
    assert not phone.get_by_role("button", name="Gửi ý kiến").is_visible()

    # Going on with questions unanswered: told which, and the part stays.
    phone.get_by_role("button", name="Tiếp tục").click()
    assert phone.locator(".err-msg").first.inner_text().startswith("Xin chọn một mức trả lời")
    assert progress(phone).startswith("Phần 1/8")

    # The keyboard alone: each question is one stop, Space picks the focused level, Tab reaches "Tiếp tục".
    fieldsets = phone.locator("[data-step]:not([hidden]) fieldset")
    for index in range(fieldsets.count()):
        fieldsets.nth(index).locator("input[value='4']").focus()
        phone.keyboard.press("Space")
    assert phone.locator("[data-step]:not([hidden]) .err-msg").count() == 0
    phone.keyboard.press("Tab")
    assert phone.evaluate("document.activeElement.textContent") == "Tiếp tục"
    phone.keyboard.press("Enter")
    assert progress(phone).startswith("Phần 2/8: Thủ tục hành chính")
    assert phone.evaluate("document.activeElement.tagName") == "H2"

    phone.locator("[data-step]:not([hidden]) input[value='3']").first.check()
    # The phone's back button: part 1 again, answers kept; forward: part 2, its answer kept too.
    phone.go_back()
    assert progress(phone).startswith("Phần 1/8")
    assert checked_value(phone, 0) == "4" and checked_value(phone, 4) == "4"
    phone.go_forward()
    assert progress(phone).startswith("Phần 2/8")
    assert checked_value(phone, 0) == "3"
    phone.get_by_role("button", name="Quay lại").click()
    assert progress(phone).startswith("Phần 1/8") and checked_value(phone, 0) == "4"
    phone.get_by_role("button", name="Tiếp tục").click()

    while phone.locator("[data-step]:not([hidden]) [data-next]").count():
        radios = phone.locator("[data-step]:not([hidden]) fieldset")
        for index in range(radios.count()):
            if checked_value(phone, index) is None:
                radios.nth(index).locator("input").first.check()
        phone.locator("[data-step]:not([hidden]) [data-next]").click()
    assert progress(phone).startswith("Phần 8/8")
    phone.get_by_role("button", name="Gửi ý kiến").click()
    assert "Cảm ơn Ông/Bà đã góp ý!" in phone.locator("#thanks").inner_text()


def test_sign_in_and_skip_the_menu_with_the_keyboard_alone(live_server, page, transactional_db):
    from apps.accounts.tests.factories import UserFactory

    UserFactory(username="banphim")
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    # The name field has the focus; Tab goes to the password, Enter signs in.
    page.keyboard.type("banphim")
    page.keyboard.press("Tab")
    page.keyboard.type("mat-khau-thu-123")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/")
    # The first Tab on a page offers to skip the menu, and Enter lands in the content.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Bỏ qua điều hướng"
    assert page.locator(".skip").bounding_box()["x"] >= 0  # shown while it has the focus
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
