"""A person's rating sheet of a period (Phiếu đánh giá, xếp loại chất lượng công chức) as .docx: this module
shapes a ``PersonSheet`` into the plain values of ``domain.documents.rating_docx``, which lays the page out.

A decided rating shows what was frozen at the decision — its a, b, c, points, grade and the products kept in
``Rating.evidence`` — not the register as it reads today; an open one shows the products read live.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from domain.documents.rating_docx import ProductLine, RatingSheet, Signature, rating_sheet_docx
from domain.ratings.rules import ND335

from .choices import TaskGroup, Violation
from .products import RegisterProduct
from .sheets import PersonSheet

__all__ = ["frozen_products", "rating_sheet", "sheet_to_docx", "signer_name"]


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return timezone.localdate(value)


def _decimal(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return Decimal(0)


def signer_name(user: Any) -> str | None:
    """The name a signature block prints for a user: their staff record's name, else their account's."""
    if user is None:
        return None
    person = getattr(user, "person", None)
    if person is not None:
        return str(person.full_name)
    return str(user.get_full_name() or user.get_username())


def frozen_products(sheet: PersonSheet) -> list[ProductLine] | None:
    """The products kept with a decided rating, or None when the sheet is open (or nothing was kept). The
    acceptance date is not among the frozen fields: it is taken from the register by the product's key."""
    rating = sheet.rating
    if rating is None or not rating.is_decided or not rating.evidence:
        return None
    live: dict[str, RegisterProduct] = {p.product.key: p for p in sheet.products}
    lines = []
    for item in rating.evidence:
        found = live.get(str(item.get("key", "")))
        accepted = item.get("accepted_on", found.accepted_on if found is not None else None)
        lines.append(
            ProductLine(
                title=str(item.get("title", "")),
                due_on=_day(item.get("due_on")),
                completed_on=_day(item.get("completed_on")),
                accepted_on=_day(accepted),
                units=_decimal(item.get("units", 1)),
                quantity=_decimal(item.get("quantity", 0)),
                quality=_decimal(item.get("quality", 0)),
                timeliness=_decimal(item.get("timeliness", 0)),
                losses=tuple(str(loss) for loss in item.get("losses", ())),
            )
        )
    return lines


def _live_products(sheet: PersonSheet) -> list[ProductLine]:
    return [
        ProductLine(
            title=p.product.title,
            due_on=p.due_on,
            completed_on=p.completed_on,
            accepted_on=p.accepted_on,
            units=p.product.units,
            quantity=s.quantity,
            quality=s.quality,
            timeliness=s.timeliness,
            losses=s.losses + ((f"nguyên nhân khách quan: {p.exempt_reason}",) if p.exempt_reason else ()),
        )
        for p, s in zip(sheet.products, sheet.scores, strict=True)
    ]


def _grade_note(sheet: PersonSheet) -> str:
    computed = sheet.grade.code if sheet.grade is not None else ""
    if sheet.final_grade and computed and sheet.final_grade != computed:
        return sheet.final_note
    if sheet.rating is not None and sheet.rating.violations and sheet.grade is not None:
        return sheet.grade.explanation
    return ""


def rating_sheet(sheet: PersonSheet) -> RatingSheet:
    """The values of the document from a person's sheet (``person_sheet``)."""
    person, rating, task = sheet.person, sheet.rating, sheet.task
    agency = person.agency
    leader = None
    if rating is not None and rating.task_group == TaskGroup.LEADER:
        parts = (rating.leader_d, rating.leader_dd, rating.leader_e)
        if all(part is not None for part in parts):
            leader = (Decimal(parts[0]), Decimal(parts[1]), Decimal(parts[2]))  # type: ignore[arg-type]
    group = rating.task_group if rating is not None else TaskGroup.STAFF
    products = frozen_products(sheet)
    notes = list(sheet.caveats)
    if task is not None and task.explanation:
        notes.append(f"Cách tính: {task.explanation}.")
    if sheet.general_is_self:
        notes.append("Tiêu chí chung mới có điểm tự chấm: tổng điểm tạm tính với điểm tự chấm.")
    decided = rating is not None and rating.is_decided
    return RatingSheet(
        governing_body=agency.parent.name if agency.parent_id and agency.parent else None,
        agency=agency.name,
        person=person.full_name,
        position=person.position,
        unit=person.unit.name if person.unit_id and person.unit else "",
        period_label=sheet.period.label,
        task_group=str(TaskGroup(group).label),
        self_general=rating.self_general if rating is not None else None,
        self_comment=rating.self_comment if rating is not None else "",
        general=rating.general_points if rating is not None else None,
        general_reason=rating.general_reason if rating is not None else "",
        violations=tuple(
            str(Violation(v).label) if v in Violation.values else str(v)
            for v in (rating.violations if rating is not None else ())
        ),
        violation_note=rating.violation_note if rating is not None else "",
        products=tuple(products if products is not None else _live_products(sheet)),
        a=task.a if task else None,
        b=task.b if task else None,
        c=task.c if task else None,
        task_points=task.points if task else None,
        leader_parts=leader,
        task_max=ND335.task_max,
        general_max=ND335.general_max,
        counted_general=sheet.general,
        total=sheet.total,
        grade=sheet.final_label,
        grade_note=_grade_note(sheet),
        decided=decided,
        signatures=(
            Signature("Người tự đánh giá", person.full_name, _day(rating.self_at) if rating else None),
            Signature(
                "Trưởng đơn vị",
                signer_name(rating.scored_by) if rating else None,
                _day(rating.scored_at) if rating else None,
            ),
            Signature(
                "Thủ trưởng cơ quan",
                signer_name(rating.decided_by) if rating and decided else None,
                _day(rating.decided_at) if rating and decided else None,
            ),
        ),
        notes=tuple(notes),
    )


def sheet_to_docx(sheet: PersonSheet) -> bytes:
    return rating_sheet_docx(rating_sheet(sheet))
