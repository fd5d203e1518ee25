"""JSON endpoints for indicators: the catalogue, an agency's values (as `cchc indicators show --json`), its
scorecard groups, and the province ranking — over the same selectors and scorecard as the pages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from apps.organizations.selectors import agency_get_by_code_for_user, agency_list_for_user
from domain.indicators.dossier_rates import rounded
from domain.periods import Period, PeriodError, parse_period

from . import selectors
from .scorecard import agency_scorecard, agency_values, province_ranking

router = Router(tags=["Chỉ số, chỉ tiêu"])


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    direction: str
    method: str
    source: str
    source_note: str
    definition: str
    group: str | None
    valid_from: date
    valid_to: date | None

    @staticmethod
    def resolve_group(obj: Any) -> str | None:
        return obj.group.code if obj.group else None


class GroupOut(Schema):
    code: str
    name: str
    points: Decimal
    estimated: Decimal | None
    published: Decimal | None
    values: dict[str, float | None]


class ScorecardOut(Schema):
    agency: str
    period: str
    groups: list[GroupOut]
    estimated_total: Decimal | None
    published_total: Decimal | None


class RankOut(Schema):
    rank: int
    agency: str
    name: str
    estimated_total: Decimal | None
    published_total: Decimal | None
    values: dict[str, float | None]


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from error


def _round(value: Decimal | None) -> Decimal | None:
    return rounded(value)


def _number(value: Decimal | None) -> float | None:
    shown = rounded(value)
    return None if shown is None else float(shown)


@router.get("/indicators", response=list[IndicatorOut], summary="Danh mục chỉ số đang hiệu lực")
def indicator_list(request: HttpRequest) -> object:
    return selectors.indicators_in_force(on=timezone.localdate())


@router.get("/indicators/values", summary="Giá trị các chỉ số của một cơ quan, một kỳ")
def indicator_values(request: HttpRequest, agency: str, period: str) -> dict[str, Any]:
    found = agency_get_by_code_for_user(user=request.user, code=agency)
    return agency_values(agency=found, period=_period(period)).as_json()


@router.get("/indicators/scorecard", response=ScorecardOut, summary="Bảng chỉ số 766 của một cơ quan, một kỳ")
def scorecard(request: HttpRequest, agency: str, period: str) -> dict[str, Any]:
    found = agency_get_by_code_for_user(user=request.user, code=agency)
    card = agency_scorecard(agency=found, period=_period(period))
    return {
        "agency": found.code,
        "period": card.period.code,
        "groups": [
            {
                "code": group.code,
                "name": group.name,
                "points": group.points,
                "estimated": _round(group.estimated),
                "published": _round(group.published),
                "values": {figure.indicator.code: _number(figure.value.value) for figure in group.figures},
            }
            for group in card.groups
        ],
        "estimated_total": _round(card.estimated_total),
        "published_total": _round(card.published_total),
    }


@router.get("/indicators/ranking", response=list[RankOut], summary="Xếp hạng các cơ quan bạn được xem")
def ranking(request: HttpRequest, period: str) -> list[dict[str, Any]]:
    rows = province_ranking(agencies=agency_list_for_user(user=request.user), period=_period(period))
    return [
        {
            "rank": row.rank,
            "agency": row.agency.code,
            "name": row.agency.name,
            "estimated_total": _round(row.estimated_total),
            "published_total": _round(row.published_total),
            "values": row.values.as_json()["values"],
        }
        for row in rows
    ]
