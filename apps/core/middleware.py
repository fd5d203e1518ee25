"""Headers every page and API answer carries (beside Django's SecurityMiddleware and django-csp)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers


class NoStoreMiddleware:
    """What the application answers is never kept by a browser or a proxy: pages show one person's data, the
    API answers one token, and even public forms carry one-time keys. Static files (WhiteNoise, earlier in
    the chain) keep their long cache; a view that set a Cache-Control of its own keeps it, unless the user is
    signed in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = bool(getattr(user, "is_authenticated", False))
        if signed_in or request.path.startswith("/api/") or not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
            patch_vary_headers(response, ("Cookie",))
        return response
