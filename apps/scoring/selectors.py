"""Reads of criteria sets: a province's sets for the people of that province, sample sets for everyone signed in.

Also the set as the engine's tree (`set_tree`) and its problems, read from the rows in one query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.indicators.models import Indicator
from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency
from domain.scoring.rule_dicts import rule_from_dict
from domain.scoring.rule_text import describe_rule
from domain.scoring.rules import Rule
from domain.scoring.tree import METHOD_LABELS, Method, validate_criteria
from domain.scoring.tree import Criterion as Node
from domain.scoring.values import RuleError
from domain.vn_numbers import vn_number

from .choices import SetLevel, SetStatus
from .models import CriteriaSet, Criterion

ZERO = Decimal(0)


def criteria_set_list_for_user(*, user: Any) -> QuerySet[CriteriaSet]:
    """Sample sets for everyone signed in, and the sets of the provinces the user works in."""
    queryset = (
        CriteriaSet.objects.filter(contest=False)
        .select_related("agency", "based_on")
        .annotate(criterion_count=Count("criteria", distinct=True))
    )
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    scope = scope_for(user)
    if scope.is_superuser:
        return queryset
    return queryset.filter(Q(agency__isnull=True) | Q(agency_id__in=scope.province_ids))


def criteria_set_get_for_user(*, user: Any, pk: int) -> CriteriaSet:
    found = criteria_set_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy bộ tiêu chí.")
    return found


def criterion_get_for_user(*, user: Any, pk: int) -> Criterion:
    readable = criteria_set_list_for_user(user=user).values("pk")
    found = (
        Criterion.objects.select_related("criteria_set", "criteria_set__agency", "parent")
        .filter(pk=pk, criteria_set__in=readable)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy tiêu chí.")
    return found


def criteria_of(*, criteria_set: CriteriaSet) -> QuerySet[Criterion]:
    """The criteria of a set the caller already read through `criteria_set_get_for_user`."""
    return Criterion.objects.filter(criteria_set=criteria_set).order_by("order", "pk")


def provinces_writable_by(*, user: Any) -> list[Agency]:
    """The provinces whose criteria sets the user may write (target of a copy from a sample set)."""
    scope = scope_for(user)
    provinces = Agency.objects.filter(parent__isnull=True).order_by("name")
    if not scope.is_superuser:
        provinces = provinces.filter(pk__in=scope.province_ids)
    return [province for province in provinces if user.has_perm("scoring.change_criteria_set", province)]


# --- the set as the engine's tree ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the set's indented table."""

    criterion: Criterion
    node: Node
    depth: int
    rule_text: str

    @property
    def max_text(self) -> str:
        return vn_number(self.node.full_max())

    @property
    def method_label(self) -> str:
        return METHOD_LABELS[self.node.method]


@dataclass(frozen=True)
class SetTree:
    roots: tuple[Node, ...]
    rows: tuple[Row, ...]
    problems: tuple[str, ...]

    @property
    def total(self) -> Decimal:
        return sum((root.full_max() for root in self.roots if not root.extra), ZERO)


def _rule(row: Criterion, problems: list[str]) -> Rule | None:
    if row.rule is None:
        return None
    try:
        return rule_from_dict(row.rule)
    except RuleError as error:
        problems.append(f"Tiêu chí {row.code}: {error}")
        return None


def set_tree(*, criteria_set: CriteriaSet) -> SetTree:
    """The set's criteria as the engine's tree, its rows in order with their depth, and every problem the
    engine finds (codes repeated, children not adding up, unusable rules, areas not adding up to the total)."""
    rows = list(criteria_of(criteria_set=criteria_set))
    children: dict[int | None, list[Criterion]] = defaultdict(list)
    for row in rows:
        children[row.parent_id].append(row)
    problems: list[str] = []
    flat: list[tuple[Criterion, int]] = []
    nodes: dict[int, Node] = {}

    def build(row: Criterion, depth: int) -> Node:
        flat.append((row, depth))
        node = Node(
            code=row.code,
            title=row.title,
            max_points=row.max_points,
            method=Method(row.method),
            evidence=row.evidence,
            guide=row.guide,
            rule=_rule(row, problems),
            children=tuple(build(child, depth + 1) for child in children.get(row.pk, [])),
            unverified=row.unverified,
        )
        nodes[row.pk] = node
        return node

    roots = tuple(build(row, 0) for row in children.get(None, []))
    table = tuple(
        Row(row, nodes[row.pk], depth, describe_rule(nodes[row.pk].rule, nodes[row.pk].full_max()))
        for row, depth in flat
    )
    found = problems + validate_criteria(roots, criteria_set.total_points)
    if not criteria_set.is_sample and not criteria_set.decision_number.strip():
        found.append("Cần ghi số, ký hiệu quyết định ban hành bộ tiêu chí.")
    return SetTree(roots, table, tuple(found))


def province_of(agency: Agency) -> Agency:
    """The root of the agency's tree: the province (or city) whose decision sets its criteria."""
    seen: set[int] = set()
    while agency.parent_id is not None and agency.pk not in seen:
        seen.add(agency.pk)
        agency = Agency.objects.get(pk=agency.parent_id)
    return agency


def criteria_set_for(*, agency: Agency, year: int, pk: int | None = None) -> CriteriaSet | None:
    """The set an agency is scored on in a year: the one asked for, else its province's set of its level (in force
    before a draft), else the sample set of that level and year. For trusted callers (the command line)."""
    if pk is not None:
        return CriteriaSet.objects.filter(pk=pk).first()
    level = SetLevel.COMMUNE if agency.level == AgencyLevel.COMMUNE else SetLevel.DEPARTMENT
    same = CriteriaSet.objects.filter(year=year, level=level).exclude(status=SetStatus.RETIRED)
    own = same.filter(agency=province_of(agency)).order_by("-pk")
    found = own.filter(status=SetStatus.IN_FORCE).first() or own.first()
    return found or same.filter(is_sample=True).order_by("-pk").first()


def has_computed_criteria(*, criteria_set: CriteriaSet) -> bool:
    return Criterion.objects.filter(criteria_set=criteria_set).exclude(source="").exists()


def indicator_names(*, codes: set[str]) -> dict[str, str]:
    """The catalogue's names of the indicators criteria read their figures from."""
    return dict(Indicator.objects.filter(code__in=codes).values_list("code", "name"))
