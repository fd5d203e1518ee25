"""A stored plan as the values the Nghị định 30 document writer takes."""

from __future__ import annotations

from apps.plans.models import Plan
from domain.documents.plan_docx import PlanDocObjective, PlanDocTask, PlanDocument, plan_to_docx


def plan_document(*, plan: Plan) -> PlanDocument:
    agency = plan.agency
    governing = agency.parent.name if agency.parent else None
    issuing = agency.short_name or agency.name
    basis = tuple(
        " ".join(
            part
            for part in (
                "Căn cứ",
                (r.kind_label or "văn bản"),
                f"số {r.label}" if r.label else "",
                f"ngày {r.issued_on:%d/%m/%Y}" if r.issued_on else "",
                f"của {r.issuer}" if r.issuer else "",
                r.title,
            )
            if part
        )
        + ";"
        for r in plan.references.filter(relation="basis").order_by("order")
    )
    objectives = tuple(
        PlanDocObjective(
            ref=o.ref,
            area_name=o.area.name if o.area else None,
            text=o.text,
            target=o.target.display if hasattr(o, "target") else None,
        )
        for o in plan.objectives.select_related("area", "target")
    )
    tasks = tuple(
        PlanDocTask(
            ref=t.ref,
            kind=t.kind,
            parent_ref=t.parent.ref if t.parent else None,
            objective_ref=t.objective.ref if t.objective else None,
            area_name=t.area.name if t.area else None,
            title=t.title,
            lead=t.lead_text,
            cooperating=t.cooperating_text,
            timeline=t.timeline_raw,
            deliverable=t.deliverable,
            note=t.note,
        )
        for t in plan.tasks.select_related("parent", "objective", "area").order_by("order")
    )
    return PlanDocument(
        governing_body=governing,
        issuing_body=issuing,
        number=plan.number or None,
        symbol=plan.symbol or None,
        place=plan.place or agency.place_name,
        issued_on=plan.issued_on,
        year=plan.year,
        title=plan.title,
        basis=basis,
        objectives=objectives,
        tasks=tasks,
        signer_title=plan.signer_title or None,
        signer=plan.signer or None,
        recipients=tuple(plan.recipients),
    )


def plan_docx_bytes(*, plan: Plan) -> bytes:
    return plan_to_docx(plan_document(plan=plan))
