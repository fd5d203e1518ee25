"""The wording rules of Nghị định 30/2020/NĐ-CP, Phụ lục I: number, date, recipients, signing title."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.documents.nd30_text import (
    clean,
    document_reference,
    number_line,
    place_date_line,
    recipient_lines,
    short_date,
    signer_title_lines,
)


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        ("13", "KH-SXD", "Số: 13/KH-SXD"),
        ("5", "KH-SXD", "Số: 05/KH-SXD"),  # mục II.4: below 10 with a leading zero
        ("125", "SXD-VP", "Số: 125/SXD-VP"),  # công văn
        ("15/2025", "QĐ-UBND", "Số: 15/2025/QĐ-UBND"),  # legal normative documents carry the year
        (None, "KH-SXD", "Số:      /KH-SXD"),
        ("  ", "KH-SXD", "Số:      /KH-SXD"),
        ("13", None, "Số: 13/…"),
        (None, None, "Số:      /…"),
    ],
)
def test_number_line(number: str | None, symbol: str | None, expected: str) -> None:
    assert number_line(number, symbol) == expected


@pytest.mark.parametrize(
    ("issued_on", "year", "expected"),
    [
        (date(2026, 1, 8), None, "Đắk Lắk, ngày 08 tháng 01 năm 2026"),
        (date(2026, 2, 28), 2026, "Đắk Lắk, ngày 28 tháng 02 năm 2026"),
        (date(2026, 6, 23), 2026, "Đắk Lắk, ngày 23 tháng 6 năm 2026"),  # months 3–12 as they are
        (date(2025, 12, 5), 2026, "Đắk Lắk, ngày 05 tháng 12 năm 2025"),  # the date wins over the year
        (None, 2026, "Đắk Lắk, ngày     tháng     năm 2026"),
        (None, None, "Đắk Lắk, ngày     tháng     năm     "),
    ],
)
def test_place_date_line(issued_on: date | None, year: int | None, expected: str) -> None:
    assert place_date_line("Đắk Lắk", issued_on, year) == expected


def test_place_date_line_without_a_place_shows_the_gap() -> None:
    assert place_date_line("  ", date(2026, 1, 8), None) == "…, ngày 08 tháng 01 năm 2026"


def test_short_date_and_reference() -> None:
    assert short_date(date(2026, 1, 8), None) == "08/01/2026"
    assert short_date(None, 2026) == "     /     /2026"
    reference = document_reference(
        "Kế hoạch", number="13", symbol="KH-SXD", issued_on=date(2026, 1, 8), year=2026, issuer="Sở Xây dựng"
    )
    assert reference == "Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng"


def test_recipients_are_rewritten_with_the_archive_copy_last() -> None:
    # given the list of seed 001, typed with and without dashes and semicolons, the archive copy not last
    recipients = ("- Sở Nội vụ;", "GD, các PGD Sở", "- Lưu: VT, VP (Tr).", "Trang thông tin điện tử của Sở.")
    # then
    assert recipient_lines(recipients) == [
        "- Sở Nội vụ;",
        "- GD, các PGD Sở;",
        "- Trang thông tin điện tử của Sở;",
        "- Lưu: VT, VP (Tr).",
    ]


def test_recipients_without_an_archive_copy_get_one() -> None:
    assert recipient_lines(["Sở Nội vụ"]) == ["- Sở Nội vụ;", "- Lưu: VT, …."]
    assert recipient_lines([]) == ["- Lưu: VT, …."]
    assert recipient_lines(["", " - ;"]) == ["- Lưu: VT, …."]


def test_a_recipient_named_after_the_archives_is_not_the_archive_copy() -> None:
    lines = recipient_lines(["Trung tâm Lưu trữ lịch sử tỉnh", "Lưu trữ: hồ sơ", "Lưu: VT."])
    assert lines[-1] == "- Lưu: VT."
    assert "- Trung tâm Lưu trữ lịch sử tỉnh;" in lines


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        (
            "TM. Ủy ban nhân dân / KT. Chủ tịch / Phó Chủ tịch",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        ("GIÁM ĐỐC", ["GIÁM ĐỐC"]),
        (None, ["…"]),
        (" / ", ["…"]),
    ],
)
def test_signer_title_lines(title: str | None, expected: list[str]) -> None:
    assert signer_title_lines(title) == expected


def test_clean_drops_what_xml_forbids_and_keeps_vietnamese() -> None:
    assert clean("Sở\x00 Xây\x0b dựng\ufffe\t\n") == "Sở Xây dựng\t\n"
    assert clean(None) == ""


@given(st.lists(st.text()))
def test_recipient_lines_always_end_with_the_archive_copy(recipients: list[str]) -> None:
    lines = recipient_lines(recipients)
    assert lines[-1].startswith("- ")
    assert lines[-1].endswith(".")
    assert all(line.endswith(";") for line in lines[:-1])
