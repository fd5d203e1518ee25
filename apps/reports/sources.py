"""Every figure a report prints comes from here, as plain dataclasses: the one place that reads other apps.

- tasks by status per reform area and per unit — ``apps.tasks`` (occurrences, their dates and lead units);
- targets against results — the plan's targets, each with the indicator the focal point linked in
  ``apps.indicators`` (else the one its wording proposes) and its value from ``apps.indicators.scorecard.
  agency_values`` for the report's period when that app is installed; otherwise the value this module measures
  itself (dossier rates, the satisfaction rate, the on-time rate of tasks), and "Chưa có số liệu" elsewhere;
- late dossiers — ``apps.dossiers`` monthly roll-up when installed (``domain.indicators.dossier_rates``);
- satisfaction surveys — ``apps.surveys.selectors`` (``satisfaction_measure_for``/``satisfaction_rate_for``,
  ``campaign_results``) when installed.
Imports of the optional apps are guarded, so a report works today and gains figures when they land. No
permission checks here: callers have already read the report or the agency through a selector.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from importlib import import_module
from types import ModuleType
from typing import Any

from django.apps import apps as django_apps
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone

from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan, Target
from apps.tasks.models import Occurrence, Task
from domain.documents.report_content import number_text, percent_text
from domain.indicators import dossier_rates
from domain.indicators.dossier_rates import DossierCounts
from domain.periods import Period, month_key
from domain.reform_areas import REFORM_AREAS
from domain.report_areas import report_area
from domain.report_tasks import OccurrenceFacts, StatusCounts, detailed_status, in_scope, report_status, tally
from domain.task_status import STATUS_LABELS as DETAILED_LABELS
from domain.vntext import fold

logger = logging.getLogger(__name__)

OTHER_AREA = "other"
OTHER_AREA_NAME = "Nhiệm vụ khác"
AREA_NAMES = {area.code: area.name for area in REFORM_AREAS}
AREA_ORDER = {area.code: area.order for area in REFORM_AREAS}
# The six areas of Nghị quyết 76/NQ-CP with "chỉ đạo, điều hành": every CCHC report has a part for each.
CORE_AREAS = (
    "direction",
    "institutions",
    "procedures",
    "organization",
    "civil_service",
    "public_finance",
    "digital_government",
)


def _optional(module: str, app: str) -> ModuleType | None:
    """An optional app's module, or None when the app is not installed or the module is not there yet."""
    if not django_apps.is_installed(app):
        return None
    try:
        return import_module(module)
    except ImportError:
        return None


def inspection_counts(*, agency: Agency, start: date, end: date) -> dict[str, int]:
    """Inspections the agency held in the window and their findings (apps.inspections), zeros without the app."""
    module = _optional("apps.inspections.selectors", "apps.inspections")
    if module is None:
        return {"held": 0, "digital": 0, "findings": 0, "closed": 0}
    counts: dict[str, int] = module.counts_for_period(agency_ids=[agency.pk], start=start, end=end)
    return counts


def emulation_lines(*, agency: Agency, start: date, end: date) -> list[str]:
    """The movements' paragraphs of the emulation report (apps.rewards): registrations, the contest ranking, the
    initiatives and the awards of the year, the end-of-period summary; none without the app."""
    module = _optional("apps.rewards.reporting", "apps.rewards")
    if module is None:
        return []
    lines: list[str] = module.emulation_lines(agency=agency, start=start, end=end)
    return lines


# --- tasks ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OccurrenceRow:
    """One task occurrence a report counts, with its status at the cut-off."""

    occurrence_id: int
    task_id: int
    plan_label: str
    ref: str
    title: str
    area_code: str
    area_name: str
    label: str
    lead_unit_ids: tuple[int, ...]
    lead: str
    timeline: str
    facts: OccurrenceFacts
    percent: int
    status: str
    detail: str
    order: int

    @property
    def due_on(self) -> date:
        return self.facts.due_on


def _area_of(code: str | None, name: str | None, title: str, plan_type: str) -> tuple[str, str]:
    """The task's area; a task the plan left without one is placed by its wording (``domain.report_areas``),
    else in "Nhiệm vụ khác"."""
    if code:
        return code, name or AREA_NAMES.get(code, code)
    guessed = report_area(title, plan_type)
    if guessed:
        return guessed, AREA_NAMES[guessed]
    return OTHER_AREA, OTHER_AREA_NAME


def _lead(units: list[tuple[int, str]], written: str) -> str:
    """Who leads, as the report prints it: the units' names, or the plan's own words when it named a group
    ("Các phòng chuyên môn") that resolved to many units."""
    if len(units) > 2 and written.strip():
        return written.strip()
    return ", ".join(name for _, name in units) or written


def _plan_label(values: Mapping[str, Any]) -> str:
    symbol = values["task__plan__symbol"]
    if symbol:
        return f"{values['task__plan__number'] or '…'}/{symbol}"
    return (values["task__plan__title"] or "")[:60]


def task_occurrences(
    *,
    agency: Agency,
    start: date,
    end: date,
    period_end: date,
    as_of: date,
    plan_types: tuple[str, ...] | None = None,
) -> list[OccurrenceRow]:
    """The occurrences a report over [start, end] counts (``domain.report_tasks.in_scope``), by area then plan."""
    queryset = Occurrence.objects.filter(task__agency=agency, not_applicable=False).exclude(
        task__plan__status="superseded"
    )
    if plan_types:
        queryset = queryset.filter(task__plan__plan_type__in=plan_types)
    # Closed before the window began: never counted, so not read.
    queryset = queryset.filter(Q(accepted_on__isnull=True) | Q(accepted_on__gte=start) | Q(due_on__gte=start))
    values = list(
        queryset.values(
            "id",
            "task_id",
            "label",
            "start_on",
            "due_on",
            "completed_on",
            "accepted_on",
            "submitted_at",
            "percent",
            "task__ref",
            "task__title",
            "task__area__code",
            "task__area__name",
            "task__lead_text",
            "task__timeline_raw",
            "task__order",
            "task__plan_id",
            "task__plan__number",
            "task__plan__symbol",
            "task__plan__title",
            "task__plan__plan_type",
        )
    )
    leads: dict[int, list[tuple[int, str]]] = defaultdict(list)
    task_ids = {row["task_id"] for row in values}
    for task_id, unit_id, name in Task.lead_units.through.objects.filter(task__agency=agency).values_list(
        "task_id", "unit_id", "unit__name"
    ):
        if task_id in task_ids:
            leads[task_id].append((unit_id, name))
    rows: list[OccurrenceRow] = []
    for value in values:
        submitted = value["submitted_at"]
        facts = OccurrenceFacts(
            due_on=value["due_on"],
            start_on=value["start_on"],
            completed_on=value["completed_on"],
            accepted_on=value["accepted_on"],
            submitted_on=timezone.localtime(submitted).date() if submitted else None,
        )
        if not in_scope(facts, start=start, end=end, period_end=period_end):
            continue
        code, name = _area_of(
            value["task__area__code"],
            value["task__area__name"],
            value["task__title"],
            value["task__plan__plan_type"],
        )
        units = sorted(leads.get(value["task_id"], []), key=lambda item: item[1])
        rows.append(
            OccurrenceRow(
                occurrence_id=value["id"],
                task_id=value["task_id"],
                plan_label=_plan_label(value),
                ref=value["task__ref"],
                title=" ".join((value["task__title"] or "").split()),
                area_code=code,
                area_name=name,
                label=value["label"],
                lead_unit_ids=tuple(unit_id for unit_id, _ in units),
                lead=_lead(units, value["task__lead_text"]),
                timeline=value["task__timeline_raw"],
                facts=facts,
                percent=value["percent"],
                status=report_status(facts, as_of),
                detail=DETAILED_LABELS.get(detailed_status(facts, as_of), ""),
                order=value["task__plan_id"] * 100_000 + value["task__order"],
            )
        )
    rows.sort(key=lambda row: (AREA_ORDER.get(row.area_code, 99), row.order, row.due_on))
    return rows


@dataclass
class GroupFigures:
    """An area or a unit: its occurrences and their counts."""

    key: str
    name: str
    rows: list[OccurrenceRow] = field(default_factory=list)

    @property
    def counts(self) -> StatusCounts:
        return tally(row.status for row in self.rows)


def by_area(rows: Iterable[OccurrenceRow], *, always: tuple[str, ...] = ()) -> list[GroupFigures]:
    """Occurrences per reform area in the order of the areas; ``always`` areas appear even when empty."""
    groups: dict[str, GroupFigures] = {code: GroupFigures(code, AREA_NAMES[code]) for code in always}
    for row in rows:
        groups.setdefault(row.area_code, GroupFigures(row.area_code, row.area_name)).rows.append(row)
    return sorted(groups.values(), key=lambda group: AREA_ORDER.get(group.key, 99))


def by_unit(rows: Iterable[OccurrenceRow], units: Iterable[Unit]) -> list[GroupFigures]:
    """Occurrences per lead unit (an occurrence with two lead units counts for both), every unit listed."""
    groups = {str(unit.pk): GroupFigures(str(unit.pk), unit.name) for unit in units}
    for row in rows:
        for unit_id in row.lead_unit_ids:
            group = groups.get(str(unit_id))
            if group is not None:
                group.rows.append(row)
    return list(groups.values())


def agency_units(*, agency: Agency) -> list[Unit]:
    return list(Unit.objects.filter(agency=agency, is_active=True).order_by("-is_focal", "name"))


# --- plans and targets ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRef:
    """A plan the report implements, as the opening cites it."""

    kind: str
    number: str | None
    symbol: str | None
    issued_on: date | None
    year: int | None
    issuer: str
    title: str


def plans_of_period(
    *, agency: Agency, start: date, end: date, plan_types: tuple[str, ...] | None = None
) -> list[Plan]:
    queryset = Plan.objects.filter(agency=agency).exclude(status="superseded")
    queryset = queryset.filter(Q(period_start__isnull=True) | Q(period_start__lte=end))
    queryset = queryset.filter(Q(period_end__isnull=True) | Q(period_end__gte=start))
    if plan_types:
        queryset = queryset.filter(plan_type__in=plan_types)
    return list(queryset.order_by("issued_on", "pk"))


def plan_refs(plans: Iterable[Plan], *, issuer: str) -> list[PlanRef]:
    return [
        PlanRef(
            "Kế hoạch",
            plan.number or None,
            plan.symbol or None,
            plan.issued_on,
            plan.year,
            plan.issuer or issuer,
            plan.title,
        )
        for plan in plans
    ]


@dataclass(frozen=True)
class IndicatorResult:
    """A target of a plan against its measured value in the period."""

    objective_id: int
    plan_label: str
    text: str
    target: str
    indicator: str | None
    value: Decimal | None
    value_text: str
    status: str
    status_label: str
    source: str


# --- dossiers ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DossierRow:
    procedure: str
    resolved: int
    on_time: int
    late: int
    overdue: int
    apologised: int


@dataclass
class DossierSummary:
    """Dossier figures of the period; ``available`` is False while the dossiers app is not installed."""

    available: bool
    rows: list[DossierRow] = field(default_factory=list)
    values: dict[str, Decimal | None] = field(default_factory=dict)
    resolved: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    received: int = 0
    months: str = ""

    @property
    def has_data(self) -> bool:
        return self.available and (self.received > 0 or self.resolved > 0 or self.overdue > 0)


_DOSSIER_TABLE_ROWS = 30


def dossier_summary(
    *, agency: Agency, period: Period, as_of: date, unit: Unit | None = None
) -> DossierSummary:
    """Late and overdue dossiers per procedure from the monthly roll-up, for the period's months up to ``as_of``."""
    models = _optional("apps.dossiers.models", "apps.dossiers")
    if models is None:
        return DossierSummary(available=False)
    monthly, procedure_model = getattr(models, "DossierMonthly", None), getattr(models, "Procedure", None)
    if monthly is None or procedure_model is None:
        return DossierSummary(available=False)
    first = period.first_month
    last = min(period.last_month, month_key(as_of.year, as_of.month))
    if last < first:
        return DossierSummary(available=True)
    columns = list(dossier_rates.MONTHLY_FIELDS)
    queryset = monthly.objects.filter(agency=agency, month__lte=last)
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    per_procedure: dict[int, list[tuple[int, dict[str, int]]]] = defaultdict(list)
    sums = {f"sum_{name}": Sum(name) for name in columns}
    for row in queryset.values("procedure_id", "month").annotate(**sums):
        per_procedure[row["procedure_id"]].append(
            (row["month"], {name: row[f"sum_{name}"] or 0 for name in columns})
        )
    names = dict(procedure_model.objects.filter(pk__in=list(per_procedure)).values_list("pk", "name"))
    summary = DossierSummary(
        available=True,
        months=f"từ tháng {first % 100:02d}/{first // 100} đến tháng {last % 100:02d}/{last // 100}",
    )
    totals: DossierCounts | None = None
    rows: list[DossierRow] = []
    for procedure_id, months in per_procedure.items():
        counts = dossier_rates.counts_from_monthly(months, first, last)
        totals = counts if totals is None else _add_counts(totals, counts)
        if counts.late or counts.overdue:
            rows.append(
                DossierRow(
                    names.get(procedure_id, str(procedure_id)),
                    counts.resolved,
                    counts.on_time,
                    counts.late,
                    counts.overdue,
                    counts.apologised,
                )
            )
    rows.sort(key=lambda row: (-(row.late + row.overdue), row.procedure))
    if len(rows) > _DOSSIER_TABLE_ROWS:
        rest = rows[_DOSSIER_TABLE_ROWS - 1 :]
        rows = [
            *rows[: _DOSSIER_TABLE_ROWS - 1],
            DossierRow(
                f"Các thủ tục khác ({len(rest)} thủ tục)",
                sum(row.resolved for row in rest),
                sum(row.on_time for row in rest),
                sum(row.late for row in rest),
                sum(row.overdue for row in rest),
                sum(row.apologised for row in rest),
            ),
        ]
    summary.rows = rows
    if totals is not None:
        summary.values = dossier_rates.dossier_values(totals)
        summary.resolved, summary.on_time, summary.late = totals.resolved, totals.on_time, totals.late
        summary.overdue, summary.received = totals.overdue, totals.received
    return summary


def _add_counts(left: DossierCounts, right: DossierCounts) -> DossierCounts:
    return DossierCounts(
        **{item.name: getattr(left, item.name) + getattr(right, item.name) for item in fields(left)}
    )


# --- surveys ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyRow:
    title: str
    period: str
    responses: int
    rate: Decimal | None


@dataclass
class SurveySummary:
    """Satisfaction in the window; ``available`` is False while the surveys app is not installed."""

    available: bool
    rate: Decimal | None = None
    responses: int = 0
    margin: Decimal | None = None
    rows: list[SurveyRow] = field(default_factory=list)


def survey_summary(*, agency: Agency, start: date, end: date) -> SurveySummary:
    selectors = _optional("apps.surveys.selectors", "apps.surveys")
    models = _optional("apps.surveys.models", "apps.surveys")
    if selectors is None:
        return SurveySummary(available=False)
    summary = SurveySummary(available=True)
    measure = getattr(selectors, "satisfaction_measure_for", None)
    if measure is not None:
        found = measure(agency, start, end)
        summary.rate, summary.responses, summary.margin = found.rate, found.sample_size, found.margin
    elif hasattr(selectors, "satisfaction_rate_for"):
        summary.rate = selectors.satisfaction_rate_for(agency, start, end)
    results = getattr(selectors, "campaign_results", None)
    campaign = getattr(models, "Campaign", None) if models is not None else None
    if results is None or campaign is None:
        return summary
    campaigns = (
        campaign.objects.filter(agency=agency, period_start__lte=end, period_end__gte=start)
        .exclude(status="draft")
        .select_related("questionnaire")
        .order_by("period_start")
    )
    for item in campaigns:
        result = results(campaign=item)
        summary.rows.append(
            SurveyRow(
                item.title,
                f"{item.period_start:%d/%m/%Y} – {item.period_end:%d/%m/%Y}",
                result.responses,
                result.overall.percent,
            )
        )
    return summary


# --- communication ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelCount:
    channel: str
    articles: int


@dataclass
class CommunicationSummary:
    """Articles of the communication register in the window (``apps.communications``, when installed)."""

    available: bool
    articles: int = 0
    channels: list[ChannelCount] = field(default_factory=list)
    months_met: int = 0
    months_checked: int = 0
    areas_covered: int = 0
    areas_total: int = 0
    events: int = 0
    attendance: int = 0


def communication_summary(*, agency: Agency, start: date, end: date, as_of: date) -> CommunicationSummary:
    selectors = _optional("apps.communications.selectors", "apps.communications")
    if selectors is None:
        return CommunicationSummary(available=False)
    from apps.communications.choices import Channel

    counts = selectors.counts_by_channel(agency=agency, start=start, end=end)
    labels = dict(Channel.choices)
    summary = CommunicationSummary(
        available=True,
        articles=sum(counts.values()),
        channels=[
            ChannelCount(str(labels[code]), counts[code]) for code in Channel.values if counts.get(code)
        ],
    )
    figures = selectors.indicator_figures(agency=agency, start=start, end=end, today=as_of)
    months = figures.get("communication_month_rate")
    if months is not None and months.denominator:
        summary.months_met, summary.months_checked = months.numerator or 0, months.denominator
    areas = figures.get("communication_area_coverage")
    if areas is not None and areas.denominator:
        summary.areas_covered, summary.areas_total = areas.numerator or 0, areas.denominator
    events = selectors.Event.objects.filter(agency=agency, held_on__range=(start, end))
    summary.events = events.count()
    summary.attendance = sum(events.values_list("attendance", flat=True))
    return summary


# --- indicators against targets ----------------------------------------------------------------------------


def _target_value(
    code: str | None, *, dossiers: DossierSummary, surveys: SurveySummary, totals: StatusCounts
) -> tuple[Decimal | None, str]:
    """The value this module can measure for an indicator, and where it came from."""
    if code is None:
        return None, ""
    if code.startswith("dossier_"):
        if not dossiers.has_data:
            return None, "Hồ sơ TTHC (chưa có số liệu)" if dossiers.available else ""
        return dossiers.values.get(code), "Hồ sơ TTHC (hệ thống một cửa)"
    if code == "satisfaction_rate":
        if not surveys.available:
            return None, ""
        return surveys.rate, "Khảo sát SIPAS"
    if code == "task_completion_rate":
        return totals.on_time_rate, "Sổ nhiệm vụ (hoàn thành đúng hạn)"
    return None, ""


_NOT_TASKS = ("xep loai", "danh gia")


def _indicator_code(propose: Any, text: str, unit: str | None) -> str | None:
    """The proposed indicator, except that "hoàn thành tốt nhiệm vụ" in a staff rating is not task completion."""
    proposal = propose(text, unit)
    code = proposal.indicator if proposal else None
    if code == "task_completion_rate" and any(word in fold(text) for word in _NOT_TASKS):
        return None
    return code


def _value_text(value: Decimal | None, unit: str) -> str:
    if value is None:
        return "Chưa có số liệu"
    if unit == "%":
        return percent_text(value)
    return f"{number_text(value)} {unit if unit != 'count' else ''}".strip()


@dataclass
class _CatalogueValues:
    """What the indicators app knows for the agency and period: each catalogue indicator's value, and how
    a target was linked to its indicator by the focal point."""

    values: dict[str, Any]
    link_of: Any


def _from_indicators_app(agency: Agency, period: Period, as_of: date) -> _CatalogueValues | None:
    """``apps.indicators``' values for the period (``scorecard.agency_values``) and links
    (``selectors.link_of``), or None while that app is not installed or cannot answer."""
    scorecard = _optional("apps.indicators.scorecard", "apps.indicators")
    selectors = _optional("apps.indicators.selectors", "apps.indicators")
    values_of = getattr(scorecard, "agency_values", None) if scorecard is not None else None
    link_of = getattr(selectors, "link_of", None) if selectors is not None else None
    if values_of is None or link_of is None:
        return None
    try:
        # A savepoint: a failed query inside it must not poison the caller's transaction (PostgreSQL).
        with transaction.atomic():
            values = values_of(agency=agency, period=period, today=as_of).values
    except Exception:
        logger.warning(
            "Indicator values unavailable for agency %s, period %s", agency.pk, period.code, exc_info=True
        )
        return None
    return _CatalogueValues(dict(values), link_of)


def _linked_code(catalogue: _CatalogueValues | None, target: Target) -> tuple[str | None, Any]:
    """The indicator the focal point confirmed for the target (None otherwise), and the link itself."""
    if catalogue is None:
        return None, None
    link = catalogue.link_of(target)
    if link is None or getattr(link, "status", "") != "confirmed" or getattr(link, "indicator", None) is None:
        return None, link
    return str(link.indicator.code), link


# Indicators whose wording this module recognises reliably, so a proposal is enough to print a value. Any other
# indicator is printed only once the focal point confirmed the link: an official document must not carry a
# figure that measures something else than its target says.
_SAFE_PROPOSALS = ("dossier_", "feedback_", "satisfaction_rate", "task_completion_rate")
# Measured by the report itself: its tables and its targets must tell the same figure.
_OWN_FIGURES = ("task_completion_rate",)


def indicators_against_targets(
    *,
    agency: Agency,
    plans: list[Plan],
    period: Period,
    end: date,
    as_of: date,
    dossiers: DossierSummary,
    surveys: SurveySummary,
    totals: StatusCounts,
) -> tuple[list[IndicatorResult], str]:
    """Every quantitative target of the period's plans with its value and status, and a note on the sources.

    The indicator a target measures is the one the focal point linked in the indicators app, else the one its
    wording proposes (``domain.indicators.target_match``); its value comes from the indicators app for the
    report's period, else from the figures this module reads itself; the status is
    ``domain.indicators.target_status``.
    """
    from domain.indicators.target_match import propose_indicator
    from domain.indicators.target_status import TargetSpec, evaluate_target

    targets = list(
        Target.objects.filter(objective__plan__in=plans)
        .select_related("objective", "objective__plan")
        .order_by("objective__plan__issued_on", "objective__plan_id", "objective__order")
    )
    catalogue = _from_indicators_app(agency, period, as_of) if targets else None
    results: list[IndicatorResult] = []
    for target in targets:
        objective = target.objective
        code, link = _linked_code(catalogue, target)
        confirmed = code is not None
        if code is None and getattr(link, "status", "") != "rejected":
            code = _indicator_code(propose_indicator, f"{objective.text} {target.text}", target.unit or None)
            if code is not None and not code.startswith(_SAFE_PROPOSALS):
                code = None
        value, source = _target_value(code, dossiers=dossiers, surveys=surveys, totals=totals)
        found = catalogue.values.get(code) if catalogue is not None and code else None
        measured = getattr(found, "value", None)
        if measured is not None and (confirmed or code not in _OWN_FIGURES):
            value, source = measured, str(getattr(found, "provenance", "") or "Chỉ số, chỉ tiêu")
        spec = TargetSpec(
            comparator=target.comparator,
            value=target.value,
            unit=target.unit,
            baseline_kind=target.baseline_kind or None,
            baseline_year=target.baseline_year,
        )
        verdict = evaluate_target(
            spec,
            value,
            period_over=as_of >= end,
            baseline_value=getattr(link, "baseline_value", None),
            assigned_value=getattr(link, "assigned_value", None),
        )
        results.append(
            IndicatorResult(
                objective.pk,
                objective.plan.reference_label,
                " ".join(objective.text.split()),
                target.display,
                code,
                value,
                _value_text(value, target.unit),
                verdict.status,
                verdict.label,
                source,
            )
        )
    measured = sum(1 for result in results if result.value is not None)
    if not results:
        note = ""
    elif measured < len(results):
        note = (
            f"Có {measured}/{len(results)} chỉ tiêu đo được từ dữ liệu của hệ thống (hồ sơ TTHC, khảo sát, "
            "sổ nhiệm vụ, số liệu đã nhập); các chỉ tiêu còn lại [[cần cập nhật số liệu]]."
        )
    else:
        note = "Kết quả các chỉ tiêu được tính từ dữ liệu của hệ thống."
    return results, note
