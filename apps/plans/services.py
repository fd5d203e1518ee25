"""Every write to plans: saving an imported plan (new or as a new version), links between plans, edits."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from apps.core.versioning import version_check, versioned_save, versioned_touch
from apps.organizations.models import Agency, Unit
from apps.tasks.services import occurrences_sync_for_plan, task_sync_from_import
from domain.plan_import import DocRef, PlanParseResult, to_json_dict
from domain.uploads import Kind, sniff

from .choices import DocumentKind, ImportStatus, PlanStatus, PlanType, ReferenceRelation
from .importer import apply_corrections, plan_import_parse, preview_tasks
from .models import Objective, Plan, PlanImport, PlanReference, PlanVersion, ReformArea, Target
from .selectors import clean_plan_number, content_hash, plan_duplicate_find

HEADER_FIELDS = (
    "number",
    "symbol",
    "issued_on",
    "place",
    "issuer",
    "title",
    "plan_type",
    "document_kind",
    "period_start",
    "period_end",
    "signer",
    "signer_title",
    "recipients",
)


class DuplicatePlan(ValidationError):
    """The plan being saved is already in the system; the page offers to update it, or to open it."""

    def __init__(self, plan: Plan) -> None:
        label = f"số {plan.reference_label}" if plan.number else f"“{plan.title[:120]}”"
        super().__init__(
            f"Kế hoạch {label} đã có trong hệ thống. Hãy chọn “Cập nhật kế hoạch đã có” để lưu thành "
            "phiên bản mới, hoặc mở kế hoạch đó."
        )
        self.plan = plan


def _find_plan(number: str | None, symbol: str | None, issued_on: date | None) -> Plan | None:
    """A plan in the system that a reference names: same number (leading zeros ignored) and symbol."""
    if not number or not symbol:
        return None
    candidates = Plan.objects.filter(symbol__iexact=symbol.strip())
    matches = [plan for plan in candidates if clean_plan_number(plan.number) == clean_plan_number(number)]
    if issued_on is not None:
        dated = [plan for plan in matches if plan.issued_on in (None, issued_on)]
        matches = dated or [
            plan for plan in matches if plan.issued_on and plan.issued_on.year == issued_on.year
        ]
    return matches[0] if len(matches) == 1 else None


def _header_values(result: PlanParseResult) -> dict[str, Any]:
    plan = result.plan
    return {
        "number": (plan.number or "")[:16],
        "symbol": (plan.symbol or "")[:64],
        "issued_on": plan.issued_on,
        "place": (plan.place or "")[:64],
        "issuer": (plan.issuer or "")[:255],
        "title": plan.title or "",
        "plan_type": plan.type if plan.type in PlanType.values else PlanType.OTHER,
        "document_kind": result.kind if result.kind in DocumentKind.values else DocumentKind.PLAN,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "signer": (plan.signer or "")[:128],
        "signer_title": (plan.signer_title or "")[:128],
        "recipients": list(plan.recipients),
    }


def _validate_header(values: dict[str, Any]) -> None:
    errors: dict[str, str] = {}
    if not values["title"].strip():
        errors["title"] = "Chưa đọc được trích yếu (tên) của kế hoạch: hãy nhập."
    start, end = values["period_start"], values["period_end"]
    if start is None or end is None:
        errors["period_start"] = "Chưa xác định được thời kỳ của kế hoạch: hãy nhập từ ngày, đến ngày."
    elif end < start:
        errors["period_end"] = "Ngày kết thúc thời kỳ phải sau ngày bắt đầu."
    if errors:
        raise ValidationError(errors)


def _duplicate_of(
    agency: Agency, values: dict[str, Any], exclude: Plan | None, original: bytes | None
) -> Plan | None:
    return plan_duplicate_find(
        agency_id=agency.pk,
        number=values["number"],
        symbol=values["symbol"],
        issued_on=values["issued_on"],
        file_hash=content_hash(original) if original and exclude is None else "",
        exclude_id=exclude.pk if exclude is not None else None,
    )


def _diff(before: dict[str, Any], after: dict[str, Any]) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    for key in HEADER_FIELDS:
        if str(before.get(key) or "") != str(after.get(key) or ""):
            changes.append(
                {
                    "what": f"plan.{key}",
                    "before": str(before.get(key) or ""),
                    "after": str(after.get(key) or ""),
                }
            )
    return changes


def _save_references(plan: Plan, basis: tuple[DocRef, ...], supersedes: DocRef | None) -> None:
    plan.references.all().delete()
    rows = [(ReferenceRelation.BASIS, ref) for ref in basis]
    if supersedes is not None:
        rows.append((ReferenceRelation.SUPERSEDES, supersedes))
    for order, (relation, ref) in enumerate(rows):
        target = _find_plan(ref.number, ref.symbol, ref.issued_on)
        if target is not None and target.pk == plan.pk:
            target = None
        PlanReference.objects.create(
            plan=plan,
            relation=relation,
            kind=ref.kind[:32],
            number=(ref.number or "")[:16],
            symbol=(ref.symbol or "")[:64],
            issued_on=ref.issued_on,
            issuer=(ref.issuer or "")[:255],
            title=ref.title or "",
            target=target,
            order=order,
        )
        if relation == ReferenceRelation.SUPERSEDES and target is not None:
            _mark_superseded(plan, target)


def _mark_superseded(newer: Plan, older: Plan) -> None:
    Plan.objects.filter(pk=newer.pk).update(supersedes=older)
    newer.supersedes = older
    if older.status != PlanStatus.SUPERSEDED:
        older.status = PlanStatus.SUPERSEDED
        older.save(update_fields=["status", "updated_at"])
        versioned_touch(Plan.objects.filter(pk=older.pk))  # an open edit form must not set the status back


def _link_waiting_references(plan: Plan) -> None:
    """References in other plans that name this one, saved before it existed, now point to it."""
    if not plan.number or not plan.symbol:
        return
    waiting = PlanReference.objects.filter(target__isnull=True, symbol__iexact=plan.symbol).exclude(plan=plan)
    for reference in waiting.select_related("plan"):
        if clean_plan_number(reference.number) != clean_plan_number(plan.number):
            continue
        if reference.issued_on and plan.issued_on and reference.issued_on != plan.issued_on:
            continue
        reference.target = plan
        reference.save(update_fields=["target"])
        if reference.relation == ReferenceRelation.SUPERSEDES:
            _mark_superseded(reference.plan, plan)


def _save_objectives(plan: Plan, result: PlanParseResult) -> dict[str, Objective]:
    """Objectives and targets of an import, matched by ref, written with the bulk paths."""
    areas = {area.code: area for area in ReformArea.objects.all()}
    existing = {objective.ref: objective for objective in plan.objectives.all()}
    kept: dict[str, Objective] = {}
    new: list[Objective] = []
    for order, parsed in enumerate(result.objectives):
        objective = existing.pop(parsed.ref, None)
        if objective is None:
            objective = Objective(plan=plan, ref=parsed.ref[:32])
            new.append(objective)
        objective.area = areas.get(parsed.area or "")
        objective.text = parsed.text
        objective.order = order
        kept[parsed.ref] = objective
    Objective.objects.bulk_create(new, batch_size=500)
    Objective.objects.bulk_update([o for o in kept.values() if o not in new], ["area", "text", "order"])
    Objective.objects.filter(pk__in=[o.pk for o in existing.values()]).delete()
    # Targets are updated in place so that a confirmed link to a catalogue indicator survives a re-import.
    existing_targets = {t.objective_id: t for t in Target.objects.filter(objective__plan=plan)}
    to_create, to_update = [], []
    for parsed in result.objectives:
        objective = kept[parsed.ref]
        target = existing_targets.pop(objective.pk, None)
        if parsed.target is None:
            if target is not None:
                existing_targets[objective.pk] = target  # no longer a target: removed below
            continue
        values = {
            "comparator": parsed.target.comparator,
            "value": parsed.target.value,
            "unit": (parsed.target.unit or "")[:64],
            "baseline": (parsed.target.baseline or "")[:255],
            "baseline_kind": (parsed.target.baseline_kind or "")[:32],
            "baseline_year": parsed.target.baseline_year,
            "text": parsed.target.text,
        }
        if target is None:
            to_create.append(Target(objective=objective, **values))
        else:
            for field, value in values.items():
                setattr(target, field, value)
            to_update.append(target)
    Target.objects.bulk_create(to_create)
    Target.objects.bulk_update(
        to_update, ["comparator", "value", "unit", "baseline", "baseline_kind", "baseline_year", "text"]
    )
    Target.objects.filter(pk__in=[t.pk for t in existing_targets.values()]).delete()
    return kept


def _propose_indicator_links(plan: Plan) -> None:
    """The importer proposes which catalogue indicator each target measures; the focal point confirms."""
    from apps.indicators.services import target_links_propose

    target_links_propose(plan=plan)


@transaction.atomic
def plan_save_from_parse(
    *,
    agency: Agency,
    result: PlanParseResult,
    user: Any = None,
    replaces: Plan | None = None,
    original: bytes | None = None,
    original_name: str = "",
    lead_overrides: dict[str, int | None] | None = None,
) -> Plan:
    """Save a parsed plan: new, or a new version of `replaces`; every part in one transaction."""
    values = _header_values(result)
    _validate_header(values)
    duplicate = _duplicate_of(agency, values, exclude=replaces, original=original)
    if duplicate is not None:
        raise DuplicatePlan(duplicate)
    if replaces is not None:
        plan = Plan.objects.select_for_update().get(pk=replaces.pk)
        if plan.agency_id != agency.pk:
            raise ValidationError("Kế hoạch được cập nhật phải thuộc cùng cơ quan.")
        before = {key: getattr(plan, key) for key in HEADER_FIELDS}
        for key, value in values.items():
            setattr(plan, key, value)
        plan.revision += 1
        versioned_save(plan)  # an edit form opened before the new file is now stale
        changes = _diff(before, values)
    else:
        plan = Plan.objects.create(agency=agency, created_by=user, status=PlanStatus.ISSUED, **values)
        changes = []
    _save_references(plan, result.basis, result.plan.supersedes)
    _link_waiting_references(plan)
    objectives = _save_objectives(plan, result)
    rows = preview_tasks(result, agency)
    units = {unit.pk: unit for unit in Unit.objects.filter(agency=agency)}
    changes += task_sync_from_import(
        plan=plan,
        rows=rows,
        objectives=objectives,
        units=units,
        lead_overrides=lead_overrides or {},
    )
    occurrences_sync_for_plan(plan=plan)
    _propose_indicator_links(plan)
    version = PlanVersion(
        plan=plan,
        number=plan.revision,
        snapshot=to_json_dict(result),
        changes=changes,
        created_by=user,
        original_name=original_name[:255],
        content_hash=content_hash(original) if original is not None else "",
    )
    if original is not None:
        version.original_file.save(_stored_name(original), ContentFile(original), save=False)
    version.save()
    return plan


def _stored_name(original: bytes) -> str:
    """Name given to storage: only the extension survives, that of what the plan file is (it passed the gate
    as .docx, .pdf or .txt)."""
    extension = {Kind.PDF: "pdf", Kind.ZIP: "docx", Kind.TEXT: "txt"}.get(sniff(original[:65536]), "bin")
    return f"ke-hoach.{extension}"


@transaction.atomic
def plan_import_confirm(
    *, plan_import: PlanImport, user: Any, corrections: dict[str, Any], replaces: Plan | None = None
) -> Plan:
    """Save the previewed plan with the focal point's corrections; a second confirm changes nothing.

    `replaces` is the existing plan the focal point chose to update when the file repeats it."""
    locked = PlanImport.objects.select_for_update().get(pk=plan_import.pk)
    if locked.status == ImportStatus.CONFIRMED and locked.plan is not None:
        return locked.plan
    if locked.status != ImportStatus.PENDING:
        raise ValidationError("Lần nhập này đã bị hủy; hãy tải tệp lên lại.")
    result = apply_corrections(plan_import_parse(plan_import=locked), corrections)
    with locked.uploaded_file.open("rb") as handle:
        original = handle.read()
    plan = plan_save_from_parse(
        agency=locked.agency,
        result=result,
        user=user,
        replaces=replaces or locked.replaces_plan,
        original=original,
        original_name=locked.original_name,
        lead_overrides=corrections.get("leads") or {},
    )
    locked.status = ImportStatus.CONFIRMED
    locked.plan = plan
    locked.replaces_plan = replaces or locked.replaces_plan
    locked.save(update_fields=["status", "plan", "replaces_plan"])
    return plan


@transaction.atomic
def plan_import_cancel(*, plan_import: PlanImport) -> None:
    PlanImport.objects.filter(pk=plan_import.pk, status=ImportStatus.PENDING).update(
        status=ImportStatus.CANCELLED
    )


@transaction.atomic
def plan_update(*, plan: Plan, expected_version: int | None = None, **changes: Any) -> Plan:
    """Edit a plan's header; refused when someone saved it (or imported a new file) since it was read."""
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    version_check(plan, expected_version)
    for key, value in changes.items():
        setattr(plan, key, value)
    if plan.period_start and plan.period_end and plan.period_end < plan.period_start:
        raise ValidationError({"period_end": "Ngày kết thúc thời kỳ phải sau ngày bắt đầu."})
    plan.full_clean()
    versioned_save(plan, expected_version=expected_version)
    _link_waiting_references(plan)
    return plan
