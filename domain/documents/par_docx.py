"""The two Word documents of the PAR INDEX year, in the format of Nghị định 30/2020/NĐ-CP (`nd30`).

- the agency's "Báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm …": why and on which criteria
  set, the overall result (self-assessed points, the appraised and final points once Sở Nội vụ has appraised,
  the index), a table of the areas (lĩnh vực) with maximum, self-assessed, appraised and final points, and the
  criteria that did not reach their maximum with the scoring engine's explanation;
- the "Quyết định công bố kết quả Chỉ số cải cách hành chính năm …" of a province (UBND tỉnh, or Sở Nội vụ):
  authority, basis, Điều 1 (the results in the annex), Điều 2 (effect), Điều 3 (who carries it out), the
  signature, and the annex table STT · Cơ quan · Điểm đạt · Chỉ số (%) · Xếp hạng · Nhóm.

Numbers are written with a decimal comma (`vn_number`); dates as "ngày 08 tháng 01 năm 2026" in the header and
"08/01/2026" in the text (`nd30_text`). Anything unknown is printed as a gap for the clerk, never refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO

import docx
from docx.document import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.nd30 import (
    FIRST_LINE_INDENT,
    DocumentHeader,
    SignatureBlock,
    add_caption,
    add_document_header,
    add_heading,
    add_paragraph,
    add_run,
    add_signature_block,
    add_title,
    setup_document,
)
from domain.documents.nd30_text import GAP, document_reference, field, short_date
from domain.vn_numbers import vn_number

__all__ = [
    "AREA_COLUMNS",
    "DECISION_COLUMNS",
    "SHORTFALL_COLUMNS",
    "AreaResult",
    "CriterionShortfall",
    "PublicationDecision",
    "RankedAgency",
    "SelfAssessmentReport",
    "points_text",
    "publication_decision_docx",
    "self_assessment_report_docx",
    "spelled_out",
]

REPORT_TYPE = "BÁO CÁO"
DECISION_TYPE = "QUYẾT ĐỊNH"
NOT_APPLICABLE = "KAD"
_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
# Portrait text width: 210 − 30 − 15 mm = 16.5 cm.
AREA_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Lĩnh vực", Cm(7.3)),
    GridColumn("Điểm tối đa", Cm(2.0), _CENTER),
    GridColumn("Tự đánh giá", Cm(2.0), _CENTER),
    GridColumn("Thẩm định", Cm(2.0), _CENTER),
    GridColumn("Điểm đạt", Cm(2.0), _CENTER),
)
SHORTFALL_COLUMNS = (
    GridColumn("Mã", Cm(1.4), _CENTER),
    GridColumn("Tiêu chí", Cm(5.6)),
    GridColumn("Điểm đạt / tối đa", Cm(2.3), _CENTER),
    GridColumn("Cách tính, lý do", Cm(7.2)),
)
DECISION_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Cơ quan", Cm(7.3)),
    GridColumn("Điểm đạt", Cm(2.0), _CENTER),
    GridColumn("Chỉ số (%)", Cm(2.0), _CENTER),
    GridColumn("Xếp hạng", Cm(2.0), _CENTER),
    GridColumn("Nhóm", Cm(2.0), _CENTER),
)
_ROMAN = ("I", "II", "III")
# Phụ lục I, mục II.3: the issuing body is written in full; only the governing body may shorten
# "Ủy ban nhân dân" and "Hội đồng nhân dân". Names are stored as people cite them ("UBND tỉnh Đắk Lắk").
_ABBREVIATIONS = (
    (re.compile(r"(?<![\w/-])UBND(?![\w/-])"), "Ủy ban nhân dân"),
    (re.compile(r"(?<![\w/-])HĐND(?![\w/-])"), "Hội đồng nhân dân"),
)


def spelled_out(name: str | None) -> str:
    """ "UBND tỉnh Đắk Lắk" → "Ủy ban nhân dân tỉnh Đắk Lắk", "Chủ tịch UBND tỉnh" likewise; the rest as it is."""
    text = field(name)
    for pattern, full in _ABBREVIATIONS:
        text = pattern.sub(full, text)
    return text


def points_text(value: Decimal | None) -> str:
    """ "88,4" for points and percentages (two places at most, half up); "" when there is none."""
    return "" if value is None else vn_number(value, 2)


# --- the agency's self-assessment report ----------------------------------------------------------------------


@dataclass(frozen=True)
class AreaResult:
    """One area (lĩnh vực) of the criteria tree; ``None`` where the stage has not given points (yet)."""

    code: str
    title: str
    max_points: Decimal
    self_points: Decimal | None  # None for a survey area: the agency does not score it
    appraised_points: Decimal | None  # None until Sở Nội vụ has appraised, and for a survey area
    final_points: Decimal | None
    applicable: bool = True


@dataclass(frozen=True)
class CriterionShortfall:
    """A criterion below its maximum, with the engine's explanation and the appraisal team's reason if any."""

    code: str
    title: str
    points: Decimal
    max_points: Decimal
    explanation: str
    reason: str = ""


@dataclass(frozen=True)
class SelfAssessmentReport:
    """Everything the report shows. Totals exclude nothing the areas show; survey points come from Sở Nội vụ."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk"
    issuing_body: str  # the agency: "Sở Xây dựng tỉnh Đắk Lắk"
    number: str | None
    symbol: str | None  # "BC-SXD"
    place: str
    issued_on: date | None
    year: int | None  # the document's year, printed while the date is unknown
    assessment_year: int
    basis: str  # "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh … về …"
    deadline: date | None  # the round's deadline for the self-assessment
    max_total: Decimal  # the scale's total, 100
    survey_max: Decimal  # points of the sociological survey, scored by Sở Nội vụ (0 if the set has none)
    self_total: Decimal  # the agency's own points, survey excluded
    appraised_total: Decimal | None  # after appraisal, survey excluded; None until appraised
    survey_total: Decimal | None  # None until the survey points are entered
    final_total: Decimal | None  # None until appraised
    index_percent: Decimal | None  # None until appraised
    finalized: bool  # Sở Nội vụ has closed the result
    areas: tuple[AreaResult, ...]
    shortfalls: tuple[CriterionShortfall, ...]
    signer_title: str | None  # "GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    signer: str | None
    recipients: tuple[str, ...]

    @property
    def subject(self) -> str:
        return f"Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {self.assessment_year}"


def _cell(value: Decimal | None, applicable: bool = True) -> str:
    return points_text(value) if applicable or value is None else NOT_APPLICABLE


def _self_max(report: SelfAssessmentReport) -> Decimal:
    return report.max_total - report.survey_max


def overall_lines(report: SelfAssessmentReport) -> list[str]:
    """The overall result in sentences: self-assessed points, then the appraisal and the index where known."""
    agency = spelled_out(report.issuing_body) or GAP
    self_max = _self_max(report)
    lines = [
        f"Tổng điểm tự đánh giá của {agency}: {points_text(report.self_total)}/{points_text(self_max)} điểm"
        + (
            f" (không tính {points_text(report.survey_max)} điểm điều tra xã hội học do Sở Nội vụ tổ chức)."
            if report.survey_max
            else "."
        )
    ]
    if report.final_total is None:
        if self_max:
            share = report.self_total / self_max * 100
            lines.append(
                f"Tỷ lệ điểm tự đánh giá đạt {points_text(share)}% số điểm tối đa của các tiêu chí cơ quan tự "
                "chấm; Chỉ số cải cách hành chính được xác định sau khi Sở Nội vụ thẩm định"
                + (" và có điểm điều tra xã hội học." if report.survey_max else ".")
            )
        return lines
    appraised = (
        f"Điểm sau thẩm định: {points_text(report.appraised_total)}/{points_text(self_max)} điểm"
        if report.appraised_total is not None
        else ""
    )
    survey = (
        f"điểm điều tra xã hội học: {points_text(report.survey_total)}/{points_text(report.survey_max)} điểm"
        if report.survey_max and report.survey_total is not None
        else ("chưa có điểm điều tra xã hội học" if report.survey_max else "")
    )
    lines.append("; ".join(part for part in (appraised, survey) if part) + ".")
    state = "" if report.finalized else " (tạm tính, Sở Nội vụ chưa chốt kết quả)"
    index = f"{points_text(report.index_percent)}%" if report.index_percent is not None else GAP
    lines.append(
        f"Điểm đạt: {points_text(report.final_total)}/{points_text(report.max_total)} điểm; "
        f"Chỉ số cải cách hành chính: {index}{state}."
    )
    return lines


def _text(document: Document, text: str) -> None:
    add_paragraph(document, text, first_line_indent=FIRST_LINE_INDENT)


def _area_table(document: Document, report: SelfAssessmentReport) -> None:
    add_caption(document, "Bảng 1. Kết quả tự đánh giá, chấm điểm theo lĩnh vực")
    table = add_grid_table(document, AREA_COLUMNS)
    for number, area in enumerate(report.areas, start=1):
        add_grid_row(
            table,
            AREA_COLUMNS,
            (
                str(number),
                field(area.title) or GAP,
                points_text(area.max_points),
                _cell(area.self_points, area.applicable),
                _cell(area.appraised_points, area.applicable),
                _cell(area.final_points, area.applicable),
            ),
        )
    add_grid_row(
        table,
        AREA_COLUMNS,
        (
            "",
            "Tổng cộng",
            points_text(report.max_total),
            points_text(report.self_total),
            points_text(report.appraised_total),
            points_text(report.final_total),
        ),
        bold=True,
    )
    if any(not area.applicable for area in report.areas):
        add_paragraph(document, f"{NOT_APPLICABLE}: không áp dụng.", italic=True, size=Pt(12))


def _shortfalls(document: Document, report: SelfAssessmentReport) -> None:
    if not report.shortfalls:
        _text(document, "Tất cả các tiêu chí đã chấm đều đạt điểm tối đa.")
        return
    add_caption(document, "Bảng 2. Các tiêu chí chưa đạt điểm tối đa")
    table = add_grid_table(document, SHORTFALL_COLUMNS)
    for item in report.shortfalls:
        why = field(item.explanation)
        if field(item.reason):
            why = f"{why}. Thẩm định: {field(item.reason)}" if why else f"Thẩm định: {field(item.reason)}"
        add_grid_row(
            table,
            SHORTFALL_COLUMNS,
            (
                field(item.code),
                field(item.title) or GAP,
                f"{points_text(item.points)}/{points_text(item.max_points)}",
                why,
            ),
        )


def write_self_assessment_report(document: Document, report: SelfAssessmentReport) -> None:
    """Append the whole report to an empty python-docx document."""
    issuer = spelled_out(report.issuing_body)
    setup_document(document, title=f"{REPORT_TYPE} {report.subject}", author=issuer)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=report.governing_body,
            issuing_body=issuer,
            number=report.number,
            symbol=report.symbol,
            place=report.place,
            issued_on=report.issued_on,
            year=report.year,
        ),
    )
    add_title(document, REPORT_TYPE, report.subject)
    deadline = f" (hạn nộp ngày {short_date(report.deadline, None)})" if report.deadline else ""
    basis = field(report.basis)
    opening = f"{basis}, " if basis else ""
    _text(
        document,
        f"{opening}{issuer or GAP} đã tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
        f"{report.assessment_year} đối với từng tiêu chí, tiêu chí thành phần thuộc trách nhiệm của cơ quan, "
        f"kèm theo tài liệu kiểm chứng{deadline}. Kết quả cụ thể như sau:",
    )
    numbers = iter(_ROMAN)
    add_heading(document, f"{next(numbers)}. KẾT QUẢ CHUNG")
    for line in overall_lines(report):
        _text(document, line)
    add_heading(document, f"{next(numbers)}. KẾT QUẢ THEO LĨNH VỰC")
    _area_table(document, report)
    add_heading(document, f"{next(numbers)}. CÁC TIÊU CHÍ CHƯA ĐẠT ĐIỂM TỐI ĐA")
    _shortfalls(document, report)
    _text(
        document,
        f"Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
        f"{report.assessment_year} của {issuer or GAP}; bảng điểm chi tiết và tài liệu kiểm chứng được cập nhật "
        "đầy đủ trên Hệ thống./.",
    )
    add_signature_block(document, SignatureBlock(report.signer_title, report.signer, report.recipients))


def _to_bytes(document: Document) -> bytes:
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def self_assessment_report_docx(data: SelfAssessmentReport) -> bytes:
    """The agency's self-assessment report as a .docx file."""
    document = docx.Document()
    write_self_assessment_report(document, data)
    return _to_bytes(document)


# --- the province's decision publishing the results -----------------------------------------------------------


@dataclass(frozen=True)
class RankedAgency:
    """One line of the annex; agencies with the same index share a rank."""

    rank: int
    name: str
    points: Decimal | None
    index_percent: Decimal | None
    group: str


@dataclass(frozen=True)
class PublicationDecision:
    """Everything the decision shows; the app layer picks the issuer (UBND tỉnh or Sở Nội vụ) and its wording."""

    governing_body: str | None  # None for UBND tỉnh; "UBND tỉnh Đắk Lắk" above Sở Nội vụ
    issuing_body: str  # "UBND tỉnh Đắk Lắk" (written in full) or "Sở Nội vụ tỉnh Đắk Lắk"
    number: str | None  # "45"; None → "Số:      /QĐ-UBND"
    symbol: str | None  # "QĐ-UBND"
    place: str
    issued_on: date | None
    year: int | None
    assessment_year: int
    assessed: str  # "các sở, ban, ngành" | "Ủy ban nhân dân các xã, phường"
    authority: str  # "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", printed in capitals above the basis
    basis: tuple[str, ...]  # "Căn cứ …", printed in italics, each closed with ";" and the last with "."
    executors: str  # who carries out the decision (Điều 3)
    ranking: tuple[RankedAgency, ...]  # in ranking order
    signer_title: str | None  # "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    signer: str | None
    recipients: tuple[str, ...]

    @property
    def subject(self) -> str:
        return (
            f"Về việc công bố kết quả Chỉ số cải cách hành chính năm {self.assessment_year} "
            f"của {field(self.assessed) or GAP}"
        )


_CLOSING = re.compile(r"[\s;,.]+$")


def basis_lines(basis: Sequence[str]) -> list[str]:
    """Each basis closed with ";", the last with "." (Phụ lục I, mục II.7)."""
    lines = [_CLOSING.sub("", field(line)) for line in basis]
    lines = [line for line in lines if line]
    return [f"{line};" for line in lines[:-1]] + [f"{line}." for line in lines[-1:]]


def article_lines(decision: PublicationDecision) -> list[tuple[str, str]]:
    """The articles as (label, text): Điều 1 the results, Điều 2 the effect, Điều 3 who carries it out."""
    executors = _CLOSING.sub("", field(decision.executors)) or GAP
    return [
        (
            "Điều 1.",
            f"Công bố kết quả Chỉ số cải cách hành chính năm {decision.assessment_year} của "
            f"{field(decision.assessed) or GAP} (chi tiết tại Phụ lục kèm theo Quyết định này).",
        ),
        ("Điều 2.", "Quyết định này có hiệu lực kể từ ngày ký."),
        ("Điều 3.", f"{executors} chịu trách nhiệm thi hành Quyết định này./."),
    ]


def annex_rows(ranking: Sequence[RankedAgency]) -> list[tuple[str, ...]]:
    """STT · Cơ quan · Điểm đạt · Chỉ số (%) · Xếp hạng · Nhóm, one row per agency in ranking order."""
    return [
        (
            str(position),
            field(item.name) or GAP,
            points_text(item.points),
            points_text(item.index_percent),
            str(item.rank),
            field(item.group),
        )
        for position, item in enumerate(ranking, start=1)
    ]


def _decision_annex(document: Document, decision: PublicationDecision, issuer: str) -> None:
    document.add_page_break()
    add_paragraph(
        document, "PHỤ LỤC", bold=True, align=_CENTER, keep_with_next=True
    ).paragraph_format.space_after = Pt(0)
    add_paragraph(
        document,
        f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {decision.assessment_year} "
        f"CỦA {(field(decision.assessed) or GAP).upper()}",
        bold=True,
        align=_CENTER,
        keep_with_next=True,
    )
    reference = document_reference(
        "Quyết định",
        number=decision.number,
        symbol=decision.symbol,
        issued_on=decision.issued_on,
        year=decision.year,
        issuer=issuer,
    )
    add_paragraph(document, f"(Kèm theo {reference})", italic=True, align=_CENTER, keep_with_next=True)
    table = add_grid_table(document, DECISION_COLUMNS)
    rows = annex_rows(decision.ranking)
    for row in rows:
        add_grid_row(table, DECISION_COLUMNS, row)
    if not rows:
        add_grid_row(table, DECISION_COLUMNS, ("", "[Chưa có cơ quan nào]"), span_from=1)


def write_publication_decision(document: Document, decision: PublicationDecision) -> None:
    """Append the whole decision and its annex to an empty python-docx document."""
    issuer = spelled_out(decision.issuing_body)
    setup_document(document, title=f"{DECISION_TYPE} {decision.subject}", author=issuer)
    add_document_header(
        document,
        DocumentHeader(
            governing_body=decision.governing_body,
            issuing_body=issuer,
            number=decision.number,
            symbol=decision.symbol,
            place=decision.place,
            issued_on=decision.issued_on,
            year=decision.year,
        ),
    )
    add_title(document, DECISION_TYPE, decision.subject)
    # Phụ lục I, mục II.7: the authority in bold capitals, the basis in italics, then "QUYẾT ĐỊNH:".
    add_paragraph(
        document,
        (spelled_out(decision.authority) or GAP).upper(),
        bold=True,
        align=_CENTER,
        keep_with_next=True,
    )
    for line in basis_lines(decision.basis):
        add_paragraph(document, line, italic=True, first_line_indent=FIRST_LINE_INDENT)
    add_paragraph(
        document, f"{DECISION_TYPE}:", bold=True, align=_CENTER, keep_with_next=True, space_before=Pt(6)
    )
    for label, text in article_lines(decision):
        paragraph = add_paragraph(document, label, bold=True, first_line_indent=FIRST_LINE_INDENT)
        add_run(paragraph, f" {text}")
    add_signature_block(document, SignatureBlock(decision.signer_title, decision.signer, decision.recipients))
    _decision_annex(document, decision, issuer)


def publication_decision_docx(data: PublicationDecision) -> bytes:
    """The decision publishing a round's results, with its annex, as a .docx file."""
    document = docx.Document()
    write_publication_decision(document, data)
    return _to_bytes(document)
