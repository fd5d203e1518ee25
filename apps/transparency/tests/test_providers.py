"""The SIPAS and PAR INDEX figures: only what the agency or the province has already made public."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.par.models import Assessment, AssessmentRound
from apps.scoring.demo import sample_data
from apps.scoring.services import criteria_set_load
from apps.surveys.tests.factories import CampaignFactory
from apps.transparency.services import publication_set


def _page(agency) -> str:
    return Client().get(reverse("transparency:agency", args=[agency.code])).content.decode()


def test_sipas_figure_comes_from_the_latest_published_campaign_only(tree, make_user):
    focal = make_user(Role.FOCAL_POINT, tree.own)
    today = timezone.localdate()
    CampaignFactory(agency=tree.own, title="Đợt chưa công khai", period_start=today - timedelta(days=3))
    publication_set(user=focal, agency=tree.own, keys=["sipas.latest", "dossiers.on_time"])
    assert "Chỉ số hài lòng chung" not in _page(tree.own)

    CampaignFactory(
        agency=tree.own,
        is_published=True,
        published_at=timezone.now(),
        period_start=today.replace(day=1),
        period_end=today.replace(day=1) + timedelta(days=40),
    )
    publication_set(user=focal, agency=tree.own, keys=["sipas.latest"])  # a change clears the cache
    text = _page(tree.own)
    assert "Chỉ số hài lòng chung" in text
    assert f"Từ {today.replace(day=1):%d/%m/%Y}" in text
    assert "Đợt chưa công khai" not in text


def test_par_figure_waits_for_the_province_to_publish(tree, make_user):
    focal = make_user(Role.FOCAL_POINT, tree.own)
    criteria_set = criteria_set_load(
        data={**sample_data("so.json"), "name": "Chỉ số CCHC tỉnh Một", "decision_number": "1/QĐ-UBND"},
        agency=tree.province,
    )
    day = timezone.localdate()
    round_ = AssessmentRound.objects.create(
        province=tree.province,
        criteria_set=criteria_set,
        year=2025,
        level="so",
        self_deadline=day,
        appraisal_deadline=day,
        explanation_deadline=day,
        final_deadline=day,
        groups=[{"label": "A", "min": "90"}, {"label": "B", "min": "0"}],
    )
    Assessment.objects.create(round=round_, agency=tree.own, status="final", index_percent=Decimal("91.25"))
    Assessment.objects.create(
        round=round_, agency=tree.sibling, status="final", index_percent=Decimal("95.5")
    )
    publication_set(user=focal, agency=tree.own, keys=["par.latest", "dossiers.on_time"])
    assert "Chỉ số CCHC" not in _page(tree.own).split("</header>")[1]

    round_.published_at = timezone.now()
    round_.save()
    publication_set(user=focal, agency=tree.own, keys=["par.latest"])
    text = _page(tree.own)
    assert "91,25%" in text
    assert "Xếp hạng 2/2, nhóm A" in text
    assert "Kỳ: Năm 2025" in text
