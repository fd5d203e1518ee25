"""Every write of reports: the schedule, a report's life from draft to sent, the units' parts, templates, files.

Each service checks the permission it needs, validates, and saves in one transaction; bad input raises a
ValidationError with a Vietnamese message and nothing is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment
from apps.core.uploads import Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.notifications.choices import NotificationKind
from apps.notifications.services import notify
from apps.organizations.models import Agency
from domain.documents.report_template import check_template
from domain.periods import PeriodError, parse_period
from domain.report_periods import REPORT_KINDS

from . import compilation
from .choices import TRANSITIONS, ContributionStatus, PeriodKind, ReportStatus
from .models import Contribution, Report, ReportFile, ReportSchedule, ReportTemplate
from .selectors import contribution_list, report_period_of

TEXT_FIELDS = ("opening", "overview", "strengths", "weaknesses", "next_tasks", "proposals", "closing")
HEADER_FIELDS = ("number", "symbol", "issued_on", "place", "subject", "signer", "signer_title", "recipients")
_PERIODS_PER_YEAR = {"month": 12, "quarter": 4, "half": 2, "year": 1}


def _require(user: Any, permission: str, obj: Any, message: str) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied(message)


# --- the schedule ----------------------------------------------------------------------------------------------


@transaction.atomic
def schedule_save(
    *,
    agency: Agency,
    year: int,
    report_type: str,
    user: Any,
    enabled: bool,
    period_kind: str,
    periods: list[int],
    cutoff_day: int,
    deadline_day: int,
    deadline_offset_months: int,
    recipients: list[str] | None = None,
    expected_version: int | None = None,
) -> ReportSchedule:
    """An agency's settings for one kind of report in one year; `expected_version` 0: none saved yet."""
    _require(user, "reports.manage_report", agency, "Bạn không có quyền đặt lịch báo cáo của cơ quan này.")
    errors: dict[str, str] = {}
    if report_type not in REPORT_KINDS:
        errors["report_type"] = "Loại báo cáo không hợp lệ."
    if period_kind not in PeriodKind.values:
        errors["period_kind"] = "Kỳ báo cáo không hợp lệ."
    count = _PERIODS_PER_YEAR.get(period_kind, 1)
    if any(not 1 <= n <= count for n in periods):
        errors["periods"] = f"Các kỳ phải từ 1 đến {count}."
    if enabled and not periods:
        errors["periods"] = "Chọn ít nhất một kỳ phải báo cáo, hoặc bỏ chọn “phải báo cáo”."
    if not 0 <= cutoff_day <= 28:
        errors["cutoff_day"] = "Ngày chốt số liệu từ 0 (theo tháng dương lịch) đến 28."
    if not 1 <= deadline_day <= 31:
        errors["deadline_day"] = "Ngày hạn gửi từ 1 đến 31."
    if not -11 <= deadline_offset_months <= 3:
        errors["deadline_offset_months"] = "Lệch tháng của hạn gửi từ −11 đến 3."
    if not 2000 <= year <= 2100:
        errors["year"] = "Năm không hợp lệ."
    if errors:
        raise ValidationError(errors)
    saved = (
        ReportSchedule.objects.select_for_update()
        .filter(agency=agency, year=year, report_type=report_type)
        .first()
    )
    version_check(saved, expected_version)
    schedule = saved or ReportSchedule(agency=agency, year=year, report_type=report_type)
    schedule.enabled, schedule.period_kind = enabled, period_kind
    schedule.periods = sorted(set(periods))
    schedule.cutoff_day, schedule.deadline_day = cutoff_day, deadline_day
    schedule.deadline_offset_months = deadline_offset_months
    schedule.recipients = [line.strip() for line in recipients or [] if line.strip()]
    versioned_save(schedule, expected_version=expected_version)
    return schedule


@transaction.atomic
def schedule_reset(*, agency: Agency, year: int, report_type: str, user: Any) -> None:
    """Back to the shipped rule for this kind and year."""
    _require(user, "reports.manage_report", agency, "Bạn không có quyền đặt lịch báo cáo của cơ quan này.")
    ReportSchedule.objects.filter(agency=agency, year=year, report_type=report_type).delete()


# --- a report's life -------------------------------------------------------------------------------------------


def report_build(*, agency: Agency, report_type: str, period_code: str) -> Report:
    """An unsaved report with its window, deadline and header from the agency's schedule (the CLI uses it too)."""
    if report_type not in REPORT_KINDS:
        raise ValidationError({"report_type": "Loại báo cáo không hợp lệ."})
    try:
        period = parse_period(period_code)
        due = report_period_of(agency=agency, report_type=report_type, period_code=period.code)
    except PeriodError as error:
        raise ValidationError({"period_code": str(error)}) from error
    return Report(
        agency=agency,
        report_type=report_type,
        period_code=period.code,
        window_start=due.window_start,
        window_end=due.window_end,
        deadline=due.deadline,
        **compilation.report_defaults(agency=agency, report_type=report_type, period_code=period.code),
    )


@transaction.atomic
def report_create(*, agency: Agency, report_type: str, period_code: str, user: Any) -> Report:
    """Start the report of a period as a draft."""
    _require(user, "reports.manage_report", agency, "Bạn không có quyền lập báo cáo của cơ quan này.")
    report = report_build(agency=agency, report_type=report_type, period_code=period_code)
    if Report.objects.filter(agency=agency, report_type=report_type, period_code=report.period_code).exists():
        raise ValidationError(f"{report.title} đã được lập.")
    report.created_by = user if getattr(user, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(f"{report.title} đã được lập.") from error
    return report


def _locked(report: Report, expected_version: int | None = None) -> Report:
    locked = (
        Report.objects.select_for_update(of=("self",))
        .select_related("agency", "agency__parent")
        .get(pk=report.pk)
    )
    version_check(locked, expected_version)
    return locked


def _move(report: Report, target: str) -> None:
    if target not in TRANSITIONS.get(report.status, ()):
        raise ValidationError(
            f"Báo cáo đang ở trạng thái “{ReportStatus(report.status).label}”, "
            f"không chuyển sang “{ReportStatus(target).label}” được."
        )
    report.status = target


def _save(report: Report) -> Report:
    versioned_save(report)
    return report


@transaction.atomic
def report_open_to_units(*, report: Report, user: Any) -> Report:
    """Ask every active unit for its part, each pre-filled with its own tasks of the period."""
    _require(user, "reports.manage_report", report, "Bạn không có quyền lập báo cáo của cơ quan này.")
    report = _locked(report)
    _move(report, ReportStatus.CONTRIBUTING)
    figures = compilation.report_figures(report)
    existing = set(report.contributions.values_list("unit_id", flat=True))
    new = []
    for unit in figures.units:
        if unit.pk in existing:
            continue
        sections, data = compilation.unit_prefill(figures, unit)
        new.append(Contribution(report=report, unit=unit, sections=sections, figures=data))
    Contribution.objects.bulk_create(new)
    return _save(report)


def _text(value: Any) -> str:
    return "\n".join(line.rstrip() for line in str(value or "").replace("\r\n", "\n").split("\n")).strip()


@transaction.atomic
def contribution_save(
    *,
    contribution: Contribution,
    user: Any,
    sections: dict[str, str],
    difficulties: str = "",
    proposals: str = "",
    submit: bool = False,
    expected_version: int | None = None,
) -> Contribution:
    """A unit saves (or sends) its part; a sent part can still be corrected until the report is compiled."""
    _require(
        user,
        "reports.contribute",
        contribution,
        "Bạn không thuộc đơn vị này nên không sửa được nội dung của đơn vị.",
    )
    locked = (
        Contribution.objects.select_for_update(of=("self",))
        .select_related("report", "unit")
        .get(pk=contribution.pk)
    )
    version_check(locked, expected_version)
    if locked.report.status not in (ReportStatus.DRAFT, ReportStatus.CONTRIBUTING):
        raise ValidationError(
            "Báo cáo đã được tổng hợp; đề nghị đầu mối mở lại nếu cần sửa nội dung của đơn vị."
        )
    locked.sections = {key: _text(value) for key, value in sections.items() if _text(value)}
    locked.difficulties = _text(difficulties)
    locked.proposals = _text(proposals)
    if submit:
        if not locked.sections and not locked.difficulties and not locked.proposals:
            raise ValidationError("Nội dung của đơn vị đang trống; hãy viết ít nhất một phần trước khi gửi.")
        locked.status = ContributionStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        locked.submitted_by = user
    elif locked.status == ContributionStatus.PENDING:
        locked.status = ContributionStatus.DRAFT
    versioned_save(locked)
    return locked


@transaction.atomic
def report_compile(*, report: Report, user: Any) -> Report:
    """Draft every text of the report from the figures and the parts the units sent; the focal point edits
    them afterwards. A unit that sent nothing is marked in the text where its part should be."""
    _require(user, "reports.manage_report", report, "Bạn không có quyền lập báo cáo của cơ quan này.")
    report = _locked(report)
    _move(report, ReportStatus.COMPILED)
    figures = compilation.report_figures(report)
    texts = compilation.compiled_texts(figures, list(contribution_list(report=report)))
    for name in TEXT_FIELDS:
        setattr(report, name, texts[name])
    report.sections = texts["sections"]
    report.compiled_at = timezone.now()
    report = _save(report)
    _notify_leaders_to_approve(report)
    return report


def _notify_leaders_to_approve(report: Report) -> None:
    """The agency's leaders learn that a compiled report waits for their approval (once per compile)."""
    leaders = {
        assignment.user
        for assignment in RoleAssignment.objects.filter(
            agency_id=report.agency_id, role=Role.LEADER, user__is_active=True
        ).select_related("user")
    }
    stamp = report.compiled_at.strftime("%Y%m%d%H%M%S%f") if report.compiled_at else ""
    for leader in leaders:
        notify(
            user=leader,
            kind=NotificationKind.REPORT,
            title=f"{report.title} chờ duyệt",
            body=(
                f"{report.title} của {report.agency.name} đã được tổng hợp, hạn gửi "
                f"{report.deadline:%d/%m/%Y}. Hãy đọc lại và duyệt để đầu mối gửi đi."
            ),
            url=reverse("reports:report_detail", args=[report.pk]),
            dedupe_key=f"report:{report.pk}:approve:{stamp}:{leader.pk}",
        )


@transaction.atomic
def report_update(
    *, report: Report, user: Any, expected_version: int | None = None, **changes: Any
) -> Report:
    """The focal point edits the header and any text freely (not once the report is sent)."""
    _require(user, "reports.manage_report", report, "Bạn không có quyền sửa báo cáo của cơ quan này.")
    report = _locked(report, expected_version)
    if report.status == ReportStatus.SENT:
        raise ValidationError("Báo cáo đã gửi, không sửa được nữa.")
    for name, value in changes.items():
        if name in TEXT_FIELDS:
            setattr(report, name, _text(value))
        elif name == "sections":
            report.sections = {key: _text(text) for key, text in (value or {}).items()}
        elif name == "recipients":
            report.recipients = [line.strip() for line in value or [] if line.strip()]
        elif name in HEADER_FIELDS:
            setattr(report, name, value.strip() if isinstance(value, str) else value)
        else:
            raise ValidationError(f"Không sửa được trường “{name}”.")
    if not report.subject.strip():
        raise ValidationError({"subject": "Trích yếu không được để trống."})
    report.full_clean(exclude=["agency", "approved_by", "sent_by", "created_by"])
    return _save(report)


@transaction.atomic
def report_approve(*, report: Report, user: Any) -> Report:
    _require(user, "reports.approve_report", report, "Chỉ lãnh đạo cơ quan duyệt được báo cáo.")
    report = _locked(report)
    _move(report, ReportStatus.APPROVED)
    report.approved_by, report.approved_at = user, timezone.now()
    return _save(report)


@transaction.atomic
def report_reopen(*, report: Report, user: Any) -> Report:
    """One step back: an approved report to compiled (to edit it), a compiled one to the units."""
    _require(user, "reports.manage_report", report, "Bạn không có quyền sửa báo cáo của cơ quan này.")
    report = _locked(report)
    target: dict[str, str] = {
        ReportStatus.APPROVED: ReportStatus.COMPILED,
        ReportStatus.COMPILED: ReportStatus.CONTRIBUTING,
    }
    if report.status not in target:
        raise ValidationError("Báo cáo ở trạng thái này không mở lại được.")
    _move(report, target[report.status])
    if report.status == ReportStatus.COMPILED:
        report.approved_by, report.approved_at = None, None
    return _save(report)


def report_number_clean(*, report: Report, entered: str) -> str:
    """The number part of what was typed: "125/BC-SXD", written as on paper, is number 125 of a report whose
    symbol is BC-SXD (the symbol is added when the reference is shown); another symbol is a mistake."""
    number, slash, rest = entered.strip().partition("/")
    if not slash or not report.symbol:
        return entered.strip()

    def squeezed(text: str) -> str:
        return "".join(text.split()).lower()

    if squeezed(rest) != squeezed(report.symbol):
        raise ValidationError(
            {
                "number": f"Ký hiệu “{rest.strip()}” khác ký hiệu của báo cáo “{report.symbol}”: chỉ nhập số "
                "(ví dụ 125), hoặc sửa ký hiệu ở “Sửa nội dung”."
            }
        )
    return number.strip()


@transaction.atomic
def report_mark_sent(
    *,
    report: Report,
    user: Any,
    sent_on: date,
    number: str,
    issued_on: date | None = None,
    document: bytes | None = None,
    file_name: str = "",
) -> Report:
    """Record that the approved report went out (its number, date), keeping the Word file as it was sent."""
    _require(user, "reports.manage_report", report, "Bạn không có quyền gửi báo cáo của cơ quan này.")
    report = _locked(report)
    number = report_number_clean(report=report, entered=number)
    errors: dict[str, str] = {}
    today = timezone.localdate()
    if sent_on > today:
        errors["sent_on"] = "Ngày gửi không thể ở tương lai."
    if not number.strip():
        errors["number"] = "Nhập số của báo cáo (phần số trước ký hiệu, ví dụ 15)."
    elif len(number.strip()) > 16:
        errors["number"] = "Số báo cáo quá dài."
    if issued_on is not None and issued_on > sent_on:
        errors["issued_on"] = "Ngày ban hành phải trước hoặc bằng ngày gửi."
    if errors:
        raise ValidationError(errors)
    _move(report, ReportStatus.SENT)
    report.number = number.strip()
    report.issued_on = issued_on or sent_on
    report.sent_on, report.sent_by = sent_on, user
    report = _save(report)
    if document is not None:
        report_file_store(
            report=report,
            kind=ReportFile.DOCX,
            name=file_name or "bao-cao.docx",
            data=document,
            user=user,
            note="Bản đã gửi",
        )
    return report


def report_file_store(
    *, report: Report, kind: str, name: str, data: bytes, user: Any = None, note: str = ""
) -> ReportFile:
    stored = ReportFile(
        report=report,
        kind=kind,
        note=note[:255],
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    stored.file.save(name, ContentFile(data), save=False)
    stored.save()
    return stored


# --- templates ---------------------------------------------------------------------------------------------


@transaction.atomic
def template_upload(*, agency: Agency, report_type: str, name: str, data: Any, user: Any) -> ReportTemplate:
    """Save an agency's template after trying it on a sample report; one that cannot render is refused
    with the reasons, one that renders with marked gaps is kept with them listed.

    ``data`` (bytes or the uploaded file) passes the upload gate first: a .docx by its content, within the
    template's size and inflation limits, without programs or macros; docxtpl only opens what passed.
    """
    _require(user, "reports.manage_report", agency, "Bạn không có quyền đổi mẫu báo cáo của cơ quan này.")
    if report_type and report_type not in REPORT_KINDS:
        raise ValidationError({"report_type": "Loại báo cáo không hợp lệ."})
    checked = upload_check(data, use=Use.TEMPLATE, name=name, field="file")
    result = check_template(checked.read())
    if result.data is None:
        raise ValidationError({"file": result.problems or ["Không dùng được tệp mẫu này."]})
    ReportTemplate.objects.filter(agency=agency, report_type=report_type, is_active=True).update(
        is_active=False
    )
    template = ReportTemplate(
        agency=agency,
        report_type=report_type,
        original_name=checked.name[:255],
        problems=result.problems,
        uploaded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    template.file.save(checked.stored_name, checked.django_file(), save=False)
    template.save()
    return template


@transaction.atomic
def template_deactivate(*, template: ReportTemplate, user: Any) -> ReportTemplate:
    _require(
        user, "reports.manage_report", template.agency, "Bạn không có quyền đổi mẫu báo cáo của cơ quan này."
    )
    template.is_active = False
    template.save(update_fields=["is_active"])
    return template
