"""An anonymous visitor on a phone (390 × 844, JavaScript off) opens an agency's public page and reads the
figures it publishes; the focal point takes one down and, on the next visit, it is gone."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from domain.transparency import year_to_date

from .conftest import login

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "locale": "vi-VN",
    "is_mobile": True,
    "has_touch": True,
    "java_script_enabled": False,
}
SCREENSHOT = Path("var/screenshots/transparency-phone.png")


def dossiers_of(agency: Any) -> None:
    from apps.dossiers.models import Dossier, Procedure
    from apps.dossiers.services import dossier_rollup_rebuild

    start, _end, _label = year_to_date(timezone.localdate())
    procedure, _ = Procedure.objects.get_or_create(
        code="1.000001", defaults={"name": "Cấp giấy phép xây dựng"}
    )
    month = start.year * 100 + start.month
    for number, day, channel in ((1, 15, "truc_tuyen"), (2, 16, "truc_tiep"), (3, 25, "truc_tuyen")):
        Dossier.objects.create(
            code=f"HS-THU-{number}",
            agency=agency,
            procedure=procedure,
            channel=channel,
            received_on=date(start.year, start.month, 2),
            due_on=date(start.year, start.month, 20),
            resolved_on=date(start.year, start.month, day),
            received_month=month,
            due_month=month,
            resolved_month=month,
        )
    dossier_rollup_rebuild(agency_ids={agency.pk})


def test_phone_visitor_reads_published_figures_and_a_figure_taken_down_disappears(
    live_server, browser, page, demo
):
    from apps.accounts.models import User
    from apps.organizations.models import Agency
    from apps.transparency.services import publication_set

    cache.clear()
    url = live_server.url
    agency = Agency.objects.get(code="DLK-SXD")
    dossiers_of(agency)
    publication_set(
        user=User.objects.get(username="daumoi"),
        agency=agency,
        keys=["dossiers.on_time", "dossiers.online", "plan.progress"],
    )

    context = browser.new_context(**PHONE)
    phone = context.new_page()
    try:
        phone.goto(f"{url}/cong-khai/DLK-SXD/")
        assert phone.title().startswith("Công khai kết quả CCHC · Sở Xây dựng tỉnh Đắk Lắk")
        assert phone.get_by_role("heading", name="Sở Xây dựng tỉnh Đắk Lắk").is_visible()
        on_time = phone.locator("#f-dossierson_time")
        assert on_time.is_visible()
        assert "66,67%" in on_time.inner_text()
        assert "Kỳ: " in on_time.inner_text() and "Cập nhật: " in on_time.inner_text()
        assert phone.get_by_role("heading", name="Hồ sơ nộp trực tuyến").is_visible()
        # Mobile first: nothing wider than the phone, the figures one under the other.
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        phone.screenshot(path=str(SCREENSHOT), full_page=True)

        # The focal point takes the online figure down from the settings page.
        login(page, url, "daumoi")
        page.goto(f"{url}/cong-khai/quan-ly/")
        page.screenshot(path=str(SCREENSHOT.with_name("transparency-settings.png")), full_page=True)
        page.get_by_role("button", name="Gỡ Hồ sơ nộp trực tuyến").click()
        assert page.get_by_text("Đã gỡ số liệu khỏi trang công khai.").is_visible()

        phone.reload()
        assert phone.locator("#f-dossierson_time").is_visible()
        assert phone.get_by_role("heading", name="Hồ sơ nộp trực tuyến").count() == 0

        # The province page lists the agency with what it still publishes.
        phone.goto(f"{url}/cong-khai/tinh/DLK/")
        assert phone.get_by_role("link", name="Sở Xây dựng tỉnh Đắk Lắk").is_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.screenshot(path=str(SCREENSHOT.with_name("transparency-province-phone.png")), full_page=True)
    finally:
        context.close()
