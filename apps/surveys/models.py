"""SIPAS surveys: questionnaires (aspect → factor → question), campaigns, counters, anonymous responses."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Unit

from .choices import (
    AbuseKind,
    AggregationMethod,
    CampaignStatus,
    Channel,
    QuestionKind,
    QuestionnaireStatus,
    QuestionRole,
    RespondentField,
)


class Questionnaire(VersionedModel, AuditedModel):
    """A versioned questionnaire; without an agency it is a template every agency may copy."""

    version_subject = "Phiếu khảo sát"

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questionnaires",
    )
    code = models.CharField(_("mã"), max_length=48, unique=True)
    year = models.PositiveSmallIntegerField(_("năm áp dụng"))
    title = models.CharField(_("tên phiếu"), max_length=255)
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    source = models.CharField(_("căn cứ"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=QuestionnaireStatus.choices, default=QuestionnaireStatus.DRAFT
    )
    published_at = models.DateTimeField(_("ngày ban hành"), null=True, blank=True)
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("sao chép từ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    aggregation = models.CharField(
        _("cách tổng hợp chỉ số"),
        max_length=16,
        choices=AggregationMethod.choices,
        default=AggregationMethod.MEAN,
    )

    class Meta:
        verbose_name = _("phiếu khảo sát")
        verbose_name_plural = _("phiếu khảo sát")
        ordering = ["-year", "title"]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def is_frozen(self) -> bool:
        return self.status == QuestionnaireStatus.PUBLISHED


class Aspect(models.Model):
    """A part of a questionnaire measured as a whole (the administrative-service aspect, …)."""

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("phiếu"), on_delete=models.CASCADE, related_name="aspects"
    )
    code = models.CharField(_("mã"), max_length=16)
    title = models.CharField(_("tên"), max_length=255)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.DecimalField(_("trọng số"), max_digits=6, decimal_places=3, default=Decimal(1))

    class Meta:
        verbose_name = _("khía cạnh")
        verbose_name_plural = _("khía cạnh")
        ordering = ["questionnaire", "order"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="aspect_code_unique")]

    def __str__(self) -> str:
        return self.title


class Factor(models.Model):
    """A factor (yếu tố) of an aspect: tiếp cận dịch vụ, thủ tục hành chính, …"""

    aspect = models.ForeignKey(
        Aspect, verbose_name=_("khía cạnh"), on_delete=models.CASCADE, related_name="factors"
    )
    code = models.CharField(_("mã"), max_length=16)
    title = models.CharField(_("tên"), max_length=255)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.DecimalField(_("trọng số"), max_digits=6, decimal_places=3, default=Decimal(1))

    class Meta:
        verbose_name = _("yếu tố")
        verbose_name_plural = _("yếu tố")
        ordering = ["aspect", "order"]
        constraints = [models.UniqueConstraint(fields=["aspect", "code"], name="factor_code_unique")]

    def __str__(self) -> str:
        return self.title


class Question(VersionedModel, AuditedModel):
    """One question with its answer scale; `counts_toward_index` marks the items of the satisfaction index."""

    version_subject = "Câu hỏi"

    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("phiếu"), on_delete=models.CASCADE, related_name="questions"
    )
    factor = models.ForeignKey(
        Factor,
        verbose_name=_("yếu tố"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="questions",
    )
    code = models.CharField(_("mã"), max_length=16)
    text = models.TextField(_("nội dung câu hỏi"))
    help_text = models.CharField(_("gợi ý"), max_length=255, blank=True)
    kind = models.CharField(_("thang trả lời"), max_length=16, choices=QuestionKind.choices)
    role = models.CharField(_("loại câu hỏi"), max_length=16, choices=QuestionRole.choices)
    respondent_field = models.CharField(
        _("thông tin người trả lời"), max_length=16, choices=RespondentField.choices, blank=True
    )
    choices = models.JSONField(
        _("các lựa chọn"),
        default=list,
        blank=True,
        help_text=_("Danh sách {value, label, satisfied} cho câu hỏi Có/Không hoặc chọn một."),
    )
    counts_toward_index = models.BooleanField(_("tính vào chỉ số hài lòng"), default=False)
    required = models.BooleanField(_("bắt buộc"), default=False)
    allow_no_opinion = models.BooleanField(_("có lựa chọn “Không ý kiến”"), default=True)
    max_length = models.PositiveIntegerField(_("độ dài tối đa"), default=2000)
    order = models.PositiveSmallIntegerField(default=0)
    weight = models.DecimalField(_("trọng số"), max_digits=6, decimal_places=3, default=Decimal(1))

    class Meta:
        verbose_name = _("câu hỏi")
        verbose_name_plural = _("câu hỏi")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "code"], name="question_code_unique"),
            models.CheckConstraint(
                condition=Q(counts_toward_index=False) | Q(factor__isnull=False),
                name="counted_question_has_factor",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text[:60]}"

    def audit_agency_id(self) -> int | None:
        return self.questionnaire.agency_id


class Counter(VersionedModel, AuditedModel):
    """A place where citizens are served (a counter of the one-stop desk) and gets its own QR code."""

    version_subject = "Quầy"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="counters"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counters",
    )
    name = models.CharField(_("tên quầy"), max_length=128)
    is_active = models.BooleanField(_("đang dùng"), default=True)
    link_version = models.PositiveIntegerField(
        _("phiên bản đường dẫn"), default=1, help_text=_("Tăng lên để vô hiệu hóa mọi mã QR đã in.")
    )

    class Meta:
        verbose_name = _("quầy tiếp nhận")
        verbose_name_plural = _("quầy tiếp nhận")
        ordering = ["agency", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="counter_name_unique_in_agency")
        ]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Campaign(VersionedModel, AuditedModel):
    """A survey of one agency over a period (a quarter by default) with one frozen questionnaire."""

    version_subject = "Đợt khảo sát"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="campaigns"
    )
    questionnaire = models.ForeignKey(
        Questionnaire, verbose_name=_("phiếu khảo sát"), on_delete=models.PROTECT, related_name="campaigns"
    )
    title = models.CharField(_("tên đợt khảo sát"), max_length=255)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    closes_on = models.DateField(_("nhận phiếu đến ngày"), help_text=_("Sau ngày này đường dẫn hết hạn."))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    is_published = models.BooleanField(_("công khai kết quả"), default=False)
    published_at = models.DateTimeField(_("ngày công khai"), null=True, blank=True)
    channels = models.JSONField(_("kênh khảo sát"), default=list, blank=True)
    population = models.PositiveIntegerField(_("số hồ sơ đã giải quyết trong kỳ (N)"), null=True, blank=True)
    unit_populations = models.JSONField(_("số hồ sơ theo đơn vị"), default=dict, blank=True)
    margin = models.DecimalField(
        _("sai số cho phép (e)"), max_digits=4, decimal_places=3, default=Decimal("0.05")
    )
    procedures = models.TextField(
        _("thủ tục hành chính để người dân chọn"), blank=True, help_text=_("Mỗi dòng một thủ tục.")
    )

    class Meta:
        verbose_name = _("đợt khảo sát")
        verbose_name_plural = _("đợt khảo sát")
        ordering = ["-period_start", "agency"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "title"], name="campaign_title_unique_in_agency"),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="campaign_period_order"
            ),
            models.CheckConstraint(
                condition=Q(closes_on__gte=F("period_start")), name="campaign_closes_after_start"
            ),
            models.CheckConstraint(
                condition=Q(margin__gt=0) & Q(margin__lt=Decimal("0.5")), name="campaign_margin_range"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def procedure_list(self) -> list[str]:
        return [line.strip() for line in self.procedures.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    """One citizen's answers, stored with no link to a person (no name, no address, the dossier only hashed)."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("đợt khảo sát"), on_delete=models.PROTECT, related_name="responses"
    )
    counter = models.ForeignKey(
        Counter,
        verbose_name=_("quầy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    channel = models.CharField(_("kênh"), max_length=16, choices=Channel.choices)
    procedure = models.CharField(_("thủ tục hành chính"), max_length=255, blank=True)
    # Rounded down to the hour so the time cannot single out a visit at the counter.
    submitted_at = models.DateTimeField(_("thời điểm gửi (theo giờ)"))
    submitted_on = models.DateField(_("ngày gửi"))
    idempotency_key = models.CharField(max_length=64, unique=True)
    dossier_hash = models.CharField(max_length=64, null=True, blank=True)
    suggestion = models.TextField(_("góp ý"), blank=True)
    suggestion_handled = models.BooleanField(_("đã xử lý góp ý"), default=False)
    handled_at = models.DateTimeField(_("ngày xử lý"), null=True, blank=True)
    handled_note = models.CharField(_("ghi chú xử lý"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("phiếu trả lời")
        verbose_name_plural = _("phiếu trả lời")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "dossier_hash"], name="one_response_per_dossier"),
        ]
        indexes = [models.Index(fields=["campaign", "submitted_on"], name="response_campaign_day")]

    def __str__(self) -> str:
        return f"Phiếu {self.pk} · {self.campaign}"


class Answer(models.Model):
    """The answer to one question: a scale or choice value, or free text."""

    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.CharField(max_length=32, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("câu trả lời")
        verbose_name_plural = _("câu trả lời")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question")
        ]
        indexes = [models.Index(fields=["question", "value"], name="answer_question_value")]

    def __str__(self) -> str:
        return f"{self.question.code}: {self.value or self.text[:40]}"


class AbuseEvent(models.Model):
    """A refused or neutralised submission, counted in the campaign's abuse log (no address kept)."""

    campaign = models.ForeignKey(
        Campaign, null=True, blank=True, on_delete=models.CASCADE, related_name="abuse_events"
    )
    kind = models.CharField(_("loại"), max_length=24, choices=AbuseKind.choices)
    occurred_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    detail = models.CharField(_("chi tiết"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("sự kiện lạm dụng")
        verbose_name_plural = _("sự kiện lạm dụng")
        ordering = ["-occurred_at"]
        indexes = [models.Index(fields=["campaign", "kind"], name="abuse_campaign_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.occurred_at:%d/%m/%Y %H:%M}"
