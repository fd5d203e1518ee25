"""Reads of reports that cross a permission boundary (404 outside the user's agencies), the schedule and calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import scope_for
from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency
from domain.periods import PeriodError, parse_period
from domain.report_periods import (
    DEFAULT_RULES,
    REPORT_KINDS,
    ReportPeriod,
    ReportRule,
    is_scheduled,
    period_of_rule,
    period_phrase,
    report_periods,
    report_title,
)

from .choices import ContributionStatus, ReportStatus, ReportType
from .models import Contribution, Report, ReportFile, ReportSchedule, ReportTemplate

DUE_SOON_DAYS = 7
STALE_DAYS = 60
# Agencies that send CCHC reports upwards: departments and communes (the province itself receives them).
REPORTING_LEVELS = (AgencyLevel.DEPARTMENT, AgencyLevel.COMMUNE)


def _readable(queryset: QuerySet[Any], user: Any, field: str) -> QuerySet[Any]:
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(**{f"{field}__in": ids})


def report_list_for_user(*, user: Any) -> QuerySet[Report]:
    return _readable(Report.objects.select_related("agency", "agency__parent"), user, "agency_id")


def report_get_for_user(*, user: Any, pk: int) -> Report:
    report = report_list_for_user(user=user).filter(pk=pk).first()
    if report is None:
        raise Http404("Không tìm thấy báo cáo.")
    return report


def contribution_list(*, report: Report) -> QuerySet[Contribution]:
    return report.contributions.select_related("unit", "submitted_by").order_by(
        "-unit__is_focal", "unit__name"
    )


def contribution_get_for_user(*, user: Any, pk: int) -> Contribution:
    found = (
        _readable(
            Contribution.objects.select_related("report", "report__agency", "unit"), user, "report__agency_id"
        )
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy nội dung báo cáo của đơn vị.")
    return found


def report_file_get_for_user(*, user: Any, pk: int) -> ReportFile:
    found = (
        _readable(ReportFile.objects.select_related("report"), user, "report__agency_id")
        .filter(pk=pk)
        .first()
    )
    if found is None:
        raise Http404("Không tìm thấy tệp báo cáo.")
    return found


def template_list_for_user(*, user: Any, agency: Agency) -> QuerySet[ReportTemplate]:
    return _readable(ReportTemplate.objects.filter(agency=agency), user, "agency_id").select_related(
        "uploaded_by"
    )


def template_get_for_user(*, user: Any, pk: int) -> ReportTemplate:
    found = (
        _readable(ReportTemplate.objects.select_related("agency"), user, "agency_id").filter(pk=pk).first()
    )
    if found is None:
        raise Http404("Không tìm thấy mẫu báo cáo.")
    return found


def active_template(*, agency: Agency, report_type: str) -> ReportTemplate | None:
    """The agency's template for this kind of report, else its template for every kind, else none."""
    templates = ReportTemplate.objects.filter(agency=agency, is_active=True).filter(
        Q(report_type=report_type) | Q(report_type="")
    )
    return sorted(templates, key=lambda template: template.report_type == "")[0] if templates else None


# --- the schedule -------------------------------------------------------------------------------------------


def _rule_of(schedule: ReportSchedule) -> ReportRule:
    return ReportRule(
        kind=schedule.report_type,
        period_kind=schedule.period_kind,
        periods=tuple(int(n) for n in schedule.periods if str(n).isdigit()),
        cutoff_day=schedule.cutoff_day,
        deadline_day=schedule.deadline_day,
        deadline_offset_months=schedule.deadline_offset_months,
        enabled=schedule.enabled,
    )


def schedule_rules(*, agency: Agency, year: int) -> dict[str, ReportRule]:
    """The rules of each report kind for the agency in the year: its own settings over the shipped ones."""
    rules = dict(DEFAULT_RULES)
    for schedule in ReportSchedule.objects.filter(agency=agency, year=year):
        rules[schedule.report_type] = _rule_of(schedule)
    return rules


def schedule_settings(*, agency: Agency, year: int) -> list[tuple[str, ReportRule, ReportSchedule | None]]:
    """Each report kind with the rule in force and the agency's saved settings (None: the shipped rule)."""
    saved = {s.report_type: s for s in ReportSchedule.objects.filter(agency=agency, year=year)}
    rules = schedule_rules(agency=agency, year=year)
    return [(kind, rules[kind], saved.get(kind)) for kind in REPORT_KINDS]


def recipients_setting(*, agency: Agency, year: int, report_type: str) -> list[str]:
    schedule = ReportSchedule.objects.filter(agency=agency, year=year, report_type=report_type).first()
    return list(schedule.recipients) if schedule and schedule.recipients else []


def report_period_of(*, agency: Agency, report_type: str, period_code: str) -> ReportPeriod:
    """Window and deadline of one report under the agency's schedule; ``PeriodError`` when the period is not
    of the report's kind (a quarterly report for "2026")."""
    period = parse_period(period_code)
    rule = schedule_rules(agency=agency, year=period.year)[report_type]
    if period.kind != rule.period_kind:
        raise PeriodError(
            f"{ReportType(report_type).label} viết theo kỳ {_KIND_WORDS[rule.period_kind]}; kỳ “{period_code}” không phù hợp."
        )
    return period_of_rule(rule, period)


_KIND_WORDS = {
    "month": "tháng (2026-03)",
    "quarter": "quý (2026-Q1)",
    "half": "6 tháng (2026-H1)",
    "year": "năm (2026)",
}


# --- the calendar ---------------------------------------------------------------------------------------------

SENT_ON_TIME, SENT_LATE, OVERDUE, DUE_SOON, UPCOMING = (
    "sent_on_time",
    "sent_late",
    "overdue",
    "due_soon",
    "upcoming",
)
STATE_LABELS = {
    SENT_ON_TIME: "Đã gửi đúng hạn",
    SENT_LATE: "Đã gửi trễ hạn",
    OVERDUE: "Quá hạn chưa gửi",
    DUE_SOON: "Sắp đến hạn",
    UPCOMING: "Chưa đến hạn",
}


@dataclass
class CalendarItem:
    """One report an agency owes: when, over which data, and where it stands."""

    agency: Agency
    due: ReportPeriod
    report: Report | None
    state: str
    days_left: int

    @property
    def kind_label(self) -> str:
        return str(ReportType(self.due.kind).label)

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def period_label(self) -> str:
        return period_phrase(self.due.period)

    @property
    def title(self) -> str:
        return report_title(self.due.kind, self.due.period)

    @property
    def days_late(self) -> int:
        return max(0, -self.days_left)

    @property
    def is_late(self) -> bool:
        return self.state in (OVERDUE, SENT_LATE)


def _state(report: Report | None, deadline: date, on: date) -> str:
    if report is not None and report.status == ReportStatus.SENT and report.sent_on is not None:
        return SENT_ON_TIME if report.sent_on <= deadline else SENT_LATE
    if deadline < on:
        return OVERDUE
    if (deadline - on).days <= DUE_SOON_DAYS:
        return DUE_SOON
    return UPCOMING


def _item(agency: Agency, due: ReportPeriod, report: Report | None, on: date) -> CalendarItem:
    return CalendarItem(agency, due, report, _state(report, due.deadline, on), (due.deadline - on).days)


def report_calendar(*, agency: Agency, year: int, on: date | None = None) -> list[CalendarItem]:
    """Every report the agency owes in the year, by deadline, each with its report when one was started.

    A report started for a period the schedule no longer asks for is listed too, so nothing disappears."""
    day = on or timezone.localdate()
    rules = schedule_rules(agency=agency, year=year)
    reports = {
        (r.report_type, r.period_code): r
        for r in Report.objects.filter(agency=agency, period_code__startswith=str(year))
    }
    items = []
    for rule in rules.values():
        for due in report_periods(rule, year):
            items.append(_item(agency, due, reports.pop((rule.kind, due.code), None), day))
    for report in reports.values():
        try:
            due = report_period_of(
                agency=agency, report_type=report.report_type, period_code=report.period_code
            )
        except PeriodError:
            continue
        items.append(_item(agency, due, report, day))
    items.sort(key=lambda item: (item.due.deadline, REPORT_KINDS.index(item.due.kind)))
    return items


def reports_due_for(agency: Agency, on: date, *, within_days: int = DUE_SOON_DAYS) -> list[CalendarItem]:
    """Reports the agency has not sent whose deadline has passed or falls within ``within_days`` of ``on``.

    For reminders (the notifications app). A report never started whose deadline passed more than
    ``STALE_DAYS`` ago is left out (the agency most likely sent it before using the system); one started and
    not sent stays until it is sent. Overdue first, then by deadline."""
    items = report_calendar(agency=agency, year=on.year - 1, on=on) + report_calendar(
        agency=agency, year=on.year, on=on
    )
    horizon, stale = on + timedelta(days=within_days), on - timedelta(days=STALE_DAYS)
    due = [
        item
        for item in items
        if item.state in (OVERDUE, DUE_SOON, UPCOMING)
        and item.due.deadline <= horizon
        and (item.report is not None or item.due.deadline >= stale)
    ]
    return sorted(due, key=lambda item: item.due.deadline)


# --- the province view -----------------------------------------------------------------------------------------


@dataclass
class OverviewRow:
    agency: Agency
    item: CalendarItem | None  # None: the agency's schedule does not ask for this report
    contributions: tuple[int, int] = (0, 0)  # submitted, all


def province_overview_for_user(
    *, user: Any, report_type: str, period_code: str, on: date | None = None
) -> list[OverviewRow]:
    """Every reporting agency the user reads, with its report of the period and whether it was sent."""
    day = on or timezone.localdate()
    period = parse_period(period_code)
    agencies = _readable(
        Agency.objects.filter(level__in=REPORTING_LEVELS, is_active=True).select_related("parent"), user, "id"
    ).order_by("parent__name", "name")
    reports = {
        r.agency_id: r
        for r in Report.objects.filter(agency__in=agencies, report_type=report_type, period_code=period.code)
    }
    counts: dict[int, tuple[int, int]] = {}
    for report_id, status in Contribution.objects.filter(report__in=list(reports.values())).values_list(
        "report_id", "status"
    ):
        submitted, total = counts.get(report_id, (0, 0))
        counts[report_id] = (submitted + (status == ContributionStatus.SUBMITTED), total + 1)
    saved = {
        s.agency_id: _rule_of(s)
        for s in ReportSchedule.objects.filter(agency__in=agencies, year=period.year, report_type=report_type)
    }
    rows = []
    for agency in agencies:
        rule = saved.get(agency.pk, DEFAULT_RULES[report_type])
        report = reports.get(agency.pk)
        if not is_scheduled(rule, period) and report is None:
            rows.append(OverviewRow(agency, None))
            continue
        due = (
            period_of_rule(rule, period)
            if period.kind == rule.period_kind
            else period_of_rule(DEFAULT_RULES[report_type], period)
        )
        rows.append(
            OverviewRow(
                agency, _item(agency, due, report, day), counts.get(report.pk, (0, 0)) if report else (0, 0)
            )
        )
    return rows
