"""The public survey page: scan, answer, thanks; every kind of bad input refused and counted."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from apps.surveys.choices import AbuseKind, CampaignStatus
from apps.surveys.models import AbuseEvent, Answer, SurveyResponse
from apps.surveys.views.public import device_cookie_name

from .factories import answers, counter_link, dossier_link


def form_key(client, url):
    page = client.get(url)
    assert page.status_code == 200
    return re.search(r'name="form_key" value="([^"]+)"', page.content.decode()).group(1)


def submit(client, url, data, key=None, **extra):
    key = key or form_key(client, url)
    return client.post(url, {"form_key": key, **data}, **extra), key


def survey_spec(survey):
    from apps.surveys.selectors import form_spec

    return form_spec(survey.campaign.questionnaire)


def abuse(kind):
    return AbuseEvent.objects.filter(kind=kind).count()


@pytest.fixture
def link(survey):
    return counter_link(survey.campaign, survey.counter)


def test_page_is_public_accessible_and_light(client, survey, link):
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200
    # One small script of our own (one part per screen); no inline or third-party script.
    scripts = re.findall(r"<script[^>]*>", html)
    assert len(scripts) == 1 and "surveys/public_steps" in scripts[0] and "//" not in scripts[0]
    assert html.count("<fieldset") >= 24  # one fieldset and legend per question
    assert "Tiếp cận dịch vụ" in html and "Không ý kiến" in html
    assert "Quầy 1 – Bộ phận Một cửa" in html
    assert len(page.content) < 60_000


def test_page_tells_an_honest_time_and_splits_the_form_by_factor(client, survey, link):
    html = client.get(link).content.decode()
    spec = survey_spec(survey)
    choices = sum(1 for question in spec.questions if not question.is_text)
    texts = len(spec.questions) - choices
    minutes = -(-(choices * 8 + texts * 30) // 60)
    assert f"Khoảng {minutes} phút · {len(spec.questions)} câu, chia {len(spec.sections)} phần" in html
    assert html.count("data-step ") == len(spec.sections)
    assert "Phần 1/" in html and "Tiếp tục" in html and "Quay lại" in html


def test_answer_and_thanks_stores_one_anonymous_response(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign, "4", GY="Nên có thêm ghế chờ.", TT2="nu"))
    assert response.status_code == 200
    assert "Cảm ơn Ông/Bà" in response.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.campaign == survey.campaign
    assert stored.unit == survey.counter.unit
    assert stored.channel == "counter_qr"
    assert stored.suggestion == "Nên có thêm ghế chờ."
    assert stored.dossier_hash is None
    assert stored.submitted_at.minute == 0 and stored.submitted_at.second == 0
    assert Answer.objects.filter(response=stored).count() == 24 + 2
    assert device_cookie_name(survey.campaign.pk) in response.cookies


def test_retry_with_the_same_key_returns_the_same_thanks_and_stores_nothing_new(client, survey, link):
    data = answers(survey.campaign)
    first, key = submit(client, link, data)
    client.cookies.clear()  # the phone lost the first answer, cookie included
    second, _ = submit(client, link, data, key=key)
    assert first.status_code == second.status_code == 200
    assert "Cảm ơn Ông/Bà" in second.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_missing_required_answer_is_refused_with_the_question_marked(client, survey, link):
    data = answers(survey.campaign)
    del data["CC3"]
    response, _ = submit(client, link, data)
    html = response.content.decode()
    assert response.status_code == 422
    assert "Xin Ông/Bà chọn một mức trả lời" in html
    assert 'value="5" checked' in html  # the other answers are kept
    assert SurveyResponse.objects.count() == 0
    assert abuse(AbuseKind.INVALID) == 1


def test_answer_outside_the_scale_is_refused(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign, TCDV1="7"))
    assert response.status_code == 422
    assert "không nằm trong các lựa chọn" in response.content.decode()
    assert SurveyResponse.objects.count() == 0


def test_one_megabyte_answer_is_refused_with_a_message(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign, GY="a" * 1_048_576))
    assert response.status_code == 422
    assert "quá dài" in response.content.decode()
    assert len(response.content) < 80_000  # the megabyte is not echoed back
    assert SurveyResponse.objects.count() == 0
    assert abuse(AbuseKind.TOO_LONG) == 1


def test_answer_over_the_question_limit_is_refused(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign, GY="b" * 2001))
    assert response.status_code == 422
    assert "vượt quá 2.000 ký tự" in response.content.decode()


def test_script_in_the_suggestion_is_stored_inert_and_counted(client, survey, link, make_user, tree):
    script = '<script>alert("x")</script>=HYPERLINK("http://evil")'
    response, _ = submit(client, link, answers(survey.campaign, GY=script))
    assert response.status_code == 200
    assert abuse(AbuseKind.MARKUP) == 1
    user = make_user("focal_point", tree.own)
    client.force_login(user)
    page = client.get(f"/khao-sat/{survey.campaign.pk}/?suggestions=all").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_forged_link_is_refused_and_counted(client, survey, link):
    forged = link.replace("~", "~x", 1)
    assert client.get(forged).status_code == 404
    assert client.post(forged, answers(survey.campaign)).status_code == 404
    edited = link.replace(f"/y/{survey.campaign.pk}.", f"/y/{survey.other_campaign.pk}.")
    assert client.get(edited).status_code == 404
    assert abuse(AbuseKind.FORGED_LINK) == 3
    assert SurveyResponse.objects.count() == 0


def test_expired_link_is_refused(client, survey):
    from apps.surveys import links

    token = links.make_link_token(
        campaign_id=survey.campaign.pk,
        counter_id=survey.counter.pk,
        counter_version=1,
        expires_on=timezone.localdate() - timedelta(days=1),
    )
    response = client.get(f"/khao-sat/y/{token}/")
    assert response.status_code == 410
    assert "hết hạn" in response.content.decode()
    assert AbuseEvent.objects.get().campaign == survey.campaign


def test_closed_campaign_and_revoked_counter_take_nothing(client, survey, link):
    key = form_key(client, link)
    survey.campaign.status = CampaignStatus.CLOSED
    survey.campaign.save()
    response, _ = submit(client, link, answers(survey.campaign), key=key)
    assert response.status_code == 410
    assert "đã kết thúc" in response.content.decode()
    survey.campaign.status = CampaignStatus.OPEN
    survey.campaign.save()
    survey.counter.link_version = 2
    survey.counter.save()
    assert client.get(link).status_code == 410
    assert SurveyResponse.objects.count() == 0


def test_forged_form_key_keeps_the_answers_and_issues_a_new_key(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign), key="not-a-key")
    assert response.status_code == 422
    assert 'value="5" checked' in response.content.decode()
    assert abuse(AbuseKind.FORGED_KEY) == 1
    assert SurveyResponse.objects.count() == 0


def test_second_response_for_the_same_dossier_is_refused(client, survey):
    url = dossier_link(survey.campaign, "H14.23-260915-0001")
    first, _ = submit(client, url, answers(survey.campaign))
    assert first.status_code == 200
    client.cookies.clear()
    second, _ = submit(client, url, answers(survey.campaign, "1"))
    assert second.status_code == 409
    assert "Hồ sơ này đã được đánh giá" in second.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.channel == "result_slip"
    assert "H14" not in stored.dossier_hash and len(stored.dossier_hash) == 64
    assert abuse(AbuseKind.DUPLICATE_DOSSIER) == 1
    # the same code typed with spaces or lower case is the same dossier
    third, _ = submit(client, dossier_link(survey.campaign, "h14.23-260915-0001 "), answers(survey.campaign))
    assert third.status_code == 409


@pytest.fixture
def frozen():
    """The limiter counts per clock minute: hold the clock so a test never straddles two minutes."""
    import time

    import time_machine

    with time_machine.travel(time.time(), tick=False):
        yield


def test_fifty_submissions_from_one_address_in_a_minute_are_limited(client, survey, link, settings, frozen):
    settings.SURVEYS_RATE_LIMIT_PER_MINUTE = 10
    statuses = []
    for _ in range(50):
        client.cookies.clear()
        response, _ = submit(client, link, answers(survey.campaign))
        statuses.append(response.status_code)
    assert statuses.count(200) == 10
    assert statuses.count(429) == 40
    assert SurveyResponse.objects.count() == 10
    assert abuse(AbuseKind.RATE_LIMITED) == 40


def test_rate_limit_is_per_address_behind_a_trusted_proxy(client, survey, link, settings, frozen):
    settings.SURVEYS_RATE_LIMIT_PER_MINUTE = 1
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(3):
        client.cookies.clear()
        response, _ = submit(client, link, answers(survey.campaign), HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
        assert response.status_code == 200
    client.cookies.clear()
    response, _ = submit(client, link, answers(survey.campaign), HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert response.status_code == 429


def test_honeypot_is_thanked_and_nothing_stored(client, survey, link):
    response, _ = submit(client, link, {**answers(survey.campaign), "website": "http://spam"})
    assert response.status_code == 200
    assert SurveyResponse.objects.count() == 0
    assert abuse(AbuseKind.HONEYPOT) == 1


def test_the_same_device_answers_once(client, survey, link):
    submit(client, link, answers(survey.campaign))
    again = client.get(link)
    assert "đã gửi phiếu" in again.content.decode()
    assert 'name="form_key"' not in again.content.decode()
    from apps.surveys import links

    second = client.post(link, {"form_key": links.new_form_key(), **answers(survey.campaign)})
    assert second.status_code == 409
    assert SurveyResponse.objects.count() == 1
    assert abuse(AbuseKind.DEVICE_REPEAT) == 1


def test_optional_questions_may_be_left_out(client, survey, link):
    response, _ = submit(client, link, answers(survey.campaign, "0"))
    assert response.status_code == 200
    assert SurveyResponse.objects.get().answers.filter(value="0").count() == 24


def test_closing_a_campaign_refuses_its_links_at_once(client, survey, link):
    assert client.get(link).status_code == 200  # the campaign is now in this process's cache
    survey.campaign.status = CampaignStatus.CLOSED
    survey.campaign.save()
    response = client.get(link)
    assert response.status_code == 410
