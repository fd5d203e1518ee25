"""The home page and the pages of capabilities that are not built yet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from apps.organizations.selectors import agency_list_for_user, person_list_for_user, unit_list_for_user

from .navigation import SECTIONS_BY_KEY


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


@login_required
def section(request: HttpRequest, key: str) -> HttpResponse:
    found = SECTIONS_BY_KEY.get(key)
    if found is None or found.built:
        raise Http404("Không có trang này.")
    return render(request, "core/not_built.html", {"section": found})


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
