"""Criteria computed from the data this system already holds: the figure of the agency and year from the indicator
catalogue (dossiers, feedback, surveys, task progress, the annual plan, the periodic reports), scored by the
criterion's rule as `domain.scoring.figures` reads it (a timeliness rule reads on time / late / missing, a yes/no
rule reads a rate as yes only at 100%). Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from apps.indicators.scorecard import Value, agency_values
from apps.indicators.selectors import indicators_in_force
from apps.organizations.models import Agency
from domain.indicators.dossier_rates import rounded
from domain.periods import parse_period
from domain.scoring.figures import figure_input
from domain.scoring.rule_dicts import rule_from_dict
from domain.scoring.values import InvalidInput, Result, RuleError

from .models import CriteriaSet, Criterion
from .selectors import criteria_of


@dataclass(frozen=True)
class ComputedScore:
    """One computed criterion of an agency's year: the figure it rests on and the points, or why there are none.

    ``entry``: the figure as the rule reads it, written as a person types it on the self-assessment form (a rate,
    "on_time" / "late" / "missing", "có" / "không"); empty when there are no points."""

    criterion: Criterion
    figure: Value | None
    result: Result | None
    problem: str = ""
    entry: str = ""


def computed_scores(
    *, criteria_set: CriteriaSet, agency: Agency, year: int, today: date | None = None
) -> list[ComputedScore]:
    """Every criterion of the set that names a source, scored on the agency's figure for the year."""
    sourced = [criterion for criterion in criteria_of(criteria_set=criteria_set) if criterion.source]
    if not sourced:
        return []
    period = parse_period(str(year))
    values = agency_values(agency=agency, period=period, today=today)
    rates = {
        indicator.code
        for indicator in indicators_in_force(on=period.end).filter(
            code__in={criterion.source for criterion in sourced}, unit="%"
        )
    }
    out = []
    for criterion in sourced:
        figure = values.values.get(criterion.source)
        if figure is None:
            out.append(
                ComputedScore(criterion, None, None, f"Không có chỉ số “{criterion.source}” trong danh mục.")
            )
            continue
        # a duty's figure says "missing" without a number (no plan issued): still scored
        if figure.value is None and not figure.timeliness:
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
            read = figure_input(
                rule,
                value=rounded(figure.value),
                is_rate=criterion.source in rates,
                timeliness=figure.timeliness,
                detail=figure.provenance,
            )
            result = rule.score(read.value, criterion.max_points)
        except (RuleError, InvalidInput) as error:
            out.append(ComputedScore(criterion, figure, None, str(error)))
            continue
        if read.note:
            result = replace(result, explanation=f"{read.note} → {result.explanation}")
        out.append(ComputedScore(criterion, figure, result, entry=read.entry))
    return out
