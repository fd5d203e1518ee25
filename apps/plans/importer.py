"""Turning a plan document into a tracked plan: parse, preview with the units, confirm in one transaction.

The pure parsing lives in `domain.plan_import`; this module adds what needs the database: resolving unit names
to the agency's units, linking the basis to plans already in the system, versions, and the save itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from apps.core.uploads import Use, upload_check
from apps.organizations.models import Agency, Unit
from domain.plan_import import DocumentError, ParsedTask, PlanParseResult, parse_plan_file, rubric_json
from domain.schedule import normalize_schedule
from domain.six_clear import SixClearInput, check_six_clear
from domain.unit_names import UnitRef, resolve_units

from .models import PlanImport


def parse_document(*, data: bytes, filename: str) -> PlanParseResult:
    """Parse a plan file; any problem becomes a ValidationError with the parser's Vietnamese message."""
    if not data:
        raise ValidationError("Tệp rỗng: hãy chọn tệp kế hoạch (.docx, .pdf hoặc .txt).")
    if len(data) > settings.CCHC_MAX_UPLOAD_BYTES:
        limit = settings.CCHC_MAX_UPLOAD_BYTES // (1024 * 1024)
        raise ValidationError(f"Tệp quá lớn: tối đa {limit} MB.")
    try:
        return parse_plan_file(data, filename)
    except DocumentError as error:
        raise ValidationError(str(error)) from error


def unit_refs(agency: Agency) -> list[UnitRef]:
    return [
        UnitRef(key=str(unit.pk), name=unit.name, kind=unit.kind, aliases=tuple(unit.alias_list))
        for unit in Unit.objects.filter(agency=agency, is_active=True)
    ]


@dataclass
class ResolvedUnits:
    """The units a task's "Chủ trì" or "Phối hợp" cell resolves to."""

    text: str
    unit_ids: list[int] = field(default_factory=list)
    is_group: bool = False
    unknown: list[str] = field(default_factory=list)


def resolve_cell(
    names: tuple[str, ...] | list[str], refs: list[UnitRef], exclude: list[int] | None = None
) -> ResolvedUnits:
    resolved = ResolvedUnits(text="; ".join(names))
    for name in names:
        found = resolve_units(name, refs, exclude=[str(pk) for pk in exclude or []])
        resolved.unit_ids.extend(int(key) for key in found.keys if int(key) not in resolved.unit_ids)
        resolved.is_group = resolved.is_group or found.is_group
        resolved.unknown.extend(found.unknown)
    return resolved


@dataclass
class TaskPreview:
    """One task row of the preview: what the parser read and how the names resolved."""

    task: ParsedTask
    lead: ResolvedUnits
    cooperating: ResolvedUnits


def preview_tasks(result: PlanParseResult, agency: Agency) -> list[TaskPreview]:
    refs = unit_refs(agency)
    rows = []
    for task in result.tasks:
        lead = resolve_cell(task.lead, refs)
        cooperating = resolve_cell(task.cooperating, refs, exclude=lead.unit_ids)
        rows.append(TaskPreview(task, lead, cooperating))
    return rows


@transaction.atomic
def plan_import_start(*, agency: Agency, user: Any, uploaded: Any, replaces_plan: Any = None) -> PlanImport:
    """Check and keep an uploaded plan file until the focal point confirms its preview.

    The file passes the upload gate first (a .docx, .pdf or .txt by its content, within the size and
    inflation limits of a plan), so the parser never opens a zip bomb or a program.
    """
    checked = upload_check(uploaded, use=Use.PLAN, name=getattr(uploaded, "name", "") or "ke-hoach")
    data = checked.read()
    result = parse_document(data=data, filename=checked.name)
    plan_import = PlanImport(
        agency=agency,
        original_name=checked.name[:255],
        created_by=user,
        replaces_plan=replaces_plan,
        rubrics=[rubric_json(rubric) for rubric in result.rubrics],
    )
    plan_import.uploaded_file.save(checked.stored_name, ContentFile(data), save=False)
    plan_import.save()
    return plan_import


def plan_import_parse(*, plan_import: PlanImport) -> PlanParseResult:
    with plan_import.uploaded_file.open("rb") as handle:
        data = handle.read()
    return parse_document(data=data, filename=plan_import.original_name)


def apply_corrections(result: PlanParseResult, corrections: dict[str, Any]) -> PlanParseResult:
    """Replace header fields and task cells with what the focal point typed in the preview."""
    header = corrections.get("plan") or {}
    plan = result.plan
    allowed = {
        "number",
        "symbol",
        "issued_on",
        "place",
        "issuer",
        "title",
        "type",
        "period_start",
        "period_end",
        "signer",
        "signer_title",
    }
    updates = {key: value for key, value in header.items() if key in allowed}
    if updates:
        plan = replace(plan, **updates)
    plan_year = (plan.period_start or plan.issued_on or date.today()).year
    end_year = plan.period_end.year if plan.period_end else None
    tasks = []
    task_changes = corrections.get("tasks") or {}
    for task in result.tasks:
        change = task_changes.get(task.ref) or {}
        if change:
            timeline = task.timeline
            if "timeline" in change and change["timeline"] != task.timeline.raw:
                timeline = normalize_schedule(
                    change["timeline"], plan_year=plan_year, period_end_year=end_year
                )
            task = replace(
                task,
                title=change.get("title", task.title),
                deliverable=change.get("deliverable", task.deliverable),
                timeline=timeline,
            )
        tasks.append(task)
    return replace(result, plan=plan, tasks=tuple(tasks))


def six_clear_for(
    *,
    title: str,
    lead_ids: list[int],
    lead_is_group: bool,
    lead_text: str,
    schedule: Any,
    deliverable: str,
    accountable: str | None,
    authority: str | None,
) -> Any:
    lead = tuple(str(pk) for pk in lead_ids) or ((lead_text,) if lead_text else ())
    return check_six_clear(
        SixClearInput(
            title=title,
            lead=lead,
            lead_is_group=lead_is_group or len(lead_ids) > 1,
            schedule=schedule,
            deliverable=deliverable,
            accountable=accountable,
            authority=authority,
        )
    )
