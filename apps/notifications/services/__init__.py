"""Every write of notifications: sending one (in the app, by e-mail), reading, preferences, the reminder runs."""

from .notify import notification_mark_read, notify, preferences_save
from .reminders import RunSummary, digest_run_weekly, reminders_run_daily, run_reminders_for

__all__ = [
    "RunSummary",
    "digest_run_weekly",
    "notification_mark_read",
    "notify",
    "preferences_save",
    "reminders_run_daily",
    "run_reminders_for",
]
