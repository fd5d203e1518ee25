"""The task register: filters, search without diacritics, Excel export, edit with a version check."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.models import User
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.models import Task


@pytest.fixture
def plan(import_seed):  # noqa: F811
    return import_seed("001")


def _login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_search_without_diacritics_finds_the_task(client, plan):
    _login(client)
    page = client.get(reverse("tasks:task_register"), {"q": "csdl nganh xay dung"}).content.decode()
    assert "Triển khai xây dựng, cập nhật CSDL ngành Xây dựng" in page
    assert "Quản lý tài sản công" not in page


def test_filter_by_lead_unit(client, plan):
    _login(client)
    finance = plan.agency.units.get(code="KHTC")
    response = client.get(reverse("tasks:task_register"), {"lead": finance.pk})
    refs = {task.ref for task in response.context["page"].object_list}
    # 26–29 name the division; 18, 19, 21, 32, 33 are led by "Các phòng chuyên môn", which includes it.
    assert refs == {"26", "27", "28", "29", "18", "19", "21", "32", "33"}


def test_filter_by_quarter_and_clear(client, plan):
    _login(client)
    q3 = client.get(reverse("tasks:task_register"), {"plan": plan.pk, "quarter": "2026-Q3"}).context["page"]
    refs = {task.ref for task in q3.object_list}
    assert {"1", "3", "6"} <= refs
    not_clear = client.get(reverse("tasks:task_register"), {"plan": plan.pk, "clear": "no"}).context["page"]
    assert not_clear.paginator.count == 35


def test_excel_export_of_the_filtered_list(client, plan):
    _login(client)
    response = client.get(
        reverse("tasks:task_register"), {"plan": plan.pk, "q": "phap luat", "format": "xlsx"}
    )
    sheet = load_workbook(BytesIO(response.content)).active
    titles = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "Theo dõi thi hành pháp luật" in titles
    assert len(titles) == Task.objects.filter(plan=plan, search_text__contains="phap luat").count()
    unclear = [row[13] for row in sheet.iter_rows(min_row=2, values_only=True) if row[13]]
    assert unclear and all("Rõ" in text and "responsibility" not in text for text in unclear)


def test_excel_export_neutralises_formulas(plan):
    from domain.spreadsheet_text import safe_cell

    assert safe_cell('=HYPERLINK("x")') == '\'=HYPERLINK("x")'


def test_assigning_accountable_and_authority_makes_a_task_clear(client, plan):
    _login(client)
    task = plan.tasks.get(ref="1")
    huy = plan.agency.people.get(full_name="Cao Đình Huy")
    ha = plan.agency.people.get(full_name="Nguyễn Thị Thu Hà")
    office = plan.agency.units.get(code="VP")
    response = client.post(
        reverse("tasks:task_edit", args=[task.pk]),
        {
            "version": task.version,
            "title": task.title,
            "lead_units": [office.pk],
            "timeline_raw": "Quý III/2026",
            "deliverable": "Kế hoạch được ban hành",
            "accountable": ha.pk,
            "authority": huy.pk,
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.is_six_clear


def test_a_stale_edit_is_refused_and_nothing_is_overwritten(client, plan):
    _login(client)
    task = plan.tasks.get(ref="2")
    stale = task.version
    data = {
        "version": stale,
        "title": "Sửa lần một",
        "timeline_raw": task.timeline_raw,
        "deliverable": "Báo cáo",
    }
    client.post(reverse("tasks:task_edit", args=[task.pk]), data)
    response = client.post(reverse("tasks:task_edit", args=[task.pk]), {**data, "title": "Sửa lần hai"})
    assert response.status_code == 200
    assert "người khác cập nhật" in response.content.decode()
    assert Task.objects.get(pk=task.pk).title == "Sửa lần một"


def test_timeline_groups_tasks_by_month(client, plan):
    _login(client)
    page = client.get(reverse("tasks:task_timeline"), {"plan": plan.pk}).content.decode()
    assert "Tháng 09/2026" in page
    assert "Chưa xác định thời hạn" in page


def test_staff_cannot_edit_a_task(client, plan):
    _login(client, "chuyenvien")
    assert client.get(reverse("tasks:task_edit", args=[plan.tasks.first().pk])).status_code == 403


def test_register_has_bounded_queries(client, plan, django_assert_max_num_queries):
    _login(client)
    with django_assert_max_num_queries(30):
        client.get(reverse("tasks:task_register"))


def test_api_lists_tasks_with_the_register_filters(client, plan):
    _login(client)
    response = client.get("/api/v1/tasks", {"q": "csdl", "plan": plan.pk})
    assert response.status_code == 200
    assert [row["ref"] for row in response.json()] == ["31"]
    assert response.json()[0]["six_clear"]["time"] is True


def test_api_hides_another_agencys_tasks_and_plans(client, plan):
    _login(client, "canbo.daison")
    assert client.get(f"/api/v1/plans/{plan.pk}").status_code == 404
    assert client.get(f"/api/v1/tasks/{plan.tasks.first().pk}").status_code == 404
    assert client.get("/api/v1/tasks").json() == []


def test_api_plan_detail_has_its_basis(client, plan):
    _login(client)
    body = client.get(f"/api/v1/plans/{plan.pk}").json()
    assert body["references"][0]["number"] == "266"
    assert body["agency_code"] == "DLK-SXD"


def test_a_saved_edit_moves_the_version_so_the_next_stale_form_is_refused(client, plan):
    _login(client)
    task = plan.tasks.get(ref="2")
    page = client.get(reverse("tasks:task_edit", args=[task.pk])).content.decode()
    assert f'name="version" value="{task.version}"' in page
    data = {
        "version": task.version,
        "title": "Sửa",
        "timeline_raw": task.timeline_raw,
        "deliverable": "Báo cáo",
    }
    assert client.post(reverse("tasks:task_edit", args=[task.pk]), data).status_code == 302
    assert Task.objects.get(pk=task.pk).version == task.version + 1
