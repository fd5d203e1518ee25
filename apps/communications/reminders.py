"""The daily reminder of the communication plan, sent by the daily reminders job through the existing
notifications: in the last week of a month, while a channel has fewer articles than its target, the agency's
focal points are told which channels and how many days are left. One message per person and day (the
notification key), so a second run the same day sends nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment
from apps.notifications.choices import NotificationKind
from apps.notifications.services.notify import notify
from apps.plans.choices import PlanStatus, PlanType
from apps.plans.models import Plan

from .choices import Channel
from .selectors import month_grid

WINDOW_DAYS = 7  # the reminder starts a week before the month ends


@dataclass
class CommunicationReminders:
    agencies: int = 0
    messages: int = 0

    def describe(self) -> str:
        return f"Tuyên truyền: nhắc {self.agencies} cơ quan ({self.messages} thông báo)."


def communication_reminders_run(*, on: date) -> CommunicationReminders:
    summary = CommunicationReminders()
    plans = (
        Plan.objects.filter(plan_type=PlanType.COMMUNICATION)
        .exclude(status=PlanStatus.SUPERSEDED)
        .filter(Q(period_end__isnull=True) | Q(period_end__gte=on))
        .select_related("agency")
        .order_by("agency_id", "-issued_on", "-pk")
    )
    seen: set[int] = set()
    labels = dict(Channel.choices)
    for plan in plans:
        if plan.agency_id in seen:
            continue
        seen.add(plan.agency_id)
        grid = month_grid(agency=plan.agency, plan=plan, year=on.year, today=on)
        row = grid.rows[on.month - 1]
        short = [cell for cell in row.cells if cell.status == "open" and (cell.days_left or 0) < WINDOW_DAYS]
        if not short:
            continue
        left = short[0].days_left or 0
        title = f"Tuyên truyền CCHC tháng {on.month}/{on.year}: chưa đạt chỉ tiêu, " + (
            "hôm nay là ngày cuối tháng" if left == 0 else f"còn {left} ngày"
        )
        body = (
            "; ".join(f"{labels[cell.channel]}: {cell.count}/{cell.target} tin, bài" for cell in short)
            + ". Đăng và ghi sổ tin, bài trước khi hết tháng."
        )
        url = f"{reverse('communications:home')}?agency={plan.agency_id}&plan={plan.pk}"
        focal_users = {
            assignment.user
            for assignment in RoleAssignment.objects.filter(
                agency_id=plan.agency_id, role=Role.FOCAL_POINT
            ).select_related("user")
        }
        sent = 0
        for user in focal_users:
            sent += bool(
                notify(
                    user=user,
                    kind=NotificationKind.DAILY,
                    title=title,
                    body=body,
                    url=url,
                    dedupe_key=f"communications:{plan.agency_id}:{on.isoformat()}:{user.pk}",
                )
            )
        if sent:
            summary.agencies += 1
            summary.messages += sent
    return summary
