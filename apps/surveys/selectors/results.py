"""The indices of a campaign (and of a part of it), distributions, progress, trend, and the period's rate.

Counting happens in the database (answers grouped by question and value); the arithmetic is
`domain.survey_index`, whose docstring documents the method.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear

from apps.organizations.models import Agency
from domain.survey_index import (
    NO_OPINION,
    Figure,
    Indices,
    Tally,
    combine,
    compute,
    margin_of_error,
    sample_size,
    tally,
    to_percent,
)

from ..choices import CampaignStatus
from ..models import Answer, Campaign, SurveyResponse
from .structure import ROOT_KEY, FormQuestion, FormSpec, form_spec

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: Decimal
    width: int


@dataclass(frozen=True)
class ResultRow:
    level: str
    key: str
    code: str
    title: str
    figure: Figure
    bars: tuple[Bar, ...] = ()


@dataclass
class CampaignResults:
    campaign: Campaign
    spec: FormSpec
    indices: Indices
    responses: int
    rows: list[ResultRow] = field(default_factory=list)

    @property
    def overall(self) -> Figure:
        return self.indices.overall

    @property
    def factor_rows(self) -> list[ResultRow]:
        """The rows a citizen reads first: the factors with a figure (the aspects when there are no factors)."""
        for level in ("factor", "aspect"):
            found = [row for row in self.rows if row.level == level and row.figure.percent is not None]
            if found:
                return found
        return []

    @property
    def best(self) -> ResultRow | None:
        rows = self.factor_rows
        return max(rows, key=lambda row: row.figure.percent or 0) if len(rows) > 1 else None

    @property
    def weakest(self) -> ResultRow | None:
        rows = self.factor_rows
        return min(rows, key=lambda row: row.figure.percent or 0) if len(rows) > 1 else None


def _responses(campaign: Campaign, unit_id: int | None = None, procedure: str | None = None) -> QuerySet[Any]:
    queryset = SurveyResponse.objects.filter(campaign=campaign)
    if unit_id is not None:
        queryset = queryset.filter(unit_id=unit_id)
    if procedure:
        queryset = queryset.filter(procedure=procedure)
    return queryset


def _answer_filter(campaign: Campaign, unit_id: int | None, procedure: str | None) -> Q:
    condition = Q(response__campaign=campaign)
    if unit_id is not None:
        condition &= Q(response__unit_id=unit_id)
    if procedure:
        condition &= Q(response__procedure=procedure)
    return condition


def _tallies(spec: FormSpec, counts: dict[int, dict[str, int]], responses: int) -> dict[str, Tally]:
    out = {}
    for question in spec.counted:
        valid_values = [value for value, _ in question.options if value != NO_OPINION]
        out[question.key] = tally(
            counts.get(question.id, {}),
            responses=responses,
            satisfied_values=question.satisfied_values,
            valid_values=valid_values,
        )
    return out


def _respondents(condition: Q) -> dict[str, int]:
    valid = Answer.objects.filter(condition, question__counts_toward_index=True).exclude(
        value__in=["", NO_OPINION]
    )
    out: dict[str, int] = {}
    for factor_id, n in valid.values_list("question__factor_id").annotate(
        n=Count("response_id", distinct=True)
    ):
        out[f"f{factor_id}"] = n
    for aspect_id, n in valid.values_list("question__factor__aspect_id").annotate(
        n=Count("response_id", distinct=True)
    ):
        out[f"a{aspect_id}"] = n
    out[ROOT_KEY] = valid.aggregate(n=Count("response_id", distinct=True))["n"] or 0
    return out


def _bars(question: FormQuestion, counts: dict[str, int], responses: int) -> tuple[Bar, ...]:
    answered = sum(counts.values())
    rows = [(label, counts.get(value, 0)) for value, label in question.options]
    rows.append(("Không trả lời", max(responses - answered, 0)))
    total = max(responses, 1)
    return tuple(Bar(label, n, to_percent(Fraction(n, total)), round(100 * n / total)) for label, n in rows)


def campaign_results(
    *, campaign: Campaign, unit_id: int | None = None, procedure: str | None = None
) -> CampaignResults:
    """Every index of the campaign (or of one unit's or one procedure's responses) with its margin."""
    spec = form_spec(campaign.questionnaire)
    responses = _responses(campaign, unit_id, procedure).count()
    condition = _answer_filter(campaign, unit_id, procedure)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for question_id, value, n in (
        Answer.objects.filter(condition)
        .exclude(value="")
        .values_list("question_id", "value")
        .annotate(n=Count("id"))
    ):
        counts[question_id][value] = n
    indices = compute(
        spec.tree,
        _tallies(spec, counts, responses),
        responses=responses,
        respondents=_respondents(condition) if responses else {},
        population=campaign.population,
        aggregation=spec.aggregation,
    )
    result = CampaignResults(campaign, spec, indices, responses)
    by_key = {question.key: question for question in spec.questions}
    for key in indices.order:
        figure = indices[key]
        if key in by_key:
            question = by_key[key]
            result.rows.append(
                ResultRow(
                    "question",
                    key,
                    question.code,
                    question.text,
                    figure,
                    _bars(question, counts[question.id], responses),
                )
            )
        else:
            part = spec.parts[key]
            result.rows.append(ResultRow(part.level, key, part.code, part.title, figure))
    return result


def question_distributions(*, campaign: Campaign) -> list[tuple[FormQuestion, tuple[Bar, ...]]]:
    """Answer distributions of the questions outside the index (overall rating, respondent questions)."""
    spec = form_spec(campaign.questionnaire)
    responses = _responses(campaign).count()
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for question_id, value, n in (
        Answer.objects.filter(response__campaign=campaign, question__counts_toward_index=False)
        .exclude(value="")
        .values_list("question_id", "value")
        .annotate(n=Count("id"))
    ):
        counts[question_id][value] = n
    return [
        (question, _bars(question, counts[question.id], responses))
        for question in spec.questions
        if not question.counts and question.options
    ]


@dataclass(frozen=True)
class BreakdownRow:
    key: Any
    label: str
    responses: int
    figure: Figure


def campaign_breakdown(*, campaign: Campaign, by: str) -> list[BreakdownRow]:
    """The overall index per unit (by="unit") or per procedure (by="procedure")."""
    spec = form_spec(campaign.questionnaire)
    column = "response__unit_id" if by == "unit" else "response__procedure"
    response_column = "unit_id" if by == "unit" else "procedure"
    groups = dict(
        SurveyResponse.objects.filter(campaign=campaign).values_list(response_column).annotate(n=Count("id"))
    )
    counts: dict[Any, dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for group, question_id, value, n in (
        Answer.objects.filter(response__campaign=campaign, question__counts_toward_index=True)
        .exclude(value="")
        .values_list(column, "question_id", "value")
        .annotate(n=Count("id"))
    ):
        counts[group][question_id][value] = n
    respondents = dict(
        Answer.objects.filter(response__campaign=campaign, question__counts_toward_index=True)
        .exclude(value__in=["", NO_OPINION])
        .values_list(column)
        .annotate(n=Count("response_id", distinct=True))
    )
    labels: dict[Any, str] = {}
    if by == "unit":
        from apps.organizations.models import Unit

        labels = dict(Unit.objects.filter(pk__in=[key for key in groups if key]).values_list("pk", "name"))
    rows = []
    for group, n in sorted(groups.items(), key=lambda item: -item[1]):
        indices = compute(
            spec.tree,
            _tallies(spec, counts[group], n),
            responses=n,
            respondents={ROOT_KEY: respondents.get(group, 0)},
            aggregation=spec.aggregation,
        )
        label = labels.get(group, "") if by == "unit" else (group or "")
        rows.append(BreakdownRow(group, label or "(không xác định)", n, indices.overall))
    return rows


@dataclass(frozen=True)
class UnitProgress:
    unit_id: int | None
    label: str
    responses: int
    target: int | None

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return min(100, round(100 * self.responses / self.target))


@dataclass(frozen=True)
class Progress:
    responses: int
    target: int | None
    units: list[UnitProgress]

    @property
    def percent(self) -> int | None:
        if not self.target:
            return None
        return min(100, round(100 * self.responses / self.target))


def campaign_target(campaign: Campaign) -> int | None:
    """n = N / (1 + N·e²) from the dossiers handled in the period, when N is known."""
    if not campaign.population:
        return None
    return sample_size(campaign.population, Fraction(str(campaign.margin)))


def campaign_progress(*, campaign: Campaign) -> Progress:
    """Responses against the target sample, overall and per unit (target split in proportion to N per unit)."""
    from apps.organizations.models import Unit

    target = campaign_target(campaign)
    counts = dict(
        SurveyResponse.objects.filter(campaign=campaign).values_list("unit_id").annotate(n=Count("id"))
    )
    populations = {int(key): int(value) for key, value in (campaign.unit_populations or {}).items() if value}
    unit_ids = set(populations) | {key for key in counts if key}
    names = dict(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "name"))
    units = []
    for unit_id in sorted(unit_ids, key=lambda key: names.get(key, "")):
        unit_target = None
        if target and campaign.population and unit_id in populations:
            unit_target = math.ceil(target * populations[unit_id] / campaign.population)
        units.append(UnitProgress(unit_id, names.get(unit_id, ""), counts.get(unit_id, 0), unit_target))
    if counts.get(None):
        units.append(UnitProgress(None, "(không gắn đơn vị)", counts[None], None))
    return Progress(sum(counts.values()), target, units)


@dataclass(frozen=True)
class TrendPoint:
    year: int
    quarter: int
    index: Fraction | None
    respondents: int

    @property
    def label(self) -> str:
        return f"Quý {ROMAN[self.quarter - 1]}/{self.year}"

    @property
    def percent(self) -> Decimal | None:
        return None if self.index is None else to_percent(self.index)

    @property
    def margin_percent(self) -> Decimal | None:
        margin = margin_of_error(self.index, self.respondents)
        return None if margin is None else to_percent(margin)

    @property
    def width(self) -> int:
        return 0 if self.index is None else round(float(self.index) * 100)


def _quarterly(
    campaign: Campaign, since: date | None = None, until: date | None = None, *, by_quarter: bool = True
) -> dict[tuple[int, int], tuple[Fraction | None, int]]:
    """The campaign's overall index per quarter of submission (or over the whole window: key (0, 0))."""
    spec = form_spec(campaign.questionnaire)
    responses = SurveyResponse.objects.filter(campaign=campaign)
    answers = Answer.objects.filter(response__campaign=campaign, question__counts_toward_index=True)
    if since is not None:
        responses = responses.filter(submitted_on__gte=since)
        answers = answers.filter(response__submitted_on__gte=since)
    if until is not None:
        responses = responses.filter(submitted_on__lte=until)
        answers = answers.filter(response__submitted_on__lte=until)
    if by_quarter:
        responses = responses.annotate(y=ExtractYear("submitted_on"), q=ExtractQuarter("submitted_on"))
        answers = answers.annotate(
            y=ExtractYear("response__submitted_on"), q=ExtractQuarter("response__submitted_on")
        )
        period: tuple[str, ...] = ("y", "q")
    else:
        period = ()

    def key(row: tuple[Any, ...]) -> tuple[int, int]:
        return (int(row[0]), int(row[1])) if by_quarter else (0, 0)

    width = len(period)
    sizes: dict[tuple[int, int], int] = defaultdict(int)
    if by_quarter:
        for row in responses.values_list(*period).annotate(n=Count("id")):
            sizes[key(row)] += row[-1]
    else:
        sizes[(0, 0)] = responses.count()
    counts: dict[tuple[int, int], dict[int, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for row in answers.exclude(value="").values_list(*period, "question_id", "value").annotate(n=Count("id")):
        counts[key(row)][row[width]][row[width + 1]] = row[-1]
    respondents: dict[tuple[int, int], int] = defaultdict(int)
    valid = answers.exclude(value__in=["", NO_OPINION])
    if by_quarter:
        for row in valid.values_list(*period).annotate(n=Count("response_id", distinct=True)):
            respondents[key(row)] += row[-1]
    else:
        respondents[(0, 0)] = valid.aggregate(n=Count("response_id", distinct=True))["n"] or 0
    out = {}
    for bucket, n in sizes.items():
        if not n:
            continue
        indices = compute(
            spec.tree,
            _tallies(spec, counts[bucket], n),
            responses=n,
            respondents={ROOT_KEY: respondents[bucket]},
            aggregation=spec.aggregation,
        )
        out[bucket] = (indices.overall.index, respondents[bucket])
    return out


def _combine_quarters(campaigns: Iterable[Campaign], **window: Any) -> list[TrendPoint]:
    by_quarter: dict[tuple[int, int], list[tuple[Fraction | None, int]]] = defaultdict(list)
    for campaign in campaigns:
        for key, value in _quarterly(campaign, **window).items():
            by_quarter[key].append(value)
    points = []
    for (year, quarter), values in sorted(by_quarter.items()):
        index, n = combine(values)
        points.append(TrendPoint(year, quarter, index, n))
    return points


def agency_trend(*, agency: Agency, published_only: bool = False) -> list[TrendPoint]:
    """The overall index by quarter of submission across the agency's campaigns (weighted by respondents)."""
    campaigns = (
        Campaign.objects.filter(agency=agency)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("questionnaire")
    )
    if published_only:
        campaigns = campaigns.filter(is_published=True)
    return _combine_quarters(campaigns)


@dataclass(frozen=True)
class SatisfactionMeasure:
    """The satisfaction rate of an agency over a period, for the `satisfaction_rate` indicator."""

    rate: Decimal | None
    sample_size: int
    margin: Decimal | None
    campaign_ids: tuple[int, ...]


def satisfaction_measure_for(agency: Agency, period_start: date, period_end: date) -> SatisfactionMeasure:
    """The overall SIPAS index (percent) of the agency's responses submitted in the period, with n and margin.

    Campaigns that are not drafts and overlap the period count; each campaign's overall index over its
    responses in the period is weighted by its respondents. No permission check: callers (the indicators app)
    read on behalf of the agency.
    """
    campaigns = list(
        Campaign.objects.filter(agency=agency, period_start__lte=period_end, period_end__gte=period_start)
        .exclude(status=CampaignStatus.DRAFT)
        .select_related("questionnaire")
    )
    parts: list[tuple[Fraction | None, int]] = []
    for campaign in campaigns:
        parts.extend(_quarterly_total(campaign, period_start, period_end))
    index, n = combine(parts)
    if index is None:
        return SatisfactionMeasure(None, 0, None, tuple(campaign.pk for campaign in campaigns))
    margin = margin_of_error(index, n)
    return SatisfactionMeasure(
        to_percent(index), n, None if margin is None else to_percent(margin), tuple(c.pk for c in campaigns)
    )


def _quarterly_total(campaign: Campaign, since: date, until: date) -> list[tuple[Fraction | None, int]]:
    return list(_quarterly(campaign, since=since, until=until, by_quarter=False).values())


def satisfaction_rate_for(agency: Agency, period_start: date, period_end: date) -> Decimal | None:
    """The satisfaction rate in percent (e.g. Decimal("95.20")), or None when no response fell in the period."""
    return satisfaction_measure_for(agency, period_start, period_end).rate


def dossiers_handled(agency: Agency, start: date, end: date) -> int | None:
    """The number of dossiers the agency handled in the period (N of the target sample), when known.

    Hook for the dossiers app: returns None until `apps.dossiers` is installed and offers
    `dossiers_handled_count(agency=, start=, end=)`; the focal point enters N on the campaign meanwhile.
    """
    from django.apps import apps

    if not apps.is_installed("apps.dossiers"):
        return None
    try:
        from importlib import import_module

        count = getattr(import_module("apps.dossiers.selectors"), "dossiers_handled_count", None)
    except ImportError:
        return None
    return None if count is None else count(agency=agency, start=start, end=end)
