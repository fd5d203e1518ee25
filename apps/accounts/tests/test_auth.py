"""Signing in, throttling, password reset, agency switching, admin access."""

from __future__ import annotations

from django.core import mail
from django.urls import reverse

from apps.accounts.models import User


def test_login_with_the_right_password(client, tree, make_user):
    make_user("staff", tree.own, username="an")
    response = client.post(reverse("accounts:login"), {"username": "an", "password": "mat-khau-thu-123"})
    assert response.status_code == 302


def test_passwords_are_hashed_with_argon2_outside_tests(settings):
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_repeated_wrong_passwords_lock_the_account(client, tree, make_user):
    make_user("staff", tree.own, username="binh")
    for _ in range(3):
        client.post(reverse("accounts:login"), {"username": "binh", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "binh", "password": "mat-khau-thu-123"})
    assert response.status_code == 429
    assert "Tạm khóa" in response.content.decode()


def test_password_reset_sends_a_vietnamese_mail(client, tree, make_user):
    make_user("staff", tree.own, username="chi", email="chi@example.vn")
    client.post(reverse("accounts:password_reset"), {"email": "chi@example.vn"})
    assert len(mail.outbox) == 1
    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "/tai-khoan/dat-lai/" in mail.outbox[0].body


def test_user_switches_agency_among_their_roles(client, tree, make_user):
    user = make_user("staff", tree.own)
    from apps.accounts.services import role_assign

    role_assign(user=user, agency=tree.sibling, role="viewer")
    client.force_login(user)
    client.post(reverse("accounts:switch_agency"), {"agency": tree.sibling.pk, "next": "/"})
    assert tree.sibling.name in client.get(reverse("core:home")).content.decode()


def test_switching_to_an_agency_without_a_role_is_refused(client, tree, make_user):
    client.force_login(make_user("staff", tree.own))
    response = client.post(reverse("accounts:switch_agency"), {"agency": tree.other.pk}, follow=True)
    assert "không có vai trò" in response.content.decode()


def test_staff_cannot_reach_the_admin_site(client, tree, make_user):
    user = make_user("staff", tree.own)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get("/quan-tri/").status_code == 302


def test_administrator_reaches_the_admin_site(client, tree, make_user):
    user = make_user("administrator", tree.province)
    User.objects.filter(pk=user.pk).update(is_staff=True)
    client.force_login(User.objects.get(pk=user.pk))
    assert client.get("/quan-tri/").status_code == 200


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
