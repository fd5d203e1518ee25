"""The cockpit in the browser: the focal point on a phone sees the figures without scrolling sideways, opens the
late occurrences behind a figure, and finds the chart of the dashboard readable with its table beside it."""

from __future__ import annotations

from django.conf import settings
from playwright.sync_api import expect

from apps.core.demo import demo_progress, import_demo_plans

from .conftest import login


def test_the_focal_point_opens_the_late_work_behind_a_figure_on_a_phone(live_server, browser, demo):
    import_demo_plans(settings.CCHC_SEEDS_DIR)
    demo_progress()
    context = browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        login(page, live_server.url, "daumoi")
        expect(page.locator("h1")).to_have_text("Việc cần đôn đốc hôm nay")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        figure = page.locator("#tile-overdue .num").inner_text()
        assert int(figure) > 0
        page.click("#tile-overdue a")
        page.wait_for_url("**/nhiem-vu/bang-dieu-khien/**")
        expect(page.locator("h2", has_text="Quá hạn")).to_contain_text(f"({figure})")
        # The chart's labels are page text at the body's size, and its figures open as a table.
        size = page.eval_on_selector(
            "#area-chart .chart-label", "e => parseFloat(getComputedStyle(e).fontSize)"
        )
        assert size >= 13
        page.click("#area-chart summary")
        expect(page.locator("#area-chart table")).to_be_visible()
    finally:
        context.close()
