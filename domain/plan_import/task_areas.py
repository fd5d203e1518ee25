"""The reform area of an appendix task, read from where the plan's body lists the same work.

A flat "06 rõ" table has no area column, but the body usually lists the same tasks under per-area items
("III. NHIỆM VỤ, GIẢI PHÁP" → "2. Cải cách thể chế" → "- Rà soát văn bản quy phạm pháp luật …"). A task
whose title shares most of its words with such a bullet takes that item's area; a task matching no
bullet (or bullets of two areas equally) keeps what its own words say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from domain.plan_import.layout import Section, subsections
from domain.plan_import.result import ParsedTask
from domain.reform_areas import area_from_text
from domain.vntext import fold

__all__ = ["areas_from_body"]

_MIN_OVERLAP = 0.5


def _words(text: str) -> frozenset[str]:
    return frozenset(re.sub(r"[^\w]+", " ", fold(text)).split())


def _overlap(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def areas_from_body(tasks: list[ParsedTask], sections: list[Section]) -> list[ParsedTask]:
    """Tasks without an area given the area of the body item that lists them."""
    listed: list[tuple[frozenset[str], str]] = []
    for section in sections:
        _, items = subsections(section.body)
        for item in items:
            area = area_from_text(item.text)
            if area is None:
                continue
            listed.extend(
                (_words(node.text), area) for node in item.body if node.kind in ("bullet", "letter")
            )
    if not listed:
        return tasks
    result: list[ParsedTask] = []
    for task in tasks:
        if task.area is not None:
            result.append(task)
            continue
        words = _words(task.title)
        scored = sorted(((_overlap(words, bullet), area) for bullet, area in listed), reverse=True)
        best = scored[0]
        ambiguous = len(scored) > 1 and scored[1][0] == best[0] and scored[1][1] != best[1]
        if best[0] >= _MIN_OVERLAP and not ambiguous:
            task = replace(task, area=best[1])
        result.append(task)
    return result
