"""Reads of the assessment year, each through the permission policy: a province's rounds for its people; an
assessment for its own agency and the province's appraisal team until the results are published, then for
everyone in the province; the ranking likewise. Another agency's or province's id is a 404."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from apps.accounts.choices import Role
from apps.accounts.policy import scope_for
from apps.scoring.models import CriteriaSet
from apps.scoring.selectors import Row, SetTree, set_tree
from domain.scoring.lost import Lost, LostInput, lost_points
from domain.scoring.scoring import NodeScore
from domain.scoring.tree import Method
from domain.vn_numbers import vn_number

from .choices import AssessmentStatus
from .models import Assessment, AssessmentRound, Score, ScoreEvidence
from .scorecards import Stage, StageCard, stage_card

ZERO = Decimal(0)


def round_list_for_user(*, user: Any) -> QuerySet[AssessmentRound]:
    queryset = AssessmentRound.objects.select_related("province", "criteria_set").annotate(
        agencies=Count("assessments", distinct=True),
        submitted=Count("assessments", filter=~Q(assessments__status=AssessmentStatus.DRAFT), distinct=True),
        final=Count("assessments", filter=Q(assessments__status=AssessmentStatus.FINAL), distinct=True),
        prefilled=Count("assessments", filter=Q(assessments__prefilled_at__isnull=False), distinct=True),
    )
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    scope = scope_for(user)
    if scope.is_superuser:
        return queryset
    return queryset.filter(province_id__in=scope.province_ids)


def round_get_for_user(*, user: Any, pk: int) -> AssessmentRound:
    found = round_list_for_user(user=user).filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy đợt đánh giá.")
    return found


def sees_whole_round(*, user: Any, round_: AssessmentRound) -> bool:
    """The appraisal team and the province's administrators see every assessment; after publication, everyone."""
    scope = scope_for(user)
    if scope.is_superuser or round_.published_at:
        return True
    return bool(scope.roles_over(round_.province_id) & {Role.OVERSEER, Role.ADMINISTRATOR})


def assessments_of_round(*, user: Any, round_: AssessmentRound) -> QuerySet[Assessment]:
    """The round's assessments the user may read (their own agencies' only, before publication)."""
    queryset = Assessment.objects.filter(round=round_).select_related("agency").order_by("agency__name")
    if sees_whole_round(user=user, round_=round_):
        return queryset
    readable = scope_for(user).readable_ids or set()
    return queryset.filter(agency_id__in=readable)


def my_assessments(*, user: Any) -> QuerySet[Assessment]:
    """The assessments of the agencies where the user holds a role, newest year first."""
    scope = scope_for(user)
    queryset = Assessment.objects.select_related("round", "agency", "round__province").order_by(
        "-round__year", "agency__name"
    )
    if scope.is_superuser:
        return queryset.none()
    direct = [agency_id for agency_id, coverage in scope.coverage.items() if coverage.direct]
    return queryset.filter(agency_id__in=direct)


def assessment_get_for_user(*, user: Any, pk: int) -> Assessment:
    found = (
        Assessment.objects.select_related("round", "round__criteria_set", "round__province", "agency")
        .filter(pk=pk, round__in=round_list_for_user(user=user).values("pk"))
        .first()
    )
    if found is None or not user.has_perm("par.view_assessment", found):
        raise Http404("Không tìm thấy bản đánh giá.")
    return found


def score_get_for_user(*, user: Any, pk: int) -> Score:
    found = Score.objects.select_related("assessment", "criterion").filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy tiêu chí.")
    assessment_get_for_user(user=user, pk=found.assessment_id)
    return found


def evidence_get_for_user(*, user: Any, pk: int) -> ScoreEvidence:
    found = ScoreEvidence.objects.select_related("score").filter(pk=pk).first()
    if found is None:
        raise Http404("Không tìm thấy tài liệu.")
    assessment_get_for_user(user=user, pk=found.score.assessment_id)
    return found


# --- an assessment as a table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One row of the assessment table: the criterion, its score row (None on a parent summed from children),
    and the points of each stage as the engine gives them."""

    row: Row
    score: Score | None
    self_node: NodeScore | None
    final_node: NodeScore | None
    evidence: tuple[ScoreEvidence, ...]

    @property
    def is_survey(self) -> bool:
        return self.row.criterion.method == Method.SURVEY

    @property
    def self_text(self) -> str:
        return _points(self.self_node)

    @property
    def final_text(self) -> str:
        return _points(self.final_node)

    @property
    def appraised_text(self) -> str:
        if self.score is None or not self.score.verdict or self.is_survey:
            return ""
        return vn_number(self.score.final_points, 2) if self.score.final_points is not None else ""


def _points(node: NodeScore | None) -> str:
    if node is None or not node.scored:
        return ""
    if not node.applicable:
        return "KAD"
    return vn_number(node.points, 2)


@dataclass(frozen=True)
class AssessmentView:
    assessment: Assessment
    tree: SetTree
    lines: tuple[Line, ...]
    self_card: StageCard
    final_card: StageCard

    @property
    def adjusted(self) -> list[Line]:
        return [line for line in self.lines if line.score is not None and line.score.adjusted]


def assessment_view(*, assessment: Assessment) -> AssessmentView:
    """The assessment (already read through `assessment_get_for_user`) as a table with every stage's points."""
    tree = set_tree(criteria_set=assessment.round.criteria_set)
    scores = list(
        Score.objects.filter(assessment=assessment).select_related("criterion").prefetch_related("evidence")
    )
    by_criterion = {score.criterion_id: score for score in scores}
    self_card = stage_card(tree, scores, Stage.SELF)
    final_card = stage_card(tree, scores, Stage.FINAL)
    lines = []
    for row in tree.rows:
        code = row.criterion.code
        score = by_criterion.get(row.criterion.pk)
        lines.append(
            Line(
                row=row,
                score=score,
                self_node=self_card.card.nodes.get(code),
                final_node=final_card.card.nodes.get(code),
                evidence=tuple(score.evidence.all()) if score is not None else (),
            )
        )
    return AssessmentView(assessment, tree, tuple(lines), self_card, final_card)


# --- results --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ranked:
    rank: int
    assessment: Assessment
    group: str


def group_of(groups: Sequence[dict[str, str]], index: Decimal | None) -> str:
    if index is None:
        return ""
    for group in groups:
        if index >= Decimal(group["min"]):
            return group["label"]
    return ""


def ranking(*, user: Any, round_: AssessmentRound) -> list[Ranked]:
    """The round's agencies by final index, highest first; equal indices share a rank."""
    return _ranked(round_, assessments_of_round(user=user, round_=round_))


def _ranked(round_: AssessmentRound, assessments: QuerySet[Assessment]) -> list[Ranked]:
    rows = list(assessments.order_by("-index_percent", "agency__name"))
    ranked: list[Ranked] = []
    previous: Decimal | None = None
    rank = 0
    for position, assessment in enumerate(rows, 1):
        if assessment.index_percent != previous:
            rank, previous = position, assessment.index_percent
        ranked.append(Ranked(rank, assessment, group_of(round_.groups, assessment.index_percent)))
    return ranked


def _figure(score: Score) -> Decimal | None:
    try:
        return Decimal(score.computed_value) if score.computed_value else None
    except ArithmeticError:
        return None


def last_year_of(*, assessment: Assessment) -> Assessment | None:
    return (
        Assessment.objects.filter(
            agency_id=assessment.agency_id,
            round__level=assessment.round.level,
            round__year=assessment.round.year - 1,
        )
        .select_related("round")
        .first()
    )


def assessment_lost_points(*, view: AssessmentView) -> list[Lost]:
    """Where the agency lost points in the final result, why, and against last year, cheapest first."""
    previous = last_year_of(assessment=view.assessment)
    last_lost: dict[str, Decimal] = {}
    if previous is not None:
        for code, points, maximum in Score.objects.filter(
            assessment=previous, final_points__isnull=False
        ).values_list("criterion__code", "final_points", "criterion__max_points"):
            if maximum is not None:
                last_lost[code] = maximum - points
    items = []
    for line in view.lines:
        node = line.final_node
        if line.score is None or node is None or not node.scored or not node.applicable or node.extra:
            continue
        value = line.score.review_value if line.score.review_verdict else line.score.appraisal_value
        if not (line.score.verdict or line.score.review_verdict):
            value = line.score.self_value
        figure = _figure(line.score)
        if value.value and value.points is None:
            with contextlib.suppress(ArithmeticError):
                figure = Decimal(value.value.replace(",", ".").rstrip("%"))
        items.append(
            LostInput(
                code=line.row.criterion.code,
                title=line.row.criterion.title,
                rule=line.row.node.rule,
                figure=figure,
                points=node.points,
                max_points=node.max_points,
                explanation=node.explanation,
                last_year_lost=last_lost.get(line.row.criterion.code),
                survey=line.is_survey,
            )
        )
    return lost_points(items)


def rounds_openable(*, user: Any) -> list[CriteriaSet]:
    """Criteria sets in force the user may open a round on (a year and level not opened yet)."""
    from apps.scoring.choices import SetStatus

    sets = CriteriaSet.objects.filter(status=SetStatus.IN_FORCE, agency__isnull=False).select_related(
        "agency"
    )
    opened = set(AssessmentRound.objects.values_list("province_id", "level", "year"))
    return [
        s
        for s in sets
        if (s.agency_id, s.level, s.year) not in opened and user.has_perm("par.manage_round", s.agency)
    ]


def score_mode(*, user: Any, score: Score, today: Any = None) -> str:
    """Which form the user gets for a criterion now: self, appraise, explain, survey, or "" (read only)."""
    from django.utils import timezone

    assessment = score.assessment
    round_ = assessment.round
    today = today or timezone.localdate()
    survey = score.criterion.method == Method.SURVEY
    if user.has_perm("par.appraise", assessment.agency):
        if survey:
            return "" if round_.published_at else "survey"
        if assessment.status == AssessmentStatus.SUBMITTED:
            return "appraise"
        late = assessment.status == AssessmentStatus.APPRAISED and today > round_.explanation_deadline
        if (assessment.status == AssessmentStatus.EXPLAINED or late) and score.verdict:
            return "appraise"
    if user.has_perm("par.self_assess", assessment.agency) and not survey:
        if assessment.status == AssessmentStatus.DRAFT and today <= round_.self_deadline:
            return "self"
        if (
            assessment.status == AssessmentStatus.APPRAISED
            and score.adjusted
            and today <= round_.explanation_deadline
        ):
            return "explain"
    return ""


def assessment_actions(*, user: Any, assessment: Assessment, today: Any = None) -> set[str]:
    """The workflow buttons the user may press on an assessment now."""
    from django.utils import timezone

    today = today or timezone.localdate()
    round_ = assessment.round
    actions: set[str] = set()
    status = assessment.status
    if user.has_perm("par.self_assess", assessment.agency):
        if status == AssessmentStatus.DRAFT and today <= round_.self_deadline:
            actions |= {"prefill", "submit"}
        if status == AssessmentStatus.APPRAISED and today <= round_.explanation_deadline:
            actions.add("explanation_submit")
    if user.has_perm("par.appraise", assessment.agency):
        if status == AssessmentStatus.SUBMITTED:
            actions.add("appraisal_done")
        if status == AssessmentStatus.EXPLAINED or (
            status == AssessmentStatus.APPRAISED and today > round_.explanation_deadline
        ):
            actions.add("finalize")
    return actions


# --- public: published results only, for anyone ------------------------------------------------------------


def published_rounds() -> QuerySet[AssessmentRound]:
    return (
        AssessmentRound.objects.filter(published_at__isnull=False)
        .select_related("province")
        .order_by("-year", "province__name", "level")
    )


def public_round_get(*, pk: int) -> AssessmentRound:
    found = published_rounds().filter(pk=pk).first()
    if found is None:
        raise Http404("Chưa công bố kết quả.")
    return found


def public_ranking(*, round_: AssessmentRound) -> list[Ranked]:
    """The ranking of a published round (read through `public_round_get`)."""
    return _ranked(round_, Assessment.objects.filter(round=round_).select_related("agency"))


@dataclass(frozen=True)
class PublicResult:
    ranked: Ranked
    areas: tuple[Line, ...]
    explanation: str


def public_agency_results(*, code: str) -> tuple[Any, list[PublicResult]]:
    """An agency's published results, newest year first, with its points per area; 404 without any."""
    results = []
    agency = None
    for round_ in published_rounds().filter(assessments__agency__code=code).distinct():
        ranked = next(item for item in public_ranking(round_=round_) if item.assessment.agency.code == code)
        agency = ranked.assessment.agency
        view = assessment_view(assessment=ranked.assessment)
        areas = tuple(line for line in view.lines if line.row.depth == 0)
        results.append(PublicResult(ranked, areas, view.final_card.card.explanation))
    if agency is None:
        raise Http404("Cơ quan chưa có kết quả Chỉ số CCHC được công bố.")
    return agency, results


def round_scorecards(*, round_: AssessmentRound) -> tuple[SetTree, dict[int, tuple[Any, Any]]]:
    """Every assessment's (self, final) scorecards of a round the caller may see whole, from one read of the
    criteria and one of the scores."""
    from collections import defaultdict

    tree = set_tree(criteria_set=round_.criteria_set)
    by_assessment: dict[int, list[Score]] = defaultdict(list)
    for score in Score.objects.filter(assessment__round=round_).select_related("criterion"):
        by_assessment[score.assessment_id].append(score)
    cards = {
        assessment_id: (stage_card(tree, scores, Stage.SELF).card, stage_card(tree, scores, Stage.FINAL).card)
        for assessment_id, scores in by_assessment.items()
    }
    return tree, cards
