"""The transparency portal as its users meet it: a publisher ticks figures and takes them down, another agency
cannot, anonymous visitors read the public pages (cached, cleared on each change), and no person shows."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.dossiers.models import Dossier, Procedure
from apps.dossiers.services import dossier_rollup_rebuild
from apps.feedback.models import Feedback
from apps.organizations.models import Person, Unit
from apps.reports.tests.factories import build_year
from apps.transparency.models import Publication
from apps.transparency.services import publication_set
from domain.transparency import year_to_date

SETTINGS = reverse("transparency:settings")
PERSON = ("Trần Thị Bích Ngọc", "ngoc.tran@sxd.example.vn", "0912 345 678")
SENDER = "Hoàng Văn Phản Ánh"


def _public(code: str) -> str:
    return reverse("transparency:agency", args=[code])


@pytest.fixture
def data(tree: Any) -> Any:
    """Sở Xây dựng (own) with a plan, dossiers, feedback and a person whose details must never go public."""
    build_year(tree.own)
    office = Unit.objects.get(agency=tree.own, code="VP")
    Person.objects.create(agency=tree.own, unit=office, full_name=PERSON[0], email=PERSON[1], phone=PERSON[2])
    start, _end, _label = year_to_date(timezone.localdate())
    procedure = Procedure.objects.create(code="1.000001", name="Cấp giấy phép xây dựng")
    month = start.year * 100 + start.month
    for code, resolved, channel in (
        ("HS-000123", date(start.year, start.month, 15), "truc_tuyen"),
        ("HS-000124", date(start.year, start.month, 16), "truc_tiep"),
        ("HS-000125", date(start.year, start.month, 25), "truc_tuyen"),
    ):
        Dossier.objects.create(
            code=code,
            agency=tree.own,
            procedure=procedure,
            channel=channel,
            received_on=date(start.year, start.month, 2),
            due_on=date(start.year, start.month, 20),
            resolved_on=resolved,
            received_month=month,
            due_month=month,
            resolved_month=month,
        )
    dossier_rollup_rebuild(agency_ids={tree.own.pk})
    Feedback.objects.create(
        agency=tree.own,
        code="PA-2026-0007",
        sender=SENDER,
        subject=f"Phản ánh của ông {SENDER}, số điện thoại 0987654321",
        received_on=date(start.year, start.month, 2),
        due_on=date(start.year, start.month, 12),
        replied_on=date(start.year, start.month, 10),
    )
    return tree


@pytest.fixture
def focal(data: Any, make_user: Any) -> Any:
    return make_user(Role.FOCAL_POINT, data.own, username="daumoi", first_name="Phạm", last_name="Đầu Mối")


def _login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _publish(client: Client, agency: Any, keys: list[str]) -> Any:
    return client.post(f"{SETTINGS}?agency={agency.pk}", {"keys": keys})


def test_focal_point_publishes_and_anonymous_visitor_reads(data, focal):
    client = _login(focal)
    page = client.get(f"{SETTINGS}?agency={data.own.pk}")
    assert page.status_code == 200
    assert "Hồ sơ giải quyết đúng hạn" in page.content.decode()

    response = _publish(
        client, data.own, ["dossiers.on_time", "dossiers.online", "plan.areas", "feedback.on_time"]
    )
    assert response.status_code == 302
    live = Publication.objects.filter(agency=data.own, withdrawn_at__isnull=True)
    assert {p.key for p in live} == {"dossiers.on_time", "dossiers.online", "plan.areas", "feedback.on_time"}
    assert all(p.published_by == focal and p.published_at for p in live)

    public = Client().get(_public(data.own.code))
    text = public.content.decode()
    assert public.status_code == 200
    assert "Hồ sơ giải quyết đúng hạn" in text
    assert "66,67%" in text  # two of three dossiers on time, written the Vietnamese way
    assert "Hồ sơ nộp trực tuyến" in text
    assert "Cải cách thể chế" in text  # plan progress per reform area
    assert "Phản ánh, kiến nghị xử lý đúng hạn" in text
    assert "Kỳ:" in text and "Cập nhật: " + timezone.localdate().strftime("%d/%m/%Y") in text
    assert "Hồ sơ trễ hạn có văn bản xin lỗi" not in text  # not ticked


def test_public_page_is_a_proper_page_without_script(data, focal):
    publication_set(user=focal, agency=data.own, keys=["dossiers.on_time"])
    text = Client().get(_public(data.own.code)).content.decode()
    assert "<script" not in text
    assert re.search(r"<title>[^<]*Sở Xây dựng tỉnh Một[^<]*</title>", text)
    assert '<meta name="description" content="Sở Xây dựng tỉnh Một công khai 1 số liệu' in text
    assert 'name="viewport"' in text and '<html lang="vi">' in text
    assert "http://" not in text and "https://" not in text  # nothing from a CDN


def test_publisher_takes_a_figure_down_and_it_is_recorded(data, focal):
    client = _login(focal)
    _publish(client, data.own, ["dossiers.on_time", "dossiers.online"])
    assert "Hồ sơ nộp trực tuyến" in Client().get(_public(data.own.code)).content.decode()

    client.post(f"{SETTINGS}?agency={data.own.pk}", {"withdraw": "dossiers.online"})

    gone = Publication.objects.get(agency=data.own, key="dossiers.online")
    assert gone.withdrawn_by == focal and gone.withdrawn_at is not None
    text = Client().get(_public(data.own.code)).content.decode()
    assert "Hồ sơ nộp trực tuyến" not in text
    assert "Hồ sơ giải quyết đúng hạn" in text
    settings_page = client.get(f"{SETTINGS}?agency={data.own.pk}").content.decode()
    assert "Đã gỡ gần đây" in settings_page and "Hồ sơ nộp trực tuyến" in settings_page


def test_unticking_everything_takes_the_page_down(data, focal):
    client = _login(focal)
    _publish(client, data.own, ["dossiers.on_time"])
    _publish(client, data.own, [])
    response = Client().get(_public(data.own.code))
    assert response.status_code == 404
    assert "chưa công khai số liệu nào" in response.content.decode()


def test_leader_publishes_too(data, make_user):
    leader = make_user(Role.LEADER, data.own)
    assert _publish(_login(leader), data.own, ["feedback.on_time"]).status_code == 302
    assert Publication.objects.filter(agency=data.own, key="feedback.on_time", published_by=leader).exists()


@pytest.mark.parametrize(
    ("role", "where", "status"),
    [
        (Role.FOCAL_POINT, "other", 404),  # another province: the agency does not exist for them
        (Role.FOCAL_POINT, "sibling", 404),  # another agency of the same province
        (Role.OVERSEER, "sibling", 403),  # Sở Nội vụ reads the agency but does not choose what it publishes
        (Role.VIEWER, "own", 403),
        (Role.STAFF, "own", 403),
    ],
)
def test_nobody_else_publishes_for_the_agency(data, make_user, role, where, status):
    intruder = make_user(role, getattr(data, where))
    client = _login(intruder)
    assert client.get(f"{SETTINGS}?agency={data.own.pk}").status_code == status
    assert _publish(client, data.own, ["dossiers.on_time"]).status_code == status
    assert client.post(f"{SETTINGS}?agency={data.own.pk}", {"withdraw": "x"}).status_code == status
    assert not Publication.objects.exists()


def test_withdraw_by_another_agency_changes_nothing(data, focal, make_user):
    publication_set(user=focal, agency=data.own, keys=["dossiers.on_time"])
    intruder = make_user(Role.FOCAL_POINT, data.other)
    response = _login(intruder).post(f"{SETTINGS}?agency={data.own.pk}", {"withdraw": "dossiers.on_time"})
    assert response.status_code == 404
    assert Publication.objects.get(agency=data.own).withdrawn_at is None


def test_a_figure_not_in_the_catalogue_is_refused(data, focal):
    response = _publish(_login(focal), data.own, ["dossiers.on_time", "khong.co"])
    assert response.status_code == 200
    assert "không có trong danh mục công khai" in response.content.decode()
    assert not Publication.objects.exists()


def test_cache_serves_until_the_publisher_changes_the_selection(data, focal, django_assert_max_num_queries):
    publication_set(user=focal, agency=data.own, keys=["dossiers.on_time"])
    anonymous = Client()
    assert anonymous.get(_public(data.own.code)).status_code == 200
    # Behind the publisher's back (no service): the cached page does not know yet …
    Publication.objects.create(agency=data.own, key="dossiers.online", published_at=timezone.now())
    with django_assert_max_num_queries(3):
        warm = anonymous.get(_public(data.own.code)).content.decode()
    assert "Hồ sơ nộp trực tuyến" not in warm
    # … a change through the settings page clears it at once.
    _publish(_login(focal), data.own, ["dossiers.on_time", "dossiers.online", "feedback.on_time"])
    fresh = anonymous.get(_public(data.own.code)).content.decode()
    assert "Hồ sơ nộp trực tuyến" in fresh and "Phản ánh, kiến nghị xử lý đúng hạn" in fresh
    province = anonymous.get(reverse("transparency:province", args=["P1"])).content.decode()
    assert "Phản ánh, kiến nghị xử lý đúng hạn" in province
    _publish(_login(focal), data.own, ["dossiers.on_time"])
    province = anonymous.get(reverse("transparency:province", args=["P1"])).content.decode()
    assert "Phản ánh, kiến nghị xử lý đúng hạn" not in province


def test_an_agency_that_publishes_nothing_gets_a_vietnamese_404(data):
    response = Client().get(_public(data.sibling.code))
    assert response.status_code == 404
    text = response.content.decode()
    assert "Sở Nội vụ tỉnh Một chưa công khai số liệu nào" in text
    missing = Client().get(_public("KHONG-CO"))
    assert missing.status_code == 404 and "Không có cơ quan nào mang mã" in missing.content.decode()
    province = Client().get(reverse("transparency:province", args=["P2"]))
    assert (
        province.status_code == 404 and "Chưa có cơ quan nào của UBND tỉnh Hai" in province.content.decode()
    )


def test_province_page_lists_its_publishing_agencies(data, focal, make_user):
    publication_set(user=focal, agency=data.own, keys=["dossiers.on_time"])
    other_focal = make_user(Role.FOCAL_POINT, data.other)
    publication_set(user=other_focal, agency=data.other, keys=["dossiers.on_time"])
    text = Client().get(reverse("transparency:province", args=["P1"])).content.decode()
    assert "Sở Xây dựng tỉnh Một" in text and "66,67%" in text
    assert "Sở Xây dựng tỉnh Hai" not in text and "Sở Nội vụ tỉnh Một" not in text
    index = Client().get(reverse("transparency:index")).content.decode()
    assert "UBND tỉnh Một" in index and "UBND tỉnh Hai" in index


def test_public_pages_expose_no_person_and_no_record_code(data, focal):
    keys = [
        "plan.progress",
        "plan.areas",
        "dossiers.on_time",
        "dossiers.apology",
        "dossiers.online",
        "feedback.on_time",
        "sipas.latest",
        "par.latest",
    ]
    publication_set(user=focal, agency=data.own, keys=keys)
    anonymous = Client()
    pages = [
        anonymous.get(_public(data.own.code)),
        anonymous.get(reverse("transparency:province", args=["P1"])),
        anonymous.get(reverse("transparency:index")),
    ]
    forbidden = [
        *PERSON,
        "0912345678",
        SENDER,
        "0987654321",
        "Lê Công Du",  # the plan's signer
        "Phạm",
        "Đầu Mối",
        "daumoi",
        "HS-000123",
        "HS-000124",
        "HS-000125",
        "PA-2026-0007",
    ]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        assert [word for word in forbidden if word in text] == []
        assert not re.search(r"[\w.+-]+@[\w-]+\.\w", text)  # no e-mail address at all
