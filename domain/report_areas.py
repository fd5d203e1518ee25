"""Which part of a CCHC report a task belongs to, when its plan gave it no reform area.

A report has a part per reform area (``domain.reform_areas``). Plans often leave general tasks without one;
the report places them by what they say, as the reporting outline of the CCHC reports does: following up,
inspecting, reporting and the emulation movement are "chỉ đạo, điều hành"; dossiers, apologies and online
submission are "thủ tục hành chính"; databases are "chính quyền số". What a communication plan asks is
communication, what an emulation plan asks is direction (the plan's type wins over the outline's phrases).
Anything else stays unplaced ("Nhiệm vụ khác").
"""

from __future__ import annotations

import re

from domain.reform_areas import area_from_text
from domain.vntext import fold

__all__ = ["PLAN_TYPE_AREAS", "report_area"]

_RULES: tuple[tuple[str, str], ...] = (
    ("procedures", r"\bho so\b|xin loi|tiep nhan truc tuyen|dich vu cong"),
    ("digital_government", r"\bcsdl\b|co so du lieu|chuyen doi so|phan mem|nen tang so"),
    ("communication", r"tuyen truyen|tin bai|tin/bai|website|mang xa hoi|chuyen muc"),
    (
        "direction",
        r"kiem tra cong tac cai cach|kiem tra cchc|qua kiem tra|bao cao cchc|che do thong tin|bao cao dinh ky"
        r"|theo doi, don doc|don doc|quan triet|thi dua|tong hop ket qua|bao cao ket qua",
    ),
)
_COMPILED = tuple((code, re.compile(pattern)) for code, pattern in _RULES)

# A plan of this type speaks of one area throughout.
PLAN_TYPE_AREAS = {"communication": "communication", "emulation": "direction", "inspection": "direction"}


def report_area(title: str, plan_type: str = "") -> str | None:
    """The area code for a task without one: from the reform-area phrases, then its plan's type, then the
    report outline's phrases; None when nothing fits."""
    found = area_from_text(title) or PLAN_TYPE_AREAS.get(plan_type)
    if found:
        return found
    folded = fold(title)
    return next((code for code, pattern in _COMPILED if pattern.search(folded)), None)
