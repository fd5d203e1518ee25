"""Streaming rows out of a CSV or .xlsx export without holding the file.

CSV: the encoding is read from the first bytes — a UTF-8 byte-order mark, UTF-16 (Excel's "Unicode text"),
strict UTF-8, otherwise Windows-1258 (Python codec "cp1258", the Vietnamese ANSI code page of older
exports) — and the delimiter from the header line (comma, semicolon or tab). Rows then come one by one
from `csv.reader` over a text wrapper, so memory stays flat whatever the size. .xlsx: openpyxl in read-only
mode, first sheet, cells turned into the same strings a CSV would carry. An old binary .xls is refused
with a message saying what to do.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import IO, Any

from domain.dossier_import.columns import ImportFileError
from domain.uploads import TABLE, zip_bounds_problem

__all__ = ["TableSource", "detect_encoding", "open_table"]

_SAMPLE = 256 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (có BOM)",
    "utf-16": "UTF-16",
    "cp1258": "Windows-1258",
    "xlsx": "Excel .xlsx",
}
csv.field_size_limit(1024 * 1024)


@dataclass
class TableSource:
    """A header and an iterator of (row number, cells); row 1 is the header."""

    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    encoding: str
    kind: str
    delimiter: str = ","

    @property
    def encoding_label(self) -> str:
        return ENCODING_LABELS.get(self.encoding, self.encoding)


def detect_encoding(sample: bytes) -> str:
    """The encoding of a CSV from its first bytes."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is still UTF-8.
        if error.start < len(sample) - 3:
            return "cp1258"
    return "utf-8"


def _delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda key: counts[key])
    return best if counts[best] else ","


def _csv_rows(reader: Any, encoding: str) -> Iterator[tuple[int, list[str]]]:
    number = 1
    try:
        for number, cells in enumerate(reader, start=2):
            if any(cells):
                yield number, cells
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"Tệp có ký tự không đọc được theo bảng mã {ENCODING_LABELS.get(encoding, encoding)} "
            f"(sau dòng {number}). Hãy lưu lại tệp dưới dạng CSV UTF-8 rồi nhập lại."
        ) from error
    except csv.Error as error:
        raise ImportFileError(f"Tệp CSV hỏng ở dòng {number + 1}: {error}.") from error


def _open_csv(stream: IO[bytes]) -> TableSource:
    sample = stream.read(_SAMPLE)
    stream.seek(0)
    encoding = detect_encoding(sample)
    text = io.TextIOWrapper(stream, encoding=encoding, newline="", errors="strict")
    try:
        first = text.readline()
    except UnicodeDecodeError as error:
        raise ImportFileError("Không đọc được dòng tiêu đề của tệp: bảng mã không nhận ra.") from error
    if not first.strip():
        raise ImportFileError("Tệp rỗng hoặc dòng đầu tiên trống: dòng đầu phải là tiêu đề cột.")
    delimiter = _delimiter(first)
    header = next(csv.reader([first], delimiter=delimiter))
    reader = csv.reader(text, delimiter=delimiter)
    return TableSource(header, _csv_rows(reader, encoding), encoding, "csv", delimiter)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d" if value.time() == time(0) else "%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_rows(rows: Iterator[tuple[Any, ...]], workbook: Any, first: int) -> Iterator[tuple[int, list[str]]]:
    try:
        for number, values in enumerate(rows, start=first + 1):
            cells = [_cell_text(value) for value in values]
            if any(cells):
                yield number, cells
    finally:
        workbook.close()


def _open_xlsx(stream: IO[bytes]) -> TableSource:
    from openpyxl import load_workbook

    # The parts' declared sizes bound what openpyxl can inflate (zipfile never yields more), so they are
    # checked with the upload gate's limits before it opens the workbook (its shared strings are read whole).
    problem = zip_bounds_problem(stream, TABLE.zip_limits, "bảng tính")
    if problem is not None:
        raise ImportFileError(problem)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise ImportFileError(
            "Không mở được tệp Excel (.xlsx): tệp hỏng hoặc không đúng định dạng."
        ) from error
    sheet = workbook.active or workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    number = 0
    for number, values in enumerate(rows, start=1):
        header = [_cell_text(value).strip() for value in values]
        if any(header):
            while header and not header[-1]:
                header.pop()
            return TableSource(header, _xlsx_rows(rows, workbook, number), "xlsx", "xlsx")
    workbook.close()
    raise ImportFileError("Trang tính đầu tiên của tệp Excel không có dữ liệu.")


def open_table(stream: IO[bytes], filename: str = "") -> TableSource:
    """Open a CSV or .xlsx export (told apart by content, not by name) for streaming."""
    head = stream.read(8)
    stream.seek(0)
    if not head:
        raise ImportFileError("Tệp rỗng: không có dòng nào để nhập.")
    if head.startswith(_OLE):
        raise ImportFileError(
            "Tệp Excel định dạng cũ (.xls) chưa đọc được: hãy mở bằng Excel và lưu thành .xlsx hoặc CSV UTF-8."
        )
    if head.startswith(_ZIP):
        return _open_xlsx(stream)
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise ImportFileError("Tệp có đuôi .xlsx nhưng không phải tệp Excel hợp lệ.")
    return _open_csv(stream)
