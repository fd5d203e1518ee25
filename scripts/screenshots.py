"""Screenshots for looking at the product as its users do: the home page (cockpit) of each demo role, the task
register and the leader's dashboard on a desktop, and the public survey page (first part, a later part, the
results page) on a 360 px phone.

Run against a running demo (scripts/start.sh, or `cchc demo` then `cchc serve`):
    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out var/screenshots]
The images are for people to look at; they are not committed (var/ is ignored).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "cchc@2026"
ROLES = ("quantri", "noivu", "lanhdao", "daumoi", "truongphong", "chuyenvien")
DESKTOP: dict[str, Any] = {"viewport": {"width": 1366, "height": 900}, "locale": "vi-VN"}
PHONE: dict[str, Any] = {
    "viewport": {"width": 360, "height": 780},
    "locale": "vi-VN",
    "is_mobile": True,
    "has_touch": True,
}


def login(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/tai-khoan/dang-nhap/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")


def survey_link(page, base: str) -> str | None:  # type: ignore[no-untyped-def]
    """A counter's link of an open campaign, as the focal point prints it on the QR poster."""
    page.goto(f"{base}/khao-sat/")
    ids = sorted(
        {int(m) for m in re.findall(r"/khao-sat/(\d+)/", page.content())},
        reverse=True,
    )
    for campaign_id in ids:
        page.goto(f"{base}/khao-sat/{campaign_id}/ma-qr/")
        links = page.eval_on_selector_all("a.survey-link", "links => links.map(a => a.href)")
        if links:
            return str(links[0])
    return None


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(ROOT / "var" / "screenshots"))
    args = parser.parse_args()
    base = args.base_url.rstrip("/")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    made: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        link = None
        for username in ROLES:
            context = browser.new_context(**DESKTOP)
            page = context.new_page()
            login(page, base, username)
            made.append(out / f"trang-chu-{username}.png")
            page.screenshot(path=str(made[-1]), full_page=True)
            if username == "daumoi":
                for name, path in (
                    ("so-nhiem-vu", "/nhiem-vu/"),
                    ("bang-dieu-hanh", "/nhiem-vu/bang-dieu-khien/"),
                ):
                    page.goto(base + path)
                    made.append(out / f"{name}.png")
                    page.screenshot(path=str(made[-1]), full_page=True)
                link = survey_link(page, base)
            context.close()

        phone = browser.new_context(**PHONE).new_page()
        if link:
            phone.goto(link)
            made.append(out / "khao-sat-dien-thoai-phan-1.png")
            phone.screenshot(path=str(made[-1]), full_page=True)
            phone.locator("[data-step]:not([hidden]) input[type=radio][value='4']").first.wait_for()
            radios = phone.locator("[data-step]:not([hidden]) input[type=radio][value='4']")
            for index in range(radios.count()):
                radios.nth(index).check()
            phone.locator("[data-step]:not([hidden]) [data-next]").click()
            made.append(out / "khao-sat-dien-thoai-phan-2.png")
            phone.screenshot(path=str(made[-1]), full_page=False)
        else:
            print("Không tìm thấy đợt khảo sát đang mở có quầy: bỏ qua ảnh trang khảo sát.")
        phone.goto(f"{base}/khao-sat/cong-khai/")
        results = phone.eval_on_selector_all("main a", "links => links.map(a => a.href)")
        if results:
            phone.goto(results[0])
            made.append(out / "ket-qua-khao-sat-dien-thoai.png")
            phone.screenshot(path=str(made[-1]), full_page=True)
        browser.close()
    for image in made:
        print(image)


if __name__ == "__main__":
    main()
