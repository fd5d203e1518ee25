"""A province's criteria table (rows of cell texts) read into a criteria tree, with Vietnamese problems.

The caller reads the file (:mod:`domain.scoring.table_files` for .xlsx, .docx and CSV) and passes its rows. The
header row is found by its words, whatever the accents, case or spacing: STT · Lĩnh vực / Tiêu chí / Nội dung ·
Điểm tối đa · Hướng dẫn chấm điểm / Phương pháp / Cách chấm · Tài liệu kiểm chứng (· Phương pháp đánh giá), or
the plain shape ``code, parent_code, title, max_points, scoring_rule, method, source``.

Where the criteria sit in the tree:

* with a parent-code column ("Mã cha", ``parent_code``), from it: an empty cell is a top-level area;
* otherwise from the STT column: "I", "II" (or "A", "B") are areas; "1", "1.1", "1.1.2" go under the code they
  extend, else under the nearest row above of the level their dots give; "a)", "b)" go under the numbered row
  above them ("1.1.a"). When numbering restarts in each Roman area, codes take the area's numeral ("II.1");
* a row without STT under a criterion ("- Ban hành kịp thời | 1") is a line of that criterion's guide
  ("Ban hành kịp thời: 1 điểm"); a row titled "Tổng cộng" states the total.

Guides are read by :func:`domain.scoring.guide_rules.rule_from_guide`; a guide it cannot read is kept as text for
scoring by hand, with a warning naming the row. Data problems never raise: they are ``errors`` (the set cannot be
used as it is: points that do not add up, a repeated code, a maximum that is not a number) or ``warnings``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from domain.scoring.guide_rules import rule_from_guide
from domain.scoring.rule_dicts import rule_to_dict
from domain.scoring.tree import Criterion, Method, validate_criteria
from domain.vn_numbers import vn_number
from domain.vntext import fold, normalize_space, roman_to_int

__all__ = ["PlacedCode", "TableImport", "codes_from_stt", "find_header", "import_criteria_table"]

ZERO = Decimal(0)
STT, CODE, PARENT, TITLE, MAX, GUIDE, EVIDENCE, METHOD = (
    "stt",
    "code",
    "parent",
    "title",
    "max",
    "guide",
    "evidence",
    "method",
)
# (role, pattern on the folded header cell), first match wins; "phương pháp" alone is the guide unless the
# table also has a guide column, then it is the method.
_HEADER_PATTERNS: tuple[tuple[str, str], ...] = (
    (STT, r"(?:so )?(?:tt|stt|thu tu|so thu tu)"),
    (PARENT, r"parent(?:_code)?|ma cha|ma (?:tieu chi|linh vuc) cha|thuoc(?: ma)?"),
    (CODE, r"code|ma|ma so|ma tieu chi"),
    (MAX, r"max_points|diem|.*toi da.*|.*thang diem.*|.*diem chuan.*"),
    (EVIDENCE, r".*(?:kiem chung|minh chung).*|evidence"),
    (METHOD, r"method|.*(?:phuong phap|hinh thuc) (?:danh gia|xac dinh).*"),
    (GUIDE, r"scoring_rule|.*(?:huong dan|cach cham|cach tinh|cach thuc cham|phuong phap cham).*"),
    ("guide_or_method", r"phuong phap"),
    (TITLE, r"title|.*(?:tieu chi|linh vuc|noi dung).*"),
)
_TOTAL = re.compile(r"^(?:tong cong|tong diem|tong so diem|tong so|tong|cong)(?: diem| \(.*\))?$")
_BULLETS = "-+*•–· "
_EXTRA_AREA = re.compile(r"diem thuong|diem tru|thuong, tru")
_METHODS = (
    (re.compile(r"dieu tra|xhh|survey|khao sat"), Method.SURVEY),
    (re.compile(r"tu danh gia|tu cham|\bself\b"), Method.SELF_ASSESSED),
    (re.compile(r"tinh tu du lieu|du lieu|computed|he thong"), Method.COMPUTED),
)


def _role(cell: str) -> str | None:
    folded = fold(cell).strip(" :.")
    if not folded or re.search(r"tu cham|tu danh gia|tham dinh|dat duoc|ghi chu|source|nguon", folded):
        return None
    return next((role for role, pattern in _HEADER_PATTERNS if re.fullmatch(pattern, folded)), None)


def _columns(row: Sequence[str | None]) -> dict[str, int]:
    columns: dict[str, int] = {}
    ambiguous = []
    for index, cell in enumerate(row):
        role = _role(cell or "")
        if role == "guide_or_method":
            ambiguous.append(index)
        elif role is not None and role not in columns:
            columns[role] = index
    for index in ambiguous:
        columns.setdefault(GUIDE if GUIDE not in columns else METHOD, index)
    return columns


def find_header(rows: Sequence[Sequence[str | None]], search: int = 30) -> tuple[int, dict[str, int]] | None:
    """The index of the header row among the first ``search`` rows and its columns by role, or ``None``."""
    for index, row in enumerate(rows[:search]):
        columns = _columns(row)
        if TITLE in columns and (STT in columns or CODE in columns):
            return index, columns
    return None


# --- codes from the STT column ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedCode:
    """Where an STT puts a row: its code, its parent's code, and a problem with the STT if there is one."""

    code: str
    parent: str | None
    problem: str = ""


def _token(raw: str) -> str:
    return normalize_space(raw).strip("() ").rstrip(".)").strip()


def _kind(token: str) -> str | None:
    if not token or all(char in _BULLETS for char in token):
        return None
    if re.fullmatch(r"[A-Z]", token) or (token.isupper() and roman_to_int(token)):
        return "area"
    if re.fullmatch(r"\d+(?:\.\d+)*", token):
        return "number"
    if re.fullmatch(r"[a-zđ]", token):
        return "letter"
    return "dotted" if "." in token else "other"


def _restarts(tokens: Sequence[str]) -> bool:
    """Does numbering start again in each area ("I · 1 · 2 · II · 1")?"""
    area: str | None = None
    first_seen: dict[str, str] = {}
    for token in tokens:
        kind = _kind(token)
        if kind == "area":
            area = token
        elif kind == "number" and area is not None:
            head = token.split(".")[0]
            if first_seen.setdefault(head, area) != area:
                return True
    return False


def codes_from_stt(raw_tokens: Sequence[str]) -> list[PlacedCode | None]:
    """Each STT's code and parent, in table order; ``None`` for a row without STT (a line of the guide above)."""
    tokens = [_token(raw) for raw in raw_tokens]
    has_areas = any(_kind(token) == "area" for token in tokens)
    qualify = _restarts(tokens)
    levels: dict[str, int] = {}
    stack: list[tuple[int, str, bool]] = []  # (level, code, is a lettered item)
    area: str | None = None
    placed: list[PlacedCode | None] = []

    def above(level: int) -> str | None:
        return next((code for lvl, code, _ in reversed(stack) if lvl < level), None)

    for token in tokens:
        kind, problem = _kind(token), ""
        if kind is None:
            placed.append(None)
            continue
        code, parent = token, None
        if kind == "area":
            area, level = token, 0
        elif kind == "letter":
            parent = next((c for _, c, lettered in reversed(stack) if not lettered), None)
            code = token if parent is None else f"{parent}.{token}"
            level = 0 if parent is None else levels[parent] + 1
        else:
            if kind == "number" and qualify and area is not None:
                code = f"{area}.{token}"
            prefix = code.rsplit(".", 1)[0] if "." in code else None
            if prefix is not None and prefix in levels:
                parent, level = prefix, levels[prefix] + 1
            elif kind == "other" or kind == "dotted":
                problem = (
                    f"số thứ tự “{token}” không theo dạng 1, 1.1, I hay a): xếp ngang hàng với dòng trên"
                )
                previous = next(((lvl, c) for lvl, c, lettered in reversed(stack) if not lettered), None)
                level = 0 if previous is None else previous[0]
                parent = above(level)
            else:
                level = token.count(".") + (1 if has_areas else 0)
                parent = above(level)
        levels.setdefault(code, level)
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, code, kind == "letter"))
        placed.append(PlacedCode(code, parent, problem))
    return placed


# --- rows ---------------------------------------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    code: str
    parent: str | None
    title: str
    max_points: Decimal | None
    evidence: str
    method: str
    guide: list[str] = field(default_factory=list)


def _cell(row: Sequence[str | None], columns: dict[str, int], role: str) -> str:
    index = columns.get(role)
    if index is None or index >= len(row):
        return ""
    return row[index] or ""


def _guide_text(text: str) -> str:
    lines = (normalize_space(line) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _number_or_problem(text: str) -> tuple[Decimal | None, str]:
    written = normalize_space(text)
    cleaned = re.sub(r"\s*(?:điểm|đ)\.?$", "", written, flags=re.IGNORECASE).strip()
    if not cleaned:
        return None, ""
    try:
        number = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        return None, f"điểm tối đa “{written}” không phải là một số"
    if not number.is_finite():
        return None, f"điểm tối đa “{written}” không phải là một số"
    return number, ""


def _is_numbering_row(cells: Sequence[str]) -> bool:
    """The "(1) (2) (3)" row under a header."""
    filled = [cell for cell in cells if cell]
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d+\)?", cell) for cell in filled)


def _where(number: int, code: str = "") -> str:
    return f"Dòng {number}" + (f" (tiêu chí {code})" if code else "")


@dataclass(frozen=True)
class TableImport:
    """What was read: the tree, the total (stated, else the sum of the areas), warnings and errors."""

    criteria: tuple[Criterion, ...]
    total_points: Decimal | None
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return bool(self.criteria) and not self.errors

    def flat(self) -> Iterator[tuple[Criterion, str | None]]:
        """Every criterion in table order with its parent's code."""

        def walk(node: Criterion, parent: str | None) -> Iterator[tuple[Criterion, str | None]]:
            yield node, parent
            for child in node.children:
                yield from walk(child, node.code)

        for root in self.criteria:
            yield from walk(root, None)

    def to_json(self) -> dict[str, object]:
        """The CLI's ``--json`` shape: criteria in table order with their parent, the total, warnings, errors."""
        return {
            "criteria": [
                {
                    "code": node.code,
                    "parent": parent,
                    "title": node.title,
                    "max_points": None if node.max_points is None else str(node.max_points),
                    "method": node.method.value,
                    "rule": None if node.rule is None else rule_to_dict(node.rule),
                    "evidence": node.evidence,
                    "guide": node.guide,
                }
                for node, parent in self.flat()
            ],
            "total_points": None if self.total_points is None else str(self.total_points),
            "warnings": list(self.warnings),
            "errors": list(self.errors),
        }


class _Reader:
    def __init__(self, columns: dict[str, int]) -> None:
        self.columns = columns
        self.explicit = PARENT in columns
        self.warnings: list[str] = []
        self.errors: list[str] = []
        self.rows: dict[str, _Row] = {}
        self.stated_total: Decimal | None = None

    def read(self, data: list[tuple[int, Sequence[str | None]]]) -> None:
        cell = self._cell
        if self.explicit:
            placed: list[PlacedCode | None] = []
            for _, row in data:
                code = _token(cell(row, CODE) or cell(row, STT))
                placed.append(PlacedCode(code, _token(cell(row, PARENT)) or None) if code else None)
        else:
            placed = codes_from_stt([cell(row, STT) for _, row in data])
        last: _Row | None = None
        for (number, row), place in zip(data, placed, strict=True):
            title = normalize_space(cell(row, TITLE))
            max_points, problem = _number_or_problem(cell(row, MAX))
            if place is None:
                last = self._loose_row(number, row, title, max_points, problem, last)
                continue
            if problem:
                self.errors.append(f"{_where(number, place.code)}: {problem}.")
            if place.problem:
                self.warnings.append(f"{_where(number, place.code)}: {place.problem}.")
            if place.code in self.rows:
                first = self.rows[place.code].number
                self.errors.append(
                    f"{_where(number)}: mã tiêu chí {place.code} bị lặp (đã có ở dòng {first}); bỏ dòng này."
                )
                last = None
                continue
            last = _Row(
                number=number,
                code=place.code,
                parent=place.parent,
                title=title,
                max_points=max_points,
                evidence=normalize_space(cell(row, EVIDENCE)),
                method=normalize_space(cell(row, METHOD)),
            )
            guide = _guide_text(cell(row, GUIDE))
            if guide:
                last.guide.append(guide)
            self.rows[place.code] = last

    def _cell(self, row: Sequence[str | None], role: str) -> str:
        return _cell(row, self.columns, role)

    def _loose_row(
        self,
        number: int,
        row: Sequence[str | None],
        title: str,
        max_points: Decimal | None,
        problem: str,
        last: _Row | None,
    ) -> _Row | None:
        """A row without STT: the total, or a line of the guide of the criterion above."""
        if _TOTAL.fullmatch(fold(title).strip(" :.")):
            if problem:
                self.errors.append(f"{_where(number)}: {problem}.")
            self.stated_total = max_points
            return None
        line = title.lstrip(_BULLETS)
        if max_points is not None:
            line = f"{line}: {vn_number(max_points)} điểm"
        guide = _guide_text(self._cell(row, GUIDE))
        text = "\n".join(part for part in (line, guide) if part)
        if not text:
            return last
        if last is None:
            self.warnings.append(
                f"{_where(number)}: không có số thứ tự và không thuộc tiêu chí nào; bỏ dòng này."
            )
            return None
        last.guide.append(text)
        return last

    def build(self) -> tuple[Criterion, ...]:
        children: dict[str | None, list[_Row]] = {}
        for row in self.rows.values():
            parent = row.parent
            if parent is not None and (parent not in self.rows or parent == row.code):
                self.warnings.append(
                    f"{_where(row.number, row.code)}: mã cha “{parent}” không có trong bảng; xếp ở cấp cao nhất."
                )
                parent = None
            children.setdefault(parent, []).append(row)
        built: set[str] = set()
        roots = tuple(self._node(row, children, False, built) for row in children.get(None, []))
        for row in self.rows.values():
            if row.code not in built:
                self.errors.append(f"{_where(row.number, row.code)}: mã cha tạo thành vòng lặp; bỏ dòng này.")
        return roots

    def _node(
        self, row: _Row, children: dict[str | None, list[_Row]], extra: bool, built: set[str]
    ) -> Criterion:
        built.add(row.code)
        extra = extra or bool(_EXTRA_AREA.search(fold(row.title)))
        kids = tuple(self._node(child, children, extra, built) for child in children.get(row.code, []))
        guide = "\n".join(row.guide)
        max_points, rule = row.max_points, None
        if guide and not kids:
            read = rule_from_guide(guide, max_points, extra_area=extra)
            rule = read.rule
            if rule is None:
                shown = normalize_space(guide)
                shown = shown if len(shown) <= 80 else shown[:79] + "…"
                self.warnings.append(
                    f"{_where(row.number, row.code)}: chưa nhận ra cách chấm “{shown}”; giữ nguyên văn để chấm trực tiếp."
                )
            elif read.cap is not None and max_points is None:
                max_points = read.cap
            elif read.cap is not None and read.cap != max_points and max_points is not None:
                self.errors.append(
                    f"{_where(row.number, row.code)}: hướng dẫn ghi tối đa {vn_number(read.cap)} điểm nhưng cột "
                    f"điểm tối đa ghi {vn_number(max_points)} điểm."
                )
        return Criterion(
            code=row.code,
            title=row.title,
            max_points=max_points,
            method=self._method(row, guide),
            evidence=row.evidence,
            guide=guide,
            rule=rule,
            children=kids,
        )

    def _method(self, row: _Row, guide: str) -> Method:
        if METHOD not in self.columns:
            found = next(
                (m for pattern, m in _METHODS[:1] if pattern.search(fold(f"{row.title} {guide}"))), None
            )
            return found or Method.SELF_ASSESSED
        if not row.method:
            return Method.SELF_ASSESSED
        folded = fold(row.method)
        # "self+survey" on an area mixes both: its criteria say which; the area itself is not scored by a method.
        for pattern, method in (_METHODS[1], _METHODS[0], _METHODS[2]):
            if pattern.search(folded):
                return method
        self.warnings.append(
            f"{_where(row.number, row.code)}: phương pháp đánh giá “{row.method}” không nhận ra; ghi là Tự đánh giá."
        )
        return Method.SELF_ASSESSED


def import_criteria_table(
    rows: Sequence[Sequence[str | None]], *, total_points: Decimal | None = None
) -> TableImport:
    """The criteria tree of a table given as rows of cell texts (row 1 first, ``None`` for a merged cell).

    ``total_points``: the total the decision states, when the table has no "Tổng cộng" row; the areas must add up
    to it. Problems are returned, never raised.
    """
    header = find_header(rows)
    if header is None:
        return TableImport(
            (),
            None,
            errors=(
                "Không tìm thấy dòng tiêu đề của bảng tiêu chí: cần các cột như STT · Tiêu chí · Điểm tối đa · "
                "Hướng dẫn chấm điểm.",
            ),
        )
    index, columns = header
    reader = _Reader(columns)
    if MAX not in columns:
        reader.errors.append("Bảng không có cột Điểm tối đa.")
    data = []
    for number, row in enumerate(rows[index + 1 :], start=index + 2):
        cells = [normalize_space(cell or "") for cell in row]
        if not any(cells) or _is_numbering_row(cells) or _columns(row) == columns:
            continue
        data.append((number, row))
    reader.read(data)
    criteria = reader.build()
    if not criteria:
        reader.errors.append("Bảng không có tiêu chí nào.")
    stated = total_points if total_points is not None else reader.stated_total
    reader.errors.extend(validate_criteria(criteria, stated))
    total = stated
    if total is None and any(node.max_points is not None for root in criteria for node in root.walk()):
        total = sum((root.full_max() for root in criteria if not root.extra), ZERO)
    return TableImport(criteria, total, tuple(reader.warnings), tuple(reader.errors))
