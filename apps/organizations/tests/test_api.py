"""The JSON API: the same rules as the pages, with session or token authentication."""

from __future__ import annotations

import json

from apps.accounts.services import api_token_create
from apps.organizations.models import Unit


def test_anonymous_api_call_is_refused(client, tree):
    assert client.get("/api/v1/agencies").status_code == 401


def test_token_user_lists_only_visible_agencies(client, tree, make_user):
    user = make_user("staff", tree.own)
    _, key = api_token_create(user=user, name="thử")
    response = client.get("/api/v1/agencies", headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200
    codes = [row["code"] for row in response.json()]
    assert codes == ["P1-OWN"]
    assert response.json()[0]["parent_code"] == "P1"


def test_a_wrong_token_is_refused(client, tree):
    assert client.get("/api/v1/agencies", headers={"Authorization": "Bearer sai"}).status_code == 401


def test_another_agency_is_404_in_the_api(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    assert client.get(f"/api/v1/agencies/{tree.other.pk}").status_code == 404
    assert client.get(f"/api/v1/agencies/{tree.other.pk}/units").status_code == 404
    other_unit = Unit.objects.get(agency=tree.other, code="VP")
    assert client.get(f"/api/v1/units/{other_unit.pk}").status_code == 404


def test_focal_point_creates_a_unit_through_the_api(client, tree, make_user):
    user = make_user("focal_point", tree.own)
    _, key = api_token_create(user=user, name="thử")
    response = client.post(
        f"/api/v1/agencies/{tree.own.pk}/units",
        data=json.dumps({"code": "MC", "name": "Bộ phận một cửa", "kind": "section"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 201
    assert response.json()["name"] == "Bộ phận một cửa"


def test_staff_cannot_create_a_unit_through_the_api(client, tree, make_user):
    user = make_user("staff", tree.own)
    _, key = api_token_create(user=user, name="thử")
    response = client.post(
        f"/api/v1/agencies/{tree.own.pk}/units",
        data=json.dumps({"code": "MC", "name": "Bộ phận một cửa"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 403
    assert not Unit.objects.filter(agency=tree.own, code="MC").exists()


def test_duplicate_unit_through_the_api_gives_a_vietnamese_422(client, tree, make_user):
    user = make_user("focal_point", tree.own)
    _, key = api_token_create(user=user, name="thử")
    response = client.post(
        f"/api/v1/agencies/{tree.own.pk}/units",
        data=json.dumps({"code": "VP", "name": "Văn phòng khác"}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {key}"},
    )
    assert response.status_code == 422
    assert "đã có" in json.dumps(response.json(), ensure_ascii=False)


def test_openapi_description_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/agencies" in schema["paths"]
