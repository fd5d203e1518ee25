"""What a report says by default: its figures gathered once, the header it starts with, the text drafted from
the figures and the units' parts. The services store these texts when the focal point compiles; the document
writers use them for any part still empty, so a report can be written from the data alone (the CLI does)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan
from domain.documents.nd30_text import document_reference, short_date
from domain.documents.report_content import gap
from domain.inspections import report_sentence as inspection_report_sentence
from domain.periods import Period, parse_period
from domain.report_periods import (
    ANNUAL,
    EMULATION,
    HALF_YEAR,
    INSPECTION,
    MONTHLY,
    QUARTERLY,
    period_phrase,
    report_subject,
)
from domain.report_tasks import DONE_LATE, DONE_ON_TIME, IN_PROGRESS, OVERDUE, StatusCounts
from domain.report_text import (
    TaskMention,
    area_paragraph,
    closing_sentence,
    done_sentence,
    missing_unit_sentence,
    next_tasks_sentence,
    opening_sentence,
    overdue_sentence,
    overview_paragraph,
    unit_paragraph,
)

from . import sources
from .choices import PLAN_TYPES_OF_KIND, ContributionStatus, ReportStatus
from .models import Contribution, Report
from .selectors import recipients_setting

CCHC_KINDS = (MONTHLY, QUARTERLY, HALF_YEAR, ANNUAL)


@dataclass
class ReportFigures:
    """Everything a report counts, read once: tasks, units, plans, targets, dossiers, surveys."""

    report: Report
    period: Period
    start: date
    end: date
    as_of: date
    rows: list[sources.OccurrenceRow]
    areas: list[sources.GroupFigures]
    totals: StatusCounts
    units: list[Unit]
    unit_groups: list[sources.GroupFigures]
    plans: list[Plan]
    indicators: list[sources.IndicatorResult]
    indicators_note: str
    dossiers: sources.DossierSummary
    surveys: sources.SurveySummary
    communications: sources.CommunicationSummary = field(
        default_factory=lambda: sources.CommunicationSummary(available=False)
    )
    inspections: dict[str, int] = field(default_factory=dict)
    emulation: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> str:
        agency = self.report.agency
        return agency.short_name or agency.name

    @property
    def window_text(self) -> str:
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"


def report_figures(report: Report, *, today: date | None = None) -> ReportFigures:
    """The figures of ``report`` as they stood at its cut-off (or today, while its window is open)."""
    day = today or timezone.localdate()
    period = parse_period(report.period_code)
    start, end = report.window_start, report.window_end
    as_of = min(end, day)
    plan_types = PLAN_TYPES_OF_KIND.get(report.report_type)
    agency = report.agency
    rows = sources.task_occurrences(
        agency=agency, start=start, end=end, period_end=period.end, as_of=as_of, plan_types=plan_types
    )
    always = sources.CORE_AREAS if report.report_type in CCHC_KINDS else ()
    areas = sources.by_area(rows, always=always)
    totals = sum((group.counts for group in areas), StatusCounts())
    units = sources.agency_units(agency=agency)
    plans = sources.plans_of_period(agency=agency, start=start, end=end, plan_types=plan_types)
    dossiers = sources.dossier_summary(agency=agency, period=period, as_of=as_of)
    surveys = sources.survey_summary(agency=agency, start=start, end=end)
    indicators, note = sources.indicators_against_targets(
        agency=agency,
        plans=plans,
        period=period,
        end=end,
        as_of=as_of,
        dossiers=dossiers,
        surveys=surveys,
        totals=totals,
    )
    return ReportFigures(
        report=report,
        period=period,
        start=start,
        end=end,
        as_of=as_of,
        rows=rows,
        areas=areas,
        totals=totals,
        units=units,
        unit_groups=sources.by_unit(rows, units),
        plans=plans,
        indicators=indicators,
        indicators_note=note,
        dossiers=dossiers,
        surveys=surveys,
        communications=sources.communication_summary(agency=agency, start=start, end=end, as_of=as_of),
        inspections=sources.inspection_counts(agency=agency, start=start, end=end)
        if report.report_type in (*CCHC_KINDS, INSPECTION)
        else {},
        emulation=sources.emulation_lines(agency=agency, start=start, end=end)
        if report.report_type == EMULATION
        else [],
    )


# --- the header a new report starts with ------------------------------------------------------------------------


def _leaders_line(agency: Agency) -> str:
    if agency.level == AgencyLevel.COMMUNE:
        return "Chủ tịch, các Phó Chủ tịch UBND xã"
    if agency.level == AgencyLevel.DEPARTMENT:
        return "Giám đốc, các Phó Giám đốc Sở"
    return "Lãnh đạo cơ quan"


def default_recipients(agency: Agency) -> list[str]:
    """UBND tỉnh and Sở Nội vụ above, the agency's leaders, the archive copy at the focal unit."""
    lines = []
    if agency.parent is not None:
        lines.append(f"{agency.parent.name} (b/c)")
        overseer = (
            Agency.objects.filter(parent=agency.parent, name__icontains="Nội vụ")
            .exclude(pk=agency.pk)
            .first()
        )
        if overseer is not None:
            lines.append(f"{overseer.name} (t/h)")
    lines.append(_leaders_line(agency))
    focal = Unit.objects.filter(agency=agency, is_focal=True).first()
    lines.append(f"Lưu: VT, {focal.code}." if focal else "Lưu: VT.")
    return lines


def _last_signer(agency: Agency) -> tuple[str, str]:
    plan = Plan.objects.filter(agency=agency).exclude(signer="").order_by("-issued_on", "-pk").first()
    return (plan.signer, plan.signer_title) if plan else ("", "")


def report_defaults(*, agency: Agency, report_type: str, period_code: str) -> dict[str, object]:
    """The header of a new report: symbol BC-…, place, subject, signer of the agency's latest plan, recipients."""
    period = parse_period(period_code)
    signer, title = _last_signer(agency)
    recipients = recipients_setting(agency=agency, year=period.year, report_type=report_type)
    return {
        "symbol": f"BC-{agency.document_symbol}" if agency.document_symbol else "BC",
        "place": agency.place_name,
        "subject": report_subject(report_type, period),
        "signer": signer,
        "signer_title": title,
        "recipients": recipients or default_recipients(agency),
    }


# --- drafted text ---------------------------------------------------------------------------------------------


def _by_state(
    rows: Iterable[sources.OccurrenceRow],
) -> tuple[list[TaskMention], list[TaskMention], list[TaskMention]]:
    """Each task named once, in the order of the plan: overdue when any of its occurrences is (with the first
    overdue due date), else in progress when any is still open, else done."""
    tasks: dict[int, list[sources.OccurrenceRow]] = {}
    for row in rows:
        tasks.setdefault(row.task_id, []).append(row)
    done, in_progress, overdue = [], [], []
    for occurrences in tasks.values():
        first = occurrences[0]
        late = [row for row in occurrences if row.status == OVERDUE]
        if late:
            overdue.append(TaskMention(first.title, late[0].due_on, first.lead))
        elif any(row.status == IN_PROGRESS for row in occurrences):
            in_progress.append(TaskMention(first.title, first.due_on, first.lead))
        elif any(row.status in (DONE_ON_TIME, DONE_LATE) for row in occurrences):
            done.append(TaskMention(first.title, first.due_on, first.lead))
    return done, in_progress, overdue


def is_open_to_units(report: Report) -> bool:
    """Once units have been asked for their parts, a unit that sent nothing is marked in the text."""
    return report.status != ReportStatus.DRAFT or (report.pk is not None and report.contributions.exists())


def _submitted(contributions: Sequence[Contribution]) -> list[Contribution]:
    return [c for c in contributions if c.status == ContributionStatus.SUBMITTED]


def missing_units(
    figures: ReportFigures, contributions: Sequence[Contribution], *, area: str | None = None
) -> list[str]:
    """Units asked for a part that have not sent it; for an area, only those that lead tasks in it."""
    if not is_open_to_units(figures.report):
        return []
    waiting = [c for c in contributions if c.status != ContributionStatus.SUBMITTED]
    if area is None:
        return [c.unit.name for c in waiting]
    leading = {unit_id for row in figures.rows if row.area_code == area for unit_id in row.lead_unit_ids}
    return [c.unit.name for c in waiting if c.unit_id in leading]


def default_opening(figures: ReportFigures) -> str:
    report = figures.report
    lines = []
    for plan in figures.plans:
        issuer = plan.issuer or figures.issuer
        if plan.number:
            reference = document_reference(
                "Kế hoạch",
                number=plan.number,
                symbol=plan.symbol or None,
                issued_on=plan.issued_on,
                year=plan.year,
                issuer=issuer,
            )
        else:
            # The system does not know the plan's number: the author fills it in before signing.
            symbol = plan.symbol or f"KH-{report.agency.document_symbol or '…'}"
            reference = (
                f"Kế hoạch {gap(f'số …/{symbol}')} ngày {short_date(plan.issued_on, plan.year)} của {issuer}"
            )
        lines.append(f"Thực hiện {reference} về {' '.join(plan.title.split()).rstrip('.')};")
    lines.append(opening_sentence(figures.issuer, report.subject, figures.window_text))
    return "\n".join(lines)


def default_overview(figures: ReportFigures, contributions: Sequence[Contribution]) -> str:
    lines = [overview_paragraph(figures.issuer, figures.totals, len(figures.plans))]
    if figures.report.report_type == INSPECTION:
        # The inspection summary says first what was inspected, then how the remediation tasks stand.
        inspected = inspection_report_sentence(issuer=figures.issuer, **figures.inspections)
        lines.insert(
            0, inspected or f"Trong kỳ, {figures.issuer} chưa ghi nhận cuộc kiểm tra CCHC nào trên hệ thống."
        )
    # The emulation report tells the movements first: registrations, ranking, initiatives, awards (apps.rewards).
    lines[:0] = figures.emulation
    missing = missing_units(figures, contributions)
    if missing:
        lines.append(missing_unit_sentence(missing))
    return "\n".join(lines)


def _merged_unit_lines(parts: Sequence[tuple[str, str]]) -> list[str]:
    """The units' lines in order; lines that say the same after "Unit name: " become one line naming every
    unit ("Phòng A, Phòng B: đang thực hiện …"), as a task several units lead is told once."""
    order: list[str] = []
    holders: dict[str, list[str]] = {}
    for unit, text in parts:
        for raw in text.splitlines():
            line = raw.strip()
            if not line:
                continue
            prefix = f"{unit}: "
            key = line[len(prefix) :] if unit and line.startswith(prefix) else line
            if key not in holders:
                order.append(key)
                holders[key] = []
            if unit and line.startswith(prefix) and unit not in holders[key]:
                holders[key].append(unit)
    return [f"{', '.join(holders[key])}: {key}" if holders[key] else key for key in order]


def default_section(
    figures: ReportFigures, group: sources.GroupFigures, contributions: Sequence[Contribution]
) -> str:
    lines = [area_paragraph(figures.issuer, group.counts)]
    if group.key == "direction" and figures.inspections and figures.report.report_type in CCHC_KINDS:
        inspected = inspection_report_sentence(issuer=figures.issuer, **figures.inspections)
        if inspected:
            lines.append(inspected)
    written = {
        c.unit_id: (c.sections or {}).get(group.key, "").strip()
        for c in _submitted(contributions)
        if (c.sections or {}).get(group.key, "").strip()
    }
    # A unit that wrote its part tells of its own tasks; the drafted sentences cover the others' tasks.
    others = [row for row in group.rows if not set(row.lead_unit_ids) & set(written)]
    done, _, overdue = _by_state(others)
    for sentence in (done_sentence(done), overdue_sentence(overdue)):
        if sentence:
            lines.append(sentence)
    names = {c.unit_id: c.unit.name for c in contributions}
    lines.extend(_merged_unit_lines([(names.get(unit_id, ""), text) for unit_id, text in written.items()]))
    missing = missing_units(figures, contributions, area=group.key)
    if missing:
        lines.append(missing_unit_sentence(missing))
    return "\n".join(lines)


def default_strengths(figures: ReportFigures) -> str:
    rate = figures.totals.on_time_rate
    lines = []
    if rate is not None and figures.totals.done:
        lines.append(f"Tỷ lệ hoàn thành đúng hạn các nhiệm vụ đã đến hạn đạt {str(rate).replace('.', ',')}%.")
    lines.append(gap("Nêu những kết quả nổi bật, cách làm hay trong kỳ."))
    return "\n".join(lines)


def _unit_lines(contributions: Sequence[Contribution], field: str) -> list[str]:
    lines = []
    for contribution in _submitted(contributions):
        text = " ".join(getattr(contribution, field).split())
        if text:
            lines.append(f"- {contribution.unit.name}: {text}")
    return lines


def default_weaknesses(figures: ReportFigures, contributions: Sequence[Contribution]) -> str:
    lines = []
    overdue = figures.totals.overdue
    if overdue:
        lines.append(
            f"Còn {overdue} lượt nhiệm vụ quá hạn chưa hoàn thành; nguyên nhân: {gap('nêu nguyên nhân')}."
        )
    lines += _unit_lines(contributions, "difficulties")
    if not lines:
        lines.append(gap("Nêu tồn tại, hạn chế và nguyên nhân."))
    return "\n".join(lines)


def default_next_tasks(figures: ReportFigures) -> str:
    _, in_progress, overdue = _by_state(figures.rows)
    open_tasks = overdue + in_progress
    sentence = next_tasks_sentence(open_tasks)
    lines = [sentence] if sentence else []
    lines.append(gap("Bổ sung nhiệm vụ trọng tâm của kỳ tới."))
    return "\n".join(lines)


def default_proposals(contributions: Sequence[Contribution]) -> str:
    return "\n".join(_unit_lines(contributions, "proposals"))


def default_closing(figures: ReportFigures) -> str:
    return closing_sentence(figures.issuer, f"{figures.report.subject}")


def compiled_texts(figures: ReportFigures, contributions: Sequence[Contribution]) -> dict[str, object]:
    """Every text field of the report drafted from the figures and the units' parts."""
    return {
        "opening": default_opening(figures),
        "overview": default_overview(figures, contributions),
        "sections": {group.key: default_section(figures, group, contributions) for group in figures.areas},
        "strengths": default_strengths(figures),
        "weaknesses": default_weaknesses(figures, contributions),
        "next_tasks": default_next_tasks(figures),
        "proposals": default_proposals(contributions),
        "closing": default_closing(figures),
    }


# --- a unit's part, pre-filled ------------------------------------------------------------------------------------


def unit_prefill(figures: ReportFigures, unit: Unit) -> tuple[dict[str, str], dict[str, object]]:
    """The text per area a unit starts from, and the figures it is shown: its tasks and, where the dossiers
    app has them, its dossier rates."""
    group = next((g for g in figures.unit_groups if g.key == str(unit.pk)), None)
    rows = group.rows if group else []
    sections: dict[str, str] = {}
    by_area: dict[str, dict[str, int]] = {}
    for area in sources.by_area(rows):
        done, in_progress, overdue = _by_state(area.rows)
        sections[area.key] = unit_paragraph(unit.name, done=done, in_progress=in_progress, overdue=overdue)
        counts = area.counts
        by_area[area.key] = {
            "total": counts.total,
            "on_time": counts.on_time,
            "late": counts.late,
            "overdue": counts.overdue,
            "in_progress": counts.in_progress,
        }
    totals = group.counts if group else StatusCounts()
    data: dict[str, object] = {
        "total": totals.total,
        "on_time": totals.on_time,
        "late": totals.late,
        "overdue": totals.overdue,
        "in_progress": totals.in_progress,
        "by_area": by_area,
    }
    dossiers = sources.dossier_summary(
        agency=figures.report.agency, period=figures.period, as_of=figures.as_of, unit=unit
    )
    if dossiers.has_data:
        data["dossiers"] = {
            "resolved": dossiers.resolved,
            "on_time": dossiers.on_time,
            "late": dossiers.late,
            "overdue": dossiers.overdue,
            "on_time_rate": str(dossiers.values.get("dossier_on_time_rate") or ""),
        }
    return sections, data


def subject_phrase(report: Report) -> str:
    return period_phrase(parse_period(report.period_code))
