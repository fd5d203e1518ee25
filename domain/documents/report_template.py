"""Reports from a Word template an agency adjusts (docxtpl: Jinja placeholders in a .docx).

The shipped starting point, :func:`default_template_docx`, is laid out like the built-in writer (Nghị định
30/2020/NĐ-CP: header table, title, signature and "Nơi nhận", appendix on landscape pages) with placeholders in
Vietnamese without diacritics, listed in :data:`PLACEHOLDERS`. The agency downloads it, edits the wording in
Word and uploads it back.

A template that people edit will sometimes be broken, so :func:`render_template` never fails and never writes
a corrupt file:
- a tag cut short (``{{ ten_co_quan``), an expression Jinja cannot read, an unknown filter, an ``endfor``
  without its ``for`` (or the reverse) is printed as text, "[LỖI MẪU: …]", highlighted, where it stands;
- a name the report does not have prints "[THIẾU: tên]";
- if the template still cannot be rendered, the caller gets no file and the reasons, and falls back to the
  built-in writer;
- every result is opened again with python-docx before it is returned.
Values are XML-escaped (autoescape), so "<", "&" or control characters in the data cannot break the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO
from typing import Any

import docx
from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX, WD_PARAGRAPH_ALIGNMENT
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import ChainableUndefined, Environment, TemplateError

from domain.documents.grid_table import GridColumn, add_grid_row, add_grid_table
from domain.documents.nd30 import (
    FIRST_LINE_INDENT,
    DocumentHeader,
    SignatureBlock,
    add_document_header,
    add_landscape_section,
    add_paragraph,
    add_rule,
    add_signature_block,
    setup_document,
)
from domain.documents.nd30_text import (
    GAP,
    clean,
    number_line,
    place_date_line,
    recipient_lines,
    signer_title_lines,
)
from domain.documents.report_content import (
    AnnexTask,
    AreaSection,
    DossierLine,
    IndicatorLine,
    ReportContent,
    SurveyLine,
    number_text,
    paragraphs,
    percent_text,
    plain,
)
from domain.documents.report_docx import (
    ANNEX_COLUMNS,
    AREA_COLUMNS,
    DOSSIER_COLUMNS,
    INDICATOR_COLUMNS,
    SURVEY_COLUMNS,
    TYPE_NAME,
)
from domain.report_tasks import StatusCounts
from domain.uploads import TEMPLATE, zip_bounds_problem

__all__ = [
    "PLACEHOLDERS",
    "TemplateResult",
    "check_template",
    "default_template_docx",
    "render_template",
    "sample_content",
    "template_context",
]

# name → what it holds, as the template page lists them for the focal point.
PLACEHOLDERS: dict[str, str] = {
    "co_quan_chu_quan": "Cơ quan chủ quản, chữ in hoa (UBND TỈNH ĐẮK LẮK)",
    "co_quan_ban_hanh": "Cơ quan ban hành, chữ in hoa (SỞ XÂY DỰNG)",
    "ten_co_quan": "Tên cơ quan trong câu văn (Sở Xây dựng)",
    "so_ky_hieu": "Dòng số, ký hiệu (Số: 15/BC-SXD)",
    "dia_danh_ngay": "Dòng địa danh, ngày tháng (Đắk Lắk, ngày 18 tháng 12 năm 2026)",
    "loai_van_ban": "Tên loại văn bản (BÁO CÁO)",
    "trich_yeu": "Trích yếu (Kết quả thực hiện công tác cải cách hành chính năm 2026)",
    "ky_bao_cao": "Kỳ báo cáo (năm 2026)",
    "thoi_gian_so_lieu": "Thời gian chốt số liệu (từ ngày 15/12/2025 đến ngày 14/12/2026)",
    "mo_dau": "Danh sách đoạn mở đầu (căn cứ)",
    "ket_qua_chung": "Danh sách đoạn đánh giá chung",
    "tong": "Tổng số nhiệm vụ: tong.tong_so, tong.dung_han, tong.tre_han, tong.qua_han, tong.dang_thuc_hien, tong.ty_le",
    "linh_vuc": "Danh sách lĩnh vực: stt, ten, tong_so, dung_han, tre_han, qua_han, dang_thuc_hien, ty_le, doan_van",
    "chi_tieu": "Danh sách chỉ tiêu: stt, noi_dung, ke_hoach, ket_qua, danh_gia",
    "ghi_chu_chi_tieu": "Ghi chú về nguồn số liệu chỉ tiêu",
    "ho_so": "Danh sách hồ sơ trễ hạn theo thủ tục: stt, thu_tuc, da_giai_quyet, dung_han, tre_han, qua_han, xin_loi",
    "ghi_chu_ho_so": "Câu tổng hợp về hồ sơ thủ tục hành chính",
    "khao_sat": "Danh sách đợt khảo sát: stt, dot, thoi_gian, so_phieu, ty_le",
    "ghi_chu_khao_sat": "Câu tổng hợp về khảo sát mức độ hài lòng",
    "ghi_chu_tuyen_truyen": "Câu tổng hợp về tin, bài tuyên truyền CCHC trong kỳ",
    "uu_diem": "Danh sách đoạn ưu điểm",
    "han_che": "Danh sách đoạn tồn tại, hạn chế",
    "nhiem_vu_ky_toi": "Danh sách đoạn nhiệm vụ kỳ tới",
    "kien_nghi": "Danh sách đoạn đề xuất, kiến nghị",
    "ket_luan": "Câu kết",
    "don_vi_chua_gui": "Danh sách đơn vị chưa gửi nội dung báo cáo",
    "chuc_vu_ky": "Các dòng chức vụ người ký (KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC)",
    "nguoi_ky": "Họ tên người ký",
    "noi_nhan": "Các dòng nơi nhận (- Sở Nội vụ;)",
    "phu_luc": "Phụ lục theo lĩnh vực: so, ten, nhiem_vu (stt, nhiem_vu, chu_tri, thoi_gian, ket_qua, ghi_chu)",
}
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _counts(counts: StatusCounts) -> dict[str, str]:
    return {
        "tong_so": str(counts.total),
        "dung_han": str(counts.on_time),
        "tre_han": str(counts.late),
        "qua_han": str(counts.overdue),
        "dang_thuc_hien": str(counts.in_progress),
        "ty_le": percent_text(counts.on_time_rate),
    }


def _lines(text: str, empty: str = "") -> list[str]:
    found = [plain(line) for line in paragraphs(text)]
    return found or ([f"[{empty}]"] if empty else [])


def _annex(tasks: tuple[AnnexTask, ...]) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for task in tasks:
        if not groups or groups[-1]["ten"] != task.area:
            number = len(groups) + 1
            groups.append(
                {"so": _ROMAN[number - 1] if number <= len(_ROMAN) else str(number), "ten": task.area}
            )
            groups[-1]["nhiem_vu"] = []
        rows = groups[-1]["nhiem_vu"]
        rows.append(
            {
                "stt": str(len(rows) + 1),
                "nhiem_vu": plain(task.title),
                "chu_tri": plain(task.lead),
                "thoi_gian": plain(task.timeline),
                "ket_qua": plain(task.result),
                "ghi_chu": plain(task.note),
            }
        )
    return groups


def template_context(content: ReportContent) -> dict[str, Any]:
    """The values a template's placeholders read, all plain strings and lists (gaps written "[…]")."""
    governing = clean(content.governing_body).strip()
    return {
        "co_quan_chu_quan": governing.upper(),
        "co_quan_ban_hanh": clean(content.issuing_body).strip().upper() or GAP,
        "ten_co_quan": clean(content.issuing_body).strip() or GAP,
        "so_ky_hieu": number_line(content.number, content.symbol),
        "dia_danh_ngay": place_date_line(content.place, content.issued_on, content.year),
        "loai_van_ban": TYPE_NAME,
        "trich_yeu": plain(content.subject) or GAP,
        "ky_bao_cao": plain(content.period_label),
        "thoi_gian_so_lieu": plain(content.window_text),
        "mo_dau": [plain(line) for line in content.opening if line.strip()],
        "ket_qua_chung": _lines(content.overview, "Chưa có nội dung đánh giá chung"),
        "tong": _counts(content.totals),
        "linh_vuc": [
            {
                "stt": str(index),
                "ten": plain(area.name),
                **_counts(area.counts),
                "doan_van": _lines(area.text, "Chưa có nội dung"),
            }
            for index, area in enumerate(content.areas, start=1)
        ],
        "chi_tieu": [
            {
                "stt": str(index),
                "noi_dung": plain(line.text),
                "ke_hoach": plain(line.target),
                "ket_qua": plain(line.result),
                "danh_gia": plain(line.assessment),
            }
            for index, line in enumerate(content.indicators, start=1)
        ],
        "ghi_chu_chi_tieu": plain(content.indicators_note),
        "ho_so": [
            {
                "stt": str(index),
                "thu_tuc": plain(row.procedure),
                "da_giai_quyet": number_text(row.resolved),
                "dung_han": number_text(row.on_time),
                "tre_han": number_text(row.late),
                "qua_han": number_text(row.overdue),
                "xin_loi": number_text(row.apologised),
            }
            for index, row in enumerate(content.dossiers, start=1)
        ],
        "ghi_chu_ho_so": plain(content.dossiers_note),
        "khao_sat": [
            {
                "stt": str(index),
                "dot": plain(row.campaign),
                "thoi_gian": plain(row.period),
                "so_phieu": number_text(row.responses),
                "ty_le": plain(row.rate),
            }
            for index, row in enumerate(content.surveys, start=1)
        ],
        "ghi_chu_khao_sat": plain(content.surveys_note),
        "ghi_chu_tuyen_truyen": plain(content.communications_note),
        "uu_diem": _lines(content.strengths, "Chưa có nội dung"),
        "han_che": _lines(content.weaknesses, "Chưa có nội dung"),
        "nhiem_vu_ky_toi": _lines(content.next_tasks, "Chưa có nội dung"),
        "kien_nghi": _lines(content.proposals, "Không có đề xuất, kiến nghị"),
        "ket_luan": plain(content.closing),
        "don_vi_chua_gui": [plain(name) for name in content.missing_units],
        "chuc_vu_ky": signer_title_lines(content.signer_title),
        "nguoi_ky": clean(content.signer).strip() or GAP,
        "noi_nhan": recipient_lines(content.recipients),
        "phu_luc": _annex(content.annex),
    }


def sample_content() -> ReportContent:
    """A small report with every part filled, to try a template on before it is saved."""
    counts = StatusCounts(on_time=3, late=1, overdue=1, in_progress=2)
    return ReportContent(
        governing_body="UBND tỉnh Mẫu",
        issuing_body="Sở Mẫu",
        number="05",
        symbol="BC-SM",
        place="Tỉnh Mẫu",
        issued_on=date(2026, 12, 18),
        year=2026,
        subject="Kết quả thực hiện công tác cải cách hành chính năm 2026",
        period_label="năm 2026",
        window_text="từ ngày 15/12/2025 đến ngày 14/12/2026",
        opening=("Thực hiện Kế hoạch số 01/KH-SM, Sở Mẫu báo cáo như sau:",),
        overview="Đoạn đánh giá chung.",
        totals=counts,
        areas=(AreaSection("institutions", "Cải cách thể chế", counts, "Đoạn thứ nhất.\nĐoạn thứ hai."),),
        indicators=(IndicatorLine("Tỷ lệ hồ sơ đúng hạn", "≥ 98%", "99,1%", "Đạt"),),
        indicators_note="Ghi chú chỉ tiêu.",
        dossiers=(DossierLine("Cấp giấy phép xây dựng", 10, 9, 1, 0, 1),),
        dossiers_note="Ghi chú hồ sơ.",
        surveys=(SurveyLine("Khảo sát quý IV/2026", "01/10/2026 – 31/12/2026", 120, "95,2%"),),
        surveys_note="Ghi chú khảo sát.",
        strengths="Ưu điểm.",
        weaknesses="Hạn chế.",
        next_tasks="Nhiệm vụ kỳ tới.",
        proposals="Kiến nghị.",
        closing="Trên đây là báo cáo./.",
        signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
        signer="Nguyễn Văn A",
        recipients=("Sở Nội vụ", "Lưu: VT, VP"),
        annex=(
            AnnexTask("Cải cách thể chế", "1", "Rà soát văn bản", "Văn phòng Sở", "Quý III", "Hoàn thành"),
        ),
        missing_units=("Phòng Mẫu",),
    )


# --- the shipped template -------------------------------------------------------------------------------


def _tag(document: Document, text: str) -> None:
    """A paragraph that holds only a block tag ("{%p for … %}"); docxtpl removes it when rendering."""
    add_paragraph(document, text, align=WD_PARAGRAPH_ALIGNMENT.LEFT)


def _loop_paragraphs(document: Document, items: str, *, variable: str = "doan") -> None:
    _tag(document, f"{{%p for {variable} in {items} %}}")
    add_paragraph(document, f"{{{{ {variable} }}}}", first_line_indent=FIRST_LINE_INDENT)
    _tag(document, "{%p endfor %}")


def _heading(document: Document, text: str, *, italic: bool = False) -> None:
    add_paragraph(
        document, text, bold=True, italic=italic, first_line_indent=FIRST_LINE_INDENT, keep_with_next=True
    )


def _loop_table(
    document: Document, columns: tuple[GridColumn, ...], items: str, variable: str, keys: tuple[str, ...]
) -> Table:
    table = add_grid_table(document, columns)
    add_grid_row(table, columns, (f"{{%tr for {variable} in {items} %}}",))
    add_grid_row(table, columns, tuple(f"{{{{ {variable}.{key} }}}}" for key in keys))
    add_grid_row(table, columns, ("{%tr endfor %}",))
    return table


def _set_text(paragraph: Paragraph, text: str) -> None:
    """Replace what a laid-out paragraph says, keeping its first run's formatting."""
    runs = [run for run in paragraph.runs if run.text] or paragraph.runs
    target = runs[0]._r
    for run in paragraph.runs:
        run.text = text if run._r is target else ""


def _default_header(document: Document) -> None:
    """The header table as the writer lays it out, its variable lines turned into placeholders."""
    table = add_document_header(
        document, DocumentHeader("chủ quản", "ban hành", "01", "BC", "nơi", date(2026, 1, 1), 2026)
    )
    governing, issuing = table.cell(0, 0).paragraphs[:2]
    _set_text(governing, "{{ co_quan_chu_quan }}")
    _set_text(issuing, "{{ co_quan_ban_hanh }}")
    _set_text(table.cell(1, 0).paragraphs[0], "{{ so_ky_hieu }}")
    _set_text(table.cell(1, 1).paragraphs[0], "{{ dia_danh_ngay }}")


def _default_signature(document: Document) -> None:
    """The signature table as the writer lays it out, with loops over the recipients and the title lines."""
    table = add_signature_block(document, SignatureBlock("A / B / C", "Người ký", ("A", "B")))
    received = table.cell(0, 0).paragraphs
    for paragraph, text in zip(
        received[1:4], ("{%p for dong in noi_nhan %}", "{{ dong }}", "{%p endfor %}"), strict=True
    ):
        _set_text(paragraph, text)
    signing = table.cell(0, 1).paragraphs
    for paragraph, text in zip(
        signing[:3], ("{%p for dong in chuc_vu_ky %}", "{{ dong }}", "{%p endfor %}"), strict=True
    ):
        _set_text(paragraph, text)
    _set_text(signing[-1], "{{ nguoi_ky }}")


def default_template_docx() -> bytes:
    """The starting template in the Nghị định 30 layout, every variable part a placeholder."""
    document = docx.Document()
    setup_document(document, title="Mẫu báo cáo cải cách hành chính", author="CCHC")
    _default_header(document)
    center = WD_PARAGRAPH_ALIGNMENT.CENTER
    add_paragraph(document, "{{ loai_van_ban }}", bold=True, align=center, keep_with_next=True)
    add_paragraph(document, "{{ trich_yeu }}", bold=True, align=center, keep_with_next=True)
    add_rule(document, Cm(3))
    _loop_paragraphs(document, "mo_dau")
    _heading(document, "I. KẾT QUẢ CHUNG")
    _loop_paragraphs(document, "ket_qua_chung")
    add_paragraph(document, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực", bold=True, align=center)
    table = _loop_table(
        document,
        AREA_COLUMNS,
        "linh_vuc",
        "lv",
        ("stt", "ten", "tong_so", "dung_han", "tre_han", "qua_han", "dang_thuc_hien", "ty_le"),
    )
    add_grid_row(
        table,
        AREA_COLUMNS,
        (
            "",
            "Tổng cộng",
            *(
                f"{{{{ tong.{key} }}}}"
                for key in ("tong_so", "dung_han", "tre_han", "qua_han", "dang_thuc_hien", "ty_le")
            ),
        ),
        bold=True,
    )
    _heading(document, "II. KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC")
    _tag(document, "{%p for lv in linh_vuc %}")
    _heading(document, "{{ lv.stt }}. {{ lv.ten }}", italic=True)
    _loop_paragraphs(document, "lv.doan_van")
    _tag(document, "{%p endfor %}")
    _heading(document, "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU")
    _heading(document, "1. Các chỉ tiêu của kế hoạch", italic=True)
    add_paragraph(document, "{{ ghi_chu_chi_tieu }}", first_line_indent=FIRST_LINE_INDENT)
    add_paragraph(document, "Bảng 2. Kết quả thực hiện các chỉ tiêu", bold=True, align=center)
    _loop_table(
        document, INDICATOR_COLUMNS, "chi_tieu", "ct", ("stt", "noi_dung", "ke_hoach", "ket_qua", "danh_gia")
    )
    _heading(document, "2. Giải quyết hồ sơ thủ tục hành chính", italic=True)
    add_paragraph(document, "{{ ghi_chu_ho_so }}", first_line_indent=FIRST_LINE_INDENT)
    _tag(document, "{%p if ho_so %}")
    add_paragraph(document, "Bảng 3. Hồ sơ trễ hạn, quá hạn theo thủ tục hành chính", bold=True, align=center)
    _loop_table(
        document,
        DOSSIER_COLUMNS,
        "ho_so",
        "hs",
        ("stt", "thu_tuc", "da_giai_quyet", "dung_han", "tre_han", "qua_han", "xin_loi"),
    )
    _tag(document, "{%p endif %}")
    _heading(document, "3. Khảo sát mức độ hài lòng", italic=True)
    add_paragraph(document, "{{ ghi_chu_khao_sat }}", first_line_indent=FIRST_LINE_INDENT)
    _tag(document, "{%p if khao_sat %}")
    add_paragraph(document, "Bảng 4. Kết quả khảo sát mức độ hài lòng", bold=True, align=center)
    _loop_table(document, SURVEY_COLUMNS, "khao_sat", "ks", ("stt", "dot", "thoi_gian", "so_phieu", "ty_le"))
    _tag(document, "{%p endif %}")
    _heading(document, "IV. ĐÁNH GIÁ CHUNG")
    _heading(document, "1. Ưu điểm", italic=True)
    _loop_paragraphs(document, "uu_diem")
    _heading(document, "2. Tồn tại, hạn chế và nguyên nhân", italic=True)
    _loop_paragraphs(document, "han_che")
    _heading(document, "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")
    _loop_paragraphs(document, "nhiem_vu_ky_toi")
    _heading(document, "VI. ĐỀ XUẤT, KIẾN NGHỊ")
    _loop_paragraphs(document, "kien_nghi")
    add_paragraph(document, "{{ ket_luan }}", first_line_indent=FIRST_LINE_INDENT)
    _default_signature(document)
    add_landscape_section(document)
    add_paragraph(document, "PHỤ LỤC", bold=True, align=center)
    add_paragraph(
        document,
        "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {{ ky_bao_cao|upper }}",
        bold=True,
        align=center,
    )
    annex = add_grid_table(document, ANNEX_COLUMNS)
    add_grid_row(annex, ANNEX_COLUMNS, ("{%tr for nhom in phu_luc %}",))
    add_grid_row(annex, ANNEX_COLUMNS, ("{{ nhom.so }}", "{{ nhom.ten }}"), bold=True)
    add_grid_row(annex, ANNEX_COLUMNS, ("{%tr for nv in nhom.nhiem_vu %}",))
    add_grid_row(
        annex,
        ANNEX_COLUMNS,
        tuple(
            f"{{{{ nv.{key} }}}}" for key in ("stt", "nhiem_vu", "chu_tri", "thoi_gian", "ket_qua", "ghi_chu")
        ),
    )
    add_grid_row(annex, ANNEX_COLUMNS, ("{%tr endfor %}",))
    add_grid_row(annex, ANNEX_COLUMNS, ("{%tr endfor %}",))
    output = BytesIO()
    document.save(output)
    return output.getvalue()


# --- tolerant rendering ------------------------------------------------------------------------------------


@dataclass
class TemplateResult:
    """The rendered file, or None when the template could not be used; what the author must know."""

    data: bytes | None
    problems: list[str] = field(default_factory=list)


_OPENERS = {"{{": "}}", "{%": "%}", "{#": "#}"}
_OPEN = re.compile(r"\{\{|\{%|\{#")
_PREFIX = re.compile(r"^(?:p|tr|tc|r)\s+")
_BLOCKS = {"for": "endfor", "if": "endif", "with": "endwith", "macro": "endmacro", "filter": "endfilter"}
_MIDDLES = {"elif": "if", "else": ("if", "for")}
_DOCXTPL_CELL_TAGS = ("colspan", "cellbg", "hm", "vm")
_MAX_SHOWN = 60


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _escaped(tag: str) -> str:
    """A tag made inert: docxtpl turns "{_{" back into "{{" after rendering, so the author sees it as typed."""
    return (
        tag.replace("{{", "{_{")
        .replace("}}", "}_}")
        .replace("{%", "{_%")
        .replace("%}", "%_}")
        .replace("{#", "{ #")
    )


@dataclass
class _Tag:
    paragraph: Paragraph
    start: int
    end: int
    text: str
    closed: bool

    @property
    def inner(self) -> str:
        body = self.text[2:-2] if self.closed else self.text[2:]
        return _PREFIX.sub("", body.strip()).strip()

    @property
    def kind(self) -> str:
        return self.text[:2]


def _paragraphs_of(container: Any) -> Iterator[Paragraph]:
    yield from container.paragraphs
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from _paragraphs_of(cell)


def _all_paragraphs(document: Document) -> Iterator[Paragraph]:
    yield from _paragraphs_of(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if not part.is_linked_to_previous:
                yield from _paragraphs_of(part)


def _tags(paragraph: Paragraph) -> list[_Tag]:
    text = paragraph.text
    found: list[_Tag] = []
    position = 0
    while (match := _OPEN.search(text, position)) is not None:
        closer = _OPENERS[match.group()]
        end = text.find(closer, match.end())
        if end < 0:
            found.append(_Tag(paragraph, match.start(), len(text), text[match.start() :], closed=False))
            break
        found.append(_Tag(paragraph, match.start(), end + 2, text[match.start() : end + 2], closed=True))
        position = end + 2
    return found


_NAMED = re.compile(r"No (filter|test) named '([^']*)'")


def _detail(error: TemplateError) -> str:
    """Jinja's reason in Vietnamese words where it is a common one."""
    message = str(error.message or error)
    named = _NAMED.search(message)
    if named:
        kind = "bộ lọc" if named.group(1) == "filter" else "phép thử"
        return f"không có {kind} “{named.group(2)}”"
    return "sai cú pháp"


def _expression_problem(environment: Environment, tag: _Tag) -> str | None:
    try:
        environment.from_string("{{ " + tag.inner + " }}")
    except TemplateError as error:
        return f"Chỗ giữ chỗ “{_short(tag.text)}” viết sai ({_detail(error)})."
    return None


def _statement_problem(environment: Environment, tag: _Tag, stack: list[_Tag]) -> str | None:
    words = tag.inner.split()
    keyword = words[0] if words else ""
    if keyword in _DOCXTPL_CELL_TAGS:
        return None
    if keyword in _BLOCKS:
        try:
            environment.from_string("{% " + tag.inner + " %}{% " + _BLOCKS[keyword] + " %}")
        except TemplateError as error:
            return f"Thẻ “{_short(tag.text)}” viết sai ({_detail(error)})."
        stack.append(tag)
        return None
    if keyword in _BLOCKS.values():
        opener = stack[-1].inner.split()[0] if stack else ""
        if _BLOCKS.get(opener) != keyword:
            return f"Thẻ “{_short(tag.text)}” không có thẻ mở tương ứng."
        stack.pop()
        return None
    if keyword in _MIDDLES:
        allowed = _MIDDLES[keyword]
        opener = stack[-1].inner.split()[0] if stack else ""
        if opener not in (allowed if isinstance(allowed, tuple) else (allowed,)):
            return f"Thẻ “{_short(tag.text)}” đứng ngoài khối “if”/“for”."
        if keyword == "elif":
            try:
                environment.from_string("{% if " + " ".join(words[1:]) + " %}{% endif %}")
            except TemplateError as error:
                return f"Thẻ “{_short(tag.text)}” viết sai ({_detail(error)})."
        return None
    if keyword == "set":
        try:
            environment.from_string("{% " + tag.inner + " %}")
        except TemplateError as error:
            return f"Thẻ “{_short(tag.text)}” viết sai ({_detail(error)})."
        return None
    return f"Thẻ “{_short(tag.text)}” không được hỗ trợ trong mẫu báo cáo."


def _find_broken(document: Document, environment: Environment) -> list[tuple[_Tag, str]]:
    """Every tag Jinja would refuse, with the reason, in document order."""
    broken: list[tuple[_Tag, str]] = []
    stack: list[_Tag] = []
    for paragraph in _all_paragraphs(document):
        for tag in _tags(paragraph):
            if not tag.closed:
                closer = _OPENERS[tag.kind]
                broken.append((tag, f"Chỗ giữ chỗ “{_short(tag.text)}” thiếu dấu đóng “{closer}”."))
            elif tag.kind == "{{":
                problem = _expression_problem(environment, tag)
                if problem:
                    broken.append((tag, problem))
            elif tag.kind == "{%":
                problem = _statement_problem(environment, tag, stack)
                if problem:
                    broken.append((tag, problem))
    for tag in stack:
        broken.append((tag, f"Thẻ “{_short(tag.text)}” không có thẻ đóng tương ứng."))
    return broken


def _neutralise(tags: list[_Tag]) -> None:
    """Write each tag as inert, highlighted text "[LỖI MẪU: …]" in its paragraph."""
    by_paragraph: dict[int, tuple[Paragraph, list[_Tag]]] = {}
    for tag in tags:
        by_paragraph.setdefault(id(tag.paragraph._p), (tag.paragraph, []))[1].append(tag)
    for paragraph, found in by_paragraph.values():
        text = paragraph.text
        for tag in sorted(found, key=lambda item: item.start, reverse=True):
            text = f"{text[: tag.start]}[LỖI MẪU: {_escaped(tag.text)}]{text[tag.end :]}"
        runs = paragraph.runs
        if not runs:
            paragraph.add_run(text)
            runs = paragraph.runs
        runs[0].text = text
        runs[0].font.highlight_color = WD_COLOR_INDEX.YELLOW
        for run in runs[1:]:
            run.text = ""


def _environment(missing: list[str]) -> Environment:
    class MarkedUndefined(ChainableUndefined):
        """A name the report does not have prints where it stands, as a visible gap."""

        def __str__(self) -> str:
            name = self._undefined_name or "?"
            if name not in missing:
                missing.append(name)
            return f"[THIẾU: {name}]"

    return Environment(autoescape=True, undefined=MarkedUndefined)


def _render(document_bytes: bytes, context: dict[str, Any], environment: Environment) -> bytes:
    template = DocxTemplate(BytesIO(document_bytes))
    template.render(context, jinja_env=environment, autoescape=True)
    output = BytesIO()
    template.save(output)
    data = output.getvalue()
    docx.Document(BytesIO(data))  # refuse to hand out a file python-docx cannot read again
    return data


def _document_bytes(document: Document) -> bytes:
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def _attempts(
    template: bytes, problems: list[str], environment: Environment
) -> Iterator[Callable[[], bytes]]:
    """The template as uploaded, then with its broken tags made inert, then with every block tag inert."""
    document = docx.Document(BytesIO(template))
    broken = _find_broken(document, environment)
    problems.extend(reason for _, reason in broken)
    if broken:
        _neutralise([tag for tag, _ in broken])
    first = _document_bytes(document)
    yield lambda: first
    blocks = [tag for paragraph in _all_paragraphs(document) for tag in _tags(paragraph) if tag.kind == "{%"]
    if blocks:
        _neutralise(blocks)
        problems.append("Các thẻ lặp, điều kiện ({% … %}) của mẫu đã được in nguyên văn để kiểm tra lại.")
        second = _document_bytes(document)
        yield lambda: second


def render_template(template: bytes, content: ReportContent) -> TemplateResult:
    """The report rendered through an agency's template; broken parts marked, never a corrupt file."""
    # A stored template passed the upload gate; its declared sizes are checked again before docxtpl reads
    # every part into memory, with the same limits, so no template can inflate beyond them.
    bound = (
        zip_bounds_problem(template, TEMPLATE.zip_limits, "mẫu báo cáo") if template[:2] == b"PK" else None
    )
    if bound is not None:
        return TemplateResult(None, [bound])
    problems: list[str] = []
    missing: list[str] = []
    environment = _environment(missing)
    context = template_context(content)
    attempts = _attempts(template, problems, environment)
    last_error = ""
    while True:
        try:
            attempt = next(attempts)
        except StopIteration:
            break
        except Exception:
            return TemplateResult(None, ["Tệp mẫu không phải tệp Word (.docx) đọc được."])
        try:
            data = _render(attempt(), context, environment)
        except TemplateError as error:
            last_error = _detail(error)
            continue
        except Exception:
            last_error = "mẫu có chỗ không đọc được"
            continue
        problems.extend(f"Mẫu dùng tên “{name}” không có trong dữ liệu báo cáo." for name in missing)
        return TemplateResult(data, problems)
    problems.append(
        f"Không dùng được mẫu của cơ quan ({_short(last_error)}); báo cáo được lập theo mẫu mặc định."
    )
    return TemplateResult(None, problems)


def check_template(template: bytes) -> TemplateResult:
    """Try a template on the sample report before it is saved: the result and what is wrong with it."""
    return render_template(template, sample_content())
