"""Reads of inspection plans and inspections, every one scoped by the policy (another agency's record: 404),
and the derived views: the share of units planned and inspected, and each finding's state from its tasks."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from apps.accounts.policy import scope_for
from apps.organizations.models import Agency, Unit
from apps.tasks.selectors import STATUS_LABELS, occurrence_status
from domain import inspections as rules_of
from domain import task_status

from .models import Finding, Inspection, InspectionPlan, Remediation


def _scoped(queryset: QuerySet[Any], user: Any, column: str = "agency_id") -> QuerySet[Any]:
    ids = scope_for(user).readable_ids
    return queryset if ids is None else queryset.filter(**{f"{column}__in": ids})


def plan_list_for_user(*, user: Any) -> QuerySet[InspectionPlan]:
    return _scoped(InspectionPlan.objects.select_related("agency"), user)


def plan_get_for_user(*, user: Any, pk: int) -> InspectionPlan:
    plan = plan_list_for_user(user=user).filter(pk=pk).first()
    if plan is None:
        raise Http404("Không tìm thấy kế hoạch kiểm tra.")
    return plan


def inspection_list_for_user(*, user: Any) -> QuerySet[Inspection]:
    queryset = Inspection.objects.select_related("plan", "agency", "unit", "unit__agency", "target_agency")
    return _scoped(queryset, user)


def inspection_get_for_user(*, user: Any, pk: int) -> Inspection:
    inspection = inspection_list_for_user(user=user).filter(pk=pk).first()
    if inspection is None:
        raise Http404("Không tìm thấy cuộc kiểm tra.")
    return inspection


def finding_get_for_user(*, user: Any, pk: int) -> Finding:
    finding = (
        _scoped(Finding.objects.select_related("inspection"), user, "inspection__agency_id")
        .filter(pk=pk)
        .first()
    )
    if finding is None:
        raise Http404("Không tìm thấy tồn tại, hạn chế.")
    return finding


def inspectable_targets(agency: Agency) -> tuple[list[Unit], list[Agency]]:
    """What an agency may inspect: its own active units and the active agencies directly below it."""
    units = list(Unit.objects.filter(agency=agency, is_active=True).order_by("name"))
    children = list(Agency.objects.filter(parent=agency, is_active=True).order_by("name"))
    return units, children


# -- derived views ----------------------------------------------------------------------------------------------
@dataclass
class RemediationRow:
    remediation: Remediation
    status: str
    label: str


@dataclass
class FindingRow:
    finding: Finding
    state: str
    label: str
    remediations: list[RemediationRow] = field(default_factory=list)


def _task_status(task: Any, day: date) -> str:
    occurrences = [o for o in task.occurrences.all() if not o.not_applicable]
    if not occurrences:
        return task_status.status_from_dates(start=task.start_on, due=task.due_on, today=day)
    statuses = [occurrence_status(o, day) for o in occurrences]
    # The task is done only when every occurrence is; otherwise its most urgent occurrence speaks.
    if all(s in rules_of.DONE for s in statuses):
        return task_status.DONE_LATE if task_status.DONE_LATE in statuses else task_status.DONE_ON_TIME
    order = [
        task_status.OVERDUE,
        task_status.AWAITING_ACCEPTANCE,
        task_status.DUE_SOON,
        task_status.IN_PROGRESS,
    ]
    return next((s for s in order if s in statuses), statuses[0])


def finding_rows(inspection: Inspection, on: date | None = None) -> list[FindingRow]:
    """Each finding with its remediation tasks' live status and its own state (open, overdue, closed)."""
    day = on or timezone.localdate()
    rows = []
    findings = inspection.findings.prefetch_related(
        "remediations__task__occurrences",
        "remediations__task__lead_units",
        "remediations__task__accountable",
    )
    for finding in findings:
        items = []
        for remediation in finding.remediations.all():
            status = _task_status(remediation.task, day)
            items.append(RemediationRow(remediation, status, STATUS_LABELS.get(status, status)))
        state = rules_of.finding_state([item.status for item in items])
        rows.append(FindingRow(finding, state, rules_of.FINDING_LABELS[state], items))
    return rows


@dataclass
class PlanSummary:
    plan: InspectionPlan
    inspections: list[Inspection]
    targets_total: int
    planned: rules_of.Share
    inspected: rules_of.Share
    digital: rules_of.Share
    remediation: rules_of.RemediationTally
    findings_open: int


def plan_summary(plan: InspectionPlan, on: date | None = None) -> PlanSummary:
    """The plan's inspections and its figures: units planned and inspected against the target, the share of
    inspections done on the digital systems, findings remediated on time."""
    day = on or timezone.localdate()
    units, children = inspectable_targets(plan.agency)
    whole = len(units) + len(children)
    inspections = list(
        plan.inspections.select_related("unit", "target_agency").order_by("scheduled_on", "pk")
    )

    def key(inspection: Inspection) -> tuple[str, int | None]:
        return ("unit", inspection.unit_id) if inspection.unit_id else ("agency", inspection.target_agency_id)

    planned = {key(i) for i in inspections}
    held = [i for i in inspections if i.held_on is not None]
    inspected = {key(i) for i in held}
    digital = sum(1 for i in held if i.mode == rules_of.DIGITAL)
    all_rows = [row for inspection in held for row in finding_rows(inspection, day)]
    statuses = [[r.status for r in row.remediations] for row in all_rows]
    return PlanSummary(
        plan=plan,
        inspections=inspections,
        targets_total=whole,
        planned=rules_of.share(len(planned), whole, plan.unit_target),
        inspected=rules_of.share(len(inspected), whole, plan.unit_target),
        digital=rules_of.share(digital, len(held), plan.digital_target),
        remediation=rules_of.remediated_on_time(statuses),
        findings_open=sum(1 for row in all_rows if row.state != rules_of.CLOSED),
    )


def counts_for_period(*, agency_ids: list[int], start: date, end: date) -> dict[str, int]:
    """Inspection counts of a report period: inspections held, of them on the digital systems, findings made,
    findings closed (for the periodic CCHC reports)."""
    held = Inspection.objects.filter(agency_id__in=agency_ids, held_on__gte=start, held_on__lte=end)
    rows = [row for inspection in held for row in finding_rows(inspection, end)]
    return {
        "held": held.count(),
        "digital": held.filter(mode=rules_of.DIGITAL).count(),
        "findings": len(rows),
        "closed": sum(1 for row in rows if row.state == rules_of.CLOSED),
    }


# -- the catalogue indicators (apps.indicators, method "inspections") -------------------------------------------
INDICATOR_CODES = ("inspection_unit_rate", "inspection_digital_rate", "finding_remediated_on_time_rate")


@dataclass(frozen=True)
class IndicatorFigure:
    percent: Any  # Decimal | None
    numerator: int
    denominator: int
    provenance: str


def indicator_figure(
    *, code: str, agency_id: int, start: date, end: date, today: date
) -> IndicatorFigure | None:
    """One inspection indicator of an agency over a period, from its inspection plans of the period's years;
    None when the agency has no inspection plan for them (the entered measurement then counts)."""
    plans = list(
        InspectionPlan.objects.filter(
            agency_id=agency_id, year__gte=start.year, year__lte=end.year
        ).select_related("agency")
    )
    if not plans:
        return None
    on = min(today, end)
    summaries = [plan_summary(plan, on) for plan in plans]
    title = ", ".join(plan.title for plan in plans)
    if code == "inspection_unit_rate":
        part = sum(s.inspected.part for s in summaries)
        whole = sum(s.inspected.whole for s in summaries)
        share = rules_of.share(part, whole, plans[0].unit_target)
        return IndicatorFigure(share.percent, part, whole, f"Tính từ {title}")
    if code == "inspection_digital_rate":
        part = sum(s.digital.part for s in summaries)
        whole = sum(s.digital.whole for s in summaries)
        share = rules_of.share(part, whole, plans[0].digital_target)
        return IndicatorFigure(share.percent, part, whole, f"Tính từ {title}")
    on_time = sum(s.remediation.on_time for s in summaries)
    counted = sum(s.remediation.counted for s in summaries)
    return IndicatorFigure(rules_of.share(on_time, counted, 0).percent, on_time, counted, f"Tính từ {title}")
