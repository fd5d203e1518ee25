"""The survey API: staff reads scoped like the pages; the public submission endpoint, idempotent."""

from __future__ import annotations

import json
import uuid

import pytest

from apps.surveys import services
from apps.surveys.models import SurveyResponse

from .factories import answers, counter_link, dossier_link, template


def token_of(url):
    return url.split("/y/")[1].rstrip("/")


def post_json(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


@pytest.fixture
def focal(make_user, tree, client):
    user = make_user("focal_point", tree.own)
    client.force_login(user)
    return user


def test_staff_lists_are_scoped(client, focal, survey):
    campaigns = client.get("/api/v1/surveys/campaigns").json()
    assert [c["id"] for c in campaigns] == [survey.campaign.pk]
    assert campaigns[0]["target_sample"] == 286
    assert client.get(f"/api/v1/surveys/campaigns/{survey.other_campaign.pk}").status_code == 404
    assert client.get(f"/api/v1/surveys/campaigns/{survey.other_campaign.pk}/results").status_code == 404
    questionnaires = client.get("/api/v1/surveys/questionnaires").json()
    assert template().pk in [q["id"] for q in questionnaires]
    detail = client.get(f"/api/v1/surveys/questionnaires/{template().pk}").json()
    assert len([q for q in detail["questions"] if q["counts_toward_index"]]) == 24


def test_results_endpoint(client, focal, survey):
    services.response_submit(
        campaign=survey.campaign,
        counter=None,
        channel="paper",
        key=uuid.uuid4().hex,
        data=answers(survey.campaign, "4"),
    )
    results = client.get(f"/api/v1/surveys/campaigns/{survey.campaign.pk}/results").json()
    assert results["responses"] == 1
    assert results["overall"]["index_percent"] == "100.00"
    assert results["aggregation"] == "mean"
    assert {figure["level"] for figure in results["figures"]} == {"overall", "aspect", "factor", "question"}


def test_staff_endpoints_need_login(client, survey):
    assert client.get("/api/v1/surveys/campaigns").status_code == 401


def test_public_form_and_submission(client, survey):
    token = token_of(counter_link(survey.campaign, survey.counter))
    form = client.get(f"/api/v1/surveys/public/{token}")
    assert form.status_code == 200
    assert form.json()["counter"] == survey.counter.name
    payload = {"idempotency_key": "kiosk-0001-abcdef", "answers": answers(survey.campaign, "5", GY="Tốt")}
    url = f"/api/v1/surveys/public/{token}/responses"
    first = post_json(client, url, payload)
    again = post_json(client, url, payload)
    assert first.status_code == 201 and first.json()["status"] == "accepted"
    assert again.status_code == 200 and again.json()["response_id"] == first.json()["response_id"]
    assert SurveyResponse.objects.get().channel == "api"


def test_public_submission_refusals(client, survey):
    token = token_of(counter_link(survey.campaign, survey.counter))
    url = f"/api/v1/surveys/public/{token}/responses"
    bad = post_json(
        client, url, {"idempotency_key": "kiosk-0002-abcdef", "answers": answers(survey.campaign, TCDV1="9")}
    )
    assert bad.status_code == 422 and "TCDV1" in bad.json()["errors"]
    short_key = post_json(client, url, {"idempotency_key": "x", "answers": answers(survey.campaign)})
    assert short_key.status_code == 422
    forged = post_json(
        client,
        "/api/v1/surveys/public/1.1.1.20991231~bad/responses",
        {"idempotency_key": "kiosk-0003-abc", "answers": {}},
    )
    assert forged.status_code == 404
    dossier = token_of(dossier_link(survey.campaign, "HS-1"))
    durl = f"/api/v1/surveys/public/{dossier}/responses"
    assert (
        post_json(
            client, durl, {"idempotency_key": "kiosk-0004-abc", "answers": answers(survey.campaign)}
        ).status_code
        == 201
    )
    duplicate = post_json(
        client, durl, {"idempotency_key": "kiosk-0005-abc", "answers": answers(survey.campaign)}
    )
    assert duplicate.status_code == 409
    assert SurveyResponse.objects.count() == 1


def test_public_endpoint_is_documented_without_auth(client, survey):
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/surveys/public/{token}/responses"]["post"]
    assert "security" not in operation or operation["security"] == []
    assert "429" in operation["responses"] and "409" in operation["responses"]
