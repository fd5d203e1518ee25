"""The facts of one nomination read from the database, for ``domain.rewards.eligibility.check``.

Ratings come from ``AnnualRating`` (refs "annual_rating:<id>"), past awards from the register ``Award``
("award:<id>"), initiatives from ``Initiative`` of the person (as an author) or of the unit / agency
("initiative:<id>"), the members of a collective are the unit's (or agency's) active people with their rating,
their titles in the register and their discipline of the year, the declarations are what the proposing unit
confirmed in the nomination (its biên bản bình xét, "document:<id>"). The movement's own rules come from the
movement, the province's layer from ``ProvinceRewardRules`` of the agency tree's root.

``ref_url`` is the one place that turns a ref into a link for the pages.
"""

from __future__ import annotations

from typing import Any

from django.urls import NoReverseMatch, reverse

from apps.organizations.models import Agency, Person
from domain.rewards.facts import (
    Declaration,
    Discipline,
    InitiativeFact,
    MemberFact,
    NomineeFacts,
    PastAward,
    YearRating,
)
from domain.rewards.forms import AwardForm, Subject
from domain.rewards.movement_rules import MovementRules
from domain.rewards.rulesets import ProvinceRules, param_from_data

from .choices import DocumentKind, InitiativeStatus, SubjectChoice
from .models import AnnualRating, Award, Initiative, Movement, Nomination, ProvinceRewardRules

# How many years before the nomination's year the rules may look back (3 consecutive CSTĐ cơ sở, 2 years for the
# Bằng khen, a five-year movement period).
LOOK_BACK_YEARS = 6


def award_achievement(award: Award) -> str:
    """The register's key of what an award rewarded: its own key, else the form and the year."""
    return award.achievement_key or f"{award.form}:{award.year}"


def _past_award(award: Award) -> PastAward:
    label = award.decision_label or (str(award.decision) if award.decision_id else "")
    return PastAward(
        form=AwardForm(award.form),
        year=award.year,
        achievement=award_achievement(award),
        ref=f"award:{award.pk}",
        label=label,
    )


def _initiative(item: Initiative) -> InitiativeFact:
    recognised = item.recognised_on if item.status == InitiativeStatus.RECOGNISED else None
    return InitiativeFact(
        title=item.title,
        recognised_on=recognised,
        scope=item.scope,
        year=item.year,
        ref=f"initiative:{item.pk}",
    )


def _ratings(rows: list[AnnualRating]) -> tuple[tuple[YearRating, ...], tuple[Discipline, ...]]:
    ratings = tuple(YearRating(r.year, r.grade, f"annual_rating:{r.pk}") for r in rows)
    disciplines = tuple(
        Discipline(r.year, r.discipline, f"annual_rating:{r.pk}") for r in rows if r.discipline
    )
    return ratings, disciplines


def _pending(rows: list[AnnualRating]) -> str:
    """What is still being considered (kỷ luật, thanh tra, khiếu nại) as recorded for the year or later."""
    return "; ".join(f"Năm {r.year}: {r.pending_review.strip()}" for r in rows if r.pending_review.strip())


def _members(nomination: Nomination) -> tuple[MemberFact, ...]:
    """The collective's active people with their rating, titles and discipline of the nomination's year."""
    people = Person.objects.filter(is_active=True)
    if nomination.unit_id:
        people = people.filter(unit_id=nomination.unit_id)
    else:
        people = people.filter(agency_id=nomination.nominee_agency_id or 0)
    people_list = list(people.order_by("full_name"))
    ids = [p.pk for p in people_list]
    ratings = {r.person_id: r for r in AnnualRating.objects.filter(person_id__in=ids, year=nomination.year)}
    titles: dict[int, set[AwardForm]] = {}
    for person_id, form in Award.objects.filter(person_id__in=ids, year=nomination.year).values_list(
        "person_id", "form"
    ):
        titles.setdefault(person_id, set()).add(AwardForm(form))
    members = []
    for person in people_list:
        rating = ratings.get(person.pk)
        members.append(
            MemberFact(
                name=person.full_name,
                grade=rating.grade if rating else None,
                titles=frozenset(titles.get(person.pk, set())),
                discipline=(rating.discipline or None) if rating else None,
                ref=f"annual_rating:{rating.pk}" if rating else "",
            )
        )
    return tuple(members)


def _declarations(nomination: Nomination) -> tuple[Declaration, ...]:
    """``Nomination.declarations`` holds ``{key: {"met": bool, "note": str}}`` (or ``{key: bool}``)."""
    minutes = nomination.documents.filter(kind=DocumentKind.REVIEW_MINUTES).order_by("pk").first()
    ref = f"document:{minutes.pk}" if minutes else ""
    found = []
    for key, value in (nomination.declarations or {}).items():
        if isinstance(value, dict):
            met, note = bool(value.get("met")), str(value.get("note", ""))
        else:
            met, note = bool(value), ""
        found.append(Declaration(key=key, met=met, note=note, ref=ref))
    return tuple(found)


def nominee_facts(nomination: Nomination) -> NomineeFacts:
    """Everything the rules need about the nomination's nominee for its year, read from the database."""
    year, first = nomination.year, nomination.year - LOOK_BACK_YEARS
    if nomination.movement_id:
        first = min(first, nomination.movement.start_year)  # type: ignore[union-attr]
    if nomination.subject == SubjectChoice.PERSON:
        ratings_qs = AnnualRating.objects.filter(person_id=nomination.person_id or 0)
        awards_qs = Award.objects.filter(person_id=nomination.person_id or 0)
        initiatives_qs = Initiative.objects.filter(authors=nomination.person_id)
        members: tuple[MemberFact, ...] = ()
    elif nomination.unit_id:
        ratings_qs = AnnualRating.objects.filter(unit_id=nomination.unit_id)
        awards_qs = Award.objects.filter(unit_id=nomination.unit_id)
        initiatives_qs = Initiative.objects.filter(unit_id=nomination.unit_id)
        members = _members(nomination)
    else:
        ratings_qs = AnnualRating.objects.filter(
            agency_id=nomination.nominee_agency_id or 0, person__isnull=True, unit__isnull=True
        )
        awards_qs = Award.objects.filter(nominee_agency_id=nomination.nominee_agency_id)
        initiatives_qs = Initiative.objects.filter(agency_id=nomination.nominee_agency_id or 0)
        members = _members(nomination)
    ratings, disciplines = _ratings(list(ratings_qs.filter(year__gte=first, year__lte=year).order_by("year")))
    pending = _pending(list(ratings_qs.filter(year__gte=year).order_by("year")))
    if nomination.pk:
        awards_qs = awards_qs.exclude(nomination_id=nomination.pk)
    awards = [_past_award(a) for a in awards_qs.select_related("decision").order_by("year", "pk")]
    initiatives = [_initiative(i) for i in initiatives_qs.distinct().order_by("year", "pk")]
    return NomineeFacts(
        subject=Subject(nomination.subject),
        name=nomination.nominee_name,
        year=year,
        ratings=ratings,
        disciplines=disciplines,
        past_awards=tuple(awards),
        initiatives=tuple(initiatives),
        members=members,
        declarations=_declarations(nomination) if nomination.pk else (),
        pending_review=pending,
        achievement=nomination.achievement_key,
    )


def movement_rules(movement: Movement | None) -> MovementRules | None:
    """The movement's own rules, when it has any (seed 004: ≥ 2 initiatives, ≥ 3 outstanding years)."""
    if movement is None:
        return None
    if movement.min_initiatives is None and movement.min_outstanding_years is None:
        return None
    return MovementRules(
        period_start_year=movement.start_year,
        period_end_year=movement.end_year,
        min_initiatives=movement.min_initiatives,
        min_outstanding_years=movement.min_outstanding_years,
        applies_to=Subject(movement.own_rules_subject) if movement.own_rules_subject else None,
        source=movement.own_rules_source,
        name=movement.name,
    )


def province_of(agency: Agency) -> Agency:
    """The root of the agency tree above ``agency`` (its province)."""
    seen = {agency.pk}
    while agency.parent_id is not None and agency.parent_id not in seen:
        agency = Agency.objects.get(pk=agency.parent_id)
        seen.add(agency.pk)
    return agency


def province_rules(agency: Agency) -> ProvinceRules | None:
    """The province's layer over the law, from ``ProvinceRewardRules`` of the agency's province."""
    row = ProvinceRewardRules.objects.filter(province=province_of(agency)).first()
    if row is None:
        return None
    params = {
        key: param_from_data(value) for key, value in (row.params or {}).items() if isinstance(value, dict)
    }
    return ProvinceRules(name=row.regulation or str(row), source=row.regulation, params=params)


def _ref_target(kind: str, pk: int) -> tuple[str, list[int], str]:
    """The route, its arguments and its query string of the page showing the record a ref names."""
    if kind == "initiative":
        return "rewards:initiative", [pk], ""
    if kind == "document":
        return "rewards:nomination_document", [pk], ""
    if kind == "annual_rating":
        row = AnnualRating.objects.filter(pk=pk).values("agency_id", "year").first()
        return (
            ("rewards:ratings", [], f"?agency={row['agency_id']}&nam={row['year']}") if row else ("", [], "")
        )
    if kind == "award":
        award = Award.objects.filter(pk=pk).values("person_id", "unit_id", "nominee_agency_id").first()
        if award is None:
            return "", [], ""
        if award["person_id"]:
            return "rewards:history_person", [award["person_id"]], ""
        if award["unit_id"]:
            return "rewards:history_unit", [award["unit_id"]], ""
        return "rewards:history_agency", [award["nominee_agency_id"]], ""
    return "", [], ""


def ref_url(ref: str) -> str:
    """The page of the record a ref names — an initiative, a dossier document, the year's ratings of the agency,
    the awarded person's or collective's history — or "" when there is none."""
    kind, _, raw = (ref or "").partition(":")
    if not raw.isdigit():
        return ""
    route, args, query = _ref_target(kind, int(raw))
    if not route:
        return ""
    try:
        return reverse(route, args=args) + query
    except NoReverseMatch:  # that page is not (yet) there: the text is shown without a link
        return ""


def ref_label(ref: str) -> str:
    """What kind of record a ref names, for a link's title."""
    return {
        "award": "Sổ khen thưởng",
        "initiative": "Sáng kiến",
        "annual_rating": "Xếp loại năm",
        "document": "Hồ sơ đề nghị",
    }.get((ref or "").partition(":")[0], "")


def evidence_links(conditions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The frozen verdict's conditions with each evidence's link added, for the pages."""
    out = []
    for condition in conditions:
        evidence = [{**e, "url": ref_url(e.get("ref", ""))} for e in condition.get("evidence", [])]
        out.append({**condition, "evidence": evidence})
    return out
