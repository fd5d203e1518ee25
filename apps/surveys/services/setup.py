"""Every staff write to surveys: questionnaires (copy, edit while draft, publish), campaigns, counters,
the handling of suggestions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Agency, Unit

from ..choices import CampaignStatus, Channel, QuestionKind, QuestionnaireStatus, QuestionRole
from ..models import Aspect, Campaign, Counter, Factor, Question, Questionnaire, SurveyResponse

FROZEN = (
    "Phiếu khảo sát đã ban hành thì không sửa được (để giữ kết quả so sánh được): hãy sao chép để điều chỉnh."
)


def _refuse_if_frozen(questionnaire: Questionnaire) -> None:
    if questionnaire.is_frozen:
        raise ValidationError(FROZEN)


def _next_code(agency: Agency | None, year: int) -> str:
    prefix = f"{agency.code if agency else 'MAU'}-{year}"
    number = 1
    while Questionnaire.objects.filter(code=f"{prefix}-{number:02d}").exists():
        number += 1
    return f"{prefix}-{number:02d}"


@transaction.atomic
def questionnaire_copy(
    *, source: Questionnaire, agency: Agency, title: str = "", year: int | None = None
) -> Questionnaire:
    """A draft copy of a questionnaire (a template or the agency's own) that the agency may adapt."""
    if source.agency_id not in (None, agency.pk):
        raise ValidationError("Chỉ sao chép được phiếu mẫu hoặc phiếu của chính cơ quan.")
    year = year or source.year
    copy = Questionnaire.objects.create(
        agency=agency,
        code=_next_code(agency, year),
        year=year,
        title=(title or source.title)[:255],
        intro=source.intro,
        source=source.source,
        status=QuestionnaireStatus.DRAFT,
        based_on=source,
        aggregation=source.aggregation,
    )
    factors: dict[int, Factor] = {}
    for aspect in source.aspects.prefetch_related("factors"):
        new_aspect = Aspect.objects.create(
            questionnaire=copy, code=aspect.code, title=aspect.title, order=aspect.order, weight=aspect.weight
        )
        for factor in aspect.factors.all():
            factors[factor.pk] = Factor.objects.create(
                aspect=new_aspect,
                code=factor.code,
                title=factor.title,
                order=factor.order,
                weight=factor.weight,
            )
    for question in source.questions.all():
        Question.objects.create(
            questionnaire=copy,
            factor=factors.get(question.factor_id) if question.factor_id else None,
            code=question.code,
            text=question.text,
            help_text=question.help_text,
            kind=question.kind,
            role=question.role,
            respondent_field=question.respondent_field,
            choices=question.choices,
            counts_toward_index=question.counts_toward_index,
            required=question.required,
            allow_no_opinion=question.allow_no_opinion,
            max_length=question.max_length,
            order=question.order,
            weight=question.weight,
        )
    return copy


@transaction.atomic
def questionnaire_update(
    *,
    questionnaire: Questionnaire,
    title: str,
    intro: str,
    aggregation: str,
    expected_version: int | None = None,
) -> Questionnaire:
    questionnaire = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    version_check(questionnaire, expected_version)
    _refuse_if_frozen(questionnaire)
    if not title.strip():
        raise ValidationError({"title": "Hãy nhập tên phiếu."})
    questionnaire.title, questionnaire.intro, questionnaire.aggregation = (
        title.strip(),
        intro.strip(),
        aggregation,
    )
    versioned_save(questionnaire, expected_version=expected_version)
    return questionnaire


@transaction.atomic
def question_update(
    *,
    question: Question,
    text: str,
    help_text: str = "",
    required: bool,
    counts_toward_index: bool,
    allow_no_opinion: bool = True,
    expected_version: int | None = None,
) -> Question:
    question = Question.objects.select_for_update().select_related("questionnaire").get(pk=question.pk)
    version_check(question, expected_version)
    _refuse_if_frozen(question.questionnaire)
    if not text.strip():
        raise ValidationError({"text": "Hãy nhập nội dung câu hỏi."})
    if counts_toward_index and (question.factor_id is None or question.kind == QuestionKind.TEXT):
        raise ValidationError(
            {"counts_toward_index": "Chỉ câu hỏi thang đo thuộc một yếu tố mới tính vào chỉ số hài lòng."}
        )
    question.text, question.help_text = text.strip(), help_text.strip()
    question.required, question.counts_toward_index = required, counts_toward_index
    question.allow_no_opinion = allow_no_opinion
    versioned_save(question, expected_version=expected_version)
    return question


@transaction.atomic
def question_add(
    *, questionnaire: Questionnaire, factor: Factor | None, text: str, required: bool = True
) -> Question:
    """A five-level question under a factor (counted in the index), or a free question without one."""
    _refuse_if_frozen(questionnaire)
    if factor is not None and factor.aspect.questionnaire_id != questionnaire.pk:
        raise ValidationError({"factor": "Yếu tố không thuộc phiếu này."})
    if not text.strip():
        raise ValidationError({"text": "Hãy nhập nội dung câu hỏi."})
    siblings = Question.objects.filter(questionnaire=questionnaire)
    prefix = factor.code if factor else "K"
    number = 1
    while siblings.filter(code=f"{prefix}{number}").exists():
        number += 1
    order = (
        max((q.order for q in siblings.filter(factor=factor)), default=None)
        if factor
        else max((q.order for q in siblings), default=0)
    )
    if order is None:
        order = max((q.order for q in siblings), default=0)
    siblings.filter(order__gt=order).update(order=F("order") + 1)
    return Question.objects.create(
        questionnaire=questionnaire,
        factor=factor,
        code=f"{prefix}{number}",
        text=text.strip(),
        kind=QuestionKind.SCALE5,
        role=QuestionRole.SATISFACTION if factor else QuestionRole.OTHER,
        counts_toward_index=factor is not None,
        required=required,
        order=order + 1,
    )


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _refuse_if_frozen(question.questionnaire)
    question.delete()


@transaction.atomic
def questionnaire_publish(*, questionnaire: Questionnaire) -> Questionnaire:
    """Freeze the questionnaire so campaigns can use it; it has to count at least one question."""
    _refuse_if_frozen(questionnaire)
    if not questionnaire.questions.filter(counts_toward_index=True).exists():
        raise ValidationError("Phiếu chưa có câu hỏi nào tính vào chỉ số hài lòng.")
    questionnaire.status = QuestionnaireStatus.PUBLISHED
    questionnaire.published_at = timezone.now()
    versioned_save(questionnaire)
    return questionnaire


def _validate_campaign(values: dict[str, Any], agency: Agency) -> None:
    errors: dict[str, str] = {}
    start, end, closes = values["period_start"], values["period_end"], values["closes_on"]
    if end < start:
        errors["period_end"] = "Ngày kết thúc phải sau ngày bắt đầu."
    if closes < start:
        errors["closes_on"] = "Ngày hết nhận phiếu phải sau ngày bắt đầu."
    questionnaire: Questionnaire = values["questionnaire"]
    if not questionnaire.is_frozen:
        errors["questionnaire"] = "Chỉ dùng được phiếu đã ban hành (phiếu dự thảo có thể còn thay đổi)."
    elif questionnaire.agency_id not in (None, agency.pk):
        errors["questionnaire"] = "Phiếu này thuộc cơ quan khác."
    margin = values.get("margin") or Decimal("0.05")
    if not Decimal("0") < margin < Decimal("0.5"):
        errors["margin"] = "Sai số cho phép phải lớn hơn 0 và nhỏ hơn 0,5 (ví dụ 0,05 là 5%)."
    unknown = set(values.get("channels") or ()) - set(Channel.values)
    if unknown:
        errors["channels"] = "Kênh khảo sát không hợp lệ."
    if not (values.get("title") or "").strip():
        errors["title"] = "Hãy nhập tên đợt khảo sát."
    if errors:
        raise ValidationError(errors)


CAMPAIGN_FIELDS = (
    "title",
    "questionnaire",
    "period_start",
    "period_end",
    "closes_on",
    "channels",
    "population",
    "margin",
    "procedures",
    "unit_populations",
)


def _unit_populations(agency: Agency, values: dict[str, int | None]) -> dict[str, int]:
    ids = set(Unit.objects.filter(agency=agency).values_list("pk", flat=True))
    return {str(unit_id): int(n) for unit_id, n in values.items() if n and int(unit_id) in ids}


@transaction.atomic
def campaign_create(*, agency: Agency, **values: Any) -> Campaign:
    values.setdefault("closes_on", values.get("period_end"))
    _validate_campaign(values, agency)
    if Campaign.objects.filter(agency=agency, title=values["title"].strip()).exists():
        raise ValidationError({"title": "Cơ quan đã có đợt khảo sát cùng tên."})
    data = {key: values[key] for key in CAMPAIGN_FIELDS if key in values}
    data["title"] = data["title"].strip()
    data["unit_populations"] = _unit_populations(agency, values.get("unit_populations") or {})
    return Campaign.objects.create(agency=agency, **data)


@transaction.atomic
def campaign_update(*, campaign: Campaign, expected_version: int | None = None, **values: Any) -> Campaign:
    campaign = Campaign.objects.select_for_update().select_related("agency").get(pk=campaign.pk)
    version_check(campaign, expected_version)
    _validate_campaign(values, campaign.agency)
    if values["questionnaire"].pk != campaign.questionnaire_id and campaign.responses.exists():
        raise ValidationError(
            {"questionnaire": "Đợt khảo sát đã có phiếu trả lời: không đổi phiếu khảo sát được."}
        )
    if (
        Campaign.objects.filter(agency=campaign.agency, title=values["title"].strip())
        .exclude(pk=campaign.pk)
        .exists()
    ):
        raise ValidationError({"title": "Cơ quan đã có đợt khảo sát cùng tên."})
    for key in CAMPAIGN_FIELDS:
        if key in values:
            setattr(campaign, key, values[key])
    campaign.title = campaign.title.strip()
    campaign.unit_populations = _unit_populations(campaign.agency, values.get("unit_populations") or {})
    versioned_save(campaign, expected_version=expected_version)
    return campaign


@transaction.atomic
def campaign_set_status(*, campaign: Campaign, status: str) -> Campaign:
    if status not in CampaignStatus.values:
        raise ValidationError("Trạng thái không hợp lệ.")
    if status == CampaignStatus.DRAFT and campaign.responses.exists():
        raise ValidationError("Đợt khảo sát đã có phiếu trả lời: không trở lại trạng thái chuẩn bị được.")
    campaign.status = status
    versioned_save(campaign)
    return campaign


@transaction.atomic
def campaign_set_published(*, campaign: Campaign, published: bool) -> Campaign:
    """Show (or hide) the campaign's indices on the agency's public results page."""
    if published and campaign.status == CampaignStatus.DRAFT:
        raise ValidationError("Chỉ công khai kết quả của đợt khảo sát đã bắt đầu.")
    campaign.is_published = published
    campaign.published_at = timezone.now() if published else None
    versioned_save(campaign)
    return campaign


@transaction.atomic
def counter_create(*, agency: Agency, name: str, unit: Unit | None = None) -> Counter:
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Hãy nhập tên quầy."})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan."})
    if Counter.objects.filter(agency=agency, name=name).exists():
        raise ValidationError({"name": "Cơ quan đã có quầy cùng tên."})
    return Counter.objects.create(agency=agency, name=name, unit=unit)


@transaction.atomic
def counter_update(
    *, counter: Counter, name: str, unit: Unit | None, is_active: bool, expected_version: int | None = None
) -> Counter:
    counter = Counter.objects.select_for_update().get(pk=counter.pk)
    version_check(counter, expected_version)
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Hãy nhập tên quầy."})
    if unit is not None and unit.agency_id != counter.agency_id:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan."})
    if Counter.objects.filter(agency_id=counter.agency_id, name=name).exclude(pk=counter.pk).exists():
        raise ValidationError({"name": "Cơ quan đã có quầy cùng tên."})
    counter.name, counter.unit, counter.is_active = name, unit, is_active
    versioned_save(counter, expected_version=expected_version)
    return counter


@transaction.atomic
def counter_revoke_links(*, counter: Counter) -> Counter:
    """Every QR code printed for this counter stops working; new ones must be printed."""
    counter.link_version += 1
    versioned_save(counter)
    return counter


@transaction.atomic
def suggestion_mark(*, response: SurveyResponse, handled: bool, note: str = "") -> SurveyResponse:
    if not response.suggestion:
        raise ValidationError("Phiếu này không có góp ý.")
    if len(note) > 500:
        raise ValidationError({"note": "Ghi chú tối đa 500 ký tự."})
    response.suggestion_handled = handled
    response.handled_at = timezone.now() if handled else None
    response.handled_note = note.strip()
    response.save(update_fields=["suggestion_handled", "handled_at", "handled_note"])
    return response


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a calendar quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValidationError("Quý phải từ 1 đến 4.")
    start = date(year, 3 * quarter - 2, 1)
    end = date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1)
    return start, date.fromordinal(end.toordinal() - 1)
