"""Excel of an assessment in the province's table layout (Điểm tối đa · Điều tra XHH · Tự đánh giá · Thẩm định ·
Điểm đạt · Chỉ số · Ghi chú) and of a round's ranking; every cell made inert (safe_row)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from apps.scoring.selectors import SetTree
from domain.scoring.scoring import NodeScore
from domain.spreadsheet_text import safe_row

from .models import AssessmentRound
from .selectors import AssessmentView, Ranked

TABLE_HEADERS = [
    "Mã",
    "Lĩnh vực / Tiêu chí / Tiêu chí thành phần",
    "Điểm tối đa",
    "Điều tra XHH",
    "Tự đánh giá",
    "Thẩm định",
    "Điểm đạt",
    "Chỉ số (%)",
    "Ghi chú",
]


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _node(node: NodeScore | None) -> object:
    """Points as a number Excel can add up; "KAD" (không áp dụng) for a criterion that does not apply."""
    if node is None or not node.scored:
        return None
    return "KAD" if not node.applicable else float(node.points)


def _totals(item: Ranked) -> list[object]:
    """Tự đánh giá · Điều tra XHH · Điểm đạt · Chỉ số (%) · Nhóm · Trạng thái of a ranked agency."""
    assessment = item.assessment
    return [
        _number(assessment.self_total),
        _number(assessment.survey_total),
        _number(assessment.final_total),
        _number(assessment.index_percent),
        item.group,
        assessment.get_status_display(),
    ]


def _head(sheet: Worksheet, title: str, headers: Sequence[str]) -> None:
    sheet.append(safe_row([title]))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append(safe_row(headers))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")


def _save(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def assessment_to_xlsx(view: AssessmentView) -> bytes:
    assessment = view.assessment
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Bảng điểm"
    _head(
        sheet,
        f"Kết quả Chỉ số CCHC năm {assessment.round.year} — {assessment.agency.name}",
        TABLE_HEADERS,
    )
    for line in view.lines:
        final = line.final_node
        index = None
        if final is not None and final.applicable and final.max_points:
            index = final.points / final.max_points * 100
        survey = _node(line.final_node) if line.is_survey else None
        appraised = _node(line.final_node) if line.score is not None and line.score.verdict else None
        note_parts = []
        if line.score is not None:
            if line.score.appraisal_reason:
                note_parts.append(f"Thẩm định: {line.score.appraisal_reason}")
            if line.score.response:
                note_parts.append(f"Giải trình: {line.score.response}")
            if line.score.review_reason:
                note_parts.append(f"Thẩm định lại: {line.score.review_reason}")
        row = [
            line.row.criterion.code,
            "    " * line.row.depth + line.row.criterion.title,
            _number(line.row.node.full_max()),
            survey,
            None if line.is_survey else _node(line.self_node),
            appraised,
            _node(line.final_node),
            None if index is None else round(float(index), 2),
            "; ".join(note_parts),
        ]
        sheet.append(safe_row(row))
        if line.row.depth == 0:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    card = view.final_card.card
    sheet.append(
        safe_row(
            [
                "",
                "Tổng",
                _number(card.full_max),
                "",
                _number(view.self_card.card.total),
                "",
                _number(card.total),
                _number(card.index_percent),
                card.explanation,
            ]
        )
    )
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFGHI", (8, 70, 10, 10, 10, 10, 10, 10, 50), strict=True):
        sheet.column_dimensions[column].width = width
    return _save(workbook)


def ranking_to_xlsx(round_: AssessmentRound, ranked: Sequence[Ranked]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Xếp hạng"
    _head(
        sheet,
        f"Xếp hạng Chỉ số CCHC năm {round_.year} — {round_.level_label} — {round_.province.name}",
        ["Hạng", "Cơ quan", "Tự đánh giá", "Điều tra XHH", "Điểm đạt", "Chỉ số (%)", "Nhóm", "Trạng thái"],
    )
    for item in ranked:
        sheet.append(safe_row([item.rank, item.assessment.agency.name, *_totals(item)]))
    for column, width in zip("ABCDEFGH", (6, 50, 12, 12, 12, 12, 8, 28), strict=True):
        sheet.column_dimensions[column].width = width
    return _save(workbook)


def round_to_xlsx(
    round_: AssessmentRound, ranked: Sequence[Ranked], tree: SetTree, cards: Mapping[int, Any]
) -> bytes:
    """The province's summary of a round: one row per agency in ranking order with its points per area and
    totals ("Tổng hợp"), then every agency's criteria with each stage's points ("Chi tiết"). ``cards`` maps an
    assessment id to its (self, final) scorecards."""
    workbook = Workbook(write_only=True)
    areas = [row for row in tree.rows if row.depth == 0]
    summary = workbook.create_sheet("Tổng hợp")
    summary.append(
        safe_row([f"Tổng hợp Chỉ số CCHC năm {round_.year} — {round_.level_label} — {round_.province.name}"])
    )
    summary.append([])
    summary.append(
        safe_row(
            [
                "Hạng",
                "Cơ quan",
                *[f"{row.criterion.code}. {row.criterion.title} ({_max_text(row)})" for row in areas],
                "Tự đánh giá",
                "Điều tra XHH",
                "Điểm đạt",
                "Chỉ số (%)",
                "Nhóm",
                "Trạng thái",
            ]
        )
    )
    detail = workbook.create_sheet("Chi tiết")
    detail.append(
        safe_row(["Cơ quan", "Mã", "Tiêu chí", "Điểm tối đa", "Điều tra XHH", "Tự đánh giá", "Điểm đạt"])
    )
    for item in ranked:
        assessment = item.assessment
        mine, final = cards[assessment.pk]
        summary.append(
            safe_row(
                [
                    item.rank,
                    assessment.agency.name,
                    *[_node(final.nodes.get(row.criterion.code)) for row in areas],
                    *_totals(item),
                ]
            )
        )
        for row in tree.rows:
            code = row.criterion.code
            survey = row.criterion.method == "survey"
            detail.append(
                safe_row(
                    [
                        assessment.agency.name,
                        code,
                        row.criterion.title,
                        _number(row.node.full_max()),
                        _node(final.nodes.get(code)) if survey else None,
                        None if survey else _node(mine.nodes.get(code)),
                        _node(final.nodes.get(code)),
                    ]
                )
            )
    return _save(workbook)


def _max_text(row: Any) -> str:
    return f"{row.node.full_max():f}".rstrip("0").rstrip(".").replace(".", ",") + " điểm"
