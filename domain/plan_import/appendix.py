"""The appendix task table(s): a flat "06 rõ" list or a tree Lĩnh vực → Mục tiêu → Nhiệm vụ → Hoạt động.

Tables come from Word and PDF cells (``table_rows.py``) or from the cell-by-cell text layout
(``text_table.py``); both end up as ``TableRows``: rows of cell texts keyed by column name, ``None`` for a
cell merged with the one above. A row that continues the one before it is merged into it: in a flat table
any row without a number, in a tree a row at the top of a page (after a repeated header) that has no
number and no "Mục tiêu / Nhiệm vụ / Hoạt động N" of its own.

Refs: a flat table keeps its STT ("1" … "35"). In a tree, under the area heading with roman numeral R,
objective N is "R.N", task N is "R.NVN" and activity N is "R.HĐN" ("I.1", "I.NV1", "I.HĐ1"); without an
area heading R is "PL". Activities have the task as ``parent`` and the objective as ``objective``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from domain.plan_import.layout import join_text
from domain.plan_import.result import AreaGroup, ImportWarning, ParsedObjective, ParsedTask
from domain.plan_import.table_rows import HEADING, TableRows, TreeRow
from domain.plan_import.tasks import TaskContext, TaskFields, make_task
from domain.reform_areas import area_from_text
from domain.targets import parse_target
from domain.vntext import fold

__all__ = ["AppendixResult", "build_appendix"]

_MARKER = re.compile(r"^(?P<kind>mục tiêu|nhiệm vụ|hoạt động)\s*(?P<number>\d{1,3})\s*[:.\-–)]?\s*", re.I)
_COUNTS = re.compile(r"\(([^()]*\b(?:mục tiêu|nhiệm vụ|hoạt động)\b[^()]*)\)\s*$", re.I)


@dataclass
class AppendixResult:
    """Objectives, tasks and area groups read from the appendix tables."""

    objectives: list[ParsedObjective] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    groups: list[AreaGroup] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


def _has_marker(row: TreeRow) -> bool:
    return any(_MARKER.match(row.cells.get(name) or "") for name in ("objective", "task", "activity"))


def _merge_continuations(table: TableRows, tree: bool) -> list[TreeRow]:
    """Rows with continuation rows folded into the row they continue."""
    merged: list[TreeRow] = []
    for row in table.rows:
        number = row.cells.get("no")
        continues = (
            merged
            and row.heading is None
            and merged[-1].heading is None
            and not (number and number.strip())
            and (not tree or (row.segment_start and not _has_marker(row)))
        )
        if continues:
            previous = merged[-1]
            for name, text in row.cells.items():
                if text:
                    previous.cells[name] = join_text(previous.cells.get(name) or "", text)
        else:
            merged.append(
                TreeRow(cells=dict(row.cells), heading=row.heading, segment_start=row.segment_start)
            )
    return merged


def _declared(heading_text: str) -> tuple[int | None, int | None, int | None]:
    counts: dict[str, int] = {}
    match = _COUNTS.search(heading_text)
    if match:
        for number, word in re.findall(r"(\d+)\s*(mục tiêu|nhiệm vụ|hoạt động)", match[1], re.I):
            counts[fold(word)] = int(number)
    return counts.get("muc tieu"), counts.get("nhiem vu"), counts.get("hoat dong")


def _strip_marker(text: str) -> tuple[int | None, str]:
    match = _MARKER.match(text)
    if not match:
        return None, text.strip()
    return int(match["number"]), text[match.end() :].strip()


def build_appendix(tables: list[TableRows], context: TaskContext) -> AppendixResult:
    """Tasks (and, for a tree, objectives and area groups) from every task table."""
    result = AppendixResult()
    for table in tables:
        result.warnings.extend(table.warnings)
        missing = [label for name, label in _REQUIRED if name not in table.columns]
        if missing:
            result.warnings.append(
                ImportWarning("appendix", f"Bảng phân công nhiệm vụ không có cột {', '.join(missing)}.")
            )
        tree = bool({"objective", "activity"} & set(table.columns))
        rows = _merge_continuations(table, tree)
        if tree:
            _TreeBuilder(result, context).build(rows)
        else:
            _build_flat(rows, result, context)
    return result


_REQUIRED = (
    ("lead", "“Chủ trì”"),
    ("time", "“Thời gian”"),
    ("deliverable", "“Sản phẩm/Kết quả”"),
)


def _fields(cells: dict[str, str | None]) -> dict[str, str]:
    return {name: cells.get(name) or "" for name in ("lead", "cooperating", "time", "deliverable", "note")}


def _blank_warnings(ref: str, cells: dict[str, str | None], columns: list[str]) -> list[ImportWarning]:
    labels = {"lead": "đơn vị chủ trì", "time": "thời gian thực hiện", "deliverable": "sản phẩm, kết quả"}
    blank = [
        label for name, label in labels.items() if name in columns and not (cells.get(name) or "").strip()
    ]
    if not blank:
        return []
    return [ImportWarning(f"task:{ref}", f"Chưa ghi {', '.join(blank)}.")]


def _build_flat(rows: list[TreeRow], result: AppendixResult, context: TaskContext) -> None:
    area: str | None = None
    seen: set[str] = {t.ref for t in result.tasks}
    columns = list(rows[0].cells) if rows else []
    for index, row in enumerate(rows, start=1):
        if row.heading is not None:
            area = area_from_text(row.heading)
            continue
        number = (row.cells.get("no") or "").strip().rstrip(".")
        ref = number or str(index)
        if not number:
            result.warnings.append(
                ImportWarning(f"task:{ref}", "Dòng không có số thứ tự; đã đánh số theo vị trí.")
            )
        if ref in seen:
            result.warnings.append(ImportWarning(f"task:{ref}", f"Số thứ tự {ref} bị trùng; đã thêm hậu tố."))
            ref = f"{ref}.{index}"
        seen.add(ref)
        title = row.cells.get("task") or row.cells.get("activity") or ""
        if not title.strip():
            result.warnings.append(ImportWarning(f"task:{ref}", "Dòng không ghi tên nhiệm vụ."))
        fields = TaskFields(
            ref=ref,
            kind="task",
            title=title,
            area=area or area_from_text(title),
            accountable=row.cells.get("accountable") or None,
            authority=row.cells.get("authority") or None,
            **_fields(row.cells),
        )
        task, warnings = make_task(context, fields)
        result.tasks.append(task)
        result.warnings.extend(_blank_warnings(ref, row.cells, columns))
        result.warnings.extend(warnings)


@dataclass
class _Group:
    ref: str
    title: str
    area: str | None
    declared: tuple[int | None, int | None, int | None]
    objectives: int = 0
    tasks: int = 0
    activities: int = 0


class _TreeBuilder:
    """Walks the rows of a tree table keeping the current area, objective and task."""

    def __init__(self, result: AppendixResult, context: TaskContext) -> None:
        self.result = result
        self.context = context
        self.group: _Group | None = None
        self.groups: list[_Group] = []
        self.objective: str | None = None
        self.objective_text: str | None = None
        self.task: TaskFields | None = None
        self.task_text: str | None = None
        self.entries: list[TaskFields] = []
        self.activities: dict[str, list[TaskFields]] = {}
        self.refs: set[str] = set()

    def _ref(self, kind: str, number: int | None, counter: int) -> str:
        prefix = self.group.ref if self.group else "PL"
        ref = f"{prefix}.{kind}{number if number is not None else counter}"
        if ref in self.refs:
            self.result.warnings.append(
                ImportWarning(f"appendix:{ref}", f"Số hiệu {ref} bị trùng; đã thêm hậu tố.")
            )
            ref = f"{ref}-{len(self.refs)}"
        self.refs.add(ref)
        return ref

    def _area(self, text: str) -> str | None:
        return self.group.area if self.group and self.group.area else area_from_text(text)

    def build(self, rows: list[TreeRow]) -> None:
        for row in rows:
            if row.heading is not None:
                self._start_group(row.heading)
                continue
            self._row(row)
        self._finish()

    def _start_group(self, heading: str) -> None:
        match = HEADING.match(heading)
        assert match is not None
        title = _COUNTS.sub("", match["title"]).strip()
        self.group = _Group(match["roman"], title, area_from_text(title), _declared(heading))
        self.groups.append(self.group)
        self.objective = self.objective_text = None
        self.task = None
        self.task_text = None

    def _row(self, row: TreeRow) -> None:
        cells = row.cells
        objective_text = cells.get("objective")
        if objective_text and objective_text != self.objective_text:
            self._objective(objective_text, row)
        task_text = cells.get("task")
        activity_text = cells.get("activity")
        if task_text and task_text != self.task_text:
            self._task(task_text, cells if not activity_text else {})
        if activity_text:
            self._activity(activity_text, cells)

    def _objective(self, text: str, row: TreeRow) -> None:
        number, body = _strip_marker(text)
        counter = (self.group.objectives if self.group else len(self.result.objectives)) + 1
        ref = self._ref("", number, counter)
        if self.group:
            self.group.objectives += 1
        written = (row.cells.get("no") or "").strip().rstrip(".")
        if number is not None and written.isdigit() and int(written) != number:
            self.result.warnings.append(
                ImportWarning(f"objective:{ref}", f"Số thứ tự {written} không khớp với “Mục tiêu {number}”.")
            )
        self.objective, self.objective_text = ref, text
        self.result.objectives.append(
            ParsedObjective(ref=ref, area=self._area(body), text=body, target=parse_target(body))
        )

    def _task(self, text: str, cells: dict[str, str | None]) -> None:
        number, body = _strip_marker(text)
        counter = (self.group.tasks if self.group else 0) + 1
        if self.group:
            self.group.tasks += 1
        ref = self._ref("NV", number, counter)
        fields = TaskFields(
            ref=ref,
            kind="task",
            title=body,
            objective=self.objective,
            area=self._area(body),
            **_fields(cells),
        )
        self.task, self.task_text = fields, text
        self.entries.append(fields)
        self.activities[ref] = []

    def _activity(self, text: str, cells: dict[str, str | None]) -> None:
        number, body = _strip_marker(text)
        counter = (self.group.activities if self.group else 0) + 1
        if self.group:
            self.group.activities += 1
        ref = self._ref("HĐ", number, counter)
        parent = self.task.ref if self.task else None
        if parent is None:
            self.result.warnings.append(ImportWarning(f"task:{ref}", "Hoạt động không thuộc nhiệm vụ nào."))
        fields = TaskFields(
            ref=ref,
            kind="activity",
            title=body,
            parent=parent,
            objective=self.objective,
            area=self._area(body),
            accountable=cells.get("accountable") or None,
            authority=cells.get("authority") or None,
            **_fields(cells),
        )
        self.entries.append(fields)
        if parent is not None:
            self.activities[parent].append(fields)
        self.result.warnings.extend(_blank_warnings(ref, cells, list(cells)))

    def _finish(self) -> None:
        for fields in self.entries:
            if fields.kind == "task" and self.activities.get(fields.ref):
                fields = _task_from_activities(fields, self.activities[fields.ref])
            task, warnings = make_task(self.context, fields)
            self.result.tasks.append(task)
            self.result.warnings.extend(warnings)
        for group in self.groups:
            found = (group.objectives, group.tasks, group.activities)
            self.result.groups.append(AreaGroup(group.ref, group.title, group.area, group.declared, found))
            for declared, count, word in zip(
                group.declared, found, ("mục tiêu", "nhiệm vụ", "hoạt động"), strict=False
            ):
                if declared is not None and declared != count:
                    self.result.warnings.append(
                        ImportWarning(
                            f"group:{group.ref}",
                            f"Lĩnh vực {group.ref} “{group.title}” ghi {declared:02d} {word} "
                            f"nhưng đọc được {count}; cần kiểm tra lại bảng.",
                        )
                    )


def _joined(values: list[str], separator: str) -> str:
    return separator.join(dict.fromkeys(v.strip(" ,;") for v in values if v.strip(" ,;")))


def _task_from_activities(task: TaskFields, activities: list[TaskFields]) -> TaskFields:
    """A task row's own columns are its activities' columns: the task is done when they are."""
    return TaskFields(
        ref=task.ref,
        kind=task.kind,
        title=task.title,
        parent=task.parent,
        objective=task.objective,
        area=task.area,
        lead=_joined([a.lead for a in activities], "; "),
        cooperating=_joined([a.cooperating for a in activities], "; "),
        time=_joined([a.time for a in activities], "; "),
        deliverable=_joined([a.deliverable for a in activities], "; "),
        note=_joined([a.note for a in activities], "; "),
    )
