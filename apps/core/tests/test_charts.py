"""Charts are read at normal zoom: labels are page text, figures are written the Vietnamese way and also shown as
a table, and an empty chart says what is missing and where to fill it."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from apps.core.charts import Chart, Empty, Series, figure

EMPTY = Empty("Chưa có kỳ nhiệm vụ nào đến hạn.", "Nhập kế hoạch CCHC", "/ke-hoach/nhap/")


def test_figures_are_written_the_vietnamese_way():
    assert figure(74.83, "%") == "74,8%"
    assert figure(1109) == "1.109"
    assert figure(None, "%") == "—"


def test_stacked_bars_are_sized_against_the_longest_bar_and_keep_their_numbers():
    chart = Chart(
        title="Theo lĩnh vực",
        labels=("Cải cách thể chế", "Cải cách thủ tục hành chính"),
        series=(Series("Đúng hạn", (3, 20), "good"), Series("Trễ hạn", (1, 5), "warn")),
        empty=EMPTY,
    )
    first, second = chart.bars
    assert second.total == "25" and first.total == "4"
    assert [round(width) for _, _, width in first.segments] == [12, 4]
    assert [shown for _, shown, _ in second.segments] == ["20", "5"]


def test_the_chart_renders_labels_as_text_and_its_figures_as_a_table():
    chart = Chart(
        title="Tỷ lệ hoàn thành đúng hạn theo tháng",
        kind="line",
        unit="%",
        max_value=100,
        axis="Tháng",
        labels=("07/2026", "08/2026"),
        series=(Series("Đúng hạn", (66.7, 85.0), "good"),),
        empty=EMPTY,
    )
    html = render_to_string("core/_chart.html", {"chart": chart})
    assert '<text class="chart-x"' in html and ">07/2026</text>" in html
    assert "Xem số liệu dạng bảng" in html
    assert '<td class="num">66,7%</td>' in html
    assert 'points="' in html and "," in html.split('points="')[1].split('"')[0]


def test_an_empty_chart_says_what_is_missing_and_links_to_where_it_is_filled():
    chart = Chart(title="Theo lĩnh vực", labels=(), series=(), empty=EMPTY)
    html = render_to_string("core/_chart.html", {"chart": chart})
    assert "Chưa có kỳ nhiệm vụ nào đến hạn." in html
    assert '<a href="/ke-hoach/nhap/">Nhập kế hoạch CCHC</a>' in html
    assert "No data" not in html and "<svg" not in html


def test_the_dashboard_of_an_agency_without_a_plan_explains_its_empty_charts(client, tree, make_user):
    client.force_login(make_user("leader", tree.own))
    html = client.get(reverse("tasks:dashboard")).content.decode()
    assert "cơ quan chưa có kế hoạch CCHC" in html
    assert f'href="{reverse("plans:plan_upload")}"' in html
    assert "No data" not in html


def test_an_empty_province_ranking_says_why(client, tree, make_user):
    client.force_login(make_user("overseer", tree.sibling))
    html = client.get(reverse("tasks:province_view")).content.decode()
    assert "Tỷ lệ hoàn thành đúng hạn của các cơ quan" in html
    assert "Chưa cơ quan nào có kỳ nhiệm vụ đến hạn" in html


def test_a_line_chart_starts_at_its_first_figure_so_a_phone_opens_on_the_data():
    chart = Chart(
        title="Tỷ lệ hoàn thành đúng hạn theo tháng",
        kind="line",
        unit="%",
        max_value=100,
        labels=("01/2026", "02/2026", "03/2026"),
        series=(Series("Đúng hạn", (None, 50.0, 75.0), "good"),),
        empty=EMPTY,
    )
    assert [label for _, label in chart.line["labels"]] == ["02/2026", "03/2026"]
    assert [label for label, _, _ in chart.table] == ["01/2026", "02/2026", "03/2026"]


def test_the_province_service_ranking_is_drawn_with_a_link_to_each_scorecard(client, tree, make_user):
    client.force_login(make_user("overseer", tree.sibling))
    html = client.get(reverse("indicators:province")).content.decode()
    assert "Điểm ước tính theo Quyết định 766" in html
    assert f'href="{reverse("dossiers:dossier_import")}"' in html
