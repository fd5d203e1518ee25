"""The generated Word report and Excel annex of a hand-built agency year, checked against the database."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from openpyxl import load_workbook

from apps.plans.models import Target
from apps.reports.export import report_content, report_docx, report_xlsx
from apps.reports.models import Report
from apps.reports.services import (
    contribution_save,
    report_build,
    report_compile,
    report_open_to_units,
    report_update,
    template_upload,
)
from apps.tasks.models import Occurrence
from domain.documents.report_template import default_template_docx
from domain.documents.report_xlsx import HEADER_ROW

pytestmark = pytest.mark.django_db


def word(report: Report) -> docx.document.Document:
    return docx.Document(BytesIO(report_docx(report).data))


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_after(document, caption: str) -> Table:
    found = False
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p") and Paragraph(child, document).text == caption:
            found = True
        elif found and child.tag == qn("w:tbl"):
            return Table(child, document)
    raise AssertionError(caption)


def highlighted(document) -> list[str]:
    return [
        run.text
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]


def test_header_number_date_title_and_signature_come_from_the_agency_and_its_plan(annual):
    document = word(annual)
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs][:2] == ["UBND TỈNH MỘT", "SỞ XÂY DỰNG"]
    assert header.cell(1, 0).text == "Số:      /BC-SXD"
    assert header.cell(1, 1).text == "Đắk Lắk, ngày     tháng     năm 2026"
    texts = [p.text for p in document.paragraphs]
    assert texts[texts.index("BÁO CÁO") + 1] == "Kết quả thực hiện công tác cải cách hành chính năm 2026"
    assert texts[texts.index("BÁO CÁO") + 3] == (
        "Thực hiện Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng về Cải cách hành chính năm 2026;"
    )
    signature = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    right = [p.text for p in signature.cell(0, 1).paragraphs]
    assert right[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and right[-1] == "Lê Công Du"
    assert [p.text for p in signature.cell(0, 0).paragraphs][1:] == [
        "- UBND tỉnh Một (b/c);",
        "- Sở Nội vụ tỉnh Một (t/h);",
        "- Giám đốc, các Phó Giám đốc Sở;",
        "- Lưu: VT, VP.",
    ]


def test_the_number_and_date_once_given(annual, users):
    from datetime import date

    report_update(report=annual, user=users["focal"], number="7", issued_on=date(2026, 12, 18))
    header = word(Report.objects.get(pk=annual.pk)).tables[0]
    assert header.cell(1, 0).text == "Số: 07/BC-SXD"
    assert header.cell(1, 1).text == "Đắk Lắk, ngày 18 tháng 12 năm 2026"


def test_table_of_areas_matches_the_occurrences(annual):
    table = table_after(word(annual), "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực")
    assert rows(table)[1:] == [
        ["1", "Công tác chỉ đạo, điều hành", "1", "0", "0", "1", "0", "0%"],
        ["2", "Cải cách thể chế", "2", "1", "0", "1", "0", "50%"],
        ["3", "Cải cách thủ tục hành chính", "14", "11", "1", "0", "2", "91,7%"],
        ["4", "Cải cách tổ chức bộ máy", "0", "0", "0", "0", "0", "—"],
        ["5", "Cải cách chế độ công vụ", "0", "0", "0", "0", "0", "—"],
        ["6", "Cải cách tài chính công", "0", "0", "0", "0", "0", "—"],
        ["7", "Xây dựng, phát triển chính quyền điện tử, chính quyền số", "0", "0", "0", "0", "0", "—"],
        ["", "Tổng cộng", "17", "12", "1", "2", "2", "80%"],
    ]
    # The total is every occurrence of the agency's 2026 year, not the one closed in 2025.
    counted = Occurrence.objects.filter(task__agency=annual.agency, due_on__year=2026).count()
    assert counted == 17


def test_table_of_targets_lists_every_target_of_the_plan(annual):
    table = table_after(word(annual), "Bảng 2. Kết quả thực hiện các chỉ tiêu")
    targets = list(Target.objects.filter(objective__plan__agency=annual.agency).order_by("objective__order"))
    assert [row[1:3] for row in rows(table)[1:]] == [[t.objective.text, t.display] for t in targets]
    assert rows(table)[2][3:] == ["80%", "Chưa đạt"]  # task completion measured from the register
    assert rows(table)[1][3:] == ["Chưa có số liệu", "Chưa có số liệu"]


def test_annex_lists_each_task_of_the_period_once(annual):
    annex = rows(word(annual).tables[-1])
    titles = [row[1] for row in annex[1:] if row[0].isdigit()]
    assert titles == [
        "Kiểm tra công tác cải cách hành chính năm 2026",
        "Rà soát văn bản quy phạm pháp luật",
        "Theo dõi thi hành pháp luật",
        "Rà soát, đơn giản hóa thủ tục hành chính",
        "Chuẩn hóa quy trình nội bộ giải quyết TTHC",
        "Công khai thủ tục hành chính",
    ]
    monthly = next(row for row in annex if row[1] == "Công khai thủ tục hành chính")
    assert monthly[4] == "12 kỳ: 11 đúng hạn, 1 đang thực hiện"
    late = next(row for row in annex if row[1] == "Rà soát, đơn giản hóa thủ tục hành chính")
    assert late[4] == "Hoàn thành trễ hạn (05/10/2026)"


def test_fonts_and_sizes(annual):
    document = word(annual)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    opening = next(p for p in document.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert opening.runs[0].font.size == Pt(14)


def test_excel_annex_has_every_occurrence_and_target(annual):
    book = load_workbook(BytesIO(report_xlsx(annual)))
    sheet = book["Nhiệm vụ"]
    data = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    expected = list(
        Occurrence.objects.filter(task__agency=annual.agency, due_on__year=2026).values_list(
            "task__ref", "due_on"
        )
    )
    assert sorted((row[3], row[8].date()) for row in data) == sorted(expected)
    assert [row[1] for row in book["Chỉ tiêu"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)] == [
        t.objective.text
        for t in Target.objects.filter(objective__plan__agency=annual.agency).order_by("objective__order")
    ]
    units = {
        row[1]: row[2:] for row in book["Theo đơn vị"].iter_rows(min_row=HEADER_ROW + 1, values_only=True)
    }
    assert units["Phòng Quản lý xây dựng"][:5] == (2, 0, 0, 1, 1)


def test_a_task_title_that_looks_like_a_formula_stays_text_in_the_annex(annual, year):
    year.tasks["T1"].title = '=HYPERLINK("http://phishing.example","Bấm vào đây")'
    year.tasks["T1"].save()
    sheet = load_workbook(BytesIO(report_xlsx(annual)))["Nhiệm vụ"]
    titles = [row[4] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    assert '\'=HYPERLINK("http://phishing.example","Bấm vào đây")' in titles


def test_a_unit_that_never_contributed_is_marked_in_the_compiled_text(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    office = annual.contributions.get(unit=year.office)
    contribution_save(
        contribution=office,
        user=users["office_staff"],
        sections={"procedures": "Văn phòng đã công khai đủ thủ tục."},
        difficulties="Thiếu người.",
        submit=True,
    )
    report_compile(report=annual, user=users["focal"])
    document = word(Report.objects.get(pk=annual.pk))
    marks = highlighted(document)
    # In the overall result, and in each area where the unit leads tasks (thể chế, thủ tục hành chính).
    assert marks.count("[Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]") == 3
    texts = [p.text for p in document.paragraphs]
    assert "Văn phòng đã công khai đủ thủ tục." in texts
    assert "- Văn phòng Sở: Thiếu người." in texts


def test_a_period_with_no_data(tree, on_day):
    report = report_build(agency=tree.sibling, report_type="annual", period_code="2026")
    document = docx.Document(BytesIO(report_docx(report).data))
    assert rows(table_after(document, "Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực"))[-1] == [
        "", "Tổng cộng", "0", "0", "0", "0", "0", "—",
    ]  # fmt: skip
    assert any("Trong kỳ không có nhiệm vụ đến hạn" in text for text in highlighted(document))
    assert rows(document.tables[-1])[1][1] == "[Không có nhiệm vụ trong kỳ]"


def test_a_signer_with_no_title(annual, users):
    report_update(report=annual, user=users["focal"], signer_title="", signer="")
    signature = next(
        t
        for t in word(Report.objects.get(pk=annual.pk)).tables
        if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    )
    lines = [p.text for p in signature.cell(0, 1).paragraphs]
    assert lines[0] == "…" and lines[-1] == "…"


def test_an_agency_template_with_a_broken_placeholder_still_gives_the_report(annual, users):
    template = default_template_docx()
    document = docx.Document(BytesIO(template))
    paragraph = next(p for p in document.paragraphs if p.text == "{{ ket_luan }}")
    paragraph.runs[0].text = "Kính gửi {{ ten_co_quan "
    output = BytesIO()
    document.save(output)
    saved = template_upload(
        agency=annual.agency, report_type="", name="mau.docx", data=output.getvalue(), user=users["focal"]
    )
    assert saved.problems and "thiếu dấu đóng" in saved.problems[0]
    result = report_docx(annual)
    assert result.used_template == "mau.docx"
    made = docx.Document(BytesIO(result.data))
    assert "Kính gửi [LỖI MẪU: {{ ten_co_quan ]" in [p.text for p in made.paragraphs]
    assert made.tables[0].cell(1, 0).text == "Số:      /BC-SXD"


def test_a_file_that_is_no_template_is_refused_with_a_message(annual, users):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        template_upload(
            agency=annual.agency, report_type="", name="mau.docx", data=b"not a zip", user=users["focal"]
        )
    assert "Chỉ nhận: .docx" in str(error.value)
    assert not annual.agency.report_templates.exists()


def test_content_is_the_same_for_the_page_and_the_file(annual):
    content = report_content(annual)
    assert content.totals.total == 17
    assert [area.name for area in content.areas][:3] == [
        "Công tác chỉ đạo, điều hành",
        "Cải cách thể chế",
        "Cải cách thủ tục hành chính",
    ]
