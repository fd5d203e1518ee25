"""Criteria 1.1 and 1.3 of the samples computed from the agency's own registers: the annual CCHC plan against the
province's deadline (a parameter of the indicator, chưa đối chiếu), the periodic reports against their schedule.
Each figure is the one the indicator scorecard shows for the same agency and year."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from apps.indicators.models import Indicator
from apps.indicators.scorecard import agency_values
from apps.par.models import Assessment, Score
from apps.par.services import round_open
from apps.plans.choices import PlanType
from apps.plans.models import Plan
from apps.reports.choices import ReportStatus
from apps.reports.models import Report
from apps.reports.selectors import SENT_ON_TIME, report_calendar, report_period_of
from apps.scoring.computed import computed_scores
from apps.scoring.services import criteria_set_put_in_force
from domain.periods import parse_period
from domain.scoring.entries import Entry, entry_input
from domain.scoring.rule_dicts import rule_from_dict

ON = date(2026, 12, 16)
PLAN, REPORTS = "plan_issued_on_time", "report_on_time_rate"


@pytest.fixture
def on_day():
    with time_machine.travel(ON, tick=False):
        yield ON


def _scores(criteria_set, agency):
    return {
        item.criterion.code: item
        for item in computed_scores(criteria_set=criteria_set, agency=agency, year=criteria_set.year)
    }


def _shown(agency, code):
    return agency_values(agency=agency, period=parse_period("2026")).values[code]


def _page(client, user, agency) -> str:
    client.force_login(user)
    return client.get(f"/chi-so/?agency={agency.pk}&period=2026").content.decode()


def _plan(agency, issued_on, plan_type=PlanType.ANNUAL_REFORM, year=2026) -> Plan:
    return Plan.objects.create(
        agency=agency,
        number="13",
        symbol="KH-SXD",
        issued_on=issued_on,
        title=f"Cải cách hành chính năm {year}",
        plan_type=plan_type,
        period_start=date(year, 1, 1),
        period_end=date(year, 12, 31),
    )


def _sent(agency, report_type, period_code, sent_on) -> Report:
    due = report_period_of(agency=agency, report_type=report_type, period_code=period_code)
    return Report.objects.create(
        agency=agency,
        report_type=report_type,
        period_code=period_code,
        status=ReportStatus.SENT,
        window_start=due.window_start,
        window_end=due.window_end,
        deadline=due.deadline,
        subject="Kết quả thực hiện công tác cải cách hành chính",
        sent_on=sent_on,
    )


def _reads_back(item) -> None:
    """The entry the self-assessment is pre-filled with gives the same points under the criterion's rule."""
    rule = rule_from_dict(item.criterion.rule)
    typed = rule.score(entry_input(Entry(value=item.entry), rule), item.criterion.max_points)
    assert typed.points == item.result.points


# -- 1.1 Ban hành kế hoạch CCHC năm ---------------------------------------------------------------------------


def test_a_plan_issued_on_time_earns_the_points_with_the_figure_the_scorecard_shows(
    client, tree, make_user, p1_set, on_day
):
    _plan(tree.own, date(2026, 1, 8))
    item = _scores(p1_set, tree.own)["1.1"]
    shown = _shown(tree.own, PLAN)
    assert item.figure == shown
    assert (shown.value, shown.timeliness) == (Decimal(0), "on_time")
    assert item.result is not None and item.result.points == Decimal(1) and item.entry == "on_time"
    # the explanation says which plan, its date and the deadline, marked as not yet checked
    assert item.result.explanation == (
        "Kế hoạch 13/KH-SXD ngày 08/01/2026; hạn ban hành 31/01/2026 (chưa đối chiếu) → Kịp thời → 1/1 điểm"
    )
    _reads_back(item)
    page = _page(client, make_user("focal_point", tree.own), tree.own)
    assert "Kế hoạch CCHC năm ban hành đúng hạn" in page
    assert "0 ngày trễ hạn" in page and shown.provenance in page


def test_a_late_plan_gets_the_late_points(client, tree, make_user, p1_set, on_day):
    _plan(tree.own, date(2026, 2, 9))
    item = _scores(p1_set, tree.own)["1.1"]
    assert item.figure == _shown(tree.own, PLAN)
    assert (item.figure.value, item.figure.timeliness) == (Decimal(9), "late")
    assert item.result is not None and item.result.points == Decimal("0.5") and item.entry == "late"
    assert (
        "ngày 09/02/2026" in item.result.explanation
        and "Không kịp thời → 0,5/1 điểm" in item.result.explanation
    )
    _reads_back(item)
    assert "9 ngày trễ hạn" in _page(client, make_user("focal_point", tree.own), tree.own)


def test_no_annual_plan_is_missing_and_other_agencies_plans_do_not_count(tree, p1_set, on_day):
    # the agency keeps its plans here, but not this year's CCHC plan
    _plan(tree.own, date(2026, 1, 5), plan_type=PlanType.COMMUNICATION)
    _plan(tree.own, date(2025, 1, 10), year=2025)
    # the other Sở's and the centre under the agency's plans are theirs
    _plan(tree.sibling, date(2026, 1, 8))
    _plan(tree.child, date(2026, 1, 8))
    item = _scores(p1_set, tree.own)["1.1"]
    assert item.figure == _shown(tree.own, PLAN)
    assert (item.figure.value, item.figure.timeliness) == (None, "missing")
    assert item.result is not None and item.result.points == Decimal(0) and item.entry == "missing"
    assert "chưa có Kế hoạch CCHC năm 2026" in item.result.explanation
    assert "Không ban hành → 0/1 điểm" in item.result.explanation
    _reads_back(item)
    assert _scores(p1_set, tree.sibling)["1.1"].entry == "on_time"


def test_an_agency_that_keeps_no_plans_here_gets_no_figure(tree, p1_set, on_day):
    item = _scores(p1_set, tree.own)["1.1"]
    assert item.result is None and "Sổ kế hoạch chưa có kế hoạch nào" in item.problem


def test_before_the_deadline_a_plan_not_yet_issued_is_not_scored(tree, p1_set):
    _plan(tree.own, date(2025, 1, 10), year=2025)
    with time_machine.travel(date(2026, 1, 20), tick=False):
        item = _scores(p1_set, tree.own)["1.1"]
    assert item.result is None and "chưa đến hạn" in item.problem


def test_the_deadline_is_the_catalogues_parameter(tree, p1_set, on_day):
    _plan(tree.own, date(2026, 1, 8))
    indicator = Indicator.objects.get(code=PLAN)
    assert (indicator.parameter, indicator.parameter_unverified) == ("31/01", True)
    indicator.parameter, indicator.parameter_unverified = "15/12 năm trước", False
    indicator.full_clean()
    indicator.save()
    item = _scores(p1_set, tree.own)["1.1"]
    assert item.result is not None and item.result.points == Decimal("0.5")
    assert "hạn ban hành 15/12/2025 →" in item.result.explanation  # checked: no longer "chưa đối chiếu"
    indicator.parameter = "31/13"
    with pytest.raises(ValidationError, match="không phải một ngày có thật"):
        indicator.full_clean()


# -- 1.3 Thực hiện chế độ báo cáo CCHC định kỳ ----------------------------------------------------------------


def test_every_report_sent_on_time_is_yes(client, tree, make_user, p1_set, on_day):
    _sent(tree.own, "quarterly", "2026-Q1", date(2026, 3, 18))
    _sent(tree.own, "half_year", "2026-H1", date(2026, 6, 20))
    _sent(tree.own, "quarterly", "2026-Q3", date(2026, 9, 15))
    item = _scores(p1_set, tree.own)["1.3"]
    shown = _shown(tree.own, REPORTS)
    assert item.figure == shown
    # the annual report is due on 20/12: not counted on 16/12 while unsent
    assert (shown.numerator, shown.denominator, shown.value) == (3, 3, Decimal(100))
    on_time = [item for item in report_calendar(agency=tree.own, year=2026) if item.state == SENT_ON_TIME]
    assert len(on_time) == shown.numerator  # the report calendar says the same
    assert item.result is not None and item.result.points == Decimal(1) and item.entry == "có"
    assert item.result.explanation.startswith("Tỷ lệ 100% (“Gửi đủ, đúng hạn mọi báo cáo” chỉ khi đạt 100%)")
    _reads_back(item)
    page = _page(client, make_user("focal_point", tree.own), tree.own)
    assert "Tỷ lệ báo cáo CCHC định kỳ gửi đúng hạn" in page and "(3/3)" in page


def test_one_late_report_is_no(client, tree, make_user, p1_set, on_day):
    _sent(tree.own, "quarterly", "2026-Q1", date(2026, 3, 18))
    _sent(tree.own, "half_year", "2026-H1", date(2026, 6, 20))
    _sent(tree.own, "quarterly", "2026-Q3", date(2026, 9, 25))
    # the other Sở sent everything on time: not the agency's
    for kind, code, sent_on in (
        ("quarterly", "2026-Q3", date(2026, 9, 15)),
        ("annual", "2026", date(2026, 12, 1)),
    ):
        _sent(tree.sibling, kind, code, sent_on)
    item = _scores(p1_set, tree.own)["1.3"]
    assert item.figure == _shown(tree.own, REPORTS)
    assert (item.figure.numerator, item.figure.denominator) == (2, 3)
    assert item.result is not None and item.result.points == Decimal(0) and item.entry == "không"
    assert "Tỷ lệ 66,67%" in item.result.explanation
    assert "Thiếu hoặc chậm báo cáo → 0/1 điểm" in item.result.explanation
    _reads_back(item)
    assert "(2/3)" in _page(client, make_user("focal_point", tree.own), tree.own)


def test_a_report_never_sent_counts_as_not_on_time(tree, p1_set, on_day):
    _sent(tree.own, "quarterly", "2026-Q1", date(2026, 3, 18))
    item = _scores(p1_set, tree.own)["1.3"]
    assert (item.figure.numerator, item.figure.denominator) == (1, 3)  # 6 tháng and quý III overdue, unsent
    assert item.result is not None and item.result.points == Decimal(0)


def test_an_agency_that_never_reported_here_gets_no_figure(tree, p1_set, on_day):
    item = _scores(p1_set, tree.own)["1.3"]
    assert item.result is None and "Sổ báo cáo chưa có báo cáo nào" in item.problem


# -- the assessment ---------------------------------------------------------------------------------------------


def test_opening_the_year_prefills_both_as_self_scores_the_form_reads(tree, make_user, p1_set, on_day):
    _plan(tree.own, date(2026, 2, 9))
    _sent(tree.own, "quarterly", "2026-Q1", date(2026, 3, 18))
    _sent(tree.own, "half_year", "2026-H1", date(2026, 6, 20))
    _sent(tree.own, "quarterly", "2026-Q3", date(2026, 9, 15))
    in_force = criteria_set_put_in_force(criteria_set=p1_set)
    round_ = round_open(
        user=make_user("overseer", tree.sibling),
        criteria_set=in_force,
        self_deadline=ON + timedelta(days=10),
        appraisal_deadline=ON + timedelta(days=20),
        explanation_deadline=ON + timedelta(days=30),
        final_deadline=ON + timedelta(days=40),
    )
    assessment = Assessment.objects.get(round=round_, agency=tree.own)
    plan = Score.objects.get(assessment=assessment, criterion__code="1.1")
    reports = Score.objects.get(assessment=assessment, criterion__code="1.3")
    assert (plan.computed_value, plan.self_entry) == ("late", {"value": "late"})
    assert plan.computed_points == plan.self_points == Decimal("0.5")
    assert "13/KH-SXD ngày 09/02/2026" in plan.computed_note
    assert (reports.computed_value, reports.self_entry) == ("có", {"value": "có"})
    assert reports.computed_points == reports.self_points == Decimal(1)
    assert "(3/3; Tính từ lịch báo cáo" in reports.computed_note
    assert plan.computed_link == f"/chi-so/?agency={tree.own.pk}&period=2026"
