"""The canonical columns of a dossier export and how a file's header is matched to them.

The canonical header is the one the issue fixes (`ma_ho_so, ma_co_quan, …`); the same names written in
Vietnamese ("Mã hồ sơ", "Ngày tiếp nhận") are recognised too, in any order. Exports of other one-stop
systems are mapped column by column (`mapping`: their header → canonical name), saved per source.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.vntext import fold

__all__ = [
    "COLUMNS",
    "COLUMN_LABELS",
    "REQUIRED",
    "ColumnPlan",
    "ImportFileError",
    "normalise_header",
    "plan_columns",
]

CODE = "ma_ho_so"
AGENCY = "ma_co_quan"
UNIT = "ma_don_vi"
PROCEDURE = "ma_thu_tuc"
PROCEDURE_NAME = "ten_thu_tuc"
LEVEL = "muc_do"
CHANNEL = "kenh_nop"
RECEIVED = "ngay_tiep_nhan"
DUE = "ngay_hen_tra"
RESOLVED = "ngay_co_ket_qua"
RETURNED = "ngay_tra_ket_qua"
FEE = "le_phi"
PAID_ONLINE = "thanh_toan_truc_tuyen"
DIGITISED = "so_hoa"
E_RESULT = "ket_qua_dien_tu"
APOLOGY = "ngay_xin_loi"
REAPPOINTMENTS = "so_lan_hen_lai"

COLUMNS: tuple[str, ...] = (
    CODE,
    AGENCY,
    UNIT,
    PROCEDURE,
    PROCEDURE_NAME,
    LEVEL,
    CHANNEL,
    RECEIVED,
    DUE,
    RESOLVED,
    RETURNED,
    FEE,
    PAID_ONLINE,
    DIGITISED,
    E_RESULT,
    APOLOGY,
    REAPPOINTMENTS,
)
REQUIRED: frozenset[str] = frozenset({CODE, AGENCY, PROCEDURE, RECEIVED, DUE})

COLUMN_LABELS: dict[str, str] = {
    CODE: "Mã hồ sơ",
    AGENCY: "Mã cơ quan",
    UNIT: "Mã đơn vị",
    PROCEDURE: "Mã thủ tục",
    PROCEDURE_NAME: "Tên thủ tục",
    LEVEL: "Mức độ",
    CHANNEL: "Kênh nộp",
    RECEIVED: "Ngày tiếp nhận",
    DUE: "Ngày hẹn trả",
    RESOLVED: "Ngày có kết quả",
    RETURNED: "Ngày trả kết quả",
    FEE: "Lệ phí",
    PAID_ONLINE: "Thanh toán trực tuyến",
    DIGITISED: "Số hóa",
    E_RESULT: "Kết quả điện tử",
    APOLOGY: "Ngày xin lỗi",
    REAPPOINTMENTS: "Số lần hẹn lại",
}

_NON_WORD = re.compile(r"[^a-z0-9]+")


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (unreadable, no header, a required column missing)."""


def normalise_header(text: str) -> str:
    """ "Mã hồ sơ" → "ma_ho_so"; " MA_HO_SO " → "ma_ho_so"; a BOM or quotes are dropped."""
    return _NON_WORD.sub("_", fold(str(text or "").replace("\ufeff", ""))).strip("_")


_KNOWN: dict[str, str] = {normalise_header(name): name for name in COLUMNS} | {
    normalise_header(label): name for name, label in COLUMN_LABELS.items()
}


@dataclass(frozen=True)
class ColumnPlan:
    """Where each canonical column sits in the file's rows (-1: absent)."""

    positions: dict[str, int]
    header: tuple[str, ...]
    ignored: tuple[str, ...]

    def position(self, column: str) -> int:
        return self.positions.get(column, -1)


def plan_columns(header: Sequence[str], mapping: Mapping[str, str] | None = None) -> ColumnPlan:
    """Match a header row to the canonical columns, through the source's saved mapping first.

    Raises `ImportFileError` naming every required column that is missing and every column named twice.
    """
    saved = {normalise_header(source): target for source, target in (mapping or {}).items() if target}
    positions: dict[str, int] = {}
    duplicates: list[str] = []
    ignored: list[str] = []
    for index, cell in enumerate(header):
        key = normalise_header(cell)
        column = saved.get(key) or _KNOWN.get(key)
        if column is None:
            if key:
                ignored.append(str(cell))
            continue
        if column in positions:
            duplicates.append(COLUMN_LABELS[column])
            continue
        positions[column] = index
    missing = [
        COLUMN_LABELS[name] + f" ({name})" for name in COLUMNS if name in REQUIRED and name not in positions
    ]
    problems = []
    if missing:
        problems.append("thiếu cột bắt buộc " + ", ".join(missing))
    if duplicates:
        problems.append("cột có hai lần: " + ", ".join(duplicates))
    if problems:
        raise ImportFileError(
            "Không nhập được tệp: "
            + "; ".join(problems)
            + ". Dòng đầu tiên của tệp phải là tiêu đề cột; với tệp xuất từ hệ thống khác, hãy khai báo "
            "cách ghép cột cho nguồn dữ liệu."
        )
    return ColumnPlan(positions, tuple(str(cell) for cell in header), tuple(ignored))
