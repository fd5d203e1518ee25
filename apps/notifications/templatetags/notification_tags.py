"""The bell in the page header: unread count and a link to the notifications page (works without JS)."""

from __future__ import annotations

from typing import Any

from django import template

from ..selectors import unread_count_for_user

register = template.Library()


@register.inclusion_tag("notifications/_bell.html", takes_context=True)
def notification_bell(context: dict[str, Any]) -> dict[str, Any]:
    user = context.get("user")
    return {"unread": unread_count_for_user(user=user) if user is not None else 0}
