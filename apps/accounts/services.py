"""Writes about accounts: switching agency, roles, API tokens."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.organizations.models import Agency, Unit

from .choices import Role
from .models import ApiToken, RoleAssignment, User
from .policy import forget_scope
from .selectors import SESSION_AGENCY_KEY, agencies_with_roles


def current_agency_switch(*, user: Any, session: Any, agency_id: int) -> Agency:
    for agency in agencies_with_roles(user=user):
        if agency.pk == agency_id:
            session[SESSION_AGENCY_KEY] = agency.pk
            return agency
    raise ValidationError("Bạn không có vai trò nào trong cơ quan này.")


@transaction.atomic
def role_assign(*, user: User, agency: Agency, role: str, unit: Unit | None = None) -> RoleAssignment:
    if role not in Role.values:
        raise ValidationError({"role": "Vai trò không hợp lệ."})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị phải thuộc cơ quan được giao vai trò."})
    assignment, _ = RoleAssignment.objects.update_or_create(
        user=user, agency=agency, role=role, defaults={"unit": unit}
    )
    forget_scope(user)
    return assignment


@transaction.atomic
def role_revoke(*, assignment: RoleAssignment) -> None:
    user = assignment.user
    assignment.delete()
    forget_scope(user)


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token; the clear key is returned once and never stored."""
    name = name.strip() or "API"
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name[:64], key_hash=ApiToken.hash_key(key))
    return token, key


def api_token_touch(*, token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> None:
    ApiToken.objects.filter(user=user, pk=token_id).delete()
