"""Quantitative targets (chỉ tiêu) read from the objective text of a plan.

Plans state targets as "đạt từ 98% trở lên", "$\\geq 98\\%$", "tối thiểu 20%", "Trên 95%",
"ít nhất 01 sáng kiến", "không để xảy ra sai phạm", "cao hơn năm 2025", "tăng tối thiểu 20% so với
năm 2025" or "đạt tối thiểu theo mục tiêu Chính phủ giao". A target is a floor unless the text says
otherwise: a bare "100%" or "đạt 70%" is read as ``>=``, because exceeding a target achieves it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from domain.vntext import fold_chars, normalize_space, strip_markup

__all__ = ["BASELINE_KINDS", "COMPARATORS", "Target", "parse_target", "parse_targets", "target_display"]

COMPARATORS = (">=", ">", "<=", "<", "=", "none")
BASELINE_KINDS = (
    "previous_year",  # "cao hơn năm 2025": compared with an earlier year's figure, value usually None
    "relative_increase",  # "tăng tối thiểu 20% so với năm 2025": value is the growth
    "relative_decrease",  # "giảm 10% so với năm 2025": value is the reduction
    "government_target",  # "theo mục tiêu Chính phủ giao": the figure is set by the Government each year
    "assigned_target",  # "chỉ tiêu tỉnh giao": the figure is set by the province or a higher level
)


COMPARATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "="}


def target_display(comparator: str, value: Decimal | None, unit: str, baseline: str | None) -> str:
    """A target as a person writes it: "≥ 98%", "≥ 2 sáng kiến so với năm 2025", "Không để xảy ra"."""
    if comparator == "none":
        return "Không để xảy ra"
    number = "" if value is None else f"{value.normalize():f}".replace(".", ",")
    suffix = "%" if unit == "%" else (f" {unit}" if unit and unit != "count" else "")
    parts = [
        COMPARATOR_SIGNS.get(comparator, comparator),
        f"{number}{suffix}" if number else "",
        baseline or "",
    ]
    return " ".join(part for part in parts if part)


@dataclass(frozen=True)
class Target:
    """One measurable target: ``comparator value unit``, optionally against a baseline."""

    comparator: str
    value: Decimal | None
    unit: str
    baseline: str | None
    baseline_kind: str | None
    baseline_year: int | None
    text: str

    @property
    def display(self) -> str:
        return target_display(self.comparator, self.value, self.unit, self.baseline)


# Counting nouns as written after a number; the longest match wins ("tin/bài" over "tin").
_NOUNS = (
    "sáng kiến",
    "mô hình",
    "giải pháp",
    "tin/bài",
    "tin, bài",
    "bài viết",
    "tin",
    "bài",
    "văn bản",
    "báo cáo",
    "kế hoạch",
    "hội nghị",
    "lớp",
    "đợt",
    "lần",
    "cuộc",
    "năm",
    "tháng",
    "người",
    "cán bộ",
    "công chức",
    "đơn vị",
    "phòng",
    "hồ sơ",
    "thủ tục",
    "sự cố",
    "vụ",
    "trường hợp",
    "điểm",
)
_NOUN_PATTERN = re.compile(
    r"\s*(" + "|".join(re.escape(fold_chars(n)) for n in sorted(_NOUNS, key=len, reverse=True)) + r")\b"
)

_NUMBER = re.compile(r"(?<![\w.,/])(\d+(?:[.,]\d+)*)(?![\d/]|[.,]\d)")
_PERCENT_AFTER = re.compile(r"\s*(?:%|phan tram\b)")
_CLAUSE_END = re.compile(r";|\.(?:\s|$)|\n")
# Comparator written just before the number, longest phrases first; "đạt" in front changes nothing.
_BEFORE = (
    (re.compile(r"(?:≥|>=|⩾)\s*$"), ">="),
    (re.compile(r"(?:≤|<=|⩽)\s*$"), "<="),
    (re.compile(r">\s*$"), ">"),
    (re.compile(r"<\s*$"), "<"),
    (re.compile(r"=\s*$"), "="),
    (re.compile(r"\b(?:khong vuot qua|khong qua|khong cao hon|khong hon|toi da)\s*$"), "<="),
    (re.compile(r"\b(?:toi thieu|it nhat|khong it hon|khong thap hon|khong duoi)\s*$"), ">="),
    (re.compile(r"\b(?:tren|cao hon|nhieu hon)\s*$"), ">"),
    (re.compile(r"\b(?:duoi|thap hon|it hon)\s*$"), "<"),
    (re.compile(r"\bbang\s*$"), "="),
)
_FROM_BEFORE = re.compile(r"\btu\s*$")
_CO_TU_BEFORE = re.compile(r"\bco tu\s*$")
_DAT_BEFORE = re.compile(r"\bdat\s*$")
_OR_MORE_AFTER = re.compile(r"\s*%?\s*tro len\b")
_OR_LESS_AFTER = re.compile(r"\s*%?\s*tro xuong\b")
_NOT_A_TARGET_BEFORE = re.compile(
    r"\b(?:so|nam|quy|thang|ngay|giai doan|de an|nghi dinh|nghi quyet|muc|khoan|dieu|"
    r"muc tieu|nhiem vu|hoat dong|phu luc|bieu|mau|lan thu)\s*$"
)
_SINCE = re.compile(r"\bso voi\s+(?:nam\s+(\d{4})|nam truoc|cung ky(?:\s+nam\s+(\d{4}))?)")
_RELATIVE = re.compile(
    r"\b(khong thap hon|bang hoac cao hon|cao hon|thap hon|tang so voi|giam so voi)\s+"
    r"(?:nam\s+(\d{4})|(nam truoc|cung ky))"
)
_RELATIVE_COMPARATORS = {
    "khong thap hon": ">=",
    "bang hoac cao hon": ">=",
    "cao hon": ">",
    "tang so voi": ">",
    "thap hon": "<",
    "giam so voi": "<",
}
_ASSIGNED = re.compile(
    r"\b(?:dat|toi thieu|it nhat)\s+(?:(?:toi thieu|it nhat)\s+)?"
    r"((?:theo\s+)?(?:muc tieu|chi tieu)\s+(?:hang nam\s+)?(?:duoc\s+)?"
    r"(thu tuong chinh phu|chinh phu|trung uong|ubnd tinh|uy ban nhan dan tinh|tinh|cap tren)\s+giao)\b"
)
_NONE = re.compile(
    r"(?:^|[;:.,(\-–•+]\s*|\b(?:dam bao|bao dam|phan dau|va)\s+)"
    r"(khong de xay ra|khong xay ra|khong de|khong co|khong phat sinh)\b"
)
_RATE_WORDS = re.compile(r"\b(?:ty le|muc do hai long|%)")
_SCORE_WORDS = re.compile(r"\b(?:diem|chi so)\b")


def _decimal(written: str) -> Decimal | None:
    # Vietnamese writes 98,5 and 1.000; a dot before exactly three digits groups thousands.
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", written):
        written = written.replace(".", "")
    written = written.replace(",", ".")
    if written.count(".") > 1:
        return None
    try:
        return Decimal(written) if "." in written else Decimal(int(written))
    except InvalidOperation:
        return None


class _Text:
    """The cleaned text, its folded twin (same length) and the clause boundaries."""

    def __init__(self, text: str) -> None:
        self.clean = normalize_space(strip_markup(text))
        self.folded = fold_chars(self.clean)

    def clause(self, position: int) -> tuple[int, int]:
        start = 0
        for match in _CLAUSE_END.finditer(self.folded):
            if match.end() <= position:
                start = match.end()
            elif match.start() >= position:
                return start, match.start()
        return start, len(self.folded)

    def clause_text(self, position: int) -> str:
        start, end = self.clause(position)
        return self.clean[start:end].strip().lstrip("-+•").strip().rstrip(",:")

    def before(self, position: int) -> str:
        return self.folded[self.clause(position)[0] : position]

    def unit_without_value(self, position: int) -> str:
        start, end = self.clause(position)
        clause = self.folded[start:end]
        if _RATE_WORDS.search(clause):
            return "%"
        return "điểm" if _SCORE_WORDS.search(clause) else ""


def _comparator_before(before: str) -> str | None:
    for pattern, comparator in _BEFORE:
        if pattern.search(before):
            return comparator
    return None


def _baseline_after(doc: _Text, start: int, end: int) -> tuple[str, str, int | None] | None:
    _, clause_end = doc.clause(start)
    match = _SINCE.search(doc.folded, end, clause_end)
    if not match:
        return None
    written_year = match[1] or match[2]
    year = int(written_year) if written_year else None
    before = doc.before(start)
    kind = (
        "relative_increase"
        if re.search(r"\btang\b", before)
        else "relative_decrease"
        if re.search(r"\bgiam\b", before)
        else "previous_year"
    )
    return doc.clean[match.start() : match.end()], kind, year


def _numeric(doc: _Text, match: re.Match[str]) -> Target | None:
    start, end = match.span()
    before = doc.before(start)
    after = doc.folded[end:]
    percent = _PERCENT_AFTER.match(after)
    comparator = _comparator_before(before)
    if comparator is None and _FROM_BEFORE.search(before):
        comparator = "<=" if _OR_LESS_AFTER.match(after) else ">="
    if comparator is None and _OR_MORE_AFTER.match(after):
        comparator = ">="
    if comparator is None and _OR_LESS_AFTER.match(after):
        comparator = "<="
    value = _decimal(match[1])
    if value is None:
        return None
    if percent:
        unit = "%"
    else:
        # A count needs a word saying it is a target: "06 rõ", "năm 2026", "số 13" are not targets.
        counted = comparator or _CO_TU_BEFORE.search(before) or _DAT_BEFORE.search(before)
        looks_like_year = re.fullmatch(r"(?:19|20)\d\d", match[1]) is not None
        if not counted or looks_like_year or _NOT_A_TARGET_BEFORE.search(before):
            return None
        noun = _NOUN_PATTERN.match(after)
        unit = doc.clean[end + noun.start(1) : end + noun.end(1)] if noun else "count"
    baseline = _baseline_after(doc, start, end)
    return Target(
        comparator=comparator or ">=",
        value=value,
        unit=unit,
        baseline=baseline[0] if baseline else None,
        baseline_kind=baseline[1] if baseline else None,
        baseline_year=baseline[2] if baseline else None,
        text=doc.clause_text(start),
    )


def _found(doc: _Text) -> list[tuple[int, Target]]:
    found: list[tuple[int, Target]] = []
    for match in _NONE.finditer(doc.folded):
        found.append(
            (
                match.start(1),
                Target("none", Decimal(0), "count", None, None, None, doc.clause_text(match.start(1))),
            )
        )
    for match in _RELATIVE.finditer(doc.folded):
        year = int(match[2]) if match[2] else None
        target = Target(
            comparator=_RELATIVE_COMPARATORS[match[1]],
            value=None,
            unit=doc.unit_without_value(match.start()),
            baseline=doc.clean[match.start() : match.end()],
            baseline_kind="previous_year",
            baseline_year=year,
            text=doc.clause_text(match.start()),
        )
        found.append((match.start(), target))
    for match in _ASSIGNED.finditer(doc.folded):
        giver = match[2]
        kind = "government_target" if giver in ("thu tuong chinh phu", "chinh phu", "trung uong") else None
        target = Target(
            comparator=">=",
            value=None,
            unit=doc.unit_without_value(match.start()),
            baseline=doc.clean[match.start(1) : match.end(1)],
            baseline_kind=kind or "assigned_target",
            baseline_year=None,
            text=doc.clause_text(match.start()),
        )
        found.append((match.start(), target))
    for match in _NUMBER.finditer(doc.folded):
        numeric = _numeric(doc, match)
        if numeric is not None:
            found.append((match.start(), numeric))
    return sorted(found, key=lambda item: item[0])


def parse_targets(text: str) -> list[Target]:
    """Every target in ``text``, in reading order.

    "100% phòng, ban có ít nhất 01 sáng kiến" gives two: ``>= 100 %`` and ``>= 1 sáng kiến``.
    """
    return [target for _, target in _found(_Text(text))]


def parse_target(text: str) -> Target | None:
    """The first target in ``text``, or ``None`` when it states nothing measurable."""
    targets = parse_targets(text)
    return targets[0] if targets else None
