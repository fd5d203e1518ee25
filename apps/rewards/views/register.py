"""Pages of the rewards register (sổ khen thưởng): the list with its filters and Excel export, a past award entered
from the paper register, and each person's and collective's history (every award across years and the
nominations made for them)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id

from .. import services
from ..choices import AwardFormChoice, SubjectChoice
from ..forms.register import AwardEnterForm, RegisterFilterForm
from ..register_export import register_to_xlsx
from ..selectors import register as selectors
from ..selectors.common import agency_for_user
from ..services.register import award_enter as award_enter_service

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _agency(request: HttpRequest) -> Any:
    return agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )


def _units(agency: Any) -> list[tuple[int, str]]:
    return [(unit.pk, unit.name) for unit in selectors.register_units(agency)]


def _filtered(request: HttpRequest, agency: Any) -> tuple[RegisterFilterForm, Any, dict[str, Any]]:
    form = RegisterFilterForm(request.GET, years=selectors.register_years(agency), units=_units(agency))
    values: dict[str, Any] = {"year": None, "form": "", "unit": None, "subject": ""}
    if form.is_valid():
        values.update({key: form.cleaned_data.get(key) or values[key] for key in values})
    awards = selectors.award_list_for_user(user=request.user, agency=agency, **values)
    return form, awards, values


def _filter_text(values: dict[str, Any], units: list[tuple[int, str]]) -> str:
    parts = []
    if values["year"]:
        parts.append(f"Năm {values['year']}")
    if values["form"]:
        parts.append(str(AwardFormChoice(values["form"]).label))
    if values["subject"]:
        parts.append(str(SubjectChoice(values["subject"]).label))
    if values["unit"]:
        parts.append(next((name for pk, name in units if pk == values["unit"]), ""))
    return "; ".join(part for part in parts if part) or "Tất cả các năm"


@login_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """Sổ khen thưởng: every award of the agency's people and collectives, newest year first."""
    agency = _agency(request)
    form, awards, values = _filtered(request, agency)
    query = {"agency": agency.pk, **{key: value for key, value in values.items() if value}}
    awards = list(awards)
    context = {
        "agency": agency,
        "form": form,
        "awards": awards,
        "total": sum((award.prize_amount or 0 for award in awards), 0),
        "export_query": urlencode(query),
        "can_enter": request.user.has_perm(services.MANAGE, agency),
    }
    return render(request, "rewards/register_list.html", context)


@login_required
@require_GET
def register_xlsx(request: HttpRequest) -> HttpResponse:
    agency = _agency(request)
    _, awards, values = _filtered(request, agency)
    data = register_to_xlsx(agency, awards, _filter_text(values, _units(agency)))
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="so-khen-thuong.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def award_enter(request: HttpRequest) -> HttpResponse:
    """A past award copied from the paper register, so the history exists before the system."""
    agency = _agency(request)
    if not request.user.has_perm(services.MANAGE, agency):
        raise PermissionDenied("Chỉ đầu mối thi đua, khen thưởng của cơ quan được nhập sổ khen thưởng.")
    people = [(p.pk, p.full_name) for p in selectors.register_people(agency)]
    form = AwardEnterForm(request.POST or None, people=people, units=_units(agency))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        person_pk, unit_pk = data.pop("person"), data.pop("unit")
        person = selectors.register_people(agency).filter(pk=person_pk).first() if person_pk else None
        unit = selectors.register_units(agency).filter(pk=unit_pk).first() if unit_pk else None
        try:
            award = award_enter_service(user=request.user, agency=agency, person=person, unit=unit, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"Đã ghi vào sổ: {award}.")
            return redirect(f"{reverse('rewards:register')}?agency={agency.pk}")
    status = 400 if request.method == "POST" else 200
    return render(request, "rewards/register_enter.html", {"agency": agency, "form": form}, status=status)


def _history(request: HttpRequest, history: selectors.History) -> HttpResponse:
    context = {
        "history": history,
        "register_url": f"{reverse('rewards:register')}?agency={history.agency.pk}",
    }
    return render(request, "rewards/history_detail.html", context)


@login_required
@require_GET
def history_person(request: HttpRequest, pk: int) -> HttpResponse:
    return _history(request, selectors.history_for_person(user=request.user, pk=pk))


@login_required
@require_GET
def history_unit(request: HttpRequest, pk: int) -> HttpResponse:
    return _history(request, selectors.history_for_unit(user=request.user, pk=pk))


@login_required
@require_GET
def history_agency(request: HttpRequest, pk: int) -> HttpResponse:
    return _history(request, selectors.history_for_agency(user=request.user, pk=pk))
