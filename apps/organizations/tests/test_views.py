"""The tree pages through Django's test client."""

from __future__ import annotations

from django.urls import reverse

from apps.organizations.models import Unit


def test_focal_point_adds_a_unit_and_sees_it_in_the_history(client, tree, make_user):
    client.force_login(make_user("focal_point", tree.own))
    response = client.post(
        reverse("organizations:unit_create", args=[tree.own.pk]),
        {"code": "mc", "name": "Bộ phận một cửa", "kind": "section", "is_active": "on"},
        follow=True,
    )
    assert "Đã thêm đơn vị Bộ phận một cửa" in response.content.decode()
    assert Unit.objects.get(agency=tree.own, code="MC").name == "Bộ phận một cửa"
    history = client.get(reverse("organizations:agency_history", args=[tree.own.pk])).content.decode()
    assert "Bộ phận một cửa" in history
    assert "Thêm mới" in history


def test_a_form_posted_twice_creates_one_unit(client, tree, make_user):
    client.force_login(make_user("focal_point", tree.own))
    data = {"code": "KT", "name": "Phòng Kinh tế", "kind": "division", "is_active": "on"}
    url = reverse("organizations:unit_create", args=[tree.own.pk])
    client.post(url, data)
    second = client.post(url, data)
    assert second.status_code == 200
    assert "đã có" in second.content.decode()
    assert Unit.objects.filter(agency=tree.own, code="KT").count() == 1


def test_unit_form_shows_a_vietnamese_error_for_a_missing_name(client, tree, make_user):
    client.force_login(make_user("focal_point", tree.own))
    response = client.post(
        reverse("organizations:unit_create", args=[tree.own.pk]), {"code": "X", "kind": "division"}
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc" in response.content.decode()


def test_staff_cannot_read_the_history(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    assert client.get(reverse("organizations:agency_history", args=[tree.own.pk])).status_code == 404


def test_leader_reads_the_history_of_the_agency(client, tree, make_user):
    client.force_login(make_user("leader", tree.own))
    assert client.get(reverse("organizations:agency_history", args=[tree.own.pk])).status_code == 200


def test_anonymous_user_is_sent_to_login(client, tree):
    response = client.get(reverse("organizations:agency_tree"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_agency_detail_page_has_bounded_queries(client, tree, make_user, django_assert_max_num_queries):
    from apps.organizations.tests.factories import PersonFactory, UnitFactory

    for i in range(15):
        unit = UnitFactory(agency=tree.own)
        PersonFactory(agency=tree.own, unit=unit, full_name=f"Cán bộ {i}")
    client.force_login(make_user("focal_point", tree.own))
    with django_assert_max_num_queries(25):
        assert client.get(reverse("organizations:agency_detail", args=[tree.own.pk])).status_code == 200
