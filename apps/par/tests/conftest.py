"""A round of the Sở level opened on province P1's set: Sở Xây dựng (own) and Sở Nội vụ (sibling) are assessed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from apps.accounts.choices import Role
from apps.par.models import AssessmentRound
from apps.par.services import round_open
from apps.scoring.demo import sample_data
from apps.scoring.models import CriteriaSet
from apps.scoring.services import criteria_set_load, criteria_set_put_in_force


@dataclass
class People:
    focal: Any
    leader: Any
    appraiser: Any
    sibling_focal: Any
    other_appraiser: Any
    viewer: Any


@pytest.fixture
def people(tree: Any, make_user: Any) -> People:
    return People(
        focal=make_user(Role.FOCAL_POINT, tree.own, username="daumoi"),
        leader=make_user(Role.LEADER, tree.own, username="lanhdao"),
        appraiser=make_user(Role.OVERSEER, tree.sibling, username="noivu"),
        sibling_focal=make_user(Role.FOCAL_POINT, tree.sibling, username="daumoi.noivu"),
        other_appraiser=make_user(Role.OVERSEER, tree.other, username="noivu.tinhhai"),
        viewer=make_user(Role.VIEWER, tree.own, username="xem"),
    )


@pytest.fixture
def in_force_set(tree: Any) -> CriteriaSet:
    data = {
        **sample_data("so.json"),
        "name": "Chỉ số CCHC các Sở tỉnh Một 2026",
        "decision_number": "12/QĐ-UBND",
    }
    criteria_set = criteria_set_load(data=data, agency=tree.province)
    return criteria_set_put_in_force(criteria_set=criteria_set)


def today() -> date:
    return timezone.localdate()


@pytest.fixture
def opened(people: People, in_force_set: CriteriaSet) -> AssessmentRound:
    day = today()
    return round_open(
        user=people.appraiser,
        criteria_set=in_force_set,
        self_deadline=day + timedelta(days=10),
        appraisal_deadline=day + timedelta(days=20),
        explanation_deadline=day + timedelta(days=30),
        final_deadline=day + timedelta(days=40),
    )
