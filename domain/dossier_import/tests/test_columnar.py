"""The columnar path (DuckDB) gives exactly what the row-by-row path gives: the same staged values, the same
bad lines with the same reasons, the same duplicates — on a file full of the cases exports really contain."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from domain.dossier_import.columnar import ColumnarCheck, ColumnarUnavailable, line_count
from domain.dossier_import.columns import COLUMNS, plan_columns
from domain.dossier_import.reader import open_table
from domain.dossier_import.rows import ImportContext, RowValidator

AGENCIES = {"SXD": 1, "SNV": 2, "UBND-XA": 3}
UNITS = {(1, "MC"): 10, (1, "VP"): 11, (2, "MC"): 20}

# Cells that each exercise one rule of the row path; rows pick from them at random.
CODES = ["HS-{n}", " HS-{n} ", "HS {n}", "", "x" * 70, "HS-{n}\t", "Hồ-sơ-{n}", "HS-DUP-{d}"]
AGENCY_CELLS = ["SXD", "sxd", " SNV", "UBND-XA", "KHONG-CO", ""]
UNIT_CELLS = ["", "MC", "mc ", "VP", "ZZ"]
PROCEDURES = [
    ("1.0001", "Cấp phép xây dựng"),
    (" 1.0002", "Đăng ký, thay đổi"),
    ("", "Không mã"),
    ("1.0003", ""),
]
LEVELS = ["toan_trinh", "Một phần", "4", "khac", "", "lạ"]
CHANNELS = ["truc_tuyen", "Trực tuyến", "truc_tiep", "buu_chinh", "", "fax"]
DATES = [
    "05/03/2026",
    "5/3/2026",
    "05/03/2026 08:15",
    "05/03/2026 8:5",
    "05/03/2026 08:15:30",
    "2026-03-05",
    "2026-03-05T08:15",
    "2026-03-05 08:15:00",
    "2026-03-05T08:15:00+07:00",
    "46086",
    "31/02/2026",
    "05/03/2026 25:00",
    " 05/03/2026",
    "05.03.2026",
    "ngày 5",
    "",
]
LATER = ["10/03/2026", "2026-03-20 17:00", "01/03/2026", "", "12/03/2026 23:59", "30/02/2026", "2026-04-01"]
FEES = ["0", "", "50000", "50.000 đ", "1,250,000", "abc"]
FLAGS = ["0", "1", "", "có", "khong", "x", "2"]
REAPPOINTMENTS = ["", "0", "1", "2", "abc", "²", " 3 "]


def _rows(count: int, seed: int) -> list[list[str]]:
    """Rows where most cells are good (the first choice of each list) and the others are what they are."""
    rnd = random.Random(seed)

    class Mostly:
        @staticmethod
        def choice(options):
            return options[0] if rnd.random() < 0.8 else rnd.choice(options)

    pick = Mostly()
    rows = []
    for n in range(count):
        procedure, name = pick.choice(PROCEDURES)
        rows.append(
            [
                pick.choice(CODES).format(n=n, d=n % 7),
                pick.choice(AGENCY_CELLS),
                pick.choice(UNIT_CELLS),
                procedure,
                name,
                pick.choice(LEVELS),
                pick.choice(CHANNELS),
                pick.choice(DATES),
                pick.choice(LATER),
                pick.choice(LATER),
                pick.choice(LATER),
                pick.choice(FEES),
                pick.choice(FLAGS),
                pick.choice(FLAGS),
                pick.choice(FLAGS),
                pick.choice(["", "", "09/03/2026", "01/01/2026", "2026-03-08"]),
                pick.choice(REAPPOINTMENTS),
            ]
        )
    return rows


def _write(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def _row_path(path: Path):
    with path.open("rb") as stream:
        table = open_table(stream, path.name)
        validator = RowValidator(plan_columns(table.header), ImportContext(agencies=AGENCIES, units=UNITS))
        good, bad, first_line = {}, {}, {}
        duplicates = []
        for line, cells in table.rows:
            staged, reason = validator(line, cells)
            if staged is None:
                bad[line] = reason
            elif staged[1] in first_line:
                duplicates.append((staged[1], line, first_line[staged[1]]))
            else:
                first_line[staged[1]] = line
                good[line] = tuple(staged)
    return good, bad, duplicates


def _columnar_path(path: Path, tmp_path: Path):
    with path.open("rb") as stream:
        table = open_table(stream, path.name)
    plan = plan_columns(table.header)
    validator = RowValidator(plan, ImportContext(agencies=AGENCIES, units=UNITS))
    bad = {}
    with ColumnarCheck(
        path, plan=plan, delimiter=table.delimiter, validator=validator, workdir=tmp_path
    ) as check:
        check.load()
        check.check(lambda row: bad.__setitem__(row.line, row.reason))
        duplicates = [(d.code, d.line, d.first_line) for d in check.take_duplicates()]
        good = {row[0]: tuple(row) for batch in check.rows() for row in batch}
        assert check.good == len(good) and check.bad == len(bad)
    return good, bad, duplicates


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_columnar_path_agrees_with_the_row_path_on_every_row(tmp_path, seed):
    path = tmp_path / "ho-so.csv"
    _write(path, list(COLUMNS), _rows(1500, seed))
    row_good, row_bad, row_duplicates = _row_path(path)
    good, bad, duplicates = _columnar_path(path, tmp_path)
    assert bad == row_bad
    assert duplicates == row_duplicates
    assert good.keys() == row_good.keys()
    for line, staged in good.items():
        assert staged == row_good[line], line
    # The file is not a formality: all kinds occur.
    assert len(row_good) > 100 and len(row_bad) > 100 and row_duplicates


def test_other_column_order_semicolons_and_missing_optional_columns(tmp_path):
    header = ["Ngày hẹn trả", "Mã hồ sơ", "ma_thu_tuc", "ma_co_quan", "ngay_tiep_nhan", "ngay_co_ket_qua"]
    rows = [
        ["10/03/2026", "A-1", "1.0001", "SXD", "05/03/2026 08:00", "09/03/2026 10:00"],
        ["10/03/2026", "A-2", "1.0001", "SNV", "05/03/2026", ""],
        ["01/03/2026", "A-3", "1.0001", "SNV", "05/03/2026", ""],
    ]
    path = tmp_path / "khac.csv"
    _write(path, header, rows, delimiter=";")
    row_good, row_bad, _ = _row_path(path)
    good, bad, _ = _columnar_path(path, tmp_path)
    assert good == row_good and bad == row_bad
    assert set(good) == {2, 3} and set(bad) == {4}


def test_files_only_csv_reader_reads_right_are_left_to_the_row_path(tmp_path):
    header = ",".join(COLUMNS)
    plan = plan_columns(list(COLUMNS))
    validator = RowValidator(plan, ImportContext(agencies=AGENCIES, units=UNITS))
    files = {
        "trong.csv": f"{header}\nHS-1,SXD\n\nHS-2,SXD\n",  # a blank line: a row number for csv.reader
        "trong-crlf.csv": f"{header}\r\nHS-1,SXD\r\n\r\nHS-2,SXD\r\n",
        "rong.csv": f"{header}\n{','.join(['x'] * (len(COLUMNS) + 2))}\n",  # wider than the header
        "xuong-dong.csv": f'{header}\nHS-1,SXD,,1.1,"Tên\ncó xuống dòng"\n',
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with (
            ColumnarCheck(path, plan=plan, delimiter=",", validator=validator, workdir=tmp_path) as check,
            pytest.raises(ColumnarUnavailable),
        ):
            check.load()
    for text in (f"{header}\nHS-1,SXD\n\n\n", f"{header}\r\nHS-1,SXD", f"{header}\nHS-1,SXD\n"):
        path = tmp_path / "cuoi.csv"
        path.write_text(text, encoding="utf-8")
        assert line_count(path) == 2
        with ColumnarCheck(path, plan=plan, delimiter=",", validator=validator, workdir=tmp_path) as check:
            check.load()  # blank lines at the very end are no rows for either reader


def test_a_header_alone_gives_no_rows(tmp_path):
    path = tmp_path / "tieu-de.csv"
    _write(path, list(COLUMNS), [])
    good, bad, duplicates = _columnar_path(path, tmp_path)
    assert good == {} and bad == {} and duplicates == []


def test_rows_without_any_cell_are_no_rows_on_either_path(tmp_path):
    """A row of separators only, or of empty quoted cells, is skipped without a word by csv.reader's path;
    the columnar path neither loads it nor reports it, and the line numbers of the rows after it agree."""
    header = ",".join(COLUMNS)
    good_row = "HS-1,SXD,MC,1.0001,Cấp phép,toan_trinh,truc_tuyen,05/03/2026,10/03/2026,,,0,0,0,0,,"
    empty = "," * (len(COLUMNS) - 1)
    quoted = ",".join(['""'] * len(COLUMNS))
    path = tmp_path / "dong-rong.csv"
    path.write_text(
        f"{header}\n{empty}\n{good_row}\n{quoted}\n{good_row.replace('HS-1', 'HS-2')}\n{empty}\n",
        encoding="utf-8",
    )
    row_good, row_bad, _ = _row_path(path)
    good, bad, _ = _columnar_path(path, tmp_path)
    assert set(row_good) == {3, 5} and row_bad == {}
    assert good == row_good and bad == row_bad
