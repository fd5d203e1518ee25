"""Editing a campaign, a counter, a questionnaire or a question from a page opened before a colleague saved:
refused with the shared message, the colleague's change kept; a fresh save moves the version."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from apps.surveys import services
from apps.surveys.models import Campaign, Counter, Question, Questionnaire

from .factories import template

HINT = "vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."


@pytest.fixture
def two_tabs(make_user, tree) -> tuple[Client, Client]:
    user = make_user("focal_point", tree.own)
    tabs = Client(), Client()
    for tab in tabs:
        tab.force_login(user)
    return tabs


def _campaign_form(campaign: Campaign, title: str) -> dict[str, Any]:
    return {
        "title": title, "questionnaire": campaign.questionnaire_id, "margin": "0.05",
        "period_start": campaign.period_start.strftime("%d/%m/%Y"),
        "period_end": campaign.period_end.strftime("%d/%m/%Y"), "channels": campaign.channels,
    }  # fmt: skip


def _check(
    tabs: tuple[Client, Client],
    url: str,
    shown: int,
    data: dict[str, Any],
    field: str,
    fresh: Any,
    subject: str,
) -> None:
    """Both tabs opened the form at version `shown`; the first saves, the second is refused, then reloads."""
    first, second = tabs
    assert first.post(url, {**data, "version": shown, field: "Sửa ở thẻ thứ nhất"}).status_code == 302
    refused = second.post(url, {**data, "version": shown, field: "Sửa ở thẻ thứ hai"}, follow=True)
    assert f"{subject} {HINT}" in refused.content.decode()
    assert (getattr(fresh(), field), fresh().version) == ("Sửa ở thẻ thứ nhất", shown + 1)
    assert second.post(url, {**data, "version": shown + 1, field: "Sửa sau khi tải lại"}).status_code == 302
    assert (getattr(fresh(), field), fresh().version) == ("Sửa sau khi tải lại", shown + 2)


def test_a_stale_campaign_form_is_refused(two_tabs, survey):
    campaign = survey.campaign
    url = f"/khao-sat/{campaign.pk}/sua/"
    assert f'name="version" value="{campaign.version}"' in two_tabs[1].get(url).content.decode()
    data = _campaign_form(campaign, campaign.title)
    _check(two_tabs, url, campaign.version, data, "title", lambda: Campaign.objects.get(pk=campaign.pk),
           "Đợt khảo sát")  # fmt: skip


def test_a_stale_counter_form_is_refused(two_tabs, survey):
    counter = survey.counter
    url = f"/khao-sat/quay/{counter.pk}/"
    assert f'name="version" value="{counter.version}"' in two_tabs[1].get(url).content.decode()
    data = {"unit": counter.unit_id, "is_active": "on"}
    _check(two_tabs, url, counter.version, data, "name", lambda: Counter.objects.get(pk=counter.pk), "Quầy")


def test_a_stale_questionnaire_header_or_question_is_refused(two_tabs, tree):
    draft = services.questionnaire_copy(source=template(), agency=tree.own, title="Phiếu của Sở", year=2027)
    page = two_tabs[1].get(f"/khao-sat/phieu/{draft.pk}/").content.decode()
    question = draft.questions.filter(counts_toward_index=True).first()
    assert f'name="version" value="{draft.version}"' in page
    assert f'name="question" value="{question.pk}"><input type="hidden" name="version" value="1">' in page
    url = f"/khao-sat/phieu/{draft.pk}/sua/"
    header = {"action": "header", "intro": "", "aggregation": draft.aggregation}
    _check(two_tabs, url, draft.version, header, "title", lambda: Questionnaire.objects.get(pk=draft.pk),
           "Phiếu khảo sát")  # fmt: skip
    edit = {"action": "question", "question": question.pk, "required": "on", "counts_toward_index": "on"}
    _check(two_tabs, url, question.version, edit, "text", lambda: Question.objects.get(pk=question.pk),
           "Câu hỏi")  # fmt: skip


def test_publishing_a_campaign_moves_its_version_so_an_open_edit_form_is_stale(survey):
    campaign = Campaign.objects.get(pk=survey.campaign.pk)
    services.campaign_set_published(campaign=campaign, published=True)
    assert Campaign.objects.get(pk=campaign.pk).version == survey.campaign.version + 1
