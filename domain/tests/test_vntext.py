"""Vietnamese text helpers: folding, spacing, markup, dates and Roman numerals."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.vntext import (
    date_problem,
    find_date_mentions,
    find_date_problems,
    find_dates,
    fold,
    fold_chars,
    normalize_space,
    parse_vn_date,
    roman_to_int,
    strip_markup,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cải cách", "cai cach"),
        ("ĐẮK LẮK", "dak lak"),
        ("Đại Sơn", "dai son"),
        ("Quý \nIV/2026", "quy iv/2026"),
        ("Phòng Văn hoá – Xã hội", "phong van hoa – xa hoi"),
        ("Phòng Văn hóa - Xã hội", "phong van hoa - xa hoi"),
        ("  Thường\u00a0xuyên\t", "thuong xuyen"),
        ("Ca\u0309i ca\u0301ch", "cai cach"),  # decomposed input
    ],
)
def test_fold_lowercases_and_removes_diacritics(text: str, expected: str) -> None:
    assert fold(text) == expected


def test_fold_lets_plain_ascii_find_accented_text() -> None:
    assert "cai cach" in fold("Kế hoạch Cải cách hành chính năm 2026")


def test_fold_chars_keeps_positions_of_the_nfc_text() -> None:
    text = "Tỷ lệ hồ sơ đạt từ 98% trở lên"
    folded = fold_chars(text)
    assert len(folded) == len(text)
    assert folded.index("98%") == text.index("98%")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Theo \nthời gian \nvăn bản \nyêu cầu", "Theo thời gian văn bản yêu cầu"),
        ("Quý\u00a0III/2026", "Quý III/2026"),
        ("\tCả năm  \r\n", "Cả năm"),
        ("So\u0302\u0301 hóa", "Số hóa"),  # NFD → NFC
        ("Số\u200b hóa\ufeff", "Số hóa"),  # zero-width characters from PDFs
        ("", ""),
    ],
)
def test_normalize_space_collapses_whitespace_and_composes(text: str, expected: str) -> None:
    assert normalize_space(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tỷ lệ $\\geq 98\\%$", "Tỷ lệ ≥ 98%"),
        ("$\\leq 5\\%$", "≤ 5%"),
        ("$98\\%$", "98%"),
        ("$\\geq98\\%$", "≥ 98%"),
        ("hoàn thành **trước ngày 15/5/2026**.", "hoàn thành trước ngày 15/5/2026."),
        ("(*qua Phòng Văn hoá – Xã hội xã*)", "(qua Phòng Văn hoá – Xã hội xã)"),
        ("**Đối với tập thể:* Đạt các tiêu chuẩn sau:", "Đối với tập thể: Đạt các tiêu chuẩn sau:"),
        ("trước ngày **20/11** hàng năm", "trước ngày 20/11 hàng năm"),
        ("_nhấn mạnh_ và snake_case", "nhấn mạnh và snake_case"),
        ("không có định dạng", "không có định dạng"),
    ],
)
def test_strip_markup_leaves_plain_text(text: str, expected: str) -> None:
    assert strip_markup(text) == expected


@pytest.mark.parametrize(
    ("day", "month", "year", "expected"),
    [
        (8, 1, 2026, date(2026, 1, 8)),
        ("08", "01", "2026", date(2026, 1, 8)),
        (29, 2, 2028, date(2028, 2, 29)),
        (31, 2, 2026, None),
        (29, 2, 2026, None),
        (1, 13, 2026, None),
        (0, 5, 2026, None),
        ("x", "5", "2026", None),
    ],
)
def test_parse_vn_date_returns_none_for_impossible_dates(
    day: int | str, month: int | str, year: int | str, expected: date | None
) -> None:
    assert parse_vn_date(day, month, year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của UBND tỉnh", [date(2025, 12, 26)]),
        ("Số 13/KH-SXD ngày 08/01/2026", [date(2026, 1, 8)]),
        ("Quyết định số 1319/QĐ-UBND ngày 29/4/2026", [date(2026, 4, 29)]),
        ("Đắk Lắk, ngày 08 tháng 01 năm 2026", [date(2026, 1, 8)]),
        ("Dak Lak, ngay 8 thang 1 nam 2026", [date(2026, 1, 8)]),
        ("từ 01/3/2026 đến 30/6/2026", [date(2026, 3, 1), date(2026, 6, 30)]),
        ("Nghị định số 45/2020/NĐ-CP và 118/2025/NĐ-CP", []),
        ("(Kèm theo Kế hoạch số: /KH-SXD, ngày /12/2025 của Sở Xây dựng)", []),
        ("Đắk Lắk, ngày tháng 6 năm 2026", []),
        ("trước ngày 31/02/2026", []),
        ("Quý IV/2026", []),
    ],
)
def test_find_dates_recognises_written_dates(text: str, expected: list[date]) -> None:
    assert find_dates(text) == expected


def test_find_date_problems_reports_a_date_that_does_not_exist() -> None:
    problems = find_date_problems("Hoàn thành trước ngày 31/02/2026")
    assert [p.reason for p in problems] == ["Ngày 31/02/2026 không tồn tại."]


def test_date_problem_is_none_for_an_existing_date() -> None:
    assert date_problem(15, 5, 2026) is None


def test_date_problem_accepts_29_february_without_a_year() -> None:
    assert date_problem(29, 2) is None


def test_find_date_mentions_keeps_a_day_and_month_without_year() -> None:
    [mention] = find_date_mentions("trước ngày **20/11** hàng năm")
    assert (mention.day, mention.month, mention.year, mention.value) == (20, 11, None, None)


def test_find_date_mentions_span_points_at_the_text_as_written() -> None:
    text = "ngày 08 tháng 01 năm 2026"
    [mention] = find_date_mentions(f"Đắk Lắk, {text}")
    assert mention.text == text


@pytest.mark.parametrize(
    ("numeral", "expected"),
    [
        ("I", 1),
        ("IV", 4),
        ("VII", 7),
        ("IX", 9),
        ("XIV", 14),
        ("XX", 20),
        ("iii", 3),
        (" II ", 2),
        ("XXI", None),
        ("IIII", None),
        ("VX", None),
        ("", None),
        ("A", None),
    ],
)
def test_roman_to_int_reads_i_to_xx(numeral: str, expected: int | None) -> None:
    assert roman_to_int(numeral) == expected


@given(st.text())
def test_text_helpers_never_raise(text: str) -> None:
    fold(text)
    normalize_space(text)
    strip_markup(text)
    find_dates(text)
    find_date_problems(text)
    roman_to_int(text)


@given(st.text())
def test_fold_chars_keeps_the_length_of_the_nfc_text(text: str) -> None:
    import unicodedata

    assert len(fold_chars(text)) == len(unicodedata.normalize("NFC", text))


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
