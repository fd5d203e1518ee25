"""Building dossier export files for tests: canonical CSV rows from short dicts."""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Iterable
from datetime import date, timedelta

from domain.dossier_import.columns import COLUMNS
from domain.indicators.dossier_rates import DossierFacts

BASE = {
    "ma_don_vi": "",
    "ma_thu_tuc": "1.009972",
    "ten_thu_tuc": "Cấp giấy phép xây dựng",
    "muc_do": "mot_phan",
    "kenh_nop": "truc_tiep",
    "ngay_co_ket_qua": "",
    "ngay_tra_ket_qua": "",
    "le_phi": "0",
    "thanh_toan_truc_tuyen": "0",
    "so_hoa": "1",
    "ket_qua_dien_tu": "0",
    "ngay_xin_loi": "",
    "so_lan_hen_lai": "0",
}


def row(code: str, agency: str, received: str, due: str, **fields: str) -> dict[str, str]:
    return (
        BASE
        | {"ma_ho_so": code, "ma_co_quan": agency, "ngay_tiep_nhan": received, "ngay_hen_tra": due}
        | fields
    )


def csv_bytes(
    rows: Iterable[dict[str, str]], header: Iterable[str] = COLUMNS, encoding: str = "utf-8"
) -> bytes:
    columns = list(header)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for item in rows:
        writer.writerow([item.get(column, "") for column in columns])
    return buffer.getvalue().encode(encoding)


def random_rows(agency: str, count: int, seed: int = 1) -> tuple[list[dict[str, str]], list[DossierFacts]]:
    """Rows of one agency over 2025-12 … 2026-06, and the same dossiers as the formulas see them."""
    rnd = random.Random(seed)
    rows, facts = [], []
    for number in range(count):
        received = date(2025, 12, 1) + timedelta(days=rnd.randrange(200))
        due = received + timedelta(days=rnd.randrange(1, 20))
        resolved = None if rnd.random() < 0.15 else received + timedelta(days=rnd.randrange(30))
        apology = due - timedelta(days=rnd.randrange(-2, 4)) if rnd.random() < 0.4 else None
        if apology is not None and apology < received:
            apology = None
        channel = rnd.choice(["truc_tiep", "truc_tuyen", "buu_chinh"])
        fee = rnd.choice([0, 50000])
        paid = rnd.random() < 0.5
        digitised, e_result = rnd.random() < 0.7, rnd.random() < 0.5
        reappointments = rnd.randrange(3)
        rows.append(
            row(
                f"{agency}-R{number:05d}",
                agency,
                received.strftime("%d/%m/%Y") + f" {rnd.randrange(7, 17):02d}:{rnd.randrange(60):02d}",
                due.strftime("%d/%m/%Y"),
                ngay_co_ket_qua=resolved.strftime("%d/%m/%Y 23:59") if resolved else "",
                kenh_nop=channel,
                le_phi=str(fee),
                thanh_toan_truc_tuyen="1" if paid else "0",
                so_hoa="1" if digitised else "0",
                ket_qua_dien_tu="1" if e_result else "0",
                ngay_xin_loi=apology.strftime("%d/%m/%Y") if apology else "",
                so_lan_hen_lai=str(reappointments),
                ma_thu_tuc=rnd.choice(["1.009972", "1.009974", "2.000815"]),
            )
        )
        facts.append(
            DossierFacts(
                received, due, resolved, channel, fee, paid, digitised, e_result, apology, reappointments
            )
        )
    return rows, facts
