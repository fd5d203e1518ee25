"""Main flows of the foundation in a real browser."""

from __future__ import annotations

from apps.organizations.models import Agency

from .conftest import login


def test_focal_point_adds_a_unit_and_finds_it_in_the_history(live_server, page, demo):
    login(page, live_server.url, "daumoi")
    page.click("text=Cơ quan, đơn vị")
    page.locator(".tree").get_by_role("link", name="Sở Xây dựng tỉnh Đắk Lắk").click()
    page.click("text=Thêm đơn vị")
    page.fill("#id_code", "CDS")
    page.fill("#id_name", "Tổ Chuyển đổi số")
    page.select_option("#id_kind", "section")
    page.click("button:has-text('Lưu')")
    assert page.locator("#units").get_by_text("Tổ Chuyển đổi số").is_visible()
    page.click("text=Lịch sử thay đổi")
    row = page.locator("#history tbody tr").first
    assert "Tổ Chuyển đổi số" in row.inner_text()
    assert "Thêm mới" in row.inner_text()
    assert "Nguyễn Thị Thu Hà" in row.inner_text()


def test_commune_staff_is_refused_the_department_pages(live_server, page, demo):
    login(page, live_server.url, "canbo.daison")
    page.click("text=Cơ quan, đơn vị")
    assert page.locator(".tree").get_by_role("link", name="UBND xã Đại Sơn").is_visible()
    assert page.get_by_text("Sở Xây dựng tỉnh Đắk Lắk").count() == 0
    sxd = Agency.objects.get(code="DLK-SXD")
    response = page.goto(f"{live_server.url}/co-quan/{sxd.pk}/")
    assert response.status == 404
    response = page.goto(f"{live_server.url}/api/v1/agencies/{sxd.pk}")
    assert response.status == 404


def test_the_shell_fits_a_phone(live_server, browser, demo):
    context = browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    login(page, live_server.url, "lanhdao")
    assert not page.locator("#nav").is_visible()
    page.click("button.menu-toggle")
    assert page.locator("#nav").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    context.close()
