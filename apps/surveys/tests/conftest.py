"""Fixtures for survey tests: an open campaign of the own agency with one counter, and users by role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from apps.surveys.models import Campaign, Counter

from .factories import CampaignFactory, CounterFactory


@dataclass
class SurveySetup:
    campaign: Campaign
    counter: Counter
    other_campaign: Campaign


@pytest.fixture
def survey(tree: Any) -> SurveySetup:
    unit = tree.own.units.first()
    counter = CounterFactory(agency=tree.own, name="Quầy 1 – Bộ phận Một cửa", unit=unit)
    campaign = CampaignFactory(agency=tree.own, title="Khảo sát quý này", population=1000)
    other = CampaignFactory(agency=tree.other, title="Khảo sát tỉnh khác")
    return SurveySetup(campaign, counter, other)


@pytest.fixture(autouse=True)
def _fresh_rate_limit(settings: Any) -> None:
    settings.SURVEYS_RATE_LIMIT_PER_MINUTE = 10


@pytest.fixture(autouse=True)
def _fresh_link_cache() -> None:
    """Each test starts without the campaigns another test's links left in this process's cache."""
    from apps.surveys.selectors.records import clear_link_cache

    clear_link_cache()
