"""Every CSV and .xlsx the application hands out keeps text that looks like a formula inert.

A spreadsheet opening a cell that starts with = + - @ (or a tab or line break) runs it as a formula
(`=cmd|' /C calc'!A0`). Each export and error file is generated here with such values in the fields users
type, and every text cell of the file must be inert: `domain.spreadsheet_text.safe_cell` puts an apostrophe in
front. A last test keeps any new writer of CSV or .xlsx in apps/ and domain/ to that one function."""

from __future__ import annotations

import csv
import re
import uuid
from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from apps.accounts.models import User
from apps.conftest import make_user, tree  # noqa: F401 (fixtures)
from apps.dossiers.models import ImportBatch
from apps.dossiers.services import dossier_import
from apps.dossiers.tests.files import csv_bytes, row
from apps.feedback.services import feedback_create
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401 (fixtures)
from apps.surveys import services as survey_services
from apps.surveys.tests.conftest import survey  # noqa: F401 (fixture)
from apps.surveys.tests.factories import answers
from apps.tasks.models import Task
from domain.documents.report_xlsx import report_to_xlsx
from domain.documents.tests.reports import REPORT
from domain.dossier_import.columns import COLUMNS
from domain.spreadsheet_text import FORMULA_STARTS

pytestmark = pytest.mark.django_db

PAYLOAD = "=cmd|' /C calc'!A0"
INERT = "'" + PAYLOAD
ROOT = Path(__file__).resolve().parents[1]


def runs_as_formula(value: object) -> bool:
    return isinstance(value, str) and value.lstrip(" ")[:1] in FORMULA_STARTS


def assert_inert(cells: list[object]) -> None:
    live = [value for value in cells if runs_as_formula(value)]
    assert not live, live


def csv_cells(content: bytes) -> list[object]:
    return [cell for line in csv.reader(content.decode("utf-8-sig").splitlines()) for cell in line]


def xlsx_cells(content: bytes) -> list[object]:
    book = load_workbook(BytesIO(content))
    return [
        value for sheet in book.worksheets for line in sheet.iter_rows(values_only=True) for value in line
    ]


def login(client: Any, username: str = "daumoi") -> None:
    client.force_login(User.objects.get(username=username))


def _download(client: Any, response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# -- dossiers -------------------------------------------------------------------------------------------------
def _dossier_upload(kind: str) -> SimpleUploadedFile:
    """A bad row whose code and extra cell are formulas, a code met twice, under a header with a formula."""
    header = [*COLUMNS, "@SUM(1)"]
    rows = [
        row("H-1", "DLK-SXD", "02/03/2026", "10/03/2026") | {"@SUM(1)": "+1"},
        row(PAYLOAD, "DLK-SXD", "31/02/2026", "10/03/2026") | {"@SUM(1)": "-2+3"},
        row("-H-2", "DLK-SXD", "02/03/2026", "10/03/2026"),
        row("-H-2", "DLK-SXD", "03/03/2026", "10/03/2026"),
    ]
    if kind == "csv":
        return SimpleUploadedFile("ho-so.csv", csv_bytes(rows, header=header))
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for item in rows:
        sheet.append([item.get(column, "") for column in header])
    for line in sheet.iter_rows():
        for cell in line:
            if cell.data_type == "f":
                cell.data_type = "s"  # text that looks like a formula, as an export of text cells holds it
    buffer = BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("ho-so.xlsx", buffer.getvalue())


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_dossier_import_error_file(client, demo_org, kind):  # noqa: F811
    login(client)
    client.post(reverse("dossiers:dossier_import"), {"file": _dossier_upload(kind), "load_good_rows": "on"})
    batch = ImportBatch.objects.get()
    assert batch.rows_bad == 2
    content = _download(client, client.get(reverse("dossiers:import_errors", args=[batch.pk])))
    cells = csv_cells(content)
    assert_inert(cells)
    assert INERT in cells and "'@SUM(1)" in cells and "'-2+3" in cells and "'-H-2" in cells


def test_dossier_list_export(client, demo_org, settings, tmp_path, django_capture_on_commit_callbacks):  # noqa: F811
    from apps.jobs.models import Job

    settings.MEDIA_ROOT = str(tmp_path)
    rows = [
        row(PAYLOAD, "DLK-SXD", "02/03/2026", "10/03/2026", ten_thu_tuc="@SUM(1)", ma_thu_tuc="+84"),
    ]
    assert dossier_import(stream=BytesIO(csv_bytes(rows)), filename="a.csv").status == "done"
    login(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dossiers:dossier_export"), {"query": ""})
    cells = xlsx_cells(_download(client, client.get(Job.objects.get().result_url)))
    assert_inert(cells)
    assert INERT in cells and "'@SUM(1)" in cells and "'+84" in cells


# -- feedback -------------------------------------------------------------------------------------------------
def test_feedback_import_error_file(client, demo_org):  # noqa: F811
    data = (
        "ma_phan_anh,ma_co_quan,ngay_tiep_nhan,kenh,noi_dung\n"
        f'P-1,"{PAYLOAD}",02/03/2026,Zalo,Hỏi\n'
        "P-2,DLK-SXD,=1+1,Zalo,Hỏi\n"
    )
    login(client)
    response = client.post(
        reverse("feedback:feedback_import"),
        {"file": SimpleUploadedFile("f.csv", data.encode()), "errors": "csv"},
    )
    assert response["Content-Type"].startswith("text/csv")
    cells = csv_cells(response.content)
    assert_inert(cells)
    assert any(PAYLOAD in str(cell) for cell in cells)


def test_feedback_register_export(client, demo_org):  # noqa: F811
    feedback_create(
        agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject=PAYLOAD, sender="@Nguyễn Văn An"
    )
    login(client)
    cells = xlsx_cells(client.get(reverse("feedback:feedback_register"), {"format": "xlsx"}).content)
    assert_inert(cells)
    assert INERT in cells and "'@Nguyễn Văn An" in cells


# -- tasks ----------------------------------------------------------------------------------------------------
def test_task_register_export(client, import_seed):  # noqa: F811
    plan = import_seed("001")
    task = Task.objects.filter(plan=plan).order_by("pk").first()
    Task.objects.filter(pk=task.pk).update(title=PAYLOAD, deliverable="-Báo cáo", lead_text="+Văn phòng")
    login(client)
    response = client.get(reverse("tasks:task_register"), {"plan": plan.pk, "format": "xlsx"})
    cells = xlsx_cells(response.content)
    assert_inert(cells)
    assert INERT in cells and "'-Báo cáo" in cells and "'+Văn phòng" in cells


# -- surveys --------------------------------------------------------------------------------------------------
def test_survey_responses_export(client, make_user, tree, survey):  # noqa: F811
    client.force_login(make_user("focal_point", tree.own))
    survey_services.response_submit(
        campaign=survey.campaign,
        counter=None,
        channel="paper",
        key=uuid.uuid4().hex,
        data=answers(survey.campaign, GY=PAYLOAD),
    )
    response = client.get(f"/khao-sat/{survey.campaign.pk}/xuat-excel/")
    cells = xlsx_cells(response.content)
    assert_inert(cells)
    assert INERT in cells


# -- reports --------------------------------------------------------------------------------------------------
def test_report_annex():
    content = replace(REPORT, issuing_body=PAYLOAD, window_text="-1 ngày")
    cells = xlsx_cells(report_to_xlsx(content))
    assert_inert(cells)
    assert any(str(cell).startswith(INERT) for cell in cells)


# -- every writer ---------------------------------------------------------------------------------------------
WRITER = re.compile(r"csv\.(writer|DictWriter)\(|\bWorkbook\(")


def test_every_writer_of_csv_or_xlsx_goes_through_safe_cell():
    """A module of apps/ or domain/ that writes a CSV or a workbook passes its cells through `safe_row` or
    `safe_cell` (the behaviour of each is tested above)."""
    writers = []
    for folder in ("apps", "domain"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if WRITER.search(text):
                writers.append(path.relative_to(ROOT).as_posix())
                assert re.search(r"\bsafe_(row|cell)\(", text), f"{path}: cells not through safe_cell"
    assert "apps/dossiers/services.py" in writers and "apps/feedback/services.py" in writers
