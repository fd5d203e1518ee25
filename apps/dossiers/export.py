"""Excel export of a dossier list and the apology letter of a late dossier."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from io import BytesIO

from openpyxl import Workbook

from apps.organizations.models import Agency
from domain.documents.apology_letter import ApologyLetter, apology_letter_docx
from domain.indicators.dossier_rates import STATUS_LABELS, dossier_status
from domain.spreadsheet_text import safe_row

from .models import Dossier

EXPORT_LIMIT = 100_000
HEADERS = ("Mã hồ sơ", "Cơ quan", "Đơn vị", "Mã thủ tục", "Tên thủ tục", "Kênh nộp", "Ngày tiếp nhận",
           "Ngày hẹn trả", "Ngày có kết quả", "Tình trạng", "Ngày xin lỗi", "Xin lỗi đúng quy định",
           "Số lần hẹn lại", "Số ngày làm việc")  # fmt: skip


PROGRESS_EVERY = 2_000


def dossiers_to_xlsx(
    dossiers: Iterable[Dossier], today: date, progress: Callable[[int], None] | None = None
) -> bytes:
    """A write-only workbook (flat memory): text that a spreadsheet would run as a formula stays text.
    `progress` hears how many rows are written, every few thousand."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hồ sơ")
    sheet.append(safe_row(HEADERS))
    for count, dossier in enumerate(dossiers):
        if progress is not None and count and count % PROGRESS_EVERY == 0:
            progress(count)
        if count >= EXPORT_LIMIT:
            sheet.append(safe_row([f"Chỉ xuất {EXPORT_LIMIT} hồ sơ đầu tiên: hãy lọc hẹp hơn."]))
            break
        sheet.append(
            safe_row(
                (
                    dossier.code,
                    dossier.agency.name,
                    dossier.unit.name if dossier.unit else "",
                    dossier.procedure.code,
                    dossier.procedure.name,
                    dossier.get_channel_display(),
                    dossier.received_on,
                    dossier.due_on,
                    dossier.resolved_on,
                    STATUS_LABELS[dossier_status(dossier.due_on, dossier.resolved_on, today)],
                    dossier.apology_on,
                    "Có" if dossier.apologised else "Không",
                    dossier.reappointments,
                    dossier.resolution_days,
                )
            )
        )
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def apology_letter_for(dossier: Dossier, *, today: date) -> bytes:
    """The "Phiếu xin lỗi và hẹn lại ngày trả kết quả" of one dossier, as .docx."""
    agency: Agency = dossier.agency
    parent = agency.parent
    symbol = f"PXL-{agency.document_symbol}" if agency.document_symbol else "PXL"
    letter = ApologyLetter(
        governing_body=parent.name if parent else None,
        issuing_body=agency.name,
        symbol=symbol,
        place=agency.place_name or (parent.place_name if parent else ""),
        issued_on=today,
        dossier_code=dossier.code,
        procedure=dossier.procedure.name,
        received_on=dossier.received_on,
        due_on=dossier.due_on,
    )
    return apology_letter_docx(letter)
