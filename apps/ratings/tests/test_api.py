"""The ratings API: a person's sheet with every product, its points and what lowered them, linked to its
occurrence; the agency's table with the distribution and the cap; the pages' permissions (another agency's person
is a 404, the agency's table a 403 for its staff and a 404 outside); both in the OpenAPI description."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from apps.ratings import services

from .builders import office, product

TODAY = date(2026, 4, 10)
MARCH = "2026-03"


@pytest.fixture
def clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def own(tree, clock):
    return office(tree.own)


@pytest.fixture
def other(tree, clock):
    return office(tree.other)


def _person_url(person_id: int, period: str | None = MARCH) -> str:
    url = f"/api/v1/ratings/people/{person_id}"
    return f"{url}?period={period}" if period else url


def test_own_sheet_lists_each_product_with_its_points_losses_and_link(own, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    me = me_user.person
    on_time = product(own, me, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 11))
    late = product(
        own, me, date(2026, 3, 20), completed=date(2026, 3, 25), accepted=date(2026, 3, 26), returned=1
    )
    client.force_login(me_user)
    response = client.get(_person_url(me.pk))
    assert response.status_code == 200, response.content
    body = response.json()
    assert (
        body["person"] == me.full_name and body["period"] == MARCH and body["period_label"] == "Tháng 03/2026"
    )
    # late and returned once: c = (1 + 0,75) ÷ 2, b = (1 + 0,75) ÷ 2
    assert (body["quantity"], body["quality"], body["timeliness"]) == ("100.00", "87.50", "87.50")
    assert body["task_points"] == "64.17" and body["products"] == 2
    items = {item["source_id"]: item for item in body["items"]}
    assert set(items) == {on_time.pk, late.pk}
    cause = items[late.pk]
    assert cause["url"] == reverse("tasks:task_detail", args=[late.task_id]) + f"#ky-{late.pk}"
    assert cause["source"] == "occurrence" and cause["days_late"] == 5 and cause["returned"] == 1
    assert cause["timeliness"] == "0.75" and cause["quality"] == "0.75"
    assert any("chậm 1 lần" in loss for loss in cause["losses"])
    assert any("trả lại 1 lần" in loss for loss in cause["losses"])
    assert items[on_time.pk]["losses"] == []
    assert "(a + b + c) ÷ 3" in body["explanation"]


def test_a_decided_sheet_returns_the_frozen_products(own, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    me = me_user.person
    first = product(own, me, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 11))
    services.rating_score(user=own.head, person=me, period_code=MARCH, general="25", reason="Chấp hành tốt")
    services.agency_decide(user=own.leader, agency=own.agency, period_code=MARCH)
    product(own, me, date(2026, 3, 28))  # added to the register after the decision
    client.force_login(me_user)
    body = client.get(_person_url(me.pk)).json()
    assert body["decided"] and body["status"] == "decided"
    assert [item["source_id"] for item in body["items"]] == [first.pk]
    assert body["total"] == "95.00" and body["grade"] == "good"  # one person: the cap keeps nobody excellent
    assert body["items"][0]["accepted_on"] == "2026-03-11"


def test_another_person_or_agency_is_not_found(own, other, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    colleague = own.person(f"cv2_{own.agency.pk}")
    stranger = other.person(f"cv1_{other.agency.pk}")
    client.force_login(me_user)
    assert client.get(_person_url(colleague.pk)).status_code == 404
    assert client.get(_person_url(stranger.pk)).status_code == 404
    assert client.get(_person_url(999_999)).status_code == 404
    client.force_login(own.head)  # heads the unit of cv2, not another agency's people
    assert client.get(_person_url(colleague.pk)).status_code == 200
    assert client.get(_person_url(stranger.pk)).status_code == 404
    client.force_login(other.leader)
    assert client.get(_person_url(me_user.person.pk)).status_code == 404
    client.force_login(own.head)
    colleague.is_active = False  # moved away: their past sheets stay readable to those who could read them
    colleague.save()
    assert client.get(_person_url(colleague.pk)).status_code == 200


def test_a_bad_period_is_refused_and_none_means_last_month(own, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    client.force_login(me_user)
    response = client.get(_person_url(me_user.person.pk, "2026-H1"))
    assert response.status_code == 422 and "period" in response.json()["detail"]
    assert client.get(_person_url(me_user.person.pk, "2026-13")).status_code == 422
    assert client.get(_person_url(me_user.person.pk, None)).json()["period"] == MARCH


def test_the_agency_table_is_for_its_head_and_focal_point(own, other, client):
    agency = own.agency
    for index, user in enumerate(own.staff.values()):
        product(own, user.person, date(2026, 3, 5), completed=date(2026, 3, 5), accepted=date(2026, 3, 6))
        services.rating_score(
            user=own.head, person=user.person, period_code=MARCH, general=str(29 - index), reason="Chấm"
        )
    url = f"/api/v1/ratings/agencies/{agency.pk}?period={MARCH}"
    client.force_login(own.staff[f"cv1_{agency.pk}"])
    assert client.get(url).status_code == 403
    client.force_login(own.head)
    assert client.get(url).status_code == 403
    client.force_login(other.leader)
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/ratings/agencies/999999").status_code == 404
    client.force_login(own.focal)
    assert client.get(url).status_code == 200
    client.force_login(own.leader)
    body = client.get(url).json()
    assert body["agency_code"] == agency.code and body["period"] == MARCH
    people = {p["person"]: p for p in body["people"]}
    assert people["Nguyễn Chuyên Viên 1"]["total"] == "99.00"
    assert people["Nguyễn Chuyên Viên 2"]["total"] == "98.00"
    # two "xuất sắc" by points, 20% of two rounds down to nobody: both "tốt", with the reason
    assert {people[n]["grade"] for n in ("Nguyễn Chuyên Viên 1", "Nguyễn Chuyên Viên 2")} == {"good"}
    assert "vượt tỷ lệ" in people["Nguyễn Chuyên Viên 1"]["note"]
    counts = {line["grade"]: line["count"] for line in body["distribution"]}
    assert counts == {"excellent": 0, "good": 2, "completed": 0, "not_completed": 0}
    assert body["unrated"] == len(people) - 2
    assert body["caps"] == [
        {
            "task_group": "staff",
            "label": "Công chức không giữ chức vụ lãnh đạo, quản lý",
            "rated": 2,
            "good_or_better": 2,
            "proposed_excellent": 2,
            "allowed": 0,
            "moved": 2,
        }
    ]


def test_anonymous_is_refused(own, client):
    assert client.get(_person_url(own.person(f"cv1_{own.agency.pk}").pk)).status_code == 401


def test_the_operations_are_described_in_vietnamese(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    person = schema["paths"]["/api/v1/ratings/people/{person_id}"]["get"]
    assert "Phiếu đánh giá" in person["summary"]
    assert any(p["name"] == "period" for p in person["parameters"])
    components = schema["components"]["schemas"]
    product_fields = components["ProductOut"]["properties"]
    assert "kỳ nhiệm vụ" in product_fields["url"]["description"]
    assert "25%" in product_fields["quality"]["description"]
    assert "tỷ lệ" in components["CapOut"]["properties"]["moved"]["description"]
    assert "/api/v1/ratings/agencies/{agency_id}" in schema["paths"]
