"""The administrator's health page gathers what only IT acts on: install commands, server-side imports and
parameters not yet checked against the legal text; nobody else sees it."""

from __future__ import annotations

import pytest
from django.urls import reverse

URL = reverse("core:system_health")


def test_administrator_sees_how_to_enable_pdf_and_import_large_files(client, make_user, tree, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", "/khong/co/soffice")
    client.force_login(make_user("administrator", tree.own))
    html = client.get(URL).content.decode()
    assert "Chưa sẵn sàng" in html and "apt-get install libreoffice-writer-nogui" in html
    assert "cchc dossiers import TỆP --user TÊN_ĐĂNG_NHẬP" in html
    assert "Tham số chưa đối chiếu văn bản gốc" in html and "Công thức của lãnh đạo" in html
    assert "cú pháp docxtpl" in html


@pytest.mark.parametrize("role", ["focal_point", "leader", "staff", "overseer"])
def test_other_roles_are_refused(client, make_user, tree, role):
    client.force_login(make_user(role, tree.own))
    response = client.get(URL)
    assert response.status_code == 403
    assert "dành cho quản trị hệ thống" in response.content.decode()


def test_a_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
