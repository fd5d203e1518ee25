"""Every write to inspections, each in a transaction with its permission check; bad input is refused with a
Vietnamese message and changes nothing.

Remediation items become real tasks of the existing task machinery. They go into one plan per inspected
agency and year, "Kế hoạch khắc phục sau kiểm tra công tác CCHC năm YYYY" (type "Kiểm tra CCHC"), owned by the
inspected agency: its units lead the tasks, its people are accountable and see them in "Việc của tôi", its
leader (or the named authority) accepts them, and its task register and reports count them, while the plan of
the year it issued stays as it was issued. The inspecting agency follows them from the inspection page.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from apps.organizations.models import Agency, Person, Unit
from apps.plans.choices import PlanStatus, PlanType
from apps.plans.models import Plan
from apps.tasks.choices import ScheduleKind, TaskKind
from apps.tasks.models import Task
from apps.tasks.services.occurrences import occurrences_sync_for_task
from apps.tasks.services.register import task_refresh_six_clear
from domain import inspections as rules_of
from domain.reform_areas import REFORM_AREAS

from .models import ChecklistItem, Finding, Inspection, InspectionPlan, Remediation

MANAGE = "inspections.manage_inspection"
REMEDIATION_TITLE = "Kế hoạch khắc phục sau kiểm tra công tác cải cách hành chính năm {year}"


def _require_manage(user: Any, agency: Any) -> None:
    if not user.has_perm(MANAGE, agency):
        raise PermissionDenied("Chỉ lãnh đạo, đầu mối CCHC hoặc quản trị của cơ quan được làm việc này.")


@transaction.atomic
def plan_create(
    *,
    user: Any,
    agency: Agency,
    year: int,
    title: str = "",
    unit_target: Decimal | None = None,
    digital_target: Decimal | None = None,
    note: str = "",
) -> InspectionPlan:
    _require_manage(user, agency)
    errors: dict[str, str] = {}
    if not 2000 <= year <= 2100:
        errors["year"] = "Năm không hợp lệ."
    elif InspectionPlan.objects.filter(agency=agency, year=year).exists():
        errors["year"] = f"{agency.name} đã có kế hoạch kiểm tra năm {year}."
    for name, value in (("unit_target", unit_target), ("digital_target", digital_target)):
        if value is not None and not 0 <= value <= 100:
            errors[name] = "Tỷ lệ phải từ 0 đến 100%."
    if errors:
        raise ValidationError(errors)
    return InspectionPlan.objects.create(
        agency=agency,
        year=year,
        title=title.strip() or f"Kế hoạch kiểm tra công tác cải cách hành chính năm {year}",
        unit_target=unit_target if unit_target is not None else rules_of.DEFAULT_UNIT_TARGET,
        digital_target=digital_target if digital_target is not None else rules_of.DEFAULT_DIGITAL_TARGET,
        note=note.strip(),
    )


def _target(plan: InspectionPlan, target: str) -> tuple[Unit | None, Agency | None]:
    """ "unit:12" or "agency:7": a unit of the plan's agency or an agency directly below it; anything else is
    refused (a unit of another agency above all)."""
    kind, _, raw = (target or "").partition(":")
    if not raw.isdigit():
        raise ValidationError({"target": "Hãy chọn đơn vị được kiểm tra."})
    if kind == "unit":
        unit = Unit.objects.filter(pk=int(raw)).first()
        if unit is None or unit.agency_id != plan.agency_id:
            raise ValidationError(
                {"target": f"Chỉ được kiểm tra đơn vị của {plan.agency.name} hoặc cơ quan trực thuộc."}
            )
        return unit, None
    if kind == "agency":
        child = Agency.objects.filter(pk=int(raw)).first()
        if child is None or child.parent_id != plan.agency_id:
            raise ValidationError(
                {"target": f"Chỉ được kiểm tra đơn vị của {plan.agency.name} hoặc cơ quan trực thuộc."}
            )
        return None, child
    raise ValidationError({"target": "Hãy chọn đơn vị được kiểm tra."})


def _checklist_lines(area_codes: list[str], checklist: str) -> list[str]:
    lines = [line.strip().lstrip("-•").strip() for line in checklist.splitlines()]
    lines = [line for line in lines if line]
    if lines:
        return lines
    return [area.name for area in REFORM_AREAS if area.code in area_codes]


@transaction.atomic
def inspection_create(
    *,
    user: Any,
    plan: InspectionPlan,
    target: str,
    scheduled_on: date,
    mode: str = rules_of.ON_SITE,
    areas: list[str] | None = None,
    checklist: str = "",
    team: str = "",
    location: str = "",
) -> Inspection:
    """Put an inspection in the plan: which unit, when, how, on what (reform areas or a checklist)."""
    _require_manage(user, plan.agency)
    unit, child = _target(plan, target)
    known = {area.code for area in REFORM_AREAS}
    codes = [code for code in areas or [] if code in known]
    errors: dict[str, str] = {}
    if scheduled_on.year != plan.year:
        errors["scheduled_on"] = f"Thời gian kiểm tra phải trong năm {plan.year} của kế hoạch."
    if mode not in rules_of.MODE_LABELS:
        errors["mode"] = "Hình thức kiểm tra không hợp lệ."
    lines = _checklist_lines(codes, checklist)
    if not lines:
        errors["areas"] = "Hãy chọn lĩnh vực kiểm tra hoặc ghi danh mục nội dung kiểm tra."
    if errors:
        raise ValidationError(errors)
    inspection = Inspection.objects.create(
        plan=plan,
        agency=plan.agency,
        unit=unit,
        target_agency=child,
        scheduled_on=scheduled_on,
        mode=mode,
        areas=codes,
        team=team.strip(),
        location=location.strip(),
    )
    ChecklistItem.objects.bulk_create(
        ChecklistItem(inspection=inspection, order=index, text=line[:500])
        for index, line in enumerate(lines, 1)
    )
    return inspection


@transaction.atomic
def inspection_record(
    *,
    user: Any,
    inspection: Inspection,
    held_on: date,
    mode: str,
    results: dict[int, tuple[str, str]],
    team: str = "",
    representatives: str = "",
    location: str = "",
    conclusion: str = "",
) -> Inspection:
    """Record what happened: the date, the mode, each checklist item's result and note, the conclusion."""
    _require_manage(user, inspection.agency)
    locked = Inspection.objects.select_for_update().get(pk=inspection.pk)
    errors: dict[str, str] = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "Ngày kiểm tra không thể ở tương lai."
    elif held_on.year != locked.plan.year:
        errors["held_on"] = f"Ngày kiểm tra phải trong năm {locked.plan.year} của kế hoạch."
    if mode not in rules_of.MODE_LABELS:
        errors["mode"] = "Hình thức kiểm tra không hợp lệ."
    items = {item.pk: item for item in locked.checklist.all()}
    for pk, (result, _note) in results.items():
        if pk not in items:
            errors["checklist"] = "Nội dung kiểm tra không thuộc cuộc kiểm tra này."
        elif result and result not in rules_of.RESULT_LABELS:
            errors["checklist"] = "Kết quả phải là Đạt, Chưa đạt hoặc Không áp dụng."
        elif result == rules_of.FAIL and not _note.strip():
            errors["checklist"] = f"Nội dung “{items[pk].text[:60]}” chưa đạt: hãy ghi rõ lý do."
    if errors:
        raise ValidationError(errors)
    for pk, (result, note) in results.items():
        item = items[pk]
        item.result, item.note = result, note.strip()
        item.save(update_fields=["result", "note"])
    locked.held_on, locked.mode = held_on, mode
    locked.team = team.strip() or locked.team
    locked.representatives = representatives.strip() or locked.representatives
    locked.location = location.strip() or locked.location
    locked.conclusion = conclusion.strip()
    locked.save()
    return locked


@transaction.atomic
def finding_add(*, user: Any, inspection: Inspection, text: str) -> Finding:
    _require_manage(user, inspection.agency)
    inspection = Inspection.objects.select_for_update().get(pk=inspection.pk)
    if not text.strip():
        raise ValidationError({"text": "Hãy ghi nội dung tồn tại, hạn chế."})
    if inspection.held_on is None:
        raise ValidationError("Hãy ghi kết quả kiểm tra (ngày kiểm tra) trước khi ghi tồn tại, hạn chế.")
    order = (inspection.findings.aggregate(top=Max("order"))["top"] or 0) + 1
    return Finding.objects.create(inspection=inspection, order=order, text=text.strip())


def remediation_plan_for(agency: Agency, year: int) -> Plan:
    """The inspected agency's remediation plan of the year, created on first use."""
    title = REMEDIATION_TITLE.format(year=year)
    plan = Plan.objects.filter(agency=agency, plan_type=PlanType.INSPECTION, title=title).first()
    if plan is None:
        plan = Plan.objects.create(
            agency=agency,
            title=title,
            plan_type=PlanType.INSPECTION,
            status=PlanStatus.ISSUED,
            issuer=agency.name,
            place=agency.place_name,
            issued_on=date(year, 1, 1),
            period_start=date(year, 1, 1),
            period_end=date(year, 12, 31),
        )
    return plan


@transaction.atomic
def remediation_add(
    *,
    user: Any,
    finding: Finding,
    title: str,
    lead_unit: Unit | None,
    accountable: Person | None,
    due_on: date | None,
    deliverable: str = "",
    authority: Person | None = None,
) -> Remediation:
    """A remediation item becomes a task with a lead unit, an accountable person, a due date and acceptance;
    without a lead or a deadline it is refused."""
    inspection = Inspection.objects.select_related("plan", "unit").get(pk=finding.inspection_id)
    _require_manage(user, inspection.agency)
    inspected_id = inspection.inspected_agency_id
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = "Hãy ghi nội dung cần khắc phục."
    if lead_unit is None:
        errors["lead_unit"] = "Yêu cầu khắc phục phải có đơn vị chủ trì."
    elif lead_unit.agency_id != inspected_id:
        errors["lead_unit"] = "Đơn vị chủ trì phải thuộc cơ quan, đơn vị được kiểm tra."
    if accountable is not None and accountable.agency_id != inspected_id:
        errors["accountable"] = "Người chịu trách nhiệm phải là cán bộ của cơ quan được kiểm tra."
    if authority is not None and authority.agency_id not in (inspected_id, inspection.agency_id):
        errors["authority"] = "Người nghiệm thu phải thuộc cơ quan kiểm tra hoặc cơ quan được kiểm tra."
    if due_on is None:
        errors["due_on"] = "Yêu cầu khắc phục phải có thời hạn."
    elif inspection.held_on is not None and due_on < inspection.held_on:
        errors["due_on"] = "Thời hạn khắc phục không thể trước ngày kiểm tra."
    if errors:
        raise ValidationError(errors)
    assert lead_unit is not None and due_on is not None
    agency = lead_unit.agency
    plan = remediation_plan_for(agency, inspection.plan.year)
    if plan.period_end is not None and due_on > plan.period_end:
        plan.period_end = due_on
        plan.save(update_fields=["period_end"])
    count = plan.tasks.count() + 1
    start = inspection.held_on or timezone.localdate()
    task = Task.objects.create(
        agency=agency,
        plan=plan,
        ref=f"KP-{count}",
        kind=TaskKind.TASK,
        title=title.strip(),
        lead_text=lead_unit.name,
        timeline_raw=f"Từ {start:%d/%m/%Y} đến {due_on:%d/%m/%Y}",
        schedule_kind=ScheduleKind.WINDOW,
        start_on=min(start, due_on),
        due_on=due_on,
        deliverable=deliverable.strip() or "Báo cáo kết quả khắc phục kèm minh chứng",
        note=f"Khắc phục sau {inspection} ngày {start:%d/%m/%Y}: {finding.text[:200]}",
        accountable=accountable,
        authority=authority,
        order=count,
    )
    task.lead_units.set([lead_unit])
    task_refresh_six_clear(task)
    task.save()
    occurrences_sync_for_task(task=task)
    return Remediation.objects.create(finding=finding, task=task)


def remediation_add_from_ids(
    *,
    user: Any,
    finding: Finding,
    title: str,
    lead_unit_id: int | None,
    accountable_id: int | None,
    due_on: date | None,
    deliverable: str = "",
) -> Remediation:
    """The API's form of `remediation_add`: ids that name no unit or person count as none given."""
    return remediation_add(
        user=user,
        finding=finding,
        title=title,
        lead_unit=Unit.objects.filter(pk=lead_unit_id).first() if lead_unit_id else None,
        accountable=Person.objects.filter(pk=accountable_id).first() if accountable_id else None,
        due_on=due_on,
        deliverable=deliverable,
    )
