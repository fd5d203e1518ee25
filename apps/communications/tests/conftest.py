"""Seed 002 (the communication plan of Sở Xây dựng) imported into "own" and into "other" of the test tree."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings

from apps.accounts.choices import Role
from apps.plans.models import Plan


def import_seed_002(agency: Any) -> Plan:
    from apps.plans.importer import parse_document
    from apps.plans.services import plan_save_from_parse

    path = next(Path(settings.CCHC_SEEDS_DIR).glob("002_*.txt"))
    data = path.read_bytes()
    result = parse_document(data=data, filename=path.name)
    return plan_save_from_parse(agency=agency, result=result, original=data, original_name=path.name)


@pytest.fixture
def plan(tree: Any) -> Plan:
    return import_seed_002(tree.own)


@pytest.fixture
def focal(tree: Any, make_user: Any) -> Any:
    return make_user(Role.FOCAL_POINT, tree.own, username="daumoi")


@pytest.fixture(autouse=True)
def _no_fetch(settings: Any) -> None:
    settings.CCHC_FETCH_LINKS = False
