"""Workflow traps of issue 21 found by trying reports as a user would: the number typed with its symbol, the
request to the units after an early compile, compiling with nothing from the units, the leader's notice."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.notifications.models import Notification
from apps.reports.choices import ContributionStatus, ReportStatus
from apps.reports.services import contribution_save, report_compile, report_open_to_units

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _approved(annual, users):
    report_compile(report=annual, user=users["focal"])
    client_for(users["leader"]).post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "approve"})


def test_a_number_typed_with_its_symbol_is_saved_once(users, annual):
    # Given an approved report whose symbol is BC-SXD
    _approved(annual, users)
    # When the focal point types the number as it appears on paper
    client_for(users["focal"]).post(
        f"/bao-cao/{annual.pk}/thao-tac/", {"action": "send", "number": "125/BC-SXD", "sent_on": "16/12/2026"}
    )
    # Then the symbol is not repeated
    annual.refresh_from_db()
    assert annual.status == ReportStatus.SENT
    assert annual.number == "125" and annual.reference_label == "125/BC-SXD"


def test_a_number_with_another_symbol_is_refused_with_a_message(users, annual):
    _approved(annual, users)
    page = client_for(users["focal"]).post(
        f"/bao-cao/{annual.pk}/thao-tac/",
        {"action": "send", "number": "125/BC-UBND", "sent_on": "16/12/2026"},
        follow=True,
    )
    annual.refresh_from_db()
    assert annual.status == ReportStatus.APPROVED and annual.number == ""
    assert "khác ký hiệu của báo cáo" in page.content.decode()


def test_the_send_form_shows_the_hint_with_the_reports_symbol(users, annual):
    _approved(annual, users)
    html = client_for(users["focal"]).get(f"/bao-cao/{annual.pk}/").content.decode()
    assert "ký hiệu “BC-SXD” được thêm tự động" in html


def test_after_compiling_without_the_units_they_can_still_be_asked(users, annual, year):
    # Given a report compiled straight from the draft
    focal = client_for(users["focal"])
    focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "compile"})
    # Then the page still offers to ask the units
    html = focal.get(f"/bao-cao/{annual.pk}/").content.decode()
    assert 'value="open"' in html and "Yêu cầu các đơn vị gửi nội dung" in html
    # And asking them works
    focal.post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "open"})
    annual.refresh_from_db()
    assert annual.status == ReportStatus.CONTRIBUTING
    assert annual.contributions.filter(unit=year.construction).exists()


def test_compiling_with_no_contribution_warns(users, annual):
    page = client_for(users["focal"]).post(
        f"/bao-cao/{annual.pk}/thao-tac/", {"action": "compile"}, follow=True
    )
    html = page.content.decode()
    assert "Chưa có đơn vị nào gửi nội dung" in html


def test_compiling_with_some_units_silent_names_them(users, annual, year):
    report_open_to_units(report=annual, user=users["focal"])
    part = annual.contributions.get(unit=year.construction)
    contribution_save(
        contribution=part, user=users["staff"], sections={"institutions": "Đã làm."}, submit=True
    )
    assert part.__class__.objects.get(pk=part.pk).status == ContributionStatus.SUBMITTED
    html = (
        client_for(users["focal"])
        .post(f"/bao-cao/{annual.pk}/thao-tac/", {"action": "compile"}, follow=True)
        .content.decode()
    )
    assert "chưa gửi nội dung" in html and year.office.name in html


def test_the_leader_is_notified_that_a_report_awaits_approval(users, annual):
    # When the focal point compiles the report
    report_compile(report=annual, user=users["focal"])
    # Then the agency's leader has a notice linking to it, and the focal point has none
    notice = Notification.objects.get(user=users["leader"])
    assert "chờ duyệt" in notice.title and notice.url == f"/bao-cao/{annual.pk}/"
    assert not Notification.objects.filter(user=users["focal"]).exists()
    assert not Notification.objects.filter(user=users["other"]).exists()
