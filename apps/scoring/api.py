"""JSON endpoints for criteria sets: the sets a user may read and one set with its criteria, the same selectors
and rules as the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from apps.core.ids import Id

from . import selectors
from .models import CriteriaSet

router = Router(tags=["Chỉ số CCHC (PAR INDEX)"])

Year = Annotated[int, Field(ge=2000, le=2100)]


class CriteriaSetOut(Schema):
    id: int
    name: str
    decision_number: str
    decision_date: date | None
    agency_id: int | None
    year: int
    level: str
    status: str
    total_points: Decimal | None
    is_sample: bool
    based_on_id: int | None
    locked: bool
    version: int


class CriterionOut(Schema):
    id: int
    code: str
    parent: str | None
    title: str
    max_points: Decimal | None
    full_max_points: Decimal
    method: str
    evidence: str
    guide: str
    rule: dict[str, Any] | None
    rule_text: str
    unverified: bool
    version: int


class CriteriaSetDetailOut(CriteriaSetOut):
    criteria: list[CriterionOut]
    total: Decimal
    problems: list[str]


@router.get("/scoring/sets", response=list[CriteriaSetOut], summary="Bộ tiêu chí (của tỉnh và bộ mẫu)")
def set_list(request: HttpRequest, year: Year | None = None, level: Literal["so", "xa"] | None = None) -> Any:
    sets = selectors.criteria_set_list_for_user(user=request.user).order_by("-year", "level", "name")
    if year is not None:
        sets = sets.filter(year=year)
    if level:
        sets = sets.filter(level=level)
    return sets[:500]


def _detail(criteria_set: CriteriaSet) -> dict[str, Any]:
    tree = selectors.set_tree(criteria_set=criteria_set)
    codes = {row.criterion.pk: row.criterion.code for row in tree.rows}
    criteria = [
        {
            "id": row.criterion.pk,
            "code": row.criterion.code,
            "parent": codes.get(row.criterion.parent_id) if row.criterion.parent_id else None,
            "title": row.criterion.title,
            "max_points": row.criterion.max_points,
            "full_max_points": row.node.full_max(),
            "method": row.criterion.method,
            "evidence": row.criterion.evidence,
            "guide": row.criterion.guide,
            "rule": row.criterion.rule,
            "rule_text": row.rule_text,
            "unverified": row.criterion.unverified,
            "version": row.criterion.version,
        }
        for row in tree.rows
    ]
    header = CriteriaSetOut.from_orm(criteria_set).dict()
    return {**header, "criteria": criteria, "total": tree.total, "problems": list(tree.problems)}


@router.get(
    "/scoring/sets/{set_id}", response=CriteriaSetDetailOut, summary="Một bộ tiêu chí và các tiêu chí"
)
def set_get(request: HttpRequest, set_id: Id) -> Any:
    return _detail(selectors.criteria_set_get_for_user(user=request.user, pk=set_id))
