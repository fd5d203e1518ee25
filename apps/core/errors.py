"""The error pages (400, 403, 404, CSRF failure) in the layout, in Vietnamese; the 500 page is Django's own view
rendering the self-contained templates/500.html, which needs neither the database nor the request."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def _our_message(exception: Any) -> str:
    """The reason our code gave (Vietnamese, so with diacritics); Django's own English reasons are not shown."""
    message = exception.args[0] if exception is not None and exception.args else ""
    if isinstance(message, str) and any(ord(character) > 127 for character in message):
        return message
    return ""


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"reason": _our_message(exception)}, status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", {"reason": _our_message(exception)}, status=404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent after the session ended or from an old tab: say so, and how to send it again."""
    return render(request, "403.html", {"csrf": True}, status=403)
