"""Factories and helpers for survey tests: a campaign on the Bộ Nội vụ template, counters, answers."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from apps.organizations.tests.factories import AgencyFactory
from apps.surveys import links
from apps.surveys.choices import CampaignStatus
from apps.surveys.models import Campaign, Counter, Questionnaire

TEMPLATE_CODE = "BNV-SIPAS-2026"


def template() -> Questionnaire:
    return Questionnaire.objects.get(code=TEMPLATE_CODE)


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    agency = factory.SubFactory(AgencyFactory)
    questionnaire = factory.LazyFunction(template)
    title = factory.Sequence(lambda n: f"Khảo sát thử {n}")
    period_start = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=10))
    period_end = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=20))
    closes_on = factory.LazyAttribute(lambda o: o.period_end)
    status = CampaignStatus.OPEN
    channels = factory.LazyFunction(lambda: ["counter_qr", "result_slip"])


class CounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counter

    agency = factory.SubFactory(AgencyFactory)
    name = factory.Sequence(lambda n: f"Quầy số {n}")


def counter_link(campaign: Campaign, counter: Counter) -> str:
    token = links.make_link_token(
        campaign_id=campaign.pk,
        counter_id=counter.pk,
        counter_version=counter.link_version,
        expires_on=campaign.closes_on,
    )
    return f"/khao-sat/y/{token}/"


def dossier_link(campaign: Campaign, code: str) -> str:
    token = links.make_link_token(campaign_id=campaign.pk, expires_on=campaign.closes_on, dossier_code=code)
    return f"/khao-sat/y/{token}/"


def satisfaction_codes(campaign: Campaign) -> list[str]:
    return list(
        campaign.questionnaire.questions.filter(counts_toward_index=True)
        .order_by("order")
        .values_list("code", flat=True)
    )


def answers(campaign: Campaign, value: str = "5", **extra: Any) -> dict[str, str]:
    data = dict.fromkeys(satisfaction_codes(campaign), value)
    data.update({key: str(val) for key, val in extra.items()})
    return data
