"""A small agency with people, units and tasks whose occurrences are the products a rating reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from apps.accounts.models import User
from apps.accounts.tests.factories import RoleFactory, UserFactory
from apps.organizations.models import Agency, Person, Unit
from apps.organizations.tests.factories import PersonFactory, UnitFactory
from apps.plans.models import Plan
from apps.tasks.models import AcceptanceDecision, Occurrence, Task


@dataclass
class Office:
    agency: Agency
    unit: Unit
    other_unit: Unit
    plan: Plan
    head: User  # unit head of `unit`
    leader: User  # the agency's head
    focal: User
    staff: dict[str, User] = field(default_factory=dict)

    def person(self, username: str) -> Person:
        return self.staff[username].person  # type: ignore[return-value]


def person_user(
    agency: Agency, unit: Unit | None, username: str, name: str, role: str, **kwargs: Any
) -> User:
    person = PersonFactory(agency=agency, unit=unit, full_name=name, **kwargs)
    user = UserFactory(username=username, person=person, first_name=name)
    RoleFactory(user=user, agency=agency, role=role, unit=unit if role == "unit_head" else None)
    return user


def office(agency: Agency, *, staff: int = 2) -> Office:
    unit = UnitFactory(agency=agency, code=f"PHONG-{agency.pk}", name="Phòng Kế hoạch")
    other_unit = UnitFactory(agency=agency, code=f"PHONG2-{agency.pk}", name="Phòng Tổng hợp")
    plan = Plan.objects.create(
        agency=agency,
        number="1",
        symbol="KH-TEST",
        issued_on=date(2026, 1, 5),
        title="Kế hoạch CCHC năm 2026",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )
    head = person_user(
        agency, unit, f"truongphong{agency.pk}", "Trần Trưởng Phòng", "unit_head", position="Trưởng phòng"
    )
    leader = person_user(agency, None, f"giamdoc{agency.pk}", "Lê Giám Đốc", "leader", position="Giám đốc")
    focal = person_user(agency, other_unit, f"daumoi{agency.pk}", "Phạm Đầu Mối", "focal_point")
    people = {}
    for index in range(staff):
        name = f"Nguyễn Chuyên Viên {index + 1}"
        people[f"cv{index + 1}_{agency.pk}"] = person_user(
            agency, unit, f"cv{index + 1}_{agency.pk}", name, "staff"
        )
    return Office(agency, unit, other_unit, plan, head, leader, focal, people)


def product(
    office: Office,
    person: Person,
    due: date,
    *,
    completed: date | None = None,
    accepted: date | None = None,
    returned: int = 0,
    ref: str | None = None,
) -> Occurrence:
    """One task with one occurrence, accountable person ``person``; returned ``returned`` times before."""
    ref = ref or f"T{Task.objects.count() + 1}"
    task = Task.objects.create(
        agency=office.agency,
        plan=office.plan,
        ref=ref,
        title=f"Nhiệm vụ {ref}",
        due_on=due,
        accountable=person,
    )
    occurrence = Occurrence.objects.create(
        task=task,
        seq=1,
        label="",
        due_on=due,
        completed_on=completed,
        submitted_at=None,
        accepted_on=accepted,
    )
    for _ in range(returned):
        AcceptanceDecision.objects.create(
            occurrence=occurrence, decision=AcceptanceDecision.RETURNED, reason="Sai số liệu", decided_on=due
        )
    return occurrence
