"""The rewards register (sổ khen thưởng): past awards entered from the paper register, so that a person's or a
collective's history exists before the system, with the same guards as a decision's awards (one award of a form
per nominee and year; one achievement rewarded once)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.organizations.models import Agency, Person, Unit
from domain.rewards.forms import FORMS, SUBJECT_LABELS, AwardForm, Subject

from ..choices import SubjectChoice
from ..models import Award
from ..selectors.decisions import nominee_key, register_awards_of
from . import MANAGE
from .decisions import award_insert, double_award_message

__all__ = ["award_enter"]

MAX_PRIZE = Decimal(10**12)


def _nominee(
    *, agency: Agency, subject: str, person: Person | None, unit: Unit | None
) -> tuple[dict[str, Any], str]:
    if subject == SubjectChoice.PERSON:
        if person is None:
            raise ValidationError({"person": "Hãy chọn cá nhân được khen thưởng."})
        if person.agency_id != agency.pk:
            raise ValidationError({"person": f"{person.full_name} không thuộc cơ quan {agency.name}."})
        return {"person": person, "unit": None, "nominee_agency": None}, person.full_name
    if subject == SubjectChoice.COLLECTIVE:
        if unit is None:
            return {"person": None, "unit": None, "nominee_agency": agency}, agency.name
        if unit.agency_id != agency.pk:
            raise ValidationError({"unit": f"{unit.name} không thuộc cơ quan {agency.name}."})
        return {"person": None, "unit": unit, "nominee_agency": None}, unit.name
    raise ValidationError({"subject": "Đối tượng phải là cá nhân hoặc tập thể."})


@transaction.atomic
def award_enter(
    *,
    user: Any,
    agency: Agency,
    subject: str,
    form: str,
    year: int,
    decided_on: date,
    decision_label: str,
    person: Person | None = None,
    unit: Unit | None = None,
    achievement: str = "",
    achievement_key: str = "",
    prize_amount: Decimal | None = None,
) -> Award:
    """A past award copied from the paper register (quyết định number and date as written there)."""
    if not user.has_perm(MANAGE, agency):
        raise PermissionDenied("Chỉ đầu mối thi đua, khen thưởng của cơ quan được nhập sổ khen thưởng.")
    errors: dict[str, str] = {}
    try:
        award_form = AwardForm(form)
    except ValueError:
        raise ValidationError({"form": "Danh hiệu, hình thức không có trong danh mục."}) from None
    if subject in SubjectChoice.values and Subject(subject) not in FORMS[award_form].subjects:
        errors["form"] = f"{FORMS[award_form].label} không xét tặng cho {SUBJECT_LABELS[Subject(subject)]}."
    if not 2000 <= year <= 2100:
        errors["year"] = "Năm thành tích từ 2000 đến 2100."
    elif decided_on.year < year:
        errors["decided_on"] = f"Ngày quyết định {decided_on:%d/%m/%Y} trước năm thành tích {year}."
    if decided_on > timezone.localdate():
        errors["decided_on"] = (
            f"Ngày quyết định {decided_on:%d/%m/%Y} chưa đến: sổ chỉ ghi khen thưởng đã có."
        )
    label = (decision_label or "").strip()
    if not label:
        errors["decision_label"] = (
            "Hãy ghi số, ngày của quyết định như trong sổ (ví dụ 98/QĐ-SXD ngày 20/12/2024)."
        )
    elif len(label) > 255:
        errors["decision_label"] = "Quyết định ghi từ sổ dài quá 255 ký tự."
    if prize_amount is not None and not Decimal(0) <= prize_amount < MAX_PRIZE:
        errors["prize_amount"] = "Tiền thưởng phải là số không âm."
    key = (achievement_key or "").strip()[:255]
    if errors:
        raise ValidationError(errors)
    nominee, name = _nominee(agency=agency, subject=subject, person=person, unit=unit)
    award = Award(
        agency=agency,
        year=year,
        form=award_form.value,
        subject=subject,
        recipient_name=name,
        achievement=(achievement or "").strip(),
        achievement_key=key,
        decided_on=decided_on,
        decision_label=label,
        prize_amount=prize_amount,
        prize_paid=prize_amount is not None and prize_amount > 0,
        **nominee,
    )
    for held in register_awards_of([award]):
        if nominee_key(held) != nominee_key(award):
            continue
        if held.form == award.form and held.year == year:
            raise ValidationError(double_award_message(name, award.form, year, held, same_achievement=False))
        if key and held.achievement_key == key:
            raise ValidationError(double_award_message(name, award.form, year, held, same_achievement=True))
    return award_insert(award)
