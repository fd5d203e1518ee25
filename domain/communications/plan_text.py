"""What a communication plan's text says about its register: the content areas it lists ("III. NỘI DUNG TUYÊN
TRUYỀN": 1. Cải cách thể chế … 7. Tuyên truyền mô hình hay) and the targets per channel it sets ("Bảo đảm có ít
nhất 01 tin/bài viết về CCHC mỗi tháng trên website Sở", seed 002 mục VI.1)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from domain.vntext import fold, roman_to_int

from .channels import channel_from_text

_ROMAN_HEADING = re.compile(r"^\s*([IVXLC]+)\s*[.)]\s*(.+)$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s*(.+)$")


def content_areas(lines: Iterable[str]) -> list[str]:
    """The numbered headings of the plan's "NỘI DUNG TUYÊN TRUYỀN" part, in order."""
    areas: list[str] = []
    inside = False
    for raw in lines:
        line = raw.strip()
        heading = _ROMAN_HEADING.match(line)
        if heading and roman_to_int(heading[1]) is not None:
            inside = "noi dung tuyen truyen" in fold(heading[2])
            continue
        if not inside:
            continue
        numbered = _NUMBERED.match(line)
        if numbered:
            name = numbered[2].strip().rstrip(":.;")
            if 3 <= len(name) <= 200:
                areas.append(name[0].upper() + name[1:])
    return areas


_AT_LEAST = re.compile(r"it nhat\s+(\d{1,3})\s+(?:tin|bai)")


def channel_targets(sentences: Iterable[str]) -> dict[str, int]:
    """Channel → articles per month, from the sentences that set one ("ít nhất 01 tin, bài mỗi tháng trên …")."""
    found: dict[str, int] = {}
    for sentence in sentences:
        folded = fold(sentence)
        match = _AT_LEAST.search(folded)
        if not match or ("moi thang" not in folded and "hang thang" not in folded):
            continue
        channel = channel_from_text(folded[match.end() :]) or channel_from_text(folded)
        if channel and channel not in found:
            found[channel] = int(match[1])
    return found
