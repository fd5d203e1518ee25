"""Fixtures for report tests: the hand-built agency year of factories.py, its users, its annual report."""

from __future__ import annotations

from typing import Any

import pytest
import time_machine

from apps.accounts.models import RoleAssignment

from .factories import ON, Year, build_year


@pytest.fixture
def on_day() -> Any:
    with time_machine.travel(ON, tick=False):
        yield ON


@pytest.fixture
def year(tree: Any, on_day: Any) -> Year:
    return build_year(tree.own)


@pytest.fixture
def users(tree: Any, year: Year, make_user: Any) -> dict[str, Any]:
    focal = make_user("focal_point", tree.own)
    leader = make_user("leader", tree.own)
    staff = make_user("staff", tree.own)
    RoleAssignment.objects.filter(user=staff).update(unit=year.construction)
    office_staff = make_user("staff", tree.own)
    RoleAssignment.objects.filter(user=office_staff).update(unit=year.office)
    return {
        "focal": focal,
        "leader": leader,
        "staff": staff,
        "office_staff": office_staff,
        "viewer": make_user("viewer", tree.own),
        "overseer": make_user("overseer", tree.sibling),
        "other": make_user("focal_point", tree.other),
    }


@pytest.fixture
def annual(year: Year, users: dict[str, Any]) -> Any:
    from apps.reports.services import report_create

    return report_create(agency=year.agency, report_type="annual", period_code="2026", user=users["focal"])
