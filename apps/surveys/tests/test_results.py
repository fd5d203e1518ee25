"""Indices of a campaign from stored responses, the period's satisfaction rate, progress, breakdowns."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from apps.surveys import selectors, services
from apps.surveys.models import SurveyResponse

from .factories import CampaignFactory, answers, satisfaction_codes


def store(campaign, data, counter=None, unit_id=None, on=None, procedure=""):
    if procedure:
        data = {**data, "TT4": procedure}
    result = services.response_submit(
        campaign=campaign,
        counter=counter,
        channel="paper",
        key=uuid.uuid4().hex,
        data=data,
        unit_id=unit_id,
        enforce_required=False,
    )
    assert result.outcome == services.Outcome.ACCEPTED, result.errors
    if on is not None:
        SurveyResponse.objects.filter(pk=result.response.pk).update(submitted_on=on)
    return result.response


@pytest.fixture
def worked(survey):
    """Four responses: two fully satisfied, one dissatisfied with the first factor only, one that left TCDV1
    blank and had no opinion on TCDV2 (mean of parts: see the expectations below)."""
    campaign = survey.campaign
    codes = satisfaction_codes(campaign)
    store(campaign, answers(campaign, "5"), procedure="Cấp giấy phép xây dựng")
    store(campaign, answers(campaign, "4"), procedure="Cấp giấy phép xây dựng")
    store(campaign, {**answers(campaign, "5"), **{code: "2" for code in codes if code.startswith("TCDV")}})
    partial = answers(campaign, "3")
    del partial["TCDV1"]
    partial["TCDV2"] = "0"
    store(campaign, partial, procedure="Cấp chứng chỉ hành nghề")
    return campaign


def test_campaign_indices_from_stored_answers(worked):
    results = selectors.campaign_results(campaign=worked)
    by_code = {row.code: row.figure for row in results.rows}
    # TCDV1: answers 5, 4, 2 and one blank → 2/3; TCDV2: 5, 4, 2, không ý kiến → 2/3; TCDV3–5: 5, 4, 2, 3 → 2/4
    assert by_code["TCDV1"].percent == Decimal("66.67")
    assert by_code["TCDV1"].tally.unanswered == 1
    assert by_code["TCDV2"].tally.no_opinion == 1
    assert by_code["TCDV3"].percent == Decimal("50.00")
    # factor TCDV = mean(2/3, 2/3, 1/2, 1/2, 1/2) = 17/30; the other four factors: 3 of 4 satisfied = 75 %
    assert by_code["TCDV"].percent == Decimal("56.67")
    assert by_code["CC"].percent == Decimal("75.00")
    # aspect and overall = mean of the five factors = (17/30 + 4 × 3/4) / 5 = 71.33 %
    assert results.overall.percent == Decimal("71.33")
    assert results.overall.n == 4
    assert results.responses == 4
    # 1.96 · √(0.7133 · 0.2867 / 4) = 44.32 points, × √(996/999) for N = 1000 → 44.25
    assert results.overall.margin_percent == Decimal("44.25")


def test_breakdown_by_procedure_and_distribution(worked):
    rows = {row.label: row for row in selectors.campaign_breakdown(campaign=worked, by="procedure")}
    assert rows["Cấp giấy phép xây dựng"].responses == 2
    assert rows["Cấp giấy phép xây dựng"].figure.percent == Decimal("100.00")
    question = next(row for row in selectors.campaign_results(campaign=worked).rows if row.code == "CC1")
    assert [bar.count for bar in question.bars] == [2, 1, 1, 0, 0, 0, 0]


def test_one_procedure_filter(worked):
    results = selectors.campaign_results(campaign=worked, procedure="Cấp chứng chỉ hành nghề")
    assert results.responses == 1
    assert results.overall.percent == Decimal("0.00")


def test_progress_against_the_target_sample(survey):
    campaign = survey.campaign
    unit = survey.counter.unit
    campaign.unit_populations = {str(unit.pk): 400}
    campaign.save()
    store(campaign, answers(campaign), counter=survey.counter)
    progress = selectors.campaign_progress(campaign=campaign)
    assert progress.target == 286  # N = 1000, e = 5 %
    assert progress.responses == 1
    assert progress.units[0].target == 115  # 286 × 400 / 1000, rounded up
    assert progress.units[0].responses == 1


def test_satisfaction_rate_for_a_period(survey):
    campaign = survey.campaign
    today = timezone.localdate()
    store(campaign, answers(campaign, "5"), on=today)
    store(campaign, answers(campaign, "2"), on=today)
    store(campaign, answers(campaign, "5"), on=today - timedelta(days=400))
    measure = selectors.satisfaction_measure_for(campaign.agency, today - timedelta(days=30), today)
    assert measure.rate == Decimal("50.00")
    assert measure.sample_size == 2
    assert measure.margin == Decimal("69.30")
    assert selectors.satisfaction_rate_for(campaign.agency, today - timedelta(days=30), today) == Decimal(
        "50.00"
    )
    assert selectors.satisfaction_rate_for(campaign.agency, date(2000, 1, 1), date(2000, 3, 31)) is None


def test_satisfaction_rate_weights_campaigns_by_respondents(survey, tree):
    first = survey.campaign
    second = CampaignFactory(agency=tree.own, title="Đợt bổ sung")
    for _ in range(3):
        store(first, answers(first, "5"))
    store(second, answers(second, "1"))
    today = timezone.localdate()
    assert selectors.satisfaction_rate_for(tree.own, today - timedelta(days=1), today) == Decimal("75.00")


def test_trend_by_quarter(survey):
    campaign = survey.campaign
    store(campaign, answers(campaign, "5"), on=date(2026, 2, 1))
    store(campaign, answers(campaign, "1"), on=date(2026, 8, 1))
    points = selectors.agency_trend(agency=campaign.agency)
    assert [(point.label, point.percent) for point in points] == [
        ("Quý I/2026", Decimal("100.00")),
        ("Quý III/2026", Decimal("0.00")),
    ]


def test_dossiers_hook_counts_the_agencys_dossiers_of_the_period(survey):
    # The dossiers app is installed: an agency with no imported dossiers handled none in the quarter.
    assert selectors.dossiers_handled(survey.campaign.agency, date(2026, 1, 1), date(2026, 3, 31)) == 0


def test_other_agency_responses_never_mix(survey):
    store(survey.other_campaign, answers(survey.other_campaign, "1"))
    assert selectors.campaign_results(campaign=survey.campaign).responses == 0
