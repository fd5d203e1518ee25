"""Inspections through the services and pages: the share of units against the target, a unit of another
agency refused, remediation tasks followed until accepted (and going overdue), documents, and scoping."""

from __future__ import annotations

from datetime import date, datetime
from io import BytesIO
from typing import Any
from zoneinfo import ZoneInfo

import docx
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from apps.accounts.choices import Role
from apps.inspections import selectors, services
from apps.inspections.models import Inspection
from apps.organizations.models import Person, Unit
from apps.organizations.tests.factories import UnitFactory
from apps.tasks.services.progress import occurrence_accept, progress_submit
from domain import inspections as rules_of

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date) -> Any:
    return time_machine.travel(datetime(day.year, day.month, day.day, 9, tzinfo=VN), tick=False)


@pytest.fixture
def setup(tree: Any, make_user: Any) -> dict[str, Any]:
    units = [Unit.objects.get(agency=tree.own, code="VP")]
    for index in range(1, 9):
        units.append(UnitFactory(agency=tree.own, code=f"P{index}", name=f"Phòng số {index}"))
    staff_person = Person.objects.create(agency=tree.own, unit=units[1], full_name="Nguyễn Văn Khắc")
    staff = make_user(Role.STAFF, tree.own, username="khac")
    staff.person = staff_person
    staff.save()
    return {
        "focal": make_user(Role.FOCAL_POINT, tree.own, username="daumoi"),
        "leader": make_user(Role.LEADER, tree.own, username="lanhdao"),
        "other_focal": make_user(Role.FOCAL_POINT, tree.other, username="daumoi.khac"),
        "staff": staff,
        "person": staff_person,
        "units": units,
    }


def _plan(tree: Any, setup: dict[str, Any]) -> Any:
    return services.plan_create(user=setup["focal"], agency=tree.own, year=2026)


def _inspection(plan: Any, setup: dict[str, Any], target: str, **kwargs: Any) -> Inspection:
    return services.inspection_create(
        user=setup["focal"],
        plan=plan,
        target=target,
        scheduled_on=kwargs.pop("scheduled_on", date(2026, 3, 10)),
        areas=kwargs.pop("areas", ["procedures", "digital_government"]),
        **kwargs,
    )


def test_the_share_of_units_planned_and_inspected_against_twenty_percent(tree, setup):
    # Nine units of the Sở and one agency below it: ten in scope; 20% is two.
    plan = _plan(tree, setup)
    first = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    _inspection(plan, setup, f"agency:{tree.child.pk}", mode=rules_of.DIGITAL)
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"],
            inspection=first,
            held_on=date(2026, 3, 11),
            mode=rules_of.DIGITAL,
            results={},
        )
        summary = selectors.plan_summary(plan)
    assert summary.targets_total == 10
    assert (summary.planned.part, summary.planned.percent, summary.planned.met) == (2, 20, True)
    assert (summary.inspected.part, summary.inspected.met, summary.inspected.needed) == (1, False, 1)
    assert summary.digital.percent == 100


def test_a_unit_of_another_agency_is_refused_and_nothing_is_saved(tree, setup):
    plan = _plan(tree, setup)
    stranger = Unit.objects.get(agency=tree.other, code="VP")
    sibling = Unit.objects.get(agency=tree.sibling, code="VP")
    for target in (f"unit:{stranger.pk}", f"unit:{sibling.pk}", f"agency:{tree.sibling.pk}"):
        with pytest.raises(ValidationError) as refusal:
            _inspection(plan, setup, target)
        assert "Chỉ được kiểm tra đơn vị của Sở Xây dựng tỉnh Một" in str(refusal.value)
    assert Inspection.objects.count() == 0


def test_a_remediation_without_a_lead_or_a_deadline_is_refused(tree, setup):
    plan = _plan(tree, setup)
    inspection = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"], inspection=inspection, held_on=date(2026, 3, 11), mode="on_site", results={}
        )
        finding = services.finding_add(user=setup["focal"], inspection=inspection, text="Chưa niêm yết TTHC")
        with pytest.raises(ValidationError) as refusal:
            services.remediation_add(
                user=setup["focal"],
                finding=finding,
                title="Niêm yết",
                lead_unit=None,
                accountable=None,
                due_on=None,
            )
    assert "Yêu cầu khắc phục phải có đơn vị chủ trì." in str(refusal.value)
    assert "Yêu cầu khắc phục phải có thời hạn." in str(refusal.value)
    assert finding.remediations.count() == 0


def test_remediation_goes_overdue_then_closes_when_accepted(tree, setup):
    plan = _plan(tree, setup)
    unit = setup["units"][1]
    inspection = _inspection(plan, setup, f"unit:{unit.pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"], inspection=inspection, held_on=date(2026, 3, 11), mode="on_site", results={}
        )
        finding = services.finding_add(user=setup["focal"], inspection=inspection, text="Chưa số hóa hồ sơ")
        remediation = services.remediation_add(
            user=setup["focal"],
            finding=finding,
            title="Số hóa hồ sơ TTHC còn tồn",
            lead_unit=unit,
            accountable=setup["person"],
            due_on=date(2026, 4, 30),
        )
        [row] = selectors.finding_rows(inspection)
        assert row.state == rules_of.OPEN
    task = remediation.task
    assert task.plan.title == "Kế hoạch khắc phục sau kiểm tra công tác cải cách hành chính năm 2026"
    assert task.agency == tree.own and list(task.lead_units.all()) == [unit]
    with at(date(2026, 5, 2)):
        [row] = selectors.finding_rows(inspection)
        assert (row.state, row.label) == (rules_of.OVERDUE, "Quá hạn khắc phục")
        occurrence = task.occurrences.get()
        progress_submit(occurrence=occurrence, user=setup["staff"], percent=100, complete=True)
        occurrence_accept(occurrence=occurrence, user=setup["leader"])
        [row] = selectors.finding_rows(inspection)
        assert (row.state, row.remediations[0].label) == (rules_of.CLOSED, "Hoàn thành trễ hạn")
        summary = selectors.plan_summary(plan)
    assert (summary.remediation.on_time, summary.remediation.counted) == (0, 1)


def test_another_agency_cannot_see_or_change_an_inspection(tree, setup, client):
    plan = _plan(tree, setup)
    inspection = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    client.force_login(setup["other_focal"])
    for name in ("inspections:inspection", "inspections:record_docx", "inspections:notice_docx"):
        assert client.get(reverse(name, args=[inspection.pk])).status_code == 404
    assert client.get(reverse("inspections:plan", args=[plan.pk])).status_code == 404
    response = client.post(reverse("inspections:finding_add", args=[inspection.pk]), {"text": "x"})
    assert response.status_code == 404
    assert inspection.findings.count() == 0
    assert "Sở Xây dựng tỉnh Một" not in client.get(reverse("inspections:home")).content.decode()


def test_the_pages_plan_record_and_print_an_inspection(tree, setup, client):
    client.force_login(setup["focal"])
    session = client.session
    session["agency_id"] = tree.own.pk
    session.save()
    plan = _plan(tree, setup)
    unit = setup["units"][2]
    response = client.post(
        reverse("inspections:inspection_create", args=[plan.pk]),
        {
            "target": f"unit:{unit.pk}",
            "scheduled_on": "10/03/2026",
            "mode": "on_site",
            "areas": ["procedures"],
        },
    )
    inspection = Inspection.objects.get()
    assert response.status_code == 302
    item = inspection.checklist.get()
    assert item.text == "Cải cách thủ tục hành chính"
    with at(date(2026, 3, 12)):
        response = client.post(
            reverse("inspections:inspection_record", args=[inspection.pk]),
            {"held_on": "11/03/2026", "mode": "digital", f"result_{item.pk}": "fail", f"note_{item.pk}": ""},
        )
        assert response.status_code == 400
        assert "chưa đạt: hãy ghi rõ lý do" in response.content.decode()
        client.post(
            reverse("inspections:inspection_record", args=[inspection.pk]),
            {
                "held_on": "11/03/2026",
                "mode": "digital",
                f"result_{item.pk}": "fail",
                f"note_{item.pk}": "Còn 3 thủ tục chưa công khai",
                "team": "Lê Công Du, Phó Giám đốc Sở — Trưởng đoàn",
            },
        )
        client.post(reverse("inspections:finding_add", args=[inspection.pk]), {"text": "Chưa công khai TTHC"})
        finding = inspection.findings.get()
        prefix = f"f{finding.pk}"
        client.post(
            reverse("inspections:remediation_add", args=[finding.pk]),
            {
                f"{prefix}-title": "Công khai đủ thủ tục",
                f"{prefix}-lead_unit": unit.pk,
                f"{prefix}-due_on": "30/04/2026",
            },
        )
        page = client.get(reverse("inspections:inspection", args=[inspection.pk])).content.decode()
        record = docx.Document(
            BytesIO(client.get(reverse("inspections:record_docx", args=[inspection.pk])).content)
        )
        notice = docx.Document(
            BytesIO(client.get(reverse("inspections:notice_docx", args=[inspection.pk])).content)
        )
    assert "Công khai đủ thủ tục" in page and "Đang khắc phục" in page
    record_text = "\n".join(p.text for p in record.paragraphs)
    assert "BIÊN BẢN" in record_text
    assert "Còn 3 thủ tục chưa công khai" in record_text
    assert "Công khai đủ thủ tục (thời hạn 30/04/2026)" in record_text
    notice_text = "\n".join(p.text for p in notice.paragraphs)
    assert (
        "THÔNG BÁO" in notice_text
        and "Kết luận kiểm tra công tác cải cách hành chính năm 2026" in notice_text
    )
    assert "Công khai đủ thủ tục — chủ trì: " + unit.name + "; thời hạn: 30/04/2026." in notice_text


def test_the_api_refuses_a_remediation_led_by_another_agencys_unit(tree, setup, client):
    plan = _plan(tree, setup)
    inspection = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"], inspection=inspection, held_on=date(2026, 3, 11), mode="on_site", results={}
        )
        finding = services.finding_add(user=setup["focal"], inspection=inspection, text="Chưa công khai")
        client.force_login(setup["focal"])
        url = f"/api/v1/inspections/findings/{finding.pk}/remediations"
        stranger = Unit.objects.get(agency=tree.other, code="VP")
        body = {"title": "Công khai", "lead_unit_id": stranger.pk, "due_on": "2026-04-30"}
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 422
        assert response.json()["detail"]["lead_unit"] == [
            "Đơn vị chủ trì phải thuộc cơ quan, đơn vị được kiểm tra."
        ]
        body["lead_unit_id"] = setup["units"][1].pk
        response = client.post(url, body, content_type="application/json")
        assert response.status_code == 201
        assert response.json()["remediations"][0]["status"] == "in_progress"
        plan_json = client.get(f"/api/v1/inspections/plans/{plan.pk}").json()
    assert plan_json["units_planned"]["met"] is False and plan_json["units_in_scope"] == 10


def test_the_catalogue_indicators_are_computed_from_the_register(tree, setup):
    from apps.indicators.models import Indicator
    from apps.indicators.scorecard import agency_values
    from apps.indicators.tests.catalogue import ensure_catalogue
    from domain.periods import YEAR, Period

    ensure_catalogue()
    plan = _plan(tree, setup)
    first = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    _inspection(plan, setup, f"unit:{setup['units'][2].pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"],
            inspection=first,
            held_on=date(2026, 3, 11),
            mode=rules_of.DIGITAL,
            results={},
        )
    codes = selectors.INDICATOR_CODES
    indicators = Indicator.objects.filter(code__in=codes)
    assert set(indicators.values_list("method", flat=True)) == {"inspections"}
    period = Period(date(2026, 1, 1), date(2026, 12, 31), YEAR)
    values = agency_values(
        agency=tree.own, period=period, today=date(2026, 12, 1), indicators=list(indicators)
    )
    unit_rate = values.values["inspection_unit_rate"]
    assert (unit_rate.value, unit_rate.numerator, unit_rate.denominator) == (10, 1, 10)
    assert values.values["inspection_digital_rate"].value == 100
    assert values.values["finding_remediated_on_time_rate"].value is None


def test_the_periodic_cchc_report_counts_the_inspections(tree, setup):
    from apps.reports.compilation import compiled_texts, report_figures
    from apps.reports.models import Report

    plan = _plan(tree, setup)
    inspection = _inspection(plan, setup, f"unit:{setup['units'][1].pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"],
            inspection=inspection,
            held_on=date(2026, 3, 11),
            mode=rules_of.DIGITAL,
            results={},
        )
        services.finding_add(user=setup["focal"], inspection=inspection, text="Chưa công khai TTHC")
    report = Report.objects.create(
        agency=tree.own,
        report_type="quarterly",
        period_code="2026-Q1",
        window_start=date(2025, 12, 15),
        window_end=date(2026, 3, 14),
        deadline=date(2026, 3, 20),
        subject="Báo cáo CCHC quý I năm 2026",
    )
    texts = compiled_texts(report_figures(report, today=date(2026, 3, 20)), [])
    assert (
        "Công tác kiểm tra CCHC: Sở Xây dựng tỉnh Một đã kiểm tra 1 cơ quan, đơn vị (1 cuộc kiểm tra trên hệ thống "
        "số); chỉ ra 1 tồn tại, hạn chế, đã khắc phục xong 0, còn 1 đang khắc phục."
    ) in texts["sections"]["direction"]


def test_the_inspection_summary_goes_through_the_reports_engine(tree, setup):
    from apps.reports.compilation import compiled_texts, report_figures
    from apps.reports.services import report_create

    plan = _plan(tree, setup)
    unit = setup["units"][1]
    inspection = _inspection(plan, setup, f"unit:{unit.pk}")
    with at(date(2026, 3, 12)):
        services.inspection_record(
            user=setup["focal"],
            inspection=inspection,
            held_on=date(2026, 3, 11),
            mode=rules_of.ON_SITE,
            results={},
        )
        finding = services.finding_add(user=setup["focal"], inspection=inspection, text="Chưa công khai TTHC")
        services.remediation_add(
            user=setup["focal"],
            finding=finding,
            title="Công khai đủ thủ tục",
            lead_unit=unit,
            accountable=None,
            due_on=date(2026, 4, 30),
        )
    with at(date(2026, 12, 10)):
        report = report_create(
            agency=tree.own, user=setup["focal"], report_type="inspection", period_code="2026"
        )
        texts = compiled_texts(report_figures(report), [])
    assert report.title == "Báo cáo kết quả kiểm tra CCHC năm 2026"
    assert texts["overview"].startswith(
        "Công tác kiểm tra CCHC: Sở Xây dựng tỉnh Một đã kiểm tra 1 cơ quan, đơn vị"
    )
    assert (
        "Nhiệm vụ quá hạn chưa hoàn thành: công khai đủ thủ tục (hạn 30/04/2026"
        in texts["sections"]["direction"]
    )
