"""JSON endpoints of the PAR INDEX assessment year: rounds, an assessment with every criterion's stages, the
self-score, appraisal and explanation of one criterion, the workflow steps, and the ranking. The same selectors,
services and rules as the pages: another agency's assessment before publication is a 404, a step that is not
the caller's a 403, a refused value a 422 with the Vietnamese reason, a stale version a 409."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import Field

from apps.core.ids import Id, Version
from apps.core.versioning import CONFLICT_RESPONSES
from domain.scoring.entries import Entry

from . import selectors, services
from .models import Assessment, AssessmentRound

router = Router(tags=["Đánh giá Chỉ số CCHC"])

Points = Annotated[Decimal, Field(ge=0, le=1000, max_digits=7, decimal_places=2)]
Text = Annotated[str, Field(max_length=5000)]


class RoundOut(Schema):
    id: int
    province_id: int
    criteria_set_id: int
    year: int
    level: str
    self_deadline: date
    appraisal_deadline: date
    explanation_deadline: date
    final_deadline: date
    groups: list[dict[str, str]]
    published_at: datetime | None
    decision_number: str
    version: int


class AssessmentOut(Schema):
    id: int
    round_id: int
    agency_id: int
    agency_code: str
    agency_name: str
    status: str
    self_total: Decimal | None
    survey_total: Decimal | None
    final_total: Decimal | None
    index_percent: Decimal | None
    version: int


class ScoreOut(Schema):
    id: int | None
    code: str
    parent: str | None
    title: str
    max_points: Decimal
    method: str
    computed_value: str
    computed_points: Decimal | None
    computed_note: str
    self_entry: dict[str, Any]
    self_points: Decimal | None
    comment: str
    verdict: str
    appraisal_entry: dict[str, Any]
    appraisal_reason: str
    response: str
    review_verdict: str
    review_entry: dict[str, Any]
    review_reason: str
    survey_entry: dict[str, Any]
    final_points: Decimal | None
    explanation: str
    evidence: list[str]
    version: int | None


class AssessmentDetailOut(AssessmentOut):
    criteria: list[ScoreOut]
    explanation: str


class RankedOut(Schema):
    rank: int
    group: str
    assessment: AssessmentOut


class EntryIn(Schema):
    value: Annotated[str, Field(max_length=200)] = ""
    points: Points | None = None
    not_applicable: bool = False
    reason: Text = ""
    version: Version | None = None

    def entry(self) -> Entry:
        return Entry(
            value=self.value, points=self.points, not_applicable=self.not_applicable, reason=self.reason
        )


class SelfScoreIn(EntryIn):
    comment: Text = ""


class AppraisalIn(EntryIn):
    verdict: Literal["accepted", "adjusted"]


class ExplanationIn(Schema):
    response: Text
    version: Version | None = None


class StepIn(Schema):
    version: Version | None = None


def _assessment_out(assessment: Assessment) -> dict[str, Any]:
    return {
        "id": assessment.pk,
        "round_id": assessment.round_id,
        "agency_id": assessment.agency_id,
        "agency_code": assessment.agency.code,
        "agency_name": assessment.agency.name,
        "status": assessment.status,
        "self_total": assessment.self_total,
        "survey_total": assessment.survey_total,
        "final_total": assessment.final_total,
        "index_percent": assessment.index_percent,
        "version": assessment.version,
    }


def _detail(assessment: Assessment) -> dict[str, Any]:
    view = selectors.assessment_view(assessment=assessment)
    codes = {line.row.criterion.pk: line.row.criterion.code for line in view.lines}
    criteria = []
    for line in view.lines:
        score, criterion = line.score, line.row.criterion
        criteria.append(
            {
                "id": score.pk if score else None,
                "code": criterion.code,
                "parent": codes.get(criterion.parent_id) if criterion.parent_id else None,
                "title": criterion.title,
                "max_points": line.row.node.full_max(),
                "method": criterion.method,
                "computed_value": score.computed_value if score else "",
                "computed_points": score.computed_points if score else None,
                "computed_note": score.computed_note if score else "",
                "self_entry": score.self_entry if score else {},
                "self_points": line.self_node.points if line.self_node and line.self_node.scored else None,
                "comment": score.comment if score else "",
                "verdict": score.verdict if score else "",
                "appraisal_entry": score.appraisal_entry if score else {},
                "appraisal_reason": score.appraisal_reason if score else "",
                "response": score.response if score else "",
                "review_verdict": score.review_verdict if score else "",
                "review_entry": score.review_entry if score else {},
                "review_reason": score.review_reason if score else "",
                "survey_entry": score.survey_entry if score else {},
                "final_points": line.final_node.points
                if line.final_node and line.final_node.scored
                else None,
                "explanation": line.final_node.explanation if line.final_node else "",
                "evidence": [evidence.original_name for evidence in line.evidence],
                "version": score.version if score else None,
            }
        )
    assessment.refresh_from_db()
    return {
        **_assessment_out(assessment),
        "criteria": criteria,
        "explanation": view.final_card.card.explanation,
    }


@router.get("/par/rounds", response=list[RoundOut], summary="Các đợt đánh giá Chỉ số CCHC")
def round_list(request: HttpRequest) -> Any:
    return selectors.round_list_for_user(user=request.user)[:200]


@router.get("/par/rounds/{round_id}", response=RoundOut, summary="Một đợt đánh giá")
def round_get(request: HttpRequest, round_id: Id) -> AssessmentRound:
    return selectors.round_get_for_user(user=request.user, pk=round_id)


@router.get(
    "/par/rounds/{round_id}/assessments",
    response=list[AssessmentOut],
    summary="Các bản đánh giá của đợt mà người dùng được xem",
)
def round_assessments(request: HttpRequest, round_id: Id) -> Any:
    round_ = selectors.round_get_for_user(user=request.user, pk=round_id)
    return [_assessment_out(a) for a in selectors.assessments_of_round(user=request.user, round_=round_)]


@router.get(
    "/par/rounds/{round_id}/ranking",
    response=list[RankedOut],
    summary="Xếp hạng (Sở Nội vụ; mọi người trong tỉnh sau khi công bố)",
)
def round_ranking(request: HttpRequest, round_id: Id) -> Any:
    round_ = selectors.round_get_for_user(user=request.user, pk=round_id)
    if not selectors.sees_whole_round(user=request.user, round_=round_):
        raise PermissionDenied("Bảng xếp hạng chỉ xem được sau khi Sở Nội vụ công bố kết quả.")
    return [
        {"rank": item.rank, "group": item.group, "assessment": _assessment_out(item.assessment)}
        for item in selectors.ranking(user=request.user, round_=round_)
    ]


@router.get(
    "/par/assessments/{assessment_id}",
    response=AssessmentDetailOut,
    summary="Một bản đánh giá: từng tiêu chí qua các bước",
)
def assessment_get(request: HttpRequest, assessment_id: Id) -> Any:
    return _detail(selectors.assessment_get_for_user(user=request.user, pk=assessment_id))


@router.post(
    "/par/scores/{score_id}/self",
    response={200: AssessmentDetailOut, **CONFLICT_RESPONSES},
    summary="Tự chấm một tiêu chí (đầu mối CCHC của cơ quan)",
    description="`value` là số liệu theo quy tắc (tỷ lệ %, có/không, kịp thời…), hoặc `points` kèm `reason`, hoặc "
    "`not_applicable` kèm `reason`. Gửi kèm `version` đã đọc: 409 nếu tiêu chí vừa được người khác sửa.",
)
def score_self(request: HttpRequest, score_id: Id, payload: SelfScoreIn) -> Any:
    score = selectors.score_get_for_user(user=request.user, pk=score_id)
    services.score_self(
        user=request.user,
        score=score,
        entry=payload.entry(),
        comment=payload.comment,
        expected_version=payload.version,
    )
    return _detail(selectors.assessment_get_for_user(user=request.user, pk=score.assessment_id))


@router.post(
    "/par/scores/{score_id}/appraisal",
    response={200: AssessmentDetailOut, **CONFLICT_RESPONSES},
    summary="Thẩm định một tiêu chí: đồng ý, hoặc điều chỉnh có lý do (Sở Nội vụ của tỉnh)",
)
def score_appraise(request: HttpRequest, score_id: Id, payload: AppraisalIn) -> Any:
    score = selectors.score_get_for_user(user=request.user, pk=score_id)
    services.score_appraise(
        user=request.user,
        score=score,
        verdict=payload.verdict,
        entry=payload.entry() if payload.verdict == "adjusted" else None,
        reason=payload.reason,
        expected_version=payload.version,
    )
    return _detail(selectors.assessment_get_for_user(user=request.user, pk=score.assessment_id))


@router.post(
    "/par/scores/{score_id}/explanation",
    response={200: AssessmentDetailOut, **CONFLICT_RESPONSES},
    summary="Giải trình một tiêu chí bị điều chỉnh (đầu mối CCHC của cơ quan)",
)
def score_explain(request: HttpRequest, score_id: Id, payload: ExplanationIn) -> Any:
    score = selectors.score_get_for_user(user=request.user, pk=score_id)
    services.score_explain(
        user=request.user, score=score, response=payload.response, expected_version=payload.version
    )
    return _detail(selectors.assessment_get_for_user(user=request.user, pk=score.assessment_id))


def _step(request: HttpRequest, assessment_id: int, step: Any, payload: StepIn) -> Any:
    assessment = selectors.assessment_get_for_user(user=request.user, pk=assessment_id)
    step(user=request.user, assessment=assessment, expected_version=payload.version)
    return _detail(selectors.assessment_get_for_user(user=request.user, pk=assessment_id))


STEP_RESPONSES: Any = {200: AssessmentDetailOut, **CONFLICT_RESPONSES}


@router.post(
    "/par/assessments/{assessment_id}/submit", response=STEP_RESPONSES, summary="Nộp bản tự đánh giá"
)
def assessment_submit(request: HttpRequest, assessment_id: Id, payload: StepIn) -> Any:
    return _step(request, assessment_id, services.assessment_submit, payload)


@router.post(
    "/par/assessments/{assessment_id}/appraisal-done",
    response=STEP_RESPONSES,
    summary="Hoàn thành thẩm định lần đầu",
)
def assessment_appraisal_done(request: HttpRequest, assessment_id: Id, payload: StepIn) -> Any:
    return _step(request, assessment_id, services.assessment_appraisal_done, payload)


@router.post(
    "/par/assessments/{assessment_id}/explanation", response=STEP_RESPONSES, summary="Gửi giải trình"
)
def assessment_explanation(request: HttpRequest, assessment_id: Id, payload: StepIn) -> Any:
    return _step(request, assessment_id, services.assessment_explanation_submit, payload)


@router.post("/par/assessments/{assessment_id}/finalize", response=STEP_RESPONSES, summary="Chốt kết quả")
def assessment_finalize(request: HttpRequest, assessment_id: Id, payload: StepIn) -> Any:
    return _step(request, assessment_id, services.assessment_finalize, payload)
