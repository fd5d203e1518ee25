"""Pages of contest scoring: a movement's tables from the plan's appendix or a spreadsheet, the ranking of a year and
each participant's scorecard."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from apps.core.forms import points_from_text
from apps.core.uploads import UploadRefused
from apps.scoring.selectors import set_tree
from domain.scoring.entries import Entry, scorable

from .. import services
from ..forms.movements import ContestUploadForm
from ..selectors import movements as selectors
from ..services import contest as contest_services
from .movements import movement_url, movement_year, plan_rubrics


@login_required
@require_POST
def contest_from_plan(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.movement_get_for_user(user=request.user, pk=pk)
    try:
        tables = contest_services.contest_tables_from_rubrics(
            user=request.user, movement=found, rubrics=plan_rubrics(found)
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"Đã tạo {len(tables)} thang điểm thi đua từ phụ lục của kế hoạch.")
    return redirect(movement_url(found) + "#thang-diem")


@login_required
def contest_upload(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.movement_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(services.MANAGE, found.agency):
        raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan quản lý thang điểm thi đua.")
    form = ContestUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            table = contest_services.contest_table_import(
                user=request.user,
                movement=found,
                group=form.cleaned_data["group"],
                uploaded=uploaded,
                filename=uploaded.name,
            )
        except UploadRefused as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, "Đã tạo thang điểm thi đua từ tệp.")
            return redirect("rewards:contest", pk=table.pk)
    status = 400 if request.method == "POST" else 200
    context = {"movement": found, "agency": found.agency, "form": form, "errors": errors}
    return render(request, "rewards/movement_contest_upload.html", context, status=status)


@login_required
def contest(request: HttpRequest, pk: int) -> HttpResponse:
    table = selectors.contest_table_get_for_user(user=request.user, pk=pk)
    found = table.movement
    year = movement_year(request, found)
    scores = selectors.ranking(table=table, year=year)
    for score in scores:
        # each criterion's points, "1: 29,88 · 2: 20 …", beside the total
        score.parts = [  # type: ignore[attr-defined]
            (code, Decimal(str(node.get("points", "0"))))
            for code, node in (score.scorecard or {}).get("nodes", {}).items()
        ]
    scored = {s.participant_id for s in scores}
    participants = [
        p
        for p in selectors.participants_of(movement=found)
        if not table.group or p.group in ("", table.group)
    ]
    context = {
        "table": table,
        "movement": found,
        "agency": found.agency,
        "year": year,
        "years": range(found.start_year, found.end_year + 1),
        "scores": scores,
        "unscored": [p for p in participants if p.pk not in scored],
        "tree": set_tree(criteria_set=table.criteria_set),
        "can_manage": request.user.has_perm(services.MANAGE, found.agency),
    }
    return render(request, "rewards/movement_contest.html", context)


@login_required
def contest_score(request: HttpRequest, pk: int, participant_pk: int) -> HttpResponse:
    table = selectors.contest_table_get_for_user(user=request.user, pk=pk)
    found = table.movement
    participant = selectors.participant_of(movement=found, pk=participant_pk)
    year = movement_year(request, found)
    can_manage = request.user.has_perm(services.MANAGE, found.agency)
    tree = set_tree(criteria_set=table.criteria_set)
    errors: list[str] = []
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan chấm điểm thi đua.")
        entries: dict[str, Entry] = {}
        for node in scorable(tree.roots):
            value = request.POST.get(f"v-{node.code}", "").strip()
            points = request.POST.get(f"p-{node.code}", "").strip()
            reason = request.POST.get(f"r-{node.code}", "")
            try:
                entries[node.code] = Entry(value=value, points=points_from_text(points), reason=reason)
            except ValidationError as error:
                errors.append(f"Tiêu chí {node.code}: {' '.join(error.messages)}")
        if not errors:
            try:
                contest_services.contest_score_save(
                    user=request.user, table=table, participant=participant, year=year, entries=entries
                )
            except ValidationError as error:
                errors = error.messages
            else:
                messages.success(request, f"Đã chấm điểm thi đua năm {year} của {participant}.")
                return redirect(f"{reverse('rewards:contest', args=[table.pk])}?nam={year}")
    score = selectors.contest_score_of(table=table, participant=participant, year=year)
    inputs = score.inputs if score is not None else {}
    nodes = (score.scorecard or {}).get("nodes", {}) if score is not None else {}
    rows = [
        {
            "node": node,
            "entry": inputs.get(node.code, {}),
            "result": nodes.get(node.code, {}),
        }
        for node in scorable(tree.roots)
    ]
    context = {
        "table": table,
        "movement": found,
        "agency": found.agency,
        "participant": participant,
        "year": year,
        "score": score,
        "rows": rows,
        "errors": errors,
        "can_manage": can_manage,
    }
    return render(request, "rewards/movement_score.html", context, status=400 if errors else 200)
