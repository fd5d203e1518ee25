"""What the worker runs on its own, per schedule slot (see `domain.reminders.schedule_slots`)."""

from __future__ import annotations

from domain.reminders import DAILY, WEEKLY

from .choices import JobKind

# slot name -> (job kind, django-tasks task path, description)
SCHEDULE: dict[str, tuple[str, str, str]] = {
    DAILY: (
        JobKind.DAILY_REMINDERS,
        "apps.notifications.background.daily_reminders",
        "Nhắc việc hằng ngày và cảnh báo quá hạn",
    ),
    WEEKLY: (
        JobKind.WEEKLY_DIGEST,
        "apps.notifications.background.weekly_digest",
        "Tổng hợp tiến độ hằng tuần",
    ),
}
