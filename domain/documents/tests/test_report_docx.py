"""A periodic report written to Word in the Nghị định 30 format, read back with python-docx."""

from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.documents.report_content import AreaSection
from domain.documents.report_docx import report_to_docx
from domain.documents.tests.reports import EMPTY, REPORT
from domain.report_tasks import StatusCounts

FONT = "Times New Roman"


def read(content=REPORT) -> Document:
    return docx.Document(BytesIO(report_to_docx(content)))


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_after(document: Document, caption: str) -> Table:
    """The table that follows the paragraph ``caption`` in the body."""
    body = document.element.body
    found = False
    for child in body.iterchildren():
        if child.tag == qn("w:p") and Paragraph(child, document).text == caption:
            found = True
        elif found and child.tag == qn("w:tbl"):
            return Table(child, document)
    raise AssertionError(f"no table after {caption!r}")


def mm(length: Length | None) -> float:
    return float(round(Length(length or 0).mm, 1))


@pytest.fixture(scope="module")
def report() -> Document:
    return read()


def test_header_cells(report):
    header = report.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs] == ["UBND TỈNH ĐẮK LẮK", "SỞ XÂY DỰNG", ""]
    assert [p.text for p in header.cell(0, 1).paragraphs] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",
    ]
    assert header.cell(0, 0).paragraphs[1].runs[0].bold


def test_number_line_and_date_line(report):
    header = report.tables[0]
    assert header.cell(1, 0).text == "Số: 05/BC-SXD"
    date_line = header.cell(1, 1).paragraphs[0]
    assert date_line.text == "Đắk Lắk, ngày 08 tháng 12 năm 2026"
    assert date_line.runs[0].italic


def test_title_and_subject(report):
    texts = [p.text for p in report.paragraphs]
    index = texts.index("BÁO CÁO")
    assert texts[index + 1] == "Kết quả thực hiện công tác cải cách hành chính năm 2026"
    assert report.paragraphs[index].runs[0].bold and report.paragraphs[index + 1].runs[0].bold


def test_table_of_areas_has_a_row_per_area_and_the_total(report):
    table = table_after(report, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực")
    assert rows(table) == [
        ["STT", "Lĩnh vực", "Tổng số", "Đúng hạn", "Trễ hạn", "Quá hạn", "Đang thực hiện", "Tỷ lệ đúng hạn"],
        ["1", "Cải cách thể chế", "7", "3", "1", "1", "2", "60%"],
        ["2", "Cải cách thủ tục hành chính", "6", "5", "0", "0", "1", "100%"],
        ["", "Tổng cộng", "13", "8", "1", "1", "3", "80%"],
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page


def test_indicator_dossier_and_survey_tables(report):
    assert rows(table_after(report, "Bảng 2. Kết quả thực hiện các chỉ tiêu"))[1:] == [
        ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "≥ 98%", "99,1%", "Đạt"],
        ["2", "Mức độ hài lòng (SIPAS)", "≥ 95%", "Chưa có số liệu", "Chưa có số liệu"],
    ]
    assert rows(table_after(report, "Bảng 3. Hồ sơ trễ hạn, quá hạn theo thủ tục hành chính"))[1:] == [
        ["1", "Cấp giấy phép xây dựng", "120", "115", "5", "2", "6"]
    ]
    assert rows(table_after(report, "Bảng 4. Kết quả khảo sát mức độ hài lòng"))[1:] == [
        ["1", "Khảo sát SIPAS quý IV/2026", "01/10/2026 – 31/12/2026", "190", "82,67%"]
    ]


def test_sections_by_area_in_order(report):
    texts = [p.text for p in report.paragraphs]
    start = texts.index("II. KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC")
    assert texts[start + 1 : start + 6] == [
        "1. Cải cách thể chế",
        "Đoạn một.",
        "Đoạn hai [Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]",
        "2. Cải cách thủ tục hành chính",
        "Đoạn thủ tục.",
    ]
    for heading in (
        "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "IV. ĐÁNH GIÁ CHUNG",
        "V. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "VI. ĐỀ XUẤT, KIẾN NGHỊ",
    ):
        assert heading in texts


def test_a_unit_that_sent_nothing_is_highlighted_for_the_author(report):
    marked = [
        run
        for paragraph in report.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert "[Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]" in [run.text for run in marked]
    assert "[Các đơn vị chưa gửi nội dung báo cáo: Phòng Quản lý xây dựng.]" in [run.text for run in marked]


def test_signature_block_with_recipients(report):
    signature = next(t for t in report.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    assert [p.text for p in signature.cell(0, 0).paragraphs] == [
        "Nơi nhận:",
        "- UBND tỉnh Đắk Lắk (b/c);",
        "- Sở Nội vụ tỉnh Đắk Lắk (t/h);",
        "- Lưu: VT, VP.",
    ]
    right = [p.text for p in signature.cell(0, 1).paragraphs]
    assert right[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and right[-1] == "Lê Công Du"
    first = signature.cell(0, 0).paragraphs[0].runs[0]
    assert first.bold and first.italic and first.font.size == Pt(12)


def test_fonts_are_times_new_roman_everywhere(report):
    runs = [run for p in report.paragraphs for run in p.runs]
    runs += [
        run
        for t in report.tables
        for row in t.rows
        for cell in row.cells
        for p in cell.paragraphs
        for run in p.runs
    ]
    assert runs
    for run in runs:
        fonts = run._r.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == FONT and fonts.get(qn("w:eastAsia")) == FONT
    body = [p for p in report.paragraphs if p.text.startswith("Đoạn")]
    assert {run.font.size for p in body for run in p.runs} == {Pt(14)}
    table = table_after(report, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực")
    assert table.cell(1, 1).paragraphs[0].runs[0].font.size == Pt(12)


def test_a4_margins_and_a_landscape_annex(report):
    first, annex = report.sections[0], report.sections[-1]
    assert (mm(first.page_width), mm(first.page_height)) == (210.0, 297.0)
    assert (mm(first.top_margin), mm(first.bottom_margin), mm(first.left_margin), mm(first.right_margin)) == (
        20.0, 20.0, 30.0, 15.0,
    )  # fmt: skip
    assert first.different_first_page_header_footer  # no page number on page 1
    assert annex.orientation == WD_ORIENT.LANDSCAPE


def test_annex_groups_tasks_by_area(report):
    annex = report.tables[-1]
    assert rows(annex)[0] == [
        "STT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Thời gian",
        "Kết quả thực hiện",
        "Ghi chú",
    ]
    body = [row[:2] for row in rows(annex)[1:]]
    assert body == [
        ["I", "Cải cách thể chế"],
        ["1", "Rà soát văn bản quy phạm pháp luật"],
        ["2", "Theo dõi thi hành pháp luật"],
        ["II", "Cải cách thủ tục hành chính"],
        ["1", '=HYPERLINK("http://x")'],
    ]
    paragraphs = [p.text for p in report.paragraphs]
    assert "(Kèm theo Báo cáo số 5/BC-SXD của Sở Xây dựng)" in paragraphs


def test_a_period_with_no_data_still_gives_a_document_with_its_gaps():
    document = read(EMPTY)
    header = document.tables[0]
    assert header.cell(1, 0).text == "Số:      /BC-SXD"
    assert header.cell(1, 1).text == "Đắk Lắk, ngày     tháng     năm 2026"
    texts = [p.text for p in document.paragraphs]
    assert "[Chưa có nội dung đánh giá chung]" in texts
    assert rows(table_after(document, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực"))[1:] == [
        ["", "Tổng cộng", "0", "0", "0", "0", "0", "—"]
    ]
    assert (
        "[Kế hoạch trong kỳ không có chỉ tiêu định lượng]"
        in rows(table_after(document, "Bảng 2. Kết quả thực hiện các chỉ tiêu"))[1]
    )
    assert rows(document.tables[-1])[1][1] == "[Không có nhiệm vụ trong kỳ]"


def test_a_signer_with_no_title_leaves_a_visible_gap():
    document = read(replace(REPORT, signer_title=None, signer=None))
    signature = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    right = [p.text for p in signature.cell(0, 1).paragraphs]
    assert right[0] == "…" and right[-1] == "…"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=80))
def test_any_text_gives_a_file_word_can_open(text):
    content = replace(
        REPORT,
        subject=text,
        overview=text,
        areas=(AreaSection("x", text, StatusCounts(), text),),
        signer=text,
        recipients=(text,),
    )
    docx.Document(BytesIO(report_to_docx(content)))
