"""Assigning the lead unit, the accountable person and the authority to many tasks at once.

A plan imported from a Word file names units as the document does and no person at all, so every task
starts short of "06 rõ" on "rõ trách nhiệm" and "rõ thẩm quyền" (the rule and its sources: domain/six_clear.py).
The focal point fixes a whole plan here in one pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.organizations.models import Person, Unit

from ..choices import SIX_CLEAR_LABELS
from ..models import Task
from .register import task_refresh_six_clear

BULK_LIMIT = 1000


@dataclass(frozen=True)
class BulkAssignResult:
    total: int
    changed: int
    six_clear: int
    missing: dict[str, int]  # rule not yet clear (“Rõ thời gian”) → how many tasks


@transaction.atomic
def task_bulk_assign(
    *,
    task_ids: list[int],
    lead_unit: Unit | None = None,
    accountable: Person | None = None,
    authority: Person | None = None,
    only_empty: bool = True,
) -> BulkAssignResult:
    """Give the chosen tasks (all of one agency) a lead unit, an accountable person and an authority.

    With `only_empty`, a task keeps what it already has and only its empty places are filled. Every task
    changed gets its "06 rõ" check recomputed, a new version and its own audit entry.
    """
    if not task_ids:
        raise ValidationError("Chưa chọn nhiệm vụ nào.")
    if len(task_ids) > BULK_LIMIT:
        raise ValidationError(f"Mỗi lần giao tối đa {BULK_LIMIT} nhiệm vụ; hãy lọc theo kế hoạch rồi giao.")
    if lead_unit is None and accountable is None and authority is None:
        raise ValidationError(
            "Hãy chọn ít nhất một trong: đơn vị chủ trì, người chịu trách nhiệm, người nghiệm thu."
        )
    tasks = list(
        Task.objects.select_for_update(of=("self",))
        .filter(pk__in=task_ids)
        .select_related("accountable", "authority")
        .order_by("pk")
    )
    agencies = {task.agency_id for task in tasks}
    if len(agencies) > 1:
        raise ValidationError(
            "Các nhiệm vụ đã chọn thuộc nhiều cơ quan; hãy lọc theo một cơ quan hoặc một kế hoạch rồi chọn lại."
        )
    agency_id = agencies.pop() if agencies else None
    for field, chosen in (("lead_unit", lead_unit), ("accountable", accountable), ("authority", authority)):
        if chosen is not None and chosen.agency_id != agency_id:
            raise ValidationError({field: "Phải thuộc cùng cơ quan với các nhiệm vụ đã chọn."})
    changed = 0
    for task in tasks:
        leads = list(task.lead_units.all())
        touched = False
        if lead_unit is not None and (not only_empty or not leads) and leads != [lead_unit]:
            task.lead_units.set([lead_unit])
            task.lead_text = lead_unit.name[:255]
            task.lead_is_group = False
            task.unknown_units = []
            touched = True
        for field, person in (("accountable", accountable), ("authority", authority)):
            current = getattr(task, f"{field}_id")
            if person is not None and (not only_empty or current is None) and current != person.pk:
                setattr(task, field, person)
                touched = True
        if touched:
            task_refresh_six_clear(task)
            task.version += 1
            task.save()
            changed += 1
    missing: dict[str, int] = {}
    for task in tasks:
        for rule in task.six_clear_reasons:
            label = str(SIX_CLEAR_LABELS.get(rule, rule))
            missing[label] = missing.get(label, 0) + 1
    return BulkAssignResult(
        total=len(tasks),
        changed=changed,
        six_clear=sum(1 for task in tasks if task.is_six_clear),
        missing=dict(sorted(missing.items(), key=lambda item: -item[1])),
    )
