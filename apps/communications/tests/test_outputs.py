"""What the register feeds: the daily reminder, the command line, the API's monthly check, the catalogue's
indicators and the demo."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import time_machine
from django.core.management import call_command

from apps.communications.demo import build_communication_demo
from apps.communications.models import Article, ChannelTarget
from apps.communications.reminders import communication_reminders_run
from apps.communications.services import ArticleInput, article_create
from apps.notifications.models import Notification


def test_the_focal_point_is_reminded_once_a_day_in_the_last_week_of_a_month_without_an_article(
    tree, plan, focal
):
    assert communication_reminders_run(on=date(2026, 7, 20)).messages == 0  # not the last week yet
    first = communication_reminders_run(on=date(2026, 7, 27))
    assert first.messages == 1
    assert communication_reminders_run(on=date(2026, 7, 27)).messages == 0  # not repeated the same day
    note = Notification.objects.get(user=focal)
    assert "còn 4 ngày" in note.title and "Trang thông tin điện tử: 0/1" in note.body
    with time_machine.travel(date(2026, 7, 28)):
        article_create(
            user=focal,
            agency=tree.own,
            item=ArticleInput("Tin tháng 7", "website", date(2026, 7, 28), "https://sxd.vn/t7"),
        )
    assert communication_reminders_run(on=date(2026, 7, 29)).messages == 0


def test_the_command_prints_each_month_and_channel_with_count_target_and_status(tree, plan, focal):
    with time_machine.travel(date(2026, 4, 10)):
        article_create(
            user=focal,
            agency=tree.own,
            item=ArticleInput("Tin", "website", date(2026, 2, 28), "https://sxd.vn/2"),
        )
        out = StringIO()
        call_command(
            "communications", "check", "--agency", tree.own.code, "--year", "2026", "--json", stdout=out
        )
    payload = json.loads(out.getvalue())
    by_month = {cell["month"]: cell for cell in payload["cells"] if cell["channel"] == "website"}
    assert (by_month[2]["count"], by_month[2]["target"], by_month[2]["status"]) == (1, 1, "met")
    assert by_month[3]["status"] == "missed"
    assert by_month[4]["status"] == "open" and by_month[4]["days_left"] == 20
    assert by_month[5]["status"] == "upcoming"


def test_the_api_check_and_indicators(client, tree, plan, focal):
    client.force_login(focal)
    with time_machine.travel(date(2026, 4, 10)):
        response = client.post(
            f"/api/v1/communications/articles?agency={tree.own.pk}",
            {
                "title": "Tin",
                "channel": "website",
                "published_on": "2026-02-10",
                "link": "https://sxd.vn/a",
                "area": "Cải cách thể chế",
            },
            content_type="application/json",
        )
        assert response.status_code == 201
        again = client.post(
            f"/api/v1/communications/articles?agency={tree.own.pk}",
            {"title": "Tin", "channel": "website", "published_on": "2026-02-11", "link": "https://sxd.vn/a"},
            content_type="application/json",
        )
        assert again.status_code == 422 and "đã được ghi sổ" in again.json()["detail"]["link"][0]
        check = client.get(f"/api/v1/communications/check?agency={tree.own.pk}&year=2026").json()
        assert check["months_met"] == 1 and check["months_checked"] == 3
        figures = {
            item["code"]: item
            for item in client.get(
                f"/api/v1/communications/indicators?agency={tree.own.pk}&period=2026-Q1"
            ).json()
        }
    assert figures["article_count"]["value"] == "1"
    assert (
        figures["communication_month_rate"]["numerator"],
        figures["communication_month_rate"]["denominator"],
    ) == (1, 3)
    assert (
        figures["communication_area_coverage"]["numerator"],
        figures["communication_area_coverage"]["denominator"],
    ) == (1, 7)


def test_the_catalogue_computes_article_count_from_the_register(tree, plan, focal):
    from apps.indicators.scorecard import agency_values
    from domain.periods import parse_period

    with time_machine.travel(date(2026, 4, 10)):
        article_create(
            user=focal,
            agency=tree.own,
            item=ArticleInput("Tin", "website", date(2026, 1, 5), "https://sxd.vn/1"),
        )
        values = agency_values(agency=tree.own, period=parse_period("2026-Q1"))
    assert values.values["article_count"].value == 1
    assert values.values["communication_area_coverage"].denominator == 7


def test_the_demo_leaves_some_months_without_a_website_article(tree, plan):
    tree.own.code = "DLK-SXD"
    tree.own.save()
    lines = build_communication_demo(today=date(2026, 12, 7))
    assert "tháng 3, 8 không có tin" in lines[0]
    assert ChannelTarget.objects.get(plan=plan).per_month == 1
    website = Article.objects.filter(channel="website")
    assert sorted({a.published_on.month for a in website}) == [1, 2, 4, 5, 6, 7, 9, 10, 11]
    assert build_communication_demo(today=date(2026, 12, 7)) == ["Đã có sổ tin, bài tuyên truyền mẫu."]


def test_the_communication_report_and_the_periodic_reports_count_the_articles(tree, plan, focal):
    from io import BytesIO

    from docx import Document

    from apps.reports.export import report_content, report_docx
    from apps.reports.services import report_build
    from domain.report_periods import COMMUNICATION, HALF_YEAR

    with time_machine.travel(date(2026, 7, 20)):
        for day, channel, link in (
            (date(2026, 5, 8), "website", "https://sxd.vn/5"),
            (date(2026, 6, 3), "zalo_oa", "https://zalo.me/6"),
        ):
            article_create(
                user=focal, agency=tree.own, item=ArticleInput("Tin", channel, day, link, "Cải cách thể chế")
            )
        for kind, period in ((COMMUNICATION, "2026"), (HALF_YEAR, "2026-H1")):
            report = report_build(agency=tree.own, report_type=kind, period_code=period)
            content = report_content(report)
            assert "đã đăng 2 tin, bài tuyên truyền CCHC" in content.communications_note
            assert "Trang thông tin điện tử: 1" in content.communications_note
            text = "\n".join(p.text for p in Document(BytesIO(report_docx(report, content).data)).paragraphs)
            assert "Thông tin, tuyên truyền cải cách hành chính" in text


def test_the_public_portal_shows_the_articles_and_the_months_meeting_the_target(tree, plan, focal, client):
    from django.core.cache import cache

    from apps.transparency.services import publication_set

    cache.clear()
    with time_machine.travel(date(2026, 4, 10)):
        for day, link in ((date(2026, 1, 5), "https://sxd.vn/1"), (date(2026, 2, 27), "https://sxd.vn/2")):
            article_create(user=focal, agency=tree.own, item=ArticleInput("Tin", "website", day, link))
        publication_set(
            user=focal, agency=tree.own, keys=["communications.articles", "communications.months"]
        )
        page = client.get(f"/cong-khai/{tree.own.code}/").content.decode()
    cache.clear()
    assert "Tin, bài tuyên truyền CCHC đã đăng" in page and "2 tin, bài" in page
    # January and February met the plan's "1 a month on the website", March did not: 2 of 3 months
    assert "Tháng đạt chỉ tiêu tin, bài" in page and "66,67%" in page and "2/3" in page
    assert "daumoi" not in page
