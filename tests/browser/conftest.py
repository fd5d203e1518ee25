"""Playwright (Python) driving Debian's Chromium at /usr/bin/chromium; never a downloaded browser."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
# Playwright's sync API runs an event loop in this thread; the tests' Django calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[Any]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail("Thiếu /usr/bin/chromium: cài gói chromium của Debian để chạy kiểm thử trình duyệt.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _requests_finish_before_the_flush(request: Any) -> Iterator[None]:
    """A browser test's database is flushed when it ends; with SQLite in memory the live server's threads share
    its one connection, so a request a page started last (a poll, a late navigation) still running then fails the
    flush with "table is locked". Set up after the database (so torn down before its flush) and after nothing else:
    the pages are closed first, then the server gets a moment to finish."""
    request.getfixturevalue("transactional_db")
    yield
    if "browser" in request.fixturenames:
        for context in request.getfixturevalue("browser").contexts:
            context.close()
    time.sleep(0.5)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def demo(transactional_db: Any) -> None:
    from apps.core.demo import build_demo
    from apps.rewards.tests.reference import ensure_base_salaries

    ensure_base_salaries()  # an earlier transactional test flushed the reference data
    build_demo()


def login(page: Any, base_url: str, username: str) -> None:
    from apps.core.demo import DEMO_PASSWORD

    page.goto(f"{base_url}/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/")
