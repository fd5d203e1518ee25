"""Tasks written as a duty followed by labelled lines: who leads, who helps, when, what it yields.

    2. Rà soát, chuẩn hóa quy trình nội bộ …
    - Cơ quan chủ trì: Sở Nội vụ.
    - Cơ quan phối hợp: Các sở, ban, ngành; UBND các xã, phường.
    - Thời gian: Quý II/2026.
    - Sản phẩm: Báo cáo kết quả.

A numbered or lettered item (or a bullet) is a task when at least its lead line follows it; the label's
head may be "Cơ quan", "Đơn vị" or "Bộ phận", and the lines may come in any order. Lines that are not
labels (a running page header) between them are skipped.
"""

from __future__ import annotations

import re

from domain.plan_import.layout import Node
from domain.plan_import.responsibilities import split_agencies, time_phrase
from domain.plan_import.result import ImportWarning, ParsedTask
from domain.plan_import.tasks import TaskContext, TaskFields, make_task
from domain.reform_areas import area_from_text
from domain.vntext import fold_chars

__all__ = ["labelled_tasks"]

_HEAD = r"(?:co quan|don vi|bo phan)\s+"
_LABELS = (
    ("lead", re.compile(rf"^{_HEAD}(?:chu tri|thuc hien|chiu trach nhiem)\s*:\s*")),
    ("cooperating", re.compile(rf"^{_HEAD}phoi hop\s*:\s*")),
    (
        "time",
        re.compile(r"^(?:thoi gian(?: thuc hien| hoan thanh)?|thoi han(?: hoan thanh)?|tien do)\s*:\s*"),
    ),
    ("deliverable", re.compile(r"^(?:san pham(?: dau ra)?|ket qua(?: dau ra)?)\s*:\s*")),
)
_ITEM_KINDS = ("arabic", "sub", "letter", "bullet")


def _label(text: str) -> tuple[str, str] | None:
    folded = fold_chars(text.strip())
    for name, pattern in _LABELS:
        match = pattern.match(folded)
        if match:
            return name, text.strip()[match.end() :].strip(" .;")
    return None


def labelled_tasks(nodes: list[Node], context: TaskContext) -> tuple[list[ParsedTask], list[ImportWarning]]:
    """Tasks from items followed by "Cơ quan chủ trì: …" lines; none when the document has no such item."""
    tasks: list[ParsedTask] = []
    warnings: list[ImportWarning] = []
    index = 0
    while index < len(nodes):
        node = nodes[index]
        if node.kind not in _ITEM_KINDS or _label(node.text) is not None:
            index += 1
            continue
        fields: dict[str, str] = {}
        following = index + 1
        while following < len(nodes):
            found = _label(nodes[following].text)
            if found is not None:
                fields.setdefault(found[0], found[1])
            elif nodes[following].kind in _ITEM_KINDS or nodes[following].kind == "roman":
                break
            following += 1
        if "lead" not in fields:
            index += 1
            continue
        title = node.text.strip().rstrip(".;:").strip()
        time = fields.get("time", "")
        if not time:
            time = time_phrase(title)[0]
        lead = split_agencies(fields["lead"])
        cooperating = split_agencies(fields.get("cooperating", ""))
        task, found_warnings = make_task(
            context,
            TaskFields(
                ref=str(len(tasks) + 1),
                kind="task",
                title=title,
                lead="; ".join(lead),
                cooperating="; ".join(cooperating),
                time=time,
                deliverable=fields.get("deliverable", ""),
                area=area_from_text(title),
            ),
            lead_units=lead,
            cooperating_units=cooperating,
        )
        tasks.append(task)
        warnings.extend(found_warnings)
        index = following
    return tasks, warnings
