"""The areas (lĩnh vực) a reform plan is organised by, and how to recognise them in headings.

The six areas come from Nghị quyết số 76/NQ-CP ngày 15/7/2021 (Chương trình tổng thể cải cách hành chính
nhà nước giai đoạn 2021-2030): thể chế, thủ tục hành chính, tổ chức bộ máy, chế độ công vụ, tài chính công,
chính quyền điện tử/chính quyền số. Plans add "chỉ đạo, điều hành" in front and often give tuyên truyền,
SIPAS and theo dõi, đánh giá their own sections, so those are areas here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from domain.vntext import fold, strip_markup

__all__ = ["REFORM_AREAS", "ReformArea", "area_by_code", "area_from_text"]


@dataclass(frozen=True)
class ReformArea:
    """A reform area: stable code, Vietnamese name, position in a plan."""

    code: str
    name: str
    order: int


REFORM_AREAS: tuple[ReformArea, ...] = (
    ReformArea("direction", "Công tác chỉ đạo, điều hành", 1),
    ReformArea("institutions", "Cải cách thể chế", 2),
    ReformArea("procedures", "Cải cách thủ tục hành chính", 3),
    ReformArea("organization", "Cải cách tổ chức bộ máy", 4),
    ReformArea("civil_service", "Cải cách chế độ công vụ", 5),
    ReformArea("public_finance", "Cải cách tài chính công", 6),
    ReformArea("digital_government", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", 7),
    ReformArea("communication", "Thông tin, tuyên truyền", 8),
    ReformArea("satisfaction", "Nâng cao sự hài lòng của người dân (SIPAS)", 9),
    ReformArea("monitoring", "Theo dõi, đánh giá", 10),
)

_BY_CODE = {area.code: area for area in REFORM_AREAS}

# Phrases in folded text with punctuation turned into spaces. "thong tin" alone is not enough for
# communication: "công nghệ thông tin" is digital government.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("direction", r"chi dao dieu hanh|lanh dao chi dao"),
    ("institutions", r"cai cach the che|xay dung (?:va )?(?:hoan thien )?the che|\bthe che\b"),
    ("procedures", r"thu tuc hanh chinh|\btthc\b|mot cua"),
    ("organization", r"to chuc bo may|\bbo may\b"),
    (
        "civil_service",
        r"che do cong vu|doi ngu (?:can bo|cong chuc|cbccvc|ccvc)|\bcbccvc\b"
        r"|ky luat ky cuong|van hoa cong vu",
    ),
    ("public_finance", r"tai chinh cong|dau tu cong|ngan sach"),
    (
        "digital_government",
        r"chinh quyen (?:dien tu|so)|chuyen doi so|ung dung cong nghe thong tin|\bcntt\b|chinh phu so",
    ),
    ("communication", r"tuyen truyen|truyen thong"),
    ("satisfaction", r"\bsipas\b|su hai long|muc do hai long|chi so hai long"),
    ("monitoring", r"theo doi danh gia|theo doi va danh gia|kiem tra danh gia"),
)
_COMPILED = tuple((code, re.compile(pattern)) for code, pattern in _PATTERNS)

# "III.", "7)", "1.2." "a)" and the counts some appendices add: "(06 mục tiêu; 06 nhiệm vụ …)".
_NUMBERING = re.compile(r"^(?:[ivx]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):]\s*|^[-+•*]\s*")
_COUNTS = re.compile(r"\(\s*\d+\s+muc tieu[^)]*\)?")


def _comparable(text: str) -> str:
    folded = fold(strip_markup(text))
    folded = _COUNTS.sub(" ", folded)
    folded = _NUMBERING.sub("", folded)
    return " ".join(re.sub(r"[^\w]+", " ", folded).split())


def area_from_text(text: str) -> str | None:
    """The area code a heading or phrase names, with or without diacritics; ``None`` if it names none.

    When a phrase names several areas ("Tuyên truyền chuyển đổi số") the one named first wins: plan
    headings put their subject first.
    """
    comparable = _comparable(text)
    best: tuple[int, int, str] | None = None
    for order, (code, pattern) in enumerate(_COMPILED):
        match = pattern.search(comparable)
        if match and (best is None or (match.start(), order) < best[:2]):
            best = (match.start(), order, code)
    return best[2] if best else None


def area_by_code(code: str) -> ReformArea:
    """The area for ``code``; raises ``KeyError`` for an unknown code (a programming error)."""
    return _BY_CODE[code]
