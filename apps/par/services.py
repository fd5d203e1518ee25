"""Writes of the PAR INDEX assessment year, each step in one transaction and refused in Vietnamese when it is not
the caller's to take, not the assessment's turn, or past its deadline:

open a round (Sở Nội vụ) → pre-fill computed criteria → self-score with evidence and submit (the agency's focal
point) → appraise each criterion, accept or adjust with a reason (the appraisal team) → explain the adjusted
ones (the agency) → review and finalise (the team) → survey points → publish.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment
from apps.core.uploads import CheckedUpload, UploadRefused, Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.notifications.choices import NotificationKind
from apps.notifications.services.notify import notify
from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency
from apps.scoring.choices import SetLevel, SetStatus
from apps.scoring.computed import computed_scores
from apps.scoring.models import CriteriaSet
from apps.scoring.selectors import set_tree
from domain.scoring.entries import Entry, entry_input, scorable
from domain.scoring.points_table import read_points_table
from domain.scoring.rules import Manual
from domain.scoring.table_files import ImportFileError, read_table_rows
from domain.scoring.tree import Method
from domain.scoring.values import InvalidInput
from domain.vn_numbers import vn_number

from .choices import AssessmentStatus, Verdict
from .models import DEFAULT_GROUPS, Assessment, AssessmentRound, Score, ScoreEvidence
from .scorecards import Stage, stage_card

MANAGE, SELF, APPRAISE = "par.manage_round", "par.self_assess", "par.appraise"


def _today() -> date:
    return timezone.localdate()


def _require(user: Any, perm: str, obj: Any, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def agencies_of_level(*, province: Agency, level: str) -> list[Agency]:
    """The agencies of a province assessed at a level: its xã/phường, or every other agency under it (Sở, ban)."""
    ids: list[int] = []
    frontier = [province.pk]
    while frontier:
        children = list(Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
        ids.extend(children)
        frontier = children
    agencies = Agency.objects.filter(pk__in=ids).order_by("name")
    if level == SetLevel.COMMUNE:
        return list(agencies.filter(level=AgencyLevel.COMMUNE))
    return list(agencies.filter(level=AgencyLevel.DEPARTMENT))


def clean_groups(groups: Sequence[dict[str, Any]] | None) -> list[dict[str, str]]:
    """Ranking groups as [{"label", "min"}], highest first, minima from 100 down to 0, the last at 0."""
    if not groups:
        return [dict(group) for group in DEFAULT_GROUPS]
    cleaned: list[dict[str, str]] = []
    for group in groups:
        label = str(group.get("label", "")).strip()
        try:
            minimum = Decimal(str(group.get("min", "")).replace(",", "."))
        except ArithmeticError:
            raise ValidationError({"groups": f"Ngưỡng của nhóm “{label}” không phải là một số."}) from None
        if not label or not 0 <= minimum <= 100:
            raise ValidationError({"groups": "Mỗi nhóm cần tên và ngưỡng từ 0 đến 100 (%)."})
        cleaned.append({"label": label[:16], "min": str(minimum)})
    minima = [Decimal(group["min"]) for group in cleaned]
    if minima != sorted(minima, reverse=True) or len(set(minima)) != len(minima):
        raise ValidationError({"groups": "Ngưỡng các nhóm phải giảm dần và không trùng nhau."})
    if minima[-1] != 0:
        cleaned.append({"label": "Còn lại", "min": "0"})
    return cleaned


@transaction.atomic
def round_open(
    *,
    user: Any,
    criteria_set: CriteriaSet,
    self_deadline: date,
    appraisal_deadline: date,
    explanation_deadline: date,
    final_deadline: date,
    groups: Sequence[dict[str, Any]] | None = None,
    today: date | None = None,
    prefill: bool = True,
) -> AssessmentRound:
    """Open the year for the set's province and level: one assessment per agency of that level, its computed
    criteria pre-filled (or, with ``prefill=False``, left for `background.prefill_round`); the set is locked
    (never changed again, only copied forward)."""
    today = today or _today()
    criteria_set = (
        CriteriaSet.objects.select_for_update(of=("self",)).select_related("agency").get(pk=criteria_set.pk)
    )
    province = criteria_set.agency
    if province is None:
        raise ValidationError("Bộ tiêu chí mẫu không dùng để đánh giá: hãy sao chép cho tỉnh rồi áp dụng.")
    _require(user, MANAGE, province, "Chỉ Sở Nội vụ của tỉnh được mở đợt đánh giá Chỉ số CCHC.")
    if criteria_set.status != SetStatus.IN_FORCE:
        raise ValidationError(
            "Bộ tiêu chí chưa được áp dụng: hãy áp dụng bộ tiêu chí trước khi mở đợt đánh giá."
        )
    if AssessmentRound.objects.filter(
        province=province, level=criteria_set.level, year=criteria_set.year
    ).exists():
        raise ValidationError(
            f"Đã có đợt đánh giá năm {criteria_set.year} cho cấp này của tỉnh; không mở lần thứ hai."
        )
    errors: dict[str, str] = {}
    if self_deadline < today:
        errors["self_deadline"] = "Hạn nộp tự đánh giá đã qua."
    if not self_deadline <= appraisal_deadline <= explanation_deadline <= final_deadline:
        errors["final_deadline"] = (
            "Các hạn phải theo thứ tự: nộp tự đánh giá ≤ thẩm định ≤ giải trình ≤ chốt kết quả."
        )
    if errors:
        raise ValidationError(errors)
    tree = set_tree(criteria_set=criteria_set)
    if tree.problems:
        raise ValidationError(["Bộ tiêu chí còn lỗi nên chưa mở được đợt đánh giá.", *tree.problems])
    round_ = AssessmentRound.objects.create(
        province=province,
        criteria_set=criteria_set,
        year=criteria_set.year,
        level=criteria_set.level,
        self_deadline=self_deadline,
        appraisal_deadline=appraisal_deadline,
        explanation_deadline=explanation_deadline,
        final_deadline=final_deadline,
        groups=clean_groups(groups),
        opened_by=user,
    )
    criteria_set.locked = True
    versioned_save(criteria_set, update_fields=["locked"])
    codes = {node.code for node in scorable(tree.roots)}
    taking_entries = [row.criterion for row in tree.rows if row.criterion.code in codes]
    for agency in agencies_of_level(province=province, level=criteria_set.level):
        assessment = Assessment.objects.create(round=round_, agency=agency)
        Score.objects.bulk_create(Score(assessment=assessment, criterion=c) for c in taking_entries)
        if prefill:
            assessment_prefill(assessment=assessment, today=today)
        notify_agency(
            assessment,
            f"Mở đợt tự đánh giá Chỉ số CCHC năm {round_.year}",
            f"Hạn nộp bản tự đánh giá: {self_deadline:%d/%m/%Y}.",
            key="open",
        )
    return round_


def _scores(assessment: Assessment) -> list[Score]:
    return list(
        Score.objects.filter(assessment=assessment).select_related("criterion").order_by("criterion__order")
    )


def assessment_refresh_totals(*, assessment: Assessment) -> None:
    """Store each criterion's self and final points and the assessment's totals, as the engine gives them."""
    tree = set_tree(criteria_set=assessment.round.criteria_set)
    scores = _scores(assessment)
    mine = stage_card(tree, scores, Stage.SELF).card
    final = stage_card(tree, scores, Stage.FINAL).card
    methods = {row.criterion.code: row.criterion.method for row in tree.rows}
    survey = Decimal(0)
    changed = []
    for score in scores:
        code = score.criterion.code
        own, last = mine.nodes.get(code), final.nodes.get(code)
        if methods.get(code) == Method.SURVEY and last is not None and last.scored:
            survey += last.points
        score.self_points = own.points if own is not None and own.scored else None
        score.self_note = own.explanation if own is not None and own.scored else ""
        score.final_points = last.points if last is not None and last.scored else None
        score.final_note = last.explanation if last is not None else ""
        changed.append(score)
    Score.objects.bulk_update(changed, ["self_points", "self_note", "final_points", "final_note"])
    Assessment.objects.filter(pk=assessment.pk).update(
        self_total=mine.total, final_total=final.total, survey_total=survey, index_percent=final.index_percent
    )


@transaction.atomic
def assessment_prefill(*, assessment: Assessment, today: date | None = None) -> int:
    """Fill every computed criterion with the agency's figure for the year and the points its rule gives; a
    criterion the agency has not yet scored takes the figure as its self-score. Returns how many were filled."""
    assessment = (
        Assessment.objects.select_for_update().select_related("round__criteria_set").get(pk=assessment.pk)
    )
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("Bản đánh giá đã nộp: số liệu không cập nhật lại nữa.")
    round_ = assessment.round
    results = computed_scores(
        criteria_set=round_.criteria_set, agency=assessment.agency, year=round_.year, today=today
    )
    by_criterion = {score.criterion_id: score for score in Score.objects.filter(assessment=assessment)}
    link = reverse("indicators:scorecard") + f"?agency={assessment.agency_id}&period={round_.year}"
    filled = 0
    for found in results:
        score = by_criterion.get(found.criterion.pk)
        if score is None:
            continue
        figure = found.figure
        # the figure as its rule reads it ("on_time", "không", "80.00"), so the pre-filled self-score reads back
        score.computed_value = found.entry or (
            "" if figure is None or figure.value is None else str(figure.value)
        )
        score.computed_points = found.result.points if found.result is not None else None
        score.computed_note = found.result.explanation if found.result is not None else found.problem
        if figure is not None and figure.denominator:
            score.computed_note += f" ({figure.numerator}/{figure.denominator}; {figure.provenance})"
        score.computed_link = link
        if found.result is not None and not score.self_entry:
            score.self_entry = Entry(value=score.computed_value).to_dict()
        filled += found.result is not None
        versioned_save(score)
    assessment.prefilled_at = timezone.now()
    versioned_save(assessment, update_fields=["prefilled_at"])
    assessment_refresh_totals(assessment=assessment)
    return filled


def _check_entry(score: Score, entry: Entry) -> None:
    """The entry read by the criterion's rule against its maximum; refused with the engine's reason."""
    tree = set_tree(criteria_set=score.assessment.round.criteria_set)
    node = next((row.node for row in tree.rows if row.criterion.pk == score.criterion_id), None)
    if node is None:
        raise ValidationError("Tiêu chí không còn trong bộ tiêu chí.")
    try:
        value = entry_input(entry, node.rule)
        if value is None:
            raise ValidationError({"value": "Hãy nhập số liệu, điểm, hoặc chọn không áp dụng."})
        (node.rule or Manual()).score(value, node.full_max())
    except InvalidInput as error:
        raise ValidationError({"value": str(error)}) from None


@dataclass(frozen=True)
class Upload:
    name: str
    data: Any


def _checked_files(files: Iterable[Upload]) -> list[CheckedUpload]:
    checked = []
    for upload in files:
        try:
            checked.append(upload_check(upload.data, use=Use.EVIDENCE, name=upload.name, field="files"))
        except UploadRefused as refusal:
            raise ValidationError({"files": refusal.reason}) from None
    return checked


def _store_files(score: Score, checked: list[CheckedUpload], stage: str, user: Any) -> None:
    for upload in checked:
        evidence = ScoreEvidence(
            score=score,
            stage=stage,
            original_name=upload.name[:255],
            size=upload.size,
            content_type=upload.content_type,
            sha256=upload.sha256(),
            uploaded_by=user,
        )
        evidence.file.save(upload.stored_name, upload.django_file(), save=False)
        evidence.save()


def _locked_score(score: Score) -> Score:
    return (
        Score.objects.select_for_update()
        .select_related("assessment__round__criteria_set", "assessment__agency", "criterion")
        .get(pk=score.pk)
    )


@transaction.atomic
def score_self(
    *,
    user: Any,
    score: Score,
    entry: Entry,
    comment: str = "",
    files: Iterable[Upload] = (),
    expected_version: int | None = None,
    today: date | None = None,
) -> Score:
    """The agency's self-score of one criterion, with evidence files or an explanation; a score that differs
    from the system's figure needs a reason (both stay visible to the appraiser)."""
    score = _locked_score(score)
    version_check(score, expected_version)
    assessment = score.assessment
    _require(user, SELF, assessment.agency, "Chỉ đầu mối CCHC của cơ quan được tự chấm điểm.")
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("Bản tự đánh giá đã nộp nên không sửa được nữa.")
    if (today or _today()) > assessment.round.self_deadline:
        raise ValidationError(
            f"Đã quá hạn nộp tự đánh giá ({assessment.round.self_deadline:%d/%m/%Y}); không chấm thêm được."
        )
    if score.criterion.method == Method.SURVEY:
        raise ValidationError("Điểm điều tra xã hội học do Sở Nội vụ nhập, cơ quan không tự chấm.")
    if (
        score.computed_points is not None
        and (entry.points is not None or entry.not_applicable or entry.value.strip() != score.computed_value)
        and not entry.reason.strip()
    ):
        raise ValidationError(
            {
                "reason": "Điểm khác với số liệu của hệ thống: hãy ghi lý do điều chỉnh (người thẩm định sẽ xem)."
            }
        )
    _check_entry(score, entry)
    checked = _checked_files(files)
    score.self_entry = entry.to_dict()
    score.comment = comment.strip()
    versioned_save(score, expected_version=expected_version)
    _store_files(score, checked, ScoreEvidence.SELF, user)
    assessment_refresh_totals(assessment=assessment)
    return score


@transaction.atomic
def evidence_remove(*, user: Any, evidence: ScoreEvidence) -> None:
    """Take back an evidence file while the stage it belongs to is still open."""
    evidence = ScoreEvidence.objects.select_related("score__assessment").get(pk=evidence.pk)
    assessment = evidence.score.assessment
    _require(user, SELF, assessment.agency, "Chỉ đầu mối CCHC của cơ quan được gỡ tài liệu kiểm chứng.")
    open_stage = {
        ScoreEvidence.SELF: AssessmentStatus.DRAFT,
        ScoreEvidence.RESPONSE: AssessmentStatus.APPRAISED,
    }[evidence.stage]
    if assessment.status != open_stage:
        raise ValidationError("Tài liệu đã nộp cùng bản đánh giá nên không gỡ được.")
    evidence.file.delete(save=False)
    evidence.delete()


def missing_before_submit(*, assessment: Assessment) -> list[str]:
    """What keeps an assessment from being submitted: criteria not scored, and criteria that ask for evidence
    with neither a file nor an explanation."""
    missing = []
    for score in _scores(assessment):
        criterion = score.criterion
        if criterion.method == Method.SURVEY:
            continue
        if score.self_value.empty:
            missing.append(f"Tiêu chí {criterion.code} chưa chấm.")
        elif (
            criterion.evidence.strip()
            and not score.self_value.not_applicable
            and score.computed_points is None
            and not score.comment.strip()
            and not score.evidence.filter(stage=ScoreEvidence.SELF).exists()
        ):
            missing.append(
                f"Tiêu chí {criterion.code} cần tài liệu kiểm chứng ({criterion.evidence[:80]}) "
                "hoặc giải thích vì sao không có."
            )
    return missing


@transaction.atomic
def assessment_submit(
    *, user: Any, assessment: Assessment, expected_version: int | None = None, today: date | None = None
) -> Assessment:
    """Submit the self-assessment to the appraisal team; from then on only the team writes."""
    assessment = _locked_assessment(
        assessment, expected_version, user, SELF, "Chỉ đầu mối CCHC của cơ quan được nộp bản tự đánh giá."
    )
    if assessment.status != AssessmentStatus.DRAFT:
        raise ValidationError("Bản tự đánh giá đã được nộp.")
    if (today or _today()) > assessment.round.self_deadline:
        raise ValidationError(f"Đã quá hạn nộp ({assessment.round.self_deadline:%d/%m/%Y}).")
    missing = missing_before_submit(assessment=assessment)
    if missing:
        raise ValidationError(["Chưa nộp được bản tự đánh giá:", *missing])
    assessment.status = AssessmentStatus.SUBMITTED
    assessment.submitted_at = timezone.now()
    versioned_save(assessment, expected_version=expected_version, update_fields=["status", "submitted_at"])
    return assessment


def _locked_assessment(
    assessment: Assessment, expected_version: int | None, user: Any, perm: str, refusal: str
) -> Assessment:
    """The assessment read again under lock, at the version the user saw, if the step is the user's to take."""
    locked = Assessment.objects.select_for_update().select_related("round", "agency").get(pk=assessment.pk)
    version_check(locked, expected_version)
    _require(user, perm, locked.agency, refusal)
    return locked


def _appraisal_turn(assessment: Assessment) -> str:
    """Which appraisal the team is in: the first, or the review after the agency's explanation (or after the
    explanation deadline passed without one)."""
    if assessment.status == AssessmentStatus.SUBMITTED:
        return "first"
    if assessment.status == AssessmentStatus.EXPLAINED:
        return "review"
    if assessment.status == AssessmentStatus.APPRAISED and _today() > assessment.round.explanation_deadline:
        return "review"
    raise ValidationError(
        f"Bản đánh giá đang ở bước “{assessment.get_status_display()}”: chưa đến lượt thẩm định."
    )


@transaction.atomic
def score_appraise(
    *,
    user: Any,
    score: Score,
    verdict: str,
    entry: Entry | None = None,
    reason: str = "",
    expected_version: int | None = None,
) -> Score:
    """The appraisal team accepts a self-score or adjusts it with a reason; in the review, it answers the agency's
    explanation of an adjusted criterion the same way."""
    score = _locked_score(score)
    version_check(score, expected_version)
    assessment = score.assessment
    _require(user, APPRAISE, assessment.agency, "Chỉ tổ thẩm định của Sở Nội vụ trong tỉnh được thẩm định.")
    turn = _appraisal_turn(assessment)
    if score.criterion.method == Method.SURVEY:
        raise ValidationError(
            "Điểm điều tra xã hội học nhập ở mục điều tra xã hội học, không thẩm định ở đây."
        )
    if verdict not in Verdict.values:
        raise ValidationError({"verdict": "Hãy chọn đồng ý hoặc điều chỉnh."})
    if verdict == Verdict.ADJUSTED:
        if entry is None or entry.empty:
            raise ValidationError({"points": "Hãy nhập điểm (hoặc số liệu) sau điều chỉnh."})
        if not reason.strip():
            raise ValidationError({"reason": "Điều chỉnh điểm phải ghi lý do."})
        _check_entry(score, entry)
        chosen = entry.to_dict()
    else:
        chosen = score.appraisal_entry if turn == "review" else score.self_entry
    if turn == "first":
        score.verdict, score.appraisal_entry, score.appraisal_reason = verdict, chosen, reason.strip()
    else:
        if not score.verdict:
            raise ValidationError("Tiêu chí này chưa được thẩm định lần đầu.")
        score.review_verdict, score.review_entry, score.review_reason = verdict, chosen, reason.strip()
    versioned_save(score, expected_version=expected_version)
    assessment_refresh_totals(assessment=assessment)
    return score


@transaction.atomic
def assessment_appraisal_done(
    *, user: Any, assessment: Assessment, expected_version: int | None = None
) -> Assessment:
    """Close the first appraisal: with adjustments the agency is asked to explain; without, the result is final."""
    assessment = _locked_assessment(
        assessment,
        expected_version,
        user,
        APPRAISE,
        "Chỉ tổ thẩm định của Sở Nội vụ trong tỉnh được thẩm định.",
    )
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ValidationError("Bản đánh giá không ở bước chờ thẩm định.")
    scores = [s for s in _scores(assessment) if s.criterion.method != Method.SURVEY]
    pending = [s.criterion.code for s in scores if not s.verdict]
    if pending:
        raise ValidationError(f"Còn {len(pending)} tiêu chí chưa thẩm định: {', '.join(pending[:12])}.")
    adjusted = [s for s in scores if s.verdict == Verdict.ADJUSTED]
    now = timezone.now()
    assessment.appraised_at = now
    if adjusted:
        assessment.status = AssessmentStatus.APPRAISED
        notify_agency(
            assessment,
            f"Kết quả thẩm định Chỉ số CCHC năm {assessment.round.year}: {len(adjusted)} tiêu chí được điều chỉnh",
            f"Hạn giải trình: {assessment.round.explanation_deadline:%d/%m/%Y}.",
            key="appraised",
        )
    else:
        assessment.status = AssessmentStatus.FINAL
        assessment.finalized_at = now
    versioned_save(
        assessment,
        expected_version=expected_version,
        update_fields=["status", "appraised_at", "finalized_at"],
    )
    return assessment


@transaction.atomic
def score_explain(
    *,
    user: Any,
    score: Score,
    response: str,
    files: Iterable[Upload] = (),
    expected_version: int | None = None,
    today: date | None = None,
) -> Score:
    """The agency's explanation (giải trình) of an adjusted criterion, with more evidence if it has some."""
    score = _locked_score(score)
    version_check(score, expected_version)
    assessment = score.assessment
    _require(user, SELF, assessment.agency, "Chỉ đầu mối CCHC của cơ quan được giải trình.")
    if assessment.status != AssessmentStatus.APPRAISED:
        raise ValidationError("Bản đánh giá không ở bước giải trình.")
    if (today or _today()) > assessment.round.explanation_deadline:
        raise ValidationError(f"Đã quá hạn giải trình ({assessment.round.explanation_deadline:%d/%m/%Y}).")
    if score.verdict != Verdict.ADJUSTED:
        raise ValidationError("Chỉ giải trình tiêu chí bị điều chỉnh điểm.")
    if not response.strip():
        raise ValidationError({"response": "Hãy nhập nội dung giải trình."})
    checked = _checked_files(files)
    score.response = response.strip()
    versioned_save(score, expected_version=expected_version)
    _store_files(score, checked, ScoreEvidence.RESPONSE, user)
    return score


@transaction.atomic
def assessment_explanation_submit(
    *, user: Any, assessment: Assessment, expected_version: int | None = None
) -> Assessment:
    """Send the explanations to the appraisal team for the review."""
    assessment = _locked_assessment(
        assessment, expected_version, user, SELF, "Chỉ đầu mối CCHC của cơ quan được gửi giải trình."
    )
    if assessment.status != AssessmentStatus.APPRAISED:
        raise ValidationError("Bản đánh giá không ở bước giải trình.")
    assessment.status = AssessmentStatus.EXPLAINED
    assessment.explained_at = timezone.now()
    versioned_save(assessment, expected_version=expected_version, update_fields=["status", "explained_at"])
    return assessment


@transaction.atomic
def assessment_finalize(
    *, user: Any, assessment: Assessment, expected_version: int | None = None
) -> Assessment:
    """Close the review: the final points stand. Adjusted criteria not reviewed keep the first appraisal."""
    assessment = _locked_assessment(
        assessment,
        expected_version,
        user,
        APPRAISE,
        "Chỉ tổ thẩm định của Sở Nội vụ trong tỉnh được chốt kết quả.",
    )
    _appraisal_turn(assessment)
    if assessment.status == AssessmentStatus.SUBMITTED:
        raise ValidationError("Hãy hoàn thành thẩm định lần đầu trước khi chốt.")
    assessment.status = AssessmentStatus.FINAL
    assessment.finalized_at = timezone.now()
    versioned_save(assessment, expected_version=expected_version, update_fields=["status", "finalized_at"])
    assessment_refresh_totals(assessment=assessment)
    notify_agency(assessment, f"Đã chốt kết quả Chỉ số CCHC năm {assessment.round.year}", "", key="final")
    return assessment


@transaction.atomic
def survey_points_set(*, user: Any, score: Score, entry: Entry, expected_version: int | None = None) -> Score:
    """Survey points (điều tra xã hội học) of one criterion of one agency, entered by Sở Nội vụ."""
    score = _locked_score(score)
    version_check(score, expected_version)
    _require(
        user, APPRAISE, score.assessment.agency, "Chỉ Sở Nội vụ của tỉnh được nhập điểm điều tra xã hội học."
    )
    if score.criterion.method != Method.SURVEY:
        raise ValidationError(f"Tiêu chí {score.criterion.code} không chấm bằng điều tra xã hội học.")
    if score.assessment.round.published_at:
        raise ValidationError("Kết quả đã công bố: không sửa điểm điều tra xã hội học được nữa.")
    if entry.points is not None and not entry.reason.strip():
        entry = Entry(value=entry.value, points=entry.points, reason="Kết quả điều tra xã hội học")
    _check_entry(score, entry)
    score.survey_entry = entry.to_dict()
    versioned_save(score, expected_version=expected_version)
    assessment_refresh_totals(assessment=score.assessment)
    return score


@transaction.atomic
def round_publish(
    *, user: Any, round_: AssessmentRound, decision_number: str = "", expected_version: int | None = None
) -> AssessmentRound:
    """Publish the ranking: every assessment final; from then on everyone in the province reads the results."""
    round_ = AssessmentRound.objects.select_for_update().select_related("province").get(pk=round_.pk)
    version_check(round_, expected_version)
    _require(user, MANAGE, round_.province, "Chỉ Sở Nội vụ của tỉnh được công bố kết quả.")
    if round_.published_at:
        raise ValidationError("Kết quả đã được công bố.")
    open_ones = list(
        round_.assessments.exclude(status=AssessmentStatus.FINAL).values_list("agency__name", flat=True)
    )
    if open_ones:
        raise ValidationError(
            f"Còn {len(open_ones)} cơ quan chưa chốt kết quả: {', '.join(open_ones[:8])}"
            + ("…" if len(open_ones) > 8 else ".")
        )
    round_.published_at = timezone.now()
    round_.published_by = user
    round_.decision_number = decision_number.strip()[:64]
    versioned_save(round_, expected_version=expected_version)
    return round_


def notify_agency(assessment: Assessment, title: str, body: str, *, key: str) -> None:
    """Tell the agency's focal points (and its leaders) through the existing notifications."""
    url = reverse("par:assessment", args=[assessment.pk])
    users = {
        assignment.user
        for assignment in RoleAssignment.objects.filter(
            agency_id=assessment.agency_id, role__in=[Role.FOCAL_POINT, Role.LEADER]
        ).select_related("user")
    }
    for user in users:
        notify(
            user=user,
            kind=NotificationKind.PAR,
            title=title,
            body=body,
            url=url,
            dedupe_key=f"par:{assessment.pk}:{key}:{user.pk}",
        )


def points_text(value: Decimal | None) -> str:
    return "" if value is None else vn_number(value, 2)


@transaction.atomic
def survey_points_import(*, user: Any, round_: AssessmentRound, data: bytes, filename: str) -> int:
    """Survey points of many agencies from a table (Mã cơ quan · Mã tiêu chí · Điểm or Tỷ lệ (%)); refused
    whole, with every row's problem, when one row cannot be used. Returns how many criteria were set."""
    _require(user, MANAGE, round_.province, "Chỉ Sở Nội vụ của tỉnh được nhập điểm điều tra xã hội học.")
    if round_.published_at:
        raise ValidationError("Kết quả đã công bố: không sửa điểm điều tra xã hội học được nữa.")
    try:
        upload_check(data, use=Use.TABLE, name=filename, field="file")
    except UploadRefused as refusal:
        raise ValidationError({"file": refusal.reason}) from None
    try:
        rows = read_table_rows(data, filename)
    except ImportFileError as error:
        raise ValidationError({"file": str(error)}) from None
    table = read_points_table(rows)
    errors = list(table.errors)
    scores = {
        (score.assessment.agency.code, score.criterion.code): score
        for score in Score.objects.filter(assessment__round=round_, criterion__method=Method.SURVEY)
        .select_related("assessment__agency", "criterion", "assessment__round__criteria_set")
        .select_for_update(of=("self",))
    }
    agency_codes = {code for code, _ in scores}
    chosen: list[tuple[Score, Entry]] = []
    for row in table.rows:
        score = scores.get((row.unit_code, row.criterion_code))
        if score is None:
            where = (
                f"tiêu chí {row.criterion_code} không phải tiêu chí điều tra xã hội học của bộ tiêu chí"
                if row.unit_code in agency_codes
                else f"không có cơ quan mã {row.unit_code} trong đợt đánh giá"
            )
            errors.append(f"Dòng {row.line}: {where}.")
            continue
        entry = (
            Entry(value=row.rate, reason="Kết quả điều tra xã hội học")
            if row.points is None
            else Entry(points=row.points, reason="Kết quả điều tra xã hội học")
        )
        try:
            _check_entry(score, entry)
        except ValidationError as error:
            errors.append(f"Dòng {row.line}: " + " ".join(error.messages))
            continue
        chosen.append((score, entry))
    if errors:
        raise ValidationError({"file": ["Chưa nhập được: tệp còn lỗi, không điểm nào được lưu.", *errors]})
    touched = set()
    for score, entry in chosen:
        score.survey_entry = entry.to_dict()
        versioned_save(score)
        touched.add(score.assessment_id)
    for assessment in Assessment.objects.filter(pk__in=touched).select_related("round__criteria_set"):
        assessment_refresh_totals(assessment=assessment)
    return len(chosen)
