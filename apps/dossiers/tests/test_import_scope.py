"""An import made for some agencies never rewrites another agency's dossier.

Dossier codes are unique system-wide and a re-import updates by code. A focal point of Sở Xây dựng Lai Châu
who uploads a row with the code of a Đắk Lắk dossier (and his own agency code) must not move that dossier into
his agency nor rewrite its dates: the row is refused with its reason, the good rows load when asked, and the
owners still read their dossier. Through the page (CSV checked by DuckDB, and a workbook read row by row),
the API and the command line; on SQLite and on PostgreSQL (DATABASE_URL)."""

from __future__ import annotations

import csv
from datetime import date
from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Sum
from django.urls import reverse
from openpyxl import Workbook

from apps.accounts.models import User
from apps.dossiers import bulk
from apps.dossiers.models import Dossier, DossierMonthly, ImportBatch
from apps.dossiers.selectors import dossier_counts
from apps.dossiers.services import dossier_import, dossier_rollup_rebuild
from domain.dossier_import.columns import COLUMNS
from domain.periods import parse_period

from .files import csv_bytes, row

pytestmark = pytest.mark.django_db

OWNED = row("DLK-0001", "DLK-SXD", "02/03/2026", "10/03/2026", ngay_co_ket_qua="09/03/2026 16:30")
# The Lai Châu focal point's file: the Đắk Lắk code under his own agency, a later due date, no result.
TAKEOVER = row("DLK-0001", "LCU-SXD", "02/03/2026", "30/04/2026", ngay_co_ket_qua="")
OWN = row("LCU-0001", "LCU-SXD", "03/03/2026", "12/03/2026")
REASON = "Mã hồ sơ “DLK-0001” đã thuộc cơ quan khác; không thể ghi đè"


def workbook_bytes(rows: list[dict[str, str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for item in rows:
        sheet.append([item.get(column, "") for column in COLUMNS])
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(rows: list[dict[str, str]], kind: str) -> SimpleUploadedFile:
    if kind == "xlsx":
        return SimpleUploadedFile("ho-so.xlsx", workbook_bytes(rows))
    return SimpleUploadedFile("ho-so.csv", csv_bytes(rows))


@pytest.fixture
def owned(demo_org):
    """The Đắk Lắk dossier, imported by the deployment."""
    batch = dossier_import(stream=BytesIO(csv_bytes([OWNED])), filename="dak-lak.csv")
    assert batch.status == "done"
    return Dossier.objects.get(code="DLK-0001")


def login(client, username: str) -> None:
    client.force_login(User.objects.get(username=username))


def error_lines(client, batch: ImportBatch) -> list[list[str]]:
    response = client.get(reverse("dossiers:import_errors", args=[batch.pk]))
    assert response.status_code == 200
    return list(csv.reader(b"".join(response.streaming_content).decode("utf-8-sig").splitlines()))[1:]


def assert_untouched(dossier: Dossier) -> None:
    stored = Dossier.objects.get(pk=dossier.pk)
    assert stored.agency.code == "DLK-SXD"
    assert stored.due_on == date(2026, 3, 10) and stored.resolved_on == date(2026, 3, 9)
    assert stored.batch_id == dossier.batch_id


def assert_owner_reads_it(client, dossier: Dossier) -> None:
    login(client, "daumoi")
    assert client.get(reverse("dossiers:dossier_detail", args=[dossier.pk])).status_code == 200
    found = client.get(f"/api/v1/dossiers/{dossier.pk}")
    assert found.status_code == 200 and found.json()["due_on"] == "2026-03-10"


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_page_refuses_another_agencys_code_and_loads_the_good_rows(client, owned, demo_org, kind):
    counts = dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=parse_period("2026"))
    login(client, "daumoi.laichau")
    response = client.post(
        reverse("dossiers:dossier_import"), {"file": upload([TAKEOVER, OWN], kind), "load_good_rows": "on"}
    )
    batch = ImportBatch.objects.latest("pk")
    assert response["Location"] == reverse("dossiers:import_detail", args=[batch.pk])
    assert (batch.status, batch.rows_good, batch.rows_bad, batch.inserted, batch.updated) == (
        "partial",
        1,
        1,
        1,
        0,
    )
    (line, reason, *cells) = error_lines(client, batch)[0]
    assert line == "2" and REASON in reason
    assert cells[COLUMNS.index("ma_ho_so")] == "DLK-0001"
    assert Dossier.objects.get(code="LCU-0001").agency.code == "LCU-SXD"
    assert_untouched(owned)
    assert dossier_counts(agency_ids=[demo_org["DLK-SXD"].pk], period=parse_period("2026")) == counts
    assert_owner_reads_it(client, owned)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_page_without_the_choice_changes_nothing(client, owned, kind):
    login(client, "daumoi.laichau")
    client.post(reverse("dossiers:dossier_import"), {"file": upload([TAKEOVER, OWN], kind)})
    batch = ImportBatch.objects.latest("pk")
    assert batch.status == "rejected" and batch.rows_bad == 1 and "chưa nhập dòng nào" in batch.message
    assert REASON in error_lines(client, batch)[0][1]
    assert not Dossier.objects.filter(code="LCU-0001").exists()
    assert_untouched(owned)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_users_reimport_of_his_own_codes_still_updates_them(client, owned, kind):
    login(client, "daumoi")
    resolved_later = OWNED | {"ngay_co_ket_qua": "12/03/2026 10:00"}
    client.post(reverse("dossiers:dossier_import"), {"file": upload([resolved_later], kind)})
    batch = ImportBatch.objects.latest("pk")
    assert (batch.status, batch.updated, batch.rows_bad) == ("done", 1, 0)
    assert Dossier.objects.get(pk=owned.pk).resolved_on == date(2026, 3, 12)


def test_api_refuses_another_agencys_code(client, owned):
    login(client, "daumoi.laichau")
    response = client.post(
        "/api/v1/dossier-imports",
        {"file": SimpleUploadedFile("a.csv", csv_bytes([TAKEOVER, OWN])), "load_good_rows": "true"},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["rows_bad"], body["inserted"], body["updated"]) == ("partial", 1, 1, 0)
    batch = ImportBatch.objects.get(pk=body["id"])
    assert REASON in error_lines(client, batch)[0][1]
    assert_untouched(owned)
    assert_owner_reads_it(client, owned)


def test_command_line_for_a_user_refuses_another_agencys_code(owned, tmp_path):
    path = tmp_path / "lai-chau.csv"
    path.write_bytes(csv_bytes([TAKEOVER, OWN]))
    errors = tmp_path / "loi.csv"
    with pytest.raises(CommandError, match="1 dòng lỗi"):
        call_command(
            "dossiers",
            "import",
            str(path),
            "--user",
            "daumoi.laichau",
            "--errors",
            str(errors),
            stdout=StringIO(),
        )
    assert REASON in errors.read_text(encoding="utf-8-sig")
    assert not Dossier.objects.filter(code="LCU-0001").exists()
    call_command(
        "dossiers", "import", str(path), "--user", "daumoi.laichau", "--load-good-rows", stdout=StringIO()
    )
    batch = ImportBatch.objects.latest("pk")
    assert batch.created_by.username == "daumoi.laichau" and batch.agency.code == "LCU-SXD"
    assert (batch.rows_bad, batch.inserted) == (1, 1)
    assert_untouched(owned)


def test_command_line_refuses_an_unknown_user(owned, tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes([OWN]))
    with pytest.raises(CommandError, match="Không có tài khoản"):
        call_command("dossiers", "import", str(path), "--user", "khong-co", stdout=StringIO())
    assert not Dossier.objects.filter(code="LCU-0001").exists()


@pytest.mark.django_db(transaction=True)
def test_outside_any_test_transaction_the_refusal_holds_and_the_rollup_stays_right(
    demo_org, tmp_path, monkeypatch
):
    """As the page and the command line run: SQLite copies the attached staging files, PostgreSQL merges the
    COPY-ed staging table; a refused row (and a rejected file) leaves the owner's dossier and counts alone."""
    staged_checked: list[bool] = []
    cls = bulk.PostgresLoader if connection.vendor == "postgresql" else bulk.SqliteLoader
    original = cls.stage_checked

    def spy(self, check):
        staged_checked.append(original(self, check))
        return staged_checked[-1]

    monkeypatch.setattr(cls, "stage_checked", spy)
    owner = dossier_import(stream=BytesIO(csv_bytes([OWNED])), filename="dak-lak.csv")
    dossier = Dossier.objects.get(code="DLK-0001")
    allowed = {demo_org["LCU-SXD"].pk}

    def run(name: str, **options: object) -> ImportBatch:
        path = tmp_path / name
        path.write_bytes(csv_bytes([TAKEOVER, OWN]))
        with path.open("rb") as stream:
            return dossier_import(stream=stream, filename=name, allowed_agency_ids=allowed, **options)

    rejected = run("lan-mot.csv")
    assert rejected.status == "rejected" and not Dossier.objects.filter(code="LCU-0001").exists()
    partial = run("lan-hai.csv", load_good_rows=True)
    assert (partial.status, partial.rows_bad, partial.inserted, partial.updated) == ("partial", 1, 1, 0)
    assert_untouched(dossier)
    assert dossier.batch_id == owner.pk
    assert staged_checked == [True, True]  # both merged from the checked staging, not row by row
    rollup = summed_rollup()
    DossierMonthly.objects.all().delete()
    dossier_rollup_rebuild()
    assert summed_rollup() == rollup


def summed_rollup() -> list[tuple[int, int, int, int, int]]:
    """The roll-up's cells by agency and month (the rows of one cell add up)."""
    cells = DossierMonthly.objects.values_list("agency_id", "month").annotate(
        Sum("received"), Sum("resolved"), Sum("backlog_in")
    )
    return sorted(cells)
