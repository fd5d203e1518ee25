from datetime import date
from decimal import Decimal

from domain.transparency import looks_personal, share, year_to_date


def test_share_is_a_percentage_with_two_decimals_and_none_without_a_denominator():
    assert share(2, 3) == Decimal("66.67")
    assert share(0, 5) == Decimal("0.00")
    assert share(3, 0) is None


def test_year_to_date_covers_the_whole_months_so_far():
    assert year_to_date(date(2026, 12, 7)) == (
        date(2026, 1, 1),
        date(2026, 11, 30),
        "Từ tháng 01 đến tháng 11/2026",
    )
    assert year_to_date(date(2026, 2, 28)) == (date(2026, 1, 1), date(2026, 1, 31), "Tháng 01/2026")
    # In January no month of the year is finished: the previous year, whole.
    assert year_to_date(date(2027, 1, 15)) == (date(2026, 1, 1), date(2026, 12, 31), "Năm 2026")


def test_personal_details_are_recognised():
    assert looks_personal("liên hệ ngoc.tran@sxd.example.vn")
    assert looks_personal("gọi 0912 345 678")
    assert looks_personal("gọi +84912345678")
    assert not looks_personal("2/3 hồ sơ có kết quả đúng hạn")
    assert not looks_personal("Năm 2026, đến ngày 07/12/2026")
    assert not looks_personal("1.234 câu trả lời hợp lệ")
