"""The register through the pages: entry one at a time, pasted links confirmed, a spreadsheet, targets from the
plan, the month grid; bad input refused with a Vietnamese message and nothing saved; another agency's records
never shown."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from apps.accounts.choices import Role
from apps.communications import selectors
from apps.communications.models import Article, ChannelTarget, ContentArea
from apps.communications.services import ArticleInput, article_create


def _login(client, user):
    client.force_login(user)
    return client


def test_the_plan_gives_seven_content_areas_and_one_website_article_a_month(plan):
    assert plan.plan_type == "communication"
    assert len(selectors.area_names(plan)) == 7
    assert selectors.plan_targets(plan) == {"website": 1}


def test_an_article_entered_turns_its_month_green(client, tree, plan, focal):
    today = timezone.localdate()
    response = _login(client, focal).post(
        reverse("communications:article_create"),
        {
            "title": "Sở Xây dựng đẩy mạnh dịch vụ công trực tuyến",
            "channel": "website",
            "area": "Cải cách thủ tục hành chính",
            "published_on": today.strftime("%d/%m/%Y"),
            "link": "https://sxd.daklak.gov.vn/tin/dvc-1",
        },
    )
    assert response.status_code == 302
    page = client.get(reverse("communications:home"))
    assert f'id="thang-{today.month}"' in page.content.decode()
    grid = page.context["grid"]
    assert grid.cell(today.month, "website").status == "met"
    assert grid.areas_covered == 1 and grid.areas_total == 7


def test_a_bad_link_a_future_date_and_a_repeated_link_are_refused(client, tree, plan, focal):
    today = timezone.localdate()
    _login(client, focal)
    base = {"title": "Tin", "channel": "website", "published_on": today.strftime("%d/%m/%Y")}
    bad = client.post(reverse("communications:article_create"), {**base, "link": "sxd.daklak.gov.vn/tin"})
    assert "không phải đường dẫn trang web" in bad.content.decode()
    future = (today + timedelta(days=3)).strftime("%d/%m/%Y")
    later = client.post(
        reverse("communications:article_create"), {**base, "published_on": future, "link": "https://a.vn/1"}
    )
    assert "chưa đến" in later.content.decode()
    client.post(reverse("communications:article_create"), {**base, "link": "https://a.vn/2"})
    again = client.post(reverse("communications:article_create"), {**base, "link": "https://A.vn/2/"})
    assert "đã được ghi sổ" in again.content.decode()
    assert Article.objects.count() == 1


def test_pasted_links_become_draft_rows_and_are_saved_only_when_confirmed(client, tree, plan, focal):
    _login(client, focal)
    links = "https://sxd.daklak.gov.vn/a\nhttps://sxd.daklak.gov.vn/b\n"
    step1 = client.post(
        reverse("communications:paste_links"), {"step": "paste", "links": links, "channel": "website"}
    )
    assert step1.status_code == 200 and Article.objects.count() == 0
    formset = step1.context["formset"]
    assert [form.initial["link"] for form in formset.forms] == [
        "https://sxd.daklak.gov.vn/a",
        "https://sxd.daklak.gov.vn/b",
    ]
    day = timezone.localdate().strftime("%d/%m/%Y")
    data = {"step": "confirm", "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
    for index, link in enumerate(["https://sxd.daklak.gov.vn/a", "https://sxd.daklak.gov.vn/b"]):
        data |= {f"form-{index}-keep": "on", f"form-{index}-link": link, f"form-{index}-channel": "website"}
        data |= {f"form-{index}-title": f"Tin {index}", f"form-{index}-published_on": day}
    data["form-1-title"] = ""
    missing = client.post(reverse("communications:paste_links"), data)
    assert "Chưa có tiêu đề" in missing.content.decode() and Article.objects.count() == 0
    data["form-1-title"] = "Tin 1"
    assert client.post(reverse("communications:paste_links"), data).status_code == 302
    assert Article.objects.filter(agency=tree.own).count() == 2


def _xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("tin-bai.xlsx", out.getvalue())


def test_a_spreadsheet_with_one_bad_row_saves_nothing_and_names_the_row(client, tree, plan, focal):
    _login(client, focal)
    header = ["Tiêu đề", "Kênh", "Ngày đăng", "Đường dẫn", "Nội dung tuyên truyền"]
    good = ["Tin 1", "Trang thông tin điện tử", "05/03/2026", "https://sxd.vn/1", "Cải cách thể chế"]
    bad = ["Tin 2", "Zalo OA", "32/03/2026", "https://sxd.vn/2", ""]
    response = client.post(reverse("communications:import_xlsx"), {"file": _xlsx([header, good, bad])})
    assert "Dòng 3: ngày đăng “32/03/2026” không hợp lệ" in response.content.decode()
    assert Article.objects.count() == 0
    ok = client.post(reverse("communications:import_xlsx"), {"file": _xlsx([header, good])})
    assert ok.status_code == 302
    assert Article.objects.get().area.name == "Cải cách thể chế"


def test_the_focal_point_sets_the_targets_and_areas(client, tree, plan, focal):
    _login(client, focal)
    url = reverse("communications:targets", args=[plan.pk])
    page = client.get(url)
    assert page.context["form"].initial["target_website"] == 1
    response = client.post(url, {"target_website": "2", "target_zalo_oa": "1", "areas": "Thể chế\nTTHC"})
    assert response.status_code == 302
    assert dict(ChannelTarget.objects.values_list("channel", "per_month")) == {"website": 2, "zalo_oa": 1}
    assert list(ContentArea.objects.values_list("name", flat=True)) == ["Thể chế", "TTHC"]


def test_another_agency_cannot_see_the_register(client, tree, plan, focal, make_user):
    other_focal = make_user(Role.FOCAL_POINT, tree.other, username="other")
    article = article_create(
        user=focal,
        agency=tree.own,
        item=ArticleInput("Tin riêng của Sở", "website", timezone.localdate(), "https://sxd.vn/rieng"),
    )
    assert not selectors.article_list_for_user(user=other_focal).exists()
    _login(client, other_focal)
    assert client.get(reverse("communications:article", args=[article.pk])).status_code == 404
    assert client.get(reverse("communications:register") + f"?agency={tree.own.pk}").status_code == 404
    assert client.get(reverse("communications:targets", args=[plan.pk])).status_code == 404
    mine = client.get(reverse("communications:register"))
    assert "Tin riêng của Sở" not in mine.content.decode()


def test_a_screenshot_is_kept_as_evidence_and_served_only_to_readers(client, tree, plan, focal, make_user):
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    _login(client, focal)
    day = timezone.localdate().strftime("%d/%m/%Y")
    fake = client.post(
        reverse("communications:article_create"),
        {
            "title": "Áp phích",
            "channel": "qr_poster",
            "published_on": day,
            "place": "Bộ phận một cửa",
            "evidence": SimpleUploadedFile("anh.png", b"MZ\x90\x00 not an image"),
        },
    )
    assert fake.status_code == 400 and Article.objects.count() == 0
    client.post(
        reverse("communications:article_create"),
        {
            "title": "Áp phích",
            "channel": "qr_poster",
            "published_on": day,
            "place": "Bộ phận một cửa",
            "evidence": SimpleUploadedFile("anh.png", png),
        },
    )
    article = Article.objects.get()
    assert article.evidence_name == "anh.png" and article.link == ""
    assert client.get(reverse("communications:evidence", args=[article.pk])).status_code == 200
    client.force_login(make_user(Role.FOCAL_POINT, tree.other, username="khac"))
    assert client.get(reverse("communications:evidence", args=[article.pk])).status_code == 404


def test_an_event_in_the_future_is_refused(client, tree, plan, focal):
    _login(client, focal)
    later = (timezone.localdate() + timedelta(days=2)).strftime("%d/%m/%Y")
    data = {"kind": "training", "title": "Tập huấn DVC", "held_on": later, "attendance": "40"}
    assert "chưa đến" in client.post(reverse("communications:event_create"), data).content.decode()
    data["held_on"] = timezone.localdate().strftime("%d/%m/%Y")
    assert client.post(reverse("communications:event_create"), data).status_code == 302


def test_the_server_never_fetches_a_private_or_loopback_address(settings):
    from apps.communications.fetch import fetch_facts, fetch_many, public_address

    assert public_address("localhost", 80) is None
    assert fetch_facts("http://127.0.0.1:8000/admin/", timeout=1) is None
    assert fetch_facts("http://[::1]/", timeout=1) is None
    assert fetch_facts("http://169.254.169.254/latest/meta-data/", timeout=1) is None
    settings.CCHC_FETCH_LINKS = True
    settings.CCHC_FETCH_TIMEOUT_SECONDS = 1
    assert fetch_many(["http://10.0.0.1/x", "http://127.0.0.1/y"]) == {}


def test_huge_or_odd_ids_are_not_server_errors(client, tree, focal):
    huge = "99999999999999999999"
    client.force_login(focal)
    for url in (
        f"/tuyen-truyen/?agency={huge}",
        f"/tuyen-truyen/?agency={tree.own.pk}&plan={huge}&year=99999",
        "/tuyen-truyen/tin-bai/?agency=abc&month=13",
        f"/tuyen-truyen/tin-bai/{huge}/",
        f"/tuyen-truyen/ke-hoach/{huge}/chi-tieu/",
    ):
        assert client.get(url).status_code in (200, 404), url
    for url in (f"/api/v1/communications/check?agency={huge}", f"/api/v1/communications/articles/{huge}"):
        assert client.get(url).status_code in (404, 422), url
