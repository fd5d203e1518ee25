"""A report's life: schedule, draft, units' parts, compile, approve, send — permissions and bad input."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from apps.reports.choices import ContributionStatus, ReportStatus
from apps.reports.models import Report, ReportFile
from apps.reports.selectors import (
    OVERDUE,
    SENT_LATE,
    SENT_ON_TIME,
    province_overview_for_user,
    report_calendar,
    reports_due_for,
)
from apps.reports.services import (
    contribution_save,
    report_approve,
    report_compile,
    report_create,
    report_mark_sent,
    report_open_to_units,
    report_reopen,
    report_update,
    schedule_save,
)

pytestmark = pytest.mark.django_db


def test_a_new_report_takes_its_window_deadline_and_header_from_the_schedule(annual):
    assert (annual.window_start, annual.window_end, annual.deadline) == (
        date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 20),
    )  # fmt: skip
    assert (annual.symbol, annual.place, annual.status) == ("BC-SXD", "Đắk Lắk", ReportStatus.DRAFT)
    assert (annual.signer, annual.signer_title) == ("Lê Công Du", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")


def test_the_same_period_twice_is_refused(annual, users):
    with pytest.raises(ValidationError, match="đã được lập"):
        report_create(agency=annual.agency, report_type="annual", period_code="2026", user=users["focal"])


@pytest.mark.parametrize(
    ("kind", "period", "message"),
    [
        ("quarterly", "2026", "viết theo kỳ quý"),
        ("annual", "2026-13", "Tháng 13"),
        ("weekly", "2026", "không hợp lệ"),
    ],
)
def test_a_period_of_the_wrong_kind_is_refused(year, users, kind, period, message):
    with pytest.raises(ValidationError, match=message):
        report_create(agency=year.agency, report_type=kind, period_code=period, user=users["focal"])
    assert not Report.objects.exists()


def test_only_the_agencys_managers_start_reports(year, users):
    for name in ("staff", "viewer", "overseer", "other"):
        with pytest.raises(PermissionDenied):
            report_create(agency=year.agency, report_type="annual", period_code="2026", user=users[name])


def test_asking_the_units_prefills_each_with_its_own_tasks(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    annual.refresh_from_db()
    assert annual.status == ReportStatus.CONTRIBUTING
    part = annual.contributions.get(unit=year.construction)
    assert part.status == ContributionStatus.PENDING
    assert set(part.sections) == {"institutions", "procedures"}
    assert part.sections == {
        "institutions": "Phòng Quản lý xây dựng: quá hạn chưa hoàn thành theo dõi thi hành pháp luật (hạn 30/06/2026).",
        "procedures": "Phòng Quản lý xây dựng: đang thực hiện chuẩn hóa quy trình nội bộ giải quyết TTHC.",
    }
    assert (part.figures["total"], part.figures["overdue"], part.figures["in_progress"]) == (2, 1, 1)


def test_a_unit_edits_only_its_own_part(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    office = annual.contributions.get(unit=year.office)
    with pytest.raises(PermissionDenied):
        contribution_save(contribution=office, user=users["staff"], sections={"procedures": "x"})
    with pytest.raises(PermissionDenied):
        contribution_save(contribution=office, user=users["other"], sections={"procedures": "x"})
    saved = contribution_save(
        contribution=office, user=users["office_staff"], sections={"procedures": " Đoạn.\r\n"}
    )
    assert (saved.status, saved.sections) == (ContributionStatus.DRAFT, {"procedures": "Đoạn."})


def test_an_empty_part_cannot_be_sent(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    office = annual.contributions.get(unit=year.office)
    with pytest.raises(ValidationError, match="đang trống"):
        contribution_save(
            contribution=office, user=users["office_staff"], sections={"procedures": "  "}, submit=True
        )
    office.refresh_from_db()
    assert office.status == ContributionStatus.PENDING


def test_the_whole_way_to_sent(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    report_compile(report=annual, user=users["focal"])
    annual.refresh_from_db()
    assert annual.status == ReportStatus.COMPILED and "procedures" in annual.sections
    with pytest.raises(PermissionDenied):
        report_approve(report=annual, user=users["focal"])
    report_approve(report=annual, user=users["leader"])
    with pytest.raises(ValidationError, match="Nhập số"):
        report_mark_sent(report=annual, user=users["focal"], sent_on=date(2026, 12, 16), number=" ")
    report_mark_sent(
        report=annual,
        user=users["focal"],
        sent_on=date(2026, 12, 16),
        number="15",
        document=b"PK docx",
        file_name="bc.docx",
    )
    annual.refresh_from_db()
    assert (annual.status, annual.number, annual.issued_on) == (ReportStatus.SENT, "15", date(2026, 12, 16))
    assert annual.files.get().kind == ReportFile.DOCX
    with pytest.raises(ValidationError, match="đã gửi"):
        report_update(report=annual, user=users["focal"], overview="Sửa sau khi gửi")


def test_a_unit_cannot_change_its_part_once_compiled_and_reopening_allows_it(annual, users, year):
    report_open_to_units(report=annual, user=users["focal"])
    report_compile(report=annual, user=users["focal"])
    office = annual.contributions.get(unit=year.office)
    with pytest.raises(ValidationError, match="đã được tổng hợp"):
        contribution_save(contribution=office, user=users["office_staff"], sections={"procedures": "x"})
    report_reopen(report=annual, user=users["focal"])
    contribution_save(contribution=office, user=users["office_staff"], sections={"procedures": "x"})


def test_steps_out_of_order_are_refused(annual, users):
    with pytest.raises(ValidationError, match="không chuyển sang"):
        report_approve(report=annual, user=users["leader"])
    with pytest.raises(ValidationError, match="không chuyển sang"):
        report_mark_sent(report=annual, user=users["focal"], sent_on=date(2026, 12, 16), number="1")


def test_an_edit_over_someone_elses_is_refused(annual, users):
    report_update(report=annual, user=users["focal"], expected_version=annual.version, overview="Một")
    with pytest.raises(ValidationError, match="Báo cáo vừa được người khác cập nhật"):
        report_update(report=annual, user=users["focal"], expected_version=annual.version, overview="Hai")


def test_schedule_settings_are_checked(year, users):
    with pytest.raises(ValidationError) as error:
        schedule_save(
            agency=year.agency, year=2026, report_type="quarterly", user=users["focal"], enabled=True,
            period_kind="quarter", periods=[5], cutoff_day=30, deadline_day=0, deadline_offset_months=9,
        )  # fmt: skip
    assert set(error.value.message_dict) == {
        "periods",
        "cutoff_day",
        "deadline_day",
        "deadline_offset_months",
    }
    with pytest.raises(PermissionDenied):
        schedule_save(
            agency=year.agency, year=2026, report_type="monthly", user=users["staff"], enabled=True,
            period_kind="month", periods=[1], cutoff_day=15, deadline_day=20, deadline_offset_months=0,
        )  # fmt: skip


def test_a_monthly_schedule_shows_on_the_calendar(year, users):
    schedule_save(
        agency=year.agency, year=2026, report_type="monthly", user=users["focal"], enabled=True,
        period_kind="month", periods=[10, 11], cutoff_day=15, deadline_day=18, deadline_offset_months=0,
        recipients=["Sở Nội vụ"],
    )  # fmt: skip
    monthly = [item for item in report_calendar(agency=year.agency, year=2026) if item.due.kind == "monthly"]
    assert [(item.due.code, item.due.deadline) for item in monthly] == [
        ("2026-10", date(2026, 10, 18)),
        ("2026-11", date(2026, 11, 18)),
    ]
    report = report_create(
        agency=year.agency, report_type="monthly", period_code="2026-11", user=users["focal"]
    )
    assert (report.window_start, report.window_end, report.recipients) == (
        date(2026, 10, 15),
        date(2026, 11, 14),
        ["Sở Nội vụ"],
    )


def test_calendar_states_and_what_is_due(year, users, annual):
    items = {(item.due.kind, item.due.code): item for item in report_calendar(agency=year.agency, year=2026)}
    assert items[("quarterly", "2026-Q3")].state == OVERDUE  # due 20/09, never started
    assert items[("annual", "2026")].report == annual and items[("annual", "2026")].days_left == 4
    due = reports_due_for(year.agency, date(2026, 12, 16))
    # Q1, H1 and Q3 were due more than 60 days ago and never started: no reminder any more.
    assert [(item.due.kind, item.due.code) for item in due] == [
        ("emulation", "2026"), ("annual", "2026"), ("communication", "2026"),
    ]  # fmt: skip
    assert [item.due.code for item in reports_due_for(year.agency, date(2027, 1, 5), within_days=0)] == [
        "2026", "2026", "2026",
    ]  # fmt: skip


def test_sent_on_time_or_late(annual, users):
    report_compile(report=annual, user=users["focal"])
    report_approve(report=annual, user=users["leader"])
    report_mark_sent(report=annual, user=users["focal"], sent_on=date(2026, 12, 16), number="15")
    states = {
        item.due.kind: item.state
        for item in report_calendar(agency=annual.agency, year=2026)
        if item.due.code == "2026"
    }
    assert states["annual"] == SENT_ON_TIME
    with time_machine.travel(date(2027, 1, 10), tick=False):
        late = report_create(
            agency=annual.agency, report_type="emulation", period_code="2026", user=users["focal"]
        )
        report_compile(report=late, user=users["focal"])
        report_approve(report=late, user=users["leader"])
        report_mark_sent(report=late, user=users["focal"], sent_on=date(2027, 1, 10), number="2")
        states = {
            item.due.kind: item.state
            for item in report_calendar(agency=annual.agency, year=2026)
            if item.due.code == "2026"
        }
    assert states["emulation"] == SENT_LATE


def test_the_overseer_sees_every_reporting_agency_of_its_province(tree, users, annual):
    rows = province_overview_for_user(user=users["overseer"], report_type="annual", period_code="2026")
    by_code = {row.agency.code: row for row in rows}
    assert set(by_code) == {"P1-OWN", "P1-SIB"}  # departments of its province only, not P2's
    assert by_code["P1-OWN"].item.report == annual
    assert by_code["P1-SIB"].item.report is None
    assert (
        province_overview_for_user(user=users["other"], report_type="annual", period_code="2026")[
            0
        ].agency.code
        == "P2-OTH"
    )
