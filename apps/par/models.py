"""The PAR INDEX assessment year: Sở Nội vụ opens a round for a level of its province on a criteria set, each
agency self-scores every criterion with evidence and submits, the appraisal team accepts or adjusts, the agency
explains, the team reviews and finalises, the province publishes the ranking.

Each criterion's entries (what was typed: a figure, points with a reason, "không áp dụng") are kept per stage,
with the points the engine gave them, so the appraiser sees the computed figure, the self-score and every
adjustment side by side; every change is in the audit trail (who, when, old and new value).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency
from apps.scoring.models import CriteriaSet, Criterion
from domain.scoring.entries import Entry

from .choices import AssessmentStatus, Verdict

# Ranking groups used nationally (DOMAIN.md: A ≥ 90%, B 80–<90%, C 70–<80%); a province may change them per round.
DEFAULT_GROUPS = [
    {"label": "A", "min": "90"},
    {"label": "B", "min": "80"},
    {"label": "C", "min": "70"},
    {"label": "D", "min": "0"},
]


def _points(label: Any) -> models.DecimalField:  # type: ignore[type-arg]
    return models.DecimalField(label, max_digits=7, decimal_places=2, null=True, blank=True)


class AssessmentRound(VersionedModel, AuditedModel):
    """One year's assessment of a level (Sở or xã) of a province, on one criteria set, with its deadlines."""

    version_subject = "Đợt đánh giá"

    province = models.ForeignKey(
        Agency, verbose_name=_("tỉnh"), on_delete=models.PROTECT, related_name="assessment_rounds"
    )
    criteria_set = models.ForeignKey(
        CriteriaSet, verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="rounds"
    )
    year = models.PositiveSmallIntegerField(_("năm đánh giá"))
    level = models.CharField(_("cấp"), max_length=8)
    self_deadline = models.DateField(_("hạn nộp tự đánh giá"))
    appraisal_deadline = models.DateField(_("hạn thẩm định"))
    explanation_deadline = models.DateField(_("hạn giải trình"))
    final_deadline = models.DateField(_("hạn chốt kết quả"))
    groups = models.JSONField(_("nhóm xếp hạng"), default=list)
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decision_number = models.CharField(_("số quyết định công bố"), max_length=64, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("đợt đánh giá Chỉ số CCHC")
        verbose_name_plural = _("đợt đánh giá Chỉ số CCHC")
        ordering = ["-year", "level"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "level", "year"], name="par_round_one_per_level_year"
            ),
        ]

    def __str__(self) -> str:
        return f"Chỉ số CCHC năm {self.year} — {self.level_label} — {self.province.name}"

    @property
    def level_label(self) -> str:
        return "Sở, ban, ngành" if self.level == "so" else "Xã, phường"

    def audit_agency_id(self) -> int | None:
        return self.province_id


class Assessment(VersionedModel, AuditedModel):
    """One agency's assessment in a round. The totals are kept up to date by the services for the ranking."""

    version_subject = "Bản tự đánh giá"

    round = models.ForeignKey(
        AssessmentRound, verbose_name=_("đợt đánh giá"), on_delete=models.CASCADE, related_name="assessments"
    )
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="par_assessments"
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    prefilled_at = models.DateTimeField(_("lần lấy số liệu gần nhất"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("ngày nộp"), null=True, blank=True)
    appraised_at = models.DateTimeField(_("ngày thẩm định"), null=True, blank=True)
    explained_at = models.DateTimeField(_("ngày giải trình"), null=True, blank=True)
    finalized_at = models.DateTimeField(_("ngày chốt"), null=True, blank=True)
    self_total = _points(_("điểm tự đánh giá"))
    final_total = _points(_("điểm đạt"))
    survey_total = _points(_("điểm điều tra xã hội học"))
    index_percent = _points(_("chỉ số (%)"))

    class Meta:
        verbose_name = _("bản đánh giá Chỉ số CCHC")
        verbose_name_plural = _("bản đánh giá Chỉ số CCHC")
        ordering = ["round", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["round", "agency"], name="par_assessment_one_per_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.agency.name} — Chỉ số CCHC năm {self.round.year}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Score(VersionedModel, AuditedModel):
    """One criterion of an assessment: the computed figure, the self-score, the appraisal, the agency's
    explanation (giải trình), the review, and the survey points for a survey criterion."""

    version_subject = "Điểm tiêu chí"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")

    computed_value = models.CharField(_("số liệu của hệ thống"), max_length=64, blank=True)
    computed_points = _points(_("điểm tính từ dữ liệu"))
    computed_note = models.TextField(_("cách tính"), blank=True)
    computed_link = models.CharField(_("nơi xem số liệu"), max_length=255, blank=True)

    self_entry = models.JSONField(_("tự đánh giá"), default=dict, blank=True)
    self_points = _points(_("điểm tự đánh giá"))
    self_note = models.TextField(_("cách chấm"), blank=True)
    comment = models.TextField(_("thuyết minh, giải thích"), blank=True)

    verdict = models.CharField(_("thẩm định"), max_length=16, choices=Verdict.choices, blank=True)
    appraisal_entry = models.JSONField(_("điểm thẩm định"), default=dict, blank=True)
    appraisal_reason = models.TextField(_("lý do thẩm định"), blank=True)

    response = models.TextField(_("giải trình"), blank=True)

    review_verdict = models.CharField(_("thẩm định lại"), max_length=16, choices=Verdict.choices, blank=True)
    review_entry = models.JSONField(_("điểm thẩm định lại"), default=dict, blank=True)
    review_reason = models.TextField(_("lý do thẩm định lại"), blank=True)

    survey_entry = models.JSONField(_("điều tra xã hội học"), default=dict, blank=True)
    survey_points = _points(_("điểm điều tra xã hội học"))

    final_points = _points(_("điểm đạt"))
    final_note = models.TextField(_("giải thích điểm đạt"), blank=True)

    class Meta:
        verbose_name = _("điểm tiêu chí")
        verbose_name_plural = _("điểm tiêu chí")
        ordering = ["assessment", "criterion__order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="par_score_one_per_criterion"),
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code} — {self.assessment}"

    def audit_agency_id(self) -> int | None:
        return self.assessment.agency_id

    @property
    def self_value(self) -> Entry:
        return Entry.from_dict(self.self_entry)

    @property
    def appraisal_value(self) -> Entry:
        return Entry.from_dict(self.appraisal_entry)

    @property
    def review_value(self) -> Entry:
        return Entry.from_dict(self.review_entry)

    @property
    def survey_value(self) -> Entry:
        return Entry.from_dict(self.survey_entry)

    @property
    def adjusted(self) -> bool:
        return self.verdict == Verdict.ADJUSTED


class ScoreEvidence(models.Model):
    """A file proving a self-score or an explanation (tài liệu kiểm chứng), behind the permission check."""

    SELF = "self"
    RESPONSE = "response"
    STAGES = [(SELF, _("Tự đánh giá")), (RESPONSE, _("Giải trình"))]

    score = models.ForeignKey(Score, on_delete=models.CASCADE, related_name="evidence")
    stage = models.CharField(max_length=16, choices=STAGES, default=SELF)
    file = models.FileField(_("tệp"), upload_to=RandomPath("par-evidence"))
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    content_type = models.CharField(_("loại tệp"), max_length=100)
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu kiểm chứng")
        verbose_name_plural = _("tài liệu kiểm chứng")
        ordering = ["uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name
