"""Fixtures for plan tests: the demo agencies and the seed files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from apps.core.demo import build_demo
from apps.organizations.models import Agency

SEEDS = {
    "000": "000_02cd82ab64be2b97.txt",
    "001": "001_1cb47749ca1e7ac4.txt",
    "002": "002_ec602bd9966572ab.txt",
    "003": "003_60869de41967d346.txt",
    "004": "004_56ba75e3a28b807e.txt",
}
SEED_AGENCY = {"000": "DLK-SXD", "001": "DLK-SXD", "002": "DLK-SXD", "003": "LCU-SXD", "004": "TP-DAISON"}


def seed_path(key: str) -> Path:
    return Path(settings.CCHC_SEEDS_DIR) / SEEDS[key]


@pytest.fixture
def demo_org(db: Any) -> dict[str, Agency]:
    build_demo()
    return {agency.code: agency for agency in Agency.objects.all()}


@pytest.fixture
def import_seed(demo_org: dict[str, Agency]) -> Any:
    from apps.plans.importer import parse_document
    from apps.plans.services import plan_save_from_parse

    def run(key: str) -> Any:
        data = seed_path(key).read_bytes()
        result = parse_document(data=data, filename=SEEDS[key])
        return plan_save_from_parse(
            agency=demo_org[SEED_AGENCY[key]], result=result, original=data, original_name=SEEDS[key]
        )

    return run
