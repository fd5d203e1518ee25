"""Task pages: the register with filters, Excel export and bulk assignment, detail, edit, timeline."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max, Min, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from apps.core.forms import add_service_errors
from apps.core.tables import Column, Table
from apps.organizations.selectors import agency_list_for_user
from apps.plans.selectors import plan_list_for_user
from domain import gantt
from domain.task_status import STATUS_LABELS
from domain.vn_numbers import vn_number

from .. import selectors, services
from ..choices import SIX_CLEAR_LABELS
from ..export import tasks_to_xlsx
from ..filters import TaskFilter
from ..forms import (
    DecisionForm,
    ProgressForm,
    TaskBulkAssignForm,
    TaskEditForm,
    TriggerForm,
    progress_draft_take,
)


def _filtered(request: HttpRequest) -> TaskFilter:
    return TaskFilter(
        request.GET or None,
        queryset=selectors.task_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
        plans=plan_list_for_user(user=request.user),
    )


TASK_COLUMNS = [
    Column("plan", "Kế hoạch", sort=("plan__issued_on", "plan_id", "order")),
    Column("ref", "Số hiệu", sort=("plan_id", "order")),
    Column("title", "Nhiệm vụ", sort=("title",), always=True),
    Column("area", "Lĩnh vực", sort=("area__name",), default=False),
    Column("lead", "Chủ trì", sort=("lead_text",)),
    Column("cooperating", "Phối hợp", default=False),
    Column("timeline", "Thời gian"),
    Column("due", "Hạn", sort=("due_on",)),
    Column("deliverable", "Sản phẩm", default=False),
    Column("accountable", "Người chịu trách nhiệm", sort=("accountable__full_name",), default=False),
    Column("authority", "Người nghiệm thu", sort=("authority__full_name",), default=False),
    Column("status", "Trạng thái"),
    Column("six_clear", "06 rõ", sort=("is_six_clear",)),
]


def _can_bulk_assign(request: HttpRequest) -> bool:
    agencies = agency_list_for_user(user=request.user)
    return any(request.user.has_perm("tasks.change_task", agency) for agency in agencies)


@login_required
def task_register(request: HttpRequest) -> HttpResponse:
    task_filter = _filtered(request)
    tasks = task_filter.qs
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            tasks_to_xlsx(tasks),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="nhiem-vu.xlsx"'
        return response
    can_bulk = _can_bulk_assign(request)
    table = Table(request, name="tasks", columns=TASK_COLUMNS, queryset=tasks, selectable=can_bulk)
    for task in table.page.object_list:
        task.status_label = STATUS_LABELS[selectors.task_status_of(task)]
    context = {"filter": task_filter, "table": table, "page": table.page, "query": table.query}
    return render(request, "tasks/register.html", context)


@login_required
def task_bulk_assign(request: HttpRequest) -> HttpResponse:
    """Give many tasks a lead unit, an accountable person and an authority: the rows ticked in the register,
    or every task the register's filters select."""
    data = request.POST if request.method == "POST" else request.GET
    back = data.get("back", "")
    register_url = reverse("tasks:task_register") + (f"?{back}" if back else "")
    if data.get("all") == "1":
        chosen = _filtered(request).qs
    else:
        ids = {int(value) for value in data.getlist("task") if value.isdigit()}
        chosen = selectors.task_list_for_user(user=request.user).filter(pk__in=ids)
        if ids and chosen.count() != len(ids):
            raise Http404("Không tìm thấy nhiệm vụ.")
    tasks = list(chosen[: services.bulk.BULK_LIMIT + 1])
    if not tasks:
        messages.error(request, "Chưa chọn nhiệm vụ nào: đánh dấu các dòng trong sổ rồi bấm “Giao việc”.")
        return redirect(register_url)
    if len(tasks) > services.bulk.BULK_LIMIT:
        messages.error(
            request,
            f"Mỗi lần giao tối đa {services.bulk.BULK_LIMIT} nhiệm vụ; hãy lọc theo kế hoạch rồi giao.",
        )
        return redirect(register_url)
    agencies = {task.agency_id for task in tasks}
    if len(agencies) > 1:
        messages.error(
            request,
            "Các nhiệm vụ đã chọn thuộc nhiều cơ quan; hãy lọc theo một cơ quan hoặc một kế hoạch rồi chọn lại.",
        )
        return redirect(register_url)
    agency = tasks[0].agency
    if not request.user.has_perm("tasks.change_task", agency):
        raise PermissionDenied("Bạn không có quyền giao việc cho nhiệm vụ của cơ quan này.")
    form = TaskBulkAssignForm(request.POST or None, agency_id=agency.pk)
    if request.method == "POST" and form.is_valid():
        try:
            result = services.task_bulk_assign(
                task_ids=[task.pk for task in tasks],
                lead_unit=form.cleaned_data["lead_unit"],
                accountable=form.cleaned_data["accountable"],
                authority=form.cleaned_data["authority"],
                only_empty=form.cleaned_data["only_empty"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            share = vn_number(Decimal(result.six_clear * 100) / result.total, 1)
            text = (
                f"Đã cập nhật {vn_number(result.changed)}/{vn_number(result.total)} nhiệm vụ. "
                f"Đủ 06 rõ: {vn_number(result.six_clear)}/{vn_number(result.total)} ({share}%)."
            )
            if result.missing:
                text += " Còn chưa rõ: " + "; ".join(
                    f"{reason} ({vn_number(count)} nhiệm vụ)" for reason, count in result.missing.items()
                )
                text += ". Chọn “06 rõ: Chưa rõ” trong bộ lọc để sửa từng nhiệm vụ còn lại."
            messages.success(request, text)
            return redirect(register_url)
    clear = sum(1 for task in tasks if task.is_six_clear)
    context = {
        "form": form,
        "tasks": tasks,
        "agency": agency,
        "back": back,
        "register_url": register_url,
        "clear_count": clear,
        "missing_accountable": sum(1 for task in tasks if task.accountable_id is None),
        "missing_authority": sum(1 for task in tasks if task.authority_id is None),
    }
    return render(request, "tasks/bulk_assign.html", context)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    checklist = [
        (label, task.six_clear.get(rule, False), task.six_clear_reasons.get(rule, ""))
        for rule, label in SIX_CLEAR_LABELS.items()
    ]
    occurrences = list(
        task.occurrences.prefetch_related(
            "updates__evidence", "updates__author", "updates__unit", "decisions"
        )
    )
    can_complete = request.user.has_perm("tasks.complete_task", task)
    for occurrence in occurrences:
        occurrence.status = selectors.occurrence_status(occurrence)  # type: ignore[attr-defined]
        occurrence.status_label = selectors.STATUS_LABELS[occurrence.status]  # type: ignore[attr-defined]
        draft = progress_draft_take(request.session, occurrence.pk)
        occurrence.has_draft = draft is not None  # type: ignore[attr-defined]
        occurrence.form = ProgressForm(  # type: ignore[attr-defined]
            initial={"percent": occurrence.percent, **(draft or {}), "version": occurrence.version},
            auto_id=f"id_o{occurrence.pk}_%s",
        )
        if not can_complete:  # a cooperating unit reports its contribution; the lead unit completes
            for name in ("complete", "completed_on"):
                del occurrence.form.fields[name]  # type: ignore[attr-defined]
            occurrence.form.fields["percent"].widget.attrs["max"] = 99  # type: ignore[attr-defined]
    context = {
        "task": task,
        "checklist": checklist,
        "occurrences": occurrences,
        "can_report": request.user.has_perm("tasks.report_progress", task),
        "can_accept": request.user.has_perm("tasks.accept_result", task),
        "can_complete": can_complete,
        "can_trigger": task.schedule_kind == "trigger"
        and request.user.has_perm("tasks.record_trigger", task),
        "trigger_form": TriggerForm(),
        "decision_form": DecisionForm,
        "status": STATUS_LABELS[selectors.task_status_of(task)],
        "children": selectors.task_list_for_user(user=request.user).filter(parent=task),
        "implemented_by": selectors.task_list_for_user(user=request.user).filter(implements=task),
        "can_change": request.user.has_perm("tasks.change_task", task),
    }
    return render(request, "tasks/task_detail.html", context)


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = selectors.task_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm("tasks.change_task", task):
        raise PermissionDenied("Bạn không có quyền sửa nhiệm vụ này.")
    implementable = selectors.implementable_tasks_for(user=request.user, task=task)
    initial = {
        "version": task.version,
        "title": task.title,
        "lead_units": list(task.lead_units.all()),
        "cooperating_units": list(task.cooperating_units.all()),
        "timeline_raw": task.timeline_raw,
        "deliverable": task.deliverable,
        "accountable": task.accountable,
        "authority": task.authority,
        "implements": task.implements,
    }
    form = TaskEditForm(request.POST or None, initial=initial, task=task, implementable=implementable)
    if request.method == "POST" and form.is_valid():
        data = form.changes()
        try:
            services.task_update(
                task=task,
                expected_version=form.expected_version,
                lead_unit_ids=[unit.pk for unit in data.pop("lead_units")],
                cooperating_unit_ids=[unit.pk for unit in data.pop("cooperating_units")],
                **data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu nhiệm vụ.")
            return redirect("tasks:task_detail", pk=task.pk)
    return render(request, "tasks/task_edit.html", {"form": form, "task": task})


TIMELINE_COLUMNS = [
    Column("title", "Nhiệm vụ", sort=("title",), always=True),
    Column("start", "Bắt đầu", sort=("start_on", "due_on")),
    Column("due", "Hạn", sort=("due_on",)),
]
TIMELINE_MAX_YEARS = 5


@login_required
def task_timeline(request: HttpRequest) -> HttpResponse:
    """A Gantt-style timeline of the filtered tasks: one year by month, or the plan years by quarter."""
    task_filter = _filtered(request)
    by_quarter = request.GET.get("by") == "quarter"
    tasks = task_filter.qs
    dated = tasks.filter(due_on__isnull=False)
    bounds = dated.aggregate(first=Min("due_on"), last=Max("due_on"), start=Min("start_on"))
    day = selectors.today()
    first_year = min(d.year for d in (bounds["first"], bounds["start"]) if d) if bounds["first"] else day.year
    last_year = max(bounds["last"].year if bounds["last"] else day.year, first_year)
    years = list(range(first_year, min(last_year, first_year + TIMELINE_MAX_YEARS - 1) + 1))
    asked = request.GET.get("year", "")
    if by_quarter:
        year = None
        window_years = (years[0], years[-1])
    else:
        year = (
            int(asked)
            if asked.isdigit() and int(asked) in years
            else (day.year if day.year in years else years[0])
        )
        window_years = (year, year)
    columns = gantt.columns(*window_years, by_quarter=by_quarter)
    window_start, window_end = columns[0].start, columns[-1].end
    in_window = dated.filter(due_on__gte=window_start).filter(
        Q(start_on__lte=window_end) | Q(start_on__isnull=True, due_on__lte=window_end)
    )
    table = Table(
        request,
        name="timeline",
        columns=TIMELINE_COLUMNS,
        queryset=in_window.prefetch_related("occurrences"),
        default_sort="start",
    )
    rows = []
    for task in table.page.object_list:
        status = selectors.task_status_of(task)
        markers = []
        if task.schedule_kind == "recurrence":
            for occurrence in task.occurrences.all():
                place = gantt.marker(occurrence.due_on, window_start, window_end)
                if place is not None:
                    markers.append((place, occurrence.due_on))
        start = None if task.schedule_kind == "recurrence" else task.start_on
        rows.append(
            {
                "task": task,
                "bar": None if markers else gantt.bar(start, task.due_on, window_start, window_end),
                "markers": markers,
                "status": status,
                "status_label": STATUS_LABELS[status],
            }
        )
    query = request.GET.copy()
    for name in ("year", "by", "page"):
        query.pop(name, None)
    context = {
        "filter": task_filter,
        "table": table,
        "rows": rows,
        "columns": columns,
        "column_width": 100 / len(columns),
        "today": gantt.marker(day, window_start, window_end),
        "by_quarter": by_quarter,
        "year": year,
        "years": years,
        "base_query": query.urlencode(),
        "outside": dated.count() - table.page.paginator.count,
        "undated": tasks.filter(due_on__isnull=True)[:200],
        "undated_count": tasks.filter(due_on__isnull=True).count(),
    }
    return render(request, "tasks/timeline.html", context)
