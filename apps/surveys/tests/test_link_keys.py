"""Survey links are signed with a key of their own, rotated with a grace period for the links already printed."""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.utils import timezone

from apps.surveys import links

from .factories import counter_link

OLD = "khoa-cu-" + "a1B2c3D4e5" * 5
NEW = "khoa-moi-" + "Z9y8X7w6V5" * 5


def test_a_link_signed_with_the_session_key_is_refused(client, survey, settings):
    """The probe forged result-slip links with the built-in SECRET_KEY: it no longer signs links."""
    settings.SURVEYS_LINK_KEY = NEW
    value = f"{survey.campaign.pk}.0.0.{survey.campaign.closes_on:%Y%m%d}"
    forged = signing.Signer(key=settings.SECRET_KEY, salt=links.LINK_SALT, sep="~").sign(value)
    page = client.get(f"/khao-sat/y/{forged}/")
    assert page.status_code in (400, 404)
    assert 'name="form_key"' not in page.content.decode()


def test_old_links_keep_working_during_the_grace_period(client, survey, settings):
    settings.SURVEYS_LINK_KEY = OLD
    printed = counter_link(survey.campaign, survey.counter)
    until = timezone.localdate() + timedelta(days=30)
    settings.SURVEYS_LINK_KEY = NEW
    settings.SURVEYS_LINK_OLD_KEYS = [f"{OLD}|{until:%Y-%m-%d}"]
    assert client.get(printed).status_code == 200
    # New links are signed with the new key alone.
    fresh = counter_link(survey.campaign, survey.counter)
    settings.SURVEYS_LINK_OLD_KEYS = []
    assert client.get(fresh).status_code == 200


def test_old_links_stop_working_after_the_grace_period(client, survey, settings):
    settings.SURVEYS_LINK_KEY = OLD
    printed = counter_link(survey.campaign, survey.counter)
    yesterday = timezone.localdate() - timedelta(days=1)
    settings.SURVEYS_LINK_KEY = NEW
    settings.SURVEYS_LINK_OLD_KEYS = [f"{OLD}|{yesterday:%Y-%m-%d}"]
    assert client.get(printed).status_code != 200
    settings.SURVEYS_LINK_OLD_KEYS = []
    assert client.get(printed).status_code != 200


def test_an_old_key_without_a_date_is_kept_until_removed(settings):
    settings.SURVEYS_LINK_KEY = NEW
    settings.SURVEYS_LINK_OLD_KEYS = [OLD, f"{OLD}x|not-a-date", ""]
    current, old = links.link_keys()
    assert current == NEW
    assert old == [OLD]
