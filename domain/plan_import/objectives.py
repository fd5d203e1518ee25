"""Objectives (mục tiêu) from the body of a plan.

Where a plan states its objectives: a roman section whose title says "MỤC TIÊU" ("I. MỤC TIÊU",
"II. MỤC TIÊU NĂM 2026"). Inside it, "Mục tiêu cụ thể" (specific) wins over "Mục tiêu chung" (general,
prose without a measure); per-area items ("1. Công tác chỉ đạo, điều hành", "2. Cải cách thể chế") give
their area to the bullets or sentences under them. An emulation plan has no such section: its contest
contents ("NỘI DUNG THI ĐUA") are its objectives. Failing both, the "Mục đích" item is read, with a
warning that the plan states no objectives as such.

Refs: the bullet's position under a single list ("1" … "9"), or "item.position" ("3.2") when several
numbered items each carry a list; an item without a list is one objective with the item's number.
"""

from __future__ import annotations

from domain.plan_import.layout import Node, Section, Subsection, split_sentences, subsections
from domain.plan_import.result import ImportWarning, ParsedObjective
from domain.reform_areas import area_from_text
from domain.targets import parse_target
from domain.vntext import fold

__all__ = ["read_objectives"]


def _tidy(text: str) -> str:
    return text.strip().rstrip(";,").strip()


def _items(body: list[Node]) -> list[str]:
    """The objectives a list holds: its bullets (or lettered items), else the sentences of its prose."""
    listed = [node.text for node in body if node.kind in ("bullet", "letter")]
    if listed:
        return [_tidy(text) for text in listed if _tidy(text)]
    sentences: list[str] = []
    for node in body:
        if node.kind in ("text", "sub"):
            sentences.extend(_tidy(s) for s in split_sentences(node.text) if _tidy(s))
    return sentences


def _objective(ref: str, text: str, heading: str | None) -> ParsedObjective:
    area = (area_from_text(heading) if heading else None) or area_from_text(text)
    return ParsedObjective(ref=ref, area=area, text=text, target=parse_target(text))


def _from_subsections(subs: list[Subsection], use_heading_area: bool) -> list[ParsedObjective]:
    found: list[ParsedObjective] = []
    for sub in subs:
        heading = sub.text if use_heading_area else None
        items = _items(sub.body)
        if not items:
            # "1. Thi đua thực hiện hiệu quả …": the numbered item is itself the objective.
            found.append(_objective(sub.label, _tidy(sub.text), sub.text))
            continue
        for position, text in enumerate(items, start=1):
            found.append(_objective(f"{sub.label}.{position}", text, heading))
    return found


def _objectives_section(sections: list[Section]) -> Section | None:
    for section in sections:
        if "muc tieu" in section.key:
            return section
    for section in sections:
        if section.key.startswith("chi tieu"):
            return section
    return None


def read_objectives(sections: list[Section]) -> tuple[list[ParsedObjective], list[ImportWarning]]:
    """The objectives of the body and the warnings about where they were taken from."""
    warnings: list[ImportWarning] = []
    section = _objectives_section(sections)
    if section is not None:
        intro, subs = subsections(section.body)
        specific = [s for s in subs if fold(s.text).startswith(("muc tieu cu the", "chi tieu"))]
        general = [s for s in subs if fold(s.text).startswith("muc tieu chung")]
        if len(specific) == 1:
            items = _items(specific[0].body)
            return [_objective(str(i), text, None) for i, text in enumerate(items, start=1)], warnings
        chosen = [s for s in subs if s not in general] or general
        if chosen:
            per_area = all(area_from_text(s.text) for s in chosen)
            return _from_subsections(chosen, use_heading_area=per_area), warnings
        items = _items(intro)
        return [_objective(str(i), text, None) for i, text in enumerate(items, start=1)], warnings
    for section in sections:
        if "noi dung" in section.key and "thi dua" in section.key:
            _, subs = subsections(section.body)
            if subs:
                warnings.append(
                    ImportWarning(
                        "objectives",
                        f"Kế hoạch không có mục “MỤC TIÊU”; các mục tiêu được lấy từ các nội dung thi đua "
                        f"của mục {section.label} “{section.title}”.",
                    )
                )
                return _from_subsections(subs, use_heading_area=True), warnings
    for section in sections:
        _, subs = subsections(section.body)
        purposes = [s for s in subs if fold(s.text).startswith("muc dich")]
        if purposes:
            items = _items(purposes[0].body)
            if items:
                warnings.append(
                    ImportWarning(
                        "objectives",
                        f"Kế hoạch không có mục “MỤC TIÊU”; các mục tiêu được lấy từ phần “Mục đích” của "
                        f"mục {section.label}, cần kiểm tra lại.",
                    )
                )
                return [_objective(str(i), text, None) for i, text in enumerate(items, start=1)], warnings
    warnings.append(ImportWarning("objectives", "Không tìm thấy mục tiêu nào trong kế hoạch."))
    return [], warnings
