"""The import through the service: good and bad rows with their reasons, encodings, headers, duplicates,
all-or-nothing, updates refreshing the months they touch, and a second import that changes no count."""

from __future__ import annotations

from io import BytesIO

import pytest
from openpyxl import Workbook

from apps.core.uploads import UploadRefused
from apps.dossiers.models import Dossier, DossierMonthly, ImportBatch, Procedure
from apps.dossiers.selectors import dossier_counts
from apps.dossiers.services import dossier_import, source_mapping_save
from domain.dossier_import.columns import COLUMNS
from domain.dossier_import.tests.test_reading import windows_1258
from domain.indicators.dossier_rates import counts_for_period
from domain.periods import parse_period
from domain.uploads.tests import samples

from .files import csv_bytes, random_rows, row

pytestmark = pytest.mark.django_db

GOOD = [
    row(
        "H-1", "DLK-SXD", "02/03/2026 08:15", "10/03/2026", ngay_co_ket_qua="09/03/2026 16:30", ma_don_vi="VP"
    ),
    row("H-2", "DLK-SXD", "02/03/2026 09:00", "10/03/2026", ngay_co_ket_qua="12/03/2026 10:00"),
    row("H-3", "DLK-SXD", "03/03/2026", "10/03/2026"),
]


def run(data: bytes, name: str = "ho-so.csv", **options):
    return dossier_import(stream=BytesIO(data), filename=name, **options)


def error_rows(batch: ImportBatch) -> list[list[str]]:
    import csv

    text = batch.error_file.open("rb").read().decode("utf-8-sig")
    return list(csv.reader(text.splitlines()))[1:]


def test_good_rows_load_with_the_roll_up(demo_org):
    batch = run(csv_bytes(GOOD))
    assert (batch.status, batch.rows_good, batch.inserted, batch.rows_bad) == ("done", 3, 3, 0)
    assert not batch.error_file
    h1 = Dossier.objects.get(code="H-1")
    assert (h1.agency.code, h1.unit.code, h1.procedure.code) == ("DLK-SXD", "VP", "1.009972")
    assert str(h1.received_time) == "08:15:00" and h1.resolution_days == 5
    counts = dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=parse_period("2026-03"))
    assert (counts.received, counts.resolved, counts.on_time, counts.late, counts.overdue) == (3, 2, 1, 1, 1)
    assert batch.months == [202603] and batch.agency_ids == [demo_org["DLK-SXD"].pk]


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (
            row("B-1", "DLK-SXD", "31/02/2026", "10/03/2026"),
            "Ngày tiếp nhận “31/02/2026” không phải ngày hợp lệ",
        ),
        (row("B-2", "DLK-SXD", "05/03/2026", "01/03/2026"), "Ngày hẹn trả (01/03/2026) trước ngày tiếp nhận"),
        (
            row("B-3", "DLK-SXD", "05/03/2026", "10/03/2026", ngay_co_ket_qua="04/03/2026"),
            "Ngày có kết quả (04/03/2026) trước ngày tiếp nhận",
        ),
        (row("B-4", "XYZ", "05/03/2026", "10/03/2026"), "Mã cơ quan “XYZ” không có trong hệ thống"),
        (
            row("B-5", "DLK-SXD", "05/03/2026", "10/03/2026", so_hoa="có lẽ"),
            "Số hóa “có lẽ” phải là 0 hoặc 1.",
        ),
    ],
)
def test_a_bad_row_rejects_the_file_with_its_reason(demo_org, bad, reason):
    batch = run(csv_bytes([*GOOD, bad]))
    assert batch.status == "rejected" and "chưa nhập dòng nào" in batch.message
    assert Dossier.objects.count() == 0 and DossierMonthly.objects.count() == 0
    (line, found, *cells) = error_rows(batch)[0]
    assert line == "5" and reason in found
    assert cells[COLUMNS.index("ma_ho_so")] == bad["ma_ho_so"]


def test_load_good_rows_keeps_the_good_ones(demo_org):
    bad = row("B-1", "DLK-SXD", "31/02/2026", "10/03/2026")
    batch = run(csv_bytes([*GOOD, bad]), load_good_rows=True)
    assert (batch.status, batch.rows_good, batch.rows_bad, batch.inserted) == ("partial", 3, 1, 3)
    assert set(Dossier.objects.values_list("code", flat=True)) == {"H-1", "H-2", "H-3"}
    assert "1 dòng lỗi" in batch.message


def test_second_import_changes_no_count(demo_org):
    rows, _ = random_rows("DLK-SXD", 300)
    data = csv_bytes(rows)
    first = run(data)
    counts = dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=parse_period("2026"))
    rollup = list(DossierMonthly.objects.order_by("pk").values_list("pk", flat=True))
    second = run(data)
    assert (first.inserted, second.inserted, second.updated, second.unchanged) == (300, 0, 0, 300)
    assert Dossier.objects.count() == 300 and Procedure.objects.count() == 3
    assert dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=parse_period("2026")) == counts
    assert list(DossierMonthly.objects.order_by("pk").values_list("pk", flat=True)) == rollup
    assert second.months == []


@pytest.mark.parametrize("period", ["2025-12", "2026-01", "2026-03", "2026-Q1", "2026-H1", "2026", "2025"])
def test_roll_up_counts_equal_the_definitions(demo_org, period):
    rows, facts = random_rows("DLK-SXD", 400, seed=3)
    run(csv_bytes(rows))
    target = parse_period(period)
    assert dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=target) == counts_for_period(
        facts, target.start, target.end
    )


def test_an_update_refreshes_the_old_and_the_new_months(demo_org):
    run(csv_bytes(GOOD))
    moved = [GOOD[0], GOOD[1] | {"ngay_co_ket_qua": "02/04/2026 10:00"}, GOOD[2]]
    batch = run(csv_bytes(moved))
    assert (batch.inserted, batch.updated, batch.unchanged) == (0, 1, 2)
    assert set(batch.months) == {202603, 202604}
    sxd = [demo_org["DLK-SXD"].pk]
    march = dossier_counts(agency_ids=sxd, period=parse_period("2026-03"))
    april = dossier_counts(agency_ids=sxd, period=parse_period("2026-04"))
    assert (march.resolved, march.late, march.overdue) == (1, 0, 2)
    assert (april.resolved, april.late, april.overdue) == (1, 1, 1)


def test_duplicate_code_in_one_file_keeps_the_first_row(demo_org):
    duplicate = GOOD[0] | {"ngay_co_ket_qua": "20/03/2026"}
    batch = run(csv_bytes([*GOOD, duplicate]), load_good_rows=True)
    assert (batch.rows_good, batch.rows_bad, batch.inserted) == (3, 1, 3)
    assert str(Dossier.objects.get(code="H-1").resolved_on) == "2026-03-09"
    line, reason, *_ = error_rows(batch)[0]
    assert line == "5" and "Trùng mã hồ sơ “H-1” với dòng 2" in reason


def test_duplicate_rejects_the_file_by_default(demo_org):
    batch = run(csv_bytes([*GOOD, GOOD[1]]))
    assert batch.status == "rejected" and Dossier.objects.count() == 0


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-8-sig"),
        windows_1258,
        lambda text: text.encode("utf-16"),
    ],
)
def test_encodings(demo_org, encode):
    text = csv_bytes(GOOD).decode("utf-8")
    batch = run(encode(text))
    assert batch.status == "done" and batch.inserted == 3
    assert Procedure.objects.get(code="1.009972").name == "Cấp giấy phép xây dựng"


def test_header_in_another_order_with_vietnamese_names(demo_org):
    header = ["Ngày hẹn trả", "Mã thủ tục", "Mã hồ sơ", "Ngày tiếp nhận", "Mã cơ quan", "Ghi chú"]
    keys = ["ngay_hen_tra", "ma_thu_tuc", "ma_ho_so", "ngay_tiep_nhan", "ma_co_quan", "x"]
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for item in GOOD:
        writer.writerow([item.get(key, "bất kỳ") for key in keys])
    batch = run(buffer.getvalue().encode())
    assert batch.status == "done" and batch.inserted == 3
    assert batch.ignored_columns == ["Ghi chú"]


def test_a_missing_column_fails_the_file_and_saves_nothing(demo_org):
    header = [column for column in COLUMNS if column != "ngay_hen_tra"]
    batch = run(csv_bytes(GOOD, header=header))
    assert batch.status == "failed"
    assert "thiếu cột bắt buộc Ngày hẹn trả (ngay_hen_tra)" in batch.message
    assert Dossier.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        (b"", "a.csv", "rỗng"),
        (b"PK\x03\x04junk", "a.xlsx", "bị hỏng"),
        (samples.MZ, "ho-so.csv", "chương trình chạy được"),
        (b"<html><body><table><tr><td>1</td></tr></table></body></html>", "ho-so.csv", "trang web HTML"),
        (samples.docx(), "ho-so.xlsx", "Chỉ nhận: .xlsx, .csv"),
    ],
)
def test_a_file_the_gate_refuses_leaves_no_trace(demo_org, data, name, reason):
    with pytest.raises(UploadRefused, match=reason):
        run(data, name)
    assert not ImportBatch.objects.exists() and Dossier.objects.count() == 0


def test_a_workbook_bomb_is_refused_before_openpyxl_opens_it(demo_org):
    bomb = samples.with_parts(
        samples.xlsx(), {"xl/worksheets/sheet9.xml": b"<x>" + b" " * (64 << 20) + b"</x>"}
    )
    with pytest.raises(UploadRefused, match="bom nén"):
        run(bomb, "ho-so.xlsx")
    assert not ImportBatch.objects.exists()


def test_xlsx(demo_org):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(
        ["ma_ho_so", "ma_co_quan", "ma_thu_tuc", "ngay_tiep_nhan", "ngay_hen_tra", "ngay_co_ket_qua"]
    )
    sheet.append(["X-1", "DLK-SXD", "1.009972", datetime(2026, 3, 2, 8, 0), datetime(2026, 3, 10), None])
    sheet.append(["X-2", "DLK-SXD", "1.009972", "02/03/2026", "10/03/2026", datetime(2026, 3, 11, 9, 30)])
    buffer = BytesIO()
    book.save(buffer)
    batch = run(buffer.getvalue(), "ho-so.xlsx")
    assert batch.status == "done" and batch.encoding == "Excel .xlsx"
    assert str(Dossier.objects.get(code="X-2").resolved_on) == "2026-03-11"


def test_rows_of_agencies_outside_the_importers_scope_are_refused(demo_org):
    rows = [*GOOD, row("L-1", "LCU-SXD", "02/03/2026", "10/03/2026")]
    batch = run(csv_bytes(rows), allowed_agency_ids={demo_org["DLK-SXD"].pk}, load_good_rows=True)
    assert batch.rows_bad == 1 and not Dossier.objects.filter(code="L-1").exists()
    assert "ngoài phạm vi" in error_rows(batch)[0][1]


def test_a_saved_mapping_reads_another_export(demo_org):
    mapping = source_mapping_save(
        agency=demo_org["DLK-SXD"],
        name="Một cửa điện tử cũ",
        columns={
            "SoHoSo": "ma_ho_so",
            "DonVi": "ma_co_quan",
            "MaTTHC": "ma_thu_tuc",
            "NgayNhan": "ngay_tiep_nhan",
            "HenTra": "ngay_hen_tra",
        },
    )
    data = b"SoHoSo,DonVi,MaTTHC,NgayNhan,HenTra\nM-1,DLK-SXD,1.009972,2026-03-02,2026-03-09\n"
    batch = run(data, source=mapping)
    assert batch.status == "done" and Dossier.objects.filter(code="M-1").exists()


def test_a_mapping_must_name_the_required_columns(demo_org):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        source_mapping_save(agency=demo_org["DLK-SXD"], name="Thiếu", columns={"SoHoSo": "ma_ho_so"})
    assert "Chưa ghép các cột bắt buộc" in str(error.value)


def test_a_large_load_rebuilds_the_sqlite_indexes_of_the_migration(demo_org):
    from django.db import connection

    from apps.dossiers.bulk import SqliteLoader

    if connection.vendor != "sqlite":
        pytest.skip("Chỉ SQLite bỏ và dựng lại chỉ mục khi nhập khối lớn.")
    rows, _ = random_rows("DLK-SXD", 60, seed=9)
    data = csv_bytes(rows)
    batch = dossier_import(stream=BytesIO(data), filename="a.csv", file_size=60_000 * 190)
    assert batch.inserted == 60
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'dossiers_dossier' AND type = 'index'"
        )
        found = {name: sql for name, sql in cursor.fetchall() if sql}
    for name, columns in SqliteLoader.SECONDARY_INDEXES:
        assert columns in found[name]
    assert set(found) == {name for name, _ in SqliteLoader.SECONDARY_INDEXES}
