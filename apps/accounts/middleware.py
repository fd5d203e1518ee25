"""Puts the agency the user is working in on the request (chosen in the header)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

from .selectors import current_agency


class CurrentAgencyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.agency = SimpleLazyObject(  # type: ignore[attr-defined]
            lambda: current_agency(user=request.user, session=request.session)
        )
        return self.get_response(request)
