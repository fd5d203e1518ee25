"""The awards demo of Sở Xây dựng Đắk Lắk: past awards from the paper register, a nomination refused by the check,
two decisions issued with prizes, built once."""

from __future__ import annotations

from apps.core.demo import build_demo
from apps.rewards.choices import DecisionStatus
from apps.rewards.demo_awards import build_awards_demo
from apps.rewards.models import Award, Nomination, RewardDecision


def test_the_demo_decides_what_the_council_passed_and_keeps_the_history(db):
    build_demo()

    lines = list(build_awards_demo())

    assert len(lines) == 1 and "không đủ điều kiện" in lines[0]
    decisions = RewardDecision.objects.filter(agency__code="DLK-SXD")
    assert {d.status for d in decisions} == {DecisionStatus.ISSUED} and decisions.count() == 2
    forms = set(Award.objects.filter(decision__in=decisions).values_list("form", flat=True))
    assert {"lao_dong_tien_tien", "tap_the_lao_dong_tien_tien", "giay_khen"} <= forms
    assert Award.objects.filter(decision__isnull=True, year__range=(2023, 2025)).count() >= 5
    assert Nomination.objects.filter(eligible=False, status="checked").count() == 1
    assert list(build_awards_demo()) == []
