"""Pages of the ratings the titles rest on: the year's ratings of the agency, taken from "Đánh giá, xếp loại",
entered by hand or imported from Excel (the agency's focal point and leaders: personnel records)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from apps.core.forms import add_service_errors
from apps.core.ids import parse_id
from apps.core.uploads import UploadRefused

from .. import services
from ..forms.movements import (
    AnnualRatingForm,
    UploadForm,
)
from ..selectors import movements as selectors
from ..services import ratings_input
from .movements import home_agency, viewed_agency

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def ratings(request: HttpRequest) -> HttpResponse:
    agency = viewed_agency(request)
    year = parse_id(request.GET.get("nam")) or timezone.localdate().year
    can_manage = request.user.has_perm(services.MANAGE, agency)
    if not can_manage:
        raise PermissionDenied("Xếp loại là hồ sơ cán bộ: chỉ đầu mối, lãnh đạo của cơ quan xem.")
    form = AnnualRatingForm(
        request.POST or None,
        people=list(selectors.agency_people(agency=agency)),
        units=list(selectors.agency_units(agency=agency)),
        agency_name=agency.name,
        initial={"year": year},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            ratings_input.annual_rating_save(
                user=request.user,
                agency=agency,
                year=data["year"],
                grade=data["grade"],
                person=data["person"],
                unit=data["unit"],
                discipline=data["discipline"],
                discipline_note=data["discipline_note"],
                pending_review=data["pending_review"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Đã ghi xếp loại.")
            return redirect(f"{reverse('rewards:ratings')}?agency={agency.pk}&nam={data['year']}")
    all_ratings = selectors.annual_rating_list_for_user(user=request.user, agency=agency)
    context = {
        "agency": agency,
        "year": year,
        "years": sorted({*all_ratings.values_list("year", flat=True), year}, reverse=True),
        "ratings": all_ratings.filter(year=year),
        "form": form,
        "can_manage": can_manage,
    }
    return render(
        request, "rewards/rating_list.html", context, status=400 if request.method == "POST" else 200
    )


@login_required
@require_POST
def ratings_from_ratings(request: HttpRequest) -> HttpResponse:
    agency = viewed_agency(request)
    year = parse_id(request.POST.get("year")) or timezone.localdate().year
    count = ratings_input.annual_ratings_from_ratings(user=request.user, agency=agency, year=year)
    if count:
        messages.success(request, f"Đã lấy xếp loại năm {year} của {count} người từ Đánh giá, xếp loại.")
    else:
        messages.info(request, f"Chưa có ai được quyết định xếp loại năm {year} ở mục Đánh giá, xếp loại.")
    return redirect(f"{reverse('rewards:ratings')}?agency={agency.pk}&nam={year}")


@login_required
def ratings_import(request: HttpRequest) -> HttpResponse:
    agency = home_agency(request, services.MANAGE, "Chỉ đầu mối, lãnh đạo của cơ quan nhập xếp loại.")
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        try:
            count = ratings_input.annual_ratings_import_xlsx(
                user=request.user, agency=agency, uploaded=form.cleaned_data["file"]
            )
        except UploadRefused as error:
            form.add_error("file", str(error))
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                add_service_errors(form, error)
            else:
                errors = error.messages
        else:
            messages.success(request, f"Đã nhập xếp loại của {count} người từ tệp Excel.")
            return redirect(f"{reverse('rewards:ratings')}?agency={agency.pk}")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "rewards/rating_import.html",
        {"form": form, "errors": errors, "agency": agency},
        status=status,
    )


@login_required
def ratings_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(ratings_input.import_template_xlsx(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-xep-loai.xlsx"'
    return response
