"""The demo's PAR INDEX years, built through the services: a published 2025 ranking in Đắk Lắk, Sở Xây dựng's
2026 assessment appraised with adjustments and an explanation, and the other seed agencies partly self-scored."""

from __future__ import annotations

from django.core.management import call_command

from apps.par.choices import AssessmentStatus
from apps.par.models import Assessment, AssessmentRound


def test_the_demo_has_each_stage_of_the_year(db):
    call_command("demo", verbosity=0)
    published = AssessmentRound.objects.get(province__code="DLK", year=2025)
    assert published.published_at is not None
    assert set(published.assessments.values_list("status", flat=True)) == {AssessmentStatus.FINAL}
    sxd = Assessment.objects.get(round__year=2026, agency__code="DLK-SXD")
    assert sxd.status == AssessmentStatus.EXPLAINED
    assert set(sxd.scores.filter(verdict="adjusted").values_list("criterion__code", flat=True)) == {
        "3.4",
        "7.4",
    }
    assert sxd.scores.get(criterion__code="7.4").response.startswith("Đã kết nối với Cổng dịch vụ công")
    for code in ("LCU-SXD", "TP-DAISON"):
        partly = Assessment.objects.get(round__year=2026, agency__code=code)
        assert partly.status == AssessmentStatus.DRAFT
        entered = partly.scores.exclude(self_entry={}).count()
        assert 0 < entered < partly.scores.count()
    assert AssessmentRound.objects.get(province__code="TP").level == "xa"
    # a second run leaves everything as it was
    call_command("demo", verbosity=0)
    assert AssessmentRound.objects.count() == 4
