"""Bulk assignment in the task register: a freshly imported plan made fully "06 rõ" in one pass."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.models import Plan
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.models import Task
from apps.tasks.services import task_refresh_six_clear

TITLES = [
    (
        "1",
        "Rà soát, cập nhật quy trình nội bộ giải quyết thủ tục hành chính",
        "Quy trình nội bộ được ban hành",
    ),
    ("2", "Tổ chức tập huấn kỹ năng số cho công chức Bộ phận một cửa", "Báo cáo kết quả tập huấn"),
    ("3", "Xây dựng báo cáo đánh giá mức độ hài lòng của người dân quý III", "Báo cáo đánh giá"),
]


@pytest.fixture
def fresh_plan(demo_org):  # noqa: F811
    """A plan as the importer leaves it: units named as a group, nobody accountable, no authority."""
    agency = demo_org["DLK-SXD"]
    plan = Plan.objects.create(
        agency=agency, title="Kế hoạch thử giao việc hàng loạt", period_start=date(2026, 1, 1)
    )
    for order, (ref, title, deliverable) in enumerate(TITLES):
        task = Task(
            agency=agency,
            plan=plan,
            ref=ref,
            title=title,
            deliverable=deliverable,
            lead_text="Các phòng chuyên môn",
            lead_is_group=True,
            timeline_raw="Quý III/2026",
            schedule_kind="window",
            start_on=date(2026, 7, 1),
            due_on=date(2026, 9, 30),
            order=order,
        )
        task_refresh_six_clear(task)
        task.save()
    return plan


def _login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_a_fresh_plan_goes_from_none_to_all_six_clear_through_the_bulk_form(client, fresh_plan):
    # Given a freshly imported plan where no task is "06 rõ"
    assert not fresh_plan.tasks.filter(is_six_clear=True).exists()
    _login(client)
    agency = fresh_plan.agency
    # When the focal point picks "all tasks of this plan" in the register and assigns them in one form
    form_page = client.get(reverse("tasks:task_bulk_assign"), {"all": "1", "plan": fresh_plan.pk})
    assert form_page.status_code == 200
    assert "Giao việc cho 3 nhiệm vụ" in form_page.content.decode()
    ids = [str(task.pk) for task in form_page.context["tasks"]]
    response = client.post(
        reverse("tasks:task_bulk_assign"),
        {
            "task": ids,
            "back": f"plan={fresh_plan.pk}",
            "lead_unit": agency.units.get(code="VP").pk,
            "accountable": agency.people.get(full_name="Nguyễn Thị Thu Hà").pk,
            "authority": agency.people.get(full_name="Cao Đình Huy").pk,
        },
        follow=True,
    )
    # Then every task of the plan is "06 rõ", and the register says so
    assert fresh_plan.tasks.filter(is_six_clear=True).count() == 3
    page = response.content.decode()
    assert "Đủ 06 rõ: 3/3 (100%)" in page
    assert response.redirect_chain[-1][0].endswith(f"?plan={fresh_plan.pk}")


def test_only_empty_places_are_filled_unless_asked_to_replace(client, fresh_plan):
    _login(client)
    agency = fresh_plan.agency
    first = fresh_plan.tasks.get(ref="1")
    ha = agency.people.get(full_name="Nguyễn Thị Thu Hà")
    huy = agency.people.get(full_name="Cao Đình Huy")
    first.accountable = huy
    first.save()
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    client.post(reverse("tasks:task_bulk_assign"), {"task": ids, "accountable": ha.pk, "only_empty": "on"})
    assert Task.objects.get(pk=first.pk).accountable == huy
    assert fresh_plan.tasks.filter(accountable=ha).count() == 2
    client.post(reverse("tasks:task_bulk_assign"), {"task": ids, "accountable": ha.pk})
    assert fresh_plan.tasks.filter(accountable=ha).count() == 3


def test_a_bulk_form_with_nothing_chosen_says_what_to_choose(client, fresh_plan):
    _login(client)
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    response = client.post(reverse("tasks:task_bulk_assign"), {"task": ids})
    assert response.status_code == 200
    assert "Hãy chọn ít nhất một trong" in response.content.decode()


def test_a_bulk_assignment_moves_each_tasks_version(client, fresh_plan):
    _login(client)
    task = fresh_plan.tasks.get(ref="2")
    before = task.version
    client.post(
        reverse("tasks:task_bulk_assign"),
        {"task": [task.pk], "authority": fresh_plan.agency.people.get(full_name="Cao Đình Huy").pk},
    )
    assert Task.objects.get(pk=task.pk).version == before + 1


def test_staff_cannot_bulk_assign(client, fresh_plan):
    _login(client, "chuyenvien")
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    assert client.get(reverse("tasks:task_bulk_assign"), {"task": ids}).status_code == 403


def test_another_agencys_tasks_cannot_be_bulk_assigned(client, fresh_plan):
    # The focal point of Đại Sơn cannot see Đắk Lắk's tasks: not found, nothing changed.
    _login(client, "daumoi.daison")
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    assert client.get(reverse("tasks:task_bulk_assign"), {"task": ids}).status_code == 404
    stranger = User.objects.get(username="daumoi.daison").person
    response = client.post(reverse("tasks:task_bulk_assign"), {"task": ids, "accountable": stranger.pk})
    assert response.status_code == 404
    assert not fresh_plan.tasks.filter(accountable__isnull=False).exists()


def test_nothing_ticked_sends_back_to_the_register_with_a_hint(client, fresh_plan):
    _login(client)
    response = client.get(reverse("tasks:task_bulk_assign"), follow=True)
    assert "Chưa chọn nhiệm vụ nào" in response.content.decode()


def test_a_person_of_another_agency_is_refused(client, fresh_plan, demo_org):  # noqa: F811
    _login(client)
    stranger = demo_org["LCU-SXD"].people.first()
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    response = client.post(reverse("tasks:task_bulk_assign"), {"task": ids, "accountable": stranger.pk})
    assert response.status_code == 200
    assert not fresh_plan.tasks.filter(accountable=stranger).exists()


def test_the_register_offers_bulk_selection_to_the_focal_point_only(client, fresh_plan):
    _login(client)
    page = client.get(reverse("tasks:task_register"), {"plan": fresh_plan.pk}).content.decode()
    assert 'form="bulk-form"' in page
    assert "Giao việc cho cả 3 nhiệm vụ đang lọc" in page
    _login(client, "chuyenvien")
    page = client.get(reverse("tasks:task_register"), {"plan": fresh_plan.pk}).content.decode()
    assert 'form="bulk-form"' not in page


def test_the_timeline_draws_a_bar_per_task_across_the_months_it_runs(client, fresh_plan):
    _login(client)
    response = client.get(reverse("tasks:task_timeline"), {"plan": fresh_plan.pk, "year": "2026"})
    page = response.content.decode()
    assert page.count('class="gantt-bar status-') == 3
    # Quý III/2026 starts halfway through the year and lasts a quarter of it.
    assert "left:49.589%;width:25.206%" in page
    assert "Tháng 09/2026" in page


def test_the_timeline_by_quarter_names_quarters_the_vietnamese_way(client, fresh_plan):
    _login(client)
    page = client.get(
        reverse("tasks:task_timeline"), {"plan": fresh_plan.pk, "by": "quarter"}
    ).content.decode()
    assert "Quý III/2026" in page
    assert "Tiến độ nhiệm vụ theo quý" in page


def test_the_plan_page_leads_to_the_bulk_form_while_tasks_are_not_clear(client, fresh_plan):
    _login(client)
    page = client.get(reverse("plans:plan_detail", args=[fresh_plan.pk])).content.decode()
    assert f"/nhiem-vu/giao-viec/?all=1&amp;plan={fresh_plan.pk}" in page
    _login(client, "chuyenvien")
    page = client.get(reverse("plans:plan_detail", args=[fresh_plan.pk])).content.decode()
    assert "giao-viec" not in page


def test_what_the_bulk_form_cannot_fix_is_named_after_assigning(client, fresh_plan):
    _login(client)
    agency = fresh_plan.agency
    vague = fresh_plan.tasks.get(ref="3")
    vague.deliverable = ""
    task_refresh_six_clear(vague)
    vague.save()
    ids = [str(pk) for pk in fresh_plan.tasks.values_list("pk", flat=True)]
    response = client.post(
        reverse("tasks:task_bulk_assign"),
        {
            "task": ids,
            "lead_unit": agency.units.get(code="VP").pk,
            "accountable": agency.people.get(full_name="Nguyễn Thị Thu Hà").pk,
            "authority": agency.people.get(full_name="Cao Đình Huy").pk,
        },
        follow=True,
    )
    page = response.content.decode()
    assert "Đủ 06 rõ: 2/3" in page
    assert "Còn chưa rõ: Rõ sản phẩm (1 nhiệm vụ)" in page
