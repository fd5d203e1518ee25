"""What the rating pages read: the periods to choose from, a team's sheets, the agency's distribution and cap,
the units compared and rated on the same 30 + 70 scale (units from their people's products, the agency from
its whole register), and who has not self-assessed."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils import timezone

from apps.accounts.policy import headed_unit_ids
from apps.organizations.models import Agency, Person, Unit
from apps.tasks.models import Occurrence
from domain.periods import MONTH, QUARTER, YEAR, Period, parse_period, period_containing
from domain.ratings.quota import allowed_excellent
from domain.ratings.rules import RatingRules
from domain.ratings.tasks import Product, ProductScore, TaskResult, product_score, task_result
from domain.scoring.grading import ND335_RATING, Grade

from .choices import RatingStatus, TaskGroup
from .models import ExtraProduct, Rating, RatingPolicy, UnitRating
from .products import products_by_person
from .sheets import GRADE_LABELS, PersonSheet, agency_sheets, people_of, rules_for

CENT = Decimal("0.01")


def period_choices(today: date | None = None) -> list[Period]:
    """The months of this year and the last, their quarters and the two years, latest first."""
    today = today or timezone.localdate()
    out: list[Period] = []
    for year in (today.year, today.year - 1):
        last_month = today.month if year == today.year else 12
        out.extend(parse_period(f"{year}-{m:02d}") for m in range(last_month, 0, -1))
        last_quarter = (last_month - 1) // 3 + 1
        out.extend(parse_period(f"{year}-Q{q}") for q in range(last_quarter, 0, -1))
        out.append(parse_period(str(year)))
    order = {MONTH: 0, QUARTER: 1, YEAR: 2}
    return sorted(out, key=lambda p: (order[p.kind], -p.start.toordinal()))


def default_period(today: date | None = None) -> Period:
    """The last month that has ended (the one to assess now)."""
    today = today or timezone.localdate()
    return period_containing(today, MONTH).previous()


def team_people(user: Any, agency: Agency) -> list[Person]:
    """The people a user sees in the team view: the whole agency for its leader and focal point, the headed
    units for a unit head."""
    if user.has_perm("ratings.view_agency", agency):
        return people_of(agency)
    return people_of(agency, headed_unit_ids(user, agency.pk))


def team_sheets(user: Any, agency: Agency, period: Period) -> list[PersonSheet]:
    return agency_sheets(agency, period, people=team_people(user, agency))


@dataclass(frozen=True)
class GroupCap:
    group: str
    label: str
    rated: int
    good_or_better: int
    proposed_excellent: int
    allowed: int
    moved: int


@dataclass(frozen=True)
class UnitLine:
    unit: Unit | None
    name: str
    people: int
    mean_points: Decimal | None
    grades: dict[str, int]
    task: TaskResult | None
    general: Decimal | None
    total: Decimal | None
    grade: Grade | None
    reason: str


def _mean(values: Sequence[Decimal]) -> Decimal | None:
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, rounding=ROUND_HALF_UP) if values else None


def distribution(sheets: Sequence[PersonSheet]) -> list[tuple[str, str, int]]:
    counts = Counter(s.final_grade for s in sheets if s.final_grade)
    return [(band.code, band.label, counts.get(band.code, 0)) for band in ND335_RATING.bands]


def caps(agency: Agency, sheets: Sequence[PersonSheet]) -> list[GroupCap]:
    rules = rules_for(agency)
    out = []
    for group in TaskGroup:
        members = [
            s
            for s in sheets
            if s.grade is not None and (s.rating.task_group if s.rating else TaskGroup.STAFF) == group
        ]
        if not members:
            continue
        good = sum(1 for s in members if s.grade and s.grade.code in ("excellent", "good"))
        proposed = sum(1 for s in members if s.grade and s.grade.code == "excellent")
        allowed = allowed_excellent(good, rules)
        out.append(
            GroupCap(
                group, str(group.label), len(members), good, proposed, allowed, max(0, proposed - allowed)
            )
        )
    return out


def unit_lines(agency: Agency, period: Period, sheets: Sequence[PersonSheet]) -> list[UnitLine]:
    """Each unit's people compared (mean points, grades) and rated: 70 from every product of its people, 30
    from the agency head's score; the last line is the agency itself, from every occurrence due in the period
    in its register (the plan-completion figures)."""
    by_unit: dict[int | None, list[PersonSheet]] = defaultdict(list)
    for sheet in sheets:
        by_unit[sheet.person.unit_id].append(sheet)
    rules = rules_for(agency)
    # decided sheets carry frozen figures, not their products: read those people's products once
    decided = [s.person.pk for s in sheets if not s.products and s.rating is not None and s.rating.is_decided]
    read = products_by_person(decided, period.start, period.end) if decided else {}

    def scored(members: list[PersonSheet]) -> tuple[list[Product], list[ProductScore]]:
        products: list[Product] = []
        scores: list[ProductScore] = []
        for member in members:
            if member.products:
                products.extend(p.product for p in member.products)
                scores.extend(member.scores)
            else:
                found = read.get(member.person.pk, [])
                products.extend(p.product for p in found)
                scores.extend(product_score(p.product, rules) for p in found)
        return products, scores

    unit_ratings = {r.unit_id: r for r in UnitRating.objects.filter(agency=agency, period=period.code)}
    units = {u.pk: u for u in Unit.objects.filter(agency=agency)}
    lines = []

    def order(unit_id: int | None) -> tuple[bool, str]:
        return (unit_id is None, units[unit_id].name if unit_id in units else "")

    for unit_id in sorted(by_unit, key=order):
        members = by_unit[unit_id]
        unit = units.get(unit_id) if unit_id is not None else None
        name = unit.name if unit else "Chưa thuộc đơn vị"
        rating = unit_ratings.get(unit_id) if unit else None
        lines.append(_line(unit, name, members, scored(members), rating, rules))
    agency_products = [
        Product(
            title="",
            completed=o["completed_on"] is not None,
            to_standard=o["accepted_on"] is not None,
            delays=1 if o["completed_on"] is not None and o["completed_on"] > o["due_on"] else 0,
        )
        for o in Occurrence.objects.filter(
            task__agency=agency, due_on__gte=period.start, due_on__lte=period.end, not_applicable=False
        ).values("completed_on", "accepted_on", "due_on")
    ]
    agency_work = (agency_products, [product_score(p, rules) for p in agency_products])
    lines.append(
        _line(None, f"Toàn cơ quan: {agency.name}", list(sheets), agency_work, unit_ratings.get(None), rules)
    )
    return lines


def _line(
    unit: Unit | None,
    name: str,
    members: list[PersonSheet],
    work: tuple[list[Product], list[ProductScore]],
    rating: UnitRating | None,
    rules: RatingRules,
) -> UnitLine:
    products, scores = work
    task = task_result(products, rules, scores=scores) if products else None
    general = rating.general_points if rating else None
    total = grade = None
    if task is not None and general is not None:
        total = (general + task.points).quantize(CENT)
        grade = ND335_RATING.grade(total)
    grades = Counter(s.final_grade for s in members if s.final_grade)
    return UnitLine(
        unit=unit,
        name=name,
        people=len(members),
        mean_points=_mean([s.total for s in members if s.total is not None]),
        grades={code: grades.get(code, 0) for code in GRADE_LABELS},
        task=task,
        general=general,
        total=total,
        grade=grade,
        reason=rating.general_reason if rating else "",
    )


def not_self_assessed(sheets: Sequence[PersonSheet]) -> list[PersonSheet]:
    """Those with work in the period (products) who have not self-assessed it yet."""
    return [s for s in sheets if s.products and (s.rating is None or s.rating.status == RatingStatus.DRAFT)]


def person_by_pk(pk: int) -> Person | None:
    return Person.objects.select_related("agency", "unit").filter(pk=pk).first()


def agency_by_pk(pk: int) -> Agency | None:
    return Agency.objects.filter(pk=pk).first()


def occurrence_by_pk(pk: int) -> Occurrence | None:
    return Occurrence.objects.select_related("task").filter(pk=pk).first()


def extra_by_pk(pk: int) -> ExtraProduct | None:
    return ExtraProduct.objects.select_related("person", "person__agency").filter(pk=pk).first()


def rating_by_pk(pk: int) -> Rating | None:
    return Rating.objects.select_related("person", "agency").filter(pk=pk).first()


def policy_of(agency: Agency) -> RatingPolicy | None:
    return RatingPolicy.objects.filter(agency=agency).first()


def unit_of(agency: Agency, pk: int) -> Unit | None:
    return Unit.objects.filter(agency=agency, pk=pk).first()
