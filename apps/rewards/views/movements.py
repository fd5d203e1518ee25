"""Pages of movements: the home list of the agency's movements."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from apps.core.ids import parse_id

from .. import services
from ..selectors.common import agency_for_user
from ..selectors.movements import movement_list_for_user


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Thi đua, khen thưởng: the agency's movements, newest first."""
    agency = agency_for_user(
        user=request.user, pk=parse_id(request.GET.get("agency")), fallback=getattr(request, "agency", None)
    )
    context = {
        "agency": agency,
        "movements": movement_list_for_user(user=request.user, agency=agency),
        "can_manage": request.user.has_perm(services.MANAGE, agency),
    }
    return render(request, "rewards/home.html", context)
