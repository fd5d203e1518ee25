"""The registers' table: sorting, page size, column choice (remembered), and each user's saved filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.accounts.models import User
from apps.core.models import SavedFilter
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401

REGISTER = "tasks:task_register"


@pytest.fixture
def plan(import_seed):  # noqa: F811
    return import_seed("001")


def _login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_a_column_header_sorts_the_register_and_says_in_which_order(client, plan):
    _login(client)
    response = client.get(reverse(REGISTER), {"plan": plan.pk, "sort": "-due"})
    dues = [task.due_on for task in response.context["page"].object_list if task.due_on]
    assert dues == sorted(dues, reverse=True)
    page = response.content.decode()
    assert 'aria-sort="descending"' in page
    assert "sort=due" in page  # the next click sorts the other way


def test_an_unknown_sort_is_ignored(client, plan):
    _login(client)
    assert client.get(reverse(REGISTER), {"sort": "password"}).status_code == 200


def test_page_size_is_chosen_and_remembered(client, plan):
    _login(client)
    first = client.get(reverse(REGISTER), {"plan": plan.pk, "per_page": "25"}).context["page"]
    assert len(first.object_list) == 25
    assert first.paginator.num_pages == 2
    again = client.get(reverse(REGISTER), {"plan": plan.pk}).context["page"]
    assert len(again.object_list) == 25
    odd = client.get(reverse(REGISTER), {"plan": plan.pk, "per_page": "7"}).context["page"]
    assert len(odd.object_list) == 25


def test_chosen_columns_are_shown_remembered_and_the_task_column_cannot_be_hidden(client, plan):
    _login(client)
    page = client.get(reverse(REGISTER), {"plan": plan.pk, "cols": ["due", "accountable"]}).content.decode()
    assert "Người chịu trách nhiệm" in page.split("<tbody>")[0]
    assert ">Chủ trì<" not in page
    assert "Nhiệm vụ<span" in page  # the always-shown column
    later = client.get(reverse(REGISTER), {"plan": plan.pk})
    assert later.context["table"].visible_keys == ["title", "due", "accountable"]


def test_a_saved_filter_is_listed_for_its_owner_only(client, plan):
    _login(client)
    response = client.post(
        reverse("core:saved_filter_create"),
        {
            "register": "tasks",
            "name": "  Chưa rõ  ",
            "query": f"plan={plan.pk}&clear=no&cols=title,due&page=3",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?plan={plan.pk}&clear=no&cols=title%2Cdue")
    page = client.get(reverse(REGISTER)).content.decode()
    assert f'href="?plan={plan.pk}&amp;clear=no&amp;cols=title%2Cdue">Chưa rõ</a>' in page
    assert "Bộ lọc đã lưu (1)" in page
    _login(client, "lanhdao")
    assert "Bộ lọc đã lưu (0)" in client.get(reverse(REGISTER)).content.decode()


def test_a_saved_filter_with_a_line_break_is_kept_harmless(client, plan):
    _login(client)
    response = client.post(
        reverse("core:saved_filter_create"),
        {"register": "tasks", "name": "Lạ", "query": "q=a%0D%0ALocation:%20x\r\nSet-Cookie: y"},
    )
    assert response.status_code == 302
    assert "\n" not in response["Location"]


def test_another_user_cannot_delete_my_saved_filter(client, plan):
    owner = User.objects.get(username="daumoi")
    saved = SavedFilter.objects.create(user=owner, register="tasks", name="Của tôi", query="clear=no")
    _login(client, "lanhdao")
    assert client.post(reverse("core:saved_filter_delete", args=[saved.pk])).status_code == 404
    _login(client)
    client.post(reverse("core:saved_filter_delete", args=[saved.pk]))
    assert not SavedFilter.objects.filter(pk=saved.pk).exists()


def test_a_saved_filter_needs_a_name(client, plan):
    _login(client)
    response = client.post(
        reverse("core:saved_filter_create"),
        {"register": "feedback", "name": "  ", "query": "q=x"},
        follow=True,
    )
    assert "Hãy đặt tên cho bộ lọc" in response.content.decode()
    assert not SavedFilter.objects.exists()


def test_the_dossier_and_feedback_registers_use_the_same_table(client, plan):
    _login(client)
    for name in ("dossiers:dossier_list", "feedback:feedback_register"):
        response = client.get(reverse(name), {"sort": "-received", "per_page": "25"})
        assert "Số dòng mỗi trang" in response.content.decode()
        assert (response.context["table"].sort, response.context["table"].page_size) == ("-received", 25)
