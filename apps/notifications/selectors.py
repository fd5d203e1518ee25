"""Reads for notifications: a person's own notices, and — for the reminder jobs — who holds which open occurrence.

The reminder reads are system-wide (a job, not a person, reads them); every recipient they return is checked
against the policy's scope, so nobody is told about an agency they cannot open.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment, User
from apps.accounts.policy import scope_for
from apps.tasks.models import Occurrence, Task
from apps.tasks.selectors import occurrence_status
from domain import task_status
from domain.reminders import Item

from .models import Escalation, Notification, NotificationPreference

REMINDED = (task_status.OVERDUE, task_status.DUE_SOON)
DEFAULT_PREFERENCE = (True, True)  # (in the app, by e-mail)


def notification_list_for_user(*, user: Any) -> QuerySet[Notification]:
    return Notification.objects.filter(user=user, in_app=True).order_by("-created_at", "-pk")


def notification_get_for_user(*, user: Any, pk: int) -> Notification:
    notification = notification_list_for_user(user=user).filter(pk=pk).first()
    if notification is None:
        raise Http404("Không tìm thấy thông báo.")
    return notification


def unread_count_for_user(*, user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, in_app=True, read_at__isnull=True).count()


def preferences_for(*, user_ids: Any, kind: str) -> dict[int, tuple[bool, bool]]:
    """(in the app, by e-mail) per user for one kind; a user who chose nothing gets both."""
    chosen = {
        user_id: (in_app, email)
        for user_id, in_app, email in NotificationPreference.objects.filter(
            user_id__in=list(user_ids), kind=kind
        ).values_list("user_id", "in_app", "email")
    }
    return {user_id: chosen.get(user_id, DEFAULT_PREFERENCE) for user_id in user_ids}


def preference_rows_for_user(*, user: Any) -> dict[str, tuple[bool, bool]]:
    rows = NotificationPreference.objects.filter(user=user).values_list("kind", "in_app", "email")
    return {kind: (in_app, email) for kind, in_app, email in rows}


@dataclass
class OpenOccurrence:
    """An occurrence someone must act on, with what the reminder jobs need to route it."""

    occurrence: Occurrence
    status: str
    agency_id: int
    item: Item
    lead_unit_ids: list[int] = field(default_factory=list)
    accountable_id: int | None = None


def open_occurrences(*, on: date, agency_ids: list[int] | None = None) -> list[OpenOccurrence]:
    """Occurrences overdue or due soon on `on`, not submitted, not accepted, applicable, in active agencies."""
    horizon = on + timedelta(days=settings.CCHC_DUE_SOON_DAYS)
    queryset = Occurrence.objects.filter(
        accepted_on__isnull=True,
        submitted_at__isnull=True,
        not_applicable=False,
        due_on__lte=horizon,
        task__agency__is_active=True,
    ).select_related("task")
    if agency_ids is not None:
        queryset = queryset.filter(task__agency_id__in=agency_ids)
    rows = [(o, occurrence_status(o, on)) for o in queryset.order_by("due_on", "pk")]
    rows = [(o, status) for o, status in rows if status in REMINDED]
    task_ids = {o.task_id for o, _ in rows}
    leads: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for task_id, unit_id, name in Task.lead_units.through.objects.filter(task_id__in=task_ids).values_list(
        "task_id", "unit_id", "unit__name"
    ):
        leads[task_id].append((unit_id, name))
    result = []
    for occurrence, status in rows:
        task = occurrence.task
        units = leads.get(task.pk, [])
        holder = ", ".join(name for _, name in units) or task.lead_text
        item = Item(occurrence.pk, task.ref, task.title, occurrence.label, occurrence.due_on, status, holder)
        result.append(
            OpenOccurrence(
                occurrence, status, task.agency_id, item, [u for u, _ in units], task.accountable_id
            )
        )
    return result


def awaiting_counts(*, agency_ids: list[int] | None = None) -> dict[int, int]:
    """Occurrences submitted and waiting for acceptance, per lead unit."""
    queryset = Task.lead_units.through.objects.filter(
        task__occurrences__submitted_at__isnull=False,
        task__occurrences__accepted_on__isnull=True,
        task__occurrences__not_applicable=False,
    )
    if agency_ids is not None:
        queryset = queryset.filter(task__agency_id__in=agency_ids)
    counts: dict[int, int] = defaultdict(int)
    for unit_id in queryset.values_list("unit_id", flat=True):
        counts[unit_id] += 1
    return dict(counts)


class Reader:
    """Caches each candidate recipient's scope: may they read this agency at all?"""

    def __init__(self) -> None:
        self.users: dict[int, User] = {}

    def load(self, user_ids: set[int]) -> None:
        missing = user_ids - set(self.users)
        if missing:
            for user in User.objects.filter(pk__in=missing, is_active=True).select_related("person"):
                self.users[user.pk] = user

    def may_read(self, user_id: int, agency_id: int) -> bool:
        user = self.users.get(user_id)
        if user is None:
            return False
        readable = scope_for(user).readable_ids
        return readable is None or agency_id in readable


def holders_of(opens: list[OpenOccurrence], reader: Reader) -> dict[int, list[OpenOccurrence]]:
    """Who holds each open occurrence: people of its lead units (their staff record's unit or the unit of a
    working role) and the accountable person. Returns user id → occurrences, checked against their scope."""
    unit_ids = {unit for row in opens for unit in row.lead_unit_ids}
    person_ids = {row.accountable_id for row in opens if row.accountable_id}
    by_unit: dict[int, set[int]] = defaultdict(set)
    for user_id, unit_id in User.objects.filter(is_active=True, person__unit_id__in=unit_ids).values_list(
        "pk", "person__unit_id"
    ):
        by_unit[unit_id].add(user_id)
    for user_id, unit_id in (
        RoleAssignment.objects.filter(unit_id__in=unit_ids, user__is_active=True)
        .exclude(role=Role.VIEWER)
        .values_list("user_id", "unit_id")
    ):
        by_unit[unit_id].add(user_id)
    by_person = dict(
        User.objects.filter(is_active=True, person_id__in=person_ids).values_list("person_id", "pk")
    )
    reader.load({u for users in by_unit.values() for u in users} | set(by_person.values()))
    holders: dict[int, list[OpenOccurrence]] = defaultdict(list)
    for row in opens:
        recipients = {u for unit in row.lead_unit_ids for u in by_unit.get(unit, ())}
        if row.accountable_id in by_person:
            recipients.add(by_person[row.accountable_id])
        for user_id in recipients:
            if reader.may_read(user_id, row.agency_id):
                holders[user_id].append(row)
    return dict(holders)


def role_holders(*, role: str, agency_ids: set[int]) -> dict[int, set[int]]:
    """agency id → users holding `role` directly in it."""
    out: dict[int, set[int]] = defaultdict(set)
    for user_id, agency_id in RoleAssignment.objects.filter(
        role=role, agency_id__in=agency_ids, user__is_active=True
    ).values_list("user_id", "agency_id"):
        out[agency_id].add(user_id)
    return dict(out)


def unit_heads(*, unit_ids: set[int]) -> dict[int, set[int]]:
    """unit id → users who head it (a unit-head role tied to that unit)."""
    out: dict[int, set[int]] = defaultdict(set)
    for user_id, unit_id in RoleAssignment.objects.filter(
        role=Role.UNIT_HEAD, unit_id__in=unit_ids, user__is_active=True
    ).values_list("user_id", "unit_id"):
        out[unit_id].add(user_id)
    return dict(out)


def escalated_levels(*, occurrence_ids: list[int]) -> set[tuple[int, int]]:
    return set(
        Escalation.objects.filter(occurrence_id__in=occurrence_ids).values_list("occurrence_id", "level")
    )
