"""An assessment and a round as the values the PAR INDEX document writers take (`domain.documents.par_docx`):
the agency's self-assessment report and the province's decision publishing the results, each as a .docx file.

Callers read the records through the selectors first (`assessment_get_for_user` and `assessment_view`; the
round's `ranking`); this module only shapes what they found and picks the wording that depends on who issues.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.utils import timezone

from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency
from apps.scoring.choices import SetLevel
from apps.scoring.models import CriteriaSet
from domain.documents.par_docx import (
    AreaResult,
    CriterionShortfall,
    PublicationDecision,
    RankedAgency,
    SelfAssessmentReport,
    publication_decision_docx,
    self_assessment_report_docx,
    spelled_out,
)
from domain.scoring.scoring import NodeScore

from .choices import AssessmentStatus, Verdict
from .models import AssessmentRound
from .selectors import AssessmentView, Line, Ranked

ZERO = Decimal(0)
# From these on, Sở Nội vụ has appraised: the final card holds its points, not the agency's.
APPRAISED = frozenset({AssessmentStatus.APPRAISED, AssessmentStatus.EXPLAINED, AssessmentStatus.FINAL})
# Luật Tổ chức chính quyền địa phương số 72/2025/QH15, in force since 1/7/2025 (two-tier local government).
LOCAL_GOVERNMENT_LAW = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025"


def home_affairs_of(province: Agency) -> Agency | None:
    """The province's Sở Nội vụ, which appraises the index; found by name, as the report recipients are."""
    return Agency.objects.filter(parent=province, name__icontains="Nội vụ").order_by("pk").first()


def _set_reference(criteria_set: CriteriaSet) -> str:
    """ "Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Một", or "" without a decision."""
    if not criteria_set.decision_number:
        return ""
    when = f" ngày {criteria_set.decision_date:%d/%m/%Y}" if criteria_set.decision_date else ""
    issuer = spelled_out(criteria_set.agency.name) if criteria_set.agency else ""
    return f"Quyết định số {criteria_set.decision_number}{when}" + (f" của {issuer}" if issuer else "")


def _assessed(level: str) -> str:
    return "các sở, ban, ngành" if level == SetLevel.DEPARTMENT else "Ủy ban nhân dân các xã, phường"


def _heads(level: str) -> str:
    return (
        "Thủ trưởng các sở, ban, ngành"
        if level == SetLevel.DEPARTMENT
        else "Chủ tịch Ủy ban nhân dân các xã, phường"
    )


# --- the agency's self-assessment report ----------------------------------------------------------------------


def _points(node: NodeScore | None) -> Decimal | None:
    return node.points if node is not None and node.scored else None


def _survey_points(lines: Sequence[Line]) -> Decimal:
    """The survey points among ``lines`` (criteria Sở Nội vụ scores, the same at every stage)."""
    return sum(
        (
            line.final_node.points
            for line in lines
            if line.is_survey
            and line.score is not None
            and line.final_node is not None
            and line.final_node.scored
        ),
        ZERO,
    )


def _areas(view: AssessmentView) -> list[tuple[Line, list[Line]]]:
    """Each area (a top-level row) with the scored criteria under it, itself included when scored directly."""
    areas: list[tuple[Line, list[Line]]] = []
    for line in view.lines:
        if line.row.depth == 0:
            areas.append((line, []))
        if areas and line.score is not None:
            areas[-1][1].append(line)
    return areas


def _area_result(head: Line, leaves: Sequence[Line], *, appraised: bool) -> AreaResult:
    own = any(not leaf.is_survey for leaf in leaves) or not leaves
    survey = _survey_points(leaves)
    self_points, final_points = _points(head.self_node), _points(head.final_node)
    shown = head.final_node if appraised else head.self_node
    return AreaResult(
        code=head.row.criterion.code,
        title=head.row.criterion.title,
        max_points=head.row.node.full_max(),
        self_points=self_points - survey if own and self_points is not None else None,
        appraised_points=final_points - survey if appraised and own and final_points is not None else None,
        final_points=final_points if appraised or not own else None,
        applicable=shown is None or not shown.scored or shown.applicable,
    )


def _shortfalls(view: AssessmentView, *, appraised: bool) -> list[CriterionShortfall]:
    """The scored criteria below their maximum, at the latest stage, with the engine's explanation."""
    items = []
    for line in view.lines:
        node = line.final_node if appraised else line.self_node
        score = line.score
        if score is None or node is None or not node.scored or not node.applicable or node.extra:
            continue
        if node.points >= node.max_points:
            continue
        reason = ""
        if appraised and score.review_verdict == Verdict.ADJUSTED:
            reason = score.review_reason
        elif appraised and score.verdict == Verdict.ADJUSTED:
            reason = score.appraisal_reason
        items.append(
            CriterionShortfall(
                code=line.row.criterion.code,
                title=line.row.criterion.title,
                points=node.points,
                max_points=node.max_points,
                explanation=node.explanation,
                reason=reason,
            )
        )
    return items


def _leader_title(agency: Agency) -> str:
    """Who signs for the agency (Phụ lục I, mục II.8): the commune's chairman on behalf of its UBND."""
    if agency.level == AgencyLevel.COMMUNE:
        return "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    if agency.name.startswith("Sở"):
        return "GIÁM ĐỐC"
    if agency.name.startswith("Ban"):
        return "TRƯỞNG BAN"
    return "THỦ TRƯỞNG CƠ QUAN"


def self_assessment_report(view: AssessmentView, *, today: date | None = None) -> SelfAssessmentReport:
    """The report of an assessment already read through `assessment_get_for_user` and `assessment_view`; dated
    the day it was submitted (blank while it is a draft)."""
    today = today or timezone.localdate()
    assessment = view.assessment
    round_, agency = assessment.round, assessment.agency
    parent = agency.parent
    appraised = assessment.status in APPRAISED
    self_card, final_card = view.self_card.card, view.final_card.card
    leaves = [line for line in view.lines if line.score is not None]
    survey_max = sum(
        (line.row.node.full_max() for line in leaves if line.is_survey and not line.row.node.extra), ZERO
    )
    survey = _survey_points(leaves)
    survey_scored = any(
        line.is_survey and line.final_node is not None and line.final_node.scored for line in leaves
    )
    issued_on = timezone.localdate(assessment.submitted_at) if assessment.submitted_at else None
    reference = _set_reference(round_.criteria_set)
    basis = (
        f"Thực hiện {reference} về Bộ tiêu chí xác định Chỉ số cải cách hành chính {_assessed(round_.level)}"
        if reference
        else f"Thực hiện Bộ tiêu chí xác định Chỉ số cải cách hành chính “{round_.criteria_set.name}”"
    )
    home_affairs = home_affairs_of(round_.province)
    recipients = []
    if home_affairs is not None and home_affairs.pk != agency.pk:
        recipients.append(f"{home_affairs.name} (thẩm định)")
    if parent is not None:
        recipients.append(f"{parent.name} (b/c)")
    return SelfAssessmentReport(
        governing_body=parent.name if parent else None,
        issuing_body=agency.name,
        number=None,
        symbol=f"BC-{agency.document_symbol}" if agency.document_symbol else "BC",
        place=agency.place_name or (parent.place_name if parent else ""),
        issued_on=issued_on,
        year=issued_on.year if issued_on else today.year,
        assessment_year=round_.year,
        basis=basis,
        deadline=round_.self_deadline,
        max_total=final_card.full_max,
        survey_max=survey_max,
        self_total=self_card.total - survey,
        appraised_total=final_card.total - survey if appraised else None,
        survey_total=survey if survey_scored else None,
        final_total=final_card.total if appraised else None,
        index_percent=final_card.index_percent if appraised else None,
        finalized=assessment.status == AssessmentStatus.FINAL,
        areas=tuple(_area_result(head, below, appraised=appraised) for head, below in _areas(view)),
        shortfalls=tuple(_shortfalls(view, appraised=appraised)),
        signer_title=_leader_title(agency),
        signer=None,
        recipients=tuple(recipients),
    )


def assessment_report_docx(view: AssessmentView) -> bytes:
    return self_assessment_report_docx(self_assessment_report(view))


def assessment_report_name(view: AssessmentView) -> str:
    assessment = view.assessment
    return f"Báo cáo tự đánh giá Chỉ số CCHC {assessment.round.year} - {assessment.agency.name}.docx"


# --- the decision publishing a round's results ----------------------------------------------------------------


def decision_refusal(ranked: Sequence[Ranked]) -> str:
    """Why the decision cannot be drawn up yet ("" when it can): every assessment of the round must be final."""
    if not ranked:
        return "Đợt đánh giá chưa có cơ quan nào nên chưa lập được quyết định công bố kết quả."
    open_ones = [
        item.assessment.agency.name for item in ranked if item.assessment.status != AssessmentStatus.FINAL
    ]
    if not open_ones:
        return ""
    names = ", ".join(open_ones[:8]) + ("…" if len(open_ones) > 8 else ".")
    return (
        f"Chưa lập được quyết định công bố kết quả: còn {len(open_ones)} cơ quan chưa chốt kết quả: {names}"
    )


def _split_number(decision_number: str) -> tuple[str | None, str | None]:
    """ "45/QĐ-UBND" → ("45", "QĐ-UBND"); "45" → ("45", None); "" → (None, None)."""
    number, _, symbol = decision_number.strip().partition("/")
    return number.strip() or None, symbol.strip() or None


def publication_decision(
    round_: AssessmentRound, ranked: Sequence[Ranked], *, today: date | None = None
) -> PublicationDecision:
    """The decision of a round whose assessments are all final, in the order of the round's ranking.

    Issued by the province's UBND unless the number the round was published under carries another symbol
    (45/QĐ-SNV) and the province has a Sở Nội vụ: then by Sở Nội vụ. Number and date are those of publication,
    blank before it."""
    today = today or timezone.localdate()
    province = round_.province
    number, symbol = _split_number(round_.decision_number)
    home_affairs = home_affairs_of(province)
    by_home_affairs = home_affairs is not None and symbol is not None and not symbol.upper().endswith("UBND")
    issued_on = timezone.localdate(round_.published_at) if round_.published_at else None
    level = round_.level
    reference = _set_reference(round_.criteria_set)
    set_basis = (
        [f"Căn cứ {reference} về Bộ tiêu chí xác định Chỉ số cải cách hành chính {_assessed(level)}"]
        if reference
        else []
    )
    results_basis = (
        f"Căn cứ kết quả thẩm định và điều tra xã hội học Chỉ số cải cách hành chính năm {round_.year}"
    )
    if by_home_affairs and home_affairs is not None:
        governing_body: str | None = province.name
        issuing_body = home_affairs.name
        authority = f"Giám đốc {home_affairs.name}"
        basis = (*set_basis, results_basis)
        executors = f"Chánh Văn phòng Sở, {_heads(level)} và các cơ quan, đơn vị có liên quan"
        signer_title = "GIÁM ĐỐC"
        recipients: tuple[str, ...] = ("Như Điều 3", f"{province.name} (b/c)", "Bộ Nội vụ (b/c)")
    else:
        governing_body = None
        issuing_body = province.name
        symbol = symbol or "QĐ-UBND"
        authority = f"Chủ tịch {province.name}"
        basis = (LOCAL_GOVERNMENT_LAW, *set_basis, results_basis, "Theo đề nghị của Giám đốc Sở Nội vụ")
        executors = (
            f"Chánh Văn phòng {spelled_out(province.name)}, Giám đốc Sở Nội vụ, {_heads(level)} và các "
            "cơ quan, đơn vị có liên quan"
        )
        signer_title = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
        recipients = ("Như Điều 3", "Bộ Nội vụ (b/c)", f"Chủ tịch, các Phó Chủ tịch {province.name}")
    return PublicationDecision(
        governing_body=governing_body,
        issuing_body=issuing_body,
        number=number,
        symbol=symbol or "QĐ",
        place=province.place_name,
        issued_on=issued_on,
        year=issued_on.year if issued_on else today.year,
        assessment_year=round_.year,
        assessed=_assessed(level),
        authority=authority,
        basis=basis,
        executors=executors,
        ranking=tuple(
            RankedAgency(
                rank=item.rank,
                name=item.assessment.agency.name,
                points=item.assessment.final_total,
                index_percent=item.assessment.index_percent,
                group=item.group,
            )
            for item in ranked
        ),
        signer_title=signer_title,
        signer=None,
        recipients=recipients,
    )


def decision_docx(round_: AssessmentRound, ranked: Sequence[Ranked]) -> bytes:
    return publication_decision_docx(publication_decision(round_, ranked))


def decision_name(round_: AssessmentRound) -> str:
    return f"Quyết định công bố Chỉ số CCHC {round_.year} - {round_.level_label}.docx"
