"""What the importer returns, and its JSON form for the preview screen and the API.

The dataclasses keep the rich values (``Schedule``, ``Target``, ``SixClearResult`` with reasons); the
JSON keeps exactly the fields the preview edits, with dates as ISO strings and numbers as numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from domain.plan_import.rubrics import Rubric
from domain.schedule import Schedule
from domain.six_clear import RULES, SixClearResult
from domain.targets import Target

__all__ = [
    "PLAN_TYPES",
    "AreaGroup",
    "DocRef",
    "ImportWarning",
    "ParsedObjective",
    "ParsedTask",
    "PlanHeader",
    "PlanParseResult",
    "rubric_json",
    "to_json_dict",
]

PLAN_TYPES = ("annual_reform", "par_sipas", "communication", "emulation", "inspection", "other")


@dataclass(frozen=True)
class DocRef:
    """A document cited by a plan: "Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh về …".

    ``kind`` is the document type in English (plan, decision, resolution, decree, circular, directive,
    official_letter, programme, guidance, notice, law, document).
    """

    number: str | None
    symbol: str | None
    issued_on: date | None
    issuer: str | None
    title: str | None
    kind: str


@dataclass(frozen=True)
class PlanHeader:
    """The plan's own identity as its header, title and signature block state it."""

    number: str | None
    symbol: str | None
    issued_on: date | None
    place: str | None
    issuer: str | None
    title: str | None
    type: str
    period_start: date | None
    period_end: date | None
    signer: str | None
    signer_title: str | None
    recipients: tuple[str, ...]
    supersedes: DocRef | None


@dataclass(frozen=True)
class ParsedObjective:
    """An objective (mục tiêu) with its reform area and the measurable target it states, if any."""

    ref: str
    area: str | None
    text: str
    target: Target | None


@dataclass(frozen=True)
class ParsedTask:
    """A task (nhiệm vụ) or activity (hoạt động) with its "06 rõ" columns and check.

    ``parent`` is the ref of the task an activity belongs to; ``objective`` the ref of the objective it
    serves; ``note`` the "Ghi chú" column.
    """

    ref: str
    kind: str
    parent: str | None
    objective: str | None
    area: str | None
    title: str
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    timeline: Schedule
    deliverable: str
    six_clear: SixClearResult
    note: str = ""


@dataclass(frozen=True)
class AreaGroup:
    """A heading row of a tree appendix ("I Công tác chỉ đạo điều hành (06 mục tiêu; …)") and its counts.

    ``declared`` holds the counts the heading states (objectives, tasks, activities; ``None`` where it
    states none), ``found`` what the importer read under it.
    """

    ref: str
    title: str
    area: str | None
    declared: tuple[int | None, int | None, int | None]
    found: tuple[int, int, int]


# What a warning's ``where`` code names, as the plan page calls it (the codes stay stable for the API).
WHERE_LABELS = {
    "document": "Văn bản",
    "plan.title": "Trích yếu",
    "plan.type": "Loại kế hoạch",
    "plan.number": "Số, ký hiệu",
    "plan.issued_on": "Ngày ban hành",
    "plan.place": "Địa danh",
    "plan.issuer": "Cơ quan ban hành",
    "plan.period": "Năm, giai đoạn",
    "plan.recipients": "Nơi nhận",
    "plan.signer": "Người ký",
    "plan.signer_title": "Chức vụ người ký",
    "plan.supersedes": "Văn bản thay thế",
    "objectives": "Mục tiêu, chỉ tiêu",
    "tasks": "Nhiệm vụ",
    "appendix": "Phụ lục",
}
WHERE_ITEM_LABELS = {
    "task": "Nhiệm vụ",
    "objective": "Mục tiêu",
    "appendix": "Phụ lục, mục",
    "group": "Lĩnh vực",
}


@dataclass(frozen=True)
class ImportWarning:
    """Something the importer could not read or had to infer; ``where`` names the field or item."""

    where: str
    message: str

    @property
    def where_label(self) -> str:
        """``where`` as a person reads it: "plan.issuer" → "Cơ quan ban hành", "task:3" → "Nhiệm vụ 3"."""
        if self.where in WHERE_LABELS:
            return WHERE_LABELS[self.where]
        kind, _, ref = self.where.partition(":")
        if ref and kind in WHERE_ITEM_LABELS:
            return f"{WHERE_ITEM_LABELS[kind]} {ref}"
        return "Văn bản"


@dataclass(frozen=True)
class PlanParseResult:
    """Everything read from one plan document."""

    plan: PlanHeader
    basis: tuple[DocRef, ...]
    objectives: tuple[ParsedObjective, ...]
    tasks: tuple[ParsedTask, ...]
    groups: tuple[AreaGroup, ...]
    warnings: tuple[ImportWarning, ...]
    source_format: str
    kind: str = "ke_hoach"  # the document kind, see ``kinds.py``
    rubrics: tuple[Rubric, ...] = ()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _ref_json(ref: DocRef) -> dict[str, Any]:
    return {
        "number": ref.number,
        "symbol": ref.symbol,
        "issued_on": _iso(ref.issued_on),
        "issuer": ref.issuer,
        "title": ref.title,
    }


def _target_json(target: Target | None) -> dict[str, Any] | None:
    if target is None:
        return None
    return {
        "comparator": target.comparator,
        "value": _number(target.value),
        "unit": target.unit,
        "baseline": target.baseline,
    }


def _task_json(task: ParsedTask) -> dict[str, Any]:
    return {
        "ref": task.ref,
        "kind": task.kind,
        "parent": task.parent,
        "objective": task.objective,
        "area": task.area,
        "title": task.title,
        "lead": list(task.lead),
        "cooperating": list(task.cooperating),
        "timeline": {
            "raw": task.timeline.raw,
            "start": _iso(task.timeline.start),
            "due": _iso(task.timeline.due),
            "recurrence": task.timeline.recurrence,
            "trigger": task.timeline.trigger,
        },
        "deliverable": task.deliverable,
        "six_clear": {rule: bool(task.six_clear.flags.get(rule, False)) for rule in RULES},
    }


def rubric_json(rubric: Rubric) -> dict[str, Any]:
    """A scoring table as the emulation work reads it: group, total and criteria with points and guide."""
    return {
        "group": rubric.group,
        "total_points": _number(rubric.total_points),
        "criteria": [
            {"code": c.code, "title": c.title, "points": _number(c.points), "guide": c.guide}
            for c in rubric.criteria
        ],
    }


def to_json_dict(result: PlanParseResult) -> dict[str, Any]:
    """The result as plain JSON-ready values (the shape the preview screen and the API use)."""
    plan = result.plan
    return {
        "kind": result.kind,
        "plan": {
            "number": plan.number,
            "symbol": plan.symbol,
            "issued_on": _iso(plan.issued_on),
            "place": plan.place,
            "issuer": plan.issuer,
            "title": plan.title,
            "type": plan.type,
            "period_start": _iso(plan.period_start),
            "period_end": _iso(plan.period_end),
            "signer": plan.signer,
            "signer_title": plan.signer_title,
            "recipients": list(plan.recipients),
            "supersedes": _ref_json(plan.supersedes) if plan.supersedes is not None else None,
        },
        "basis": [_ref_json(ref) for ref in result.basis],
        "objectives": [
            {"ref": o.ref, "area": o.area, "text": o.text, "target": _target_json(o.target)}
            for o in result.objectives
        ],
        "tasks": [_task_json(task) for task in result.tasks],
        "rubrics": [rubric_json(rubric) for rubric in result.rubrics],
        "warnings": [{"where": w.where, "message": w.message} for w in result.warnings],
    }
