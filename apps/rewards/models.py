"""Emulation and rewards (thi đua, khen thưởng): movements and their contents, contest scoring, registrations,
initiatives, the annual ratings the titles rest on, nominations with their dossiers, the reward council and its
votes, decisions, and the register of every award ever given.

The rules (who is eligible, how the council votes, the prize amounts) are ``domain.rewards``: kept here are only
the facts people record and the verdicts frozen when a step is taken.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.organizations.models import Agency, Person, Unit

from .choices import (
    AwardFormChoice,
    CouncilRole,
    DecisionStatus,
    DisciplineMeasure,
    DocumentKind,
    Grade,
    InitiativeScope,
    InitiativeStatus,
    MovementStatus,
    NominationStatus,
    ParticipantKind,
    RatingSource,
    SubjectChoice,
)

_USER = settings.AUTH_USER_MODEL


def _year_range(prefix: str, field: str = "year") -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{field}__gte": 2000}) & Q(**{f"{field}__lte": 2100}), name=f"{prefix}_{field}_range"
    )


# --- movements --------------------------------------------------------------------------------------------------


class Movement(VersionedModel, AuditedModel):
    """A phong trào thi đua an agency launches for a year or a period (2026–2030), often from an imported plan."""

    version_subject = "Phong trào thi đua"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan phát động"), on_delete=models.PROTECT, related_name="movements"
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch phát động"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movements",
    )
    name = models.CharField(_("tên phong trào"), max_length=500)
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=MovementStatus.choices, default=MovementStatus.ACTIVE
    )
    participant_kind = models.CharField(
        _("đối tượng tham gia"), max_length=16, choices=ParticipantKind.choices, default=ParticipantKind.UNIT
    )
    # Each year, registrations are due by this day and month, the yearly report by the other.
    registration_due_day = models.PositiveSmallIntegerField(_("hạn đăng ký thi đua (ngày)"), default=31)
    registration_due_month = models.PositiveSmallIntegerField(_("hạn đăng ký thi đua (tháng)"), default=3)
    report_due_day = models.PositiveSmallIntegerField(_("hạn báo cáo năm (ngày)"), default=20)
    report_due_month = models.PositiveSmallIntegerField(_("hạn báo cáo năm (tháng)"), default=11)
    # The movement's own rules, checked beside the law's (seed 004: ≥ 2 initiatives and ≥ 3 outstanding years in
    # the period for a collective).
    min_initiatives = models.PositiveSmallIntegerField(
        _("số sáng kiến tối thiểu trong giai đoạn"), null=True, blank=True
    )
    min_outstanding_years = models.PositiveSmallIntegerField(
        _("số năm hoàn thành xuất sắc tối thiểu trong giai đoạn"), null=True, blank=True
    )
    own_rules_subject = models.CharField(
        _("quy định riêng áp dụng cho"),
        max_length=16,
        choices=SubjectChoice.choices,
        blank=True,
        help_text=_("Để trống: áp dụng cho cả tập thể và cá nhân."),
    )
    own_rules_source = models.TextField(_("căn cứ quy định riêng"), blank=True)
    description = models.TextField(_("mục đích, yêu cầu"), blank=True)
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("phong trào thi đua")
        verbose_name_plural = _("phong trào thi đua")
        ordering = ["-start_year", "name"]
        constraints = [
            _year_range("movement", "start_year"),
            _year_range("movement", "end_year"),
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")), name="movement_period_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def period_label(self) -> str:
        if self.start_year == self.end_year:
            return f"Năm {self.start_year}"
        return f"Giai đoạn {self.start_year}–{self.end_year}"


class MovementContent(VersionedModel, AuditedModel):
    """A nội dung thi đua with its target, linked to the indicator that measures it where there is one."""

    version_subject = "Nội dung thi đua"

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="contents"
    )
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    title = models.TextField(_("nội dung thi đua"))
    target_text = models.TextField(_("chỉ tiêu"), blank=True)
    target_value = models.DecimalField(
        _("giá trị chỉ tiêu"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_unit = models.CharField(_("đơn vị tính"), max_length=32, blank=True)
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("chỉ số đo lường"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="movement_contents",
    )

    class Meta:
        verbose_name = _("nội dung thi đua")
        verbose_name_plural = _("nội dung thi đua")
        ordering = ["movement", "order", "pk"]

    def __str__(self) -> str:
        return self.title[:120]

    def audit_agency_id(self) -> int | None:
        return self.movement.agency_id


class Participant(VersionedModel, AuditedModel):
    """A unit of the agency, or another agency, taking part in a movement, in a contest group."""

    version_subject = "Đối tượng thi đua"

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="participants"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    participant_agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    group = models.CharField(_("khối, nhóm thi đua"), max_length=128, blank=True)

    class Meta:
        verbose_name = _("đối tượng thi đua")
        verbose_name_plural = _("đối tượng thi đua")
        ordering = ["movement", "group", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(unit__isnull=False, participant_agency__isnull=True)
                | Q(unit__isnull=True, participant_agency__isnull=False),
                name="participant_unit_or_agency",
            ),
            models.UniqueConstraint(fields=["movement", "unit"], name="participant_unit_once"),
            models.UniqueConstraint(
                fields=["movement", "participant_agency"], name="participant_agency_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.unit or self.participant_agency)

    def audit_agency_id(self) -> int | None:
        return self.movement.agency_id


class ContestTable(VersionedModel, AuditedModel):
    """A thang điểm thi đua for one participant group: a criteria tree of the shared scoring engine."""

    version_subject = "Thang điểm thi đua"

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="contest_tables"
    )
    group = models.CharField(_("khối, nhóm thi đua"), max_length=128, blank=True)
    criteria_set = models.ForeignKey(
        "scoring.CriteriaSet", verbose_name=_("bộ tiêu chí"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("thang điểm thi đua")
        verbose_name_plural = _("thang điểm thi đua")
        constraints = [models.UniqueConstraint(fields=["movement", "group"], name="contest_table_group_once")]

    def __str__(self) -> str:
        return f"{self.movement} — {self.group or 'chung'}"

    def audit_agency_id(self) -> int | None:
        return self.movement.agency_id


class ContestScore(VersionedModel, AuditedModel):
    """One participant's score of one year on its group's table: the inputs people entered or the system filled,
    and the scorecard the engine returned (frozen with the totals, so the ranking can be read back)."""

    version_subject = "Điểm thi đua"

    table = models.ForeignKey(
        ContestTable, verbose_name=_("thang điểm"), on_delete=models.CASCADE, related_name="scores"
    )
    participant = models.ForeignKey(
        Participant, verbose_name=_("đối tượng"), on_delete=models.CASCADE, related_name="scores"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    inputs = models.JSONField(_("số liệu chấm"), default=dict, blank=True)
    scorecard = models.JSONField(_("kết quả chấm"), default=dict, blank=True)
    total = models.DecimalField(_("tổng điểm"), max_digits=8, decimal_places=2, null=True, blank=True)
    scored_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("điểm thi đua")
        verbose_name_plural = _("điểm thi đua")
        constraints = [
            _year_range("contest_score"),
            models.UniqueConstraint(fields=["table", "participant", "year"], name="contest_score_once"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.year}"

    def audit_agency_id(self) -> int | None:
        return self.table.movement.agency_id


class Registration(VersionedModel, AuditedModel):
    """Đăng ký thi đua: the titles a unit (collective) or a person aims for in a year."""

    version_subject = "Đăng ký thi đua"

    movement = models.ForeignKey(
        Movement, verbose_name=_("phong trào"), on_delete=models.CASCADE, related_name="registrations"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    subject = models.CharField(_("đối tượng"), max_length=16, choices=SubjectChoice.choices)
    person = models.ForeignKey(
        Person, verbose_name=_("cá nhân"), null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    nominee_agency = models.ForeignKey(
        Agency,
        verbose_name=_("tập thể (cơ quan)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    forms = models.JSONField(_("danh hiệu, hình thức đăng ký"), default=list)
    note = models.TextField(_("ghi chú"), blank=True)
    registered_at = models.DateTimeField(_("ngày đăng ký"), auto_now_add=True)
    registered_by = models.ForeignKey(
        _USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("đăng ký thi đua")
        verbose_name_plural = _("đăng ký thi đua")
        constraints = [
            _year_range("registration"),
            models.UniqueConstraint(fields=["movement", "year", "person"], name="registration_person_once"),
            models.UniqueConstraint(fields=["movement", "year", "unit"], name="registration_unit_once"),
            models.UniqueConstraint(
                fields=["movement", "year", "nominee_agency"], name="registration_agency_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit or self.nominee_agency} — {self.year}"

    def audit_agency_id(self) -> int | None:
        return self.movement.agency_id


# --- initiatives and ratings -----------------------------------------------------------------------------------


class Initiative(VersionedModel, AuditedModel):
    """A sáng kiến with its authors and the recognition decision of the initiative council (Hội đồng sáng kiến)."""

    version_subject = "Sáng kiến"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="initiatives"
    )
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.SET_NULL)
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    title = models.TextField(_("tên sáng kiến"))
    year = models.PositiveSmallIntegerField(_("năm"))
    description = models.TextField(_("mô tả, hiệu quả"), blank=True)
    authors = models.ManyToManyField(
        Person, verbose_name=_("tác giả"), related_name="initiatives", blank=True
    )
    other_authors = models.CharField(_("đồng tác giả ngoài cơ quan"), max_length=500, blank=True)
    scope = models.CharField(
        _("phạm vi ảnh hưởng"), max_length=16, choices=InitiativeScope.choices, default=InitiativeScope.BASE
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=InitiativeStatus.choices, default=InitiativeStatus.PROPOSED
    )
    recognition_number = models.CharField(_("số quyết định công nhận"), max_length=64, blank=True)
    recognised_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    recognised_by = models.CharField(_("cơ quan, hội đồng công nhận"), max_length=255, blank=True)
    file = models.FileField(_("tệp sáng kiến"), upload_to=RandomPath("initiatives"), blank=True)
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("sáng kiến")
        verbose_name_plural = _("sáng kiến")
        ordering = ["-year", "title"]
        constraints = [
            _year_range("initiative"),
            models.CheckConstraint(
                condition=~Q(status=InitiativeStatus.RECOGNISED) | Q(recognised_on__isnull=False),
                name="initiative_recognised_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title[:120]

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class AnnualRating(VersionedModel, AuditedModel):
    """A person's or a collective's rating of a year (mức độ hoàn thành nhiệm vụ) and disciplinary measures: the
    facts the titles rest on. Taken from apps.ratings where the year is decided there, entered or imported
    otherwise."""

    version_subject = "Xếp loại năm"

    agency = models.ForeignKey(Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="annual_ratings",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    grade = models.CharField(_("xếp loại"), max_length=16, choices=Grade.choices)
    discipline = models.CharField(
        _("kỷ luật trong năm"), max_length=16, choices=DisciplineMeasure.choices, blank=True
    )
    discipline_note = models.TextField(_("căn cứ kỷ luật"), blank=True)
    pending_review = models.TextField(
        _("đang xem xét kỷ luật, thanh tra, giải quyết khiếu nại"),
        blank=True,
        help_text=_("Chưa khen thưởng khi còn đang xem xét (Nghị định 152/2025 Điều 4 khoản 4)."),
    )
    source = models.CharField(
        _("nguồn"), max_length=16, choices=RatingSource.choices, default=RatingSource.ENTERED
    )
    rating = models.ForeignKey(
        "ratings.Rating",
        verbose_name=_("phiếu xếp loại"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    entered_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("xếp loại năm")
        verbose_name_plural = _("xếp loại năm")
        ordering = ["-year"]
        constraints = [
            _year_range("annual_rating"),
            models.CheckConstraint(
                condition=Q(person__isnull=False, unit__isnull=True) | Q(person__isnull=True),
                name="annual_rating_person_or_collective",
            ),
            models.UniqueConstraint(
                fields=["year", "person"], condition=Q(person__isnull=False), name="annual_rating_person_once"
            ),
            models.UniqueConstraint(
                fields=["year", "unit"], condition=Q(unit__isnull=False), name="annual_rating_unit_once"
            ),
            models.UniqueConstraint(
                fields=["year", "agency"],
                condition=Q(person__isnull=True, unit__isnull=True),
                name="annual_rating_agency_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person or self.unit or self.agency} — {self.year}: {self.get_grade_display()}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


# --- council, nominations, decisions, register --------------------------------------------------------------------


class ProvinceRewardRules(VersionedModel, AuditedModel):
    """The province's own layer over the law (NĐ 152/2025 Điều 6 khoản 2 hands it the councils and dossiers):
    vote threshold, quorum, attendance, each a value marked "chưa đối chiếu" until checked against the province's
    regulation (``domain.rewards.rulesets.ProvinceRules``)."""

    version_subject = "Quy định khen thưởng của tỉnh"

    province = models.OneToOneField(
        Agency, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="reward_rules"
    )
    regulation = models.CharField(_("văn bản quy định của tỉnh"), max_length=255, blank=True)
    params = models.JSONField(_("tham số"), default=dict, blank=True)
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)

    class Meta:
        verbose_name = _("quy định khen thưởng của tỉnh")
        verbose_name_plural = _("quy định khen thưởng của tỉnh")

    def __str__(self) -> str:
        return f"Quy định khen thưởng — {self.province}"

    def audit_agency_id(self) -> int | None:
        return self.province_id


class BaseSalary(VersionedModel, AuditedModel):
    """Mức lương cơ sở from a date: prizes are multiples of the one in force on the decision's date."""

    version_subject = "Lương cơ sở"

    effective_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    amount = models.DecimalField(_("mức lương cơ sở (đồng/tháng)"), max_digits=12, decimal_places=0)
    source = models.CharField(_("căn cứ"), max_length=255)
    verified = models.BooleanField(_("đã đối chiếu văn bản"), default=False)

    class Meta:
        verbose_name = _("lương cơ sở")
        verbose_name_plural = _("lương cơ sở")
        ordering = ["-effective_from"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self) -> str:
        return f"{self.amount} đ từ {self.effective_from:%d/%m/%Y}"

    def audit_agency_id(self) -> int | None:
        return None


class Council(VersionedModel, AuditedModel):
    """Hội đồng Thi đua – Khen thưởng of an agency, with its members."""

    version_subject = "Hội đồng Thi đua – Khen thưởng"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="reward_councils"
    )
    name = models.CharField(_("tên hội đồng"), max_length=255, default="Hội đồng Thi đua – Khen thưởng")
    establishing_decision = models.CharField(_("quyết định thành lập"), max_length=255, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    class Meta:
        verbose_name = _("hội đồng thi đua – khen thưởng")
        verbose_name_plural = _("hội đồng thi đua – khen thưởng")

    def __str__(self) -> str:
        return f"{self.name} — {self.agency}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class CouncilMember(VersionedModel, AuditedModel):
    version_subject = "Thành viên hội đồng"

    council = models.ForeignKey(
        Council, verbose_name=_("hội đồng"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("thành viên"), on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("vai trò"), max_length=16, choices=CouncilRole.choices, default=CouncilRole.MEMBER
    )

    class Meta:
        verbose_name = _("thành viên hội đồng")
        verbose_name_plural = _("thành viên hội đồng")
        constraints = [models.UniqueConstraint(fields=["council", "person"], name="council_member_once")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"

    def audit_agency_id(self) -> int | None:
        return self.council.agency_id


class Nomination(VersionedModel, AuditedModel):
    """Đề nghị khen thưởng: a unit proposes a person or a collective for a title or form of a year; the focal point
    checks it (the verdict of ``domain.rewards.eligibility`` is frozen in ``verdict``), the council votes, the head
    decides. A nomination that fails a rule reaches the vote only with the chair's recorded override."""

    version_subject = "Đề nghị khen thưởng"

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan xét khen thưởng"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    movement = models.ForeignKey(
        Movement,
        verbose_name=_("phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations",
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    form = models.CharField(_("danh hiệu, hình thức"), max_length=32, choices=AwardFormChoice.choices)
    subject = models.CharField(_("đối tượng"), max_length=16, choices=SubjectChoice.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominee_agency = models.ForeignKey(
        Agency,
        verbose_name=_("tập thể (cơ quan)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposing_unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị đề nghị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    achievement = models.TextField(_("thành tích tóm tắt"))
    achievement_key = models.CharField(_("mã thành tích"), max_length=255, blank=True)
    declarations = models.JSONField(_("nội dung bình xét đơn vị xác nhận"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=NominationStatus.choices, default=NominationStatus.DRAFT
    )
    eligible = models.BooleanField(_("đủ điều kiện"), null=True, blank=True)
    verdict = models.JSONField(_("kết quả kiểm tra điều kiện"), default=dict, blank=True)
    checked_at = models.DateTimeField(_("ngày kiểm tra"), null=True, blank=True)
    checked_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    override_reason = models.TextField(_("lý do Chủ tịch Hội đồng cho đưa ra xét"), blank=True)
    override_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    override_at = models.DateTimeField(_("ngày cho đưa ra xét"), null=True, blank=True)
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("đề nghị khen thưởng")
        verbose_name_plural = _("đề nghị khen thưởng")
        ordering = ["-year", "form", "pk"]
        constraints = [
            _year_range("nomination"),
            models.CheckConstraint(
                condition=(
                    Q(
                        subject=SubjectChoice.PERSON,
                        person__isnull=False,
                        unit__isnull=True,
                        nominee_agency__isnull=True,
                    )
                    | Q(subject=SubjectChoice.COLLECTIVE, person__isnull=True)
                    & (
                        Q(unit__isnull=False, nominee_agency__isnull=True)
                        | Q(unit__isnull=True, nominee_agency__isnull=False)
                    )
                ),
                name="nomination_one_nominee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} — {self.get_form_display()} {self.year}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def nominee_name(self) -> str:
        nominee = self.person or self.unit or self.nominee_agency
        return str(nominee) if nominee is not None else ""


class NominationDocument(VersionedModel, AuditedModel):
    version_subject = "Hồ sơ đề nghị khen thưởng"

    nomination = models.ForeignKey(
        Nomination, verbose_name=_("đề nghị"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("loại tài liệu"), max_length=32, choices=DocumentKind.choices)
    file = models.FileField(_("tệp"), upload_to=RandomPath("nominations"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("sáng kiến"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("tài liệu hồ sơ khen thưởng")
        verbose_name_plural = _("tài liệu hồ sơ khen thưởng")

    def __str__(self) -> str:
        return self.get_kind_display()

    def audit_agency_id(self) -> int | None:
        return self.nomination.agency_id


class CouncilSession(VersionedModel, AuditedModel):
    """A meeting of the council that reviews nominations by secret ballot, recorded as counts per nominee."""

    version_subject = "Phiên họp hội đồng"

    council = models.ForeignKey(
        Council, verbose_name=_("hội đồng"), on_delete=models.PROTECT, related_name="sessions"
    )
    held_at = models.DateTimeField(_("thời gian họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    members_total = models.PositiveSmallIntegerField(
        _("tổng số thành viên"), validators=[MinValueValidator(1)]
    )
    members_present = models.PositiveSmallIntegerField(_("số thành viên có mặt"))
    chair = models.ForeignKey(
        Person, verbose_name=_("chủ trì"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    secretary = models.ForeignKey(
        Person, verbose_name=_("thư ký"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rule_set_code = models.CharField(_("quy định áp dụng"), max_length=64, blank=True)
    closed = models.BooleanField(_("đã kết thúc"), default=False)
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("phiên họp hội đồng")
        verbose_name_plural = _("phiên họp hội đồng")
        ordering = ["-held_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(members_present__lte=models.F("members_total")),
                name="session_present_within_members",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} — {self.held_at:%d/%m/%Y}"

    def audit_agency_id(self) -> int | None:
        return self.council.agency_id


class Vote(VersionedModel, AuditedModel):
    version_subject = "Kết quả bỏ phiếu"

    session = models.ForeignKey(
        CouncilSession, verbose_name=_("phiên họp"), on_delete=models.CASCADE, related_name="votes"
    )
    nomination = models.ForeignKey(
        Nomination, verbose_name=_("đề nghị"), on_delete=models.CASCADE, related_name="votes"
    )
    votes_for = models.PositiveSmallIntegerField(_("số phiếu đồng ý"))
    votes_against = models.PositiveSmallIntegerField(_("số phiếu không đồng ý"), default=0)
    passed = models.BooleanField(_("đạt"))
    threshold_text = models.CharField(_("ngưỡng áp dụng"), max_length=255, blank=True)
    explanation = models.TextField(_("giải thích"), blank=True)

    class Meta:
        verbose_name = _("kết quả bỏ phiếu")
        verbose_name_plural = _("kết quả bỏ phiếu")
        constraints = [
            models.UniqueConstraint(fields=["session", "nomination"], name="vote_once_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.votes_for}"

    def audit_agency_id(self) -> int | None:
        return self.nomination.agency_id


class RewardDecision(VersionedModel, AuditedModel):
    """Quyết định khen thưởng: the head's decision over nominations the council passed, with prize amounts from the
    base salary in force on its date."""

    version_subject = "Quyết định khen thưởng"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="reward_decisions"
    )
    session = models.ForeignKey(
        CouncilSession,
        verbose_name=_("phiên họp hội đồng"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    number = models.CharField(_("số, ký hiệu"), max_length=64, blank=True)
    signed_on = models.DateField(_("ngày ký"))
    signer = models.ForeignKey(
        Person, verbose_name=_("người ký"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)
    base_salary = models.DecimalField(
        _("lương cơ sở áp dụng"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    money_source = models.CharField(_("nguồn tiền thưởng"), max_length=255, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT
    )
    created_by = models.ForeignKey(_USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("quyết định khen thưởng")
        verbose_name_plural = _("quyết định khen thưởng")
        ordering = ["-signed_on", "-pk"]

    def __str__(self) -> str:
        return f"Quyết định {self.number or '(chưa số)'} ngày {self.signed_on:%d/%m/%Y}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class Award(VersionedModel, AuditedModel):
    """One award in the register (sổ khen thưởng): every award of every person and collective across years, from
    a decision here or entered from the paper register, so the next nomination's history is already there."""

    version_subject = "Khen thưởng"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="awards"
    )
    decision = models.ForeignKey(
        RewardDecision,
        verbose_name=_("quyết định"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    nomination = models.OneToOneField(
        Nomination,
        verbose_name=_("đề nghị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award",
    )
    year = models.PositiveSmallIntegerField(_("năm thành tích"))
    form = models.CharField(_("danh hiệu, hình thức"), max_length=32, choices=AwardFormChoice.choices)
    subject = models.CharField(_("đối tượng"), max_length=16, choices=SubjectChoice.choices)
    person = models.ForeignKey(
        Person,
        verbose_name=_("cá nhân"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="awards",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("tập thể (đơn vị)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominee_agency = models.ForeignKey(
        Agency,
        verbose_name=_("tập thể (cơ quan)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recipient_name = models.CharField(_("tên cá nhân, tập thể"), max_length=255)
    achievement = models.TextField(_("thành tích"), blank=True)
    achievement_key = models.CharField(_("mã thành tích"), max_length=255, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    decision_label = models.CharField(
        _("quyết định (ghi từ sổ)"),
        max_length=255,
        blank=True,
        help_text=_("Với khen thưởng nhập từ sổ giấy."),
    )
    multiplier = models.DecimalField(
        _("hệ số tiền thưởng"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    prize_amount = models.DecimalField(
        _("tiền thưởng (đồng)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    prize_paid = models.BooleanField(_("được chi tiền thưởng"), default=True)

    class Meta:
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("sổ khen thưởng")
        ordering = ["-year", "form", "recipient_name"]
        constraints = [
            _year_range("award"),
            models.UniqueConstraint(
                fields=["person", "form", "year"],
                condition=Q(person__isnull=False),
                name="award_person_form_year_once",
            ),
            models.UniqueConstraint(
                fields=["unit", "form", "year"],
                condition=Q(unit__isnull=False),
                name="award_unit_form_year_once",
            ),
            models.UniqueConstraint(
                fields=["nominee_agency", "form", "year"],
                condition=Q(nominee_agency__isnull=False),
                name="award_agency_form_year_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_name} — {self.get_form_display()} {self.year}"

    def audit_agency_id(self) -> int | None:
        return self.agency_id
