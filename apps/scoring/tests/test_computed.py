"""Criteria computed from the agency's own data: the figure is the one the indicator pages show, scored by the
criterion's rule; `cchc par score` prints them."""

from __future__ import annotations

import io
import json
from datetime import date
from decimal import Decimal

from django.core.management import call_command

from apps.indicators.scorecard import agency_values
from apps.reports.tests.factories import build_year
from apps.scoring.computed import computed_scores
from domain.periods import parse_period

ON = date(2026, 12, 16)


def test_the_plan_completion_criterion_is_scored_on_the_task_figure_the_indicators_show(
    tree, p1_set, settings
):
    build_year(tree.own)
    scores = {
        item.criterion.code: item
        for item in computed_scores(criteria_set=p1_set, agency=tree.own, year=2026, today=ON)
    }
    item = scores["1.2"]
    shown = agency_values(agency=tree.own, period=parse_period("2026"), today=ON).values[
        "task_completion_rate"
    ]
    assert item.figure == shown
    # build_year: 15 periods due in 2026 by 16/12 (T1, T2, T3, T5 January–November, T6); on time: T1 and the
    # eleven months of T5
    assert (shown.numerator, shown.denominator) == (12, 15)
    assert item.result is not None
    assert item.result.points == Decimal(1)  # 80% falls in "từ 70% đến 90%: 1 điểm"
    assert "80" in item.result.explanation


def test_an_agency_without_tasks_gets_no_points_and_the_reason(tree, p1_set):
    scores = computed_scores(criteria_set=p1_set, agency=tree.sibling, year=2026, today=ON)
    (item,) = [score for score in scores if score.criterion.code == "1.2"]
    assert item.result is None and "Chưa có số liệu" in item.problem


def test_par_score_prints_the_computed_points_of_the_agencys_set(tree, p1_set, sample_so):
    build_year(tree.own)
    out = io.StringIO()
    call_command("par", "score", "--agency", tree.own.code, "--year", "2026", "--json", stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["agency"] == tree.own.code and printed["set"] == p1_set.pk
    by_code = {row["code"]: row for row in printed["criteria"]}
    assert by_code["1.2"]["source"] == "task_completion_rate"
    assert by_code["1.2"]["computed"] is not None
    assert by_code["2"]["computed"] is None and by_code["2"]["self"] is None
    assert set(printed["total"]) == {"self", "appraised", "survey", "index_percent"}


def test_the_set_page_shows_the_readers_computed_points_and_never_another_agencys(
    client, tree, make_user, p1_set
):
    build_year(tree.own)
    client.force_login(make_user("focal_point", tree.own))
    page = client.get(f"/chi-so-cchc/bo-tieu-chi/{p1_set.pk}/?agency={tree.own.pk}").content.decode()
    assert "Điểm tính từ dữ liệu" in page and "Tỷ lệ nhiệm vụ của kế hoạch hoàn thành đúng hạn" in page
    assert "(12/15)" in page and "1/2" in page
    assert client.get(f"/chi-so-cchc/bo-tieu-chi/{p1_set.pk}/?agency={tree.other.pk}").status_code == 404


def test_an_unknown_source_is_refused_and_a_catalogue_source_is_saved(client, tree, make_user, p1_set):
    from apps.scoring.models import Criterion

    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")
    before = criterion.source
    client.force_login(make_user("overseer", tree.sibling))
    url = f"/chi-so-cchc/tieu-chi/{criterion.pk}/sua/"
    form = {
        "version": criterion.version,
        "title": criterion.title,
        "max_points": "1",
        "method": "computed",
        "rule": "",
        "source": "khong_co",
    }
    assert client.post(url, form).status_code == 200
    criterion.refresh_from_db()
    assert criterion.source == before
    assert client.post(url, {**form, "source": "feedback_on_time_rate"}).status_code == 302
    criterion.refresh_from_db()
    assert criterion.source == "feedback_on_time_rate"
