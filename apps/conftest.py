"""Shared fixtures: a small province tree and a user per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from apps.accounts.models import User
from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency


@dataclass
class Tree:
    province: Agency
    own: Agency
    child: Agency
    sibling: Agency
    other_province: Agency
    other: Agency


@pytest.fixture
def tree(db: Any) -> Tree:
    from apps.organizations.tests.factories import AgencyFactory, UnitFactory

    province = AgencyFactory(code="P1", name="UBND tỉnh Một", level=AgencyLevel.PROVINCE)
    own = AgencyFactory(code="P1-OWN", name="Sở Xây dựng tỉnh Một", parent=province)
    child = AgencyFactory(code="P1-OWN-C", name="Trung tâm trực thuộc", parent=own, level=AgencyLevel.OTHER)
    sibling = AgencyFactory(code="P1-SIB", name="Sở Nội vụ tỉnh Một", parent=province)
    other_province = AgencyFactory(code="P2", name="UBND tỉnh Hai", level=AgencyLevel.PROVINCE)
    other = AgencyFactory(code="P2-OTH", name="Sở Xây dựng tỉnh Hai", parent=other_province)
    for agency in (own, child, sibling, other):
        UnitFactory(agency=agency, code="VP", name="Văn phòng Sở", kind="office", is_focal=True)
    return Tree(province, own, child, sibling, other_province, other)


@pytest.fixture
def make_user(db: Any) -> Any:
    from apps.accounts.tests.factories import RoleFactory, UserFactory

    def make(role: str | None, agency: Agency | None, **kwargs: Any) -> User:
        user = UserFactory(**kwargs)
        if role and agency:
            RoleFactory(user=user, agency=agency, role=role)
        return user

    return make
