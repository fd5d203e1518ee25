"""On a phone (390 × 844): scan the counter's QR link, answer, thanks; the focal point's dashboard shows the
response; a second response for the same dossier is refused."""

from __future__ import annotations

import importlib
from datetime import timedelta
from typing import Any

from django.apps import apps as django_apps
from django.utils import timezone

from .conftest import login

PHONE = {"viewport": {"width": 390, "height": 844}, "locale": "vi-VN", "is_mobile": True, "has_touch": True}


def survey_setup() -> tuple[Any, str, str]:
    from apps.organizations.models import Agency
    from apps.surveys import links, services
    from apps.surveys.models import Questionnaire

    if not Questionnaire.objects.filter(code="BNV-SIPAS-2026").exists():
        # A transactional test before this one flushed the data migration's rows: put them back.
        importlib.import_module("apps.surveys.migrations.0002_bnv_model_questionnaire").create(
            django_apps, None
        )
    agency = Agency.objects.get(code="DLK-SXD")
    today = timezone.localdate()
    campaign = services.campaign_create(
        agency=agency,
        title="Khảo sát thử trên điện thoại",
        questionnaire=Questionnaire.objects.get(code="BNV-SIPAS-2026"),
        period_start=today - timedelta(days=5),
        period_end=today + timedelta(days=30),
        closes_on=today + timedelta(days=30),
        channels=["counter_qr", "result_slip"],
        population=500,
    )
    services.campaign_set_status(campaign=campaign, status="open")
    counter = services.counter_create(agency=agency, name="Quầy số 3 – Bộ phận Một cửa")
    counter_token = links.make_link_token(
        campaign_id=campaign.pk, counter_id=counter.pk, counter_version=1, expires_on=campaign.closes_on
    )
    dossier_token = links.make_link_token(
        campaign_id=campaign.pk, expires_on=campaign.closes_on, dossier_code="000.00.25.H14-261120-0042"
    )
    return campaign, f"/khao-sat/y/{counter_token}/", f"/khao-sat/y/{dossier_token}/"


def answer_everything(phone: Any, suggestion: str = "") -> None:
    """One part per screen: answer the visible questions, go on, and send from the last part."""
    while True:
        radios = phone.locator("[data-step]:not([hidden]) input[type=radio][value='4']")
        for index in range(radios.count()):
            radios.nth(index).check()
        suggestion_box = phone.get_by_label("Ông/Bà có góp ý gì", exact=False)
        if suggestion and suggestion_box.is_visible():
            suggestion_box.fill(suggestion)
        next_button = phone.locator("[data-step]:not([hidden]) [data-next]")
        if not next_button.count():
            break
        next_button.click()
    phone.get_by_role("button", name="Gửi ý kiến").click()


def test_scan_answer_thanks_dashboard_and_one_response_per_dossier(
    live_server, browser, page, demo, tmp_path
):
    campaign, counter_link, dossier_link = survey_setup()
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    phone.goto(live_server.url + counter_link)
    assert phone.locator("h1").inner_text() == "Khảo sát mức độ hài lòng"
    assert phone.get_by_role(
        "group", name="1. Nơi ngồi chờ tại Bộ phận Một cửa có đủ chỗ ngồi.", exact=False
    ).is_visible()
    # The page fits the phone: nothing wider than the screen, touch targets at least 44 px high.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert phone.locator("label.opt").first.bounding_box()["height"] >= 44
    phone.screenshot(path=str(tmp_path / "survey-phone.png"), full_page=False)
    answer_everything(phone, "Đề nghị thêm quạt ở phòng chờ <script>alert(1)</script>")
    assert "Cảm ơn Ông/Bà đã góp ý!" in phone.locator("#thanks").inner_text()

    login(page, live_server.url, "daumoi")
    page.goto(f"{live_server.url}/khao-sat/{campaign.pk}/")
    assert page.locator("#response-count").inner_text() == "1"
    assert page.locator("#overall").inner_text() == "100,00%"
    suggestions = page.locator("#suggestion-list").inner_text()
    assert "Đề nghị thêm quạt ở phòng chờ <script>alert(1)</script>" in suggestions

    phone.goto(live_server.url + dossier_link)
    answer_everything(phone)
    assert phone.locator("#thanks").is_visible()
    other_phone = browser.new_context(**PHONE).new_page()
    other_phone.goto(live_server.url + dossier_link)
    answer_everything(other_phone)
    assert "Hồ sơ này đã được đánh giá" in other_phone.locator("#public-message").inner_text()

    page.reload()
    assert page.locator("#response-count").inner_text() == "2"
    phone_context.close()
