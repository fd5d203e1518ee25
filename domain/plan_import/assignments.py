"""Tasks of a plan without an appendix table: the assignments of its "TỔ CHỨC THỰC HIỆN" section.

That section gives each unit its duties: "1. Văn phòng Sở" followed by bullets or paragraphs, or
"2. Giao Văn phòng Sở: Làm đầu mối, …" on one line. Each bullet or sentence of duty becomes a task led by
the unit its item names. Its time is what the sentence says ("trước ngày 15/5/2026", "mỗi tháng",
"trước ngày 20/11 hằng năm", "báo cáo định kỳ (hàng tháng, 6 tháng, năm)"); its deliverable is the
measured output ("ít nhất 01 tin/bài viết về CCHC") or the report it asks for. The closing sentences
("Trong quá trình thực hiện …", "Kế hoạch này thay thế …", "…./.") are not duties.

Refs: "<section>.<item>.<position>", e.g. "VI.1.3" for the third duty of item 1 of section VI.
"""

from __future__ import annotations

import re

from domain.plan_import.layout import Node, Section, split_sentences, subsections
from domain.plan_import.result import ImportWarning, ParsedTask
from domain.plan_import.tasks import TaskContext, TaskFields, make_task
from domain.reform_areas import area_from_text
from domain.vntext import fold, fold_chars

__all__ = ["read_assignments"]

_CLOSING = re.compile(r"^(?:trong qua trinh|ke hoach nay thay the|tren day la|qua trinh thuc hien)")
_UNIT_PREFIX = re.compile(r"^(?:giao cho|giao|de nghi|yeu cau|trach nhiem cua)\s+")
_TIME_PATTERNS = (
    re.compile(r"truoc ngay\s+\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?(?:\s+(?:hang|moi)\s+nam)?"),
    re.compile(r"(?<=dinh ky )\(([^)]*(?:thang|quy|nam)[^)]*)\)"),
    re.compile(r"\b(?:hang|moi|dinh ky)\s+(?:thang|quy|nam|tuan)\b"),
    re.compile(r"\bdinh ky(?:\s+hoac\s+dot xuat)?\b"),
    re.compile(r"\b(?:thuong xuyen|lien tuc)\b"),
    re.compile(r"\bquy\s+(?:iv|i{1,3})(?:\s*/\s*\d{4})?\b"),
    re.compile(r"\b(?:cuoi nam|6 thang dau nam|6 thang cuoi nam)\b"),
)
_MEASURED = re.compile(
    r"\b(?:it nhat|toi thieu)\s+\d+\s+[^,;.()]*?(?=\s+(?:moi|hang|trong|tren|tai)\b|[,;.()]|$)"
)


def _time_of(sentence: str) -> str:
    folded = fold_chars(sentence)
    for pattern in _TIME_PATTERNS:
        match = pattern.search(folded)
        if match:
            span = match.span(1) if match.groups() else match.span()
            return sentence[span[0] : span[1]].strip()
    return ""


def _deliverable_of(sentence: str) -> str:
    folded = fold_chars(sentence)
    match = _MEASURED.search(folded)
    if match:
        return sentence[match.start() : match.end()].strip()
    if re.search(r"\bbao cao\b", folded):
        return "Báo cáo"
    if re.search(r"\b(?:xay dung|ban hanh)\s+ke hoach\b", folded):
        return "Kế hoạch"
    return ""


def _unit_and_inline(text: str) -> tuple[str, str]:
    """'Giao Văn phòng Sở: Làm đầu mối, …' → ('Văn phòng Sở', 'Làm đầu mối, …')."""
    head, sep, rest = text.partition(":")
    if sep and len(head.split()) <= 16:
        unit, inline = head, rest.strip()
    else:
        unit, inline = text, ""
    unit = unit.strip()
    prefix = _UNIT_PREFIX.match(fold_chars(unit))
    if prefix:
        unit = unit[prefix.end() :]
    return unit.strip(" .;"), inline


def _duties(inline: str, body: list[Node]) -> list[str]:
    """The duty sentences of one item: its bullets, else its paragraphs, split into sentences."""
    paragraphs = [inline] if inline else []
    for node in body:
        text = node.text.strip()
        if _CLOSING.match(fold(text)) or (node.kind == "text" and text.endswith("./.")):
            break
        paragraphs.append(text)
    duties: list[str] = []
    for paragraph in paragraphs:
        if paragraph.endswith(":"):
            continue  # "Có trách nhiệm:" introduces the bullets that follow
        for sentence in split_sentences(paragraph):
            # "…; Thực hiện báo cáo định kỳ …": a capital after a semicolon starts another duty.
            duties.extend(p.strip() for p in re.split(r";\s+(?=[A-ZĐÂĂÊÔƠƯ])", sentence) if p.strip())
    return [d.rstrip(";").strip() for d in duties if len(d.split()) >= 3]


def _from_duty_section(
    sections: list[Section], context: TaskContext
) -> tuple[list[ParsedTask], list[ImportWarning]]:
    """Tasks from the bullets of "NHIỆM VỤ, GIẢI PHÁP" when no unit is assigned anything: no lead."""
    section = next((s for s in sections if "nhiem vu" in s.key), None)
    if section is None:
        return [], [
            ImportWarning(
                "tasks",
                "Không tìm thấy nhiệm vụ nào: kế hoạch không có bảng phân công, "
                "mục “TỔ CHỨC THỰC HIỆN” hay mục “NHIỆM VỤ”.",
            )
        ]
    tasks: list[ParsedTask] = []
    warnings: list[ImportWarning] = []
    intro, items = subsections(section.body)
    groups = [("", None, intro)] + [
        (f"{item.label}.", area_from_text(item.text), item.body) for item in items
    ]
    for prefix, area, body in groups:
        bullets = [node.text for node in body if node.kind in ("bullet", "letter")]
        for position, text in enumerate(bullets, start=1):
            fields = TaskFields(
                ref=f"{section.label}.{prefix}{position}",
                kind="task",
                title=text.rstrip(";").strip(),
                time=_time_of(text),
                deliverable=_deliverable_of(text),
                area=area or area_from_text(text),
            )
            task, task_warnings = make_task(context, fields)
            tasks.append(task)
            warnings.extend(task_warnings)
    if tasks:
        warnings.append(
            ImportWarning(
                "tasks",
                f"Kế hoạch không giao việc cho đơn vị nào; {len(tasks)} nhiệm vụ được lấy từ mục {section.label} "
                f"“{section.title}” và chưa có đơn vị chủ trì.",
            )
        )
    return tasks, warnings


def read_assignments(
    sections: list[Section], context: TaskContext
) -> tuple[list[ParsedTask], list[ImportWarning]]:
    """Tasks from the unit assignments of "TỔ CHỨC THỰC HIỆN", and warnings on what they lack.

    A plan that assigns nothing to units gives the bullets of its "NHIỆM VỤ" section instead, without
    a lead.
    """
    section = next((s for s in sections if "to chuc thuc hien" in s.key), None)
    items = subsections(section.body)[1] if section is not None else []
    if section is None or not items:
        return _from_duty_section(sections, context)
    tasks: list[ParsedTask] = []
    warnings: list[ImportWarning] = []
    no_time: list[str] = []
    no_deliverable: list[str] = []
    for item in items:
        unit, inline = _unit_and_inline(item.text)
        for position, duty in enumerate(_duties(inline, item.body), start=1):
            ref = f"{section.label}.{item.label}.{position}"
            time = _time_of(duty)
            deliverable = _deliverable_of(duty)
            if not time:
                no_time.append(ref)
            if not deliverable:
                no_deliverable.append(ref)
            fields = TaskFields(
                ref=ref,
                kind="task",
                title=duty,
                lead=unit,
                time=time,
                deliverable=deliverable,
                area=area_from_text(duty),
            )
            task, task_warnings = make_task(context, fields)
            tasks.append(task)
            warnings.extend(task_warnings)
    if tasks:
        warnings.append(
            ImportWarning(
                "tasks",
                f"Kế hoạch không có bảng phân công; {len(tasks)} nhiệm vụ được lấy từ mục {section.label} "
                "“TỔ CHỨC THỰC HIỆN” (đơn vị chủ trì là đơn vị được giao ở đầu mỗi mục; thời gian và sản "
                "phẩm trích từ câu chữ), cần kiểm tra lại.",
            )
        )
    if no_time:
        warnings.append(
            ImportWarning("tasks", f"Chưa ghi thời gian thực hiện: nhiệm vụ {', '.join(no_time)}.")
        )
    if no_deliverable:
        warnings.append(
            ImportWarning("tasks", f"Chưa ghi sản phẩm, kết quả: nhiệm vụ {', '.join(no_deliverable)}.")
        )
    return tasks, warnings
