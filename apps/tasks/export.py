"""Excel export of any filtered task list (openpyxl), safe against formula injection."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from domain.spreadsheet_text import safe_row
from domain.task_status import STATUS_LABELS

from .choices import SIX_CLEAR_LABELS
from .models import Task
from .selectors import task_status_of

HEADERS = [
    "Kế hoạch",
    "Số hiệu",
    "Loại",
    "Lĩnh vực",
    "Nhiệm vụ",
    "Chủ trì",
    "Phối hợp",
    "Thời gian",
    "Bắt đầu",
    "Hạn",
    "Sản phẩm",
    "Trạng thái",
    "Đủ 06 rõ",
    "Chưa rõ",
]


def tasks_to_xlsx(tasks: Iterable[Task]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Nhiệm vụ"
    sheet.append(safe_row(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for task in tasks:
        missing = [str(SIX_CLEAR_LABELS.get(rule, rule)) for rule, ok in task.six_clear.items() if not ok]
        sheet.append(
            safe_row(
                (
                    task.plan.reference_label or task.plan.title[:60],
                    task.ref,
                    task.get_kind_display(),
                    task.area.name if task.area else "",
                    task.title,
                    task.lead_text,
                    task.cooperating_text,
                    task.timeline_raw,
                    task.start_on,
                    task.due_on,
                    task.deliverable,
                    STATUS_LABELS[task_status_of(task)],
                    "Có" if task.is_six_clear else "Không",
                    ", ".join(missing),
                )
            )
        )
    for column, width in zip(
        "ABCDEFGHIJKLMN", (14, 8, 10, 22, 60, 24, 24, 18, 11, 11, 30, 16, 9, 30), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if cell.column_letter in ("I", "J") and cell.value:
                cell.number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
