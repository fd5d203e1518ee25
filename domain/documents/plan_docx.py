"""A plan exported to Word: the plan text and its "06 rõ" appendix, in the format of Nghị định 30/2020/NĐ-CP.

The body carries the basis, the objectives grouped by reform area and a pointer to the appendix; the
appendix, on a landscape page, assigns each task under the "06 rõ" rule (rõ người, rõ việc, rõ thời
gian, rõ trách nhiệm, rõ sản phẩm, rõ thẩm quyền) with the columns of seed 001 (STT · Nhiệm vụ · Chủ trì
· Phối hợp · Thời gian · Sản phẩm/Kết quả) plus Ghi chú from seed 003, whose tree Lĩnh vực → Nhiệm vụ →
Hoạt động becomes group rows per area and activity rows under their task.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Literal, TypeVar

import docx
from docx.document import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Length

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.nd30 import (
    FIRST_LINE_INDENT,
    DocumentHeader,
    SignatureBlock,
    add_document_header,
    add_landscape_section,
    add_paragraph,
    add_signature_block,
    add_title,
    setup_document,
)
from domain.documents.nd30_text import GAP, clean, document_reference
from domain.vntext import fold

__all__ = [
    "APPENDIX_COLUMNS",
    "AppendixRow",
    "PlanDocObjective",
    "PlanDocTask",
    "PlanDocument",
    "appendix_rows",
    "objective_line",
    "plan_to_docx",
]

TYPE_NAME = "KẾ HOẠCH"
KIND = "Kế hoạch"
APPENDIX_TITLE = "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH (THEO NGUYÊN TẮC “06 RÕ”)"
ASSIGNMENT_TEXT = (
    "Nhiệm vụ cụ thể, đơn vị chủ trì, đơn vị phối hợp, thời gian thực hiện và sản phẩm, kết quả của "
    "từng nhiệm vụ được phân công theo nguyên tắc “06 rõ” tại Phụ lục kèm theo Kế hoạch này./."
)
_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
# 25.1 cm: the text width of A4 landscape with the 30 mm / 15 mm margins is 25.2 cm.
APPENDIX_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Nhiệm vụ", Cm(7.3)),
    GridColumn("Chủ trì", Cm(3.2)),
    GridColumn("Phối hợp", Cm(3.5)),
    GridColumn("Thời gian", Cm(2.6), _CENTER),
    GridColumn("Sản phẩm/Kết quả", Cm(4.8)),
    GridColumn("Ghi chú", Cm(2.5)),
)
_ACTIVITY_INDENT: Length = Cm(0.4)
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip

_Item = TypeVar("_Item")


@dataclass(frozen=True)
class PlanDocTask:
    """A task ("task") or an activity under a task ("activity", with ``parent_ref``) of the appendix."""

    ref: str
    kind: str  # "task" | "activity"
    parent_ref: str | None
    objective_ref: str | None
    area_name: str | None
    title: str
    lead: str
    cooperating: str
    timeline: str
    deliverable: str
    note: str = ""


@dataclass(frozen=True)
class PlanDocObjective:
    """An objective; ``target`` is already formatted for reading, e.g. "≥ 98%"."""

    ref: str
    area_name: str | None
    text: str
    target: str | None


@dataclass(frozen=True)
class PlanDocument:
    """Everything the exported plan shows. Any field may be empty: the gap is printed, never refused."""

    governing_body: str | None  # "UBND tỉnh Đắk Lắk", printed in capitals
    issuing_body: str  # "Sở Xây dựng"
    number: str | None  # "13"; None → "Số:      /KH-SXD"
    symbol: str | None  # "KH-SXD"
    place: str
    issued_on: date | None
    year: int | None
    title: str  # the subject line
    basis: tuple[str, ...]  # "Thực hiện Kế hoạch số 266/KH-UBND ngày 23/6/2026 của UBND tỉnh về …"
    objectives: tuple[PlanDocObjective, ...]
    tasks: tuple[PlanDocTask, ...]
    signer_title: str | None  # "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"; " / " separates the printed lines
    signer: str | None
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class AppendixRow:
    """One row of the appendix table: an area heading, a task or an activity under the task above."""

    kind: Literal["area", "task", "activity"]
    number: str  # "I" for an area, "3" for a task, "3.1" for its first activity
    cells: tuple[str, ...]  # the area name alone, or title, lead, cooperating, timeline, deliverable, note


def _roman(number: int) -> str:
    digits: list[str] = []
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        digits.append(numeral * count)
    return "".join(digits)


def _area(name: str | None) -> str:
    return " ".join(clean(name).split())


def _group_by_area(items: Sequence[_Item], area_of: Callable[[_Item], str]) -> list[tuple[str, list[_Item]]]:
    """Items in groups by area, areas in order of first appearance, the items without an area first.

    Areas are matched without case or accents, so "Cải cách thể chế" and "cải cách thể chế" are one.
    """
    groups: dict[str, tuple[str, list[_Item]]] = {"": ("", [])}
    for item in items:
        name = area_of(item)
        groups.setdefault(fold(name) if name else "", (name, []))[1].append(item)
    return [group for group in groups.values() if group[1]]


def _task_cells(task: PlanDocTask, *, activity: bool) -> tuple[str, ...]:
    title = clean(task.title).strip()
    return (
        f"- {title}" if activity else title,
        task.lead,
        task.cooperating,
        task.timeline,
        task.deliverable,
        task.note,
    )


def appendix_rows(tasks: Sequence[PlanDocTask]) -> list[AppendixRow]:
    """The appendix rows in order: per area (I, II, …) its tasks (1, 2, …), each followed by its activities.

    An activity belongs under the first task whose ref is its ``parent_ref``; one without such a task is
    kept as a row of its own rather than dropped. Tasks are numbered within their area when the plan has
    areas (as in seed 003), straight through otherwise (as in seed 001); in a plan with areas, the tasks
    that have none come first, before the row of area I.
    """
    parents: dict[str, PlanDocTask] = {}
    for task in tasks:
        if task.kind != "activity":
            parents.setdefault(task.ref, task)
    children: dict[str, list[PlanDocTask]] = {}
    tops: list[PlanDocTask] = []
    for task in tasks:
        if task.kind == "activity" and task.parent_ref is not None and task.parent_ref in parents:
            children.setdefault(task.parent_ref, []).append(task)
        else:
            tops.append(task)
    rows: list[AppendixRow] = []
    area_count = 0
    for name, members in _group_by_area(tops, lambda task: _area(task.area_name)):
        if name:
            area_count += 1
            rows.append(AppendixRow("area", _roman(area_count), (name,)))
        for position, task in enumerate(members, start=1):
            rows.append(AppendixRow("task", str(position), _task_cells(task, activity=False)))
            # Only a top-level task owns activities; the same object may appear twice in the input.
            owned = children.pop(task.ref, []) if parents.get(task.ref) is task else []
            for sub, activity in enumerate(owned, start=1):
                rows.append(
                    AppendixRow("activity", f"{position}.{sub}", _task_cells(activity, activity=True))
                )
    return rows


def objective_line(objective: PlanDocObjective) -> str:
    """ "- Tỷ lệ hồ sơ giải quyết đúng và trước hạn (≥ 98%)": the target in parentheses when given."""
    text = " ".join(clean(objective.text).split()) or GAP
    target = " ".join(clean(objective.target).split())
    return f"- {text} ({target})" if target else f"- {text}"


def _header(doc: PlanDocument) -> DocumentHeader:
    return DocumentHeader(
        governing_body=doc.governing_body,
        issuing_body=doc.issuing_body,
        number=doc.number,
        symbol=doc.symbol,
        place=doc.place,
        issued_on=doc.issued_on,
        year=doc.year,
    )


def _heading(document: Document, text: str) -> None:
    add_paragraph(document, text, bold=True, first_line_indent=FIRST_LINE_INDENT, keep_with_next=True)


def _add_objectives(document: Document, objectives: Sequence[PlanDocObjective]) -> None:
    _heading(document, "I. MỤC TIÊU")
    if not objectives:
        add_paragraph(document, f"- {GAP}", first_line_indent=FIRST_LINE_INDENT)
    groups = _group_by_area(objectives, lambda objective: _area(objective.area_name))
    numbered = 0
    for name, members in groups:
        if name:
            numbered += 1
            _heading(document, f"{numbered}. {name}")
        for objective in members:
            add_paragraph(document, objective_line(objective), first_line_indent=FIRST_LINE_INDENT)


def _add_appendix(document: Document, doc: PlanDocument) -> None:
    add_landscape_section(document)
    add_paragraph(document, "PHỤ LỤC", bold=True, align=_CENTER, keep_with_next=True)
    add_paragraph(document, APPENDIX_TITLE, bold=True, align=_CENTER, keep_with_next=True)
    reference = document_reference(
        KIND,
        number=doc.number,
        symbol=doc.symbol,
        issued_on=doc.issued_on,
        year=doc.year,
        issuer=doc.issuing_body,
    )
    add_paragraph(document, f"(Kèm theo {reference})", italic=True, align=_CENTER, keep_with_next=True)
    table = add_grid_table(document, APPENDIX_COLUMNS)
    for row in appendix_rows(doc.tasks):
        if row.kind == "area":
            add_grid_row(table, APPENDIX_COLUMNS, (row.number, *row.cells), bold=True, span_from=1)
            continue
        indents = {1: _ACTIVITY_INDENT} if row.kind == "activity" else None
        add_grid_row(table, APPENDIX_COLUMNS, (row.number, *row.cells), indents=indents)


def plan_to_docx(doc: PlanDocument) -> bytes:
    """The plan as a .docx file: the plan on A4 portrait pages, the task appendix on landscape ones."""
    document = docx.Document()
    setup_document(document, title=doc.title, author=doc.issuing_body)
    add_document_header(document, _header(doc))
    add_title(document, TYPE_NAME, doc.title)
    for sentence in doc.basis:
        if clean(sentence).strip():
            add_paragraph(document, clean(sentence).strip(), first_line_indent=FIRST_LINE_INDENT)
    _add_objectives(document, doc.objectives)
    _heading(document, "II. PHÂN CÔNG THỰC HIỆN")
    add_paragraph(document, ASSIGNMENT_TEXT, first_line_indent=FIRST_LINE_INDENT)
    add_signature_block(document, SignatureBlock(doc.signer_title, doc.signer, doc.recipients))
    _add_appendix(document, doc)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
