"""The focal point of Sở Xây dựng opens "Tuyên truyền, kiểm tra", sees this month red on the website channel of
seed 002's plan, pastes three links (the server cannot reach them here: the titles and dates are typed),
confirms them, and sees the month turn green."""

from __future__ import annotations

from django.utils import timezone

from apps.communications.models import Article
from apps.communications.tests.conftest import import_seed_002
from apps.organizations.models import Agency

from .conftest import login

LINKS = (
    "https://sxd.daklak.gov.vn/tin-tuc/doi-thoai-cchc",
    "https://sxd.daklak.gov.vn/tin-tuc/dich-vu-cong-truc-tuyen",
    "https://zalo.me/sxddaklak/bai-moi",
)


def test_pasted_links_turn_the_month_green(live_server, browser, demo, settings):
    settings.CCHC_FETCH_TIMEOUT_SECONDS = 1
    import_seed_002(Agency.objects.get(code="DLK-SXD"))
    today = timezone.localdate()
    page = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(15000)
    login(page, live_server.url, "daumoi")
    page.get_by_role("navigation", name="Chức năng").get_by_role(
        "link", name="Tuyên truyền, kiểm tra"
    ).click()
    month = page.locator(f"#thang-{today.month} td[data-status]").first
    assert month.get_attribute("data-status") == "open"
    assert "Chưa đạt" in month.inner_text()

    page.get_by_role("link", name="Dán nhiều đường dẫn").click()
    page.fill("#id_links", "\n".join(LINKS))
    page.get_by_role("button", name="Tiếp tục").click()
    page.wait_for_selector("table.drafts")
    assert Article.objects.count() == 0  # nothing saved before the confirmation
    day = today.strftime("%d/%m/%Y")
    for index, title in enumerate(
        ("Đối thoại với doanh nghiệp về CCHC", "Nộp hồ sơ xây dựng trực tuyến", "Bài đăng Zalo OA")
    ):
        page.fill(f"input[name=form-{index}-title]", title)
        page.fill(f"input[name=form-{index}-published_on]", day)
    page.select_option("select[name=form-2-channel]", "zalo_oa")
    page.select_option("select[name=form-1-area]", "Cải cách thủ tục hành chính")
    page.get_by_role("button", name="Xác nhận ghi sổ").click()

    page.wait_for_selector(f"#thang-{today.month}")
    assert "Đã ghi sổ 3 tin, bài" in page.content()
    website = page.locator(f"#thang-{today.month} td[data-status]").first
    assert website.get_attribute("data-status") == "met"
    assert website.inner_text().startswith("2/1")
    assert Article.objects.filter(channel="zalo_oa").count() == 1
