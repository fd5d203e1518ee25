"""The reminder runs: the daily message per person, escalation of overdue occurrences, the Monday digest.

The rules (what goes in a message, when an occurrence escalates) are in `domain.reminders`; this module finds
the people and sends. Every message has a dedupe key and every escalation is recorded once per level, so a run
repeated (a second worker, a restart, a manual run) sends nothing twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.jobs.choices import JobKind
from apps.jobs.services import job_create, job_enqueue
from apps.organizations.models import Unit
from domain import reminders as rules
from domain.task_status import OVERDUE
from domain.workdays import DEFAULT_CALENDAR

from ..choices import NotificationKind
from ..models import Escalation
from ..selectors import (
    OpenOccurrence,
    Reader,
    awaiting_counts,
    escalated_levels,
    holders_of,
    open_occurrences,
    preferences_for,
    role_holders,
    unit_heads,
)
from .notify import notify

Progress = Callable[[int, str], None]


def _no_progress(percent: int, message: str = "") -> None:
    return None


@dataclass
class RunSummary:
    daily: int = 0
    escalations: int = 0
    escalation_messages: int = 0
    weekly: int = 0

    def describe(self) -> str:
        parts = []
        if self.daily or not self.weekly:
            parts.append(f"{self.daily} tin nhắc việc")
        if self.escalations:
            parts.append(f"{self.escalations} kỳ quá hạn chuyển cảnh báo ({self.escalation_messages} tin)")
        if self.weekly:
            parts.append(f"{self.weekly} bản tổng hợp tuần")
        return "Đã gửi " + ", ".join(parts) + "."


def reminders_run_daily(
    *, on: date | None = None, agency_ids: list[int] | None = None, progress: Progress | None = None
) -> RunSummary:
    """Each holder gets one message listing their overdue and due-soon occurrences; then escalation."""
    report = progress or _no_progress
    day = on or timezone.localdate()
    summary = RunSummary()
    report(5, "Đang tìm các kỳ quá hạn và sắp đến hạn…")
    opens = open_occurrences(on=day, agency_ids=agency_ids)
    reader = Reader()
    holders = holders_of(opens, reader)
    preferences = preferences_for(user_ids=list(holders), kind=NotificationKind.DAILY)
    url = reverse("tasks:my_work")
    total = max(len(holders), 1)
    for index, (user_id, rows) in enumerate(sorted(holders.items()), start=1):
        message = rules.daily_message(
            [row.item for row in rows], today=day, soon_days=settings.CCHC_DUE_SOON_DAYS
        )
        if message is not None and notify(
            user=reader.users[user_id],
            kind=NotificationKind.DAILY,
            title=message.title,
            body=message.body,
            url=url,
            dedupe_key=rules.daily_key(user_id, day),
            preference=preferences[user_id],
        ):
            summary.daily += 1
        report(5 + 75 * index // total, f"Đã xét {index}/{len(holders)} người nhận.")
    report(80, "Đang xét chuyển cảnh báo quá hạn…")
    _escalate(day, [row for row in opens if row.status == OVERDUE], reader, summary)
    report(100, summary.describe())
    return summary


def _escalate(day: date, overdue: list[OpenOccurrence], reader: Reader, summary: RunSummary) -> None:
    """Record each newly reached level once, then send each recipient one message listing theirs."""
    threshold = settings.CCHC_ESCALATION_WORKING_DAYS
    done = escalated_levels(occurrence_ids=[row.occurrence.pk for row in overdue])
    pending: list[tuple[OpenOccurrence, int, int]] = []
    for row in overdue:
        levels = rules.escalation_levels(
            due_on=row.occurrence.due_on, today=day, threshold=threshold, calendar=DEFAULT_CALENDAR
        )
        days = rules.working_days_overdue(due_on=row.occurrence.due_on, today=day, calendar=DEFAULT_CALENDAR)
        pending += [(row, level, days) for level in levels if (row.occurrence.pk, level) not in done]
    if not pending:
        return
    agencies = {row.agency_id for row, _, _ in pending}
    heads = unit_heads(unit_ids={u for row, _, _ in pending for u in row.lead_unit_ids})
    leaders = role_holders(role=Role.LEADER, agency_ids=agencies)
    focal = role_holders(role=Role.FOCAL_POINT, agency_ids=agencies)
    with transaction.atomic():
        batches: dict[int, list[tuple[rules.Escalated, int]]] = defaultdict(list)
        for row, level, days in pending:
            try:
                with transaction.atomic():
                    record = Escalation.objects.create(
                        occurrence=row.occurrence, level=level, working_days=days, created_on=day
                    )
            except IntegrityError:  # another run escalated it a moment ago
                continue
            summary.escalations += 1
            if level == rules.UNIT_HEAD_LEVEL:
                recipients = {u for unit in row.lead_unit_ids for u in heads.get(unit, ())}
            else:
                recipients = set(leaders.get(row.agency_id, ()))
            # Nobody named for that level: the agency's focal point follows it up.
            recipients = recipients or set(focal.get(row.agency_id, ()))
            for user_id in recipients:
                batches[user_id].append((rules.Escalated(row.item, level, days), record.pk))
        reader.load(set(batches))
        preferences = preferences_for(user_ids=list(batches), kind=NotificationKind.ESCALATION)
        for user_id, entries in batches.items():
            if user_id not in reader.users:
                continue
            # Someone named for both levels (a focal point standing in) sees each occurrence once, at its top level.
            top: dict[int, rules.Escalated] = {}
            for entry, _ in entries:
                current = top.get(entry.item.occurrence_id)
                if current is None or entry.level > current.level:
                    top[entry.item.occurrence_id] = entry
            message = rules.escalation_message(list(top.values()), today=day)
            # a leader follows up from the dashboard (who holds what), a unit head from their unit's list
            leading = any(entry.level == rules.LEADER_LEVEL for entry in top.values())
            url = reverse("tasks:dashboard") if leading else reverse("tasks:my_work")
            if message is not None and notify(
                user=reader.users[user_id],
                kind=NotificationKind.ESCALATION,
                title=message.title,
                body=message.body,
                url=url,
                dedupe_key=rules.escalation_key(user_id, day, min(pk for _, pk in entries)),
                preference=preferences[user_id],
            ):
                summary.escalation_messages += 1


def digest_run_weekly(*, on: date | None = None, progress: Progress | None = None) -> RunSummary:
    """Monday digest: each unit head gets their unit's list, each focal point every unit of their agency."""
    report = progress or _no_progress
    day = on or timezone.localdate()
    summary = RunSummary()
    report(5, "Đang tổng hợp theo đơn vị…")
    opens = open_occurrences(on=day)
    by_unit: dict[int, list[OpenOccurrence]] = defaultdict(list)
    unit_agency: dict[int, int] = {}
    for row in opens:
        for unit in row.lead_unit_ids:
            by_unit[unit].append(row)
            unit_agency[unit] = row.agency_id
    awaiting = awaiting_counts()
    names = dict(Unit.objects.filter(pk__in=set(by_unit) | set(awaiting)).values_list("pk", "name"))
    unit_agency.update(Unit.objects.filter(pk__in=set(awaiting)).values_list("pk", "agency_id"))

    def section(unit_id: int) -> rules.Section:
        items = [row.item for row in by_unit.get(unit_id, [])]
        return rules.Section(names.get(unit_id, ""), items, awaiting.get(unit_id, 0))

    sections: dict[int, list[rules.Section]] = defaultdict(list)
    focal_of: dict[int, set[int]] = defaultdict(set)  # user → agencies whose focal point they are
    for agency_id, users in role_holders(role=Role.FOCAL_POINT, agency_ids=set(unit_agency.values())).items():
        units = sorted((u for u, a in unit_agency.items() if a == agency_id), key=lambda u: names.get(u, ""))
        for user_id in users:
            focal_of[user_id].add(agency_id)
            sections[user_id] += [section(u) for u in units]
    for unit_id, users in unit_heads(unit_ids=set(unit_agency)).items():
        for user_id in users:
            if unit_agency[unit_id] not in focal_of.get(user_id, ()):  # else the agency digest has it
                sections[user_id].append(section(unit_id))
    reader = Reader()
    reader.load(set(sections))
    preferences = preferences_for(user_ids=list(sections), kind=NotificationKind.WEEKLY)
    total = max(len(sections), 1)
    for index, (user_id, parts) in enumerate(sorted(sections.items()), start=1):
        message = rules.weekly_message(parts, today=day, soon_days=settings.CCHC_DUE_SOON_DAYS)
        user = reader.users.get(user_id)
        if user is not None and message is not None:
            url = reverse("tasks:dashboard") if user_id in focal_of else reverse("tasks:my_work")
            if notify(
                user=user,
                kind=NotificationKind.WEEKLY,
                title=message.title,
                body=message.body,
                url=url,
                dedupe_key=rules.weekly_key(user_id, day),
                preference=preferences[user_id],
            ):
                summary.weekly += 1
        report(5 + 95 * index // total, f"Đã xét {index}/{len(sections)} người nhận.")
    report(100, summary.describe())
    return summary


def run_reminders_for(*, user: Any, agency: Any) -> Any:
    """Start the daily reminder run for one agency now, as a background job the page follows."""
    from ..background import daily_reminders

    with transaction.atomic():
        job = job_create(
            kind=JobKind.DAILY_REMINDERS,
            user=user,
            agency=agency,
            message=f"Đã yêu cầu gửi nhắc việc cho {agency.name}.",
        )
        job_enqueue(job=job, task=daily_reminders, agency_ids=[agency.pk])
    return job
