"""Report pages: the agency's report calendar, a report with its units' parts, preview and downloads, the
schedule, templates, and the province view of who has sent."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.files import file_response
from apps.core.ids import parse_id, parse_int
from apps.jobs.choices import JobKind
from apps.jobs.services import job_create, job_enqueue
from apps.organizations.selectors import agency_get_for_user, agency_list_for_user
from domain.documents.pdf_convert import soffice_path
from domain.documents.report_content import split_gaps
from domain.documents.report_template import PLACEHOLDERS, default_template_docx
from domain.periods import PeriodError, parse_period
from domain.report_periods import DEFAULT_RULES, REPORT_KINDS

from . import export, selectors, services
from .background import report_pdf
from .choices import ContributionStatus, ReportStatus, ReportType
from .compilation import report_figures
from .forms import (
    ContributionForm,
    ReportCreateForm,
    ReportEditForm,
    ScheduleForm,
    SendForm,
    TemplateUploadForm,
    initial_date,
)

# How to install LibreOffice is on the administrator's health page, not in front of the person writing a report.
PDF_UNAVAILABLE = (
    "Máy chủ này chưa xuất được PDF: hãy tải bản Word (.docx) và báo quản trị hệ thống "
    "(cách bật có ở trang Tình trạng hệ thống)."
)


def _errors(request: HttpRequest, error: ValidationError | PermissionDenied) -> None:
    if isinstance(error, PermissionDenied):
        messages.error(request, str(error))
        return
    for message in error.messages:
        messages.error(request, message)


def _agency(request: HttpRequest) -> Any:
    agency_id = parse_id(request.GET.get("agency") or request.POST.get("agency"))
    if agency_id is not None:
        return agency_get_for_user(user=request.user, pk=agency_id)
    agency = getattr(request, "agency", None)
    if not agency:
        raise Http404("Bạn chưa có vai trò ở cơ quan nào.")
    return agency


def _year(request: HttpRequest) -> int:
    return parse_int(request.GET.get("year"), lowest=2000, highest=2100) or timezone.localdate().year


def _managed_agencies(request: HttpRequest) -> Any:
    agencies = agency_list_for_user(user=request.user)
    allowed = [a.pk for a in agencies if request.user.has_perm("reports.manage_report", a)]
    return agencies.filter(pk__in=allowed)


@login_required
def calendar(request: HttpRequest) -> HttpResponse:
    """What the agency must report this year, what is late, what is coming."""
    agency = _agency(request)
    year = _year(request)
    today = timezone.localdate()
    items = selectors.report_calendar(agency=agency, year=year, on=today)
    context = {
        "agency": agency,
        "year": year,
        "years": [year - 1, year, year + 1],
        "items": items,
        "late": [item for item in items if item.state == selectors.OVERDUE],
        "soon": [item for item in items if item.state == selectors.DUE_SOON],
        "can_manage": request.user.has_perm("reports.manage_report", agency),
        "agencies": agency_list_for_user(user=request.user),
        "today": today,
        "kinds": ReportType.choices,
    }
    return render(request, "reports/calendar.html", context)


@require_POST
@login_required
def report_create(request: HttpRequest) -> HttpResponse:
    form = ReportCreateForm(request.POST, agencies=_managed_agencies(request))
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, str(message))
        return redirect("reports:calendar")
    try:
        report = services.report_create(user=request.user, **form.cleaned_data)
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
        agency = form.cleaned_data["agency"]
        return redirect(f"/bao-cao/?agency={agency.pk}")
    messages.success(request, f"Đã lập dự thảo {report.title[:1].lower()}{report.title[1:]}.")
    return redirect("reports:report_detail", pk=report.pk)


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    figures = report_figures(report)
    contributions = list(selectors.contribution_list(report=report))
    user = request.user
    can_manage = user.has_perm("reports.manage_report", report)
    context = {
        "report": report,
        "figures": figures,
        "contributions": contributions,
        "contributions_sent": sum(1 for c in contributions if c.status == ContributionStatus.SUBMITTED),
        "can_manage": can_manage,
        "can_approve": user.has_perm("reports.approve_report", report),
        "editable_ids": {c.pk for c in contributions if user.has_perm("reports.contribute", c)},
        "files": report.files.order_by("-created_at")[:10],
        "template": selectors.active_template(agency=report.agency, report_type=report.report_type),
        "pdf_available": soffice_path() is not None,
        "send_form": SendForm(
            initial={"number": report.number, "sent_on": initial_date(timezone.localdate())},
            symbol=report.symbol,
        ),
        "status": ReportStatus,
        "deadline_passed": report.deadline < timezone.localdate() and report.status != ReportStatus.SENT,
    }
    return render(request, "reports/report_detail.html", context)


@require_POST
@login_required
def report_action(request: HttpRequest, pk: int) -> HttpResponse:
    """Move a report along: ask the units, compile, approve, reopen, send."""
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    action = request.POST.get("action", "")
    done = {
        "open": "Đã gửi yêu cầu tới các đơn vị; mỗi đơn vị có phần nội dung soạn sẵn từ số liệu.",
        "compile": "Đã tổng hợp báo cáo; hãy đọc lại và sửa trước khi trình duyệt.",
        "approve": "Đã duyệt báo cáo.",
        "reopen": "Đã mở lại báo cáo.",
        "send": "Đã ghi nhận báo cáo đã gửi và lưu bản Word đã gửi.",
    }
    try:
        if action == "open":
            services.report_open_to_units(report=report, user=request.user)
        elif action == "compile":
            services.report_compile(report=report, user=request.user)
            _warn_missing_contributions(request, report)
        elif action == "approve":
            services.report_approve(report=report, user=request.user)
        elif action == "reopen":
            services.report_reopen(report=report, user=request.user)
        elif action == "send":
            form = SendForm(request.POST)
            if not form.is_valid():
                raise ValidationError([str(m) for errors in form.errors.values() for m in errors])
            if not request.user.has_perm("reports.manage_report", report):
                raise PermissionDenied("Bạn không có quyền gửi báo cáo của cơ quan này.")
            data = form.cleaned_data
            report.number = services.report_number_clean(report=report, entered=data["number"])
            report.issued_on = data["issued_on"] or data["sent_on"]
            word = export.report_docx(report)
            services.report_mark_sent(
                report=report,
                user=request.user,
                sent_on=data["sent_on"],
                number=report.number,
                issued_on=data["issued_on"],
                document=word.data,
                file_name=export.file_name(report, "docx"),
            )
        else:
            raise ValidationError("Thao tác không hợp lệ.")
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    else:
        messages.success(request, done[action])
    return redirect("reports:report_detail", pk=report.pk)


def _warn_missing_contributions(request: HttpRequest, report: Any) -> None:
    """Compiling is allowed with parts missing, but the focal point must know what the text lacks."""
    contributions = list(selectors.contribution_list(report=report))
    silent = [c.unit.name for c in contributions if c.status != ContributionStatus.SUBMITTED]
    if len(silent) == len(contributions):
        messages.warning(
            request,
            "Chưa có đơn vị nào gửi nội dung: báo cáo chỉ được tổng hợp từ số liệu của hệ thống. "
            "Hãy yêu cầu (hoặc nhắc) các đơn vị gửi nội dung rồi tổng hợp lại trước khi trình duyệt.",
        )
    elif silent:
        shown = ", ".join(silent[:8]) + ("…" if len(silent) > 8 else "")
        messages.warning(
            request,
            f"{len(silent)} đơn vị chưa gửi nội dung: {shown}. Chỗ phần của các đơn vị này được đánh dấu "
            "trong báo cáo.",
        )


def _area_choices(figures: Any) -> list[tuple[str, str]]:
    return [(group.key, group.name) for group in figures.areas]


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The focal point edits the header and every text; empty texts start from the drafted ones."""
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("reports.manage_report", report):
        raise PermissionDenied("Bạn không có quyền sửa báo cáo của cơ quan này.")
    content = export.report_content(report)
    areas = [(area.code, area.name) for area in content.areas]
    initial: dict[str, Any] = {
        "version": report.version,
        "number": report.number,
        "symbol": report.symbol,
        "issued_on": initial_date(report.issued_on),
        "place": report.place,
        "subject": report.subject,
        "signer_title": report.signer_title,
        "signer": report.signer,
        "recipients": "\n".join(report.recipients or []),
        "opening": "\n".join(content.opening),
        "overview": content.overview,
        "strengths": content.strengths,
        "weaknesses": content.weaknesses,
        "next_tasks": content.next_tasks,
        "proposals": content.proposals,
        "closing": content.closing,
        **{f"section_{area.code}": area.text for area in content.areas},
    }
    form = ReportEditForm(request.POST or None, initial=initial, areas=areas)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_update(
                report=report,
                user=request.user,
                expected_version=form.expected_version,
                **form.changes(),
            )
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                for field, problems in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, problems)
            else:
                form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
        else:
            messages.success(request, "Đã lưu báo cáo.")
            return redirect("reports:report_detail", pk=report.pk)
    return render(request, "reports/report_edit.html", {"report": report, "form": form})


def _html_paragraphs(text: str) -> list[list[tuple[str, bool]]]:
    return [split_gaps(line.strip()) for line in text.splitlines() if line.strip()]


@login_required
def report_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The same content as the Word file, as a page: read before downloading."""
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    content = export.report_content(report)
    context = {
        "report": report,
        "c": content,
        "opening": [split_gaps(line) for line in content.opening],
        "overview": _html_paragraphs(content.overview),
        "areas": [(area, _html_paragraphs(area.text)) for area in content.areas],
        "strengths": _html_paragraphs(content.strengths),
        "weaknesses": _html_paragraphs(content.weaknesses),
        "next_tasks": _html_paragraphs(content.next_tasks),
        "proposals": _html_paragraphs(content.proposals),
        "closing": split_gaps(content.closing),
        "indicators_note": split_gaps(content.indicators_note),
        "dossiers_note": split_gaps(content.dossiers_note),
        "surveys_note": split_gaps(content.surveys_note),
        "number_line": _number_line(content),
        "date_line": _date_line(content),
        "signer_lines": _signer_lines(content),
        "recipient_lines": _recipient_lines(content),
        "annex_groups": _annex_groups(content),
    }
    return render(request, "reports/report_preview.html", context)


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _annex_groups(content: Any) -> list[tuple[str, str, list[Any]]]:
    """The appendix by area, numbered I, II, … as in the Word file."""
    groups: list[tuple[str, str, list[Any]]] = []
    for task in content.annex:
        if not groups or groups[-1][1] != task.area:
            number = len(groups) + 1
            groups.append((_ROMAN[number - 1] if number <= len(_ROMAN) else str(number), task.area, []))
        groups[-1][2].append(task)
    return groups


def _number_line(content: Any) -> str:
    from domain.documents.nd30_text import number_line

    return number_line(content.number, content.symbol)


def _date_line(content: Any) -> str:
    from domain.documents.nd30_text import place_date_line

    return place_date_line(content.place, content.issued_on, content.year)


def _signer_lines(content: Any) -> list[str]:
    from domain.documents.nd30_text import signer_title_lines

    return signer_title_lines(content.signer_title)


def _recipient_lines(content: Any) -> list[str]:
    from domain.documents.nd30_text import recipient_lines

    return recipient_lines(content.recipients)


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    if fmt == "docx":
        word = export.report_docx(report)
        for problem in word.problems:
            messages.warning(request, problem)
        return _attachment(word.data, export.DOCX_TYPE, export.file_name(report, "docx"))
    if fmt == "xlsx":
        return _attachment(export.report_xlsx(report), export.XLSX_TYPE, export.file_name(report, "xlsx"))
    raise Http404("Không có định dạng này.")


@require_POST
@login_required
def report_pdf_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Make the PDF in the background (LibreOffice takes seconds); the job page shows the progress."""
    report = selectors.report_get_for_user(user=request.user, pk=pk)
    if soffice_path() is None:
        messages.warning(request, PDF_UNAVAILABLE)
        return redirect("reports:report_detail", pk=report.pk)
    job = job_create(
        kind=JobKind.REPORT, user=request.user, agency=report.agency, message="Đang chờ xuất PDF."
    )
    job_enqueue(job=job, task=report_pdf, report_id=report.pk, user_id=request.user.pk)
    return redirect("jobs:job_status", pk=job.pk)


@login_required
def file_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    stored = selectors.report_file_get_for_user(user=request.user, pk=pk)
    return file_response(stored.file, filename=export.file_name(stored.report, stored.kind))


@login_required
def contribution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A unit writes its part: one text per reform area (pre-filled), difficulties, proposals."""
    contribution = selectors.contribution_get_for_user(user=request.user, pk=pk)
    report = contribution.report
    can_edit = request.user.has_perm("reports.contribute", contribution)
    figures = report_figures(report)
    areas = [(group.key, group.name) for group in figures.areas]
    known = {code for code, _ in areas}
    areas += [(code, code) for code in (contribution.sections or {}) if code not in known]
    initial = {
        "version": contribution.version,
        "difficulties": contribution.difficulties,
        "proposals": contribution.proposals,
        **{f"section_{code}": text for code, text in (contribution.sections or {}).items()},
    }
    form = ContributionForm(request.POST or None, initial=initial, areas=areas)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Bạn không thuộc đơn vị này nên không sửa được nội dung của đơn vị.")
        if form.is_valid():
            try:
                services.contribution_save(
                    contribution=contribution,
                    user=request.user,
                    sections=form.sections(),
                    difficulties=form.cleaned_data["difficulties"],
                    proposals=form.cleaned_data["proposals"],
                    submit="submit" in request.POST,
                    expected_version=form.expected_version,
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(
                    request, "Đã gửi nội dung cho đầu mối." if "submit" in request.POST else "Đã lưu nháp."
                )
                return redirect("reports:report_detail", pk=report.pk)
    unit_group = next((g for g in figures.unit_groups if g.key == str(contribution.unit_id)), None)
    context = {
        "contribution": contribution,
        "report": report,
        "form": form,
        "can_edit": can_edit and report.status in (ReportStatus.DRAFT, ReportStatus.CONTRIBUTING),
        "unit_rows": unit_group.rows if unit_group else [],
        "unit_counts": unit_group.counts if unit_group else None,
    }
    return render(request, "reports/contribution_edit.html", context)


@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    """The agency's report schedule of a year: which reports, periods, cut-off day, deadline, recipients."""
    agency = _agency(request)
    year = _year(request)
    can_manage = request.user.has_perm("reports.manage_report", agency)
    forms = {}
    for kind, rule, saved in selectors.schedule_settings(agency=agency, year=year):
        initial = {
            "version": saved.version if saved else 0,
            "enabled": rule.enabled,
            "period_kind": rule.period_kind,
            "periods": ", ".join(str(n) for n in rule.periods),
            "cutoff_day": rule.cutoff_day,
            "deadline_day": rule.deadline_day,
            "deadline_offset_months": rule.deadline_offset_months,
            "recipients": "\n".join(saved.recipients) if saved else "",
        }
        bound = request.method == "POST" and request.POST.get("report_type") == kind
        forms[kind] = (ScheduleForm(request.POST if bound else None, initial=initial, prefix=kind), saved)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Bạn không có quyền đặt lịch báo cáo của cơ quan này.")
        kind = request.POST.get("report_type", "")
        if kind not in REPORT_KINDS:
            messages.error(request, "Loại báo cáo không hợp lệ.")
        elif "reset" in request.POST:
            services.schedule_reset(agency=agency, year=year, report_type=kind, user=request.user)
            messages.success(request, "Đã trở về lịch mặc định.")
            return redirect(f"{request.path}?agency={agency.pk}&year={year}")
        else:
            form = forms[kind][0]
            if form.is_valid():
                try:
                    services.schedule_save(
                        agency=agency,
                        year=year,
                        report_type=kind,
                        user=request.user,
                        expected_version=form.expected_version,
                        **form.changes(),
                    )
                except ValidationError as error:
                    for field, problems in error.message_dict.items():
                        form.add_error(field if field in form.fields else None, problems)
                else:
                    messages.success(request, f"Đã lưu lịch {ReportType(kind).label.lower()} năm {year}.")
                    return redirect(f"{request.path}?agency={agency.pk}&year={year}")
    context = {
        "agency": agency,
        "year": year,
        "rows": [
            (kind, ReportType(kind).label, form, saved, DEFAULT_RULES[kind])
            for kind, (form, saved) in forms.items()
        ],
        "can_manage": can_manage,
    }
    return render(request, "reports/schedule.html", context)


@login_required
def templates(request: HttpRequest) -> HttpResponse:
    """The agency's Word templates: download the default one, upload an adjusted one, stop using one."""
    agency = _agency(request)
    can_manage = request.user.has_perm("reports.manage_report", agency)
    form = TemplateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Bạn không có quyền đổi mẫu báo cáo của cơ quan này.")
        if "deactivate" in request.POST:
            template = selectors.template_get_for_user(
                user=request.user,
                pk=parse_id(request.POST.get("deactivate")) or 0,
            )
            if template.agency_id != agency.pk:
                raise Http404("Không tìm thấy mẫu báo cáo.")
            services.template_deactivate(template=template, user=request.user)
            messages.success(request, "Đã thôi dùng mẫu; báo cáo sẽ theo mẫu mặc định.")
            return redirect(f"{request.path}?agency={agency.pk}")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                template = services.template_upload(
                    agency=agency,
                    report_type=form.cleaned_data["report_type"] or "",
                    name=upload.name,
                    data=upload,
                    user=request.user,
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error.messages if isinstance(error, ValidationError) else str(error))
            else:
                if template.problems:
                    messages.warning(
                        request, "Đã lưu mẫu; một số chỗ trong mẫu cần sửa (xem danh sách dưới)."
                    )
                else:
                    messages.success(request, "Đã lưu mẫu báo cáo.")
                return redirect(f"{request.path}?agency={agency.pk}")
    context = {
        "agency": agency,
        "templates": selectors.template_list_for_user(user=request.user, agency=agency),
        "form": form,
        "can_manage": can_manage,
        "placeholders": PLACEHOLDERS.items(),
    }
    return render(request, "reports/templates.html", context)


@login_required
def template_default(request: HttpRequest) -> HttpResponse:
    return _attachment(default_template_docx(), export.DOCX_TYPE, "mau-bao-cao-cchc.docx")


@login_required
def template_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    template = selectors.template_get_for_user(user=request.user, pk=pk)
    return file_response(template.file, filename=template.original_name or "mau-bao-cao.docx")


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Every agency's report of one kind and period: who has sent, who is late, who has not started."""
    kind = request.GET.get("kind", "") or ReportType.ANNUAL
    if kind not in REPORT_KINDS:
        kind = ReportType.ANNUAL
    default_code = str(timezone.localdate().year)
    code = request.GET.get("period", "") or default_code
    error = ""
    try:
        period = parse_period(code)
        if period.kind != DEFAULT_RULES[kind].period_kind:
            raise PeriodError(f"Kỳ “{code}” không phải kỳ của {ReportType(kind).label.lower()}.")
    except PeriodError as problem:
        error, period = str(problem), parse_period(default_code)
        kind = ReportType.ANNUAL
    rows = selectors.province_overview_for_user(user=request.user, report_type=kind, period_code=period.code)
    context = {
        "kind": kind,
        "kinds": ReportType.choices,
        "period": period,
        "period_code": code,
        "error": error,
        "rows": rows,
        "not_sent": [
            row
            for row in rows
            if row.item and row.item.state not in (selectors.SENT_ON_TIME, selectors.SENT_LATE)
        ],
        "sent": [
            row
            for row in rows
            if row.item and row.item.state in (selectors.SENT_ON_TIME, selectors.SENT_LATE)
        ],
    }
    return render(request, "reports/overview.html", context)
