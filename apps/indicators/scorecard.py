"""Indicator values of an agency and period, the scorecard in the five groups of Quyết định 766, the trend,
and the province ranking.

Every computed value comes from the one definition in `domain.indicators` applied to counts read from the
roll-ups (`apps.dossiers.selectors`) and the feedback register; the annual plan's timeliness from the plan register
and the reports' from the report calendar (`domain.indicators.duty_timeliness`); entered values from `Measurement`;
the satisfaction rate from the SIPAS surveys when that app offers it. Nothing here writes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from apps.dossiers.choices import Metric
from apps.dossiers.selectors import (
    ProcedureRow,
    dossier_counts,
    dossier_counts_by_agency,
    dossier_counts_by_month,
    procedure_stats,
)
from apps.feedback.selectors import feedback_counts_by_agency
from apps.organizations.models import Agency
from apps.plans.choices import PlanStatus, PlanType
from apps.plans.models import Plan
from apps.reports.choices import ReportStatus
from apps.reports.models import Report
from apps.reports.selectors import report_calendar
from domain.indicators import dossier_rates as dossier
from domain.indicators import feedback_rates as feedback
from domain.indicators.dossier_rates import DossierCounts, dossier_values, rounded
from domain.indicators.duty_timeliness import (
    DeadlineError,
    DueReport,
    days_late,
    parse_year_deadline,
    plan_timeliness,
    reports_on_time,
)
from domain.indicators.feedback_rates import FeedbackCounts, feedback_values
from domain.indicators.service_index import ServiceGroup, estimate_points, groups_in_force
from domain.periods import MONTH, Period, trailing_months
from domain.scoring.values import UNVERIFIED

from .choices import Method
from .models import Indicator, Measurement
from .selectors import entered_values, indicators_in_force, service_scores

# indicator → (label, metric) pairs of the lists behind its figure: the numerator first, then the whole.
DRILL: dict[str, tuple[tuple[str, str], ...]] = {
    dossier.ON_TIME_RATE: (
        ("đúng hạn", Metric.ON_TIME),
        ("trễ hạn", Metric.LATE),
        ("có kết quả", Metric.RESOLVED),
    ),
    dossier.EARLY_RATE: (("trước hạn", Metric.EARLY), ("có kết quả", Metric.RESOLVED)),
    dossier.OVERDUE_COUNT: (("quá hạn", Metric.OVERDUE),),
    dossier.APOLOGY_RATE: (
        ("chưa xin lỗi đúng quy định", Metric.APOLOGY_MISSING),
        ("phải xin lỗi", Metric.APOLOGY_DUE),
    ),
    dossier.ONLINE_RATE: (("trực tuyến", Metric.ONLINE), ("tiếp nhận", Metric.RECEIVED)),
    dossier.ONLINE_PAYMENT_RATE: (
        ("thanh toán trực tuyến", Metric.PAID_ONLINE),
        ("chưa thanh toán trực tuyến", Metric.NOT_PAID_ONLINE),
        ("có phí", Metric.WITH_FEE),
    ),
    dossier.DIGITISED_RATE: (("đã số hóa", Metric.DIGITISED), ("chưa số hóa", Metric.NOT_DIGITISED)),
    dossier.E_RESULT_RATE: (("kết quả điện tử", Metric.E_RESULT), ("có kết quả", Metric.RESOLVED)),
    dossier.AVERAGE_DAYS: (("có kết quả", Metric.RESOLVED),),
}
# The list a click on the figure itself opens: every dossier behind the rate, each with its status.
MAIN_DRILL: dict[str, str] = {
    dossier.ON_TIME_RATE: Metric.RESOLVED,
    dossier.EARLY_RATE: Metric.RESOLVED,
    dossier.OVERDUE_COUNT: Metric.OVERDUE,
    dossier.APOLOGY_RATE: Metric.APOLOGY_DUE,
    dossier.ONLINE_RATE: Metric.RECEIVED,
    dossier.ONLINE_PAYMENT_RATE: Metric.WITH_FEE,
    dossier.DIGITISED_RATE: Metric.RECEIVED,
    dossier.E_RESULT_RATE: Metric.RESOLVED,
    dossier.AVERAGE_DAYS: Metric.RESOLVED,
}


@dataclass(frozen=True)
class Value:
    """One indicator's value for the period, with what it was computed from."""

    code: str
    value: Decimal | None
    numerator: int | None = None
    denominator: int | None = None
    provenance: str = ""
    # "on_time" / "late" / "missing" for a duty the figure says was done on time or not (plan, reports)
    timeliness: str = ""


@dataclass
class AgencyValues:
    agency: Agency
    period: Period
    values: dict[str, Value]
    dossiers: DossierCounts
    feedback: FeedbackCounts

    def value(self, code: str) -> Decimal | None:
        found = self.values.get(code)
        return found.value if found else None

    def as_json(self) -> dict[str, Any]:
        """`{"agency", "period", "values": {code: number or null}, "counts": {...}}`, two decimals."""
        values = {
            code: (None if item.value is None else float(rounded(item.value)))  # type: ignore[arg-type]
            for code, item in self.values.items()
        }
        counts: dict[str, int] = dict(self.dossiers.as_dict())
        counts.update({f"feedback_{key}": value for key, value in vars(self.feedback).items()})
        return {"agency": self.agency.code, "period": self.period.code, "values": values, "counts": counts}


def _dossier_value(code: str, counts: DossierCounts, values: dict[str, Decimal | None]) -> Value:
    pairs = {
        dossier.ON_TIME_RATE: (counts.on_time, counts.resolved),
        dossier.EARLY_RATE: (counts.early, counts.resolved),
        dossier.OVERDUE_COUNT: (counts.overdue, None),
        dossier.APOLOGY_RATE: (counts.apologised, counts.apology_due),
        dossier.ONLINE_RATE: (counts.received_online, counts.received),
        dossier.ONLINE_PAYMENT_RATE: (counts.paid_online, counts.received_with_fee),
        dossier.DIGITISED_RATE: (counts.digitised, counts.received),
        dossier.E_RESULT_RATE: (counts.e_result, counts.resolved),
        dossier.AVERAGE_DAYS: (counts.resolution_days, counts.resolved),
    }
    numerator, denominator = pairs.get(code, (None, None))
    return Value(code, values.get(code), numerator, denominator, "Tính từ dữ liệu hồ sơ TTHC đã nhập")


def _feedback_value(code: str, counts: FeedbackCounts, values: dict[str, Decimal | None]) -> Value:
    pairs = {
        feedback.ON_TIME_RATE: (counts.on_time, counts.due),
        feedback.SATISFACTION_RATE: (counts.answered - counts.unhappy, counts.answered),
        feedback.FORWARD_ON_TIME_RATE: (counts.forwarded_on_time, counts.forwarded),
    }
    numerator, denominator = pairs.get(code, (None, None))
    return Value(code, values.get(code), numerator, denominator, "Tính từ sổ phản ánh, kiến nghị")


def _survey_rate(agency: Agency, period: Period) -> Decimal | None:
    """The SIPAS satisfaction rate, when the surveys app offers it (it is built beside this one)."""
    try:
        from apps.surveys.selectors import satisfaction_rate_for
    except ImportError:
        return None
    rate: Decimal | None = satisfaction_rate_for(agency, period.start, period.end)
    return rate


def _task_value(agency: Agency, period: Period, today: date) -> Value | None:
    """Occurrences of the agency's tasks due in the period (up to today) accepted on or before their due date."""
    try:
        from apps.tasks.models import Occurrence
    except ImportError:
        return None
    until = min(period.end, today)
    due = Occurrence.objects.filter(
        task__agency=agency, due_on__gte=period.start, due_on__lte=until, not_applicable=False
    )
    total = due.count()
    if not total:
        return Value("task_completion_rate", None, 0, 0, "Tính từ tiến độ nhiệm vụ")
    on_time = due.filter(accepted_on__isnull=False, accepted_on__lte=F("due_on")).count()
    return Value(
        "task_completion_rate", dossier.rate(on_time, total), on_time, total, "Tính từ tiến độ nhiệm vụ"
    )


def _plan_value(indicator: Indicator, agency: Agency, period: Period, today: date) -> Value:
    """The agency's annual CCHC plan for the period's year against the deadline kept with the indicator."""
    code, year = indicator.code, period.end.year
    try:
        deadline = parse_year_deadline(indicator.parameter).on(year)
    except DeadlineError as error:
        return Value(code, None, provenance=f"Tham số hạn ban hành của chỉ số: {error}")
    deadline_text = f"hạn ban hành {deadline:%d/%m/%Y}" + (
        f" ({UNVERIFIED})" if indicator.parameter_unverified else ""
    )
    if not Plan.objects.filter(agency=agency).exists():
        # an agency that keeps no plans here: the register cannot tell whether its plan was issued
        return Value(code, None, provenance="Sổ kế hoạch chưa có kế hoạch nào của cơ quan")
    plans = (
        Plan.objects.filter(agency=agency, plan_type=PlanType.ANNUAL_REFORM)
        .exclude(status=PlanStatus.DRAFT)
        .filter(Q(period_start__year=year) | Q(period_start__isnull=True, issued_on__year=year))
    )
    # a plan later replaced was still issued on its own date: the earliest issued one decides
    plan = plans.filter(issued_on__isnull=False).order_by("issued_on", "pk").first()
    if plan is None or plan.issued_on is None:
        if plans.exists():
            return Value(
                code, None, provenance=f"Kế hoạch CCHC năm {year} chưa ghi ngày ban hành; {deadline_text}"
            )
        missing = plan_timeliness(issued_on=None, deadline=deadline, today=today)
        said = "đã quá" if missing else "chưa đến"
        return Value(
            code,
            None,
            provenance=f"Sổ kế hoạch chưa có Kế hoạch CCHC năm {year} đã ban hành; {said} {deadline_text}",
            timeliness=missing.value if missing else "",
        )
    status = plan_timeliness(issued_on=plan.issued_on, deadline=deadline, today=today)
    label = f"{plan.reference_label} " if plan.reference_label else ""
    return Value(
        code,
        Decimal(days_late(issued_on=plan.issued_on, deadline=deadline)),
        provenance=f"Kế hoạch {label}ngày {plan.issued_on:%d/%m/%Y}; {deadline_text}",
        timeliness=status.value if status else "",
    )


def _report_value(code: str, agency: Agency, period: Period, today: date) -> Value:
    """The periodic CCHC reports due in the period under the agency's schedule, sent on or before the deadline."""
    if not Report.objects.filter(agency=agency).exists():
        # an agency that has never made a report here: unsent is not the same as not recorded
        return Value(code, None, provenance="Sổ báo cáo chưa có báo cáo nào của cơ quan")
    due = [
        DueReport(
            item.due.kind,
            item.due.deadline,
            item.report.sent_on
            if item.report is not None and item.report.status == ReportStatus.SENT
            else None,
        )
        # a report of the year before can fall due in this period (an annual report due in January)
        for year in range(period.start.year - 1, period.end.year + 1)
        for item in report_calendar(agency=agency, year=year, on=today)
    ]
    tally = reports_on_time(due, start=period.start, end=period.end, today=today)
    provenance = "Tính từ lịch báo cáo và báo cáo CCHC đã gửi"
    if not tally.due:
        provenance += ": chưa có báo cáo định kỳ đến hạn trong kỳ"
    return Value(
        code,
        tally.rate,
        tally.on_time,
        tally.due,
        provenance,
        tally.timeliness.value if tally.timeliness else "",
    )


def _communication_value(code: str, agency: Agency, period: Period, today: date) -> Value:
    """Articles, months meeting the target and content areas covered, from the communication register."""
    from apps.communications.selectors import indicator_figures

    figure = indicator_figures(agency=agency, start=period.start, end=period.end, today=today).get(code)
    if figure is None:
        return Value(code, None, provenance="Sổ tin, bài không tính chỉ số này")
    return Value(code, figure.value, figure.numerator, figure.denominator, figure.provenance)


def _inspection_value(code: str, agency: Agency, period: Period, today: date) -> Value | None:
    """The inspection indicators from the agency's inspection plans of the period's years (apps.inspections)."""
    from apps.inspections.selectors import indicator_figure

    figure = indicator_figure(code=code, agency_id=agency.pk, start=period.start, end=period.end, today=today)
    if figure is None:
        return None
    return Value(code, figure.percent, figure.numerator, figure.denominator, figure.provenance)


def _entered(code: str, measurement: Measurement | None) -> Value:
    if measurement is None:
        return Value(code, None, provenance="Chưa nhập số liệu")
    provenance = measurement.provenance or measurement.get_origin_display()
    return Value(
        code,
        measurement.value,
        int(measurement.numerator) if measurement.numerator is not None else None,
        int(measurement.denominator) if measurement.denominator is not None else None,
        provenance,
    )


def agency_values(
    *,
    agency: Agency,
    period: Period,
    today: date | None = None,
    indicators: Sequence[Indicator] | None = None,
    dossier_counts_override: DossierCounts | None = None,
    feedback_counts_override: FeedbackCounts | None = None,
    entered: dict[tuple[int, str], Measurement] | None = None,
) -> AgencyValues:
    """Every catalogue indicator's value for the agency and period."""
    day = today or timezone.localdate()
    catalogue = list(indicators) if indicators is not None else list(indicators_in_force(on=period.end))
    counts = dossier_counts_override or dossier_counts(agency_ids=[agency.pk], period=period)
    from apps.feedback.selectors import feedback_counts_for

    feedback_counts = feedback_counts_override or feedback_counts_for(
        agency_ids=[agency.pk], period=period, as_of=day
    )
    computed = dossier_values(counts)
    from_feedback = feedback_values(feedback_counts)
    stored = (
        entered if entered is not None else entered_values(agency_ids=[agency.pk], period_code=period.code)
    )
    values: dict[str, Value] = {}
    for indicator in catalogue:
        code = indicator.code
        measurement = stored.get((agency.pk, code))
        if indicator.method == Method.DOSSIERS:
            values[code] = _dossier_value(code, counts, computed)
        elif indicator.method == Method.FEEDBACK:
            values[code] = _feedback_value(code, feedback_counts, from_feedback)
        elif indicator.method == Method.SURVEYS:
            rate = _survey_rate(agency, period)
            values[code] = (
                Value(code, rate, provenance="Tính từ khảo sát mức độ hài lòng")
                if rate is not None
                else _entered(code, measurement)
            )
        elif indicator.method == Method.PLANS:
            values[code] = _plan_value(indicator, agency, period, day)
        elif indicator.method == Method.REPORTS:
            values[code] = _report_value(code, agency, period, day)
        elif indicator.method == Method.COMMUNICATIONS:
            values[code] = _communication_value(code, agency, period, day)
        elif indicator.method == Method.INSPECTIONS:
            values[code] = _inspection_value(code, agency, period, day) or _entered(code, measurement)
        elif indicator.method == Method.TASKS:
            task_value = _task_value(agency, period, day)
            values[code] = (
                task_value if task_value and task_value.denominator else _entered(code, measurement)
            )
        else:
            values[code] = _entered(code, measurement)
    return AgencyValues(agency, period, values, counts, feedback_counts)


# -- the scorecard ------------------------------------------------------------------------------------------
@dataclass
class Link:
    label: str
    url: str
    count: int | None = None


@dataclass
class Figure:
    indicator: Indicator
    value: Value
    url: str = ""
    links: list[Link] = field(default_factory=list)


@dataclass
class GroupCard:
    code: str
    name: str
    points: Decimal
    figures: list[Figure]
    estimated: Decimal | None
    published: Decimal | None


@dataclass
class TrendPoint:
    period: Period
    on_time: Decimal | None
    online: Decimal | None
    digitised: Decimal | None
    received: int
    published_total: Decimal | None


@dataclass
class Scorecard:
    agency: Agency
    period: Period
    values: AgencyValues
    groups: list[GroupCard]
    others: list[Figure]
    estimated_total: Decimal | None
    published_total: Decimal | None
    trend: list[TrendPoint]
    procedures: list[ProcedureRow]
    period_over: bool
    missing_groups: list[str] = field(default_factory=list)


def drill_url(agency: Agency, period: Period, metric: str) -> str:
    query = urlencode({"agency": agency.pk, "period": period.code, "metric": metric})
    return f"{reverse('dossiers:dossier_list')}?{query}"


def _drill_count(counts: DossierCounts, metric: str) -> int | None:
    by_metric = {
        Metric.RECEIVED: counts.received,
        Metric.ONLINE: counts.received_online,
        Metric.WITH_FEE: counts.received_with_fee,
        Metric.PAID_ONLINE: counts.paid_online,
        Metric.NOT_PAID_ONLINE: counts.received_with_fee - counts.paid_online,
        Metric.DIGITISED: counts.digitised,
        Metric.NOT_DIGITISED: counts.received - counts.digitised,
        Metric.RESOLVED: counts.resolved,
        Metric.ON_TIME: counts.on_time,
        Metric.EARLY: counts.early,
        Metric.LATE: counts.late,
        Metric.E_RESULT: counts.e_result,
        Metric.OVERDUE: counts.overdue,
        Metric.APOLOGY_DUE: counts.apology_due,
        Metric.APOLOGY_MISSING: counts.apology_missing,
    }
    return by_metric.get(metric)  # type: ignore[call-overload, no-any-return]


def _figure(indicator: Indicator, values: AgencyValues) -> Figure:
    value = values.values.get(indicator.code) or Value(indicator.code, None)
    figure = Figure(indicator, value)
    if indicator.code in MAIN_DRILL:
        figure.url = drill_url(values.agency, values.period, MAIN_DRILL[indicator.code])
        figure.links = [
            Link(
                label, drill_url(values.agency, values.period, metric), _drill_count(values.dossiers, metric)
            )
            for label, metric in DRILL[indicator.code]
        ]
    elif indicator.method == Method.FEEDBACK:
        figure.url = reverse("feedback:feedback_register") + "?" + urlencode({"agency": values.agency.pk})
    return figure


def _published_by_month(
    agency_ids: Iterable[int], months: list[str]
) -> dict[tuple[int, str], dict[str, Decimal]]:
    out: dict[tuple[int, str], dict[str, Decimal]] = {}
    for score in service_scores(agency_ids=agency_ids, months=months):
        out.setdefault((score.agency_id, score.month), {})[score.group.code] = score.points
    return out


def _month_codes(period: Period) -> list[str]:
    return [f"{month // 100}-{month % 100:02d}" for month in period.months]


def _published_mean(
    scores: dict[tuple[int, str], dict[str, Decimal]], agency_id: int, months: list[str]
) -> dict[str, Decimal]:
    """The published points of each group, averaged over the months of the period that have them."""
    sums: dict[str, list[Decimal]] = {}
    for month in months:
        for code, points in scores.get((agency_id, month), {}).items():
            sums.setdefault(code, []).append(points)
    return {code: sum(values, Decimal(0)) / len(values) for code, values in sums.items()}


def _domain_groups(period: Period) -> dict[str, ServiceGroup]:
    return {group.code: group for group in groups_in_force(period.end)}


def agency_scorecard(
    *, agency: Agency, period: Period, today: date | None = None, trend_months: int = 12
) -> Scorecard:
    """The 766-style scorecard of one agency and period: five groups, raw rates, estimated and published points."""
    day = today or timezone.localdate()
    catalogue = list(indicators_in_force(on=period.end))
    values = agency_values(agency=agency, period=period, today=day, indicators=catalogue)
    rates = {code: item.value for code, item in values.values.items()}
    months = _month_codes(period)
    trend_periods = list(trailing_months(period, trend_months))
    trend_codes = [p.code for p in trend_periods]
    published = _published_by_month([agency.pk], sorted(set(months) | set(trend_codes)))
    published_mean = _published_mean(published, agency.pk, months)
    domain_groups = _domain_groups(period)
    by_group: dict[str, list[Figure]] = {}
    others: list[Figure] = []
    group_rows: dict[str, Any] = {}
    for indicator in catalogue:
        figure = _figure(indicator, values)
        if indicator.group_id is not None and indicator.group is not None:
            by_group.setdefault(indicator.group.code, []).append(figure)
            group_rows[indicator.group.code] = indicator.group
        else:
            others.append(figure)
    groups: list[GroupCard] = []
    for code, group in sorted(group_rows.items(), key=lambda item: item[1].order):
        domain_group = domain_groups.get(code)
        estimated = estimate_points(domain_group, rates) if domain_group else None
        groups.append(
            GroupCard(code, group.name, group.points, by_group[code], estimated, published_mean.get(code))
        )
    estimated_values = [group.estimated for group in groups if group.estimated is not None]
    published_values = [group.published for group in groups if group.published is not None]
    monthly = dossier_counts_by_month(agency_ids=[agency.pk], months=[p.first_month for p in trend_periods])
    trend = []
    for month_period in trend_periods:
        counts = monthly.get(month_period.first_month, DossierCounts())
        month_values = dossier_values(counts)
        month_published = published.get((agency.pk, month_period.code))
        trend.append(
            TrendPoint(
                month_period,
                month_values[dossier.ON_TIME_RATE],
                month_values[dossier.ONLINE_RATE],
                month_values[dossier.DIGITISED_RATE],
                counts.received,
                sum(month_published.values(), Decimal(0)) if month_published else None,
            )
        )
    return Scorecard(
        agency=agency,
        period=period,
        values=values,
        groups=groups,
        others=others,
        estimated_total=sum(estimated_values, Decimal(0))
        if len(estimated_values) == len(groups) and groups
        else None,
        published_total=sum(published_values, Decimal(0))
        if len(published_values) == len(groups) and groups
        else None,
        trend=trend,
        procedures=procedure_stats(agency_ids=[agency.pk], period=period, limit=15),
        period_over=period.end < day,
        missing_groups=[group.name for group in groups if group.estimated is None],
    )


# -- the province ranking -----------------------------------------------------------------------------------
@dataclass
class RankRow:
    agency: Agency
    values: AgencyValues
    estimated_total: Decimal | None
    published_total: Decimal | None
    rank: int = 0

    def value(self, code: str) -> Decimal | None:
        return self.values.value(code)


def province_ranking(
    *, agencies: Iterable[Agency], period: Period, today: date | None = None
) -> list[RankRow]:
    """Agencies with data in the period ranked by estimated 766 points, then by on-time rate."""
    day = today or timezone.localdate()
    agency_list = list(agencies)
    ids = [agency.pk for agency in agency_list]
    catalogue = list(indicators_in_force(on=period.end))
    dossiers = dossier_counts_by_agency(agency_ids=ids, period=period)
    feedbacks = feedback_counts_by_agency(agency_ids=ids, period=period, as_of=day)
    entered = entered_values(agency_ids=ids, period_code=period.code)
    months = _month_codes(period)
    published = _published_by_month(ids, months)
    domain_groups = list(_domain_groups(period).values())
    rows = []
    for agency in agency_list:
        counts = dossiers.get(agency.pk, DossierCounts())
        feedback_counts = feedbacks.get(agency.pk, FeedbackCounts())
        if counts.is_empty and feedback_counts.is_empty and not any(key[0] == agency.pk for key in entered):
            continue
        values = agency_values(
            agency=agency,
            period=period,
            today=day,
            indicators=catalogue,
            dossier_counts_override=counts,
            feedback_counts_override=feedback_counts,
            entered=entered,
        )
        rates = {code: item.value for code, item in values.values.items()}
        estimates = [estimate_points(group, rates) for group in domain_groups]
        known = [points for points in estimates if points is not None]
        mean = _published_mean(published, agency.pk, months)
        rows.append(
            RankRow(
                agency,
                values,
                sum(known, Decimal(0)) if known else None,
                sum(mean.values(), Decimal(0)) if len(mean) == len(domain_groups) else None,
            )
        )

    def key(row: RankRow) -> tuple[Decimal, Decimal, str]:
        on_time = row.value(dossier.ON_TIME_RATE)
        return (
            -(row.estimated_total or Decimal(-1)),
            -(on_time if on_time is not None else Decimal(-1)),
            row.agency.name,
        )

    rows.sort(key=key)
    for rank, row in enumerate(rows, 1):
        row.rank = rank
    return rows


def default_period(*, today: date | None = None) -> Period:
    """The month before today's (the last whole month): what a scorecard shows first."""
    from domain.periods import period_containing

    return period_containing(today or timezone.localdate(), MONTH).previous()


# -- plan targets against their indicators ------------------------------------------------------------------
@dataclass
class TargetRow:
    target: Any
    link: Any
    proposal: Any
    indicator: Indicator | None
    period: Period | None
    value: Value | None
    baseline: Decimal | None
    status: Any
    form: Any = None  # the confirmation form the targets page attaches


def _target_period(plan: Any) -> Period | None:
    from domain.periods import parse_period

    year = plan.year
    return parse_period(str(year)) if year else None


def target_rows(*, targets: Iterable[Any], today: date | None = None) -> list[TargetRow]:
    """Each target with its indicator (confirmed, or proposed from its text), its value and its status."""
    from domain.indicators.target_match import propose_indicator
    from domain.indicators.target_status import TargetSpec, evaluate_target

    from .choices import LinkStatus
    from .selectors import link_of

    day = today or timezone.localdate()
    catalogue = {indicator.code: indicator for indicator in indicators_in_force(on=day)}
    cache: dict[tuple[int, str], AgencyValues] = {}

    def values_for(agency: Agency, period: Period) -> AgencyValues:
        key = (agency.pk, period.code)
        if key not in cache:
            cache[key] = agency_values(agency=agency, period=period, today=day)
        return cache[key]

    rows = []
    for target in targets:
        plan = target.objective.plan
        link = link_of(target)
        proposal = None
        indicator: Indicator | None = None
        if link is not None and link.status != LinkStatus.REJECTED:
            indicator = link.indicator
        if link is None:
            proposal = propose_indicator(target.text or target.objective.text, target.unit or None)
            indicator = catalogue.get(proposal.indicator) if proposal else None
        period = _target_period(plan)
        value = baseline = status = None
        if indicator is not None and period is not None:
            value = values_for(plan.agency, period).values.get(indicator.code)
            if target.baseline_year:
                base_period = period.same_period_of_year(target.baseline_year)
                base = values_for(plan.agency, base_period).values.get(indicator.code)
                baseline = base.value if base is not None else None
            if baseline is None and link is not None:
                baseline = link.baseline_value
            spec = TargetSpec(
                comparator=target.comparator,
                value=target.value,
                unit=target.unit,
                baseline_kind=target.baseline_kind or None,
                baseline_year=target.baseline_year,
            )
            status = evaluate_target(
                spec,
                value.value if value is not None else None,
                period_over=period.end < day,
                baseline_value=baseline,
                assigned_value=link.assigned_value if link is not None else None,
            )
        rows.append(TargetRow(target, link, proposal, indicator, period, value, baseline, status))
    return rows
