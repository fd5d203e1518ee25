"""Each person's rating sheet of a period, computed from the register and what people entered: the products and
what each brought, a, b, c and the task points (domain.ratings), the general criteria, the total, the grade
by points and violations, and the grade after the cap on "xuất sắc" within the agency and task group.

A decided rating shows what was frozen at the decision; an open one is computed live, so a task completed late
in the register changes the month's score at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError

from apps.organizations.models import Agency, Person
from domain.periods import MONTH, QUARTER, YEAR, Period, PeriodError, parse_period
from domain.ratings.quota import Rated, apply_quota
from domain.ratings.rules import ND335, Aggregation, QuotaRounding, RatingRules
from domain.ratings.tasks import (
    LeaderParts,
    ProductScore,
    TaskResult,
    period_result,
    product_score,
    task_result,
)
from domain.scoring.grading import ND335_RATING, Grade
from domain.vn_numbers import vn_number

from .choices import RatingStatus, TaskGroup
from .models import Rating, RatingPolicy
from .products import RegisterProduct, products_by_person

__all__ = ["PersonSheet", "agency_sheets", "person_sheet", "rating_period", "rules_for"]

RATED_KINDS = (MONTH, QUARTER, YEAR)
CENT = Decimal("0.01")
HUNDRED = Decimal(100)
GRADE_LABELS = {band.code: band.label for band in ND335_RATING.bands}


def rating_period(code: str) -> Period:
    """A rating period from its code (2026-03, 2026-Q1, 2026); a half-year is not a rating period."""
    try:
        period = parse_period((code or "").strip())
    except PeriodError as error:
        raise ValidationError(str(error)) from error
    if period.kind not in RATED_KINDS:
        raise ValidationError("Kỳ đánh giá là một tháng (2026-03), một quý (2026-Q1) hoặc một năm (2026).")
    return period


def rules_for(agency: Agency, *, exception: bool = False) -> RatingRules:
    """Nghị định 335 with the parameters the agency chose where the sources leave them open."""
    policy = RatingPolicy.objects.filter(agency=agency).first()
    rules = ND335
    if policy is not None:
        rules = replace(
            rules,
            aggregation=Aggregation(policy.aggregation),
            quota_rounding=QuotaRounding(policy.quota_rounding),
        )
        if exception:
            rules = replace(rules, excellent_quota_percent=policy.exception_quota_percent)
    elif exception:
        rules = replace(rules, excellent_quota_percent=Decimal(25))
    return rules


def _months(period: Period) -> list[Period]:
    months = []
    year, month = period.start.year, period.start.month
    while date(year, month, 1) <= period.end:
        months.append(parse_period(f"{year}-{month:02d}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass
class PersonSheet:
    person: Person
    period: Period
    rating: Rating | None
    products: list[RegisterProduct]
    scores: list[ProductScore]
    task: TaskResult | None
    general: Decimal | None
    general_is_self: bool
    total: Decimal | None
    grade: Grade | None
    final_grade: str = ""
    final_note: str = ""
    caveats: list[str] = field(default_factory=list)

    @property
    def is_leader(self) -> bool:
        return self.rating is not None and self.rating.task_group == TaskGroup.LEADER

    @property
    def final_label(self) -> str:
        return GRADE_LABELS.get(self.final_grade, "")

    @property
    def lost_products(self) -> list[ProductScore]:
        return [score for score in self.scores if score.lost]

    @property
    def status_label(self) -> str:
        if self.rating is None:
            return str(RatingStatus.DRAFT.label)
        return self.rating.get_status_display()


def _leader_parts(rating: Rating | None) -> LeaderParts | None:
    if rating is None or rating.task_group != TaskGroup.LEADER:
        return None
    parts = (rating.leader_d, rating.leader_dd, rating.leader_e)
    if any(part is None for part in parts):
        return None
    return LeaderParts(*(Decimal(part) / HUNDRED for part in parts))  # type: ignore[arg-type]


def _decided_sheet(person: Person, period: Period, rating: Rating) -> PersonSheet:
    task = None
    if rating.task_points is not None:
        task = TaskResult(rating.a or 0, rating.b or 0, rating.c or 0, rating.task_points, "")  # type: ignore[arg-type]
    grade = Grade(rating.computed_grade, GRADE_LABELS.get(rating.computed_grade, ""), rating.grade_note)
    return PersonSheet(
        person=person,
        period=period,
        rating=rating,
        products=[],
        scores=[],
        task=task,
        general=rating.general_points,
        general_is_self=False,
        total=rating.total,
        grade=grade,
        final_grade=rating.grade,
        final_note=rating.grade_note,
    )


def _live_sheet(
    person: Person, period: Period, rating: Rating | None, products: list[RegisterProduct], rules: RatingRules
) -> PersonSheet:
    leader = _leader_parts(rating)
    caveats = []
    if rating is not None and rating.task_group == TaskGroup.LEADER and leader is None:
        caveats.append("Lãnh đạo, quản lý: chưa nhập d, đ, e nên tạm tính như công chức (a + b + c) ÷ 3.")
    scores = [product_score(p.product, rules) for p in products]
    if period.kind == MONTH:
        task = task_result([p.product for p in products], rules, leader, scores)
    else:
        by_month = [
            [p.product for p in products if month.start <= p.due_on <= month.end] for month in _months(period)
        ]
        task = period_result(by_month, rules, leader)
    general, is_self = None, False
    if rating is not None and rating.general_points is not None:
        general = rating.general_points
    elif rating is not None and rating.self_general is not None:
        general, is_self = rating.self_general, True
    total = grade = None
    if task is not None and general is not None:
        total = (Decimal(general) + task.points).quantize(CENT, rounding=ROUND_HALF_UP)
        grade = ND335_RATING.grade(total, rating.violations if rating is not None else ())
    return PersonSheet(
        person=person,
        period=period,
        rating=rating,
        products=products,
        scores=scores,
        task=task,
        general=general,
        general_is_self=is_self,
        total=total,
        grade=grade,
        final_grade=grade.code if grade else "",
        final_note=grade.explanation if grade else "",
        caveats=caveats,
    )


def _apply_cap(sheets: Sequence[PersonSheet], rules: RatingRules) -> None:
    """The cap on "xuất sắc" per task group among those with a grade (the decided keep what was decided)."""
    groups: dict[str, list[PersonSheet]] = defaultdict(list)
    for sheet in sheets:
        if sheet.grade is not None and sheet.total is not None:
            group = sheet.rating.task_group if sheet.rating else TaskGroup.STAFF
            groups[group].append(sheet)
    for members in groups.values():
        if all(s.rating is not None and s.rating.is_decided for s in members):
            continue
        rated = [
            Rated(str(s.person.pk), s.person.full_name, s.total, s.grade.code, s.grade.explanation)  # type: ignore[arg-type, union-attr]
            for s in members
        ]
        capped = {r.key: r for r in apply_quota(rated, rules)}
        for sheet in members:
            if sheet.rating is not None and sheet.rating.is_decided:
                continue
            result = capped[str(sheet.person.pk)]
            sheet.final_grade, sheet.final_note = result.grade, result.explanation


def people_of(agency: Agency, unit_ids: Iterable[int] | None = None) -> list[Person]:
    people = Person.objects.filter(agency=agency, is_active=True).select_related("unit", "user")
    if unit_ids is not None:
        people = people.filter(unit_id__in=list(unit_ids))
    return list(people.order_by("unit__name", "full_name"))


def agency_sheets(
    agency: Agency,
    period: Period,
    *,
    people: Sequence[Person] | None = None,
    exception: bool = False,
) -> list[PersonSheet]:
    """Every active person's sheet of the period (or of ``people``), the cap applied over the whole agency."""
    everyone = people_of(agency)
    rules = rules_for(agency, exception=exception)
    ratings = {r.person_id: r for r in Rating.objects.filter(agency=agency, period=period.code)}
    open_ids = [p.pk for p in everyone if not (p.pk in ratings and ratings[p.pk].is_decided)]
    products = products_by_person(open_ids, period.start, period.end)
    sheets = []
    for person in everyone:
        rating = ratings.get(person.pk)
        if rating is not None and rating.is_decided:
            sheets.append(_decided_sheet(person, period, rating))
        else:
            sheets.append(_live_sheet(person, period, rating, products.get(person.pk, []), rules))
    _apply_cap(sheets, rules)
    if people is not None:
        wanted = {p.pk for p in people}
        sheets = [s for s in sheets if s.person.pk in wanted]
    return sheets


def person_sheet(person: Person, period: Period) -> PersonSheet:
    """One person's sheet with every product (also when decided: the products behind the frozen figures). The
    whole agency is computed only when the cap can change this person's grade (an open "xuất sắc")."""
    rules = rules_for(person.agency)
    rating = Rating.objects.filter(person=person, period=period.code).first()
    products = products_by_person([person.pk], period.start, period.end).get(person.pk, [])
    if rating is not None and rating.is_decided:
        sheet = _decided_sheet(person, period, rating)
        sheet.products = products
        sheet.scores = [product_score(p.product, rules) for p in products]
        return sheet
    sheet = _live_sheet(person, period, rating, products, rules)
    if sheet.grade is not None and sheet.grade.code == "excellent":
        capped = next((s for s in agency_sheets(person.agency, period) if s.person.pk == person.pk), None)
        if capped is not None:
            sheet.final_grade, sheet.final_note = capped.final_grade, capped.final_note
    return sheet


def points_text(value: Decimal | None) -> str:
    return "—" if value is None else vn_number(value, 2)
