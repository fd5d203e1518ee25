"""JSON endpoints for surveys: questionnaires, campaigns and results for staff (the same selectors and rules as
the pages), and the public submission endpoint for kiosks and other apps (no authentication)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from apps.core.client_address import client_address
from apps.core.ids import Id, parse_id

from . import selectors, services
from .services import Outcome, PublicSubmission

router = Router(tags=["Khảo sát SIPAS"])
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,48}$")


class QuestionOut(Schema):
    id: int
    code: str
    number: int
    text: str
    kind: str
    role: str
    respondent_field: str
    required: bool
    counts_toward_index: bool = Field(..., alias="counts")
    options: list[tuple[str, str]]
    max_length: int


class QuestionnaireOut(Schema):
    id: int
    code: str
    year: int
    title: str
    agency_id: int | None
    status: str
    aggregation: str
    based_on_id: int | None
    version: int


class QuestionnaireDetailOut(QuestionnaireOut):
    questions: list[QuestionOut]


class CampaignOut(Schema):
    id: int
    agency_id: int
    questionnaire_id: int
    title: str
    period_start: date
    period_end: date
    closes_on: date
    status: str
    is_published: bool
    channels: list[str]
    population: int | None
    margin: Decimal
    response_count: int
    target_sample: int | None
    version: int


class FigureOut(Schema):
    level: str
    key: str
    code: str
    title: str
    index_percent: Decimal | None
    margin_percent: Decimal | None
    n: int
    satisfied: int
    valid: int
    no_opinion: int
    unanswered: int


class BreakdownOut(Schema):
    key: str | None
    label: str
    responses: int
    index_percent: Decimal | None
    margin_percent: Decimal | None
    n: int


class ResultsOut(Schema):
    campaign_id: int
    responses: int
    aggregation: str
    population: int | None
    overall: FigureOut
    figures: list[FigureOut]
    by_unit: list[BreakdownOut]
    by_procedure: list[BreakdownOut]


class PublicFormOut(Schema):
    campaign_id: int
    agency: str
    title: str
    intro: str
    counter: str | None
    has_dossier: bool
    procedures: list[str]
    questions: list[QuestionOut]


class SubmissionIn(Schema):
    idempotency_key: str = Field(
        ...,
        description="Khóa do ứng dụng tạo cho mỗi phiếu (8–48 ký tự A-Z a-z 0-9 _ -); gửi lại cùng khóa không tạo phiếu mới.",
    )
    answers: dict[str, str] = Field(
        ..., description='Câu trả lời theo mã câu hỏi, ví dụ {"TCDV1": "5", "GY": "…"}.'
    )
    website: str = Field("", description="Ô bẫy: luôn để trống.")


class SubmissionOut(Schema):
    status: str
    response_id: int | None = None


class RefusalOut(Schema):
    status: str
    detail: str
    errors: dict[str, str] = {}


def _campaign_out(campaign: Any) -> dict[str, Any]:
    return {
        "id": campaign.pk,
        "agency_id": campaign.agency_id,
        "questionnaire_id": campaign.questionnaire_id,
        "title": campaign.title,
        "period_start": campaign.period_start,
        "period_end": campaign.period_end,
        "closes_on": campaign.closes_on,
        "status": campaign.status,
        "is_published": campaign.is_published,
        "channels": list(campaign.channels or []),
        "population": campaign.population,
        "margin": campaign.margin,
        "response_count": getattr(campaign, "response_count", 0),
        "target_sample": selectors.campaign_target(campaign),
        "version": campaign.version,
    }


def _figure(level: str, key: str, code: str, title: str, figure: Any) -> dict[str, Any]:
    return {
        "level": level,
        "key": key,
        "code": code,
        "title": title,
        "index_percent": figure.percent,
        "margin_percent": figure.margin_percent,
        "n": figure.n,
        "satisfied": figure.tally.satisfied,
        "valid": figure.tally.valid,
        "no_opinion": figure.tally.no_opinion,
        "unanswered": figure.tally.unanswered,
    }


def _breakdown(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "key": None if row.key in (None, "") else str(row.key),
            "label": row.label,
            "responses": row.responses,
            "index_percent": row.figure.percent,
            "margin_percent": row.figure.margin_percent,
            "n": row.figure.n,
        }
        for row in rows
    ]


@router.get(
    "/surveys/questionnaires", response=list[QuestionnaireOut], summary="Phiếu khảo sát (mẫu và của cơ quan)"
)
def questionnaire_list(request: HttpRequest) -> Any:
    return selectors.questionnaire_list_for_user(user=request.user).order_by("-year", "title")


@router.get(
    "/surveys/questionnaires/{questionnaire_id}",
    response=QuestionnaireDetailOut,
    summary="Một phiếu và các câu hỏi",
)
def questionnaire_get(request: HttpRequest, questionnaire_id: Id) -> Any:
    questionnaire = selectors.questionnaire_get_for_user(user=request.user, pk=questionnaire_id)
    spec = selectors.form_spec(questionnaire)
    return {**QuestionnaireOut.from_orm(questionnaire).dict(), "questions": list(spec.questions)}


@router.get("/surveys/campaigns", response=list[CampaignOut], summary="Đợt khảo sát")
def campaign_list(request: HttpRequest, agency: Id | None = None) -> Any:
    campaigns = selectors.campaign_list_for_user(user=request.user).order_by("-period_start")
    if agency is not None:
        campaigns = campaigns.filter(agency_id=agency)
    return [_campaign_out(campaign) for campaign in campaigns[:500]]


@router.get("/surveys/campaigns/{campaign_id}", response=CampaignOut, summary="Một đợt khảo sát")
def campaign_get(request: HttpRequest, campaign_id: Id) -> Any:
    return _campaign_out(selectors.campaign_get_for_user(user=request.user, pk=campaign_id))


@router.get(
    "/surveys/campaigns/{campaign_id}/results",
    response=ResultsOut,
    summary="Chỉ số hài lòng của đợt: theo câu hỏi, yếu tố, khía cạnh, chung; theo đơn vị và thủ tục",
    description=(
        "Chỉ số câu hỏi = (Hài lòng + Rất hài lòng) ÷ câu trả lời hợp lệ; “Không ý kiến” và câu bỏ trống được "
        "đếm riêng. Yếu tố, khía cạnh và chỉ số chung tổng hợp theo cách của phiếu (mặc định: trung bình các "
        "thành phần). Sai số: nửa khoảng tin cậy 95%, tính bằng điểm phần trăm."
    ),
)
def campaign_results(
    request: HttpRequest, campaign_id: Id, unit: Id | None = None, procedure: str | None = None
) -> Any:
    campaign = selectors.campaign_get_for_user(user=request.user, pk=campaign_id)
    results = selectors.campaign_results(campaign=campaign, unit_id=unit, procedure=procedure)
    figures = [_figure(row.level, row.key, row.code, row.title, row.figure) for row in results.rows]
    return {
        "campaign_id": campaign.pk,
        "responses": results.responses,
        "aggregation": results.spec.aggregation.value,
        "population": campaign.population,
        "overall": figures[0],
        "figures": figures,
        "by_unit": _breakdown(selectors.campaign_breakdown(campaign=campaign, by="unit")),
        "by_procedure": _breakdown(selectors.campaign_breakdown(campaign=campaign, by="procedure")),
    }


PUBLIC_DESCRIPTION = (
    "Không cần đăng nhập. `token` là phần cuối của đường dẫn trong mã QR (…/khao-sat/y/<token>/). "
    "Trả lời: 201 đã nhận; 200 khóa đã dùng (phiếu đã nhận trước đó, không lưu thêm); 404 đường dẫn giả mạo; "
    "410 đường dẫn hết hạn hoặc đợt đã kết thúc; 409 hồ sơ đã được đánh giá; 422 phiếu không hợp lệ (thiếu câu "
    "bắt buộc, ngoài thang đo, quá dài) với lỗi theo mã câu hỏi; 429 quá nhiều phiếu từ một địa chỉ trong một phút."
)


def _public_form(resolution: services.submission.LinkResolution) -> dict[str, Any]:
    campaign = resolution.campaign
    assert campaign is not None
    spec = selectors.form_spec(campaign.questionnaire)
    return {
        "campaign_id": campaign.pk,
        "agency": campaign.agency.name,
        "title": spec.title,
        "intro": spec.intro,
        "counter": resolution.counter.name if resolution.counter else None,
        "has_dossier": bool(resolution.dossier_code),
        "procedures": campaign.procedure_list,
        "questions": list(spec.questions),
    }


@router.get(
    "/surveys/public/{token}",
    auth=None,
    response={200: PublicFormOut, 404: RefusalOut, 410: RefusalOut},
    summary="Phiếu khảo sát của một đường dẫn (công khai)",
    description=PUBLIC_DESCRIPTION,
)
def public_form(request: HttpRequest, token: str) -> Any:
    resolution = services.resolve_link(token)
    if not resolution.ok:
        status = 404 if resolution.outcome == Outcome.NOT_FOUND else 410
        return Status(status, {"status": str(resolution.outcome), "detail": resolution.message})
    return Status(200, _public_form(resolution))


@router.post(
    "/surveys/public/{token}/responses",
    auth=None,
    response={
        200: SubmissionOut,
        201: SubmissionOut,
        404: RefusalOut,
        409: RefusalOut,
        410: RefusalOut,
        422: RefusalOut,
        429: RefusalOut,
    },
    summary="Gửi một phiếu khảo sát (công khai, không lưu thông tin cá nhân)",
    description=PUBLIC_DESCRIPTION,
)
def public_submit(request: HttpRequest, token: str, payload: SubmissionIn) -> Any:
    resolution = services.resolve_link(token)
    key = payload.idempotency_key if KEY_PATTERN.match(payload.idempotency_key) else None
    if key is None and resolution.ok:
        services.abuse_record(campaign=resolution.campaign, kind="forged_key", detail="API")
        detail = "idempotency_key phải gồm 8–48 ký tự chữ, số, “_” hoặc “-”."
        return Status(422, {"status": "invalid", "detail": detail, "errors": {"idempotency_key": detail}})
    result = services.public_submit(
        submission=PublicSubmission(
            resolution=resolution,
            # A namespace per campaign keeps a client's keys apart from the form keys and other campaigns.
            key=f"a{resolution.campaign.pk}-{key}" if key and resolution.campaign else None,
            data={code: str(value) for code, value in payload.answers.items()},
            address=client_address(request),
            honeypot=payload.website,
            body_bytes=(parse_id(request.META.get("CONTENT_LENGTH")) or 0),
            channel="api",
        )
    )
    status = result.http_status
    if result.outcome in (Outcome.ACCEPTED, Outcome.REPLAYED):
        return Status(
            status,
            {"status": str(result.outcome), "response_id": result.response.pk if result.response else None},
        )
    spec_errors = {}
    if result.errors and resolution.campaign is not None:
        by_key = {
            question.key: question.code
            for question in selectors.form_spec(resolution.campaign.questionnaire).questions
        }
        spec_errors = {by_key.get(key, key): message for key, message in result.errors.items()}
    return Status(status, {"status": str(result.outcome), "detail": result.message, "errors": spec_errors})
