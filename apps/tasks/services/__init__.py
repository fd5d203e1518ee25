"""Every write to tasks: the register (import sync, edits), occurrences, progress and acceptance."""

from .bulk import BulkAssignResult, task_bulk_assign
from .occurrences import occurrences_sync_for_plan, occurrences_sync_for_task, task_trigger_record
from .progress import occurrence_accept, occurrence_return, progress_submit
from .register import schedule_of, task_refresh_six_clear, task_sync_from_import, task_update

__all__ = [
    "BulkAssignResult",
    "occurrence_accept",
    "occurrence_return",
    "occurrences_sync_for_plan",
    "occurrences_sync_for_task",
    "progress_submit",
    "schedule_of",
    "task_bulk_assign",
    "task_refresh_six_clear",
    "task_sync_from_import",
    "task_trigger_record",
    "task_update",
]
