"""Issue 16, findings 4 and 9: no server error from odd input, throttles across usernames and tokens, headers.

Each test here answered 500, let requests through, or lacked the header before the fix.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from apps.accounts.choices import Role
from apps.accounts.services import api_token_create
from apps.reports.tests.factories import build_year

HUGE = "99999999999999999999"


@pytest.fixture
def focal(tree: Any, make_user: Any) -> Any:
    return make_user(Role.FOCAL_POINT, tree.own, email="daumoi@so.gov.vn")


# --- No server error -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"/ke-hoach/?agency={HUGE}",
        f"/khao-sat/?agency={HUGE}",
        f"/bao-cao/?agency={HUGE}",
        f"/nhiem-vu/?agency={HUGE}",
        f"/ho-so/danh-sach/?agency={HUGE}",
        f"/phan-anh/?agency={HUGE}",
        f"/chi-so/?agency={HUGE}",
        f"/ke-hoach/{HUGE}/",
        "/ke-hoach/?agency=-1",
        "/ke-hoach/?agency=abc",
        "/bao-cao/?year=99999999999",
    ],
)
def test_huge_or_odd_ids_in_pages_are_not_server_errors(client, focal, url):
    client.force_login(focal)
    response = client.get(url)
    assert response.status_code in (200, 302, 404)


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/plans/{HUGE}",
        f"/api/v1/tasks?agency={HUGE}",
        f"/api/v1/surveys/campaigns?agency={HUGE}",
        f"/api/v1/reports?agency={HUGE}",
        f"/api/v1/dossiers?agency={HUGE}",
    ],
)
def test_huge_ids_in_the_api_are_a_vietnamese_422_or_404(client, focal, url):
    client.force_login(focal)
    response = client.get(url)
    assert response.status_code in (404, 422)
    assert response.json()["detail"]


@pytest.mark.parametrize("percent", ["101", "-1", "150", "12%"])
def test_progress_with_an_impossible_percent_says_why(client, tree, focal, percent):
    year = build_year(tree.own)
    occurrence = year.tasks["T4"].occurrences.get()
    client.force_login(focal)
    response = client.post(
        reverse("tasks:progress_post", args=[occurrence.pk]),
        {"percent": percent, "note": "Đã làm", "version": occurrence.version},
        follow=True,
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "%" in text and ("100" in text or "số" in text)
    occurrence.refresh_from_db()
    assert occurrence.percent == 60


def test_revoking_a_token_by_a_word_is_a_message(client, focal):
    client.force_login(focal)
    response = client.post(reverse("accounts:profile"), {"revoke": "abc"}, follow=True)
    assert response.status_code == 200


# --- Throttles -------------------------------------------------------------------------------------------------


def test_failed_logins_from_one_address_are_stopped_across_usernames(client, settings, make_user, tree):
    settings.CCHC_LOGIN_FAILURES_PER_ADDRESS = 5
    settings.AXES_FAILURE_LIMIT = 100
    good = make_user(Role.STAFF, tree.own, username="thật")
    good.set_password("dung-mat-khau-2026")
    good.save()
    for n in range(5):
        response = client.post(reverse("accounts:login"), {"username": f"nguoi{n}", "password": "sai"})
        assert response.status_code == 200
    response = client.post(reverse("accounts:login"), {"username": "thật", "password": "dung-mat-khau-2026"})
    assert response.status_code == 429
    assert "quá nhiều lần đăng nhập sai" in response.content.decode()
    # another address is not punished for this one
    other = client.post(
        reverse("accounts:login"),
        {"username": "thật", "password": "dung-mat-khau-2026"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert other.status_code == 302


def test_password_reset_mails_are_limited_per_address_and_per_mailbox(client, settings, focal):
    settings.CCHC_PASSWORD_RESETS_PER_EMAIL = 2
    settings.CCHC_PASSWORD_RESETS_PER_ADDRESS = 4
    for _ in range(4):
        response = client.post(reverse("accounts:password_reset"), {"email": focal.email})
        assert response.status_code == 302  # the page never tells whether the mailbox exists
    assert len(mail.outbox) == 2
    response = client.post(reverse("accounts:password_reset"), {"email": focal.email})
    assert response.status_code == 429


def test_api_tokens_are_throttled_per_token_and_bad_tokens_per_address(client, settings, focal):
    settings.CCHC_API_CALLS_PER_MINUTE = 3
    settings.CCHC_API_BAD_TOKENS_PER_MINUTE = 2
    _, key = api_token_create(user=focal, name="tích hợp")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert [client.get("/api/v1/plans", **auth).status_code for _ in range(3)] == [200, 200, 200]
    limited = client.get("/api/v1/plans", **auth)
    assert limited.status_code == 429 and limited["Retry-After"] == "60"
    bad = {"HTTP_AUTHORIZATION": "Bearer khong-dung", "REMOTE_ADDR": "10.1.1.1"}
    assert [client.get("/api/v1/plans", **bad).status_code for _ in range(3)] == [401, 401, 429]


# --- Headers ---------------------------------------------------------------------------------------------------


def test_pages_carry_a_strict_content_security_policy(client, focal):
    client.force_login(focal)
    response = client.get("/ke-hoach/")
    policy = response["Content-Security-Policy"]
    script = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'self'" in script and "unsafe-inline" not in script and "unsafe-eval" not in script
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_no_page_has_an_inline_script(client, focal):
    client.force_login(focal)
    for url in ("/", "/ke-hoach/", "/nhiem-vu/", "/khao-sat/", "/tai-khoan/ca-nhan/"):
        text = client.get(url).content.decode()
        assert " onclick=" not in text and " onchange=" not in text and " onsubmit=" not in text, url
        for chunk in text.split("<script")[1:]:
            assert (
                chunk.lstrip().startswith(("src=", 'type="application/json"'))
                or " src=" in chunk.split(">")[0]
            ), url


def test_signed_in_pages_and_the_api_are_not_cached(client, focal):
    client.force_login(focal)
    assert "no-store" in client.get("/ke-hoach/")["Cache-Control"]
    assert "no-store" in client.get("/api/v1/plans")["Cache-Control"]


# --- Implausible input (finding 10) ----------------------------------------------------------------------------


def _task_form(task: Any, **changes: Any) -> dict[str, Any]:
    data = {
        "version": task.version,
        "title": task.title,
        "timeline_raw": task.timeline_raw,
        "deliverable": "",
    }
    data.update(changes)
    return data


def test_a_task_timeline_with_a_date_that_does_not_exist_is_refused(client, tree, focal):
    task = build_year(tree.own).tasks["T1"]
    client.force_login(focal)
    response = client.post(
        reverse("tasks:task_edit", args=[task.pk]), _task_form(task, timeline_raw="Trước ngày 31/02/2026")
    )
    assert response.status_code == 200
    assert "Ngày 31/02/2026 không tồn tại." in response.content.decode()
    task.refresh_from_db()
    assert task.timeline_raw == "Năm 2026"


def test_a_ten_thousand_character_task_title_is_refused(client, tree, focal):
    task = build_year(tree.own).tasks["T1"]
    client.force_login(focal)
    response = client.post(
        reverse("tasks:task_edit", args=[task.pk]), _task_form(task, title="Rà soát " * 1250)
    )
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.title == "Rà soát văn bản quy phạm pháp luật"


@pytest.mark.parametrize(
    ("received", "message"),
    [("01/01/1900", "nằm ngoài khoảng"), ("31/02/2026", "Ngày không hợp lệ"), ("01/01/2099", "chưa đến")],
)
def test_feedback_received_on_an_implausible_day_is_refused(client, tree, focal, received, message):
    from apps.feedback.models import Feedback

    client.force_login(focal)
    response = client.post(
        reverse("feedback:feedback_create"),
        {"received_on": received, "channel": "direct", "subject": "Chậm trả kết quả", "remit": "own"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Feedback.objects.exists()
