"""A reward in the browser, from the unit to the register: the unit head nominates a person; the focal point checks
and sees the verdict with each condition; the council's count is recorded; the agency's head drafts and issues the
decision; the decision's .docx lists the award with its amount; the person's history shows it."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

import docx
from django.utils import timezone
from playwright.sync_api import expect

from apps.accounts.models import User
from apps.organizations.models import Agency, Person
from apps.rewards.choices import CouncilRole, DocumentKind
from apps.rewards.models import AnnualRating, Council, CouncilMember, Nomination
from apps.rewards.services import council as council_services
from apps.rewards.services import nominations as nomination_services
from apps.rewards.tests.nomination_builders import pdf

from .conftest import login

SESSION_AT = datetime(2026, 6, 10, 8, 30)  # before 01/07/2026: the base salary is 2.340.000 đồng


def _council(agency: Agency) -> Council:
    """The Sở's council: the director chairs, the office's chief is secretary, a unit head sits in."""
    council = Council.objects.create(agency=agency, name="Hội đồng Thi đua – Khen thưởng Sở Xây dựng")
    for name, role in (
        ("Cao Đình Huy", CouncilRole.CHAIR),
        ("Nguyễn Thị Thu Hà", CouncilRole.SECRETARY),
        ("Võ Đức Thắng", CouncilRole.MEMBER),
    ):
        CouncilMember.objects.create(council=council, person=Person.objects.get(full_name=name), role=role)
    return council


def _docx_text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_a_reward_from_the_nomination_to_the_register(live_server, page, demo):
    agency = Agency.objects.get(code="DLK-SXD")
    lan = Person.objects.get(full_name="Hoàng Thị Lan")
    AnnualRating.objects.create(agency=agency, person=lan, year=2026, grade="good")
    council = _council(agency)
    url = live_server.url

    # the unit head nominates Lan for Lao động tiên tiến, with the dossier, and sends it
    login(page, url, "truongphong")
    page.goto(f"{url}/thi-dua-khen-thuong/de-nghi/tao/?agency={agency.pk}")
    page.select_option("#id_nominee", f"person:{lan.pk}")
    page.select_option("#id_form", "lao_dong_tien_tien")
    page.fill("#id_year", "2026")
    page.fill("#id_achievement", "Hoàn thành tốt nhiệm vụ tham mưu kế hoạch tài chính năm 2026")
    page.check("input[name=declarations][value=self_reliance]")
    page.click("#nomination-form button[type=submit]")
    expect(page.locator("h1")).to_contain_text("Hoàng Thị Lan")
    nomination = Nomination.objects.get(person=lan)
    head = User.objects.get(username="truongphong")
    for kind in (DocumentKind.PROPOSAL, DocumentKind.ACHIEVEMENT_REPORT, DocumentKind.REVIEW_MINUTES):
        nomination_services.nomination_document_add(user=head, nomination=nomination, kind=kind, file=pdf())
    page.reload()
    page.click("text=Gửi đầu mối kiểm tra")
    expect(page.locator("#status")).to_contain_text("Đã gửi")
    page.context.clear_cookies()

    # the focal point checks: the verdict with each condition and the record that proves it
    login(page, url, "daumoi")
    page.goto(f"{url}/thi-dua-khen-thuong/de-nghi/{nomination.pk}/")
    page.click("text=Kiểm tra hồ sơ và điều kiện")
    expect(page.locator("#conditions")).to_contain_text("Hoàn thành tốt nhiệm vụ")
    expect(page.locator("#conditions .condition.failed")).to_have_count(0)
    expect(page.locator("#conditions")).to_contain_text("Đạt")

    # the council meets and its count is recorded
    session = council_services.session_create(
        user=User.objects.get(username="daumoi"),
        council=council,
        held_at=timezone.make_aware(SESSION_AT),
        members_present=3,
        place="Phòng họp tầng 3",
    )
    page.goto(f"{url}/thi-dua-khen-thuong/phien-hop/{session.pk}/")
    page.fill(f"#id_votes_{nomination.pk}", "3")
    page.click("#votes-form button[type=submit]")
    expect(page.locator("#votes")).to_contain_text("Đạt")
    page.context.clear_cookies()

    # the agency's head drafts the decision from the session and issues it
    login(page, url, "lanhdao")
    page.goto(f"{url}/thi-dua-khen-thuong/quyet-dinh/?agency={agency.pk}")
    page.fill("#decision-form #id_signed_on", "20/06/2026")
    page.click("#decision-form button[type=submit]")
    expect(page.locator("#awards")).to_contain_text("Hoàng Thị Lan")
    expect(page.locator("#total")).to_have_text("710.000")
    page.fill("#issue-form #id_number", "125/QĐ-SXD")
    page.click("#issue-form button[type=submit]")
    expect(page.locator("#decision-status")).to_contain_text("Đã ban hành")

    # the decision opens in Word with the award and its amount
    with page.expect_download() as download:
        page.click("text=Tải quyết định (Word)")
    text = _docx_text(Path(download.value.path()).read_bytes())
    assert "Hoàng Thị Lan" in text and "Lao động tiên tiến" in text and "710.000" in text

    # the person's history shows the award
    page.click("#awards >> text=Hoàng Thị Lan")
    expect(page.locator("#history-awards")).to_contain_text("Lao động tiên tiến")
    expect(page.locator("#history-awards")).to_contain_text("125/QĐ-SXD")
