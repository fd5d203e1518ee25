"""The documents of a reward round in the format of Nghị định 30/2020/NĐ-CP (`nd30`), from plain data.

- the proposal (tờ trình đề nghị khen thưởng) with the list of nominees — STT, họ tên / tập thể, chức vụ, đơn vị,
  hình thức / danh hiệu, thành tích tóm tắt — grouped by award, and the dossier attached;
- the council's minutes (biên bản họp Hội đồng Thi đua – Khen thưởng): time, place, members present of the total,
  chair and secretary, the rule set and its threshold, and per nominee the secret-ballot count (đồng ý / có mặt,
  %) with the result; signed by the secretary and the chair;
- the decision (Quyết định khen thưởng): the deciding authority, the căn cứ lines, Điều 1 the award with its list
  in an annex table (landscape) giving each line's prize and the total in figures ("1.410.000 đồng"), Điều 2 where
  the money comes from, Điều 3 who executes it;
- the certificates (Giấy khen) to print, A4 landscape, one page per award.

Missing values print as gaps to fill in by hand, never refused (as in the other documents here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from typing import Protocol, TypeVar

import docx
from docx.document import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm, Pt

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.inspection_record import moment_text
from domain.documents.nd30 import (
    BODY_SIZE,
    FIRST_LINE_INDENT,
    DocumentHeader,
    Line,
    SignatureBlock,
    add_document_header,
    add_landscape_section,
    add_paragraph,
    add_run,
    add_signature_block,
    add_title,
    fill_cell,
    setup_document,
)
from domain.documents.nd30_text import (
    GAP,
    clean,
    document_reference,
    field,
    signer_title_lines,
)
from domain.documents.reward_certificates import Certificate, certificates_docx
from domain.documents.word_xml import no_borders, set_table_width
from domain.rewards.prizes import money_text
from domain.vn_numbers import vn_number

__all__ = [
    "Certificate",
    "CouncilMinutes",
    "CouncilVote",
    "DecisionLine",
    "Nominee",
    "RewardDecision",
    "RewardProposal",
    "certificates_docx",
    "council_minutes_docx",
    "money_text",
    "reward_decision_docx",
    "reward_proposal_docx",
]

_CENTER, _LEFT = WD_PARAGRAPH_ALIGNMENT.CENTER, WD_PARAGRAPH_ALIGNMENT.LEFT
# Portrait text width 16.5 cm; landscape 25.2 cm.
PROPOSAL_COLUMNS = (
    GridColumn("STT", Cm(1.0), _CENTER),
    GridColumn("Họ và tên / Tập thể", Cm(3.4)),
    GridColumn("Chức vụ", Cm(2.2)),
    GridColumn("Đơn vị", Cm(2.6)),
    GridColumn("Hình thức, danh hiệu", Cm(2.6)),
    GridColumn("Thành tích tóm tắt", Cm(4.7)),
)
VOTE_COLUMNS = (
    GridColumn("STT", Cm(1.0), _CENTER),
    GridColumn("Họ và tên / Tập thể", Cm(3.6)),
    GridColumn("Hình thức, danh hiệu", Cm(3.0)),
    GridColumn("Đồng ý / có mặt", Cm(2.2), _CENTER),
    GridColumn("Tỷ lệ", Cm(1.8), _CENTER),
    GridColumn("Kết quả", Cm(2.0), _CENTER),
    GridColumn("Ghi chú", Cm(2.9)),
)
DECISION_COLUMNS = (
    GridColumn("STT", Cm(1.2), _CENTER),
    GridColumn("Họ và tên / Tập thể", Cm(5.2)),
    GridColumn("Chức vụ", Cm(3.6)),
    GridColumn("Đơn vị", Cm(4.6)),
    GridColumn("Hình thức, danh hiệu", Cm(5.6)),
    GridColumn("Số tiền thưởng (đồng)", Cm(5.0), WD_PARAGRAPH_ALIGNMENT.RIGHT),
)
_TWO_SIGNATURES = (Cm(8.25), Cm(8.25))
_SIGNATURE_SPACE_LINES = 4


def _body(document: Document, text: str) -> None:
    add_paragraph(document, text, first_line_indent=FIRST_LINE_INDENT)


def _heading(document: Document, text: str) -> None:
    add_paragraph(document, text, bold=True, first_line_indent=FIRST_LINE_INDENT, keep_with_next=True)


def _lines(document: Document, text: str) -> None:
    for line in clean(text).splitlines():
        if line.strip():
            _body(document, line.strip())


def _count_text(collectives: int, persons: int) -> str:
    parts = []
    if collectives:
        parts.append(f"{collectives:02d} tập thể")
    if persons:
        parts.append(f"{persons:02d} cá nhân")
    return " và ".join(parts) or "0 cá nhân"


class _Listed(Protocol):
    """What the lists of the proposal and the decision share."""

    @property
    def award(self) -> str: ...

    @property
    def is_collective(self) -> bool: ...


L = TypeVar("L", bound=_Listed)


def _grouped(lines: Sequence[L]) -> list[tuple[str, list[L]]]:
    """The lines grouped by award, in the order the awards first appear."""
    groups: dict[str, list[L]] = {}
    for line in lines:
        groups.setdefault(field(line.award) or GAP, []).append(line)
    return list(groups.items())


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


def _group_label(index: int, award: str, items: Sequence[_Listed]) -> str:
    number = _ROMAN[index] if index < len(_ROMAN) else str(index + 1)
    collectives = sum(1 for item in items if item.is_collective)
    return f"{number}. {award} ({_count_text(collectives, len(items) - collectives)})"


# Tờ trình ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Nominee:
    """One line of the proposal's list."""

    name: str
    position: str
    unit: str
    award: str  # "Lao động tiên tiến", "Giấy khen của Chủ tịch UBND xã"
    achievement: str
    is_collective: bool = False


@dataclass(frozen=True)
class RewardProposal:
    governing_body: str | None
    issuing_body: str  # "Phòng Văn hóa – Xã hội"
    number: str | None
    symbol: str | None  # "TTr-VHXH"
    place: str
    issued_on: date | None
    year: int | None
    addressee: str  # "Chủ tịch UBND xã Đại Sơn"
    subject: str  # "Về việc đề nghị khen thưởng phong trào thi đua CCHC năm 2026"
    basis: tuple[str, ...]
    summary: str  # the results that justify the proposal, a paragraph per line
    nominees: tuple[Nominee, ...]
    attachments: tuple[str, ...] = ()  # "Biên bản bình xét", "Báo cáo thành tích" …
    signer_title: str | None = None
    signer: str | None = None
    recipients: tuple[str, ...] = ()


def _proposal_list(document: Document, nominees: Sequence[Nominee]) -> None:
    table = add_grid_table(document, PROPOSAL_COLUMNS)
    if not nominees:
        add_grid_row(table, PROPOSAL_COLUMNS, ("", "Chưa có tập thể, cá nhân được đề nghị"), span_from=1)
        return
    number = 0
    for index, (award, items) in enumerate(_grouped(nominees)):
        add_grid_row(table, PROPOSAL_COLUMNS, ("", _group_label(index, award, items)), bold=True, span_from=1)
        for item in items:
            number += 1
            add_grid_row(
                table,
                PROPOSAL_COLUMNS,
                (
                    str(number),
                    field(item.name) or GAP,
                    field(item.position),
                    field(item.unit),
                    field(item.award) or GAP,
                    field(item.achievement),
                ),
            )


def reward_proposal_docx(p: RewardProposal) -> bytes:
    """The proposal (tờ trình đề nghị khen thưởng) as a .docx file."""
    document = docx.Document()
    setup_document(document, title=f"Tờ trình {field(p.subject)}", author=p.issuing_body)
    add_document_header(
        document,
        DocumentHeader(p.governing_body, p.issuing_body, p.number, p.symbol, p.place, p.issued_on, p.year),
    )
    add_title(document, "TỜ TRÌNH", p.subject)
    add_paragraph(document, f"Kính gửi: {field(p.addressee) or GAP}.", align=_CENTER)
    for line in p.basis:
        if field(line):
            _body(document, field(line))
    _lines(document, p.summary)
    collectives = sum(1 for n in p.nominees if n.is_collective)
    _body(
        document,
        f"{field(p.issuing_body) or GAP} kính đề nghị {field(p.addressee) or GAP} xem xét, khen thưởng cho "
        f"{_count_text(collectives, len(p.nominees) - collectives)} có thành tích, cụ thể như sau:",
    )
    _proposal_list(document, p.nominees)
    if p.attachments:
        add_paragraph(
            document, "Hồ sơ kèm theo:", bold=True, first_line_indent=FIRST_LINE_INDENT
        ).paragraph_format.space_before = Pt(6)
        for attachment in p.attachments:
            if field(attachment):
                _body(document, f"- {field(attachment)}.")
    _body(document, f"Kính trình {field(p.addressee) or GAP} xem xét, quyết định./.")
    add_signature_block(document, SignatureBlock(p.signer_title, p.signer, p.recipients))
    return _save(document)


# Biên bản họp Hội đồng -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CouncilVote:
    """The secret-ballot count on one nominee."""

    name: str
    award: str
    votes_for: int
    present: int
    passed: bool
    note: str = ""  # e.g. the chair's recorded override, or why it failed


@dataclass(frozen=True)
class CouncilMinutes:
    governing_body: str | None
    issuing_body: str  # the agency whose council meets: "UBND xã Đại Sơn"
    number: str | None
    symbol: str | None  # "BB-HĐTĐKT"
    place: str
    issued_on: date | None
    year: int | None
    council: str  # "Hội đồng Thi đua – Khen thưởng xã Đại Sơn"
    subject: str  # "Họp xét khen thưởng phong trào thi đua CCHC năm 2026"
    started_at: datetime | None
    ended_at: datetime | None
    location: str
    members_total: int
    present: int
    chair: str  # "Ông Nguyễn Văn Bình, Chủ tịch UBND xã — Chủ tịch Hội đồng"
    secretary: str
    rule_set: str  # "Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP"
    threshold: str  # "trên 50% số thành viên có mặt"
    votes: tuple[CouncilVote, ...]
    absent: tuple[str, ...] = ()
    content: tuple[str, ...] = ()  # what was presented and discussed, a paragraph each
    conclusion: str = ""
    copies: int = 2
    chair_name: str | None = None  # the name under the chair's signature
    secretary_name: str | None = None


def _percent(votes: int, present: int) -> str:
    if present <= 0:
        return GAP
    return f"{vn_number(Decimal(votes) * 100 / Decimal(present), 2)}%"


def _two_signatures(document: Document, left: tuple[str, str | None], right: tuple[str, str | None]) -> None:
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(table)
    set_table_width(table, _TWO_SIGNATURES)
    for cell, width, (title, name) in zip(table.rows[0].cells, _TWO_SIGNATURES, (left, right), strict=True):
        lines = [Line(line, BODY_SIZE, bold=True) for line in signer_title_lines(title)]
        lines += [Line("")] * _SIGNATURE_SPACE_LINES + [Line(field(name) or GAP, BODY_SIZE, bold=True)]
        fill_cell(cell, lines, width=width)
        cell.paragraphs[0].paragraph_format.space_before = Pt(12)


def council_minutes_docx(m: CouncilMinutes) -> bytes:
    """The minutes of the council's meeting (biên bản họp) with the count of every vote, as a .docx file."""
    document = docx.Document()
    setup_document(document, title=f"Biên bản {field(m.subject)}", author=m.issuing_body)
    add_document_header(
        document,
        DocumentHeader(m.governing_body, m.issuing_body, m.number, m.symbol, m.place, m.issued_on, m.year),
    )
    add_title(document, "BIÊN BẢN", m.subject)
    _body(
        document,
        f"Hôm nay, vào hồi {moment_text(m.started_at)}, tại {field(m.location) or GAP}, "
        f"{field(m.council) or GAP} họp xét khen thưởng.",
    )
    _heading(document, "I. THÀNH PHẦN")
    _body(document, f"- Chủ trì: {field(m.chair) or GAP};")
    _body(document, f"- Thư ký: {field(m.secretary) or GAP};")
    _body(
        document,
        f"- Thành viên có mặt: {m.present:02d}/{m.members_total:02d} thành viên Hội đồng"
        + (f"; vắng mặt: {', '.join(field(a) for a in m.absent if field(a))}." if m.absent else "."),
    )
    _heading(document, "II. NỘI DUNG")
    for line in m.content:
        if field(line):
            _body(document, field(line))
    _body(
        document,
        f"Hội đồng biểu quyết bằng phiếu kín theo {field(m.rule_set) or GAP}; tập thể, cá nhân được đề nghị khi "
        f"có số phiếu đồng ý {field(m.threshold) or GAP}. Kết quả kiểm phiếu:",
    )
    table = add_grid_table(document, VOTE_COLUMNS)
    for number, vote in enumerate(m.votes, start=1):
        add_grid_row(
            table,
            VOTE_COLUMNS,
            (
                str(number),
                field(vote.name) or GAP,
                field(vote.award) or GAP,
                f"{vote.votes_for}/{vote.present}",
                _percent(vote.votes_for, vote.present),
                "Đạt" if vote.passed else "Không đạt",
                field(vote.note),
            ),
        )
    if not m.votes:
        add_grid_row(table, VOTE_COLUMNS, ("", "Không có tập thể, cá nhân nào được biểu quyết"), span_from=1)
    passed = sum(1 for vote in m.votes if vote.passed)
    _heading(document, "III. KẾT LUẬN")
    _body(
        document,
        f"Hội đồng thống nhất đề nghị khen thưởng {passed:02d}/{len(m.votes):02d} trường hợp đạt số phiếu theo "
        "quy định.",
    )
    _lines(document, m.conclusion)
    copies = f"{m.copies:02d}" if 0 < m.copies < 10 else str(m.copies)
    _body(
        document,
        f"Cuộc họp kết thúc vào hồi {moment_text(m.ended_at)}. Biên bản được lập thành {copies} bản, đã được đọc "
        "lại cho các thành viên cùng nghe và thống nhất./.",
    )
    _two_signatures(document, ("THƯ KÝ", m.secretary_name), ("CHỦ TRÌ", m.chair_name))
    return _save(document)


# Quyết định khen thưởng ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DecisionLine:
    """One award of the decision and its prize."""

    name: str
    position: str
    unit: str
    award: str
    amount: Decimal
    is_collective: bool = False


@dataclass(frozen=True)
class RewardDecision:
    governing_body: str | None
    issuing_body: str  # "UBND xã Đại Sơn"
    number: str | None
    symbol: str | None  # "QĐ-UBND"
    place: str
    issued_on: date | None
    year: int | None
    authority: str  # "Chủ tịch Ủy ban nhân dân xã Đại Sơn"
    subject: str  # "Về việc khen thưởng phong trào thi đua CCHC năm 2026"
    basis: tuple[str, ...]  # "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" …
    lines: tuple[DecisionLine, ...]
    award_text: str = ""  # Điều 1; by default "Tặng … cho … (có danh sách kèm theo)"
    money_source: str = ""  # Điều 2: "Tiền thưởng trích từ Quỹ thi đua, khen thưởng của xã năm 2026."
    executors: str = ""  # Điều 3: who carries it out
    base_salary_note: str = ""  # "Mức lương cơ sở 2.340.000 đồng (Nghị định 73/2024/NĐ-CP)"
    signer_title: str | None = None  # "CHỦ TỊCH"
    signer: str | None = None
    recipients: tuple[str, ...] = ()

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))


def _decision_award_text(d: RewardDecision) -> str:
    if field(d.award_text):
        return field(d.award_text)
    awards = ", ".join(award for award, _ in _grouped(d.lines))
    collectives = sum(1 for line in d.lines if line.is_collective)
    return (
        f"Tặng {awards or GAP} cho {_count_text(collectives, len(d.lines) - collectives)} đã có thành tích "
        "(có danh sách kèm theo)."
    )


def _article(document: Document, number: int, text: str) -> None:
    paragraph = add_paragraph(document, f"Điều {number}.", bold=True, first_line_indent=FIRST_LINE_INDENT)
    add_run(paragraph, f" {text}")


def _decision_annex(document: Document, d: RewardDecision) -> None:
    add_landscape_section(document)
    add_paragraph(document, "DANH SÁCH", bold=True, align=_CENTER, keep_with_next=True)
    add_paragraph(
        document, "TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", bold=True, align=_CENTER, keep_with_next=True
    )
    reference = document_reference(
        "Quyết định", number=d.number, symbol=d.symbol, issued_on=d.issued_on, year=d.year, issuer=d.authority
    )
    add_paragraph(document, f"(Kèm theo {reference})", italic=True, align=_CENTER, keep_with_next=True)
    table = add_grid_table(document, DECISION_COLUMNS)
    number = 0
    for index, (award, items) in enumerate(_grouped(d.lines)):
        subtotal = sum((item.amount for item in items), Decimal(0))
        add_grid_row(
            table,
            DECISION_COLUMNS,
            ("", _group_label(index, award, items), "", "", "", vn_number(subtotal)),
            bold=True,
        )
        for item in items:
            number += 1
            add_grid_row(
                table,
                DECISION_COLUMNS,
                (
                    str(number),
                    field(item.name) or GAP,
                    field(item.position),
                    field(item.unit),
                    field(item.award) or GAP,
                    vn_number(item.amount),
                ),
            )
    add_grid_row(table, DECISION_COLUMNS, ("", "Tổng cộng", "", "", "", vn_number(d.total)), bold=True)
    add_paragraph(document, f"Tổng số tiền thưởng: {money_text(d.total)}.", bold=True)
    if field(d.base_salary_note):
        add_paragraph(document, field(d.base_salary_note), italic=True, size=Pt(12))


def reward_decision_docx(d: RewardDecision) -> bytes:
    """The decision (Quyết định khen thưởng) with its list and prizes in a landscape annex, as a .docx file."""
    document = docx.Document()
    setup_document(document, title=f"Quyết định {field(d.subject)}", author=d.issuing_body)
    add_document_header(
        document,
        DocumentHeader(d.governing_body, d.issuing_body, d.number, d.symbol, d.place, d.issued_on, d.year),
    )
    add_title(document, "QUYẾT ĐỊNH", d.subject)
    add_paragraph(document, field(d.authority).upper() or GAP, bold=True, align=_CENTER, keep_with_next=True)
    for line in d.basis:
        if field(line):
            add_paragraph(document, field(line), italic=True, first_line_indent=FIRST_LINE_INDENT)
    add_paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=_CENTER, keep_with_next=True)
    _article(document, 1, _decision_award_text(d))
    money = field(d.money_source) or f"Tiền thưởng kèm theo: {GAP}."
    _article(document, 2, f"{money} Tổng số tiền thưởng: {money_text(d.total)}.")
    _article(
        document,
        3,
        field(d.executors)
        or "Các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành "
        "Quyết định này.",
    )
    _article(document, 4, "Quyết định này có hiệu lực kể từ ngày ký.")
    add_signature_block(document, SignatureBlock(d.signer_title, d.signer, d.recipients))
    _decision_annex(document, d)
    return _save(document)


# Shared --------------------------------------------------------------------------------------------------------


def _save(document: Document) -> bytes:
    output = BytesIO()
    document.save(output)
    return output.getvalue()
