"""Sending one notification: in the app and/or by e-mail, as the person chose, never twice for one key."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..choices import NotificationKind
from ..models import Notification, NotificationPreference
from ..selectors import DEFAULT_PREFERENCE

logger = logging.getLogger(__name__)


def _address(user: Any) -> str:
    person = getattr(user, "person", None)
    return user.email or (person.email if person is not None else "")


def notify(
    *,
    user: Any,
    kind: str,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str,
    preference: tuple[bool, bool] | None = None,
) -> Notification | None:
    """Record the notification (its key is unique) and send the e-mail after commit; None when the person
    wants neither channel or the key was already sent."""
    in_app, by_email = preference or DEFAULT_PREFERENCE
    if preference is None:
        chosen = NotificationPreference.objects.filter(user=user, kind=kind).first()
        if chosen is not None:
            in_app, by_email = chosen.in_app, chosen.email
    if not in_app and not by_email:
        return None
    if Notification.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    email_to = _address(user) if by_email else ""
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user,
                kind=kind,
                title=title[:255],
                body=body,
                url=url,
                dedupe_key=dedupe_key,
                in_app=in_app,
                email_to=email_to,
            )
    except IntegrityError:  # another worker sent the same key a moment ago
        return None
    if email_to:
        transaction.on_commit(partial(_send_email, notification.pk), robust=True)
    return notification


def _send_email(notification_id: int) -> None:
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is None or not notification.email_to:
        return
    link = notification.url
    if link.startswith("/"):  # an e-mail needs the site's address; without one configured, no link
        base = getattr(settings, "PUBLIC_BASE_URL", "").rstrip("/")
        link = base + link if base else ""
    body = notification.body
    if link:
        body += f"\n\nXem trên hệ thống: {link}"
    body += (
        "\n\nThư gửi tự động từ hệ thống quản lý cải cách hành chính; chọn loại thư nhận tại trang Thông báo."
    )
    try:
        EmailMessage(subject=f"[CCHC] {notification.title}", body=body, to=[notification.email_to]).send()
    except Exception:  # the in-app notice stands; a mail server outage is logged, not retried
        logger.exception("E-mail for notification %s failed", notification_id)


@transaction.atomic
def notification_mark_read(*, user: Any, ids: list[int] | None = None) -> int:
    """Mark the user's unread notifications (or only `ids`) as read; returns how many."""
    queryset = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return queryset.update(read_at=timezone.now())


@transaction.atomic
def preferences_save(*, user: Any, choices: dict[str, tuple[bool, bool]]) -> None:
    """Save (in the app, by e-mail) per kind; unknown kinds are refused."""
    valid = set(NotificationKind.values)
    for kind, (in_app, by_email) in choices.items():
        if kind not in valid:
            raise ValidationError(f"Loại thông báo không hợp lệ: {kind}.")
        NotificationPreference.objects.update_or_create(
            user=user, kind=kind, defaults={"in_app": bool(in_app), "email": bool(by_email)}
        )
