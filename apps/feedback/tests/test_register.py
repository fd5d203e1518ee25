"""The feedback register: deadlines from the rules, answers and forwarding, import, filters, scoping."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from apps.accounts.models import User
from apps.feedback.models import Feedback
from apps.feedback.services import feedback_create, feedback_import, feedback_update

pytestmark = pytest.mark.django_db

HEADER = "ma_phan_anh,ma_co_quan,ngay_tiep_nhan,kenh,noi_dung,tham_quyen,noi_chuyen_den,ngay_chuyen,han_xu_ly,ngay_tra_loi,hai_long,phan_nan_cham\n"


def login(client, username="daumoi"):
    client.force_login(User.objects.get(username=username))


def test_deadlines_from_the_rules(demo_org):
    own = feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="Hỏi thủ tục")
    assert own.code == "PAKN-2026-0001" and own.due_on == date(2026, 3, 11)  # 7 working days
    forwarded = feedback_create(
        agency=demo_org["DLK-SXD"], received_on=date(2026, 4, 27), subject="Quy hoạch", remit="forwarded"
    )
    assert forwarded.forward_due_on == date(2026, 5, 6)  # 5 working days across 30/4 and 1/5
    assert forwarded.due_on is None


def test_dates_before_receipt_and_duplicate_codes_are_refused(demo_org):
    feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="A", code="P-1")
    with pytest.raises(ValidationError) as error:
        feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="B", code="P-1")
    assert "đã có phản ánh" in str(error.value)
    with pytest.raises(ValidationError) as error:
        feedback_create(
            agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="C", replied_on=date(2026, 3, 1)
        )
    assert "không được trước ngày tiếp nhận" in str(error.value)
    assert Feedback.objects.count() == 1


def test_update_checks_the_version(demo_org):
    item = feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="A")
    feedback_update(feedback=item, expected_version=1, replied_on=date(2026, 3, 5), satisfied=True)
    with pytest.raises(ValidationError, match="Phản ánh, kiến nghị này vừa được người khác cập nhật"):
        feedback_update(feedback=item, expected_version=1, replied_on=date(2026, 3, 6))


def test_import_creates_updates_and_reports_bad_rows(demo_org):
    data = (
        HEADER
        + "P-1,DLK-SXD,02/03/2026,Trực tiếp,Hỏi thủ tục,thuộc,,,10/03/2026,09/03/2026,1,0\n"
        + "P-2,DLK-SXD,02/03/2026,Zalo,Quy hoạch,chuyển,UBND tỉnh,05/03/2026,,,,\n"
        + "P-3,DLK-SXD,31/02/2026,Zalo,Sai ngày,thuộc,,,,,,\n"
    )
    rejected = feedback_import(stream=BytesIO(data.encode()), filename="f.csv", allowed_agency_ids=None)
    assert not rejected.loaded and Feedback.objects.count() == 0
    assert rejected.errors[0][0] == 4 and "31/02/2026" in rejected.errors[0][1]
    loaded = feedback_import(
        stream=BytesIO(data.encode()), filename="f.csv", allowed_agency_ids=None, load_good_rows=True
    )
    assert (loaded.created, loaded.updated) == (2, 0)
    assert Feedback.objects.get(code="P-2").channel == "mang_xa_hoi"
    again = feedback_import(
        stream=BytesIO(data.encode()), filename="f.csv", allowed_agency_ids=None, load_good_rows=True
    )
    assert (again.created, again.updated) == (0, 0) and Feedback.objects.count() == 2


def test_register_page_filters_and_export(client, demo_org):
    feedback_create(
        agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="=cmd|x", due_on=date(2026, 3, 10)
    )
    feedback_create(
        agency=demo_org["DLK-SXD"],
        received_on=date(2026, 3, 2),
        subject="Đã trả lời",
        replied_on=date(2026, 3, 3),
    )
    login(client)
    overdue = client.get(reverse("feedback:feedback_register"), {"status": "overdue"}).context["page"]
    assert [item.subject for item in overdue.object_list] == ["=cmd|x"]
    found = client.get(reverse("feedback:feedback_register"), {"q": "da tra loi"}).context["page"]
    assert [item.subject for item in found.object_list] == ["Đã trả lời"]
    export = client.get(reverse("feedback:feedback_register"), {"format": "xlsx"})
    subjects = [
        r[5] for r in load_workbook(BytesIO(export.content)).active.iter_rows(min_row=2, values_only=True)
    ]
    assert "'=cmd|x" in subjects


def test_record_and_answer_through_the_pages(client, demo_org):
    login(client)
    response = client.post(
        reverse("feedback:feedback_create"),
        {"received_on": "02/03/2026", "channel": "truc_tiep", "subject": "Hỏi", "remit": "own"},
    )
    item = Feedback.objects.get()
    assert response["Location"] == reverse("feedback:feedback_detail", args=[item.pk])
    response = client.post(
        reverse("feedback:feedback_detail", args=[item.pk]),
        {"version": item.version, "code": item.code, "received_on": "02/03/2026", "channel": "truc_tiep",
         "subject": "Hỏi", "remit": "own", "replied_on": "01/03/2026"},
    )  # fmt: skip
    assert response.status_code == 200 and "không được trước ngày tiếp nhận" in response.content.decode()


def test_another_agency_gets_404(client, demo_org):
    item = feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="A")
    login(client, "daumoi.daison")
    assert client.get(reverse("feedback:feedback_detail", args=[item.pk])).status_code == 404
    assert client.get(f"/api/v1/feedback/{item.pk}").status_code == 404
    assert client.get("/api/v1/feedback").json() == []
    login(client)
    assert client.get(f"/api/v1/feedback/{item.pk}").json()["status"] in ("pending", "overdue")


def test_viewer_cannot_record(client, demo_org):
    login(client, "xem")
    assert client.get(reverse("feedback:feedback_create")).status_code == 403


def test_a_stale_answer_form_is_refused_and_keeps_the_colleagues_answer(client, demo_org):
    item = feedback_create(agency=demo_org["DLK-SXD"], received_on=date(2026, 3, 2), subject="Hỏi")
    login(client)
    url = reverse("feedback:feedback_detail", args=[item.pk])
    assert f'name="version" value="{item.version}"' in client.get(url).content.decode()
    feedback_update(feedback=item, expected_version=item.version, reply_summary="Trả lời của đồng nghiệp")
    mine = {"code": item.code, "received_on": "02/03/2026", "channel": "truc_tiep", "subject": "Hỏi",
            "remit": "own", "reply_summary": "Trả lời của tôi"}  # fmt: skip
    answers = {
        "người khác cập nhật": {
            **mine,
            "version": item.version,
        },  # the version read before the colleague saved
        "thiếu phiên bản": mine,  # no version at all (an old page)
    }
    for message, stale in answers.items():
        response = client.post(url, stale)
        assert response.status_code == 200 and message in response.content.decode()
        fresh = Feedback.objects.get(pk=item.pk)
        assert (fresh.reply_summary, fresh.version) == ("Trả lời của đồng nghiệp", item.version + 1)
    assert client.post(url, {**mine, "version": item.version + 1}).status_code == 302
    fresh = Feedback.objects.get(pk=item.pk)
    assert (fresh.reply_summary, fresh.version) == ("Trả lời của tôi", item.version + 2)


def test_the_feedback_ledger_import_refuses_a_program_and_a_web_page(demo_org):
    from domain.uploads.tests import samples

    for name, data, reason in (
        ("so.csv", samples.MZ, "chương trình chạy được"),
        ("so.csv", b"<html><script>alert(1)</script></html>", "trang web HTML"),
    ):
        result = feedback_import(stream=BytesIO(data), filename=name, allowed_agency_ids=None)
        assert not result.loaded and reason in result.message
    assert Feedback.objects.count() == 0
