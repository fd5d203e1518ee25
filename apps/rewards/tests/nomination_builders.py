"""A small agency for the nomination and council tests: a unit with its head and staff, the office's focal point,
the agency's head (chair of the council), and helpers for ratings, awards, initiatives and a full dossier."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from apps.accounts.models import User
from apps.accounts.tests.factories import RoleFactory, UserFactory
from apps.organizations.models import Agency, Person, Unit
from apps.organizations.tests.factories import PersonFactory, UnitFactory
from apps.rewards.choices import DocumentKind
from apps.rewards.models import AnnualRating, Award, Council, CouncilMember, Initiative, Nomination
from apps.rewards.services import nominations as services
from domain.uploads.tests.samples import pdf as sample_pdf

PDF = sample_pdf()


def pdf(name: str = "to-trinh.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


@dataclass
class Office:
    agency: Agency
    unit: Unit
    office_unit: Unit
    head: User
    focal: User
    leader: User
    staff: list[Person] = field(default_factory=list)
    council: Council | None = None


def _user(agency: Agency, unit: Unit | None, username: str, name: str, role: str) -> User:
    person = PersonFactory(agency=agency, unit=unit, full_name=name)
    user = UserFactory(username=username, person=person, first_name=name)
    RoleFactory(user=user, agency=agency, role=role, unit=unit if role == "unit_head" else None)
    return user


def office(agency: Agency, *, staff: int = 3) -> Office:
    unit = UnitFactory(agency=agency, code=f"KH-{agency.pk}", name="Phòng Kế hoạch")
    office_unit = Unit.objects.filter(agency=agency, code="VP").first() or UnitFactory(
        agency=agency, code="VP", name="Văn phòng Sở"
    )
    head = _user(agency, unit, f"tp{agency.pk}", "Trần Trưởng Phòng", "unit_head")
    focal = _user(agency, office_unit, f"dm{agency.pk}", "Phạm Đầu Mối", "focal_point")
    leader = _user(agency, None, f"gd{agency.pk}", "Lê Giám Đốc", "leader")
    people = [
        PersonFactory(agency=agency, unit=unit, full_name=f"Nguyễn Chuyên Viên {i + 1}") for i in range(staff)
    ]
    built = Office(agency, unit, office_unit, head, focal, leader, people)
    council = Council.objects.create(agency=agency)
    CouncilMember.objects.create(council=council, person=leader.person, role="chair")
    CouncilMember.objects.create(council=council, person=focal.person, role="secretary")
    CouncilMember.objects.create(council=council, person=head.person, role="member")
    built.council = council
    return built


def rating(person: Person, year: int, grade: str, **kwargs: Any) -> AnnualRating:
    return AnnualRating.objects.create(agency=person.agency, person=person, year=year, grade=grade, **kwargs)


def award(person: Person, form: str, year: int) -> Award:
    return Award.objects.create(
        agency=person.agency,
        year=year,
        form=form,
        subject="person",
        person=person,
        recipient_name=person.full_name,
        decided_on=date(year, 12, 20),
    )


def initiative(
    person: Person, year: int, recognised_on: date | None, *, title: str = "Số hóa hồ sơ"
) -> Initiative:
    item = Initiative.objects.create(
        agency=person.agency,
        unit=person.unit,
        title=title,
        year=year,
        status="recognised" if recognised_on else "proposed",
        recognised_on=recognised_on,
    )
    item.authors.add(person)
    return item


def nominate(built: Office, person: Person, form: str = "lao_dong_tien_tien", year: int = 2026) -> Nomination:
    return services.nomination_create(
        user=built.head,
        agency=built.agency,
        year=year,
        form=form,
        person=person,
        achievement="Hoàn thành tốt nhiệm vụ được giao",
        declarations={"self_reliance": {"met": True, "note": ""}},
    )


def full_dossier(built: Office, nomination: Nomination) -> None:
    for kind in (DocumentKind.PROPOSAL, DocumentKind.ACHIEVEMENT_REPORT, DocumentKind.REVIEW_MINUTES):
        services.nomination_document_add(user=built.head, nomination=nomination, kind=kind, file=pdf())


def submitted(built: Office, nomination: Nomination) -> Nomination:
    full_dossier(built, nomination)
    return services.nomination_submit(user=built.head, nomination=nomination)


def checked(built: Office, nomination: Nomination) -> Nomination:
    submitted(built, nomination)
    return services.nomination_check(user=built.focal, nomination=nomination, on=date(2026, 12, 15))
