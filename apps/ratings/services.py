"""The rating cycle (Nghị định 335/2025): the person self-assesses the general criteria → the unit head scores
them (and sets product weights, confirms objective causes, adds ad-hoc work) → the agency's head decides the
grades of the period with the cap on "xuất sắc", which locks them; a later change needs the head's reason.

Every write checks the policy, refuses a period not yet ended and bad figures with a Vietnamese message, and
runs in one transaction.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Agency, Person, Unit
from apps.tasks.models import Occurrence
from domain.periods import Period
from domain.ratings.quota import Rated, apply_quota
from domain.ratings.rules import ND335
from domain.scoring.grading import ND335_RATING

from .choices import RatingStatus, TaskGroup, Violation
from .models import ExtraProduct, ProductSetting, Rating, RatingChange, RatingPolicy, UnitRating
from .sheets import agency_sheets, rating_period, rules_for

GENERAL_MAX = ND335.general_max


def _today() -> date:
    return timezone.localdate()


def _require(user: Any, perm: str, obj: Any, message: str) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(message)


def ended_period(code: str, today: date | None = None) -> Period:
    period = rating_period(code)
    if period.end >= (today or _today()):
        raise ValidationError(
            f"Kỳ {period.code} chưa kết thúc (đến hết {period.end:%d/%m/%Y}); chỉ đánh giá được kỳ đã kết thúc."
        )
    return period


def _general(value: Any, field: str) -> Decimal:
    try:
        points = Decimal(str(value).replace(",", ".")) if value not in (None, "") else None
    except InvalidOperation:
        points = None
    if points is None or not points.is_finite():
        raise ValidationError({field: "Hãy nhập điểm tiêu chí chung (một số từ 0 đến 30)."})
    if not Decimal(0) <= points <= GENERAL_MAX:
        raise ValidationError({field: f"Điểm tiêu chí chung từ 0 đến {GENERAL_MAX} (đã nhập {value})."})
    return points.quantize(Decimal("0.01"))


def _task_group_of(person: Person) -> str:
    user = getattr(person, "user", None)
    if (
        user is not None
        and user.roles.filter(agency_id=person.agency_id, role__in=["leader", "unit_head"]).exists()
    ):
        return TaskGroup.LEADER
    return TaskGroup.STAFF


def rating_for(
    person: Person, period: Period, *, lock: bool = False, expected_version: int | None = None
) -> Rating:
    """The person's rating row of the period, created (draft) when first needed; ``expected_version`` is the
    version the form was read at (0: no row existed then, which a row created now still matches)."""
    rating, created = Rating.objects.get_or_create(
        person=person,
        period=period.code,
        defaults={
            "agency_id": person.agency_id,
            "unit_id": person.unit_id,
            "task_group": _task_group_of(person),
        },
    )
    if lock:
        rating = Rating.objects.select_for_update().get(pk=rating.pk)
    if not (created and expected_version == 0):
        version_check(rating, expected_version)
    return rating


def _not_decided(rating: Rating) -> None:
    if rating.is_decided:
        raise ValidationError(
            "Kết quả kỳ này đã được thủ trưởng quyết định và khóa; muốn thay đổi, thủ trưởng ghi lý do điều chỉnh."
        )


@transaction.atomic
def rating_self_assess(
    *,
    user: Any,
    person: Person,
    period_code: str,
    general: Any,
    comment: str,
    expected_version: int | None = None,
    today: date | None = None,
) -> Rating:
    """The person's own self-assessment: the general criteria self-scored (≤ 30) with a comment."""
    if getattr(user, "person_id", None) != person.pk:
        raise PermissionDenied("Chỉ chính người được đánh giá mới tự đánh giá.")
    period = ended_period(period_code, today)
    rating = rating_for(person, period, lock=True, expected_version=expected_version)
    _not_decided(rating)
    if rating.status == RatingStatus.SCORED:
        raise ValidationError("Trưởng đơn vị đã chấm kỳ này; bản tự đánh giá không sửa được nữa.")
    if not comment.strip():
        raise ValidationError({"comment": "Hãy ghi tự nhận xét ngắn về tiêu chí chung."})
    rating.self_general = _general(general, "general")
    rating.self_comment = comment.strip()
    rating.self_at = timezone.now()
    rating.status = RatingStatus.SELF_ASSESSED
    versioned_save(rating)
    return rating


def _percent(value: Any, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).replace(",", "."))
    except InvalidOperation:
        number = Decimal(-1)
    if not number.is_finite() or not Decimal(0) <= number <= 100:
        raise ValidationError({label: "Từ 0 đến 100%."})
    return number


@transaction.atomic
def rating_score(
    *,
    user: Any,
    person: Person,
    period_code: str,
    general: Any,
    reason: str,
    task_group: str | None = None,
    leader_d: Any = None,
    leader_dd: Any = None,
    leader_e: Any = None,
    violations: list[str] | None = None,
    violation_note: str = "",
    expected_version: int | None = None,
    today: date | None = None,
) -> Rating:
    """The unit head's score of the general criteria (with a short reason), the task group, a leader's d, đ, e
    and any violation that forces "không hoàn thành"."""
    _require(
        user, "ratings.score_person", person, "Chỉ trưởng đơn vị của người này (hoặc thủ trưởng) được chấm."
    )
    period = ended_period(period_code, today)
    rating = rating_for(person, period, lock=True, expected_version=expected_version)
    _not_decided(rating)
    errors: dict[str, Any] = {}
    try:
        points = _general(general, "general")
    except ValidationError as error:
        errors.update(error.message_dict)
        points = Decimal(0)
    if not reason.strip():
        errors["reason"] = "Hãy ghi lý do ngắn cho điểm tiêu chí chung."
    chosen = list(dict.fromkeys(violations or []))
    unknown = [v for v in chosen if v not in Violation.values]
    if unknown:
        errors["violations"] = "Vi phạm không có trong danh mục của Nghị định 335."
    elif chosen and not violation_note.strip():
        errors["violation_note"] = "Hãy ghi căn cứ (quyết định kỷ luật, kết luận) của vi phạm."
    group = task_group or rating.task_group
    if group not in TaskGroup.values:
        errors["task_group"] = "Nhóm nhiệm vụ không hợp lệ."
    parts = {}
    for name, value in (("leader_d", leader_d), ("leader_dd", leader_dd), ("leader_e", leader_e)):
        try:
            parts[name] = _percent(value, name)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    rating.general_points = points
    rating.general_reason = reason.strip()
    rating.task_group = group
    rating.violations = chosen
    rating.violation_note = violation_note.strip()
    for name, value in parts.items():
        setattr(rating, name, value if group == TaskGroup.LEADER else None)
    rating.scored_by = user
    rating.scored_at = timezone.now()
    rating.status = RatingStatus.SCORED
    versioned_save(rating)
    return rating


def _frozen(sheet: Any) -> dict[str, Any]:
    task = sheet.task
    return {
        "a": task.a if task else None,
        "b": task.b if task else None,
        "c": task.c if task else None,
        "task_points": task.points if task else None,
        "total": sheet.total,
        "computed_grade": sheet.grade.code if sheet.grade else "",
        "grade": sheet.final_grade,
        "grade_note": sheet.final_note,
        "evidence": [
            {
                "key": p.product.key,
                "title": p.product.title,
                "units": str(p.product.units),
                "due_on": p.due_on.isoformat(),
                "completed_on": p.completed_on.isoformat() if p.completed_on else None,
                "accepted_on": p.accepted_on.isoformat() if p.accepted_on else None,
                "returned": p.returned,
                "plan": p.plan,
                "exempt_reason": p.exempt_reason,
                "quantity": str(s.quantity),
                "quality": str(s.quality),
                "timeliness": str(s.timeliness),
                "losses": list(s.losses),
                "url": p.url,
            }
            for p, s in zip(sheet.products, sheet.scores, strict=True)
        ],
    }


@transaction.atomic
def agency_decide(
    *,
    user: Any,
    agency: Agency,
    period_code: str,
    exception: bool = False,
    exception_reason: str = "",
    today: date | None = None,
) -> list[Rating]:
    """The agency's head decides the grades of every rating the unit heads scored: the figures are frozen with
    the products behind them and the cap applied per task group (raised to the policy's exception rate when
    the head records why the exception applies)."""
    _require(user, "ratings.decide", agency, "Chỉ thủ trưởng cơ quan được quyết định xếp loại.")
    period = ended_period(period_code, today)
    if exception and not exception_reason.strip():
        raise ValidationError({"exception_reason": "Hãy ghi căn cứ được áp dụng tỷ lệ ngoại lệ."})
    locked = list(Rating.objects.select_for_update().filter(agency=agency, period=period.code))
    scored = [r for r in locked if r.status == RatingStatus.SCORED]
    if not scored:
        raise ValidationError("Chưa có phiếu nào được trưởng đơn vị chấm trong kỳ này; chưa thể quyết định.")
    sheets = {s.person.pk: s for s in agency_sheets(agency, period, exception=exception)}
    decided = []
    now = timezone.now()
    for rating in scored:
        sheet = sheets.get(rating.person_id)
        if sheet is None or sheet.task is None or sheet.total is None:
            continue  # no product in the period: not rated on tasks, stays open
        for name, value in _frozen(sheet).items():
            setattr(rating, name, value)
        if exception:
            rating.grade_note += f" (áp dụng tỷ lệ ngoại lệ: {exception_reason.strip()})"
        rating.status = RatingStatus.DECIDED
        rating.decided_by = user
        rating.decided_at = now
        versioned_save(rating)
        decided.append(rating)
    if not decided:
        raise ValidationError(
            "Các phiếu đã chấm đều chưa có sản phẩm được giao trong kỳ; chưa thể quyết định."
        )
    return decided


@transaction.atomic
def rating_amend(
    *,
    user: Any,
    rating: Rating,
    general: Any,
    reason: str,
    violations: list[str] | None = None,
    violation_note: str = "",
    expected_version: int | None = None,
) -> Rating:
    """A change to a decided rating's general points or violations, with the head's recorded reason; the task
    points stay as frozen and the cap is checked again against the other decided ratings of the group."""
    _require(user, "ratings.decide", rating.agency, "Chỉ thủ trưởng cơ quan được điều chỉnh kết quả đã khóa.")
    rating = Rating.objects.select_for_update().get(pk=rating.pk)
    version_check(rating, expected_version)
    if not rating.is_decided:
        raise ValidationError("Kết quả chưa khóa: hãy chấm lại theo quy trình thường.")
    if not reason.strip():
        raise ValidationError({"reason": "Điều chỉnh kết quả đã khóa phải ghi lý do."})
    points = _general(general, "general")
    chosen = list(dict.fromkeys(violations or []))
    if any(v not in Violation.values for v in chosen):
        raise ValidationError({"violations": "Vi phạm không có trong danh mục của Nghị định 335."})
    labels = {band.code: band.label for band in ND335_RATING.bands}
    before = {
        "general_points": str(rating.general_points),
        "total": str(rating.total),
        "grade": rating.grade,
        "grade_label": labels.get(rating.grade, ""),
    }
    total = points + (rating.task_points or Decimal(0))
    grade = ND335_RATING.grade(total, chosen)
    others = Rating.objects.filter(
        agency=rating.agency, period=rating.period, task_group=rating.task_group, status=RatingStatus.DECIDED
    ).exclude(pk=rating.pk)
    rated = [Rated(str(o.pk), o.person.full_name, o.total or Decimal(0), o.grade) for o in others]
    rated.append(Rated(str(rating.pk), rating.person.full_name, total, grade.code, grade.explanation))
    capped = {r.key: r for r in apply_quota(rated, rules_for(rating.agency))}[str(rating.pk)]
    rating.general_points = points
    rating.violations = chosen
    rating.violation_note = violation_note.strip()
    rating.total = total
    rating.computed_grade = grade.code
    rating.grade = capped.grade
    rating.grade_note = f"{capped.explanation}; điều chỉnh sau khi khóa: {reason.strip()}"
    versioned_save(rating)
    RatingChange.objects.create(
        rating=rating,
        changed_by=user,
        reason=reason.strip(),
        before=before,
        after={
            "general_points": str(points),
            "total": str(total),
            "grade": rating.grade,
            "grade_label": labels.get(rating.grade, ""),
        },
    )
    return rating


def _period_of_day(person: Person, day: date) -> None:
    """Refuse a change to a product whose month (or quarter, year) the head has already decided."""
    codes = [f"{day.year}-{day.month:02d}", f"{day.year}-Q{(day.month - 1) // 3 + 1}", str(day.year)]
    if Rating.objects.filter(person=person, period__in=codes, status=RatingStatus.DECIDED).exists():
        raise ValidationError(
            "Kỳ chứa sản phẩm này đã được quyết định xếp loại và khóa; không sửa sản phẩm được nữa."
        )


@transaction.atomic
def product_set(
    *,
    user: Any,
    occurrence: Occurrence,
    person: Person,
    units: Any,
    exempt: bool,
    exempt_reason: str = "",
    confirmed: bool = False,
    expected_version: int | None = None,
) -> ProductSetting:
    """The unit head's converted weight of one product and, for a delay or fault with an objective cause, the
    exemption; an exemption needs the superior's confirmation (the head confirming is recorded)."""
    _require(user, "ratings.score_person", person, "Chỉ trưởng đơn vị của người này được quy đổi, miễn trừ.")
    if occurrence.task.accountable_id != person.pk or occurrence.task.agency_id != person.agency_id:
        raise ValidationError("Sản phẩm này không được giao cho người này.")
    _period_of_day(person, occurrence.due_on)
    errors = {}
    try:
        weight = Decimal(str(units).replace(",", "."))
    except InvalidOperation:
        weight = Decimal(0)
    if not weight.is_finite() or weight <= 0:
        errors["units"] = "Khối lượng quy đổi phải là số lớn hơn 0."
    if exempt and not exempt_reason.strip():
        errors["exempt_reason"] = "Hãy ghi nguyên nhân khách quan."
    if exempt and not confirmed:
        errors["confirmed"] = "Miễn trừ chỉ được tính khi cấp trên xác nhận nguyên nhân khách quan."
    if errors:
        raise ValidationError(errors)
    setting = ProductSetting.objects.select_for_update().filter(
        occurrence=occurrence, person=person
    ).first() or ProductSetting(occurrence=occurrence, person=person)
    if setting.pk:
        version_check(setting, expected_version)
    setting.units = weight.quantize(Decimal("0.01"))
    setting.exempt = exempt
    setting.exempt_reason = exempt_reason.strip() if exempt else ""
    setting.confirmed_by = user if exempt else None
    setting.confirmed_on = _today() if exempt else None
    versioned_save(setting)
    return setting


@transaction.atomic
def extra_save(
    *,
    user: Any,
    person: Person,
    extra: ExtraProduct | None = None,
    title: str,
    assigned_on: date,
    due_on: date,
    completed_on: date | None,
    to_standard: bool,
    major_faults: int,
    units: Any,
    exempt: bool = False,
    exempt_reason: str = "",
    note: str = "",
    expected_version: int | None = None,
) -> ExtraProduct:
    """Add or change one ad-hoc product (việc phát sinh) of a person of the head's unit."""
    _require(
        user, "ratings.score_person", person, "Chỉ trưởng đơn vị của người này được giao việc phát sinh."
    )
    if extra is not None:
        extra = ExtraProduct.objects.select_for_update().get(pk=extra.pk)
        version_check(extra, expected_version)
        if extra.person_id != person.pk:
            raise ValidationError("Việc phát sinh này không phải của người này.")
        _period_of_day(person, extra.due_on)
    _period_of_day(person, due_on)
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Hãy ghi sản phẩm, công việc được giao."
    if due_on < assigned_on:
        errors["due_on"] = "Hạn phải từ ngày giao trở đi."
    if completed_on is not None and completed_on > _today():
        errors["completed_on"] = "Ngày hoàn thành không thể ở tương lai."
    if completed_on is not None and completed_on < assigned_on:
        errors["completed_on"] = "Ngày hoàn thành không thể trước ngày giao."
    if to_standard and completed_on is None:
        errors["to_standard"] = "Chưa hoàn thành thì chưa thể đạt yêu cầu chất lượng."
    if major_faults < 0:
        errors["major_faults"] = "Số lần trả lại không được âm."
    try:
        weight = Decimal(str(units).replace(",", "."))
    except InvalidOperation:
        weight = Decimal(0)
    if not weight.is_finite() or weight <= 0:
        errors["units"] = "Khối lượng quy đổi phải là số lớn hơn 0."
    if exempt and not exempt_reason.strip():
        errors["exempt_reason"] = "Hãy ghi nguyên nhân khách quan."
    if errors:
        raise ValidationError(errors)
    extra = extra or ExtraProduct(agency_id=person.agency_id, person=person, added_by=user)
    extra.title = title.strip()
    extra.assigned_on, extra.due_on, extra.completed_on = assigned_on, due_on, completed_on
    extra.to_standard = to_standard
    extra.major_faults = major_faults
    extra.units = weight.quantize(Decimal("0.01"))
    extra.exempt, extra.exempt_reason = exempt, exempt_reason.strip() if exempt else ""
    extra.note = note.strip()
    versioned_save(extra)
    return extra


@transaction.atomic
def unit_rating_score(
    *,
    user: Any,
    agency: Agency,
    unit: Unit | None,
    period_code: str,
    general: Any,
    reason: str,
    today: date | None = None,
) -> UnitRating:
    """The agency's head scores a unit's (or, with no unit, the agency's own) general criteria."""
    _require(user, "ratings.decide", agency, "Chỉ thủ trưởng cơ quan được chấm đơn vị.")
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError("Đơn vị này không thuộc cơ quan.")
    period = ended_period(period_code, today)
    points = _general(general, "general")
    if not reason.strip():
        raise ValidationError({"reason": "Hãy ghi lý do ngắn cho điểm tiêu chí chung."})
    rating, _ = UnitRating.objects.select_for_update().get_or_create(
        agency=agency, unit=unit, period=period.code
    )
    rating.general_points = points
    rating.general_reason = reason.strip()
    rating.scored_by = user
    rating.scored_at = timezone.now()
    versioned_save(rating)
    return rating


@transaction.atomic
def policy_set(
    *,
    user: Any,
    agency: Agency,
    aggregation: str,
    quota_rounding: str,
    exception_quota_percent: Any,
    expected_version: int | None = None,
) -> RatingPolicy:
    _require(user, "ratings.decide", agency, "Chỉ thủ trưởng cơ quan được đổi tham số xếp loại.")
    policy = RatingPolicy.objects.select_for_update().filter(agency=agency).first() or RatingPolicy(
        agency=agency
    )
    if policy.pk:
        version_check(policy, expected_version)
    percent = _percent(exception_quota_percent, "exception_quota_percent")
    if percent is None:
        raise ValidationError({"exception_quota_percent": "Hãy nhập tỷ lệ ngoại lệ (%)."})
    policy.aggregation = aggregation
    policy.quota_rounding = quota_rounding
    policy.exception_quota_percent = percent
    policy.updated_by = user
    policy.full_clean(exclude=["agency", "version"])
    versioned_save(policy)
    return policy
