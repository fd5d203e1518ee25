"""Saving and removing a register's filters (the forms are in the table toolbar of each register)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import selectors, services
from .tables import REGISTERS


@login_required
@require_POST
def saved_filter_create(request: HttpRequest) -> HttpResponse:
    register = request.POST.get("register", "")
    if register not in REGISTERS:
        raise Http404("Không có sổ này.")
    # Parsed and encoded again: what is kept is a plain query string of this register, never a page number.
    parsed = QueryDict(request.POST.get("query", "").lstrip("?"), mutable=True)
    parsed.pop("page", None)
    query = parsed.urlencode()
    back = reverse(REGISTERS[register]) + (f"?{query}" if query else "")
    try:
        saved = services.saved_filter_save(
            user=request.user, register=register, name=request.POST.get("name", ""), query=query
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã lưu bộ lọc “{saved.name}”.")
    return redirect(back)


@login_required
@require_POST
def saved_filter_delete(request: HttpRequest, pk: int) -> HttpResponse:
    saved = selectors.saved_filter_get_for_user(user=request.user, pk=pk)
    register, name = saved.register, saved.name
    services.saved_filter_delete(saved_filter=saved)
    messages.success(request, f"Đã xoá bộ lọc “{name}”.")
    return redirect(REGISTERS.get(register, "core:home"))
