"""`cchc dossiers import` prints a progress bar and the summary; `cchc dossiers rollup` rebuilds the roll-up."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.dossiers.models import Dossier, DossierMonthly

from .files import csv_bytes, row

pytestmark = pytest.mark.django_db


def test_import_prints_the_summary_and_a_progress_bar(demo_org, tmp_path, capsys):
    path = tmp_path / "ho-so.csv"
    path.write_bytes(csv_bytes([row("H-1", "DLK-SXD", "02/03/2026", "10/03/2026")]))
    out = StringIO()
    call_command("dossiers", "import", str(path), stdout=out)
    assert "Đã nhập 1 dòng: 1 hồ sơ mới" in out.getvalue()
    assert "100.0%" in capsys.readouterr().err
    assert Dossier.objects.count() == 1


def test_a_rejected_file_is_an_error_with_the_reason(demo_org, tmp_path):
    path = tmp_path / "ho-so.csv"
    path.write_bytes(csv_bytes([row("H-1", "DLK-SXD", "31/02/2026", "10/03/2026")]))
    with pytest.raises(CommandError) as error:
        call_command(
            "dossiers", "import", str(path), "--errors", str(tmp_path / "loi.csv"), stdout=StringIO()
        )
    assert "1 dòng lỗi" in str(error.value)
    assert "31/02/2026" in (tmp_path / "loi.csv").read_text(encoding="utf-8-sig")


def test_unknown_source_and_missing_file(demo_org, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("x")
    with pytest.raises(CommandError, match="Chưa có nguồn dữ liệu"):
        call_command("dossiers", "import", str(path), "--source", "không có")
    with pytest.raises(CommandError, match="Không tìm thấy tệp"):
        call_command("dossiers", "import", str(tmp_path / "none.csv"))


def test_rollup_rebuild(demo_org, tmp_path):
    path = tmp_path / "ho-so.csv"
    path.write_bytes(
        csv_bytes([row("H-1", "DLK-SXD", "02/03/2026", "10/03/2026", ngay_co_ket_qua="12/04/2026")])
    )
    call_command("dossiers", "import", str(path), stdout=StringIO())
    before = sorted(
        DossierMonthly.objects.values_list("month", "received", "resolved", "backlog_in", "backlog_out")
    )
    DossierMonthly.objects.all().delete()
    call_command("dossiers", "rollup", stdout=StringIO())
    assert (
        sorted(
            DossierMonthly.objects.values_list("month", "received", "resolved", "backlog_in", "backlog_out")
        )
        == before
    )


def test_a_command_line_import_belongs_to_the_agencies_it_touched(demo_org, tmp_path):
    from apps.dossiers.models import ImportBatch

    path = tmp_path / "ho-so.csv"
    path.write_bytes(
        csv_bytes(
            [
                row("H-1", "DLK-SXD", "02/03/2026", "10/03/2026"),
                row("H-2", "DLK-SNV", "02/03/2026", "10/03/2026"),
            ]
        )
    )
    call_command("dossiers", "import", str(path), stdout=StringIO())
    assert ImportBatch.objects.get().agency.code == "DLK"
