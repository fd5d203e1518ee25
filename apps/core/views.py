"""The home page (a cockpit per role) and the health probe."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .cockpits import cockpit_for


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The cockpit of the user's role in the current agency: what needs them today."""
    agency = request.agency or None  # type: ignore[attr-defined]
    return render(request, "core/home.html", {"cockpit": cockpit_for(user=request.user, agency=agency)})


def health(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")
