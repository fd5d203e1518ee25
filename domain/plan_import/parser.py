"""Reading a whole plan: front matter, basis, objectives, tasks, closing — with a warning for every gap.

The parser relies only on how Vietnamese administrative documents are laid out (Nghị định 30/2020/NĐ-CP):
header lines before the type name "KẾ HOẠCH", the subject, the preamble up to section "I.", roman
sections, "Nơi nhận:" and the signature after the closing "./.", then "PHỤ LỤC" with the task table.
Directives, dispatches and notices of conclusions are read the same way, their tasks taken from who is
told to do what (``responsibilities``); a decision that issues a plan gives its number, date, basis and
signature, and the plan attached to it gives the rest (``kinds``).
A layout it does not know degrades to fewer fields and more warnings, never to an exception: the only
exception is ``DocumentError`` for a file that is none of those documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from domain.plan_import.appendix import build_appendix
from domain.plan_import.assignments import read_assignments
from domain.plan_import.document import DocumentError, Paragraph, SourceDocument, Table, read_document
from domain.plan_import.header import (
    Front,
    explicit_period,
    infer_issuer,
    own_words,
    plan_period,
    plan_type,
    read_attachment_line,
    read_closing,
    read_front,
)
from domain.plan_import.kinds import DECISION, PLAN, attached_plan_start, kind_of
from domain.plan_import.labelled import labelled_tasks
from domain.plan_import.layout import (
    Node,
    Section,
    clean_line,
    is_furniture,
    is_running_header,
    outline,
    repair_lines,
    sections,
    unwrap,
)
from domain.plan_import.masthead import display_name
from domain.plan_import.objectives import read_objectives
from domain.plan_import.references import find_references, find_supersedes
from domain.plan_import.responsibilities import agency_tasks, targets_in_duties, tidy_duty
from domain.plan_import.result import DocRef, ImportWarning, ParsedTask, PlanHeader, PlanParseResult
from domain.plan_import.rubrics import Rubric, read_rubrics
from domain.plan_import.table_rows import TableRows, rows_from_tables
from domain.plan_import.task_areas import areas_from_body
from domain.plan_import.tasks import TaskContext
from domain.plan_import.text_table import read_cell_stream
from domain.vntext import fold, strip_markup

__all__ = ["parse_plan", "parse_plan_file"]

_APPENDIX = re.compile(r"^phu luc(?:\s+(?:so\s+)?[ivx\d]+)?\s*[:.\-–]?\s*$")
_INTERNAL_ERROR = (
    "Không đọc được kế hoạch do một lỗi ngoài dự kiến của bộ nhập; hãy gửi tệp này cho quản trị viên."
)


def parse_plan_file(data: bytes, filename: str) -> PlanParseResult:
    """Read and parse a plan file (.txt, .docx or .pdf, chosen by content)."""
    return parse_plan(read_document(data, filename))


def parse_plan(doc: SourceDocument, *, default_year: int | None = None) -> PlanParseResult:
    """Parse a read document into a plan; raises only ``DocumentError`` (for a file that is not a plan).

    ``default_year`` is the plan year to assume when neither the subject, the preamble nor the date line
    names one.
    """
    try:
        return _Parse(doc, default_year).run()
    except DocumentError:
        raise
    except Exception as error:  # the promise to callers: one exception type with a message to show
        raise DocumentError(_INTERNAL_ERROR) from error


def _is_appendix_heading(text: str) -> bool:
    folded = fold(text)
    if not folded.startswith("phu luc"):
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(_APPENDIX.match(folded)) or (len(text) <= 160 and all(c.isupper() for c in letters))


class _Parse:
    """One parse of one document, collecting warnings as it goes."""

    def __init__(self, doc: SourceDocument, default_year: int | None) -> None:
        self.doc = doc
        self.default_year = default_year
        self.warnings: list[ImportWarning] = [ImportWarning("document", note) for note in doc.notes]

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(ImportWarning(where, message))

    def _lines(self, used: set[int]) -> list[str]:
        """Every line in reading order; tables that are not task tables are read cell by cell.

        The top block of a document (issuer and number on the left, motto and date on the right) is read
        column by column, so that a name broken over two rows of its cell stays together.
        """
        lines: list[str] = []
        for index, block in enumerate(self.doc.blocks):
            if isinstance(block, Paragraph):
                lines.append(strip_markup(block.text))
            elif isinstance(block, Table) and index not in used:
                rows = block.rows
                if _is_top_block(rows):
                    width = max(len(row) for row in rows)
                    rows = tuple(
                        tuple(row[column] if column < len(row) else None for row in rows)
                        for column in range(width)
                    )
                for row in rows:
                    for cell in dict.fromkeys(c for c in row if c):
                        lines.extend(strip_markup(line) for line in cell.split("\n") if line.strip())
        return lines

    def run(self) -> PlanParseResult:
        grids = [(i, b.rows) for i, b in enumerate(self.doc.blocks) if isinstance(b, Table)]
        tables, used = rows_from_tables(grids)
        raw = self._lines(used)
        rubrics = read_rubrics(
            [(b.text, None) if isinstance(b, Paragraph) else (None, b.rows) for b in self.doc.blocks]
        )
        main = self._part(raw)
        front = main.front
        kind = kind_of(front.type_name, front.title, front.symbol, front.subject_line)
        if kind is None:
            self._refuse(front.type_name, main.found_sections, tables)
            kind = PLAN
        plan_part = main
        if kind == DECISION:
            start = attached_plan_start([clean_line(line) for line in raw])
            if start is None:
                if not self._has_assignments(main):
                    self._refuse(front.type_name, [], [])
            else:
                plan_part = self._part(raw[start:])
                main = self._part(raw[:start])
        return self._result(kind, main, plan_part, tables, rubrics)

    def _part(self, raw: list[str]) -> _Part:
        """The front matter, sections and closing of the lines of one document (or of an attached plan)."""
        appendix_at = next(
            (i for i, line in enumerate(raw) if _is_appendix_heading(clean_line(line))), len(raw)
        )
        body_lines = [clean_line(line) for line in raw[:appendix_at] if not is_running_header(line)]
        paragraphs = unwrap(repair_lines([line for line in body_lines if line and not is_furniture(line)]))
        closing_at = self._closing_start(paragraphs)
        body, closing = paragraphs[:closing_at], paragraphs[closing_at:]
        nodes = outline(body)
        before, found_sections = sections(nodes)
        if not found_sections:
            before, found_sections = sections(_promote_capital_items(nodes))
        # The top block is read from the lines as extracted: a wide gap there separates its two columns.
        front = read_front([node.full for node in before], raw[:appendix_at])
        return _Part(raw, appendix_at, paragraphs, body, closing, nodes, before, found_sections, front)

    @staticmethod
    def _has_assignments(part: _Part) -> bool:
        """Whether a decision without an attached plan assigns work itself ("Điều 2. Giao Sở …")."""
        any_year = TaskContext(plan_year=2000, period_end_year=2000)  # only whether tasks exist matters
        return bool(agency_tasks(part.nodes, any_year, front_addressees=[])[0])

    def _result(
        self, kind: str, main: _Part, plan_part: _Part, tables: list[TableRows], rubrics: list[Rubric]
    ) -> PlanParseResult:
        front = main.front
        raw, appendix_at = plan_part.raw, plan_part.appendix_at
        if not front.number_found:
            attached = read_attachment_line(front, [clean_line(line) for line in raw[appendix_at:]])
            if attached is not None:
                self.warn(
                    "plan.number",
                    f"Phần đầu văn bản không có dòng “Số: …”; số, ký hiệu lấy từ dòng “{attached}” của phụ lục.",
                )
        title = plan_part.front.title or front.title
        plan_kind = plan_type(title or "")
        if title is None:
            self.warn("plan.title", "Không tìm thấy tiêu đề (trích yếu) của văn bản.")
        if plan_kind is None:
            plan_kind = "other"
            self.warn("plan.type", "Không xác định được loại kế hoạch từ tiêu đề; đã để loại “khác”.")
        period = self._period(title, plan_part, front)
        if period is not None:
            context = TaskContext(plan_year=period[0].year, period_end_year=period[1].year)
        else:
            year = self._fallback_year(front.issued_on)
            context = TaskContext(plan_year=year, period_end_year=year)
        full_text = "\n".join(main.paragraphs + (plan_part.paragraphs if plan_part is not main else []))
        header_issuer = front.header_issuer or plan_part.front.header_issuer
        issuer = self._issuer(
            display_name(header_issuer, full_text) if header_issuer else None,
            title,
            front.preamble,
            front.place,
        )
        self._front_warnings(
            front.number_found, front.number, front.issued_on, front.date_problem, front.place
        )
        basis = [
            ref
            for ref in self._basis(
                front.preamble + (plan_part.front.preamble if plan_part is not main else [])
            )
            if (ref.number, ref.symbol)
            != (front.number, front.symbol)  # "(Ban hành kèm theo Quyết định số …)"
        ]
        supersedes = self._supersedes(plan_part.body)
        closing_fields = read_closing(main.closing)
        self._closing_warnings(closing_fields.recipients, closing_fields.signer_title, closing_fields.signer)
        found_sections = plan_part.found_sections
        objectives, objective_warnings = read_objectives(found_sections)
        if not objectives and kind != PLAN:
            objectives = targets_in_duties(plan_part.nodes)
        else:
            self.warnings.extend(objective_warnings)
        if not tables and appendix_at < len(raw):
            stream = read_cell_stream(raw[appendix_at + 1 :], plan_part.paragraphs)
            if stream is not None:
                tables = [stream]
        appendix = build_appendix(tables, context)
        self.warnings.extend(appendix.warnings)
        if appendix.tasks:
            tasks = appendix.tasks
        else:
            if appendix_at < len(raw) and not rubrics:
                self.warn("appendix", "Có phụ lục nhưng không đọc được bảng phân công nhiệm vụ trong đó.")
            tasks, task_warnings = self._structure_tasks(kind, plan_part, context)
            self.warnings.extend(task_warnings)
        tasks = areas_from_body(list(tasks), found_sections)
        self._unclassified(tasks)
        plan = PlanHeader(
            number=front.number,
            symbol=front.symbol,
            issued_on=front.issued_on,
            place=front.place,
            issuer=issuer,
            title=title,
            type=plan_kind,
            period_start=period[0] if period else None,
            period_end=period[1] if period else None,
            signer=closing_fields.signer,
            signer_title=closing_fields.signer_title,
            recipients=tuple(closing_fields.recipients),
            supersedes=supersedes,
        )
        return PlanParseResult(
            plan=plan,
            basis=tuple(basis),
            objectives=(*objectives, *appendix.objectives),
            tasks=tuple(tasks),
            groups=tuple(appendix.groups),
            warnings=tuple(self.warnings),
            source_format=self.doc.format,
            kind=kind,
            rubrics=tuple(rubrics),
        )

    def _structure_tasks(
        self, kind: str, part: _Part, context: TaskContext
    ) -> tuple[list[ParsedTask], list[ImportWarning]]:
        """Tasks of a document without a task table: its assignments, read from its structure."""
        labelled, warnings = labelled_tasks(_after_title(part.nodes), context)
        if labelled:
            return labelled, warnings
        if kind == PLAN:
            tasks, warnings = read_assignments(part.found_sections, context)
            if any(task.lead for task in tasks):
                return [tidy_duty(task) for task in tasks], warnings
        found, warnings = agency_tasks(
            _after_title(part.nodes), context, front_addressees=part.front.addressees
        )
        if found:
            return found, warnings
        if kind == PLAN:
            return read_assignments(part.found_sections, context)
        return [], [ImportWarning("tasks", "Không tìm thấy nhiệm vụ nào được giao cho cơ quan, đơn vị.")]

    @staticmethod
    def _closing_start(paragraphs: list[str]) -> int:
        """Where "Nơi nhận" and the signature start: after the body's closing "./." or at "Nơi nhận"."""
        recipients = next((i for i, p in enumerate(paragraphs) if fold(p).startswith("noi nhan")), None)
        limit = recipients if recipients is not None else len(paragraphs)
        ends = [i for i, p in enumerate(paragraphs[:limit]) if p.rstrip().endswith(("./.", "/."))]
        candidates = [i for i in (recipients, ends[-1] + 1 if ends else None) if i is not None]
        return min(candidates) if candidates else len(paragraphs)

    def _refuse(self, type_name: str | None, found: list[Section], tables: list[TableRows]) -> None:
        """Refuse a document that is none of the kinds the importer reads; a plan without its type line passes."""
        if type_name is not None:
            raise DocumentError(
                f"Tệp này không phải là một kế hoạch: văn bản có tên loại “{type_name}”, không phải “KẾ HOẠCH”, "
                "“CHỈ THỊ”, “QUYẾT ĐỊNH” ban hành kế hoạch, công văn giao nhiệm vụ hay thông báo kết luận."
            )
        keys = " ".join(section.key for section in found)
        structure = sum(word in keys for word in ("muc tieu", "muc dich", "nhiem vu", "to chuc thuc hien"))
        if structure >= 2 or tables:
            self.warn(
                "plan.type", "Không thấy dòng tên loại văn bản “KẾ HOẠCH”; đã đọc theo cấu trúc kế hoạch."
            )
            return
        raise DocumentError(
            "Tệp này không phải là một kế hoạch: không có dòng tên loại “KẾ HOẠCH” và không có các mục của một "
            "kế hoạch (mục tiêu, nhiệm vụ, tổ chức thực hiện)."
        )

    def _period(self, title: str | None, part: _Part, front: Front) -> tuple[date, date] | None:
        """The period the document states for itself: its title, then its own words (never a cited
        document's year or date) in the preamble and the body, then the year of its date line."""
        issued_on = front.issued_on
        body = own_words(" ".join(node.text for node in part.nodes[len(part.before) :]))
        stated = explicit_period(body, issued_on)
        if stated is not None:
            return stated  # "từ ngày ban hành đến hết ngày 31/12/2026": more precise than the title's year
        if title:
            period = plan_period(title, issued_on)
            if period:
                return period
        sources = (
            ("phần mở đầu", own_words(" ".join(part.front.preamble))),
            ("nội dung văn bản", own_words(" ".join(node.text for node in part.nodes[len(part.before) :]))),
        )
        for source, text in sources:
            period = plan_period(text, issued_on) if text else None
            if period is None and source == "nội dung văn bản" and issued_on is not None:
                source, period = "năm ban hành", (date(issued_on.year, 1, 1), date(issued_on.year, 12, 31))
            if period:
                self.warn(
                    "plan.period",
                    f"Tiêu đề không nêu năm hoặc giai đoạn; đã lấy năm {period[0].year} từ {source}, cần kiểm tra.",
                )
                return period
        self.warn("plan.period", "Không xác định được năm hoặc giai đoạn của kế hoạch.")
        return None

    def _fallback_year(self, issued_on: date | None) -> int:
        """The year task times are read in when the plan names none: issue year, caller's, or this year."""
        if issued_on is not None:
            year, source = issued_on.year, "năm ban hành"
        elif self.default_year is not None:
            year, source = self.default_year, "năm mặc định"
        else:
            year, source = date.today().year, "năm hiện tại"
        self.warn(
            "plan.period", f"Thời gian các nhiệm vụ được hiểu theo năm {year} ({source}), cần kiểm tra."
        )
        return year

    def _issuer(
        self, header: str | None, title: str | None, preamble: list[str], place: str | None
    ) -> str | None:
        if header:
            return header
        inferred = infer_issuer(title, preamble, place)
        if inferred is None:
            self.warn("plan.issuer", "Không xác định được cơ quan ban hành.")
            return None
        name, source = inferred
        self.warn(
            "plan.issuer",
            f"Phần đầu văn bản không ghi cơ quan ban hành; đã suy ra “{name}” từ {source}, cần kiểm tra.",
        )
        return name

    def _front_warnings(
        self,
        number_found: bool,
        number: str | None,
        issued_on: date | None,
        date_problem: str | None,
        place: str | None,
    ) -> None:
        if not number_found:
            self.warn("plan.number", "Không tìm thấy dòng số, ký hiệu văn bản (“Số: …”).")
        elif number is None:
            self.warn("plan.number", "Số văn bản để trống (dự thảo); cần bổ sung số khi ban hành.")
        if issued_on is None:
            self.warn(
                "plan.issued_on", date_problem or "Không tìm thấy dòng địa danh, ngày tháng năm ban hành."
            )
        if place is None:
            self.warn("plan.place", "Không tìm thấy địa danh ban hành.")

    def _basis(self, preamble: list[str]) -> list[DocRef]:
        basis: list[DocRef] = []
        for paragraph in preamble:
            for found in find_references(paragraph):
                ref = found.ref
                where = f"basis:{ref.number}/{ref.symbol}"
                for problem in found.problems:
                    self.warn(where, f"Văn bản căn cứ số {ref.number}/{ref.symbol}: {problem}.")
                missing = [
                    label
                    for label, value in (("ngày ban hành", ref.issued_on), ("cơ quan ban hành", ref.issuer))
                    if value is None
                ]
                if missing:
                    self.warn(
                        where, f"Văn bản căn cứ số {ref.number}/{ref.symbol} không ghi {', '.join(missing)}."
                    )
                if all((b.number, b.symbol) != (ref.number, ref.symbol) for b in basis):
                    basis.append(ref)
        return basis

    def _supersedes(self, body: list[str]) -> DocRef | None:
        for paragraph in body:
            found = find_supersedes(paragraph)
            if found is not None:
                for problem in found.problems:
                    self.warn("plan.supersedes", f"Văn bản bị thay thế: {problem}.")
                return found.ref
        return None

    def _closing_warnings(self, recipients: list[str], signer_title: str | None, signer: str | None) -> None:
        if not recipients:
            self.warn("plan.recipients", "Không tìm thấy phần “Nơi nhận”.")
        if signer_title is None:
            self.warn("plan.signer_title", "Không tìm thấy chức danh người ký.")
        if signer is None:
            self.warn("plan.signer", "Không tìm thấy họ tên người ký.")

    def _unclassified(self, tasks: list[ParsedTask]) -> None:
        refs = [task.ref for task in tasks if task.area is None]
        if refs:
            self.warn("tasks", f"Chưa xác định được lĩnh vực CCHC của nhiệm vụ {', '.join(refs)}.")


def _after_title(nodes: list[Node]) -> list[Node]:
    """The nodes after the type line (or a dispatch's "V/v" line): the top block assigns nothing."""
    for index, node in enumerate(nodes[:40]):
        folded = fold(re.sub(r"[^\w\s/]", " ", node.text))
        if folded in ("ke hoach", "chi thi", "quyet dinh", "thong bao", "cong van") or folded.startswith(
            "v/v"
        ):
            return nodes[index + 1 :]
    return nodes


def _is_top_block(rows: tuple[tuple[str | None, ...], ...]) -> bool:
    """Whether a table is the document's top block: a few short rows holding the motto or the number."""
    if not rows or len(rows) > 8 or max(len(row) for row in rows) > 3:
        return False
    text = fold(" ".join(cell or "" for row in rows[:4] for cell in row))
    return bool(re.search(r"cong hoa|doc lap|(?:^|\s)so\s*:", text))


@dataclass
class _Part:
    """One document (or a decision's attached plan) cut into its parts."""

    raw: list[str]
    appendix_at: int
    paragraphs: list[str]
    body: list[str]
    closing: list[str]
    nodes: list[Node]
    before: list[Node]
    found_sections: list[Section]
    front: Front


def _promote_capital_items(nodes: list[Node]) -> list[Node]:
    """Treat "1. MỤC TIÊU" as a section heading in a plan numbered without roman sections."""
    promoted = []
    for node in nodes:
        letters = [c for c in node.text if c.isalpha()]
        if node.kind == "arabic" and letters and all(c.isupper() for c in letters):
            promoted.append(Node("roman", node.label, node.text))
        else:
            promoted.append(node)
    return promoted
