"""Excel export of a filtered feedback register (write-only workbook, formula injection neutralised)."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from openpyxl import Workbook

from domain.indicators.feedback_rates import STATUS_LABELS
from domain.spreadsheet_text import safe_row

from .models import Feedback
from .selectors import status_of

HEADERS = ("Mã", "Cơ quan", "Ngày tiếp nhận", "Kênh", "Người gửi", "Nội dung", "Thẩm quyền", "Hạn xử lý",
           "Ngày trả lời", "Chuyển đến", "Hạn chuyển", "Ngày chuyển", "Tình trạng", "Hài lòng")  # fmt: skip


def feedback_to_xlsx(items: Iterable[Feedback]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Phản ánh, kiến nghị")
    sheet.append(safe_row(HEADERS))
    for item in items:
        satisfied = {True: "Có", False: "Không"}.get(item.satisfied, "")  # type: ignore[arg-type]
        sheet.append(
            safe_row(
                (
                    item.code,
                    item.agency.name,
                    item.received_on,
                    item.get_channel_display(),
                    item.sender,
                    item.subject,
                    item.get_remit_display(),
                    item.due_on,
                    item.replied_on,
                    item.forwarded_to,
                    item.forward_due_on,
                    item.forwarded_on,
                    STATUS_LABELS[status_of(item)],
                    satisfied,
                )
            )
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
