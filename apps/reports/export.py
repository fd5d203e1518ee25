"""A stored report as the values the document writers take, and its files: Word, Excel annex, PDF.

The Word file comes from the agency's template when it has one (docxtpl, broken parts marked), otherwise — or
when the template cannot be used at all — from the built-in Nghị định 30 writer; what went wrong with a template
is returned for the page to say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from domain.documents.pdf_convert import docx_to_pdf
from domain.documents.report_content import (
    AnnexOccurrence,
    AnnexTask,
    AreaSection,
    ChannelLine,
    DossierLine,
    IndicatorLine,
    ReportContent,
    SurveyLine,
    UnitLine,
    number_text,
    percent_text,
)
from domain.documents.report_docx import report_to_docx
from domain.documents.report_template import render_template
from domain.documents.report_xlsx import report_to_xlsx
from domain.report_tasks import DONE_LATE, DONE_ON_TIME, OVERDUE, STATUS_LABELS, tally

from . import sources
from .choices import ContributionStatus, ReportType
from .compilation import (
    ReportFigures,
    compiled_texts,
    is_open_to_units,
    missing_units,
    report_figures,
    subject_phrase,
)
from .models import Contribution, Report
from .selectors import active_template, contribution_list

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _contributions(report: Report) -> list[Contribution]:
    return list(contribution_list(report=report)) if report.pk else []


def _annex(rows: Sequence[sources.OccurrenceRow]) -> tuple[AnnexTask, ...]:
    """One appendix line per task: its single result, or the tally of its occurrences in the period."""
    tasks: dict[int, list[sources.OccurrenceRow]] = {}
    for row in rows:
        tasks.setdefault(row.task_id, []).append(row)
    lines = []
    for occurrences in tasks.values():
        first = occurrences[0]
        if len(occurrences) == 1:
            result = STATUS_LABELS[first.status]
            if first.status in (DONE_ON_TIME, DONE_LATE) and (
                first.facts.completed_on or first.facts.accepted_on
            ):
                result += f" ({(first.facts.completed_on or first.facts.accepted_on):%d/%m/%Y})"
        else:
            counts = tally(row.status for row in occurrences)
            parts = [
                f"{counts.on_time} đúng hạn" if counts.on_time else "",
                f"{counts.late} trễ hạn" if counts.late else "",
                f"{counts.overdue} quá hạn" if counts.overdue else "",
                f"{counts.in_progress} đang thực hiện" if counts.in_progress else "",
            ]
            result = f"{counts.total} kỳ: " + ", ".join(part for part in parts if part)
        overdue = [row.label or f"{row.due_on:%d/%m/%Y}" for row in occurrences if row.status == OVERDUE]
        note = f"Quá hạn: {', '.join(overdue)}" if overdue else ""
        timeline = first.timeline or first.label or f"{first.due_on:%d/%m/%Y}"
        lines.append(AnnexTask(first.area_name, first.ref, first.title, first.lead, timeline, result, note))
    return tuple(lines)


def _occurrences(rows: Sequence[sources.OccurrenceRow]) -> tuple[AnnexOccurrence, ...]:
    return tuple(
        AnnexOccurrence(
            area=row.area_name,
            plan=row.plan_label,
            ref=row.ref,
            title=row.title,
            label=row.label,
            lead=row.lead,
            start_on=row.facts.start_on,
            due_on=row.due_on,
            completed_on=row.facts.completed_on,
            accepted_on=row.facts.accepted_on if row.status in (DONE_ON_TIME, DONE_LATE) else None,
            percent=row.percent,
            status=STATUS_LABELS[row.status],
            detail=row.detail,
        )
        for row in rows
    )


def _unit_lines(figures: ReportFigures, contributions: Sequence[Contribution]) -> tuple[UnitLine, ...]:
    by_unit = {c.unit_id: c for c in contributions}
    lines = []
    for group in figures.unit_groups:
        contribution = by_unit.get(int(group.key))
        if contribution is None:
            state = "Không yêu cầu" if not contributions else "Chưa được giao"
        elif contribution.status == ContributionStatus.SUBMITTED and contribution.submitted_at:
            state = f"Đã gửi {contribution.submitted_at:%d/%m/%Y}"
        else:
            state = str(ContributionStatus(contribution.status).label)
        lines.append(UnitLine(group.name, group.counts, state))
    return tuple(lines)


def _dossier_note(figures: ReportFigures) -> str:
    dossiers = figures.dossiers
    if not dossiers.available:
        return "[[Hệ thống chưa có dữ liệu hồ sơ thủ tục hành chính; bổ sung số liệu từ hệ thống một cửa.]]"
    if not dossiers.has_data:
        return "[[Chưa có dữ liệu hồ sơ thủ tục hành chính trong kỳ; bổ sung số liệu từ hệ thống một cửa.]]"
    on_time = dossiers.values.get("dossier_on_time_rate")
    return (
        f"Số liệu {dossiers.months}: tiếp nhận {number_text(dossiers.received)} hồ sơ, giải quyết "
        f"{number_text(dossiers.resolved)} hồ sơ, trong đó đúng và trước hạn {number_text(dossiers.on_time)} "
        f"({percent_text(on_time)}), trễ hạn {number_text(dossiers.late)}; {number_text(dossiers.overdue)} hồ sơ "
        "quá hạn chưa giải quyết tại thời điểm báo cáo."
    )


def _survey_note(figures: ReportFigures) -> str:
    surveys = figures.surveys
    if not surveys.available or (surveys.rate is None and not surveys.rows):
        return "[[Chưa có kết quả khảo sát mức độ hài lòng trong kỳ.]]"
    if surveys.rate is None:
        return "Các đợt khảo sát trong kỳ chưa có phiếu trả lời."
    margin = f" (sai số ±{percent_text(surveys.margin)})" if surveys.margin is not None else ""
    return (
        f"Trong kỳ có {number_text(surveys.responses)} phiếu khảo sát hợp lệ; tỷ lệ hài lòng chung đạt "
        f"{percent_text(surveys.rate)}{margin}."
    )


def _communication_note(figures: ReportFigures) -> str:
    """What the register of articles says for the period: articles per channel, months meeting the plan's target,
    content areas covered, events held."""
    summary = figures.communications
    if not summary.available or (not summary.articles and not summary.events):
        return "[[Chưa có tin, bài tuyên truyền CCHC được ghi sổ trong kỳ.]]"
    parts = [f"Trong kỳ đã đăng {number_text(summary.articles)} tin, bài tuyên truyền CCHC"]
    if summary.channels:
        parts[0] += (
            " ("
            + "; ".join(f"{line.channel}: {number_text(line.articles)}" for line in summary.channels)
            + ")"
        )
    if summary.months_checked:
        parts.append(
            f"{summary.months_met}/{summary.months_checked} tháng đạt chỉ tiêu số tin, bài của kế hoạch tuyên truyền"
        )
    if summary.areas_total:
        parts.append(
            f"{summary.areas_covered}/{summary.areas_total} nội dung tuyên truyền của kế hoạch đã có tin, bài"
        )
    if summary.events:
        parts.append(
            f"tổ chức {number_text(summary.events)} hội nghị, tập huấn với {number_text(summary.attendance)} lượt "
            "người tham dự"
        )
    return "; ".join(parts) + "."


def report_content(report: Report, figures: ReportFigures | None = None) -> ReportContent:
    """The report as the writers print it: stored texts where the focal point wrote them, drafts elsewhere."""
    figures = figures or report_figures(report)
    contributions = _contributions(report)
    drafted = compiled_texts(figures, contributions)
    stored_sections = report.sections or {}
    drafted_sections: dict[str, str] = drafted["sections"]  # type: ignore[assignment]

    def text(name: str) -> str:
        value = getattr(report, name) or ""
        return value if value.strip() else str(drafted[name])

    agency = report.agency
    governing = agency.parent.name if agency.parent else None
    return ReportContent(
        governing_body=governing,
        issuing_body=figures.issuer,
        number=report.number or None,
        symbol=report.symbol or None,
        place=report.place or agency.place_name,
        issued_on=report.issued_on,
        year=(report.issued_on.year if report.issued_on else report.deadline.year),
        subject=report.subject,
        period_label=subject_phrase(report),
        window_text=figures.window_text,
        opening=tuple(line for line in text("opening").splitlines() if line.strip()),
        overview=text("overview"),
        totals=figures.totals,
        areas=tuple(
            AreaSection(
                group.key,
                group.name,
                group.counts,
                (stored_sections.get(group.key, "").strip() and stored_sections[group.key])
                or drafted_sections[group.key],
            )
            for group in figures.areas
        ),
        indicators=tuple(
            IndicatorLine(line.text, line.target, line.value_text, line.status_label, line.source)
            for line in figures.indicators
        ),
        indicators_note=figures.indicators_note,
        dossiers=tuple(
            DossierLine(row.procedure, row.resolved, row.on_time, row.late, row.overdue, row.apologised)
            for row in figures.dossiers.rows
        ),
        dossiers_note=_dossier_note(figures),
        surveys=tuple(
            SurveyLine(row.title, row.period, row.responses, percent_text(row.rate))
            for row in figures.surveys.rows
        ),
        surveys_note=_survey_note(figures),
        communications=tuple(
            ChannelLine(line.channel, line.articles) for line in figures.communications.channels
        ),
        communications_note=_communication_note(figures),
        strengths=text("strengths"),
        weaknesses=text("weaknesses"),
        next_tasks=text("next_tasks"),
        proposals=text("proposals"),
        closing=text("closing"),
        signer_title=report.signer_title or None,
        signer=report.signer or None,
        recipients=tuple(report.recipients or ()),
        annex=_annex(figures.rows),
        missing_units=tuple(missing_units(figures, contributions)) if is_open_to_units(report) else (),
        occurrences=_occurrences(figures.rows),
        units=_unit_lines(figures, contributions),
    )


@dataclass
class WordFile:
    """The Word file of a report, and what the author should know about how it was made."""

    data: bytes
    used_template: str = ""
    problems: list[str] = field(default_factory=list)


def report_docx(report: Report, content: ReportContent | None = None) -> WordFile:
    content = content or report_content(report)
    template = active_template(agency=report.agency, report_type=report.report_type) if report.pk else None
    if template is not None:
        try:
            with template.file.open("rb") as handle:
                stored = handle.read()
        except OSError:
            return WordFile(
                report_to_docx(content), "", ["Không đọc được tệp mẫu của cơ quan; đã dùng mẫu mặc định."]
            )
        result = render_template(stored, content)
        if result.data is not None:
            return WordFile(result.data, template.original_name, result.problems)
        return WordFile(report_to_docx(content), "", result.problems)
    return WordFile(report_to_docx(content))


def report_xlsx(report: Report, content: ReportContent | None = None) -> bytes:
    return report_to_xlsx(content or report_content(report))


def report_pdf(report: Report) -> bytes:
    """The PDF of the Word file; raises ``PdfUnavailable`` with the reason when LibreOffice cannot make it."""
    return docx_to_pdf(report_docx(report).data)


# The report types as the file name says them (ASCII Vietnamese, so every browser and mail client keeps it).
FILE_WORDS: dict[str, str] = {
    ReportType.MONTHLY: "thang",
    ReportType.QUARTERLY: "quy",
    ReportType.HALF_YEAR: "6-thang",
    ReportType.ANNUAL: "nam",
    ReportType.COMMUNICATION: "tuyen-truyen",
    ReportType.EMULATION: "thi-dua",
    ReportType.INSPECTION: "kiem-tra",
}


def file_name(report: Report, extension: str) -> str:
    """ "bao-cao-nam-2026-DLK-SXD.docx": ASCII, so every browser and mail client keeps it."""
    word = FILE_WORDS.get(report.report_type, "cchc")
    return f"bao-cao-{word}-{report.period_code}-{report.agency.code}.{extension}".replace("/", "-")
