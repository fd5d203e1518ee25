"""The decision, register and history pages, the documents read back, and what another agency cannot see."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import docx
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.choices import Role
from apps.rewards.models import Award, RewardDecision
from apps.rewards.selectors.decisions import (
    decision_get_for_user,
    decision_list_for_user,
    session_get_for_user,
)
from apps.rewards.selectors.register import (
    award_list_for_user,
    history_for_agency,
    history_for_person,
    history_for_unit,
)
from apps.rewards.services.decisions import decision_create, decision_issue
from apps.rewards.services.register import award_enter

from .decision_builders import voted_session


@pytest.fixture
def voted(tree, make_user):
    return voted_session(tree.own, make_user)


@pytest.fixture
def issued(voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    return decision_issue(
        user=voted.head, decision=decision, number="125/QĐ-SXD", signed_on=date(2026, 6, 20)
    )


def _text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_the_office_drafts_from_the_session_and_the_head_issues(client, voted):
    client.force_login(voted.office)
    response = client.post(
        f"{reverse('rewards:decision_create')}?agency={voted.agency.pk}",
        {"session": voted.session.pk, "signed_on": "15/06/2026", "title": "", "money_source": ""},
    )
    decision = RewardDecision.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "rewards:decision", args=[decision.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Hoàng Thị Lan" in page and "710.000" in page and "2.120.000" in page
    assert "Căn cứ: Nghị định 73/2024/NĐ-CP" in page  # the base salary of 15/06/2026 and where it comes from
    assert 'id="issue-form"' not in page  # the office drafts, the head issues

    client.force_login(voted.head)
    page = client.get(reverse("rewards:decision", args=[decision.pk])).content.decode()
    assert 'id="issue-form"' in page
    response = client.post(
        reverse("rewards:decision_issue", args=[decision.pk]),
        {
            "version": decision.version,
            "number": "125/QĐ-SXD",
            "signed_on": "20/06/2026",
            "signer": voted.head.person.pk,
        },
    )
    assert response.status_code == 302
    assert Award.objects.filter(decision=decision).count() == 2


def test_a_draft_before_the_vote_date_is_shown_on_the_form(client, voted):
    client.force_login(voted.office)
    response = client.post(
        f"{reverse('rewards:decision_create')}?agency={voted.agency.pk}",
        {"session": voted.session.pk, "signed_on": "01/06/2026"},
    )
    assert response.status_code == 400
    assert "trước ngày Hội đồng họp bỏ phiếu" in response.content.decode()
    assert RewardDecision.objects.count() == 0


def test_a_staff_member_cannot_issue(client, voted, make_user):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    client.force_login(make_user(Role.STAFF, voted.agency))
    response = client.post(
        reverse("rewards:decision_issue", args=[decision.pk]),
        {
            "version": decision.version,
            "number": "1/QĐ",
            "signed_on": "20/06/2026",
            "signer": voted.head.person.pk,
        },
    )
    assert response.status_code == 403
    assert Award.objects.count() == 0


def test_the_decision_docx_lists_each_award_with_its_amount_and_the_total(client, voted, issued):
    client.force_login(voted.office)
    response = client.get(reverse("rewards:decision_docx", args=[issued.pk]))
    text = _text(response.content)
    assert "QUYẾT ĐỊNH" in text and "Hoàng Thị Lan" in text and "Lao động tiên tiến" in text
    assert "710.000" in text and "1.410.000" in text and "2.120.000 đồng" in text
    assert "Giám đốc Sở Xây dựng tỉnh Một".upper() in text
    assert "125" in text and "QĐ-SXD" in text


def test_the_certificates_print_a_page_per_award(client, voted, issued):
    client.force_login(voted.office)
    text = _text(client.get(reverse("rewards:certificates_docx", args=[issued.pk])).content)
    assert "GIẤY KHEN" in text and "Văn phòng Sở" in text
    assert "GIẤY CHỨNG NHẬN" in text and "Đạt danh hiệu Lao động tiên tiến năm 2026" in text


def test_the_proposal_and_the_minutes_of_the_session(client, voted):
    client.force_login(voted.office)
    proposal = _text(client.get(reverse("rewards:proposal_docx", args=[voted.session.pk])).content)
    assert "TỜ TRÌNH" in proposal and "Hoàng Thị Lan" in proposal and "Trần Văn Bình" not in proposal
    minutes = _text(client.get(reverse("rewards:minutes_docx", args=[voted.session.pk])).content)
    assert "BIÊN BẢN" in minutes and "Trần Văn Bình" in minutes
    assert "5/5" in minutes and "2/5" in minutes and "Không đạt" in minutes


def test_the_register_filters_and_exports(client, voted, issued):
    award_enter(
        user=voted.office,
        agency=voted.agency,
        subject="person",
        person=voted.people["lan"],
        form="lao_dong_tien_tien",
        year=2024,
        decided_on=date(2024, 12, 20),
        decision_label="Quyết định 98/QĐ-SXD ngày 20/12/2024",
    )
    client.force_login(voted.office)
    url = reverse("rewards:register")
    page = client.get(f"{url}?agency={voted.agency.pk}&year=2024").content.decode()
    assert "98/QĐ-SXD" in page and "125/QĐ-SXD" not in page
    page = client.get(f"{url}?agency={voted.agency.pk}&form=giay_khen").content.decode()
    assert "Văn phòng Sở" in page and "Hoàng Thị Lan" not in page
    response = client.get(f"{reverse('rewards:register_xlsx')}?agency={voted.agency.pk}&year=2026")
    sheet = load_workbook(BytesIO(response.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Hoàng Thị Lan" in values and 710000 in values and 2120000 in values
    assert "Quyết định 98/QĐ-SXD ngày 20/12/2024" not in values


def test_the_office_enters_a_past_award_from_the_page(client, voted):
    client.force_login(voted.office)
    url = f"{reverse('rewards:award_enter')}?agency={voted.agency.pk}"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "subject": "person",
            "person": voted.people["lan"].pk,
            "form": "chien_si_thi_dua_co_so",
            "year": "2025",
            "decision_label": "Quyết định 150/QĐ-SXD",
            "decided_on": "22/12/2025",
            "prize_amount": "2.340.000",
        },
    )
    assert response.status_code == 302
    award = Award.objects.get()
    assert award.prize_amount == 2340000 and award.person == voted.people["lan"]


def test_the_persons_history_shows_every_award_and_nomination(client, voted, issued):
    client.force_login(voted.office)
    page = client.get(reverse("rewards:history_person", args=[voted.people["lan"].pk])).content.decode()
    assert "Lao động tiên tiến" in page and "125/QĐ-SXD" in page and "Đã có quyết định khen thưởng" in page
    page = client.get(
        reverse("rewards:history_unit", args=[voted.nominations["office"].unit_id])
    ).content.decode()
    assert "Giấy khen" in page


def test_another_agency_cannot_see_them(tree, make_user, voted, issued):
    stranger = make_user(Role.FOCAL_POINT, tree.other)
    assert not decision_list_for_user(user=stranger).exists()
    assert not award_list_for_user(user=stranger).exists()
    from django.http import Http404

    for read, pk in (
        (decision_get_for_user, issued.pk),
        (session_get_for_user, voted.session.pk),
        (history_for_person, voted.people["lan"].pk),
        (history_for_unit, voted.nominations["office"].unit_id),
        (history_for_agency, voted.agency.pk),
    ):
        with pytest.raises(Http404):
            read(user=stranger, pk=pk)


def test_another_agencys_pages_are_404(client, tree, make_user, voted, issued):
    client.force_login(make_user(Role.FOCAL_POINT, tree.other))
    for name, pk in (
        ("rewards:decision", issued.pk),
        ("rewards:decision_docx", issued.pk),
        ("rewards:certificates_docx", issued.pk),
        ("rewards:proposal_docx", voted.session.pk),
        ("rewards:minutes_docx", voted.session.pk),
        ("rewards:history_person", voted.people["lan"].pk),
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 404, name
    assert client.get(f"{reverse('rewards:register')}?agency={voted.agency.pk}").status_code == 404


def test_the_decision_and_register_pages_read_in_a_bounded_number_of_queries(
    client, voted, issued, django_assert_max_num_queries
):
    for year in (2023, 2024, 2025):
        award_enter(
            user=voted.office,
            agency=voted.agency,
            subject="person",
            person=voted.people["binh"],
            form="lao_dong_tien_tien",
            year=year,
            decided_on=date(year, 12, 20),
            decision_label=f"Quyết định {year}",
        )
    client.force_login(voted.office)
    with django_assert_max_num_queries(20):
        assert client.get(f"{reverse('rewards:register')}?agency={voted.agency.pk}").status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("rewards:decision", args=[issued.pk])).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(f"{reverse('rewards:decisions')}?agency={voted.agency.pk}").status_code == 200


def test_a_session_already_drafted_is_not_offered_again(client, voted):
    client.force_login(voted.office)
    url = f"{reverse('rewards:decisions')}?agency={voted.agency.pk}"
    assert "Phiên họp ngày 10/06/2026 (2 đề nghị được thông qua)" in client.get(url).content.decode()

    decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))

    page = client.get(url).content.decode()
    assert "Phiên họp ngày 10/06/2026" not in page and "(chưa số)" in page
