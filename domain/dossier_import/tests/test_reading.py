"""Reading dossier exports: encodings, delimiters, headers in any order or in Vietnamese, .xlsx, bad files."""

import unicodedata
from datetime import datetime
from io import BytesIO

import pytest
from openpyxl import Workbook

from domain.dossier_import.columns import ImportFileError, normalise_header, plan_columns
from domain.dossier_import.reader import detect_encoding, open_table

TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Text as Windows-1258 writes Vietnamese: base letters precomposed, tone marks as combining characters."""
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(mark for mark in parts if mark in TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(mark for mark in parts if mark not in TONE_MARKS))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


HEADER = "ma_ho_so,ma_co_quan,ma_thu_tuc,ten_thu_tuc,ngay_tiep_nhan,ngay_hen_tra"
ROW = "H-1,SXD,1.001,Cấp giấy phép xây dựng,02/03/2026 08:15,10/03/2026"


def _rows(data: bytes, name: str = "ho-so.csv") -> tuple[list[str], list[tuple[int, list[str]]], str]:
    table = open_table(BytesIO(data), name)
    return table.header, list(table.rows), table.encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ((HEADER + "\n" + ROW + "\n").encode("utf-8"), "utf-8"),
        ((HEADER + "\n" + ROW + "\n").encode("utf-8-sig"), "utf-8-sig"),
        (windows_1258(HEADER + "\n" + ROW + "\n"), "cp1258"),
        ((HEADER + "\n" + ROW + "\n").encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(data, encoding):
    header, rows, found = _rows(data)
    assert found == encoding
    assert header[0] == "ma_ho_so"
    # Windows-1258 writes some tone marks as combining characters; the row check normalises names (NFC).
    assert rows[0][1][3].replace("\u0301", "").startswith("C")
    assert rows[0][0] == 2


def test_a_multibyte_character_cut_by_the_sample_is_still_utf8():
    assert detect_encoding("ả".encode() * 10 + "ả".encode()[:1]) == "utf-8"


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(delimiter):
    text = (HEADER + "\n" + ROW + "\n").replace(",", delimiter)
    header, rows, _ = _rows(text.encode())
    assert len(header) == 6 and rows[0][1][0] == "H-1"


def test_blank_lines_are_skipped_and_numbers_are_file_lines():
    _, rows, _ = _rows((HEADER + "\n\n" + ROW + "\n,,,,,\n" + ROW + "\n").encode())
    assert [number for number, _ in rows] == [3, 5]


def test_xlsx_first_sheet_cells_become_text():
    book = Workbook()
    sheet = book.active
    sheet.append(["Mã hồ sơ", "Mã cơ quan", "Mã thủ tục", "Ngày tiếp nhận", "Ngày hẹn trả", "Lệ phí"])
    sheet.append(["H-1", "SXD", "1.001", datetime(2026, 3, 2, 8, 15), datetime(2026, 3, 10), 50000.0])
    buffer = BytesIO()
    book.save(buffer)
    table = open_table(BytesIO(buffer.getvalue()), "ho-so.xlsx")
    rows = list(table.rows)
    assert table.kind == "xlsx"
    assert rows == [(2, ["H-1", "SXD", "1.001", "2026-03-02 08:15:00", "2026-03-10", "50000"])]
    assert plan_columns(table.header).position("ngay_tiep_nhan") == 3


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"", "a.csv", "Tệp rỗng"),
        (b"\xd0\xcf\x11\xe0rest", "a.xls", ".xls"),
        (b"not a zip", "a.xlsx", "không phải tệp Excel"),
        (b"PK\x03\x04broken", "a.xlsx", "Không mở được tệp Excel"),
        (b"\n\n", "a.csv", "dòng đầu"),
    ],
)
def test_bad_files(data, name, message):
    with pytest.raises(ImportFileError) as error:
        open_table(BytesIO(data), name)
    assert message in str(error.value)


def test_a_byte_that_is_not_utf8_after_the_sample_stops_with_a_message():
    data = (HEADER + "\n").encode() + (ROW + "\n").encode() * 20000 + windows_1258("Thủ tục\n")
    table = open_table(BytesIO(data), "a.csv")
    with pytest.raises(ImportFileError) as error:
        list(table.rows)
    assert "UTF-8" in str(error.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Mã hồ sơ", "ma_ho_so"),
        (" MA_HO_SO ", "ma_ho_so"),
        ("\ufeffma_ho_so", "ma_ho_so"),
        ("Ngày có kết quả", "ngay_co_ket_qua"),
    ],
)
def test_normalise_header(text, key):
    assert normalise_header(text) == key


def test_header_in_another_order_and_unknown_columns():
    plan = plan_columns(["ngay_hen_tra", "Ghi chú", "ma_thu_tuc", "ngay_tiep_nhan", "ma_co_quan", "ma_ho_so"])
    assert plan.position("ma_ho_so") == 5 and plan.position("ngay_hen_tra") == 0
    assert plan.position("ngay_co_ket_qua") == -1
    assert plan.ignored == ("Ghi chú",)


def test_missing_required_columns_are_all_named():
    with pytest.raises(ImportFileError) as error:
        plan_columns(["ma_ho_so", "ma_thu_tuc", "ngay_tiep_nhan"])
    assert "Mã cơ quan (ma_co_quan)" in str(error.value) and "Ngày hẹn trả (ngay_hen_tra)" in str(error.value)


def test_a_column_named_twice_is_refused():
    with pytest.raises(ImportFileError) as error:
        plan_columns([*HEADER.split(","), "Mã hồ sơ"])
    assert "hai lần" in str(error.value)


def test_a_saved_mapping_reads_another_export():
    header = ["SoHoSo", "DonVi", "MaTTHC", "NgayNhan", "NgayHenTra"]
    mapping = {
        "SoHoSo": "ma_ho_so",
        "DonVi": "ma_co_quan",
        "MaTTHC": "ma_thu_tuc",
        "NgayNhan": "ngay_tiep_nhan",
        "NgayHenTra": "ngay_hen_tra",
    }
    plan = plan_columns(header, mapping)
    assert [plan.position(name) for name in mapping.values()] == [0, 1, 2, 3, 4]
