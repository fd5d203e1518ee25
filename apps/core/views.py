"""The home page and the health probe."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.organizations.selectors import agency_list_for_user, person_list_for_user, unit_list_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    agency = request.agency  # type: ignore[attr-defined]
    context = {
        "agency_count": agency_list_for_user(user=request.user).count(),
        "unit_count": unit_list_for_user(user=request.user, agency=agency or None).count() if agency else 0,
        "person_count": person_list_for_user(user=request.user, agency=agency or None).count()
        if agency
        else 0,
    }
    return render(request, "core/home.html", context)


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
