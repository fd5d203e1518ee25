"""The documents of a reward round as the values ``domain.documents.reward_docs`` lays out in the Nghị định 30
layout: the proposal (tờ trình) of what a council session passed, the session's minutes with every count, the
decision with its list and prizes, and the certificates of an issued decision. Callers read the records through
the selectors first; this module only shapes what they found."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone

from apps.organizations.choices import AgencyLevel, UnitKind
from apps.organizations.models import Agency, Unit
from domain.documents import reward_docs
from domain.rewards import prizes
from domain.rewards.forms import FORMS, AwardForm
from domain.rewards.rulesets import NoRuleSet, rule_set_in_force

from .models import CouncilSession, RewardDecision
from .selectors.decisions import DecisionLine, base_salary_table, decision_lines, session_votes

__all__ = [
    "certificates_docx",
    "decision_docx",
    "minutes_docx",
    "proposal_docx",
]

LAW = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"


def _governing(agency: Agency) -> str | None:
    return agency.parent.name if agency.parent_id and agency.parent else None


def _is_committee(agency: Agency) -> bool:
    return agency.level in (AgencyLevel.PROVINCE, AgencyLevel.COMMUNE) or agency.name.lower().startswith(
        ("ủy ban", "ubnd")
    )


def authority(agency: Agency) -> str:
    """Who decides: "Giám đốc Sở Xây dựng tỉnh Đắk Lắk", "Chủ tịch UBND xã Đại Sơn"."""
    return f"{'Chủ tịch' if _is_committee(agency) else 'Giám đốc'} {agency.name}"


def _signer_title(agency: Agency, position: str = "") -> str:
    head = "CHỦ TỊCH" if _is_committee(agency) else "GIÁM ĐỐC"
    if position.lower().startswith("phó"):
        return f"KT. {head} / PHÓ {head}"
    return head


def _split_number(number: str) -> tuple[str | None, str | None]:
    """ "125/QĐ-SXD" → ("125", "QĐ-SXD"); a number without a symbol keeps the symbol empty."""
    text = (number or "").strip()
    if not text:
        return None, None
    head, _, tail = text.partition("/")
    return head or None, tail or None


def _symbol(agency: Agency, kind: str) -> str:
    return f"{kind}-{agency.document_symbol}" if agency.document_symbol else kind


def _day(moment: Any) -> date:
    return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()


def _rule_set_name(on: date) -> str:
    try:
        return rule_set_in_force(on).name
    except NoRuleSet:
        return "Luật Thi đua, khen thưởng 2022"


def _decree_basis(on: date) -> str:
    name = _rule_set_name(on)
    decree = name.split(" và ", 1)[1] if " và " in name else ""
    if not decree:
        return ""
    return f"Căn cứ {decree} của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;"


def _focal_unit(agency: Agency) -> Unit | None:
    return agency.units.filter(is_focal=True, is_active=True).order_by("pk").first()


def _session_year(session: CouncilSession) -> int:
    years = sorted({vote.nomination.year for vote in session_votes(session)})
    return years[-1] if years else _day(session.held_at).year


def _person_line(person: Any, role: str) -> str:
    if person is None:
        return ""
    position = f", {person.position}" if person.position else ""
    return f"Ông (bà) {person.full_name}{position} — {role}"


def proposal_docx(session: CouncilSession) -> bytes:
    """The tờ trình of the council's standing body (the agency's office) to the head, listing what the session
    passed."""
    agency = session.council.agency
    office = _focal_unit(agency)
    held = _day(session.held_at)
    year = _session_year(session)
    nominees = []
    for vote in session_votes(session):
        if not vote.passed:
            continue
        nomination = vote.nomination
        person = nomination.person
        nominees.append(
            reward_docs.Nominee(
                name=nomination.nominee_name,
                position=person.position if person is not None else "",
                unit=(
                    person.unit.name if person is not None and person.unit_id and person.unit else agency.name
                ),
                award=FORMS[AwardForm(nomination.form)].label,
                achievement=nomination.achievement,
                is_collective=nomination.subject == "collective",
            )
        )
    office_title = (
        "CHÁNH VĂN PHÒNG" if office is not None and office.kind == UnitKind.OFFICE else "TRƯỞNG PHÒNG"
    )
    proposal = reward_docs.RewardProposal(
        governing_body=agency.name,
        issuing_body=office.name if office is not None else session.council.name,
        number=None,
        symbol=_symbol(agency, "TTr"),
        place=agency.place_name,
        issued_on=None,
        year=held.year,
        addressee=authority(agency),
        subject=f"Về việc đề nghị khen thưởng thành tích phong trào thi đua năm {year}",
        basis=tuple(line for line in (LAW, _decree_basis(held)) if line),
        summary=(
            f"Ngày {held:%d/%m/%Y}, {session.council.name} đã họp xét, biểu quyết bằng phiếu kín đối với các tập "
            "thể, cá nhân được các đơn vị đề nghị; các trường hợp dưới đây đạt số phiếu đồng ý theo quy định."
        ),
        nominees=tuple(nominees),
        attachments=(
            "Biên bản họp Hội đồng Thi đua – Khen thưởng",
            "Hồ sơ đề nghị khen thưởng của các đơn vị (tờ trình, báo cáo thành tích, biên bản bình xét)",
        ),
        signer_title=office_title,
        signer=None,
        recipients=("Như trên", "Lưu: VT"),
    )
    return reward_docs.reward_proposal_docx(proposal)


def minutes_docx(session: CouncilSession) -> bytes:
    """The minutes of the session (biên bản họp) with the count of every vote against the rule set's threshold."""
    agency = session.council.agency
    held = _day(session.held_at)
    votes = session_votes(session)
    chair, secretary = session.chair, session.secretary
    minutes = reward_docs.CouncilMinutes(
        governing_body=_governing(agency),
        issuing_body=agency.name,
        number=None,
        symbol=_symbol(agency, "BB-HĐTĐKT"),
        place=agency.place_name,
        issued_on=held,
        year=held.year,
        council=session.council.name,
        subject=f"Họp xét khen thưởng thành tích phong trào thi đua năm {_session_year(session)}",
        started_at=timezone.localtime(session.held_at)
        if timezone.is_aware(session.held_at)
        else session.held_at,
        ended_at=None,
        location=session.place,
        members_total=session.members_total,
        present=session.members_present,
        chair=_person_line(chair, "Chủ tịch Hội đồng"),
        secretary=_person_line(secretary, "Thư ký Hội đồng"),
        rule_set=_rule_set_name(held),
        threshold=next((vote.threshold_text for vote in votes if vote.threshold_text), ""),
        votes=tuple(
            reward_docs.CouncilVote(
                name=vote.nomination.nominee_name,
                award=FORMS[AwardForm(vote.nomination.form)].label,
                votes_for=vote.votes_for,
                present=session.members_present,
                passed=vote.passed,
                note=(
                    f"Chủ tịch Hội đồng cho đưa ra xét: {vote.nomination.override_reason}"
                    if vote.nomination.override_reason
                    else ""
                ),
            )
            for vote in votes
        ),
        chair_name=chair.full_name if chair is not None else None,
        secretary_name=secretary.full_name if secretary is not None else None,
    )
    return reward_docs.council_minutes_docx(minutes)


def _decision_basis(decision: RewardDecision) -> tuple[str, ...]:
    lines = [LAW, _decree_basis(decision.signed_on)]
    session = decision.session
    if session is not None:
        plans = {
            vote.nomination.movement.plan
            for vote in session_votes(session)
            if vote.nomination.movement_id and vote.nomination.movement and vote.nomination.movement.plan_id
        }
        for plan in sorted((plan for plan in plans if plan is not None), key=lambda plan: plan.pk):
            lines.append(f"Căn cứ {plan.title};")
        lines.append(f"Căn cứ Biên bản họp {session.council.name} ngày {_day(session.held_at):%d/%m/%Y};")
    office = _focal_unit(decision.agency)
    if office is not None:
        lines.append(f"Theo đề nghị của {office.name}.")
    return tuple(line for line in lines if line)


def _base_note(on: date) -> str:
    try:
        base = prizes.base_salary_on(on, base_salary_table())
    except prizes.MissingBaseSalary:
        return ""
    return f"Mức lương cơ sở áp dụng: {prizes.money_text(base.amount)} ({base.source_text})."


def _decision_line(line: DecisionLine) -> reward_docs.DecisionLine:
    return reward_docs.DecisionLine(
        name=line.recipient_name,
        position=line.position,
        unit=line.unit_name,
        award=line.form_label,
        amount=line.amount,
        is_collective=line.is_collective,
    )


def decision_docx(decision: RewardDecision, lines: list[DecisionLine]) -> bytes:
    """The Quyết định khen thưởng with its annex (list and prizes, total)."""
    agency = decision.agency
    number, symbol = _split_number(decision.number)
    year = max((line.year for line in lines), default=decision.signed_on.year)
    issued = decision.status == "issued"
    document = reward_docs.RewardDecision(
        governing_body=_governing(agency),
        issuing_body=agency.name,
        number=number,
        symbol=symbol or _symbol(agency, "QĐ"),
        place=agency.place_name,
        issued_on=decision.signed_on if issued else None,
        year=decision.signed_on.year,
        authority=authority(agency),
        subject=decision.title or f"Về việc khen thưởng thành tích phong trào thi đua năm {year}",
        basis=_decision_basis(decision),
        lines=tuple(_decision_line(line) for line in lines),
        money_source=decision.money_source
        or f"Tiền thưởng trích từ Quỹ thi đua, khen thưởng của {agency.name} năm {decision.signed_on.year}.",
        executors=(
            f"Chánh Văn phòng, Trưởng các phòng, đơn vị có liên quan thuộc {agency.name} và các tập thể, cá nhân có "
            "tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
        ),
        base_salary_note=_base_note(decision.signed_on),
        signer_title=_signer_title(agency, decision.signer.position if decision.signer else ""),
        signer=decision.signer.full_name if decision.signer else None,
        recipients=("Như Điều 3", "Lưu: VT"),
    )
    return reward_docs.reward_decision_docx(document)


def certificates_docx(decision: RewardDecision) -> bytes:
    """One printable page per award of an issued decision: Giấy khen, or the certificate of a title."""
    agency = decision.agency
    items = []
    for line in decision_lines(decision) if decision.status == "issued" else []:
        merit = line.form == AwardForm.CERTIFICATE_OF_MERIT
        detail = ", ".join(part for part in (line.position, line.unit_name) if part)
        items.append(
            reward_docs.Certificate(
                authority=authority(agency),
                recipient=line.recipient_name,
                detail=detail,
                achievement=(
                    (line.achievement or f"Đã có thành tích trong phong trào thi đua năm {line.year}")
                    if merit
                    else f"Đạt danh hiệu {line.form_label} năm {line.year}"
                ),
                place=agency.place_name,
                issued_on=decision.signed_on,
                year=decision.signed_on.year,
                title="GIẤY KHEN" if merit else "GIẤY CHỨNG NHẬN",
                decision=f"Quyết định số {decision.number} ngày {decision.signed_on:%d/%m/%Y}",
                signer_title=_signer_title(agency, decision.signer.position if decision.signer else ""),
                signer=decision.signer.full_name if decision.signer else None,
            )
        )
    return reward_docs.certificates_docx(items)
