"""Excel export of every response of a campaign (openpyxl, write-only), safe against formula injection."""

from __future__ import annotations

from collections import defaultdict
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from domain.spreadsheet_text import safe_cell, safe_row

from .choices import Channel
from .models import Answer, Campaign, SurveyResponse
from .selectors import form_spec

CHUNK = 2000


def campaign_to_xlsx(campaign: Campaign) -> bytes:
    """One row per response, one column per question (the answer's label), then the suggestion's handling."""
    spec = form_spec(campaign.questionnaire)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Phiếu trả lời")
    headers = ["Số phiếu", "Ngày gửi", "Kênh", "Đơn vị", "Quầy", "Thủ tục"]
    headers += [f"{question.code}. {question.text}" for question in spec.questions]
    headers += ["Đã xử lý góp ý", "Ghi chú xử lý"]
    bold = Font(bold=True)
    header_cells = []
    for title in headers:
        cell = WriteOnlyCell(sheet, value=safe_cell(title))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    channels = dict(Channel.choices)
    responses = (
        SurveyResponse.objects.filter(campaign=campaign).select_related("unit", "counter").order_by("pk")
    )
    last = 0
    while True:
        chunk = list(responses.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            break
        last = chunk[-1].pk
        answers: dict[int, dict[int, str]] = defaultdict(dict)
        for response_id, question_id, value, text in Answer.objects.filter(
            response_id__in=[response.pk for response in chunk]
        ).values_list("response_id", "question_id", "value", "text"):
            answers[response_id][question_id] = text or value
        for response in chunk:
            row: list[object] = [
                response.pk,
                response.submitted_on.strftime("%d/%m/%Y"),
                str(channels.get(response.channel, response.channel)),
                response.unit.name if response.unit else "",
                response.counter.name if response.counter else "",
                response.procedure,
            ]
            for question in spec.questions:
                raw = answers[response.pk].get(question.id, "")
                row.append(raw if question.is_text else (question.spec.label_of(raw) if raw else ""))
            row += [
                "Có" if response.suggestion_handled else ("Chưa" if response.suggestion else ""),
                response.handled_note,
            ]
            sheet.append(safe_row(row))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _percent(value: object) -> str:
    return "—" if value is None else f"{value}".replace(".", ",")


def campaign_report_docx(campaign: Campaign) -> bytes:
    """The quarterly SIPAS report of a campaign, ready for the signer (Nghị định 30 layout)."""
    from django.utils import timezone

    from domain.documents.sipas_report import ReportRow, SipasReport, sipas_report_docx

    from .selectors import campaign_results, campaign_target, suggestions_for_campaign

    results = campaign_results(campaign=campaign)
    rows: list[ReportRow] = []
    factor_number = question_number = 0
    for row in results.rows:
        figure = row.figure
        if row.level == "factor":
            factor_number, question_number = factor_number + 1, 0
            number = str(factor_number)
        elif row.level == "question":
            question_number += 1
            number = f"{factor_number}.{question_number}"
        else:
            number = ""
        rows.append(
            ReportRow(
                row.level,
                number,
                row.title,
                _percent(figure.percent),
                _percent(figure.margin_percent),
                figure.n,
            )
        )
    suggestions = suggestions_for_campaign(campaign=campaign)
    channels = dict(Channel.choices)
    agency = campaign.agency
    report = SipasReport(
        governing_body=agency.parent.name if agency.parent else None,
        issuing_body=agency.name,
        place=agency.place_name or "",
        issued_on=timezone.localdate(),
        year=campaign.period_end.year,
        campaign=campaign.title,
        period=f"từ ngày {campaign.period_start:%d/%m/%Y} đến ngày {campaign.period_end:%d/%m/%Y}",
        channels="; ".join(str(channels.get(value, value)) for value in campaign.channels or []) or "—",
        responses=results.responses,
        target=campaign_target(campaign),
        population=campaign.population,
        method=(
            "chỉ số của mỗi câu hỏi là tỷ lệ câu trả lời “Hài lòng” và “Rất hài lòng” trên số câu trả lời hợp lệ "
            "(không tính “Không ý kiến” và câu bỏ trống); chỉ số của yếu tố, khía cạnh và chỉ số chung là "
            + (
                "trung bình các thành phần"
                if results.spec.aggregation == "mean"
                else "tỷ lệ gộp mọi câu trả lời"
            )
            + "; sai số tính ở độ tin cậy 95%."
        ),
        rows=rows,
        suggestions=suggestions.count(),
        suggestions_handled=suggestions.filter(suggestion_handled=True).count(),
        sample_suggestions=[response.suggestion for response in suggestions[:10]],
    )
    return sipas_report_docx(report)
