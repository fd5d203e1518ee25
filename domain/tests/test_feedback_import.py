"""Rows of a feedback register file: columns in Vietnamese, channels and remit in words, reasons per row."""

from datetime import date

import pytest

from domain.dossier_import.columns import ImportFileError
from domain.dossier_import.dates import DateReader
from domain.feedback_import import FeedbackRow, check_feedback_row, feedback_positions

HEADER = ["Mã phản ánh", "Mã cơ quan", "Ngày tiếp nhận", "Kênh tiếp nhận", "Nội dung", "Thẩm quyền", "Hạn xử lý",
          "Ngày trả lời", "Hài lòng"]  # fmt: skip
POSITIONS = feedback_positions(HEADER)


def check(*cells: str) -> FeedbackRow | str:
    return check_feedback_row(2, list(cells), POSITIONS, {"DLK-SXD": 7}, DateReader())


def test_a_good_row():
    found = check(
        "P-1", "dlk-sxd", "02/03/2026", "Đường dây nóng", "Hỏi", "Thuộc thẩm quyền", "10/03/2026", "", ""
    )
    assert isinstance(found, FeedbackRow)
    assert (found.agency_id, found.channel, found.remit, found.due_on) == (
        7,
        "duong_day_nong",
        "own",
        date(2026, 3, 10),
    )
    assert found.satisfied is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (("", "DLK-SXD", "02/03/2026", "", "Hỏi", "", "", "", ""), "Thiếu mã phản ánh."),
        (("P-1", "XX", "02/03/2026", "", "Hỏi", "", "", "", ""), "Mã cơ quan “XX”"),
        (("P-1", "DLK-SXD", "31/02/2026", "", "Hỏi", "", "", "", ""), "“31/02/2026” không phải ngày hợp lệ"),
        (
            ("P-1", "DLK-SXD", "02/03/2026", "", "Hỏi", "", "01/03/2026", "", ""),
            "Hạn xử lý (01/03/2026) trước",
        ),
        (("P-1", "DLK-SXD", "02/03/2026", "", "", "", "", "", ""), "Thiếu nội dung"),
        (("P-1", "DLK-SXD", "02/03/2026", "", "Hỏi", "", "", "", "có lẽ"), "Hài lòng “có lẽ”"),
    ],
)
def test_reasons(cells, reason):
    found = check(*cells)
    assert isinstance(found, str) and reason in found


def test_forwarded_and_satisfied_in_words():
    found = check(
        "P-2", "DLK-SXD", "02/03/2026", "Zalo", "Quy hoạch", "Chuyển UBND tỉnh", "", "", "Không hài lòng"
    )
    assert isinstance(found, FeedbackRow)
    assert (found.remit, found.channel, found.satisfied) == ("forwarded", "mang_xa_hoi", False)


def test_missing_columns_are_named():
    with pytest.raises(ImportFileError, match="Mã phản ánh"):
        feedback_positions(["ma_co_quan", "ngay_tiep_nhan", "noi_dung"])
