"""Writes of movements: a movement from its emulation plan or by hand, its contents and participants, the
yearly registrations and the initiatives with their recognition decision."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.uploads import Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.organizations.choices import AgencyLevel
from apps.organizations.models import Agency, Person, Unit
from apps.plans.choices import Comparator, PlanType
from apps.plans.models import Plan, Target
from domain.plan_import.document import DocumentError, read_document
from domain.plan_import.model import Paragraph
from domain.rewards.forms import FORMS, AwardForm, Subject, form_label
from domain.vn_numbers import vn_number

from ..choices import InitiativeScope, InitiativeStatus, MovementStatus, ParticipantKind, SubjectChoice
from ..models import Initiative, Movement, MovementContent, Participant, Registration
from ..movement_plan import movement_name, own_rules_from_text
from . import MANAGE, REGISTER


def _require(user: Any, perm: str, agency: Agency, message: str) -> None:
    if not user.has_perm(perm, agency):
        raise PermissionDenied(message)


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _plan_text(plan: Plan) -> str:
    """The text of the plan's original file (its latest version), "" when the file is gone or unreadable."""
    version = plan.versions.exclude(original_file="").order_by("-number").first()
    if version is None:
        return ""
    try:
        with version.original_file.open("rb") as handle:
            data = handle.read()
        document = read_document(data, version.original_name or version.original_file.name or "")
    except (OSError, DocumentError):
        return ""
    return "\n".join(block.text for block in document.blocks if isinstance(block, Paragraph))


def _plan_label(plan: Plan) -> str:
    issued = f" ngày {plan.issued_on:%d/%m/%Y}" if plan.issued_on else ""
    return f"Kế hoạch {plan.reference_label}{issued}" if plan.reference_label else f"Kế hoạch{issued}"


def _participants_of(movement: Movement) -> None:
    """The agency's units take part; in a province- or xã-wide movement, its child agencies do."""
    agency = movement.agency
    children = list(Agency.objects.filter(parent=agency, is_active=True).order_by("name"))
    if children and agency.level in (AgencyLevel.PROVINCE, AgencyLevel.COMMUNE):
        movement.participant_kind = ParticipantKind.AGENCY
        movement.save(update_fields=["participant_kind"])
        Participant.objects.bulk_create(
            [Participant(movement=movement, participant_agency=child) for child in children]
        )
        return
    units = Unit.objects.filter(agency=agency, is_active=True).order_by("-is_focal", "name")
    Participant.objects.bulk_create([Participant(movement=movement, unit=unit) for unit in units])


def target_label(target: Target) -> str:
    """A target as the contents table shows it beside the content's sentence: "≥ 98%", "Không để xảy ra",
    "> năm 2025"; the plan's own words when it states no figure."""
    if target.comparator == Comparator.NONE:
        return "Không để xảy ra"
    symbol = Comparator(target.comparator).label if target.comparator in Comparator.values else ""
    if target.value is not None:
        unit = target.unit if target.unit in ("%", "") else f" {target.unit}"
        return f"{symbol} {vn_number(target.value)}{unit}".strip()
    if target.baseline:
        return f"{symbol} {target.baseline}".strip()
    return " ".join(target.text.split())


def _years(plan: Plan) -> tuple[int, int]:
    start = plan.period_start.year if plan.period_start else plan.year
    end = plan.period_end.year if plan.period_end else start
    if start is None or end is None:
        raise ValidationError(
            "Kế hoạch chưa có thời gian thực hiện (năm hoặc giai đoạn): hãy sửa kế hoạch trước."
        )
    return start, end


@transaction.atomic
def movement_create_from_plan(*, user: Any, plan: Plan) -> Movement:
    """A movement from an imported plan of type "Phong trào thi đua": its objectives and targets become the
    contents (each linked to the indicator its target measures, where the focal point linked one), the agency's
    units (or child agencies) the participants, and the end-of-period rules and report day the plan writes."""
    _require(user, MANAGE, plan.agency, "Chỉ đầu mối, lãnh đạo của cơ quan được tạo phong trào thi đua.")
    if plan.plan_type != PlanType.EMULATION:
        raise ValidationError(
            f"Kế hoạch “{plan.title[:80]}” không phải loại “Phong trào thi đua”: chỉ tạo phong trào từ kế hoạch "
            "phát động phong trào thi đua."
        )
    existing = Movement.objects.filter(plan=plan).first()
    if existing is not None:
        raise ValidationError(f"Kế hoạch này đã có phong trào “{existing.name}”.")
    start, end = _years(plan)
    label = _plan_label(plan)
    rules = own_rules_from_text(_plan_text(plan), plan_label=label)
    movement = Movement.objects.create(
        agency=plan.agency,
        plan=plan,
        name=movement_name(plan.title)[:500],
        start_year=start,
        end_year=end,
        status=MovementStatus.ACTIVE,
        min_initiatives=rules.min_initiatives,
        min_outstanding_years=rules.min_outstanding_years,
        own_rules_subject=SubjectChoice.COLLECTIVE if rules.collective_only else "",
        own_rules_source=rules.source,
        description=f"Theo {label}: {' '.join(plan.title.split())}",
        created_by=_user(user),
    )
    if rules.report_due is not None:
        movement.report_due_day, movement.report_due_month = rules.report_due
        movement.save(update_fields=["report_due_day", "report_due_month"])
    contents = []
    objectives = plan.objectives.select_related("target__indicator_link__indicator").order_by("order", "pk")
    for order, objective in enumerate(objectives, start=1):
        target = getattr(objective, "target", None)
        link = getattr(target, "indicator_link", None) if target is not None else None
        contents.append(
            MovementContent(
                movement=movement,
                order=order,
                title=" ".join(objective.text.split()),
                target_text=target_label(target) if target is not None else "",
                target_value=target.value if target is not None else None,
                target_unit=(target.unit if target is not None else "")[:32],
                indicator=link.indicator if link is not None and link.status != "rejected" else None,
            )
        )
    MovementContent.objects.bulk_create(contents)
    _participants_of(movement)
    return movement


@transaction.atomic
def movement_create(
    *,
    user: Any,
    agency: Agency,
    name: str,
    start_year: int,
    end_year: int,
    contents: Sequence[str] = (),
    min_initiatives: int | None = None,
    min_outstanding_years: int | None = None,
    description: str = "",
) -> Movement:
    """A movement entered by hand: its name, period and contents (one per line), the agency's units taking part."""
    _require(user, MANAGE, agency, "Chỉ đầu mối, lãnh đạo của cơ quan được tạo phong trào thi đua.")
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": "Cần ghi tên phong trào."})
    if not 2000 <= start_year <= 2100 or not 2000 <= end_year <= 2100:
        raise ValidationError({"start_year": "Năm không hợp lệ."})
    if end_year < start_year:
        raise ValidationError({"end_year": f"Năm kết thúc {end_year} trước năm bắt đầu {start_year}."})
    movement = Movement.objects.create(
        agency=agency,
        name=name[:500],
        start_year=start_year,
        end_year=end_year,
        min_initiatives=min_initiatives,
        min_outstanding_years=min_outstanding_years,
        own_rules_subject=SubjectChoice.COLLECTIVE if (min_initiatives or min_outstanding_years) else "",
        description=description.strip(),
        created_by=_user(user),
    )
    lines = [" ".join(line.split()) for line in contents if line.strip()]
    MovementContent.objects.bulk_create(
        [MovementContent(movement=movement, order=i, title=line) for i, line in enumerate(lines, start=1)]
    )
    _participants_of(movement)
    return movement


# --- registrations ---------------------------------------------------------------------------------------------


def registration_deadline(movement: Movement, year: int) -> date:
    """The day registrations of ``year`` are due (the movement's day and month in that year)."""
    day = movement.registration_due_day
    while day > 28:
        try:
            return date(year, movement.registration_due_month, day)
        except ValueError:
            day -= 1
    return date(year, movement.registration_due_month, day)


def _valid_forms(subject: str, forms: Iterable[str]) -> list[str]:
    chosen = []
    wanted = Subject(subject)
    for code in forms:
        try:
            form = AwardForm(code)
        except ValueError:
            raise ValidationError(
                {"forms": f"Danh hiệu, hình thức “{code}” không có trong danh mục."}
            ) from None
        if wanted not in FORMS[form].subjects:
            who = "cá nhân" if wanted == Subject.PERSON else "tập thể"
            raise ValidationError({"forms": f"“{form_label(form)}” không dành cho {who}."})
        if form.value not in chosen:
            chosen.append(form.value)
    if not chosen:
        raise ValidationError({"forms": "Chọn ít nhất một danh hiệu hoặc hình thức khen thưởng."})
    return chosen


def registers_for(user: Any, *, person: Person | None = None, unit: Unit | None = None) -> bool:
    """Whether ``user`` registers this person or unit without managing the movement: themself and their unit."""
    own = getattr(user, "person", None)
    if own is None:
        return False
    if person is not None:
        return person.pk == own.pk
    return unit is not None and unit.pk == own.unit_id


@transaction.atomic
def registration_submit(
    *,
    user: Any,
    movement: Movement,
    year: int,
    forms: Sequence[str],
    person: Person | None = None,
    unit: Unit | None = None,
    note: str = "",
    today: date | None = None,
) -> Registration:
    """A unit's (collective) or a person's registration of the titles it aims for in ``year``, before the
    movement's deadline; registering again before the deadline replaces the titles."""
    agency = movement.agency
    _require(user, REGISTER, agency, "Chỉ người làm việc tại cơ quan được đăng ký thi đua.")
    day = today or timezone.localdate()
    if not movement.start_year <= year <= movement.end_year:
        raise ValidationError(
            {"year": f"Phong trào diễn ra {movement.period_label.lower()}: không đăng ký cho năm {year}."}
        )
    if movement.status != MovementStatus.ACTIVE:
        raise ValidationError("Phong trào không còn trong thời gian phát động: không nhận đăng ký.")
    deadline = registration_deadline(movement, year)
    if day > deadline:
        raise ValidationError(
            f"Đã hết hạn đăng ký thi đua năm {year} (hạn ngày {deadline:%d/%m/%Y}); liên hệ đầu mối thi đua "
            "của cơ quan nếu cần bổ sung."
        )
    if (person is None) == (unit is None):
        raise ValidationError("Chọn một cá nhân hoặc một tập thể đăng ký.")
    if person is not None and person.agency_id != agency.pk:
        raise ValidationError({"person": "Người này không thuộc cơ quan phát động phong trào."})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị này không thuộc cơ quan phát động phong trào."})
    if not user.has_perm(MANAGE, agency) and not registers_for(user, person=person, unit=unit):
        raise PermissionDenied(
            "Mỗi người đăng ký cho chính mình và đơn vị mình; đầu mối đăng ký cho mọi người."
        )
    subject = SubjectChoice.PERSON if person is not None else SubjectChoice.COLLECTIVE
    chosen = _valid_forms(subject, forms)
    lookup: dict[str, Any] = {"person": person} if person is not None else {"unit": unit}
    registration = (
        Registration.objects.select_for_update().filter(movement=movement, year=year, **lookup).first()
    )
    if registration is None:
        return Registration.objects.create(
            movement=movement,
            year=year,
            subject=subject,
            forms=chosen,
            note=note.strip(),
            registered_by=_user(user),
            **lookup,
        )
    registration.forms = chosen
    registration.note = note.strip()
    registration.registered_by = _user(user)
    versioned_save(registration)
    return registration


# --- initiatives -----------------------------------------------------------------------------------------------


@transaction.atomic
def initiative_register(
    *,
    user: Any,
    agency: Agency,
    title: str,
    year: int,
    authors: Sequence[Person] = (),
    unit: Unit | None = None,
    movement: Movement | None = None,
    description: str = "",
    other_authors: str = "",
    scope: str = InitiativeScope.BASE,
    uploaded: Any = None,
) -> Initiative:
    """A sáng kiến as its authors register it, waiting for the initiative council (status "proposed")."""
    _require(user, REGISTER, agency, "Chỉ người làm việc tại cơ quan được đăng ký sáng kiến.")
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": "Cần ghi tên sáng kiến."})
    if not 2000 <= year <= 2100:
        raise ValidationError({"year": f"Năm {year} không hợp lệ."})
    if not authors and not other_authors.strip():
        raise ValidationError({"authors": "Cần ghi ít nhất một tác giả."})
    if any(person.agency_id != agency.pk for person in authors):
        raise ValidationError(
            {"authors": "Tác giả phải là người của cơ quan; ghi người ngoài vào đồng tác giả."}
        )
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan."})
    if movement is not None and movement.agency_id != agency.pk:
        raise ValidationError({"movement": "Phong trào không thuộc cơ quan."})
    if scope not in InitiativeScope.values:
        raise ValidationError({"scope": "Phạm vi ảnh hưởng không hợp lệ."})
    initiative = Initiative(
        agency=agency,
        unit=unit,
        movement=movement,
        title=title,
        year=year,
        description=description.strip(),
        other_authors=" ".join(other_authors.split())[:500],
        scope=scope,
        created_by=_user(user),
    )
    if uploaded is not None:
        checked = upload_check(uploaded, use=Use.EVIDENCE, field="file")
        initiative.file.save(checked.stored_name, checked.django_file(), save=False)
    initiative.save()
    initiative.authors.set(authors)
    return initiative


@transaction.atomic
def initiative_decide(
    *,
    user: Any,
    initiative: Initiative,
    status: str,
    expected_version: int | None = None,
    recognition_number: str = "",
    recognised_on: date | None = None,
    recognised_by: str = "",
    scope: str | None = None,
    today: date | None = None,
) -> Initiative:
    """The initiative council's decision: recognised (with the decision's number, date and issuer, and the scope
    it recognises) or not recognised. Only a proposed initiative is decided."""
    _require(user, MANAGE, initiative.agency, "Chỉ đầu mối, lãnh đạo của cơ quan ghi quyết định công nhận.")
    locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
    version_check(locked, expected_version)
    if locked.status != InitiativeStatus.PROPOSED:
        raise ValidationError(f"Sáng kiến đã có kết quả “{locked.get_status_display()}”: không ghi lại.")
    if status not in (InitiativeStatus.RECOGNISED, InitiativeStatus.NOT_RECOGNISED):
        raise ValidationError({"status": "Chọn “Đã được công nhận” hoặc “Không được công nhận”."})
    day = today or timezone.localdate()
    if status == InitiativeStatus.RECOGNISED:
        problems = {}
        if not recognition_number.strip():
            problems["recognition_number"] = "Cần ghi số quyết định công nhận."
        if recognised_on is None:
            problems["recognised_on"] = "Cần ghi ngày công nhận."
        elif recognised_on > day:
            problems["recognised_on"] = f"Ngày công nhận {recognised_on:%d/%m/%Y} chưa đến."
        if not recognised_by.strip():
            problems["recognised_by"] = "Cần ghi cơ quan, hội đồng công nhận."
        if problems:
            raise ValidationError(problems)
        locked.recognition_number = recognition_number.strip()[:64]
        locked.recognised_on = recognised_on
        locked.recognised_by = " ".join(recognised_by.split())[:255]
        if scope:
            if scope not in InitiativeScope.values:
                raise ValidationError({"scope": "Phạm vi ảnh hưởng không hợp lệ."})
            locked.scope = scope
    else:
        locked.recognition_number = recognition_number.strip()[:64]
        locked.recognised_by = " ".join(recognised_by.split())[:255]
    locked.status = status
    versioned_save(locked, expected_version=expected_version)
    return locked
