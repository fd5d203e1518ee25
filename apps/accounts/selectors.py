"""Reads about the signed-in user: their roles, their agencies, the agency they are working in."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from apps.organizations.models import Agency

from .choices import Role
from .models import ApiToken, RoleAssignment

SESSION_AGENCY_KEY = "cchc_current_agency"


def role_assignments_for_user(*, user: Any) -> QuerySet[RoleAssignment]:
    if not getattr(user, "is_authenticated", False):
        return RoleAssignment.objects.none()
    return user.roles.select_related("agency", "unit").order_by("agency__name", "role")


def agencies_with_roles(*, user: Any) -> list[Agency]:
    """Agencies the user holds a role in, for the header's agency switcher."""
    seen: dict[int, Agency] = {}
    # The agency of a working role comes first, so a viewer elsewhere does not become the default.
    assignments = sorted(role_assignments_for_user(user=user), key=lambda a: (a.role == Role.VIEWER, a.pk))
    for assignment in assignments:
        seen.setdefault(assignment.agency_id, assignment.agency)
    return list(seen.values())


def current_agency(*, user: Any, session: Any) -> Agency | None:
    agencies = agencies_with_roles(user=user)
    wanted = session.get(SESSION_AGENCY_KEY)
    for agency in agencies:
        if agency.pk == wanted:
            return agency
    return agencies[0] if agencies else None


def roles_in(*, user: Any, agency: Agency | None) -> list[str]:
    if agency is None:
        return []
    return [str(Role(a.role).label) for a in role_assignments_for_user(user=user) if a.agency_id == agency.pk]


def token_list_for_user(*, user: Any) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def user_for_token(*, key: str) -> Any | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=ApiToken.hash_key(key)).first()
    if token is None or not token.user.is_active:
        return None
    return token
