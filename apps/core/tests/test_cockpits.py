"""The home page is a cockpit per role: each role sees its own work, every figure opens the list behind it, and
nobody sees another province's agencies."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from apps.accounts.models import User
from apps.core.cockpits import cockpit_for
from apps.plans.services import plan_update
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.dashboard import agency_dashboard
from apps.tasks.selectors import my_work_for_user
from apps.tasks.services import occurrences_sync_for_plan
from domain import task_status


@pytest.fixture(autouse=True)
def fresh_cache():
    """The cockpit keeps the targets at risk for a while; each test starts without them."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def demo(import_seed, demo_org):  # noqa: F811
    """The demo agencies with the Sở Xây dựng's 2026 plan, seen on 15/09/2026 (some work late, some due soon)."""
    plan = plan_update(plan=import_seed("001"), issued_on=date(2026, 6, 25))
    occurrences_sync_for_plan(plan=plan)
    with time_machine.travel(datetime(2026, 9, 15, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False):
        yield demo_org


def user(name: str) -> User:
    return User.objects.get(username=name)


def home_of(client, name: str) -> str:
    client.force_login(user(name))
    response = client.get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


def tile(html: str, ident: str) -> tuple[str, str]:
    """The address and the figure of one tile."""
    found = re.search(rf'id="tile-{ident}"><a href="([^"]*)"><span class="num">([^<]*)</span>', html)
    assert found, f"no tile {ident}"
    return found.group(1).replace("&amp;", "&"), found.group(2)


@pytest.mark.parametrize(
    ("name", "question"),
    [
        ("chuyenvien", "Việc của tôi hôm nay"),
        ("truongphong", "Việc và người của đơn vị"),
        ("daumoi", "Việc cần đôn đốc hôm nay"),
        ("lanhdao", "Việc chờ anh/chị quyết định"),
        ("xem", "Tình hình cải cách hành chính của cơ quan"),
        ("noivu", "Tình hình toàn tỉnh"),
        ("quantri", "Tài khoản, tác vụ nền và tình trạng hệ thống"),
    ],
)
def test_each_role_lands_on_its_own_cockpit(client, demo, name, question):
    html = home_of(client, name)
    assert f"<h1>{question}</h1>" in html
    assert "(sắp có)" not in html and "No data" not in html


def test_the_staff_member_sees_their_overdue_work_counted_as_on_the_my_work_page(client, demo):
    rows = my_work_for_user(user=user("chuyenvien"))
    overdue = sum(row.status == task_status.OVERDUE for row in rows)
    html = home_of(client, "chuyenvien")
    url, shown = tile(html, "mine-overdue")
    assert (url, shown) == (reverse("tasks:my_work"), str(overdue))
    first = next(row for row in rows)
    assert first.occurrence.task.title[:40] in html


def test_the_focal_point_sees_the_overdue_occurrences_of_the_dashboard_and_who_holds_them(client, demo):
    d = agency_dashboard(agency=demo["DLK-SXD"])
    html = home_of(client, "daumoi")
    url, shown = tile(html, "overdue")
    assert shown == str(len(d.overdue))
    assert url == f"{reverse('tasks:dashboard')}?agency={demo['DLK-SXD'].pk}#overdue"
    assert "Đơn vị đang giữ việc quá hạn" in html
    assert "Báo cáo, hạn Chỉ số CCHC phải nộp" in html and "Chỉ tiêu có nguy cơ không đạt" in html


def test_the_leader_sees_a_submitted_result_waiting_for_acceptance(client, demo):
    from django.utils import timezone

    from apps.tasks.models import Occurrence

    occurrence = Occurrence.objects.filter(
        task__agency=demo["DLK-SXD"], accepted_on__isnull=True, not_applicable=False
    ).first()
    Occurrence.objects.filter(pk=occurrence.pk).update(submitted_at=timezone.now())
    html = home_of(client, "lanhdao")
    _, shown = tile(html, "awaiting")
    assert int(shown) >= 1
    assert reverse("tasks:task_detail", args=[occurrence.task_id]) in html
    assert "Báo cáo chờ lãnh đạo duyệt" in html
    assert "Chỉ tiêu có nguy cơ không đạt" in html


def test_the_unit_head_sees_the_people_of_the_unit(client, demo):
    html = home_of(client, "truongphong")
    assert "Người trong đơn vị" in html
    assert "Hoàng Thị Lan" in html  # the staff member of the same unit


@pytest.mark.parametrize("name", ["chuyenvien", "truongphong", "daumoi", "lanhdao", "noivu", "quantri"])
def test_every_figure_of_the_cockpit_opens_a_page(client, demo, name):
    html = home_of(client, name)
    urls = re.findall(r'class="tile[^"]*"[^>]*><a href="([^"]*)"', html)
    assert urls, "the cockpit shows figures"
    for url in {u.replace("&amp;", "&") for u in urls}:
        if url.startswith("#"):
            assert f'id="{url[1:]}"' in html, f"{url} is a list on the cockpit itself"
            continue
        response = client.get(url.split("#")[0])
        assert response.status_code == 200, url


def test_the_overseer_sees_the_agencies_of_its_province_only(client, demo):
    own = home_of(client, "noivu")
    assert "Sở Xây dựng tỉnh Đắk Lắk" in own
    other = home_of(client, "noivu.laichau")
    assert "Sở Xây dựng tỉnh Đắk Lắk" not in other


def test_another_agency_s_focal_point_never_sees_this_agency_s_work(client, demo):
    d = agency_dashboard(agency=demo["DLK-SXD"])
    links = {reverse("tasks:task_detail", args=[row["task_id"]]) for row in d.overdue}
    assert links
    html = home_of(client, "daumoi.laichau")
    assert "Sở Xây dựng tỉnh Đắk Lắk" not in html.split("<main", 1)[1]
    assert not any(f'href="{link}"' in html for link in links)


def test_a_user_without_any_role_is_told_whom_to_ask(client, demo, make_user):
    client.force_login(make_user(None, None))
    html = client.get(reverse("core:home")).content.decode()
    assert "Bạn chưa được giao vai trò ở cơ quan nào." in html
    assert "quản trị hệ thống" in html


def test_the_cockpit_of_a_viewer_has_no_decisions(demo):
    cockpit = cockpit_for(user=user("xem"), agency=demo["DLK-SXD"])
    assert all(tile.ident not in ("approve", "awaiting") for tile in cockpit.tiles)


@pytest.mark.parametrize("name", ["chuyenvien", "truongphong", "daumoi", "lanhdao", "noivu", "quantri"])
def test_the_cockpit_reads_a_bounded_number_of_times(client, demo, name, django_assert_max_num_queries):
    client.force_login(user(name))
    client.get(reverse("core:home"))  # the targets at risk are computed once, then kept
    with django_assert_max_num_queries(40):
        assert client.get(reverse("core:home")).status_code == 200
