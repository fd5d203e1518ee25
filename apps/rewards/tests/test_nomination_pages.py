"""Pages, API and CLI of nominations and the council: the year's list with the verdict badge, the nomination page
with each condition and the linked record that proves it, a unit head proposing, the focal point's queue and
check, the session form recording every count at once (a count above those present shown on the form, nothing
saved), the JSON endpoints, and `cchc rewards check --json`."""

from __future__ import annotations

import json
from datetime import date, datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from apps.rewards.choices import NominationStatus
from apps.rewards.models import Nomination, Vote
from apps.rewards.services import council as council_services

from .nomination_builders import checked, full_dossier, nominate, office, rating

TODAY = date(2026, 12, 15)


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 12, 15, 9, 0), tick=False):
        yield


@pytest.fixture
def own(tree, clock):
    return office(tree.own)


@pytest.fixture
def session(own):
    return council_services.session_create(
        user=own.focal,
        council=own.council,
        held_at=timezone.make_aware(datetime(2026, 12, 16, 8, 0)),
        members_present=3,
    )


def _list_url(own):
    return f"{reverse('rewards:nomination_list')}?agency={own.agency.pk}&year=2026"


def test_the_list_shows_each_nomination_with_its_status_and_verdict(own, client):
    rating(own.staff[0], 2026, "good")
    rating(own.staff[1], 2026, "completed")
    checked(own, nominate(own, own.staff[0]))
    checked(own, nominate(own, own.staff[1]))
    client.force_login(own.focal)
    body = client.get(_list_url(own)).content.decode()
    assert "Nguyễn Chuyên Viên 1" in body and "Nguyễn Chuyên Viên 2" in body
    assert "Đủ điều kiện" in body and "Chưa đủ điều kiện" in body


def test_the_nomination_page_shows_each_condition_and_links_its_record(own, client):
    r2026 = rating(own.staff[0], 2026, "completed")
    nomination = checked(own, nominate(own, own.staff[0]))
    client.force_login(own.head)
    response = client.get(reverse("rewards:nomination", args=[nomination.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'class="card condition failed"' in body and 'class="card condition met"' in body
    assert "Hoàn thành nhiệm vụ" in body  # the rating of 2026 as the evidence
    document = nomination.documents.first()
    assert reverse("rewards:nomination_document", args=[document.pk]) in body
    assert r2026.pk  # the rating's link appears once the ratings page exists (movements helper)


def test_a_unit_head_proposes_from_the_page(own, client):
    client.force_login(own.head)
    url = f"{reverse('rewards:nomination_create')}?agency={own.agency.pk}"
    page = client.get(url).content.decode()
    assert "Nguyễn Chuyên Viên 1" in page and "Phạm Đầu Mối" not in page  # only their unit's people
    response = client.post(
        url,
        {
            "nominee": f"person:{own.staff[0].pk}",
            "form": "lao_dong_tien_tien",
            "year": "2026",
            "achievement": "Hoàn thành tốt nhiệm vụ",
            "declarations": ["self_reliance"],
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302 and nomination.person == own.staff[0]
    assert nomination.declarations == {"self_reliance": {"met": True, "note": ""}}


def test_another_agencys_person_posted_to_the_form_is_refused(own, tree, client):
    from apps.organizations.tests.factories import PersonFactory

    stranger = PersonFactory(agency=tree.other)
    client.force_login(own.focal)
    response = client.post(
        f"{reverse('rewards:nomination_create')}?agency={own.agency.pk}",
        {
            "nominee": f"person:{stranger.pk}",
            "form": "lao_dong_tien_tien",
            "year": "2026",
            "achievement": "x",
        },
    )
    assert response.status_code == 400 and Nomination.objects.count() == 0


def test_the_focal_point_checks_from_the_queue(own, client):
    rating(own.staff[0], 2026, "good")
    nomination = nominate(own, own.staff[0])
    full_dossier(own, nomination)
    client.force_login(own.head)
    client.post(reverse("rewards:nomination_submit", args=[nomination.pk]))
    client.force_login(own.focal)
    queue = client.get(f"{reverse('rewards:nomination_queue')}?agency={own.agency.pk}").content.decode()
    assert "Nguyễn Chuyên Viên 1" in queue
    client.post(reverse("rewards:nomination_check", args=[nomination.pk]))
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CHECKED and nomination.eligible is True
    client.force_login(own.head)
    assert client.get(f"{reverse('rewards:nomination_queue')}?agency={own.agency.pk}").status_code == 403


def test_the_session_form_records_every_count_or_none(own, session, client):
    for person in own.staff[:2]:
        rating(person, 2026, "good")
    a, b = (checked(own, nominate(own, p)) for p in own.staff[:2])
    client.force_login(own.focal)
    url = reverse("rewards:session_votes", args=[session.pk])
    refused = client.post(url, {f"votes_{a.pk}": "3", f"votes_{b.pk}": "5"})
    assert refused.status_code == 400 and "vượt số thành viên có mặt" in refused.content.decode()
    assert Vote.objects.count() == 0
    client.post(url, {f"votes_{a.pk}": "3", f"votes_{b.pk}": "1"})
    page = client.get(reverse("rewards:session", args=[session.pk])).content.decode()
    assert "3/3" in page and "Không đạt" in page


def test_the_council_page_lists_members_and_waiting_nominations(own, client):
    rating(own.staff[0], 2026, "completed")
    checked(own, nominate(own, own.staff[0]))
    client.force_login(own.head)
    body = client.get(f"{reverse('rewards:council')}?agency={own.agency.pk}").content.decode()
    assert "Chủ tịch Hội đồng" in body and "Lê Giám Đốc" in body
    assert "Chưa đủ điều kiện" in body


def test_another_agency_gets_404_on_the_pages(own, tree, make_user, client, session):
    nomination = nominate(own, own.staff[0])
    client.force_login(make_user("focal_point", tree.other))
    assert client.get(reverse("rewards:nomination", args=[nomination.pk])).status_code == 404
    assert client.get(reverse("rewards:session", args=[session.pk])).status_code == 404
    assert client.get(f"{reverse('rewards:nomination_list')}?agency={own.agency.pk}").status_code == 404


# --- API ----------------------------------------------------------------------------------------------------------


def test_api_creates_checks_and_lists_with_the_verdict(own, client):
    rating(own.staff[0], 2026, "good")
    client.force_login(own.focal)
    created = client.post(
        "/api/v1/rewards/nominations",
        {
            "agency_id": own.agency.pk,
            "year": 2026,
            "form": "lao_dong_tien_tien",
            "person_id": own.staff[0].pk,
            "achievement": "Hoàn thành tốt nhiệm vụ",
            "declarations": ["self_reliance"],
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    nomination = Nomination.objects.get(pk=pk)
    full_dossier(own, nomination)
    from apps.rewards.services.nominations import nomination_submit

    nomination_submit(user=own.head, nomination=nomination)
    checked_out = client.post(f"/api/v1/rewards/nominations/{pk}/check", {}, content_type="application/json")
    assert checked_out.status_code == 200 and checked_out.json()["eligible"] is True
    listed = client.get(f"/api/v1/rewards/nominations?agency={own.agency.pk}&year=2026").json()
    assert listed[0]["nominee"] == "Nguyễn Chuyên Viên 1"
    assert any(c["rule"] and c["evidence"] for c in listed[0]["conditions"])


def test_api_refuses_a_title_already_awarded_with_422(own, client):
    from .nomination_builders import award

    award(own.staff[0], "lao_dong_tien_tien", 2026)
    client.force_login(own.focal)
    response = client.post(
        "/api/v1/rewards/nominations",
        {
            "agency_id": own.agency.pk,
            "year": 2026,
            "form": "lao_dong_tien_tien",
            "person_id": own.staff[0].pk,
            "achievement": "x",
        },
        content_type="application/json",
    )
    assert response.status_code == 422 and "đã được tặng" in response.json()["detail"]["form"][0]


def test_api_votes_refuse_a_count_above_those_present(own, session, client):
    rating(own.staff[0], 2026, "good")
    nomination = checked(own, nominate(own, own.staff[0]))
    client.force_login(own.focal)
    url = f"/api/v1/rewards/sessions/{session.pk}/votes"
    refused = client.post(
        url, {"votes": [{"nomination_id": nomination.pk, "votes_for": 4}]}, content_type="application/json"
    )
    assert refused.status_code == 422 and Vote.objects.count() == 0
    done = client.post(
        url, {"votes": [{"nomination_id": nomination.pk, "votes_for": 3}]}, content_type="application/json"
    )
    assert done.status_code == 201 and done.json()[0]["passed"] is True
    assert client.get(url).json()[0]["votes_for"] == 3


# --- CLI ----------------------------------------------------------------------------------------------------------


def test_cli_prints_every_nomination_with_its_verdict_and_conditions(own):
    rating(own.staff[0], 2026, "good")
    rating(own.staff[1], 2026, "completed")
    checked(own, nominate(own, own.staff[0]))
    nominate(own, own.staff[1])  # not checked yet: computed now
    out = StringIO()
    call_command("rewards", "check", "--agency", own.agency.code, "--year", "2026", "--json", stdout=out)
    data = json.loads(out.getvalue())
    by_name = {n["nominee"]: n for n in data["nominations"]}
    first, second = by_name["Nguyễn Chuyên Viên 1"], by_name["Nguyễn Chuyên Viên 2"]
    assert set(first) == {"nominee", "award", "eligible", "conditions"}
    assert first["award"] == "Lao động tiên tiến" and first["eligible"] is True
    assert second["eligible"] is False
    assert set(first["conditions"][0]) == {"rule", "met", "evidence"}
    assert any("Hoàn thành tốt nhiệm vụ" in " ".join(c["evidence"]) for c in first["conditions"])
    table = StringIO()
    call_command("rewards", "check", "--agency", own.agency.code, "--year", "2026", stdout=table)
    assert "CHƯA ĐỦ ĐIỀU KIỆN" in table.getvalue()


def test_cli_refuses_an_unknown_agency(db):
    with pytest.raises(CommandError, match="Không có cơ quan"):
        call_command("rewards", "check", "--agency", "KHONG-CO", "--year", "2026", "--json")


def test_only_the_chair_sees_and_uses_the_override(own, client):
    rating(own.staff[0], 2026, "completed")
    nomination = checked(own, nominate(own, own.staff[0]))
    url = reverse("rewards:nomination", args=[nomination.pk])
    client.force_login(own.focal)
    assert "override-form" not in client.get(url).content.decode()
    assert (
        client.post(reverse("rewards:nomination_override", args=[nomination.pk]), {"reason": "x"}).status_code
        == 403
    )
    client.force_login(own.leader)  # the council's chair
    assert "override-form" in client.get(url).content.decode()
    client.post(
        reverse("rewards:nomination_override", args=[nomination.pk]), {"reason": "Thành tích đột xuất"}
    )
    nomination.refresh_from_db()
    assert nomination.override_reason == "Thành tích đột xuất" and nomination.override_by == own.leader


def test_cchc_lists_the_command():
    from cchc.__main__ import COMMANDS

    assert COMMANDS["rewards"][0] == "rewards" and "rewards check" in COMMANDS["rewards"][1]
