"""What every page's shell needs: the navigation and the agency the user works in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from apps.accounts.selectors import agencies_with_roles, current_agency, roles_in

from .navigation import SECTIONS, section_for


def shell(request: HttpRequest) -> dict[str, Any]:
    match = getattr(request, "resolver_match", None)
    section = section_for(match.view_name if match else None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_sections": SECTIONS, "current_section": section, "current_agency": None}
    agency = current_agency(user=user, session=request.session)
    return {
        "nav_sections": [s for s in SECTIONS if not s.permission or user.has_perm(s.permission, agency)],
        "current_section": section,
        "current_agency": agency,
        "my_agencies": agencies_with_roles(user=user),
        "my_roles": roles_in(user=user, agency=agency),
    }
