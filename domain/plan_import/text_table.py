"""A table that reached us as text, one cell fragment per line, column after column.

Copying a PDF table as text gives, for each row, the lines of the first cell, then those of the next,
and so on; the header row comes back at every page break with the page number before it, and a cell
that did not fit on a page goes on after the break. This module rebuilds the rows of such a tree table
(TT · Mục tiêu · Nhiệm vụ · Hoạt động · Kết quả/Sản phẩm · Chủ trì · Phối hợp · Thời gian · Ghi chú).

The heuristic, in order:
1. The header is the run of lines made only of column words ("TT Mục tiêu Nhiệm vụ Hoạt động",
   "Kết quả/ Sản", "phẩm", "Đơn vị", "chủ trì" …); its repetitions mark page breaks and are dropped with
   the bare page number before them.
2. Structural markers start cells: a roman area heading ("I Công tác chỉ đạo điều hành (06 mục tiêu; …)"),
   a bare number before "Mục tiêu N:" (the TT), "Mục tiêu N:", "Nhiệm vụ N:", "Hoạt động N". A marker for
   a column already filled in the current row starts a new row (an activity under the same task).
3. The text after the last marker of a row holds that cell and the columns to its right. They are found
   from the end: the time cell starts at the first time phrase ("Trong năm", "Quý …", "Sau khi có …",
   "Theo thời gian …", "Cả năm") that follows a unit name; the co-operating and lead cells at the last two
   unit names before it ("Văn phòng …", "Các phòng …", "Bộ phận …", "Phòng …"; a unit list continues after
   "…;"); the deliverable at the last line before the lead that starts with a product word ("Báo cáo",
   "Kế hoạch", "Tờ trình", "Tỷ lệ" …), taking in the product named before it when that one ends in a comma.
   A cell starts with a capital letter, so lower-case lines always continue the cell before them.
4. Text that spilled over a page break is given back to the cells it continues, in column order: each line
   goes to the cell whose last word it continues best, judged by how often the two words follow each other
   elsewhere in the document ("thực" + "hiện", "số" + a number).
The "Ghi chú" column cannot be told from a time phrase written over several lines, so it is left empty.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from domain.plan_import.columns import columns_in_text
from domain.plan_import.layout import clean_line, join_text
from domain.plan_import.result import ImportWarning
from domain.vntext import fold, roman_to_int

__all__ = ["TableRows", "TreeRow", "read_cell_stream"]


@dataclass
class TreeRow:
    """One table row by column name; ``None`` = merged with the cell above, ``heading`` = area row."""

    cells: dict[str, str | None]
    heading: str | None = None
    segment_start: bool = False


@dataclass
class TableRows:
    """The rows of one task table and the columns its header names."""

    columns: list[str]
    rows: list[TreeRow] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)


_HEADER_WORDS = frozenset(
    "tt stt so thu tu muc tieu nhiem vu hoat dong ket qua san pham don vi chu tri phoi hop thoi gian thuc "
    "hien han ghi chu noi dung cong viec co quan du kien linh vuc nguoi chiu trach nhiem tham quyen".split()
)
_MARKER = re.compile(r"^(?P<kind>Mục tiêu|Nhiệm vụ|Hoạt động)\s*(?P<number>\d{1,3})\b\s*[:.\-–]?\s*(?P<rest>.*)$", re.I)
_INLINE_MARKER = re.compile(r"(?<=\S)\s+(?=(?:Mục tiêu|Nhiệm vụ|Hoạt động)\s+\d{1,3}\b)")
_AREA = re.compile(r"^(?P<roman>[IVXL]{1,5})\s*[.\-–)]?\s+(?P<title>\S.*)$")
_KINDS = {"muc tieu": "objective", "nhiem vu": "task", "hoat dong": "activity"}
_MARKED = ("objective", "task", "activity")
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
_PRODUCT = re.compile(
    r"^(?:bao cao|ke hoach|van ban|to trinh|quyet dinh|cac quyet dinh|ty le|tin\b|de an|thong ke|bien ban|"
    r"cong van|danh sach|danh muc|phuong an|du thao|thong bao|huong dan|chuong trinh|giay|san pham|ket qua|"
    r"co so du lieu|csdl|he thong|so lieu|phan mem|chuyen muc|bai viet|infographic|video|nghi quyet|"
    r"quy che|quy trinh|\d+\s*%)"
)
_SUPPORTED_TAIL = ("deliverable", "lead", "cooperating", "time", "note")


def _words(line: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", fold(line)).split()


def _header_like(line: str) -> bool:
    words = _words(line)
    return bool(words) and all(word in _HEADER_WORDS for word in words)


def _is_area(line: str) -> bool:
    match = _AREA.match(line.strip())
    return bool(match and roman_to_int(match["roman"]) and match["title"][:1].isupper())


def _row_start(line: str) -> bool:
    text = line.strip()
    return _is_area(text) or text.isdigit() or bool(_MARKER.match(text))


def _fragments(line: str) -> list[str]:
    """A text line split where it joins two cells: wide gaps, an inline marker, "Kế hoạch Văn phòng"."""
    pieces: list[str] = []
    for part in re.split(r"\s{2,}", line.strip()):
        pieces.extend(p for p in _INLINE_MARKER.split(part) if p.strip())
    result: list[str] = []
    for piece in pieces:
        match = re.match(r"^(?P<head>.+?)\s+(?P<unit>Văn phòng|Bộ phận|Phòng)$", piece.strip())
        if match and _PRODUCT.match(fold(match["head"])):
            result.extend((match["head"], match["unit"]))
        else:
            result.append(piece.strip())
    return [clean_line(piece) for piece in result if clean_line(piece)]


class _Bigrams:
    """How often two words follow each other in the document, for re-attaching spilled text."""

    def __init__(self, corpus: list[str]) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        for line in corpus:
            tokens = self.tokens(line)
            self.counts.update(zip(tokens, tokens[1:]))

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


@dataclass
class _Row:
    number: str | None
    after_break: bool
    follows_merged: bool
    cells: dict[str, list[str]] = field(default_factory=dict)
    last: str | None = None
    orphans: list[str] = field(default_factory=list)

    @property
    def owns_work(self) -> bool:
        return "task" in self.cells or "activity" in self.cells


def read_cell_stream(lines: list[str], corpus: list[str]) -> TableRows | None:
    """Rows of a tree table written cell by cell, or ``None`` when ``lines`` hold no such table."""
    start = next(
        (i for i, line in enumerate(lines) if _header_like(line) and len(columns_in_text(line)) >= 3), None
    )
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or (_header_like(lines[end]) and not _row_start(lines[end]))):
        end += 1
    header_text = " ".join(line.strip() for line in lines[start:end])
    columns = columns_in_text(header_text)
    marked = [c for c in columns if c in _MARKED]
    if not marked:
        return None
    table = TableRows(columns=columns)
    tail = columns[columns.index(marked[-1]) + 1 :]
    if [c for c in tail if c in _SUPPORTED_TAIL] != [c for c in _SUPPORTED_TAIL if c in tail]:
        table.warnings.append(
            ImportWarning(
                "appendix",
                "Bảng phụ lục dạng văn bản có thứ tự cột chưa hỗ trợ; chỉ đọc được tên mục tiêu, nhiệm vụ, "
                "hoạt động, cần nhập các cột còn lại bằng tay.",
            )
        )
        tail = []
    header_start = _words(lines[start])
    parser = _StreamParser(table, tail, _Bigrams(corpus + lines))
    index = end
    while index < len(lines):
        line = lines[index].strip()
        index += 1
        if not line:
            continue
        if fold(line).startswith("phu luc"):
            break
        if _words(line) == header_start:
            while index < len(lines) and (
                not lines[index].strip() or (_header_like(lines[index]) and not _row_start(lines[index]))
            ):
                index += 1
            parser.page_break()
            continue
        if line.isdigit() and len(line) <= 3:
            following = next((lines[k].strip() for k in range(index, len(lines)) if lines[k].strip()), "")
            if _MARKER.match(following) and "objective" in columns:
                parser.number(line)
            # Otherwise a page number: the page break itself is marked by the repeated header.
            continue
        if _is_area(line):
            parser.area(clean_line(line))
            continue
        for fragment in _fragments(lines[index - 1]):
            parser.fragment(fragment)
    parser.finish()
    return table


class _StreamParser:
    def __init__(self, table: TableRows, tail: list[str], bigrams: _Bigrams) -> None:
        self.table = table
        self.tail = tail
        self.bigrams = bigrams
        self.rows: list[_Row | str] = []
        self.current: _Row | None = None
        self.pending_break = False

    def _new_row(self, number: str | None = None) -> _Row:
        previous = self.current
        follows_merged = previous is not None and not previous.owns_work
        self.current = _Row(number, self.pending_break, follows_merged)
        self.pending_break = False
        self.rows.append(self.current)
        return self.current

    def page_break(self) -> None:
        self.pending_break = True

    def number(self, text: str) -> None:
        self._new_row(text)

    def area(self, text: str) -> None:
        self.rows.append(text)
        self.current = None
        self.pending_break = False

    def fragment(self, text: str) -> None:
        match = _MARKER.match(text)
        if match:
            column = _KINDS[fold(match["kind"])]
            row = self.current
            if row is None or column in row.cells or any(
                c in row.cells for c in _MARKED[_MARKED.index(column) + 1 :]
            ):
                row = self._new_row()
            row.cells[column] = [match["rest"]] if match["rest"] else []
            row.last = column
            return
        row = self.current
        if row is None or row.last is None:
            self.table.warnings.append(
                ImportWarning("appendix", f"Bỏ qua đoạn “{text}” của bảng phụ lục: không thuộc dòng nào.")
            )
            return
        if self.pending_break:
            row.orphans.append(text)  # the rest of a cut row, before the next row starts
        else:
            row.cells[row.last].append(text)

    def finish(self) -> None:
        # The last row that owns a task or activity: cells of a merged group spill over from it.
        open_columns: dict[str, list[str]] | None = None
        built: list[tuple[_Row, dict[str, list[str]]] | str] = []
        for item in self.rows:
            if isinstance(item, str):
                built.append(item)
                continue
            columns = self._split_tail(item)
            if item.after_break and item.follows_merged and open_columns is not None and item.last:
                self._respill(columns, item, open_columns)
            if item.orphans:
                targets = [c for c in (*_MARKED, *_SUPPORTED_TAIL) if c in columns]
                self._assign(item.orphans, [columns[c] for c in targets])
            if item.owns_work:
                open_columns = columns
            built.append((item, columns))
        # Rows are written only now: a later row may have given text back to an earlier one.
        for entry in built:
            if isinstance(entry, str):
                self.table.rows.append(TreeRow(cells={}, heading=entry))
            else:
                self.table.rows.append(self._tree_row(*entry))

    def _respill(self, columns: dict[str, list[str]], row: _Row, open_columns: dict[str, list[str]]) -> None:
        first = next(c for c in _MARKED if c in row.cells)
        fragments = columns[first]
        if len(fragments) < 2:
            return
        keep, spill = fragments[:1], fragments[1:]
        targets = [keep] + [open_columns[c] for c in (*_MARKED, *_SUPPORTED_TAIL) if c in open_columns and c != "objective"]
        columns[first] = keep
        self._assign(spill, targets)

    def _assign(self, fragments: list[str], targets: list[list[str]]) -> None:
        """Append each fragment to the target cell it continues best, moving forward only."""
        if not targets:
            return
        position = 0
        for fragment in fragments:
            best, best_score = position, self.bigrams.score(targets[position], fragment)
            for candidate in range(position + 1, len(targets)):
                score = self.bigrams.score(targets[candidate], fragment)
                if score > best_score:
                    best, best_score = candidate, score
            position = best
            targets[position].append(fragment)

    def _split_tail(self, row: _Row) -> dict[str, list[str]]:
        columns = {name: list(parts) for name, parts in row.cells.items()}
        if row.last is None or not row.owns_work or not self.tail:
            return columns
        fragments = columns[row.last]
        cut = _tail_cuts(fragments, self.tail)
        if cut is None:
            return columns
        columns[row.last] = fragments[: cut[0][1]] if cut else fragments
        for (name, begin), following in zip(cut, [*cut[1:], ("", len(fragments))]):
            columns[name] = fragments[begin : following[1]]
        return columns

    def _tree_row(self, row: _Row, columns: dict[str, list[str]]) -> TreeRow:
        cells: dict[str, str | None] = {"no": row.number or ""}
        for name in self.table.columns:
            if name == "no":
                continue
            if name in _MARKED:
                cells[name] = _text(columns[name]) if name in columns else None
            elif row.owns_work:
                cells[name] = _text(columns.get(name, []))
            else:
                cells[name] = None
        return TreeRow(cells=cells, segment_start=row.after_break)


def _text(fragments: list[str]) -> str:
    joined = ""
    for fragment in fragments:
        joined = join_text(joined, fragment)
    return joined.strip(" ,;")


def _starts_cell(fragment: str) -> bool:
    return fragment[:1].isupper() or fragment[:1].isdigit()


def _tail_cuts(fragments: list[str], tail: list[str]) -> list[tuple[str, int]] | None:
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
            if _PRODUCT.match(folded[i])
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
