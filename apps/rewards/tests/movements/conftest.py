"""Fixtures of the movements tests: the demo agencies with their accounts, a seed plan imported."""

from __future__ import annotations

from typing import Any

import pytest

from apps.accounts.models import User
from apps.core.demo import build_demo
from apps.organizations.models import Agency
from apps.plans.models import Plan
from apps.plans.tests.conftest import SEED_AGENCY, SEEDS, seed_path


@pytest.fixture
def demo_org(db: Any) -> dict[str, Agency]:
    build_demo()
    return {agency.code: agency for agency in Agency.objects.all()}


@pytest.fixture
def focal(demo_org: dict[str, Agency]) -> User:
    return User.objects.get(username="daumoi")


@pytest.fixture
def focal_daison(demo_org: dict[str, Agency]) -> User:
    return User.objects.get(username="daumoi.daison")


@pytest.fixture
def import_seed(demo_org: dict[str, Agency]) -> Any:
    from apps.plans.importer import parse_document
    from apps.plans.services import plan_save_from_parse

    def run(key: str) -> Plan:
        data = seed_path(key).read_bytes()
        result = parse_document(data=data, filename=SEEDS[key])
        return plan_save_from_parse(
            agency=demo_org[SEED_AGENCY[key]], result=result, original=data, original_name=SEEDS[key]
        )

    return run
