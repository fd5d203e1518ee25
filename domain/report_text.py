"""The sentences a report drafts from its figures, for the focal point and the units to edit.

A report is never typed from a blank page: each reform area opens with its figures, then what was finished and
what is overdue; a unit's part opens with its own tasks. Gaps the author must fill are marked ``[[…]]``
(``domain.documents.report_content``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain.documents.report_content import gap, percent_text
from domain.report_tasks import StatusCounts

__all__ = [
    "TaskMention",
    "area_paragraph",
    "closing_sentence",
    "done_sentence",
    "missing_unit_sentence",
    "next_tasks_sentence",
    "opening_sentence",
    "overdue_sentence",
    "overview_paragraph",
    "unit_paragraph",
]

_LISTED = 10


@dataclass(frozen=True)
class TaskMention:
    """A task named in a sentence: its title, the date that matters, who holds it."""

    title: str
    due_on: date | None = None
    holder: str = ""


def _title(text: str) -> str:
    """A task's title inside a sentence: one line, no closing punctuation, a lower-case first letter unless the
    first word is an acronym ("CSDL", "PAR INDEX")."""
    title = " ".join(text.split()).rstrip(" .;,")
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def _figures(counts: StatusCounts, *, compact: bool = False) -> str:
    """The counts by status; ``compact`` leaves out the statuses nobody is in."""
    parts = [
        ("hoàn thành đúng hạn", counts.on_time),
        ("hoàn thành trễ hạn", counts.late),
        ("quá hạn chưa hoàn thành", counts.overdue),
        ("đang thực hiện", counts.in_progress),
    ]
    text = ", ".join(f"{label} {count}" for label, count in parts if count or not compact)
    rate = counts.on_time_rate
    return f"{text}; tỷ lệ hoàn thành đúng hạn {percent_text(rate)}" if rate is not None else text


def _listed(items: Sequence[str]) -> str:
    shown = list(items[:_LISTED])
    text = "; ".join(shown)
    if len(items) > _LISTED:
        text += f" và {len(items) - _LISTED} nhiệm vụ khác"
    return text


def opening_sentence(issuer: str, subject_phrase: str, window_text: str) -> str:
    """ "Sở Xây dựng báo cáo kết quả … năm 2026 (số liệu tính từ ngày … đến ngày …) như sau:"."""
    window = f" (số liệu tính {window_text})" if window_text else ""
    return f"{issuer} báo cáo {subject_phrase[:1].lower()}{subject_phrase[1:]}{window} như sau:"


def overview_paragraph(issuer: str, totals: StatusCounts, plan_count: int) -> str:
    """The first sentence of the overall result."""
    if totals.total == 0:
        return gap(
            "Trong kỳ không có nhiệm vụ đến hạn hoặc đang triển khai; bổ sung nội dung đánh giá chung."
        )
    plans = f" theo {plan_count} kế hoạch" if plan_count > 1 else ""
    return f"Trong kỳ, {issuer} triển khai {totals.total} lượt nhiệm vụ{plans}: {_figures(totals)}."


def area_paragraph(issuer: str, counts: StatusCounts) -> str:
    """The figures of one reform area."""
    if counts.total == 0:
        return "Trong kỳ không có nhiệm vụ thuộc lĩnh vực này đến hạn hoặc đang triển khai."
    return f"{issuer} triển khai {counts.total} lượt nhiệm vụ: {_figures(counts, compact=True)}."


def done_sentence(tasks: Sequence[TaskMention]) -> str:
    if not tasks:
        return ""
    return f"Đã hoàn thành: {_listed([_title(task.title) for task in tasks])}."


def overdue_sentence(tasks: Sequence[TaskMention]) -> str:
    """The overdue ones with their due date and holder, for the leader to see who is behind."""
    if not tasks:
        return ""
    items = []
    for task in tasks:
        details = [f"hạn {task.due_on:%d/%m/%Y}" if task.due_on else "", task.holder]
        detail = ", ".join(part for part in details if part)
        items.append(f"{_title(task.title)} ({detail})" if detail else _title(task.title))
    return f"Nhiệm vụ quá hạn chưa hoàn thành: {_listed(items)}."


def _with_due(task: TaskMention) -> str:
    return f"{_title(task.title)} (hạn {task.due_on:%d/%m/%Y})" if task.due_on else _title(task.title)


def _after(verb: str, title: str) -> str:
    """ "đang thực hiện" + "thực hiện báo cáo" reads "đang thực hiện báo cáo", not the verb twice."""
    last = verb.split()[-2:]
    words = title.split()
    if [word.lower() for word in words[: len(last)]] == last:
        return " ".join(words[len(last) :]) or title
    return title


def _clause(verb: str, titles: Sequence[str]) -> str:
    return f"{verb} {_listed([_after(verb, title) for title in titles])}"


def next_tasks_sentence(tasks: Sequence[TaskMention], *, limit: int = 8) -> str:
    """The open tasks the next period carries on with, the first ``limit`` named."""
    if not tasks:
        return ""
    names = "; ".join(_title(task.title) for task in tasks[:limit])
    more = f" và {len(tasks) - limit} nhiệm vụ khác" if len(tasks) > limit else ""
    return f"Tiếp tục thực hiện và hoàn thành các nhiệm vụ: {names}{more}."


def unit_paragraph(
    unit: str,
    *,
    done: Sequence[TaskMention],
    in_progress: Sequence[TaskMention],
    overdue: Sequence[TaskMention],
) -> str:
    """A unit's own tasks of an area in one sentence, as the unit starts its part from:
    "Phòng X: đã hoàn thành A; B; đang thực hiện C; quá hạn chưa hoàn thành D (hạn 30/06/2026)."."""
    parts = []
    if done:
        parts.append(_clause("đã hoàn thành", [_title(task.title) for task in done]))
    if in_progress:
        parts.append(_clause("đang thực hiện", [_title(task.title) for task in in_progress]))
    if overdue:
        parts.append(_clause("quá hạn chưa hoàn thành", [_with_due(task) for task in overdue]))
    if not parts:
        return f"{unit}: trong kỳ không có nhiệm vụ chủ trì thuộc lĩnh vực này."
    return f"{unit}: {'; '.join(parts)}."


def missing_unit_sentence(units: Sequence[str]) -> str:
    """The gap a unit leaves when it sent nothing."""
    if len(units) == 1:
        return gap(f"{units[0]} chưa gửi nội dung báo cáo.")
    return gap(f"Các đơn vị chưa gửi nội dung báo cáo: {', '.join(units)}.")


def closing_sentence(issuer: str, subject_phrase: str) -> str:
    return f"Trên đây là báo cáo {subject_phrase[:1].lower()}{subject_phrase[1:]} của {issuer}./."
