"""Task pages: the register (register.py) and execution (execution.py)."""

from .execution import dashboard as dashboard
from .execution import (
    decision_post,
    evidence_download,
    my_work,
    progress_post,
    province_view,
    trigger_post,
    unit_page,
)
from .register import task_bulk_assign, task_detail, task_edit, task_register, task_timeline

__all__ = [
    "dashboard",
    "decision_post",
    "evidence_download",
    "my_work",
    "progress_post",
    "province_view",
    "task_bulk_assign",
    "task_detail",
    "task_edit",
    "task_register",
    "task_timeline",
    "trigger_post",
    "unit_page",
]
