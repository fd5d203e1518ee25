"""The 400, 403, 404 and 500 pages: Vietnamese, in the layout, saying what happened and where to go next."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client, override_settings
from django.urls import path

from config.urls import urlpatterns as project_patterns

pytestmark = pytest.mark.django_db

ENGLISH = ("Not Found", "Forbidden", "Bad Request", "Server Error", "requested resource", "CSRF verification")


def _forbidden(request):
    raise PermissionDenied("Bạn không có quyền sửa kế hoạch này.")


def _english_forbidden(request):
    raise PermissionDenied


def _bad(request):
    raise SuspiciousOperation("bad header")


def _broken(request):
    raise RuntimeError("boom")


urlpatterns = [
    path("loi/403/", _forbidden),
    path("loi/403-en/", _english_forbidden),
    path("loi/400/", _bad),
    path("loi/500/", _broken),
    *project_patterns,
]

# The handlers are module attributes of the URLconf: this test URLconf takes the project's.
from config.urls import handler400, handler403, handler404, handler500  # noqa: E402, F401


def _no_english(html: str) -> None:
    for word in ENGLISH:
        assert word not in html


@pytest.fixture
def signed_in(client: Client, make_user, tree):
    user = make_user("focal_point", tree.own)
    client.force_login(user)
    return client


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_404_says_the_page_is_missing_and_where_to_go(signed_in):
    response = signed_in.get("/khong-co-trang-nay/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html and 'href="/"' in html and "Về trang chủ" in html
    assert 'class="sidenav"' in html  # in the layout, with the menu
    _no_english(html)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_404_of_an_anonymous_visitor_offers_to_sign_in(client):
    html = client.get("/khong-co-trang-nay/").content.decode()
    assert "Không tìm thấy trang" in html and "/tai-khoan/dang-nhap/" in html


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_403_gives_the_reason_and_who_to_ask(signed_in):
    response = signed_in.get("/loi/403/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Bạn không có quyền sửa kế hoạch này." in html and "quản trị" in html
    _no_english(html)
    english = signed_in.get("/loi/403-en/").content.decode()
    assert "Không có quyền truy cập" in english
    _no_english(english)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_400_is_vietnamese(signed_in):
    response = signed_in.get("/loi/400/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html
    _no_english(html)


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_500_is_vietnamese_and_needs_nothing_from_the_database(signed_in, django_assert_num_queries):
    signed_in.raise_request_exception = False
    with django_assert_num_queries(0):
        from django.template.loader import render_to_string

        alone = render_to_string("500.html")
    assert "Hệ thống gặp lỗi" in alone
    response = signed_in.get("/loi/500/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Hệ thống gặp lỗi" in html and 'href="/"' in html
    _no_english(html)


@override_settings(DEBUG=False)
def test_a_stale_form_token_is_explained_in_vietnamese(make_user, tree):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("focal_point", tree.own))
    response = client.post("/tai-khoan/dang-xuat/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Phiên làm việc" in html
    _no_english(html)


def test_every_error_page_is_a_template_of_the_project():
    from django.template.loader import get_template

    for name in ("400.html", "403.html", "404.html", "500.html"):
        assert get_template(name).origin.name.endswith(f"templates/{name}")
