"""The administrators' screens speak Vietnamese, the libraries' models included."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENGLISH = (
    "Model name",
    "Access attempts",
    "Task Results",
    "Log entry",
    "Skip to main content",
    "changes:",
    "system",
)


def test_the_admin_index_and_the_change_log_have_no_english(client, django_user_model):
    admin = django_user_model.objects.create_superuser("quantri", "", "cchc@2026")
    client.force_login(admin)
    index = client.get(reverse("admin:index")).content.decode()
    assert "Chống dò mật khẩu" in index and "Việc chạy nền" in index and "Loại dữ liệu" in index
    admin.first_name = "Quản trị"
    admin.save()
    log = client.get(reverse("admin:auditlog_logentry_changelist")).content.decode()
    for page in (index, log):
        for word in ENGLISH:
            assert word not in page, word
