"""JSON endpoints of CCHC inspections: the plans with their shares against the targets, one inspection with
its checklist and findings (each with its remediation tasks' live status), a finding and a remediation item.
The same selectors, services and rules as the pages: another agency's record is a 404, a write that is not the
caller's a 403, a refused value a 422 with the Vietnamese reason."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from pydantic import Field

from apps.core.ids import Id
from domain.inspections import Share

from . import selectors, services
from .models import Inspection

router = Router(tags=["Kiểm tra CCHC"])

Text = Annotated[str, Field(max_length=5000)]


class ShareOut(Schema):
    part: int
    whole: int
    target: Decimal
    percent: Decimal | None
    met: bool | None


class PlanOut(Schema):
    id: int
    agency_id: int
    agency_code: str
    year: int
    title: str
    unit_target: Decimal
    digital_target: Decimal
    units_in_scope: int
    units_planned: ShareOut
    units_inspected: ShareOut
    digital_inspections: ShareOut
    findings_remediated_on_time: Decimal | None
    findings_open: int
    inspection_ids: list[int]


class RemediationOut(Schema):
    task_id: int
    ref: str
    title: str
    lead_units: list[str]
    accountable: str | None
    due_on: date | None
    status: str
    status_label: str


class FindingOut(Schema):
    id: int
    text: str
    state: str
    state_label: str
    remediations: list[RemediationOut]


class ChecklistOut(Schema):
    id: int
    text: str
    result: str
    note: str


class InspectionOut(Schema):
    id: int
    plan_id: int
    agency_id: int
    unit_id: int | None
    target_agency_id: int | None
    target_name: str
    scheduled_on: date
    held_on: date | None
    mode: str
    areas: list[str]
    checklist: list[ChecklistOut]
    findings: list[FindingOut]


class FindingIn(Schema):
    text: Text


class RemediationIn(Schema):
    title: Annotated[str, Field(max_length=1000)]
    lead_unit_id: Id | None = None
    accountable_id: Id | None = None
    due_on: date | None = None
    deliverable: Annotated[str, Field(max_length=500)] = ""


def _share(share: Share) -> dict[str, Any]:
    return {
        "part": share.part,
        "whole": share.whole,
        "target": share.target,
        "percent": share.percent,
        "met": share.met,
    }


def _plan_out(plan: Any) -> dict[str, Any]:
    summary = selectors.plan_summary(plan)
    return {
        "id": plan.pk,
        "agency_id": plan.agency_id,
        "agency_code": plan.agency.code,
        "year": plan.year,
        "title": plan.title,
        "unit_target": plan.unit_target,
        "digital_target": plan.digital_target,
        "units_in_scope": summary.targets_total,
        "units_planned": _share(summary.planned),
        "units_inspected": _share(summary.inspected),
        "digital_inspections": _share(summary.digital),
        "findings_remediated_on_time": summary.remediation.rate,
        "findings_open": summary.findings_open,
        "inspection_ids": [inspection.pk for inspection in summary.inspections],
    }


def _finding_out(row: selectors.FindingRow) -> dict[str, Any]:
    return {
        "id": row.finding.pk,
        "text": row.finding.text,
        "state": row.state,
        "state_label": row.label,
        "remediations": [
            {
                "task_id": item.remediation.task_id,
                "ref": item.remediation.task.ref,
                "title": item.remediation.task.title,
                "lead_units": [unit.name for unit in item.remediation.task.lead_units.all()],
                "accountable": item.remediation.task.accountable.full_name
                if item.remediation.task.accountable
                else None,
                "due_on": item.remediation.task.due_on,
                "status": item.status,
                "status_label": item.label,
            }
            for item in row.remediations
        ],
    }


def _inspection_out(inspection: Inspection) -> dict[str, Any]:
    return {
        "id": inspection.pk,
        "plan_id": inspection.plan_id,
        "agency_id": inspection.agency_id,
        "unit_id": inspection.unit_id,
        "target_agency_id": inspection.target_agency_id,
        "target_name": inspection.target_name,
        "scheduled_on": inspection.scheduled_on,
        "held_on": inspection.held_on,
        "mode": inspection.mode,
        "areas": list(inspection.areas),
        "checklist": [
            {"id": item.pk, "text": item.text, "result": item.result, "note": item.note}
            for item in inspection.checklist.all()
        ],
        "findings": [_finding_out(row) for row in selectors.finding_rows(inspection)],
    }


@router.get(
    "/inspections/plans", response=list[PlanOut], summary="Kế hoạch kiểm tra CCHC và tỷ lệ so với chỉ tiêu"
)
def plan_list(request: HttpRequest, year: Annotated[int, Field(ge=2000, le=2100)] | None = None) -> Any:
    plans = selectors.plan_list_for_user(user=request.user)
    if year is not None:
        plans = plans.filter(year=year)
    return [_plan_out(plan) for plan in plans[:200]]


@router.get("/inspections/plans/{plan_id}", response=PlanOut, summary="Một kế hoạch kiểm tra")
def plan_get(request: HttpRequest, plan_id: Id) -> Any:
    return _plan_out(selectors.plan_get_for_user(user=request.user, pk=plan_id))


@router.get("/inspections/{inspection_id}", response=InspectionOut, summary="Một cuộc kiểm tra")
def inspection_get(request: HttpRequest, inspection_id: Id) -> Any:
    return _inspection_out(selectors.inspection_get_for_user(user=request.user, pk=inspection_id))


@router.post(
    "/inspections/{inspection_id}/findings",
    response={201: FindingOut},
    summary="Ghi một tồn tại, hạn chế",
)
def finding_add(request: HttpRequest, inspection_id: Id, payload: FindingIn) -> Any:
    inspection = selectors.inspection_get_for_user(user=request.user, pk=inspection_id)
    finding = services.finding_add(user=request.user, inspection=inspection, text=payload.text)
    row = next(row for row in selectors.finding_rows(inspection) if row.finding.pk == finding.pk)
    return Status(201, _finding_out(row))


@router.post(
    "/inspections/findings/{finding_id}/remediations",
    response={201: FindingOut},
    summary="Giao một nhiệm vụ khắc phục (thành nhiệm vụ có chủ trì, thời hạn, nghiệm thu)",
)
def remediation_add(request: HttpRequest, finding_id: Id, payload: RemediationIn) -> Any:
    finding = selectors.finding_get_for_user(user=request.user, pk=finding_id)
    inspection = selectors.inspection_get_for_user(user=request.user, pk=finding.inspection_id)
    services.remediation_add_from_ids(user=request.user, finding=finding, **payload.dict())
    row = next(row for row in selectors.finding_rows(inspection) if row.finding.pk == finding.pk)
    return Status(201, _finding_out(row))
