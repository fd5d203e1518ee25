"""Criteria computed from the data this system already holds: the figure of the agency and year from the indicator
catalogue (dossiers, feedback, surveys, task progress), scored by the criterion's rule. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from apps.indicators.scorecard import Value, agency_values
from apps.organizations.models import Agency
from domain.indicators.dossier_rates import rounded
from domain.periods import parse_period
from domain.scoring.rule_dicts import rule_from_dict
from domain.scoring.rules import CountTarget
from domain.scoring.values import InvalidInput, Result, RuleError

from .models import CriteriaSet, Criterion
from .selectors import criteria_of


@dataclass(frozen=True)
class ComputedScore:
    """One computed criterion of an agency's year: the figure it rests on and the points, or why there are none."""

    criterion: Criterion
    figure: Value | None
    result: Result | None
    problem: str = ""


def computed_scores(
    *, criteria_set: CriteriaSet, agency: Agency, year: int, today: date | None = None
) -> list[ComputedScore]:
    """Every criterion of the set that names a source, scored on the agency's figure for the year."""
    sourced = [criterion for criterion in criteria_of(criteria_set=criteria_set) if criterion.source]
    if not sourced:
        return []
    values = agency_values(agency=agency, period=parse_period(str(year)), today=today)
    out = []
    for criterion in sourced:
        figure = values.values.get(criterion.source)
        if figure is None:
            out.append(
                ComputedScore(criterion, None, None, f"Không có chỉ số “{criterion.source}” trong danh mục.")
            )
            continue
        if figure.value is None:
            out.append(ComputedScore(criterion, figure, None, f"Chưa có số liệu ({figure.provenance})."))
            continue
        if not criterion.rule or criterion.max_points is None:
            out.append(
                ComputedScore(criterion, figure, None, "Tiêu chí chưa có quy tắc chấm hoặc điểm tối đa.")
            )
            continue
        try:
            rule = rule_from_dict(criterion.rule)
            # scored on the figure as the indicator pages show it (two decimals), so both read the same
            value: object = (
                int(figure.value) if isinstance(rule, CountTarget) else rounded(Decimal(figure.value))
            )
            result = rule.score(value, criterion.max_points)
        except (RuleError, InvalidInput) as error:
            out.append(ComputedScore(criterion, figure, None, str(error)))
            continue
        out.append(ComputedScore(criterion, figure, result))
    return out
