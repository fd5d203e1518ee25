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
from dataclasses import dataclass, field

from domain.plan_import.cell_roles import PRODUCT, Bigrams, tail_cuts
from domain.plan_import.columns import columns_in_text
from domain.plan_import.layout import clean_line, join_text
from domain.plan_import.result import ImportWarning
from domain.plan_import.table_rows import TableRows, TreeRow
from domain.vntext import fold, roman_to_int

__all__ = ["read_cell_stream"]


# The words column headings are made of; a line of nothing else is (part of) the header row.
_HEADING_VOCABULARY = (
    "TT STT số thứ tự mục tiêu nhiệm vụ hoạt động kết quả sản phẩm đơn vị cơ quan chủ trì phối hợp thời gian "
    "thực hiện thời hạn ghi chú nội dung công việc dự kiến lĩnh vực người chịu trách nhiệm thẩm quyền"
)
_HEADER_WORDS = frozenset(fold(_HEADING_VOCABULARY).split())
_MARKER = re.compile(
    r"^(?P<kind>Mục tiêu|Nhiệm vụ|Hoạt động)\s*(?P<number>\d{1,3})\b\s*[:.\-–]?\s*(?P<rest>.*)$", re.I
)
_INLINE_MARKER = re.compile(r"(?<=\S)\s+(?=(?:Mục tiêu|Nhiệm vụ|Hoạt động)\s+\d{1,3}\b)")
_AREA = re.compile(r"^(?P<roman>[IVXL]{1,5})\s*[.\-–)]?\s+(?P<title>\S.*)$")
_KINDS = {"muc tieu": "objective", "nhiem vu": "task", "hoat dong": "activity"}
_MARKED = ("objective", "task", "activity")
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
        if match and PRODUCT.match(fold(match["head"])):
            result.extend((match["head"], match["unit"]))
        else:
            result.append(piece.strip())
    return [clean_line(piece) for piece in result if clean_line(piece)]


@dataclass
class _Row:
    """A row being read: its TT, the fragments of each marked cell, text cut off by a page break."""

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
    while end < len(lines) and (
        not lines[end].strip() or (_header_like(lines[end]) and not _row_start(lines[end]))
    ):
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
    parser = _StreamParser(table, tail, Bigrams(corpus + lines))
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
    """Builds rows from the classified fragments of the text, then splits and re-attaches cell text."""

    def __init__(self, table: TableRows, tail: list[str], bigrams: Bigrams) -> None:
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
            if (
                row is None
                or column in row.cells
                or any(c in row.cells for c in _MARKED[_MARKED.index(column) + 1 :])
            ):
                row = self._new_row()
            # The marker stays in the cell, as in a Word table: the tree builder reads its number.
            row.cells[column] = [text]
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
        targets = [keep] + [
            open_columns[c] for c in (*_MARKED, *_SUPPORTED_TAIL) if c in open_columns and c != "objective"
        ]
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
        cut = tail_cuts(fragments, self.tail)
        if cut is None:
            return columns
        columns[row.last] = fragments[: cut[0][1]] if cut else fragments
        for (name, begin), following in zip(cut, [*cut[1:], ("", len(fragments))], strict=True):
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
