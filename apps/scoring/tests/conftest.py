"""Criteria sets for the tests: the Sở sample copied into province P1 and into province P2."""

from __future__ import annotations

from typing import Any

import pytest

from apps.scoring.demo import sample_data
from apps.scoring.models import CriteriaSet
from apps.scoring.services import criteria_set_load


@pytest.fixture
def sample_so(db: Any) -> CriteriaSet:
    return criteria_set_load(data=sample_data("so.json"))


@pytest.fixture
def p1_set(tree: Any) -> CriteriaSet:
    data = {**sample_data("so.json"), "name": "Chỉ số CCHC các Sở tỉnh Một", "decision_number": "12/QĐ-UBND"}
    return criteria_set_load(data=data, agency=tree.province)


@pytest.fixture
def p2_set(tree: Any) -> CriteriaSet:
    data = {**sample_data("xa.json"), "name": "Chỉ số CCHC các xã tỉnh Hai", "decision_number": "99/QĐ-UBND"}
    return criteria_set_load(data=data, agency=tree.other_province)
