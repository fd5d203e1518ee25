"""Rows of a feedback (phản ánh, kiến nghị) register exported as CSV or .xlsx, checked one by one.

Columns (Vietnamese headers accepted, any order): ma_phan_anh, ma_co_quan, ngay_tiep_nhan, kenh, noi_dung
(required) and nguoi_gui, tham_quyen (thuoc / chuyen), noi_chuyen_den, ngay_chuyen, han_xu_ly, ngay_tra_loi,
hai_long (1 / 0 / blank), phan_nan_cham (0 / 1). The file itself is read by `domain.dossier_import.reader`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from domain.dossier_import.columns import ImportFileError, normalise_header
from domain.dossier_import.dates import DateReader
from domain.vntext import fold

__all__ = ["FEEDBACK_CHANNELS", "FEEDBACK_COLUMNS", "FeedbackRow", "check_feedback_row", "feedback_positions"]

FEEDBACK_COLUMNS: dict[str, str] = {
    "ma_phan_anh": "Mã phản ánh",
    "ma_co_quan": "Mã cơ quan",
    "ngay_tiep_nhan": "Ngày tiếp nhận",
    "kenh": "Kênh tiếp nhận",
    "noi_dung": "Nội dung",
    "nguoi_gui": "Người gửi",
    "tham_quyen": "Thẩm quyền",
    "noi_chuyen_den": "Nơi chuyển đến",
    "ngay_chuyen": "Ngày chuyển",
    "han_xu_ly": "Hạn xử lý",
    "ngay_tra_loi": "Ngày trả lời",
    "hai_long": "Hài lòng",
    "phan_nan_cham": "Phàn nàn chậm xử lý",
}
REQUIRED = ("ma_phan_anh", "ma_co_quan", "ngay_tiep_nhan", "noi_dung")
FEEDBACK_CHANNELS: dict[str, str] = {
    "truc_tiep": "Trực tiếp",
    "duong_day_nong": "Điện thoại, đường dây nóng",
    "cong_dvc": "Cổng Dịch vụ công",
    "van_ban": "Văn bản, thư",
    "thu_dien_tu": "Thư điện tử",
    "mang_xa_hoi": "Mạng xã hội, Zalo",
    "khac": "Khác",
}
_CHANNEL_HINTS = (
    ("truc tiep", "truc_tiep"),
    ("dien thoai", "duong_day_nong"),
    ("duong day nong", "duong_day_nong"),
    ("hotline", "duong_day_nong"),
    ("cong", "cong_dvc"),
    ("dvc", "cong_dvc"),
    ("email", "thu_dien_tu"),
    ("thu dien tu", "thu_dien_tu"),
    ("van ban", "van_ban"),
    ("thu", "van_ban"),
    ("zalo", "mang_xa_hoi"),
    ("facebook", "mang_xa_hoi"),
    ("mang xa hoi", "mang_xa_hoi"),
)
_KNOWN = {normalise_header(name): name for name in FEEDBACK_COLUMNS} | {
    normalise_header(label): name for name, label in FEEDBACK_COLUMNS.items()
}
_YES = {"1", "co", "x", "true", "hai long", "yes"}
_NO = {"0", "khong", "false", "khong hai long", "no"}


@dataclass(frozen=True)
class FeedbackRow:
    line: int
    code: str
    agency_id: int
    received_on: date
    channel: str
    subject: str
    sender: str
    remit: str
    forwarded_to: str
    forwarded_on: date | None
    due_on: date | None
    replied_on: date | None
    satisfied: bool | None
    late_complaint: bool


def feedback_positions(header: Sequence[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = _KNOWN.get(normalise_header(cell))
        if name and name not in positions:
            positions[name] = index
    missing = [FEEDBACK_COLUMNS[name] + f" ({name})" for name in REQUIRED if name not in positions]
    if missing:
        raise ImportFileError("Không nhập được tệp: thiếu cột bắt buộc " + ", ".join(missing) + ".")
    return positions


def _day(reader: DateReader, text: str) -> date | None:
    found = reader.read(text)
    return date.fromordinal(found[1]) if found else None


def check_feedback_row(
    line: int,
    cells: Sequence[str],
    positions: Mapping[str, int],
    agencies: Mapping[str, int],
    reader: DateReader,
) -> FeedbackRow | str:
    """The checked row, or the reasons (Vietnamese) it cannot be loaded."""

    def cell(name: str) -> str:
        index = positions.get(name, -1)
        return cells[index].strip() if 0 <= index < len(cells) else ""

    errors: list[str] = []
    code = cell("ma_phan_anh")
    if not code:
        errors.append("Thiếu mã phản ánh.")
    agency_id = agencies.get(cell("ma_co_quan").upper())
    if agency_id is None:
        errors.append(f"Mã cơ quan “{cell('ma_co_quan')}” không có hoặc nằm ngoài phạm vi bạn được nhập.")
    dates: dict[str, date | None] = {}
    for name in ("ngay_tiep_nhan", "ngay_chuyen", "han_xu_ly", "ngay_tra_loi"):
        text = cell(name)
        dates[name] = _day(reader, text) if text else None
        if text and dates[name] is None:
            errors.append(f"{FEEDBACK_COLUMNS[name]} “{text}” không phải ngày hợp lệ.")
    received = dates["ngay_tiep_nhan"]
    if received is None and not cell("ngay_tiep_nhan"):
        errors.append("Thiếu ngày tiếp nhận.")
    if received is not None:
        for name in ("ngay_chuyen", "han_xu_ly", "ngay_tra_loi"):
            value = dates[name]
            if value is not None and value < received:
                errors.append(f"{FEEDBACK_COLUMNS[name]} ({cell(name)}) trước ngày tiếp nhận.")
    subject = cell("noi_dung")
    if not subject:
        errors.append("Thiếu nội dung phản ánh, kiến nghị.")
    folded_remit = fold(cell("tham_quyen"))
    remit = "forwarded" if re.search(r"chuyen|ngoai|forward", folded_remit) else "own"
    channel_text = fold(cell("kenh"))
    channel = "khac"
    key = "_".join(channel_text.split())
    if key in FEEDBACK_CHANNELS:
        channel = key
    else:
        channel = next((value for hint, value in _CHANNEL_HINTS if hint in channel_text), "khac")
    satisfied_text = fold(cell("hai_long"))
    satisfied = True if satisfied_text in _YES else False if satisfied_text in _NO else None
    if satisfied_text and satisfied is None:
        errors.append(f"Hài lòng “{cell('hai_long')}” phải là 1, 0 hoặc để trống.")
    complaint_text = fold(cell("phan_nan_cham"))
    if complaint_text and complaint_text not in _YES | _NO:
        errors.append(f"Phàn nàn chậm xử lý “{cell('phan_nan_cham')}” phải là 0 hoặc 1.")
    if errors:
        return " ".join(errors)
    assert received is not None and agency_id is not None
    return FeedbackRow(
        line=line,
        code=code[:64],
        agency_id=agency_id,
        received_on=received,
        channel=channel,
        subject=subject[:2000],
        sender=cell("nguoi_gui")[:255],
        remit=remit,
        forwarded_to=cell("noi_chuyen_den")[:255],
        forwarded_on=dates["ngay_chuyen"],
        due_on=dates["han_xu_ly"],
        replied_on=dates["ngay_tra_loi"],
        satisfied=satisfied,
        late_complaint=complaint_text in _YES,
    )
