"""The Excel annex of a periodic report (openpyxl): every task occurrence and every target of the period.

Sheets: "Nhiệm vụ" (one row per occurrence, with its dates and status at the cut-off), "Chỉ tiêu" (targets against
results), "Theo lĩnh vực", "Theo đơn vị" (with whether each unit sent its part), and "Hồ sơ trễ hạn" and
"Khảo sát" when those figures exist. Each sheet: a title row, the data window, then a bold header row frozen at
the top. Text that a spreadsheet would run as a formula is stored as text (``domain.spreadsheet_text``).
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from domain.documents.report_content import ReportContent, plain
from domain.report_tasks import StatusCounts
from domain.spreadsheet_text import safe_cell, safe_row

__all__ = ["HEADER_ROW", "OCCURRENCE_HEADERS", "report_to_xlsx"]

HEADER_ROW = 3
OCCURRENCE_HEADERS = (
    "STT",
    "Lĩnh vực",
    "Kế hoạch",
    "Số hiệu",
    "Nhiệm vụ",
    "Kỳ",
    "Đơn vị chủ trì",
    "Bắt đầu",
    "Hạn",
    "Ngày hoàn thành",
    "Ngày nghiệm thu",
    "Tiến độ (%)",
    "Tình trạng tại ngày chốt số liệu",
    "Chi tiết",
)
_COUNT_HEADERS = (
    "Tổng số",
    "Hoàn thành đúng hạn",
    "Hoàn thành trễ hạn",
    "Quá hạn",
    "Đang thực hiện",
    "Tỷ lệ đúng hạn (%)",
)
_DATE_FORMAT = "DD/MM/YYYY"


def _value(value: Any) -> Any:
    return safe_cell(plain(value)) if isinstance(value, str) else value


def _sheet(
    workbook: Workbook, title: str, heading: str, window: str, headers: Sequence[str], widths: Sequence[int]
) -> Worksheet:
    sheet = workbook.create_sheet(title)
    sheet.append([_value(heading)])
    sheet.append([_value(window)])
    sheet.append(safe_row(headers))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"].font = Font(italic=True)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    return sheet


_WRAP = Alignment(wrap_text=True, vertical="top")


def _rows(sheet: Worksheet, rows: Sequence[Sequence[Any]]) -> None:
    """Append the rows; long text wraps, dates read dd/mm/yyyy (one shared style object: openpyxl is slow
    to compare a new one per cell)."""
    for row in rows:
        sheet.append([_value(value) for value in row])
    for cells in sheet.iter_rows(min_row=HEADER_ROW + 1):
        for cell in cells:
            if isinstance(cell.value, str) and len(cell.value) > 12:
                cell.alignment = _WRAP
            elif cell.is_date:
                cell.number_format = _DATE_FORMAT


def _counts(counts: StatusCounts) -> list[Any]:
    rate = counts.on_time_rate
    return [
        counts.total,
        counts.on_time,
        counts.late,
        counts.overdue,
        counts.in_progress,
        None if rate is None else float(rate),
    ]


def report_to_xlsx(content: ReportContent) -> bytes:
    """The annex as an .xlsx file."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    window = f"Số liệu {content.window_text}" if content.window_text else ""
    title = f"{content.issuing_body} — {content.subject}"
    sheet = _sheet(
        workbook,
        "Nhiệm vụ",
        f"{title}: các kỳ nhiệm vụ",
        window,
        OCCURRENCE_HEADERS,
        (6, 24, 14, 8, 60, 16, 28, 11, 11, 11, 11, 9, 22, 22),
    )
    _rows(
        sheet,
        [
            (
                index,
                row.area,
                row.plan,
                row.ref,
                row.title,
                row.label,
                row.lead,
                row.start_on,
                row.due_on,
                row.completed_on,
                row.accepted_on,
                row.percent,
                row.status,
                row.detail,
            )
            for index, row in enumerate(content.occurrences, start=1)
        ],
    )
    sheet = _sheet(
        workbook,
        "Chỉ tiêu",
        f"{title}: các chỉ tiêu",
        window,
        ("STT", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Đánh giá", "Nguồn số liệu"),
        (6, 70, 14, 14, 18, 30),
    )
    _rows(
        sheet,
        [
            (index, line.text, line.target, line.result, line.assessment, line.source)
            for index, line in enumerate(content.indicators, start=1)
        ],
    )
    sheet = _sheet(
        workbook,
        "Theo lĩnh vực",
        f"{title}: theo lĩnh vực",
        window,
        ("STT", "Lĩnh vực", *_COUNT_HEADERS),
        (6, 50, 10, 12, 12, 10, 12, 12),
    )
    rows: list[list[Any]] = [
        [index, area.name, *_counts(area.counts)] for index, area in enumerate(content.areas, 1)
    ]
    rows.append(["", "Tổng cộng", *_counts(content.totals)])
    _rows(sheet, rows)
    sheet = _sheet(
        workbook,
        "Theo đơn vị",
        f"{title}: theo đơn vị chủ trì",
        window,
        ("STT", "Đơn vị", *_COUNT_HEADERS, "Nội dung báo cáo của đơn vị"),
        (6, 44, 10, 12, 12, 10, 12, 12, 24),
    )
    _rows(
        sheet,
        [
            [index, unit.name, *_counts(unit.counts), unit.contribution]
            for index, unit in enumerate(content.units, 1)
        ],
    )
    if content.dossiers:
        sheet = _sheet(
            workbook,
            "Hồ sơ trễ hạn",
            f"{title}: hồ sơ thủ tục hành chính",
            content.dossiers_note,
            (
                "STT",
                "Thủ tục hành chính",
                "Đã giải quyết",
                "Đúng, trước hạn",
                "Trễ hạn",
                "Quá hạn chưa giải quyết",
                "Đã xin lỗi",
            ),
            (6, 60, 12, 12, 10, 14, 10),
        )
        _rows(
            sheet,
            [
                (index, row.procedure, row.resolved, row.on_time, row.late, row.overdue, row.apologised)
                for index, row in enumerate(content.dossiers, 1)
            ],
        )
    if content.surveys:
        sheet = _sheet(
            workbook,
            "Khảo sát",
            f"{title}: khảo sát mức độ hài lòng",
            content.surveys_note,
            ("STT", "Đợt khảo sát", "Thời gian", "Số phiếu", "Tỷ lệ hài lòng"),
            (6, 50, 26, 10, 14),
        )
        _rows(
            sheet,
            [
                (index, row.campaign, row.period, row.responses, row.rate)
                for index, row in enumerate(content.surveys, 1)
            ],
        )
    output = BytesIO()
    workbook.save(output)
    return output.getvalue()
