"""Pages of movements: the home list, a movement (contents, participants, rules, registrations, initiatives,
contest tables), registrations and initiatives. Contest scoring is ``contest``, the ratings input
``ratings_input``."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.files import file_response
from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.core.uploads import UploadRefused
from apps.organizations.models import Agency
from apps.plans.selectors import plan_get_for_user
from domain.rewards.forms import form_label

from .. import services
from ..forms.movements import (
    InitiativeDecisionForm,
    InitiativeForm,
    MovementForm,
    RegistrationForm,
)
from ..models import Movement
from ..selectors import movements as selectors
from ..selectors.common import agency_for_user
from ..services import movements as movement_services


def viewed_agency(request: HttpRequest) -> Agency:
    return agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )


def home_agency(request: HttpRequest, perm: str, message: str) -> Agency:
    agency = getattr(request, "agency", None)
    if agency is None or not request.user.has_perm(perm, agency):
        raise PermissionDenied(message)
    return agency


def movement_year(request: HttpRequest, movement: Movement) -> int:
    asked = parse_id(request.GET.get("nam"))
    if asked is not None and movement.start_year <= asked <= movement.end_year:
        return asked
    this_year = timezone.localdate().year
    return min(max(this_year, movement.start_year), movement.end_year)


def movement_url(movement: Movement, year: int | None = None) -> str:
    url = reverse("rewards:movement", args=[movement.pk])
    return f"{url}?nam={year}" if year else url


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Thi đua, khen thưởng: the agency's movements, newest first, and the emulation plans to launch one from."""
    agency = viewed_agency(request)
    can_manage = request.user.has_perm(services.MANAGE, agency)
    context = {
        "agency": agency,
        "movements": selectors.movement_list_for_user(user=request.user, agency=agency),
        "can_manage": can_manage,
        "plans": selectors.emulation_plans(agency=agency) if can_manage else [],
    }
    return render(request, "rewards/home.html", context)


@login_required
def movement_new(request: HttpRequest) -> HttpResponse:
    agency = home_agency(request, services.MANAGE, "Chỉ đầu mối, lãnh đạo của cơ quan được tạo phong trào.")
    form = MovementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            movement = movement_services.movement_create(
                user=request.user,
                agency=agency,
                name=data["name"],
                start_year=data["start_year"],
                end_year=data["end_year"],
                contents=data["contents"].splitlines(),
                min_initiatives=data["min_initiatives"],
                min_outstanding_years=data["min_outstanding_years"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã tạo phong trào “{movement.name}”.")
            return redirect(movement_url(movement))
    status = 400 if request.method == "POST" else 200
    return render(request, "rewards/movement_form.html", {"form": form, "agency": agency}, status=status)


@login_required
@require_POST
def movement_from_plan(request: HttpRequest, plan_pk: int) -> HttpResponse:
    plan = plan_get_for_user(user=request.user, pk=plan_pk)
    try:
        movement = movement_services.movement_create_from_plan(user=request.user, plan=plan)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(f"{reverse('rewards:home')}?agency={plan.agency_id}")
    messages.success(
        request,
        f"Đã tạo phong trào “{movement.name}” với {movement.contents.count()} nội dung thi đua và "
        f"{movement.participants.count()} đối tượng tham gia.",
    )
    return redirect(movement_url(movement))


@login_required
def movement(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.movement_get_for_user(user=request.user, pk=pk)
    year = movement_year(request, found)
    registrations = list(selectors.registrations_of(movement=found, year=year))
    for registration in registrations:
        registration.form_labels = [form_label(code) for code in registration.forms]  # type: ignore[attr-defined]
    context = {
        "movement": found,
        "agency": found.agency,
        "year": year,
        "years": range(found.start_year, found.end_year + 1),
        "contents": selectors.content_rows(movement=found, year=year),
        "participants": selectors.participants_of(movement=found),
        "registrations": registrations,
        "missing": selectors.not_registered(movement=found, year=year),
        "deadline": movement_services.registration_deadline(found, year),
        "registration_open": timezone.localdate() <= movement_services.registration_deadline(found, year),
        "report_due": _report_due(found, year),
        "report": selectors.yearly_report(movement=found, year=year),
        "initiatives": found.initiatives.prefetch_related("authors")
        .select_related("unit")
        .order_by("-year", "title"),
        "tables": selectors.contest_tables_of(movement=found),
        "rubrics": plan_rubrics(found),
        "can_manage": request.user.has_perm(services.MANAGE, found.agency),
        "can_register": request.user.has_perm(services.REGISTER, found.agency),
    }
    return render(request, "rewards/movement_detail.html", context)


def _report_due(movement: Movement, year: int) -> date | None:
    try:
        return date(year, movement.report_due_month, movement.report_due_day)
    except ValueError:
        return None


def plan_rubrics(movement: Movement) -> list[Any]:
    if movement.plan is None:
        return []
    latest = movement.plan.imports.exclude(rubrics=[]).order_by("-pk").first()
    return list(latest.rubrics) if latest is not None else []


@login_required
def registration(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.movement_get_for_user(user=request.user, pk=pk)
    if not request.user.has_perm(services.REGISTER, found.agency):
        raise PermissionDenied("Chỉ người làm việc tại cơ quan được đăng ký thi đua.")
    year = movement_year(request, found)
    deadline = movement_services.registration_deadline(found, year)
    people = list(selectors.agency_people(agency=found.agency))
    units = [p.unit for p in selectors.participants_of(movement=found) if p.unit is not None]
    if not request.user.has_perm(services.MANAGE, found.agency):
        # each person registers themself and their unit; the focal point registers anyone
        people = [p for p in people if movement_services.registers_for(request.user, person=p)]
        units = [u for u in units if movement_services.registers_for(request.user, unit=u)]
    form = RegistrationForm(request.POST or None, people=people, units=units)
    closed = timezone.localdate() > deadline
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = movement_services.registration_submit(
                user=request.user,
                movement=found,
                year=year,
                forms=data["forms"],
                person=data["person"],
                unit=data["unit"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi đăng ký thi đua năm {year} của {done.person or done.unit}.")
            return redirect(movement_url(found, year) + "#dang-ky")
    status = 400 if request.method == "POST" else 200
    context = {
        "movement": found,
        "agency": found.agency,
        "year": year,
        "form": form,
        "deadline": deadline,
        "closed": closed,
    }
    return render(request, "rewards/registration_form.html", context, status=status)


# --- initiatives -----------------------------------------------------------------------------------------------


@login_required
def initiatives(request: HttpRequest) -> HttpResponse:
    agency = viewed_agency(request)
    context = {
        "agency": agency,
        "initiatives": selectors.initiative_list_for_user(user=request.user, agency=agency).order_by(
            "-year", "title"
        ),
        "can_register": request.user.has_perm(services.REGISTER, agency),
        "can_manage": request.user.has_perm(services.MANAGE, agency),
    }
    return render(request, "rewards/initiative_list.html", context)


@login_required
def initiative_new(request: HttpRequest) -> HttpResponse:
    agency = home_agency(request, services.REGISTER, "Chỉ người làm việc tại cơ quan được đăng ký sáng kiến.")
    movement_pk = parse_id(request.GET.get("phong_trao"))
    movement_found = None
    if movement_pk is not None:
        movement_found = selectors.movement_get_for_user(user=request.user, pk=movement_pk)
        if movement_found.agency_id != agency.pk:
            movement_found = None
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        people=selectors.agency_people(agency=agency),
        units=selectors.agency_units(agency=agency),
        initial={"year": timezone.localdate().year},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = movement_services.initiative_register(
                user=request.user,
                agency=agency,
                movement=movement_found,
                title=data["title"],
                year=data["year"],
                authors=list(data["authors"]),
                unit=data["unit"],
                description=data["description"],
                other_authors=data["other_authors"],
                scope=data["scope"],
                uploaded=data["file"],
            )
        except UploadRefused as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã đăng ký sáng kiến “{created.title[:80]}”.")
            return redirect("rewards:initiative", pk=created.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "agency": agency, "movement": movement_found}
    return render(request, "rewards/initiative_form.html", context, status=status)


@login_required
def initiative(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.initiative_get_for_user(user=request.user, pk=pk)
    can_decide = request.user.has_perm(services.MANAGE, found.agency)
    form = InitiativeDecisionForm(
        request.POST or None, initial={"version": found.version, "scope": found.scope}
    )
    if request.method == "POST":
        if not can_decide:
            raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan ghi quyết định công nhận.")
        if form.is_valid():
            data = form.cleaned_data
            try:
                movement_services.initiative_decide(
                    user=request.user,
                    initiative=found,
                    status=data["status"],
                    expected_version=data["version"],
                    recognition_number=data["recognition_number"],
                    recognised_on=data["recognised_on"],
                    recognised_by=data["recognised_by"],
                    scope=data["scope"] or None,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, "Đã ghi kết quả xét công nhận sáng kiến.")
                return redirect("rewards:initiative", pk=found.pk)
    status = 400 if request.method == "POST" else 200
    context = {"initiative": found, "agency": found.agency, "form": form, "can_decide": can_decide}
    return render(request, "rewards/initiative_detail.html", context, status=status)


@login_required
def initiative_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    found = selectors.initiative_get_for_user(user=request.user, pk=pk)
    return file_response(found.file, filename=f"sang-kien-{found.pk}")
