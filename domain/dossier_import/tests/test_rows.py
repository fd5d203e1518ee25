"""One row checked: the good row's stored values, and each reason a row is refused."""

import pytest

from domain.dossier_import.columns import COLUMNS, plan_columns
from domain.dossier_import.dates import DateReader
from domain.dossier_import.rows import STAGED_FIELDS, ImportContext, RowValidator

CONTEXT = ImportContext(agencies={"DLK-SXD": 7}, units={(7, "MC"): 70})
GOOD = {
    "ma_ho_so": "000.00.12.H17-260302-0001",
    "ma_co_quan": "DLK-SXD",
    "ma_don_vi": "MC",
    "ma_thu_tuc": "1.009972",
    "ten_thu_tuc": "Cấp giấy phép xây dựng",
    "muc_do": "toan_trinh",
    "kenh_nop": "truc_tuyen",
    "ngay_tiep_nhan": "02/03/2026 08:15",
    "ngay_hen_tra": "10/03/2026",
    "ngay_co_ket_qua": "09/03/2026 16:30",
    "ngay_tra_ket_qua": "10/03/2026",
    "le_phi": "50.000",
    "thanh_toan_truc_tuyen": "1",
    "so_hoa": "1",
    "ket_qua_dien_tu": "0",
    "ngay_xin_loi": "",
    "so_lan_hen_lai": "0",
}


def check(**changes: str) -> tuple[dict[str, object] | None, str | None]:
    row = GOOD | changes
    validator = RowValidator(plan_columns(list(COLUMNS)), CONTEXT)
    staged, reason = validator(2, [row[name] for name in COLUMNS])
    return (dict(zip(STAGED_FIELDS, staged, strict=True)) if staged else None), reason


def test_a_good_row():
    staged, reason = check()
    assert reason is None and staged is not None
    assert staged["agency_id"] == 7 and staged["unit_id"] == 70
    assert staged["received_on"] == "2026-03-02" and staged["received_time"] == "08:15:00"
    assert staged["due_on"] == "2026-03-10" and staged["resolved_on"] == "2026-03-09"
    assert staged["fee"] == 50000 and staged["paid_online"] == 1 and staged["e_result"] == 0
    assert (staged["received_month"], staged["due_month"], staged["resolved_month"]) == (
        202603,
        202603,
        202603,
    )
    assert staged["resolution_days"] == 5 and staged["apologised"] == 0


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"ngay_tiep_nhan": "2026-03-02T08:15:00"},
            {"received_on": "2026-03-02", "received_time": "08:15:00"},
        ),
        ({"ngay_tiep_nhan": "2/3/2026"}, {"received_on": "2026-03-02", "received_time": None}),
        ({"ngay_tiep_nhan": "46083"}, {"received_on": "2026-03-02"}),
        ({"kenh_nop": "Trực tuyến"}, {"channel": "truc_tuyen"}),
        ({"kenh_nop": "Nộp qua bưu chính"}, {"channel": "buu_chinh"}),
        ({"kenh_nop": ""}, {"channel": ""}),
        ({"muc_do": "Một phần"}, {"service_level": "mot_phan"}),
        ({"le_phi": "1,250,000"}, {"fee": 1250000}),
        ({"le_phi": "50000.00"}, {"fee": 50000}),
        ({"le_phi": "50.000 đ"}, {"fee": 50000}),
        ({"so_hoa": "Có"}, {"digitised": 1}),
        ({"ma_don_vi": ""}, {"unit_id": None}),
        ({"ma_co_quan": " dlk-sxd "}, {"agency_id": 7}),
        ({"ngay_co_ket_qua": ""}, {"resolved_on": None, "resolution_days": None, "resolved_month": None}),
        (
            {
                "ngay_co_ket_qua": "12/03/2026",
                "ngay_tra_ket_qua": "",
                "ngay_xin_loi": "09/03/2026",
                "so_lan_hen_lai": "1",
            },
            {"apologised": 1},
        ),
        (
            {
                "ngay_co_ket_qua": "12/03/2026",
                "ngay_tra_ket_qua": "",
                "ngay_xin_loi": "10/03/2026",
                "so_lan_hen_lai": "1",
            },
            {"apologised": 0},
        ),
        ({"ten_thu_tuc": "C\u00e2\u0301p gi\u00e2\u0301y phe\u0301p"}, {"procedure_name": "Cấp giấy phép"}),
    ],
)
def test_values_read_from_the_many_ways_exports_write_them(changes, expected):
    staged, reason = check(**changes)
    assert reason is None, reason
    assert staged is not None
    assert {key: staged[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"ngay_tiep_nhan": "31/02/2026"}, "Ngày tiếp nhận “31/02/2026” không phải ngày hợp lệ"),
        (
            {"ngay_hen_tra": "01/03/2026"},
            "Ngày hẹn trả (01/03/2026) trước ngày tiếp nhận (02/03/2026 08:15).",
        ),
        ({"ngay_co_ket_qua": "01/03/2026"}, "Ngày có kết quả (01/03/2026) trước ngày tiếp nhận"),
        ({"ngay_tra_ket_qua": "08/03/2026"}, "Ngày trả kết quả (08/03/2026) trước ngày có kết quả."),
        ({"ngay_xin_loi": "01/03/2026"}, "Ngày xin lỗi (01/03/2026) trước ngày tiếp nhận."),
        ({"ma_co_quan": "LCU-SXD"}, "Mã cơ quan “LCU-SXD” không có trong hệ thống hoặc nằm ngoài phạm vi"),
        ({"ma_co_quan": ""}, "Thiếu mã cơ quan."),
        ({"ma_don_vi": "XYZ"}, "Mã đơn vị “XYZ” không thuộc cơ quan DLK-SXD."),
        ({"ma_ho_so": ""}, "Thiếu mã hồ sơ."),
        ({"ma_thu_tuc": ""}, "Thiếu mã thủ tục."),
        ({"ngay_tiep_nhan": ""}, "Thiếu ngày tiếp nhận."),
        ({"kenh_nop": "fax"}, "Kênh nộp “fax” không hợp lệ"),
        ({"muc_do": "muc 9"}, "Mức độ “muc 9” không hợp lệ"),
        ({"le_phi": "năm mươi"}, "Lệ phí “năm mươi” không phải số tiền hợp lệ."),
        ({"so_hoa": "2"}, "Số hóa “2” phải là 0 hoặc 1."),
        ({"so_lan_hen_lai": "-1"}, "Số lần hẹn lại “-1” phải là số nguyên không âm."),
        ({"ngay_tiep_nhan": "02/03/2026 25:00"}, "không phải ngày hợp lệ"),
    ],
)
def test_reasons(changes, reason):
    staged, found = check(**changes)
    assert staged is None
    assert found is not None and reason in found


def test_every_reason_of_a_row_at_once():
    _, reason = check(ngay_tiep_nhan="31/02/2026", ma_co_quan="X", so_hoa="9")
    assert reason is not None
    assert "31/02/2026" in reason and "“X”" in reason and "Số hóa" in reason


def test_a_short_row_is_padded():
    validator = RowValidator(plan_columns(list(COLUMNS)), CONTEXT)
    _, reason = validator(2, ["H-1", "DLK-SXD"])
    assert reason is not None and "Thiếu mã thủ tục." in reason


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("02/03/2026", "2026-03-02"),
        ("2026-03-02", "2026-03-02"),
        ("2026-03-02 23:59", "2026-03-02"),
        ("02-03-2026", "2026-03-02"),
        ("02.03.2026", "2026-03-02"),
        ("29/02/2028", "2028-02-29"),
        ("29/02/2026", None),
        ("31/04/2026", None),
        ("2026-13-01", None),
        ("02/03/26", None),
        ("hôm qua", None),
    ],
)
def test_dates(text, iso):
    found = DateReader().read(text)
    assert (found[0] if found else None) == iso
