"""Every write of nominations (đề nghị khen thưởng), atomic, each with its permission check; bad input is refused
with a Vietnamese message and nothing is saved.

The path: a unit head proposes their unit's people or the unit itself, the office (Văn phòng — whoever manages the
agency's plans) anyone of the agency; the proposer uploads the dossier and sends it; the focal point checks the
dossier's completeness and the rules' verdict (``domain.rewards.eligibility.check``), frozen in the nomination
with every condition and the record that proves it, or returns it with a reason; a nomination that fails the
rules reaches the council's vote only with the council chair's recorded override (``votable``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.policy import headed_unit_ids
from apps.core.uploads import Use, upload_check
from apps.organizations.models import Agency, Person, Unit
from domain.rewards.eligibility import Verdict, check
from domain.rewards.forms import FORMS, AwardForm, Subject, form_label
from domain.rewards.rulesets import NoRuleSet

from ..choices import DocumentKind, InitiativeStatus, NominationStatus, SubjectChoice
from ..facts import movement_rules, nominee_facts, province_rules
from ..models import Award, Council, Initiative, Movement, Nomination, NominationDocument
from . import CHECK, MANAGE, NOMINATE, OVERRIDE

# The dossier every nomination needs (Điều 84 Luật Thi đua, khen thưởng 2022; hồ sơ theo Nghị định 152/2025):
# tờ trình, báo cáo thành tích, biên bản bình xét; the proof of an initiative when the verdict rests on one.
REQUIRED_DOCUMENTS: tuple[str, ...] = (
    DocumentKind.PROPOSAL,
    DocumentKind.ACHIEVEMENT_REPORT,
    DocumentKind.REVIEW_MINUTES,
)
EDITABLE = (NominationStatus.DRAFT, NominationStatus.RETURNED)
LIVE = (
    NominationStatus.DRAFT,
    NominationStatus.SUBMITTED,
    NominationStatus.RETURNED,
    NominationStatus.CHECKED,
    NominationStatus.VOTED,
    NominationStatus.DECIDED,
)


def may_nominate_anyone(user: Any, agency: Agency) -> bool:
    """The office (those who manage the agency's plans) proposes anyone of the agency."""
    return bool(user.has_perm(MANAGE, agency))


def _require_nominator(user: Any, agency: Agency, *, unit_id: int | None, collective: bool) -> None:
    """The office for anyone; a unit head only for their unit's people or their unit."""
    if may_nominate_anyone(user, agency):
        return
    if not user.has_perm(NOMINATE, agency):
        raise PermissionDenied("Chỉ trưởng đơn vị hoặc Văn phòng của cơ quan được đề nghị khen thưởng.")
    if unit_id is None or unit_id not in headed_unit_ids(user, agency.pk):
        what = "đơn vị mình" if collective else "người của đơn vị mình"
        raise PermissionDenied(f"Trưởng đơn vị chỉ đề nghị khen thưởng cho {what}.")


def _nominee_unit_id(nomination: Nomination) -> int | None:
    if nomination.person_id:
        return nomination.person.unit_id  # type: ignore[union-attr]
    return nomination.unit_id


def require_proposer(user: Any, nomination: Nomination) -> None:
    _require_nominator(
        user,
        nomination.agency,
        unit_id=_nominee_unit_id(nomination),
        collective=nomination.subject == SubjectChoice.COLLECTIVE,
    )


def _nominee_filter(
    *, person: Person | None, unit: Unit | None, nominee_agency: Agency | None
) -> dict[str, Any]:
    if person is not None:
        return {"person": person}
    if unit is not None:
        return {"unit": unit}
    return {"nominee_agency": nominee_agency}


@transaction.atomic
def nomination_create(
    *,
    user: Any,
    agency: Agency,
    year: int,
    form: str,
    person: Person | None = None,
    unit: Unit | None = None,
    nominee_agency: Agency | None = None,
    achievement: str,
    achievement_key: str = "",
    declarations: dict[str, Any] | None = None,
    movement: Movement | None = None,
) -> Nomination:
    """Propose a person (``person``) or a collective (``unit`` of the agency, or ``nominee_agency``) for a title
    or form of ``year``. Refused: another agency's person or unit, a form not given to this kind of nominee, the
    same form already in the register for that year, the same nomination twice."""
    chosen = [x for x in (person, unit, nominee_agency) if x is not None]
    if len(chosen) != 1:
        raise ValidationError({"nominee": "Hãy chọn một cá nhân hoặc một tập thể được đề nghị."})
    subject = Subject.PERSON if person is not None else Subject.COLLECTIVE
    errors: dict[str, str] = {}
    if person is not None and person.agency_id != agency.pk:
        errors["nominee"] = f"{person.full_name} không thuộc cơ quan {agency.name}: không đề nghị được."
    if unit is not None and unit.agency_id != agency.pk:
        errors["nominee"] = f"{unit.name} không thuộc cơ quan {agency.name}: không đề nghị được."
    if (
        nominee_agency is not None
        and nominee_agency.pk != agency.pk
        and nominee_agency.parent_id != agency.pk
    ):
        errors["nominee"] = f"{nominee_agency.name} không thuộc cơ quan {agency.name}: không đề nghị được."
    if errors:
        raise ValidationError(errors)
    unit_id = person.unit_id if person is not None else (unit.pk if unit is not None else None)
    _require_nominator(user, agency, unit_id=unit_id, collective=subject == Subject.COLLECTIVE)
    try:
        award_form = AwardForm(form)
    except ValueError:
        raise ValidationError({"form": "Hãy chọn danh hiệu hoặc hình thức khen thưởng."}) from None
    label = form_label(award_form)
    if subject not in FORMS[award_form].subjects:
        whom = "cá nhân" if subject == Subject.PERSON else "tập thể"
        errors["form"] = f"{label} không xét tặng cho {whom}."
    if not 2000 <= year <= 2100:
        errors["year"] = "Năm không hợp lệ."
    if not (achievement or "").strip():
        errors["achievement"] = "Hãy tóm tắt thành tích được đề nghị khen thưởng."
    if movement is not None and movement.agency_id != agency.pk:
        errors["movement"] = "Phong trào không thuộc cơ quan này."
    if errors:
        raise ValidationError(errors)
    nominee = _nominee_filter(person=person, unit=unit, nominee_agency=nominee_agency)
    already = Award.objects.filter(form=award_form, year=year, **nominee).first()
    if already is not None:
        raise ValidationError(
            {
                "form": f"{already.recipient_name} đã được tặng {label} năm {year} (sổ khen thưởng): không đề nghị lại."
            }
        )
    if Nomination.objects.filter(form=award_form, year=year, status__in=LIVE, **nominee).exists():
        raise ValidationError({"form": f"Đã có đề nghị {label} năm {year} cho đối tượng này."})
    declared = {
        str(key): value if isinstance(value, dict) else {"met": bool(value), "note": ""}
        for key, value in (declarations or {}).items()
    }
    return Nomination.objects.create(
        agency=agency,
        movement=movement,
        year=year,
        form=award_form,
        subject=subject,
        person=person,
        unit=unit,
        nominee_agency=nominee_agency,
        proposing_unit=unit if unit is not None else (person.unit if person is not None else None),
        achievement=achievement.strip(),
        achievement_key=achievement_key.strip(),
        declarations=declared,
        created_by=user,
    )


def _initiative_of_nominee(nomination: Nomination, initiative: Initiative) -> bool:
    if nomination.person_id:
        return initiative.authors.filter(pk=nomination.person_id).exists()
    if nomination.unit_id:
        return initiative.unit_id == nomination.unit_id
    return initiative.agency_id == nomination.nominee_agency_id


@transaction.atomic
def nomination_document_add(
    *,
    user: Any,
    nomination: Nomination,
    kind: str,
    file: Any,
    note: str = "",
    initiative: Initiative | None = None,
) -> NominationDocument:
    """Add a document to the dossier while the unit prepares it. An initiative's proof names a recognised
    initiative of the nominee; the file passes the upload gate (kinds and size)."""
    require_proposer(user, nomination)
    if nomination.status not in EDITABLE:
        raise ValidationError("Hồ sơ đã gửi: chỉ bổ sung tài liệu khi đơn vị đang soạn hoặc được trả lại.")
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": "Hãy chọn loại tài liệu."})
    if kind == DocumentKind.INITIATIVE_PROOF:
        if initiative is None:
            raise ValidationError({"initiative": "Minh chứng sáng kiến phải chọn sáng kiến được minh chứng."})
        if initiative.status != InitiativeStatus.RECOGNISED or initiative.recognised_on is None:
            raise ValidationError(
                {
                    "initiative": f"Sáng kiến “{initiative.title}” chưa được Hội đồng sáng kiến công nhận: "
                    "không dùng làm minh chứng."
                }
            )
        if not _initiative_of_nominee(nomination, initiative):
            raise ValidationError(
                {"initiative": f"Sáng kiến “{initiative.title}” không phải của {nomination.nominee_name}."}
            )
    elif initiative is not None:
        initiative = None
    checked = upload_check(file, use=Use.EVIDENCE, field="file")
    document = NominationDocument(
        nomination=nomination, kind=kind, note=note.strip()[:255], initiative=initiative, uploaded_by=user
    )
    document.file.save(checked.stored_name, checked.django_file(), save=False)
    document.note = document.note or checked.name[:255]
    document.save()
    return document


def missing_documents(nomination: Nomination, verdict: dict[str, Any] | None = None) -> list[str]:
    """The documents the dossier still lacks, by their Vietnamese names."""
    kinds = set(nomination.documents.values_list("kind", flat=True))
    missing = [str(DocumentKind(kind).label) for kind in REQUIRED_DOCUMENTS if kind not in kinds]
    proved = set(
        nomination.documents.filter(kind=DocumentKind.INITIATIVE_PROOF).values_list(
            "initiative_id", flat=True
        )
    )
    for initiative_id, title in used_initiatives(verdict or {}):
        if initiative_id not in proved:
            missing.append(f"{DocumentKind.INITIATIVE_PROOF.label} “{title}”")
    return missing


def used_initiatives(verdict: dict[str, Any]) -> list[tuple[int, str]]:
    """The initiatives a met condition of the verdict rests on (their proof belongs in the dossier)."""
    found: dict[int, str] = {}
    for condition in verdict.get("conditions", []):
        if not condition.get("met"):
            continue
        for evidence in condition.get("evidence", []):
            kind, _, raw = str(evidence.get("ref", "")).partition(":")
            if kind == "initiative" and raw.isdigit():
                found.setdefault(int(raw), evidence.get("text", ""))
    titles = dict(Initiative.objects.filter(pk__in=found).values_list("pk", "title"))
    return [(pk, titles.get(pk, text)) for pk, text in found.items()]


@transaction.atomic
def nomination_submit(*, user: Any, nomination: Nomination) -> Nomination:
    """Send the dossier to the focal point; refused while a required document is missing."""
    require_proposer(user, nomination)
    if nomination.status not in EDITABLE:
        raise ValidationError("Đề nghị này đã được gửi.")
    missing = missing_documents(nomination)
    if missing:
        raise ValidationError("Hồ sơ còn thiếu: " + "; ".join(missing) + ".")
    nomination.status = NominationStatus.SUBMITTED
    nomination.return_reason = ""
    nomination.save()
    return nomination


def verdict_data(verdict: Verdict, *, on: date) -> dict[str, Any]:
    """The verdict as it is frozen in the nomination (JSON)."""
    return {
        "form": str(verdict.form),
        "eligible": verdict.eligible,
        "on": on.isoformat(),
        "summary": verdict.summary,
        "rule_set": {
            "code": verdict.rule_set.code,
            "name": verdict.rule_set.name,
            "source": verdict.rule_set.source,
        },
        "conditions": [
            {
                "key": c.key,
                "rule": c.rule,
                "article": c.article,
                "met": c.met,
                "declared": c.declared,
                "explanation": c.explanation,
                "evidence": [{"text": e.text, "ref": e.ref} for e in c.evidence],
            }
            for c in verdict.conditions
        ],
    }


def eligibility_of(nomination: Nomination, *, on: date) -> Verdict:
    """The rules' verdict on the nomination today, from the database's facts (nothing saved)."""
    try:
        return check(
            AwardForm(nomination.form),
            nominee_facts(nomination),
            on=on,
            province=province_rules(nomination.agency),
            movement=movement_rules(nomination.movement),
        )
    except NoRuleSet as error:
        raise ValidationError(str(error)) from error


@transaction.atomic
def nomination_check(*, user: Any, nomination: Nomination, on: date | None = None) -> Nomination:
    """The focal point's check: the rules' verdict with each condition and its evidence, plus the dossier's
    completeness as one more condition, frozen in the nomination."""
    if not user.has_perm(CHECK, nomination.agency):
        raise PermissionDenied("Chỉ đầu mối thi đua, khen thưởng của cơ quan được kiểm tra đề nghị.")
    if nomination.status not in (NominationStatus.SUBMITTED, NominationStatus.CHECKED):
        raise ValidationError("Chỉ kiểm tra đề nghị đã gửi và chưa đưa ra Hội đồng bỏ phiếu.")
    on = on or timezone.localdate()
    data = verdict_data(eligibility_of(nomination, on=on), on=on)
    missing = missing_documents(nomination, data)
    dossier = {
        "key": "dossier",
        "rule": "Hồ sơ đề nghị khen thưởng đủ tài liệu",
        "article": "Điều 84 Luật Thi đua, khen thưởng 2022",
        "met": not missing,
        "declared": False,
        "explanation": "Hồ sơ đủ tài liệu."
        if not missing
        else "Hồ sơ còn thiếu: " + "; ".join(missing) + ".",
        "evidence": [
            {"text": f"{d.get_kind_display()}: {d.note}", "ref": f"document:{d.pk}"}
            for d in nomination.documents.order_by("kind", "pk")
        ],
    }
    data["conditions"].insert(0, dossier)
    data["eligible"] = bool(data["eligible"]) and not missing
    nomination.verdict = data
    nomination.eligible = data["eligible"]
    nomination.status = NominationStatus.CHECKED
    nomination.checked_at = timezone.now()
    nomination.checked_by = user
    nomination.return_reason = ""
    nomination.override_reason, nomination.override_by, nomination.override_at = "", None, None
    nomination.save()
    return nomination


@transaction.atomic
def nomination_return(*, user: Any, nomination: Nomination, reason: str) -> Nomination:
    """Return the dossier to the unit with the reason; the unit completes it and sends it again."""
    if not user.has_perm(CHECK, nomination.agency):
        raise PermissionDenied("Chỉ đầu mối thi đua, khen thưởng của cơ quan được trả lại đề nghị.")
    if nomination.status not in (NominationStatus.SUBMITTED, NominationStatus.CHECKED):
        raise ValidationError("Chỉ trả lại đề nghị đã gửi và chưa đưa ra Hội đồng bỏ phiếu.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Hãy ghi lý do trả lại để đơn vị bổ sung."})
    nomination.status = NominationStatus.RETURNED
    nomination.return_reason = reason.strip()
    nomination.save()
    return nomination


def council_of(agency: Agency) -> Council | None:
    return Council.objects.filter(agency=agency, is_active=True).order_by("-pk").first()


def may_override(user: Any, nomination: Nomination) -> bool:
    council = council_of(nomination.agency)
    return council is not None and bool(user.has_perm(OVERRIDE, council))


@transaction.atomic
def nomination_override(*, user: Any, nomination: Nomination, reason: str) -> Nomination:
    """The council chair lets a nomination that failed the check reach the vote, with the reason recorded."""
    if not may_override(user, nomination):
        raise PermissionDenied("Chỉ Chủ tịch Hội đồng Thi đua – Khen thưởng của cơ quan được cho đưa ra xét.")
    if nomination.status != NominationStatus.CHECKED or nomination.eligible is not False:
        raise ValidationError("Chỉ cho đưa ra xét đề nghị đã kiểm tra và chưa đủ điều kiện.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Hãy ghi lý do cho đưa đề nghị chưa đủ điều kiện ra Hội đồng xét."})
    nomination.override_reason = reason.strip()
    nomination.override_by = user
    nomination.override_at = timezone.now()
    nomination.save()
    return nomination


def votable(nomination: Nomination) -> bool:
    """Checked, and eligible or let through by the chair's recorded override."""
    return nomination.status == NominationStatus.CHECKED and (
        nomination.eligible is True or nomination.override_at is not None
    )


def require_votable(nomination: Nomination) -> None:
    if nomination.status != NominationStatus.CHECKED:
        raise ValidationError(f"Đề nghị {nomination} chưa được đầu mối kiểm tra hoặc đã bỏ phiếu.")
    if not votable(nomination):
        raise ValidationError(
            f"Đề nghị {nomination} chưa đủ điều kiện: chỉ đưa ra bỏ phiếu khi Chủ tịch Hội đồng "
            "cho đưa ra xét và ghi rõ lý do."
        )
