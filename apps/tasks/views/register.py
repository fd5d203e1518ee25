"""Task pages: the register with filters and Excel export, detail, edit, timeline."""

from __future__ import annotations

from collections import OrderedDict
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from apps.core.forms import add_service_errors
from apps.organizations.selectors import agency_list_for_user
from apps.plans.selectors import plan_list_for_user
from domain.task_status import STATUS_LABELS

from .. import selectors, services
from ..choices import SIX_CLEAR_LABELS
from ..export import tasks_to_xlsx
from ..filters import TaskFilter
from ..forms import DecisionForm, ProgressForm, TaskEditForm, TriggerForm, progress_draft_take


def _filtered(request: HttpRequest) -> TaskFilter:
    return TaskFilter(
        request.GET or None,
        queryset=selectors.task_list_for_user(user=request.user),
        agencies=agency_list_for_user(user=request.user),
        plans=plan_list_for_user(user=request.user),
    )


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
    page = Paginator(tasks, 50).get_page(request.GET.get("page"))
    for task in page.object_list:
        task.status_label = STATUS_LABELS[selectors.task_status_of(task)]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": task_filter, "page": page, "query": query.urlencode()}
    return render(request, "tasks/register.html", context)


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


@login_required
def task_timeline(request: HttpRequest) -> HttpResponse:
    """Tasks by the month (or quarter) they fall due."""
    task_filter = _filtered(request)
    by_quarter = request.GET.get("by") == "quarter"
    groups: OrderedDict[str, list] = OrderedDict()
    undated = []
    for task in task_filter.qs.order_by("due_on", "plan", "order"):
        if task.due_on is None:
            undated.append(task)
            continue
        key = _period_label(task.due_on, by_quarter)
        groups.setdefault(key, []).append(task)
    context = {"filter": task_filter, "groups": groups, "undated": undated, "by_quarter": by_quarter}
    return render(request, "tasks/timeline.html", context)


def _period_label(day: date, by_quarter: bool) -> str:
    if by_quarter:
        return f"Quý {['I', 'II', 'III', 'IV'][(day.month - 1) // 3]}/{day.year}"
    return f"Tháng {day.month:02d}/{day.year}"
