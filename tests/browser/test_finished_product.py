"""Every demo role walks through its main pages on desktop and phone, and a citizen through the public pages:
no server error, no English word or developer text from the deny-list, no serious or critical axe-core
violation, no status told by colour alone, and public pages that fit a 360 px phone."""

from __future__ import annotations

from io import StringIO
from typing import Any

import pytest

from .accessibility import axe_violations, colour_only_statuses, forbidden_texts
from .conftest import login

DESKTOP = {"viewport": {"width": 1280, "height": 900}, "locale": "vi-VN", "bypass_csp": True}
PHONE = {
    "viewport": {"width": 360, "height": 780},
    "locale": "vi-VN",
    "is_mobile": True,
    "has_touch": True,
    "bypass_csp": True,
}
ROLES = ("quantri", "noivu", "lanhdao", "daumoi", "truongphong", "chuyenvien")
# The question each role's home page answers (its cockpit; apps/core/cockpits.py, whose tests check the content).
COCKPITS = {
    "quantri": "Tài khoản, tác vụ nền và tình trạng hệ thống",
    "noivu": "Tình hình toàn tỉnh",
    "lanhdao": "Việc chờ anh/chị quyết định",
    "daumoi": "Việc cần đôn đốc hôm nay",
    "truongphong": "Việc và người của đơn vị",
    "chuyenvien": "Việc của tôi hôm nay",
}


@pytest.fixture
def full_demo(transactional_db: Any, live_server: Any) -> None:
    """The demo as `cchc demo` builds it (surveys, PAR, ratings… too), on the data migrations' reference rows,
    put back first in case an earlier transactional test flushed them."""
    from django.core.management import call_command

    from tests.reference_data import ensure_reference_data

    ensure_reference_data()
    call_command("demo", stdout=StringIO())


def public_pages() -> list[str]:
    from apps.par.selectors import published_rounds
    from apps.surveys import links
    from apps.surveys.models import Campaign, Counter

    campaign = Campaign.objects.filter(status="open", agency__code="DLK-SXD").first()
    assert campaign is not None, "Dữ liệu mẫu phải có một đợt khảo sát đang mở."
    counter = Counter.objects.filter(agency=campaign.agency).first()
    token = links.make_link_token(
        campaign_id=campaign.pk, counter_id=counter.pk, counter_version=1, expires_on=campaign.closes_on
    )
    pages = [
        "/tai-khoan/dang-nhap/",
        f"/khao-sat/y/{token}/",
        "/khao-sat/cong-khai/",
        "/khao-sat/cong-khai/DLK-SXD/",
        "/cong-khai/",
        "/cong-khai/DLK-SXD/",
        "/cong-khai/tinh/DLK/",
    ]
    pages += [f"/chi-so-cchc/danh-gia/cong-khai/{round_.pk}/" for round_ in published_rounds()[:1]]
    return pages


def check(page: Any, where: str, problems: list[str], *, run_axe: bool) -> None:
    text = page.title() + "\n" + page.inner_text("body")
    problems += [f"{where}: {found}" for found in forbidden_texts(text)]
    problems += [f"{where}: chỉ có màu, không có chữ: {html}" for html in colour_only_statuses(page)]
    if run_axe:
        problems += [f"{where}: {violation}" for violation in axe_violations(page)]


def visit(page: Any, url: str, where: str, problems: list[str]) -> bool:
    response = page.goto(url)
    status = response.status if response else 0
    if status >= 500:
        problems.append(f"{where}: lỗi máy chủ {status}")
    return status < 400


def test_every_role_and_the_public_see_vietnamese_accessible_pages(live_server, browser, full_demo):
    problems: list[str] = []
    checked: set[tuple[str, str]] = set()

    for name, options in (("máy tính", DESKTOP), ("điện thoại", PHONE)):
        context = browser.new_context(**options)
        page = context.new_page()
        page.set_default_timeout(20000)
        for path in public_pages():
            where = f"khách, {name}, {path}"
            if visit(page, live_server.url + path, where, problems):
                check(page, where, problems, run_axe=True)
                width = page.evaluate("document.documentElement.scrollWidth")
                if name == "điện thoại" and width > 360:
                    problems.append(f"{where}: trang rộng {width} px, tràn màn hình 360 px")
        context.close()

    for username in ROLES:
        for name, options in (("máy tính", DESKTOP), ("điện thoại", PHONE)):
            context = browser.new_context(**options)
            page = context.new_page()
            page.set_default_timeout(20000)
            login(page, live_server.url, username)
            paths = ["/"] + [
                href
                for href in page.eval_on_selector_all(
                    "nav#nav a", "links => links.map(a => a.getAttribute('href'))"
                )
                if href and href != "/"
            ]
            for path in paths:
                where = f"{username}, {name}, {path}"
                if not visit(page, live_server.url + path, where, problems):
                    continue
                # Every role's own home page; other pages once per screen size (the layout is the same).
                run_axe = path == "/" or (name, path) not in checked
                checked.add((name, path))
                check(page, where, problems, run_axe=run_axe)
                if path == "/" and page.inner_text("h1").strip() != COCKPITS[username]:
                    problems.append(
                        f"{where}: trang chủ không phải bảng việc của vai trò: {page.inner_text('h1')}"
                    )
            context.close()

    assert not problems, "\n".join(problems)
