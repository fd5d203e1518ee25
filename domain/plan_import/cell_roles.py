"""Which column a fragment of a cell-by-cell table starts: a unit name, a time phrase, a product.

These are the words Vietnamese plans fill the "06 rõ" columns with: units ("Văn phòng Sở", "Các phòng …",
"Bộ phận một cửa"), times ("Trong năm", "Quý IV/2026", "Sau khi có văn bản hướng dẫn"), products
("Báo cáo", "Kế hoạch", "Tờ trình", "Tỷ lệ …"). ``tail_cuts`` uses them to find where the deliverable,
lead, co-operating and time cells start; ``Bigrams`` judges which cell a spilled line continues.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from domain.vntext import fold

__all__ = ["PRODUCT", "Bigrams", "tail_cuts"]

_UNIT = re.compile(
    r"^(?:van phong|cac (?:phong|ban|don vi|bo phan|co quan|so|to chuc)|bo phan|phong\b|ban\b(?! hanh)|"
    r"so\b|ubnd|uy ban|trung tam|chi cuc|thanh tra|to\b|doan\b|cong an|lanh dao|giam doc|van thu|"
    r"cong chuc|hoi dong)"
)
_SCOPE_ONLY = re.compile(r"^(?:so|xa|tinh|phuong|thanh pho|huyen)\W*$")
_TIME = re.compile(
    r"^(?:trong (?:nam|thang|quy|ky|giai doan)|theo (?:thoi gian|ke hoach|yeu cau|tien do|quy dinh|van ban|lich)|"
    r"quy\b|sau khi|sau\b|ca nam|ca giai doan|hang (?:thang|quy|nam|tuan)|hang nam|thuong xuyen|dinh ky|"
    r"nam \d{4}|thang \d|truoc ngay|truoc \d|tu ngay|tu thang|cuoi nam|dau nam|6 thang|khi co|ngay \d|"
    r"\d{1,2}/\d{4}|lien tuc|kip thoi)"
)
PRODUCT = re.compile(
    r"^(?:bao cao|ke hoach|van ban|to trinh|quyet dinh|cac quyet dinh|ty le|tin\b|de an|thong ke|bien ban|"
    r"cong van|danh sach|danh muc|phuong an|du thao|thong bao|huong dan|chuong trinh|giay|san pham|ket qua|"
    r"co so du lieu|csdl|he thong|so lieu|phan mem|chuyen muc|bai viet|infographic|video|nghi quyet|"
    r"quy che|quy trinh|\d+\s*%)"
)


class Bigrams:
    """How often two words follow each other in the document, for re-attaching spilled text."""

    def __init__(self, corpus: list[str]) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        for line in corpus:
            tokens = self.tokens(line)
            self.counts.update(itertools.pairwise(tokens))

    @staticmethod
    def tokens(text: str) -> list[str]:
        # Lower case with diacritics: folding would make "Sở" and "số" one word.
        found = re.findall(r"\d[\w/.,\-]*|%|[^\W\d_]+", text.lower())
        return ["<n>" if token[0].isdigit() else token for token in found]

    def score(self, left: list[str], right: str) -> int:
        left_tokens = self.tokens(" ".join(left)) if left else []
        right_tokens = self.tokens(right)
        if not left_tokens or not right_tokens:
            return 0
        return self.counts[(left_tokens[-1], right_tokens[0])]


def _starts_cell(fragment: str) -> bool:
    return fragment[:1].isupper() or fragment[:1].isdigit()


def tail_cuts(fragments: list[str], tail: list[str]) -> list[tuple[str, int]] | None:
    """Where the deliverable, lead, co-operating and time cells start in the text after the last marker."""
    folded = [fold(f) for f in fragments]
    units = [
        i
        for i in range(1, len(fragments))
        if _starts_cell(fragments[i]) and _UNIT.match(folded[i]) and not _SCOPE_ONLY.match(folded[i])
    ]
    if not units or "lead" not in tail:
        return None
    times = [
        i
        for i in range(1, len(fragments))
        if _starts_cell(fragments[i]) and _TIME.match(" ".join(folded[i : i + 3])) and i > units[0]
    ]
    time_at = times[0] if times and "time" in tail else None
    before = [u for u in units if time_at is None or u < time_at]
    cooperating_at: int | None = None
    if "cooperating" in tail and len(before) >= 2:
        cooperating_at, lead_at = before[-1], before[-2]
    else:
        lead_at = before[-1]
    while lead_at - 1 >= 1 and fragments[lead_at - 1].rstrip().endswith(";"):
        earlier = [u for u in before if u < lead_at]
        if not earlier:
            break
        lead_at = earlier[-1]
    cuts: list[tuple[str, int]] = []
    if "deliverable" in tail:
        products = [
            i
            for i in range(1, lead_at)
            if PRODUCT.match(folded[i])
            and (fragments[i][:1].isupper() or fragments[i - 1].rstrip().endswith((".", ";", ":", ")")))
        ]
        if products:
            deliverable_at = products[-1]
            while deliverable_at - 1 >= 1 and fragments[deliverable_at - 1].rstrip().endswith((",", ";")):
                earlier = [p for p in products if p < deliverable_at]
                if not earlier:
                    break
                deliverable_at = earlier[-1]
            cuts.append(("deliverable", deliverable_at))
    cuts.append(("lead", lead_at))
    if cooperating_at is not None:
        cuts.append(("cooperating", cooperating_at))
    if time_at is not None:
        cuts.append(("time", time_at))
    return cuts
