"""What a movement takes from the text of the plan that launched it: its name, its own rules for the end of the
period (seed 004: "Có từ 02 sáng kiến …", "ít nhất 03 năm …" for a collective) and the day its yearly report is
due ("trước ngày 20/11 hàng năm"). Plain text in, plain values out; nothing here reads the database."""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.vntext import fold

__all__ = ["OwnRules", "movement_name", "own_rules_from_text"]

_LAUNCH = re.compile(r"^\s*(?:kế hoạch\s+)?(?:tổ chức\s+)?phát động\s+", re.IGNORECASE)
_INITIATIVES = re.compile(r"\btu\s+0?(\d{1,2})\s+sang kien\b")
_YEARS = re.compile(r"\bit nhat\s+0?(\d{1,2})\s+nam\b")
_REPORT_DUE = re.compile(r"bao cao[^.]{0,200}?truoc ngay\s*\**\s*(\d{1,2})\s*/\s*(\d{1,2})\b")
_COLLECTIVE = re.compile(r"doi voi tap the")
_PERSON = re.compile(r"doi voi ca nhan")
_PERIOD_SECTION = re.compile(r"tong ket giai doan")


@dataclass(frozen=True)
class OwnRules:
    """A movement's own rules as its plan writes them; ``None`` where the plan says nothing."""

    min_initiatives: int | None = None
    min_outstanding_years: int | None = None
    collective_only: bool = False
    source: str = ""
    report_due: tuple[int, int] | None = None  # (day, month)


def movement_name(plan_title: str) -> str:
    """ "Phát động Phong trào thi đua “…”" → "Phong trào thi đua “…”" (the plan's title without the verb)."""
    title = " ".join(plan_title.split())
    name = _LAUNCH.sub("", title)
    return (name[:1].upper() + name[1:]) if name else title


def own_rules_from_text(text: str, *, plan_label: str = "") -> OwnRules:
    """The end-of-period conditions for collectives (a count of initiatives, a count of outstanding years) and
    the yearly report's due day, read from the plan's text. Only the part after "tổng kết giai đoạn" and, in it,
    the collective's paragraph count: the yearly criteria above speak of initiatives without a number."""
    folded = fold(" ".join(text.split()))
    report_due = None
    due = _REPORT_DUE.search(folded)
    if due and 1 <= int(due[1]) <= 31 and 1 <= int(due[2]) <= 12:
        report_due = (int(due[1]), int(due[2]))
    section = _PERIOD_SECTION.search(folded)
    if section is None:
        return OwnRules(report_due=report_due)
    rest = folded[section.end() :]
    collective = _COLLECTIVE.search(rest)
    if collective is None:
        return OwnRules(report_due=report_due)
    part = rest[collective.end() :]
    person = _PERSON.search(part)
    if person is not None:
        part = part[: person.start()]
    initiatives = _INITIATIVES.search(part)
    years = _YEARS.search(part)
    if initiatives is None and years is None:
        return OwnRules(report_due=report_due)
    where = f"{plan_label}, mục khen thưởng tổng kết giai đoạn (đối với tập thể)".lstrip(", ")
    return OwnRules(
        min_initiatives=int(initiatives[1]) if initiatives else None,
        min_outstanding_years=int(years[1]) if years else None,
        collective_only=True,
        source=where,
        report_due=report_due,
    )
