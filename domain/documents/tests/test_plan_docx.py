"""A plan exported to Word in the format of Nghị định 30/2020/NĐ-CP, read back with python-docx."""

import shutil
import subprocess
from dataclasses import replace
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.documents.plan_docx import (
    PlanDocObjective,
    PlanDocTask,
    PlanDocument,
    appendix_rows,
    plan_to_docx,
)
from domain.documents.tests.plans import SEED_001, SEED_001_TASKS, SEED_003

FONT = "Times New Roman"
COLUMNS = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian", "Sản phẩm/Kết quả", "Ghi chú"]


def mm(length: Length | None) -> float:
    """A length in millimetres to 0.1 mm: Word stores twips, so exact EMU values do not survive."""
    return float(round(Length(length or 0).mm, 1))


def read(plan: PlanDocument) -> Document:
    """The exported file, opened again: whatever the tests see, Word has to read from the bytes."""
    return docx.Document(BytesIO(plan_to_docx(plan)))


def lines(cell: _Cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


def first_run(paragraph: Paragraph) -> Run:
    return next(run for run in paragraph.runs if run.text)


def find(document: Document, text: str) -> Paragraph:
    return next(paragraph for paragraph in document.paragraphs if paragraph.text == text)


def appendix(document: Document) -> Table:
    return document.tables[-1]


@pytest.fixture(scope="module")
def plan() -> Document:
    return read(SEED_001)


def test_header_left_cell_governing_body_over_bold_issuing_body_and_a_rule(plan: Document) -> None:
    cell = plan.tables[0].cell(0, 0)
    governing, issuing, rule = cell.paragraphs
    assert (governing.text, issuing.text, rule.text) == ("UBND TỈNH ĐẮK LẮK", "SỞ XÂY DỰNG", "")
    assert not first_run(governing).bold
    assert first_run(issuing).bold
    assert {first_run(governing).font.size, first_run(issuing).font.size} == {Pt(13)}
    assert rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def test_header_right_cell_national_name_and_motto(plan: Document) -> None:
    cell = plan.tables[0].cell(0, 1)
    name, motto, rule = cell.paragraphs
    assert name.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and name.text.isupper()
    assert first_run(name).bold and first_run(name).font.size == Pt(13)
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert first_run(motto).bold and first_run(motto).font.size == Pt(14)
    assert rule._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None


def test_header_table_has_no_borders(plan: Document) -> None:
    borders = plan.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_number_and_date_line(plan: Document) -> None:
    number, place_date = plan.tables[0].rows[1].cells
    assert lines(number) == ["Số: 13/KH-SXD"]
    assert first_run(number.paragraphs[0]).font.size == Pt(13)
    assert lines(place_date) == ["Đắk Lắk, ngày 08 tháng 01 năm 2026"]
    assert first_run(place_date.paragraphs[0]).italic


def test_unknown_number_and_date_leave_blanks() -> None:
    document = read(replace(SEED_001, number=None, issued_on=None))
    number, place_date = document.tables[0].rows[1].cells
    assert lines(number) == ["Số:      /KH-SXD"]
    assert lines(place_date) == ["Đắk Lắk, ngày     tháng     năm 2026"]
    assert "(Kèm theo Kế hoạch số      /KH-SXD ngày      /     /2026 của Sở Xây dựng)" in [
        paragraph.text for paragraph in document.paragraphs
    ]


def test_type_name_and_subject_bold_and_centred(plan: Document) -> None:
    type_name = find(plan, "KẾ HOẠCH")
    subject = find(plan, SEED_001.title)
    for paragraph in (type_name, subject):
        assert first_run(paragraph).bold
        assert paragraph.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER


def test_basis_is_justified_with_a_first_line_indent(plan: Document) -> None:
    basis = find(plan, SEED_001.basis[0])
    assert basis.alignment == WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    assert mm(basis.paragraph_format.first_line_indent) == 10


def test_objectives_grouped_by_area_with_targets(plan: Document) -> None:
    texts = [paragraph.text for paragraph in plan.paragraphs]
    start, end = texts.index("I. MỤC TIÊU"), texts.index("II. PHÂN CÔNG THỰC HIỆN")
    assert texts[start + 1 : end] == [
        "- Hoàn thành 100% nhiệm vụ cải cách hành chính được UBND tỉnh giao.",
        "1. Cải cách thủ tục hành chính",
        "- Tỷ lệ hồ sơ giải quyết đúng và trước hạn (≥ 98%)",
        "- Mức độ hài lòng của tổ chức, cá nhân (≥ 95%)",
    ]
    assert first_run(find(plan, "1. Cải cách thủ tục hành chính")).bold
    assert "Phụ lục" in texts[end + 1]


def test_appendix_rows_match_the_tasks(plan: Document) -> None:
    table = appendix(plan)
    assert [cell.text for cell in table.rows[0].cells] == COLUMNS
    body = table.rows[1:]
    assert len(body) == len(SEED_001_TASKS)
    for number, (row, source) in enumerate(zip(body, SEED_001_TASKS, strict=True), start=1):
        expected = [str(number), source.title, source.lead, source.cooperating, source.timeline]
        assert [cell.text for cell in row.cells] == [*expected, source.deliverable, source.note]
        assert {run.font.size for cell in row.cells for run in cell.paragraphs[0].runs} == {Pt(12)}


def test_appendix_header_row_repeats_on_every_page(plan: Document) -> None:
    rows = appendix(plan).rows
    header = rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])


def test_appendix_titles(plan: Document) -> None:
    assert first_run(find(plan, "PHỤ LỤC")).bold
    assert find(plan, "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH (THEO NGUYÊN TẮC “06 RÕ”)").alignment == (
        WD_PARAGRAPH_ALIGNMENT.CENTER
    )
    attached = find(plan, "(Kèm theo Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng)")
    assert first_run(attached).italic


def test_tree_appendix_groups_tasks_by_area_with_activities_under_them() -> None:
    table = appendix(read(SEED_003))
    rows = [[cell.text for cell in row.cells] for row in table.rows[1:]]
    assert [(row[0], row[1]) for row in rows] == [
        ("I", "Công tác chỉ đạo điều hành"),
        ("1", "Triển khai đánh giá chỉ số cải cách hành chính năm 2025"),
        ("1.1", "- Tự đánh giá, chấm điểm chỉ số của Sở; chấm điểm trên hệ thống phần mềm"),
        ("2", "Ban hành Kế hoạch cải cách hành chính năm 2026"),
        ("2.1", "- Xây dựng Kế hoạch cải cách hành chính"),
        ("II", "Cải cách thể chế"),
        ("1", "Xây dựng, hoàn thiện hệ thống pháp luật của Sở quản lý"),
        ("1.1", "- Tham mưu ban hành các văn bản QPPL"),
        ("1.2", "- Rà soát, kiểm tra các văn bản QPPL liên quan đến ngành"),
    ]
    assert rows[7][2:] == ["Các phòng, đơn vị được giao", "Văn phòng", "Trong năm",
                           "Tờ trình, dự thảo văn bản QPPL", "Trình UBND tỉnh"]  # fmt: skip


def test_area_rows_are_bold_and_span_the_table() -> None:
    area = appendix(read(SEED_003)).rows[1]
    cells = area._tr.tc_lst
    assert len(cells) == 2
    assert cells[1].grid_span == 6
    assert all(run.bold for cell in area.cells for run in cell.paragraphs[0].runs)


def test_activities_are_indented() -> None:
    activity = appendix(read(SEED_003)).rows[3].cells[1].paragraphs[0]
    assert activity.paragraph_format.left_indent > 0


def test_signature_block(plan: Document) -> None:
    recipients, signing = plan.tables[1].rows[0].cells
    heading, *entries = recipients.paragraphs
    assert heading.text == "Nơi nhận:"
    assert first_run(heading).bold and first_run(heading).italic and first_run(heading).font.size == Pt(12)
    assert [entry.text for entry in entries] == [
        "- Sở Nội vụ;",
        "- GD, các PGD Sở;",
        "- Các phòng, ban, đơn vị trực thuộc Sở (t/hiện);",
        "- Lưu: VT, VP (Tr).",
    ]
    assert {first_run(entry).font.size for entry in entries} == {Pt(11)}
    texts = lines(signing)
    assert texts[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and texts[-1] == "Lê Công Du"
    assert texts[2:-1] == [""] * len(texts[2:-1]) and len(texts[2:-1]) >= 3  # room to sign
    assert all(first_run(paragraph).bold for paragraph in signing.paragraphs if paragraph.text)


def test_missing_signature_values_still_give_a_document() -> None:
    document = read(replace(SEED_001, signer_title=None, signer=None, recipients=()))
    recipients, signing = document.tables[1].rows[0].cells
    assert lines(recipients) == ["Nơi nhận:", "- Lưu: VT, …."]
    assert lines(signing)[0] == "…" and lines(signing)[-1] == "…"


def all_runs(document: Document) -> list[Run]:
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        paragraphs += [paragraph for row in table.rows for cell in row.cells for paragraph in cell.paragraphs]
    for section in document.sections:
        paragraphs += section.header.paragraphs
    return [run for paragraph in paragraphs for run in paragraph.runs]


def test_times_new_roman_everywhere_including_east_asian_slot(plan: Document) -> None:
    runs = all_runs(plan)
    assert runs
    for run in runs:
        fonts = run._r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert run.font.name == FONT
        assert fonts is not None and fonts.get(qn("w:eastAsia")) == FONT and fonts.get(qn("w:cs")) == FONT
    normal = plan.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size == Pt(14)
    defaults = plan.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == FONT


def test_body_text_is_14_pt_with_6_pt_spacing(plan: Document) -> None:
    body = find(plan, SEED_001.basis[0])
    assert first_run(body).font.size == Pt(14)
    assert body.paragraph_format.space_after == Pt(6)
    assert body.paragraph_format.line_spacing == pytest.approx(1.15)


def test_a4_portrait_with_state_margins_and_no_number_on_page_one(plan: Document) -> None:
    section = plan.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    assert section.different_first_page_header_footer
    assert section.first_page_header.paragraphs[0].text == ""
    assert " PAGE " in [code.text for code in section.header._element.iter(qn("w:instrText"))]
    assert section.header.paragraphs[0].alignment == WD_PARAGRAPH_ALIGNMENT.CENTER


def test_appendix_is_a_landscape_section_on_a_new_page(plan: Document) -> None:
    section = plan.sections[-1]
    assert len(plan.sections) == 2
    assert section.start_type == WD_SECTION.NEW_PAGE
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(section.page_width), mm(section.page_height)) == (297, 210)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    assert not section.different_first_page_header_footer
    assert " PAGE " in [code.text for code in section.header._element.iter(qn("w:instrText"))]
    # the table is inside the section: the body's closing w:sectPr comes after it
    assert appendix(plan)._tbl.getnext().tag == qn("w:sectPr")


def test_appendix_table_fits_the_landscape_page(plan: Document) -> None:
    section = plan.sections[-1]
    widths = [int(col.get(qn("w:w"))) for col in appendix(plan)._tbl.tblGrid.iter(qn("w:gridCol"))]
    available = Length((section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0))
    assert sum(widths) <= available.twips


def test_an_empty_plan_still_gives_a_document() -> None:
    empty = PlanDocument(None, "", None, None, "", None, None, "", (), (), (), None, None, ())
    document = read(empty)
    assert len(document.tables) == 3
    assert len(appendix(document).rows) == 1
    assert lines(document.tables[0].rows[1].cells[0]) == ["Số:      /…"]


def test_orphan_activities_are_kept_as_rows() -> None:
    orphan = PlanDocTask("x", "activity", "missing", None, None, "Hoạt động lẻ", "", "", "", "")
    rows = appendix_rows((*SEED_001_TASKS, orphan))
    assert [row.number for row in rows] == ["1", "2", "3", "4", "5"]
    assert rows[-1].cells[0] == "Hoạt động lẻ"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it(tmp_path: Path) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(plan_to_docx(SEED_003))
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    command = [
        "soffice",
        profile,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(tmp_path),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(tmp_path / "plan.pdf") as pdf:
        first, last = pdf.pages[0], pdf.pages[-1]
        assert first.width < first.height and last.width > last.height
        assert "KẾ HOẠCH" in first.extract_text()


texts = st.text() | st.text(alphabet=st.characters(codec="utf-8"))
optional = st.none() | texts
tasks = st.builds(
    PlanDocTask, texts, st.sampled_from(["task", "activity"]) | texts, optional, optional, optional,
    texts, texts, texts, texts, texts, texts,
)  # fmt: skip
objectives = st.builds(PlanDocObjective, texts, optional, texts, optional)
plans = st.builds(
    PlanDocument, optional, texts, optional, optional, texts, st.none() | st.dates(),
    st.none() | st.integers(), texts, st.tuples(texts), st.lists(objectives, max_size=4).map(tuple),
    st.lists(tasks, max_size=6).map(tuple), optional, optional, st.lists(texts, max_size=4).map(tuple),
)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_strings_give_a_readable_document(plan: PlanDocument) -> None:
    document = read(plan)
    assert len(document.tables) == 3
    rows = appendix_rows(plan.tasks)
    assert len(appendix(document).rows) == 1 + len(rows)
    assert sum(row.kind != "area" for row in rows) == len(plan.tasks)  # every task shown exactly once
