"""The demo's inspections of Sở Xây dựng Lai Châu: findings in every state, built once."""

from __future__ import annotations

from datetime import date

from apps.core.demo import build_demo
from apps.inspections import selectors
from apps.inspections.demo import build_inspection_demo
from apps.inspections.models import Inspection, InspectionPlan
from domain import inspections as rules_of


def test_the_demo_has_findings_open_overdue_and_closed(db):
    build_demo()
    lines = build_inspection_demo(today=date(2026, 12, 7))
    assert len(lines) == 1 and "năm 2026" in lines[0]
    plan = InspectionPlan.objects.get(agency__code="LCU-SXD", year=2026)
    states = {
        row.state
        for inspection in Inspection.objects.filter(plan=plan)
        for row in selectors.finding_rows(inspection, date(2026, 12, 7))
    }
    assert states == {rules_of.CLOSED, rules_of.OVERDUE, rules_of.OPEN}
    summary = selectors.plan_summary(plan, date(2026, 12, 7))
    assert summary.planned.met and summary.inspected.met
    assert build_inspection_demo(today=date(2026, 12, 7)) == []
