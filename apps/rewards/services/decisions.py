"""Reward decisions (Quyết định khen thưởng): drafted over the nominations a council session passed, issued by the
agency's head with a number, a date and a signer, which writes every award into the register.

Prizes are multiples of the base salary in force on the decision's date (Nghị định 152/2025/NĐ-CP Điều 49–54,
``domain.rewards.prizes``) with the base salaries of the database as the table; of several titles of one period
only the highest is paid (Điều 49 khoản 5). The register refuses a second award of the same form and year to the
same nominee (database constraints) and the same achievement twice (Luật Thi đua, khen thưởng 2022, nguyên tắc
khen thưởng); both are refused here with a Vietnamese message, and nothing is saved half-way.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Person
from domain.rewards import prizes
from domain.rewards.forms import FORMS, HEAD, AwardForm, Subject

from ..choices import DecisionStatus, NominationStatus
from ..models import Award, CouncilSession, Nomination, RewardDecision
from ..selectors.decisions import (
    DecisionLine,
    base_salary_table,
    decision_lines,
    nominee_key,
    register_awards_of,
)
from . import DECIDE, MANAGE

__all__ = ["award_insert", "decision_create", "decision_issue", "double_award_message", "prize_preview"]


def _require_draft_right(user: Any, agency: Any) -> None:
    if not (user.has_perm(MANAGE, agency) or user.has_perm(DECIDE, agency)):
        raise PermissionDenied(
            "Chỉ đầu mối thi đua, khen thưởng hoặc thủ trưởng cơ quan được dự thảo quyết định."
        )


def _session_day(session: CouncilSession) -> date:
    return (
        timezone.localdate(session.held_at) if timezone.is_aware(session.held_at) else session.held_at.date()
    )


def _check_date(session: CouncilSession, on: date) -> None:
    held = _session_day(session)
    if on < held:
        raise ValidationError(
            {
                "signed_on": f"Ngày quyết định {on:%d/%m/%Y} trước ngày Hội đồng họp bỏ phiếu ({held:%d/%m/%Y}): "
                "chưa có kết quả bỏ phiếu thì chưa quyết định khen thưởng được."
            }
        )


def _lines(decision: RewardDecision, on: date) -> list[DecisionLine]:
    try:
        return decision_lines(decision, on)
    except prizes.MissingBaseSalary as error:
        raise ValidationError({"signed_on": str(error)}) from error


def _award_label(award: Award) -> str:
    if award.decision is not None:
        return str(award.decision)
    return award.decision_label or f"sổ khen thưởng, ngày {award.decided_on:%d/%m/%Y}"


def double_award_message(name: str, form: str, year: int, award: Award, *, same_achievement: bool) -> str:
    """Why a second award is refused, naming the award already in the register."""
    label = FORMS[AwardForm(form)].label
    if same_achievement:
        return (
            f"Thành tích “{award.achievement_key}” của {name} đã được khen thưởng "
            f"({award.get_form_display()} năm {award.year}, {_award_label(award)}): không khen thưởng hai lần "
            "cho một thành tích (nguyên tắc khen thưởng, Luật Thi đua, khen thưởng 2022)."
        )
    return (
        f"{name} đã được tặng {label} năm {year} ({_award_label(award)}): mỗi danh hiệu, hình thức chỉ tặng "
        "một lần cho một năm."
    )


def _refuse_double(nominations: list[Nomination]) -> None:
    """A nominee already awarded the same form for the year, or the same achievement, is refused."""
    held: dict[tuple[str, int | None], list[Award]] = {}
    for award in register_awards_of(nominations):
        held.setdefault(nominee_key(award), []).append(award)
    problems = []
    for nomination in nominations:
        for award in held.get(nominee_key(nomination), []):
            if award.nomination_id == nomination.pk:
                continue
            if award.form == nomination.form and award.year == nomination.year:
                problems.append(
                    double_award_message(
                        nomination.nominee_name,
                        nomination.form,
                        nomination.year,
                        award,
                        same_achievement=False,
                    )
                )
            elif nomination.achievement_key and award.achievement_key == nomination.achievement_key:
                problems.append(
                    double_award_message(
                        nomination.nominee_name,
                        nomination.form,
                        nomination.year,
                        award,
                        same_achievement=True,
                    )
                )
    if problems:
        raise ValidationError(problems)


def _refuse_beyond_authority(decision: RewardDecision, lines: list[DecisionLine]) -> None:
    """A Sở or a xã decides the titles and forms of its head (Luật Thi đua, khen thưởng 2022 khoản 1 Điều 80); the
    others are the Chủ tịch UBND tỉnh's, to be proposed, not decided here."""
    if decision.agency.parent_id is None:
        return
    beyond = sorted({line.form_label for line in lines if HEAD not in FORMS[AwardForm(line.form)].decided_by})
    if beyond:
        raise ValidationError(
            f"{', '.join(beyond)} do Chủ tịch UBND tỉnh quyết định (Điều 74, 80 Luật Thi đua, khen thưởng 2022): "
            "thủ trưởng cơ quan lập tờ trình đề nghị, không ra quyết định khen thưởng."
        )


def _clean_text(value: str, field: str, label: str, max_length: int) -> str:
    text = (value or "").strip()
    if len(text) > max_length:
        raise ValidationError({field: f"{label} dài quá {max_length} ký tự."})
    return text


@transaction.atomic
def decision_create(
    *,
    user: Any,
    session: CouncilSession,
    signed_on: date,
    title: str = "",
    money_source: str = "",
) -> RewardDecision:
    """A draft decision over the nominations ``session`` passed, priced on ``signed_on``.

    Refused before the vote, when nothing passed, when the date is before the session, when no base salary covers
    the date, and when a nominee already holds the award or the achievement in the register."""
    agency = session.council.agency
    _require_draft_right(user, agency)
    session = CouncilSession.objects.select_for_update().select_related("council__agency").get(pk=session.pk)
    if not session.votes.exists():
        raise ValidationError(
            "Phiên họp chưa có kết quả bỏ phiếu: chưa quyết định khen thưởng được trước khi Hội đồng bỏ phiếu."
        )
    if session.decisions.exists():
        raise ValidationError(
            "Phiên họp này đã có quyết định khen thưởng; mở quyết định đó để sửa hoặc ban hành."
        )
    _check_date(session, signed_on)
    decision = RewardDecision(
        agency=agency,
        session=session,
        signed_on=signed_on,
        title=_clean_text(title, "title", "Trích yếu", 500)
        or f"Về việc khen thưởng thành tích phong trào thi đua năm {_session_day(session).year}",
        money_source=_clean_text(money_source, "money_source", "Nguồn tiền thưởng", 255),
        status=DecisionStatus.DRAFT,
        created_by=user,
    )
    lines = _lines(decision, signed_on)
    if not lines:
        raise ValidationError(
            "Hội đồng chưa thông qua đề nghị nào trong phiên họp này (chưa có kết quả bỏ phiếu đạt): "
            "không có gì để quyết định."
        )
    _refuse_beyond_authority(decision, lines)
    _refuse_double([line.nomination for line in lines if line.nomination is not None])
    decision.base_salary = prizes.base_salary_on(signed_on, base_salary_table()).amount
    decision.save()
    return decision


def _recipient(nomination: Nomination) -> dict[str, Any]:
    return {
        "subject": nomination.subject,
        "person": nomination.person,
        "unit": nomination.unit,
        "nominee_agency": nomination.nominee_agency,
        "recipient_name": nomination.nominee_name,
    }


@transaction.atomic
def decision_issue(
    *,
    user: Any,
    decision: RewardDecision,
    number: str,
    signed_on: date,
    signer: Person | None = None,
    expected_version: int | None = None,
) -> RewardDecision:
    """The head issues the decision: number, date and signer; every line becomes an award of the register with
    its prize, and its nomination is decided."""
    if not user.has_perm(DECIDE, decision.agency):
        raise PermissionDenied("Chỉ thủ trưởng cơ quan được ban hành quyết định khen thưởng.")
    decision = (
        RewardDecision.objects.select_for_update(of=("self",))
        .select_related("agency", "session")
        .get(pk=decision.pk)
    )
    version_check(decision, expected_version)
    if decision.status == DecisionStatus.ISSUED:
        raise ValidationError("Quyết định đã được ban hành; không ban hành lại.")
    errors: dict[str, str] = {}
    number = _clean_text(number, "number", "Số, ký hiệu", 64)
    if not number:
        errors["number"] = "Hãy ghi số, ký hiệu của quyết định (ví dụ 125/QĐ-SXD)."
    elif (
        RewardDecision.objects.filter(
            agency=decision.agency, number__iexact=number, signed_on__year=signed_on.year
        )
        .exclude(pk=decision.pk)
        .exists()
    ):
        errors["number"] = (
            f"Số {number} đã dùng cho một quyết định khác của cơ quan trong năm {signed_on.year}."
        )
    signer = signer or getattr(user, "person", None)
    if signer is None:
        errors["signer"] = "Hãy chọn người ký quyết định."
    elif signer.agency_id != decision.agency_id:
        errors["signer"] = "Người ký không thuộc cơ quan ra quyết định."
    if errors:
        raise ValidationError(errors)
    if decision.session is not None:
        _check_date(decision.session, signed_on)
    lines = _lines(decision, signed_on)
    if not lines:
        raise ValidationError("Không còn đề nghị nào được Hội đồng thông qua chờ quyết định.")
    _refuse_beyond_authority(decision, lines)
    nominations = [line.nomination for line in lines if line.nomination is not None]
    _refuse_double(nominations)
    decision.number = number
    decision.signed_on = signed_on
    decision.signer = signer
    decision.base_salary = prizes.base_salary_on(signed_on, base_salary_table()).amount
    decision.status = DecisionStatus.ISSUED
    versioned_save(decision)
    for line in lines:
        nomination = line.nomination
        assert nomination is not None  # a draft's lines are its session's nominations
        award_insert(
            Award(
                agency=decision.agency,
                decision=decision,
                nomination=nomination,
                year=nomination.year,
                form=nomination.form,
                achievement=nomination.achievement,
                achievement_key=nomination.achievement_key,
                decided_on=signed_on,
                multiplier=line.multiplier,
                prize_amount=line.amount,
                prize_paid=line.paid,
                **_recipient(nomination),
            )
        )
        nomination.status = NominationStatus.DECIDED
        versioned_save(nomination, update_fields=["status"])
    return decision


def award_insert(award: Award) -> Award:
    """Insert one award; the register's constraints (one award of a form per nominee and year) answer in
    Vietnamese, and the caller's transaction is rolled back whole."""
    try:
        with transaction.atomic():
            award.save()
    except IntegrityError as error:
        raise ValidationError(
            f"{award.recipient_name} đã có {award.get_form_display()} năm {award.year} trong sổ khen thưởng: "
            "mỗi danh hiệu, hình thức chỉ tặng một lần cho một năm. Chưa lưu gì."
        ) from error
    return award


def prize_preview(*, form: str, subject: str, on: date) -> Decimal:
    """The prize of one award on a date (the register's entry form shows it)."""
    try:
        return prizes.prize_for(
            AwardForm(form), Subject(subject), on, base_salaries=base_salary_table()
        ).amount
    except (prizes.MissingBaseSalary, ValueError) as error:
        raise ValidationError(str(error)) from error
