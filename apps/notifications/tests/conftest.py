"""A small agency with units, people in every role, tasks with dated occurrences — and another agency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment, User
from apps.organizations.models import Agency, Person, Unit
from apps.plans.models import Plan
from apps.tasks.models import Occurrence, Task


@dataclass
class World:
    own: Agency
    other: Agency
    khtc: Unit
    qlxd: Unit
    staff: User  # Phòng KHTC, by their staff record
    head: User  # head of Phòng KHTC (role tied to the unit)
    focal: User
    leader: User
    accountable: User  # Phòng QLXD, accountable for one KHTC task
    other_staff: User
    before_tet: Occurrence  # KHTC, due Friday 13/02/2026
    after_tet: Occurrence  # KHTC, due 25/02/2026, accountable person named
    qlxd_task: Occurrence  # QLXD, due 24/02/2026
    other_occurrence: Occurrence  # the other agency's, due 13/02/2026


def _person_user(
    agency: Agency, unit: Unit | None, username: str, name: str, role: str, role_unit: Any = None
):
    person = Person.objects.create(agency=agency, unit=unit, full_name=name, email=f"{username}@cchc.test")
    user = User.objects.create_user(username, password="mat-khau-thu-123", first_name=name, person=person)
    RoleAssignment.objects.create(user=user, agency=agency, role=role, unit=role_unit)
    return user


def _task(agency: Agency, plan: Plan, ref: str, lead: Unit, due: date, accountable: Any = None) -> Occurrence:
    task = Task.objects.create(
        agency=agency,
        plan=plan,
        ref=ref,
        title=f"Nhiệm vụ thử số {ref}",
        lead_text=lead.name,
        due_on=due,
        accountable=accountable,
    )
    task.lead_units.add(lead)
    return Occurrence.objects.create(task=task, seq=1, label="", due_on=due)


@pytest.fixture
def world(tree: Any) -> World:
    own, other = tree.own, tree.other
    khtc = Unit.objects.create(agency=own, code="KHTC", name="Phòng Kế hoạch – Tài chính")
    qlxd = Unit.objects.create(agency=own, code="QLXD", name="Phòng Quản lý xây dựng")
    office = own.units.get(code="VP")
    staff = _person_user(own, khtc, "lan", "Hoàng Thị Lan", Role.STAFF)
    head = _person_user(own, None, "long", "Phạm Văn Long", Role.UNIT_HEAD, role_unit=khtc)
    focal = _person_user(own, office, "ha", "Nguyễn Thị Thu Hà", Role.FOCAL_POINT)
    leader = _person_user(own, None, "huy", "Cao Đình Huy", Role.LEADER)
    accountable = _person_user(own, qlxd, "thang", "Võ Đức Thắng", Role.STAFF)
    other_staff = _person_user(other, other.units.get(code="VP"), "son", "Tòng Văn Sơn", Role.STAFF)
    plan = Plan.objects.create(agency=own, title="Kế hoạch CCHC năm 2026", issued_on=date(2026, 1, 10))
    other_plan = Plan.objects.create(
        agency=other, title="Kế hoạch CCHC năm 2026", issued_on=date(2026, 1, 10)
    )
    return World(
        own=own,
        other=other,
        khtc=khtc,
        qlxd=qlxd,
        staff=staff,
        head=head,
        focal=focal,
        leader=leader,
        accountable=accountable,
        other_staff=other_staff,
        before_tet=_task(own, plan, "1", khtc, date(2026, 2, 13)),
        after_tet=_task(own, plan, "2", khtc, date(2026, 2, 25), accountable=accountable.person),
        qlxd_task=_task(own, plan, "3", qlxd, date(2026, 2, 24)),
        other_occurrence=_task(other, other_plan, "1", other.units.get(code="VP"), date(2026, 2, 13)),
    )
