"""Demo data of rewards at Sở Xây dựng Đắk Lắk, year 2026, all through the services: the reward council with its
members; past awards 2023–2025 copied from the paper register; a first round for people — nominations of Lao động
tiên tiến and Chiến sĩ thi đua cơ sở chosen by each person's rating of 2026, one of which fails a rule, with their
dossiers, the focal point's check, a council session with its counts and a decision issued with prizes — and a
second round for collectives (Tập thể lao động tiên tiến, Giấy khen), whose members' titles the first round put
in the register. Running it again changes nothing."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import docx
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Agency, Person, Unit
from domain.rewards.form_rules import declarations_for
from domain.rewards.forms import AwardForm, Subject, form_label
from domain.rewards.prizes import money_text

from .choices import CouncilRole, DocumentKind, Grade
from .models import AnnualRating, Award, Council, Nomination, RewardDecision
from .services import council as council_services
from .services import decisions as decision_services
from .services import nominations as nomination_services
from .services import register as register_services

AGENCY = "DLK-SXD"
YEAR = 2026
FIRST_NUMBER = "210/QĐ-SXD"
SECOND_NUMBER = "215/QĐ-SXD"
MEMBERS = (
    ("Cao Đình Huy", CouncilRole.CHAIR),
    ("Lê Công Du", CouncilRole.VICE_CHAIR),
    ("Nguyễn Thị Thu Hà", CouncilRole.SECRETARY),
    ("Phạm Văn Long", CouncilRole.MEMBER),
    ("Võ Đức Thắng", CouncilRole.MEMBER),
)
# The paper register before the system: (person or unit code, form, year, decision as written, day, amount).
PAST_AWARDS: tuple[tuple[str, str, int, str, date, int | None], ...] = (
    (
        "Phạm Văn Long",
        "chien_si_thi_dua_co_so",
        2023,
        "Quyết định 305/QĐ-SXD ngày 22/12/2023",
        date(2023, 12, 22),
        1800000,
    ),
    (
        "Phạm Văn Long",
        "chien_si_thi_dua_co_so",
        2024,
        "Quyết định 298/QĐ-SXD ngày 20/12/2024",
        date(2024, 12, 20),
        2340000,
    ),
    (
        "Phạm Văn Long",
        "chien_si_thi_dua_co_so",
        2025,
        "Quyết định 310/QĐ-SXD ngày 19/12/2025",
        date(2025, 12, 19),
        2340000,
    ),
    (
        "Hoàng Thị Lan",
        "lao_dong_tien_tien",
        2024,
        "Quyết định 298/QĐ-SXD ngày 20/12/2024",
        date(2024, 12, 20),
        710000,
    ),
    (
        "Hoàng Thị Lan",
        "lao_dong_tien_tien",
        2025,
        "Quyết định 310/QĐ-SXD ngày 19/12/2025",
        date(2025, 12, 19),
        710000,
    ),
    (
        "Võ Đức Thắng",
        "lao_dong_tien_tien",
        2025,
        "Quyết định 310/QĐ-SXD ngày 19/12/2025",
        date(2025, 12, 19),
        710000,
    ),
    (
        "unit:VP",
        "tap_the_lao_dong_tien_tien",
        2025,
        "Quyết định 311/QĐ-SXD ngày 19/12/2025",
        date(2025, 12, 19),
        1880000,
    ),
    ("unit:QLXD", "giay_khen", 2024, "Quyết định 299/QĐ-SXD ngày 20/12/2024", date(2024, 12, 20), 1410000),
)
# Who the first round considers: the people of Phòng Kế hoạch – Tài chính (its collective title rests on their
# titles: 70% of its members), then these.
TITLED_UNIT = "KHTC"
OTHERS = ("Nguyễn Thị Thu Hà", "Trần Minh Tuấn", "Võ Đức Thắng", "Đặng Thị Mai")
LABOUR_NOMINATIONS = 4
CHECK_DAY = date(YEAR, 11, 24)
FIRST_SESSION = datetime(YEAR, 11, 26, 8, 30)
FIRST_DECISION = date(YEAR, 11, 30)
SECOND_SESSION = datetime(YEAR, 12, 3, 14, 0)
SECOND_DECISION = date(YEAR, 12, 4)
DOSSIER = (
    (DocumentKind.PROPOSAL, "Tờ trình đề nghị khen thưởng"),
    (DocumentKind.ACHIEVEMENT_REPORT, "Báo cáo thành tích"),
    (DocumentKind.REVIEW_MINUTES, "Biên bản bình xét thi đua của đơn vị"),
)


def _document(title: str, nominee: str) -> SimpleUploadedFile:
    document = docx.Document()
    document.add_heading(title.upper(), level=1)
    document.add_paragraph(f"{title} năm {YEAR}: {nominee}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(
        f"{title.lower().replace(' ', '-')}.docx",
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _council(agency: Agency, office: User) -> Council:
    council = nomination_services.council_of(agency)
    if council is None:
        council = council_services.council_create(
            user=office,
            agency=agency,
            name="Hội đồng Thi đua – Khen thưởng Sở Xây dựng",
            establishing_decision="Quyết định 15/QĐ-SXD ngày 10/01/2026",
        )
    people = {
        p.full_name: p for p in Person.objects.filter(agency=agency, full_name__in=[n for n, _ in MEMBERS])
    }
    for name, role in MEMBERS:
        person = people.get(name)
        if person is not None and not council.members.filter(person=person).exists():
            council_services.council_member_add(user=office, council=council, person=person, role=role)
    return council


def _past_awards(agency: Agency, office: User) -> int:
    entered = 0
    for who, form, year, label, day, amount in PAST_AWARDS:
        person = unit = None
        if who.startswith("unit:"):
            unit = Unit.objects.filter(agency=agency, code=who[5:]).first()
            if unit is None:
                continue
        else:
            person = Person.objects.filter(agency=agency, full_name=who).first()
            if person is None:
                continue
        try:
            register_services.award_enter(
                user=office,
                agency=agency,
                subject="person" if person is not None else "collective",
                person=person,
                unit=unit,
                form=form,
                year=year,
                decided_on=day,
                decision_label=label,
                achievement=f"{form_label(form)} năm {year}",
                prize_amount=Decimal(amount) if amount is not None else None,
            )
        except ValidationError:
            continue  # already in the register
        entered += 1
    return entered


def _grade(person: Person) -> str:
    rating = AnnualRating.objects.filter(person=person, year=YEAR).first()
    if rating is None:
        # Without the movements demo's ratings, a plausible one (demo data only).
        rating = AnnualRating.objects.create(agency=person.agency, person=person, year=YEAR, grade=Grade.GOOD)
    return rating.grade


def _unit_rated(unit: Unit) -> None:
    """A collective's rating of the year, where the movements demo left none (demo data only)."""
    if not AnnualRating.objects.filter(unit=unit, year=YEAR).exists():
        AnnualRating.objects.create(agency=unit.agency, unit=unit, year=YEAR, grade=Grade.GOOD)


def _declared(form: str, subject: str) -> dict[str, dict[str, Any]]:
    """What the unit's biên bản bình xét confirms: the form's first two declarations (one of the alternatives)."""
    keys = declarations_for(AwardForm(form), Subject(subject))[:2]
    return {key: {"met": True, "note": "Biên bản bình xét của đơn vị"} for key in keys}


def _first_round_choices(agency: Agency) -> list[tuple[Person, str]]:
    """Who the units propose, by each person's rating of the year: the best rated for Chiến sĩ thi đua cơ sở,
    others for Lao động tiên tiến, and one whose rating does not reach the title (the check refuses it)."""
    active = Person.objects.filter(agency=agency, is_active=True)
    people = list(active.filter(unit__code=TITLED_UNIT).order_by("pk"))
    named = {p.full_name: p for p in active.filter(full_name__in=OTHERS)}
    people += [named[name] for name in OTHERS if name in named and named[name] not in people]
    graded = [(p, _grade(p)) for p in people]
    excellent = [p for p, g in graded if g == Grade.EXCELLENT]
    good = [p for p, g in graded if g == Grade.GOOD]
    low = [p for p, g in graded if g in (Grade.COMPLETED, Grade.NOT_COMPLETED)]
    chosen: list[tuple[Person, str]] = []
    if excellent:
        chosen.append((excellent[0], "chien_si_thi_dua_co_so"))
    labour = sorted(excellent[1:] + good, key=people.index)[:LABOUR_NOMINATIONS]
    chosen += [(p, "lao_dong_tien_tien") for p in labour]
    if low:
        chosen.append((low[0], "lao_dong_tien_tien"))  # fails: "hoàn thành nhiệm vụ" is below "tốt"
    elif good:
        chosen.append((good[-1], "chien_si_thi_dua_co_so"))  # fails: neither excellent nor an initiative
    return chosen


def _propose(agency: Agency, office: User, **nominee: Any) -> Nomination:
    form = nominee.pop("form")
    name = str(nominee.get("person") or nominee.get("unit"))
    if nominee.get("unit") is not None:
        _unit_rated(nominee["unit"])
    nomination = nomination_services.nomination_create(
        user=office,
        agency=agency,
        year=YEAR,
        form=form,
        achievement=f"Hoàn thành tốt nhiệm vụ được giao năm {YEAR}; tích cực tham gia phong trào thi đua",
        achievement_key=f"{form}:{YEAR}",
        declarations=_declared(form, "person" if nominee.get("person") is not None else "collective"),
        **nominee,
    )
    for kind, title in DOSSIER:
        nomination_services.nomination_document_add(
            user=office, nomination=nomination, kind=kind, file=_document(title, name)
        )
    nomination_services.nomination_submit(user=office, nomination=nomination)
    return nomination_services.nomination_check(user=office, nomination=nomination, on=CHECK_DAY)


def _round(
    agency: Agency,
    council: Council,
    office: User,
    head: User,
    nominations: list[Nomination],
    held_at: datetime,
    signed_on: date,
    number: str,
) -> RewardDecision | None:
    votable = [n for n in nominations if nomination_services.votable(n)]
    if not votable:
        return None
    session = council_services.session_create(
        user=office,
        council=council,
        held_at=_aware(held_at),
        members_present=council.members.count(),
        place="Phòng họp tầng 3, Sở Xây dựng",
    )
    present = session.members_present
    council_services.votes_record(
        user=office,
        session=session,
        counts={n.pk: present - (index % 2) for index, n in enumerate(votable)},
    )
    draft = decision_services.decision_create(user=office, session=session, signed_on=signed_on)
    return decision_services.decision_issue(
        user=head, decision=draft, number=number, signed_on=signed_on, signer=head.person
    )


def _collective_units(agency: Agency) -> list[tuple[Unit, str]]:
    """The unit whose people the first round titled in the largest share (Tập thể lao động tiên tiến) and the
    office (Giấy khen)."""
    titled: dict[int, set[int]] = {}
    for person_id, unit_id in Award.objects.filter(
        agency=agency, year=YEAR, person__isnull=False, person__unit__isnull=False
    ).values_list("person_id", "person__unit_id"):
        titled.setdefault(unit_id, set()).add(person_id)
    shares = {
        unit_id: len(people) / max(Person.objects.filter(unit_id=unit_id, is_active=True).count(), 1)
        for unit_id, people in titled.items()
    }
    chosen: list[tuple[Unit, str]] = []
    best = max(shares, key=lambda pk: shares[pk], default=None)
    if best is not None:
        chosen.append((Unit.objects.get(pk=best), "tap_the_lao_dong_tien_tien"))
    office_unit = Unit.objects.filter(agency=agency, is_focal=True).first()
    if office_unit is not None:
        chosen.append((office_unit, "giay_khen"))
    return chosen


def build_awards_demo() -> Iterator[str]:
    agency = Agency.objects.filter(code=AGENCY).first()
    users = {u.username: u for u in User.objects.filter(username__in=["daumoi", "lanhdao"])}
    if agency is None or len(users) < 2 or users["lanhdao"].person is None:
        return
    if RewardDecision.objects.filter(agency=agency, number=FIRST_NUMBER).exists():
        return
    office, head = users["daumoi"], users["lanhdao"]
    council = _council(agency, office)
    past = _past_awards(agency, office)
    first = [_propose(agency, office, person=p, form=form) for p, form in _first_round_choices(agency)]
    failed = [n for n in first if n.eligible is False]
    decision = _round(agency, council, office, head, first, FIRST_SESSION, FIRST_DECISION, FIRST_NUMBER)
    second = [_propose(agency, office, unit=u, form=form) for u, form in _collective_units(agency)]
    collective = _round(agency, council, office, head, second, SECOND_SESSION, SECOND_DECISION, SECOND_NUMBER)
    decided = [d for d in (decision, collective) if d is not None]
    awards = Award.objects.filter(decision__in=decided)
    total = sum((a.prize_amount or Decimal(0) for a in awards), Decimal(0))
    yield (
        f"Đã tạo khen thưởng năm {YEAR} của {agency.name}: Hội đồng {council.members.count()} thành viên, "
        f"{past} khen thưởng 2023–2025 nhập từ sổ, {len(first) + len(second)} đề nghị ({len(failed)} không đủ "
        f"điều kiện: {', '.join(n.nominee_name for n in failed) or 'không có'}), {len(decided)} quyết định ban "
        f"hành với {awards.count()} khen thưởng, tổng tiền thưởng {money_text(total)}."
    )
