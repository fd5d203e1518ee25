"""The Excel annex of a report: every occurrence and target, safe against formula injection."""

from datetime import datetime
from io import BytesIO

from openpyxl import load_workbook

from domain.documents.report_xlsx import HEADER_ROW, OCCURRENCE_HEADERS, report_to_xlsx
from domain.documents.tests.reports import EMPTY, REPORT


def workbook(content=REPORT):
    return load_workbook(BytesIO(report_to_xlsx(content)))


def data(sheet):
    return [list(row) for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]


def test_sheets_and_headers():
    book = workbook()
    assert book.sheetnames == [
        "Nhiệm vụ",
        "Chỉ tiêu",
        "Theo lĩnh vực",
        "Theo đơn vị",
        "Hồ sơ trễ hạn",
        "Khảo sát",
    ]
    sheet = book["Nhiệm vụ"]
    assert [cell.value for cell in sheet[HEADER_ROW]] == list(OCCURRENCE_HEADERS)
    assert sheet["A2"].value == "Số liệu từ ngày 15/12/2025 đến ngày 14/12/2026"
    assert sheet.freeze_panes == "A4"


def test_one_row_per_occurrence_with_dates():
    rows = data(workbook()["Nhiệm vụ"])
    assert len(rows) == len(REPORT.occurrences)
    first = rows[0]
    assert first[:7] == [
        1,
        "Cải cách thể chế",
        "13/KH-SXD",
        "1",
        "Rà soát văn bản",
        "Quý III/2026",
        "Văn phòng Sở",
    ]
    assert first[7:11] == [
        datetime(2026, 7, 1),
        datetime(2026, 9, 30),
        datetime(2026, 9, 20),
        datetime(2026, 9, 22),
    ]
    assert first[11:] == [100, "Hoàn thành đúng hạn", "Hoàn thành đúng hạn"]


def test_a_title_that_looks_like_a_formula_stays_text():
    sheet = workbook()["Nhiệm vụ"]
    cell = sheet.cell(row=HEADER_ROW + 2, column=5)
    assert cell.value == '\'=HYPERLINK("http://x")'
    assert cell.data_type == "s"


def test_targets_areas_units():
    book = workbook()
    assert data(book["Chỉ tiêu"]) == [
        [1, "Tỷ lệ hồ sơ giải quyết đúng hạn", "≥ 98%", "99,1%", "Đạt", "Hồ sơ TTHC"],
        [2, "Mức độ hài lòng (SIPAS)", "≥ 95%", "Chưa có số liệu", "Chưa có số liệu", None],
    ]
    assert data(book["Theo lĩnh vực"])[-1] == [None, "Tổng cộng", 13, 8, 1, 1, 3, 80.0]
    assert data(book["Theo đơn vị"])[1][-1] == "Chưa gửi"


def test_gap_marks_become_brackets():
    rows = data(workbook()["Chỉ tiêu"])
    assert rows  # the note with a gap is on the page, not in the sheet; the sheet holds plain values
    assert all("[[" not in str(value) for row in rows for value in row)


def test_a_period_with_no_data_gives_empty_sheets():
    book = workbook(EMPTY)
    assert data(book["Nhiệm vụ"]) == []
    assert "Hồ sơ trễ hạn" not in book.sheetnames
