"""The agency's rating table (.xlsx) and a person's rating sheet (.docx), read back cell by cell and paragraph by
paragraph: the names, the figures, the grades after the cap, the summary; a decided sheet shows what was frozen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import docx
import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from apps.ratings import services
from apps.ratings.documents import rating_sheet, sheet_to_docx
from apps.ratings.exports import HEADERS, TITLE, agency_to_xlsx, header_row
from apps.ratings.models import Rating
from apps.ratings.sheets import agency_sheets, person_sheet, rating_period
from domain.documents.rating_docx import day_text, formula_line

from .builders import office, product

D = Decimal
TODAY = date(2026, 4, 10)
MARCH = "2026-03"


@pytest.fixture
def clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def own(tree, clock):
    """cv1: one product on time and accepted (70) + 28 from the head = 98, "xuất sắc" by points but moved to
    "tốt" by the cap (20% of one person rounds down to nobody); cv2: one late and accepted, one not done
    (a = b = 50%, c = 37,5% → 32,08) + 25 self-scored = 57,08 "hoàn thành"."""
    built = office(tree.own)
    agency = built.agency
    cv1, cv2 = built.person(f"cv1_{agency.pk}"), built.person(f"cv2_{agency.pk}")
    cv1.position = "Chuyên viên"
    cv1.save()
    product(built, cv1, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 11), ref="A1")
    product(built, cv2, date(2026, 3, 12), completed=date(2026, 3, 16), accepted=date(2026, 3, 17), ref="B1")
    product(built, cv2, date(2026, 3, 20), ref="B2")
    services.rating_self_assess(
        user=built.staff[f"cv1_{agency.pk}"],
        person=cv1,
        period_code=MARCH,
        general="29",
        comment="Chấp hành tốt",
    )
    services.rating_score(user=built.head, person=cv1, period_code=MARCH, general="28", reason="Đúng giờ")
    services.rating_self_assess(
        user=built.staff[f"cv2_{agency.pk}"], person=cv2, period_code=MARCH, general="25", comment="Cố gắng"
    )
    return built


def _book(own):
    period = rating_period(MARCH)
    content = agency_to_xlsx(own.agency, period, agency_sheets(own.agency, period))
    return load_workbook(BytesIO(content)).active


def _rows(sheet):
    return {
        row[1]: row
        for row in sheet.iter_rows(min_row=header_row() + 1, values_only=True)
        if isinstance(row[0], int)
    }


def test_the_xlsx_holds_the_title_every_person_and_the_figures(own):
    sheet = _book(own)
    assert sheet["A1"].value == own.agency.name.upper()
    assert sheet["A2"].value == TITLE
    assert sheet["A3"].value == "Kỳ đánh giá: Tháng 03/2026"
    assert [cell.value for cell in sheet[header_row()]] == list(HEADERS)
    rows = _rows(sheet)
    first = rows["Nguyễn Chuyên Viên 1"]
    assert sorted(row[0] for row in rows.values()) == list(range(1, len(rows) + 1))
    assert first[2] == "Chuyên viên" and first[3] == "Phòng Kế hoạch"
    assert first[4] == "Công chức" and first[5] == 1
    assert first[6:12] == (100, 100, 100, 70, 28, 98)
    assert first[12] == "Hoàn thành tốt nhiệm vụ"
    assert "vượt tỷ lệ 20%" in first[13] and "tối đa 0 người" in first[13]
    second = rows["Nguyễn Chuyên Viên 2"]
    assert second[5] == 2
    assert second[6:12] == (50, 50, 37.5, pytest.approx(32.08), 25, pytest.approx(57.08))
    assert second[12] == "Hoàn thành nhiệm vụ"
    assert "tự chấm" in second[13]
    head = rows["Trần Trưởng Phòng"]
    assert head[5] == 0 and head[6] is None and head[11] is None and head[12] is None
    assert "Không có sản phẩm" in head[13]
    # numbers are numbers, formatted with two decimals; the header and the names stay in view
    cells = {cell.column_letter: cell for cell in sheet[header_row() + 1]}
    assert cells["J"].number_format == "#,##0.00" and cells["F"].number_format == "#,##0"
    assert sheet.freeze_panes == f"C{header_row() + 1}"
    assert sheet.page_setup.orientation == "landscape" and str(sheet.page_setup.paperSize) == "9"
    assert sheet.column_dimensions["B"].width >= 25


def test_the_xlsx_summary_counts_the_grades_and_the_cap(own):
    sheet = _book(own)
    values = list(sheet.iter_rows(values_only=True))
    by_label = {row[1]: row for row in values if isinstance(row[1], str)}
    assert by_label["Hoàn thành xuất sắc nhiệm vụ"][2] == 0
    assert by_label["Hoàn thành tốt nhiệm vụ"][2:4] == (1, 50)
    assert by_label["Hoàn thành nhiệm vụ"][2:4] == (1, 50)
    assert by_label["Không hoàn thành nhiệm vụ"][2] == 0
    people = len(agency_sheets(own.agency, rating_period(MARCH)))
    assert by_label["Chưa xếp loại"][2] == people - 2 and by_label["Tổng số"][2] == people
    cap = by_label["Công chức không giữ chức vụ lãnh đạo, quản lý"]
    # rated 2, "tốt" or better 1, "xuất sắc" by points 1, allowed 0, moved 1
    assert cap[2:7] == (2, 1, 1, 0, 1)


def test_the_xlsx_keeps_typed_formulas_inert(own):
    cv1 = own.person(f"cv1_{own.agency.pk}")
    cv1.full_name = "=HYPERLINK(1)"
    cv1.save()
    rows = _rows(_book(own))
    assert "'=HYPERLINK(1)" in rows


def test_the_download_is_the_agency_table(own, client):
    client.force_login(own.leader)
    response = client.get(reverse("ratings:agency_xlsx"), {"ky": MARCH})
    assert response.status_code == 200
    assert "Nguyễn Chuyên Viên 1" in _rows(load_workbook(BytesIO(response.content)).active)


def _text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _product_table(content: bytes):
    document = docx.Document(BytesIO(content))
    return next(t for t in document.tables if t.rows[0].cells[0].text == "STT")


def test_the_docx_of_an_open_sheet_shows_the_products_and_the_provisional_grade(own):
    cv2 = own.person(f"cv2_{own.agency.pk}")
    content = sheet_to_docx(person_sheet(cv2, rating_period(MARCH)))
    text = _text(content)
    assert "PHIẾU ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÔNG CHỨC" in text and "Kỳ đánh giá: Tháng 03/2026" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and own.agency.name.upper() in text
    assert "Nguyễn Chuyên Viên 2" in text and "Phòng Kế hoạch" in text
    assert "Số:" not in text  # a phiếu has no number
    assert "Cá nhân tự chấm: 25 điểm. Tự nhận xét: Cố gắng" in text
    table = _product_table(content)
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[1][1] == "B1. Nhiệm vụ B1" and rows[1][2] == "12/03/2026\n16/03/2026\n17/03/2026"
    assert rows[1][4:7] == ["1", "1", "0,75"] and "chậm 1 lần" in rows[1][7]
    assert (
        rows[2][1] == "B2. Nhiệm vụ B2"
        and rows[2][2] == "20/03/2026\n—\n—"
        and "chưa hoàn thành" in rows[2][7]
    )
    assert rows[3][1] == "Cộng" and rows[3][3:7] == ["2", "1", "1", "0,75"]
    assert "a (số lượng) = 50%; b (chất lượng) = 50%; c (tiến độ) = 37,5%." in text
    assert "= (50 + 50 + 37,5) ÷ 3 × 70 = 32,08 điểm." in text
    assert "Tổng điểm = 25 + 32,08 = 57,08 điểm." in text
    assert "Xếp loại: HOÀN THÀNH NHIỆM VỤ" in text
    assert "chưa được thủ trưởng cơ quan quyết định" in text
    assert "NGƯỜI TỰ ĐÁNH GIÁ" in text and "TRƯỞNG ĐƠN VỊ" in text and "THỦ TRƯỞNG CƠ QUAN" in text
    assert "Ngày 10/04/2026" in text  # the day the person self-assessed (the clock)


def test_the_docx_of_a_decided_sheet_shows_the_frozen_figures(own):
    cv1 = own.person(f"cv1_{own.agency.pk}")
    occurrence = product(own, cv1, date(2026, 3, 25), ref="A2")  # open, not decided yet
    occurrence.delete()
    services.agency_decide(user=own.leader, agency=own.agency, period_code=MARCH)
    rating = Rating.objects.get(person=cv1, period=MARCH)
    assert rating.is_decided and len(rating.evidence) == 1
    # the register changes after the decision: a new product due in March does not enter the sheet
    product(own, cv1, date(2026, 3, 28), ref="A3")
    sheet = person_sheet(cv1, rating_period(MARCH))
    data = rating_sheet(sheet)
    assert [p.title for p in data.products] == ["A1. Nhiệm vụ A1"]
    assert data.products[0].accepted_on == date(2026, 3, 11)
    content = sheet_to_docx(sheet)
    text = _text(content)
    assert "Nguyễn Chuyên Viên 1" in text and "A1. Nhiệm vụ A1" in text and "A3. Nhiệm vụ A3" not in text
    assert "Tổng điểm = 28 + 70 = 98 điểm." in text
    assert "Xếp loại: HOÀN THÀNH TỐT NHIỆM VỤ" in text and "vượt tỷ lệ 20%" in text
    assert "chưa được thủ trưởng cơ quan quyết định" not in text
    assert "Lê Giám Đốc" in text and "Trần Trưởng Phòng" in text
    assert text.count("Ngày 10/04/2026") == 3


def test_the_docx_of_nothing_yet_prints_gaps():
    assert day_text(None).count("/") == 2
    assert "chưa tính được" in formula_line(_blank_sheet())


def _blank_sheet():
    from domain.documents.rating_docx import RatingSheet, Signature

    return RatingSheet(
        governing_body=None,
        agency="Sở Thử",
        person="Nguyễn Văn A",
        position="",
        unit="",
        period_label="Quý I/2026",
        task_group="Công chức",
        self_general=None,
        self_comment="",
        general=None,
        general_reason="",
        violations=(),
        violation_note="",
        products=(),
        a=None,
        b=None,
        c=None,
        task_points=None,
        leader_parts=None,
        task_max=D(70),
        general_max=D(30),
        counted_general=None,
        total=None,
        grade="",
        grade_note="",
        decided=False,
        signatures=(Signature("Người tự đánh giá", None, None),),
    )


def test_the_docx_of_a_person_without_anything_still_opens():
    from domain.documents.rating_docx import rating_sheet_docx

    text = _text(rating_sheet_docx(_blank_sheet()))
    assert "Nguyễn Văn A" in text and "Không có sản phẩm" in text and "Xếp loại: …" in text


def test_the_docx_download(own, client):
    cv1 = own.person(f"cv1_{own.agency.pk}")
    client.force_login(own.staff[f"cv1_{own.agency.pk}"])
    response = client.get(reverse("ratings:sheet_docx", args=[cv1.pk]), {"ky": MARCH})
    assert response.status_code == 200 and "Nguyễn Chuyên Viên 1" in _text(response.content)
