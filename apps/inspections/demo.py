"""The demo's inspections: Sở Xây dựng Lai Châu (seed 003, "kiểm tra ít nhất 20% đơn vị", 70% on the digital
systems) with its plan of the year, inspections held on site and on the digital systems, one still planned,
findings and remediation tasks in every state: closed (done and accepted), overdue, awaiting acceptance, open.

Built through the services; only the history of the remediation tasks (a result reported and accepted months
ago) is written directly, as `apps.core.demo.demo_progress` does, so the page shows a year and not just today.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Agency, Person, Unit
from apps.tasks.models import AcceptanceDecision, Occurrence, ProgressUpdate
from domain import inspections as rules_of

from . import services
from .models import Inspection, InspectionPlan

AGENCY = "LCU-SXD"
FOCAL = "daumoi.laichau"
TEAM = (
    "Bùi Quang Vinh, Giám đốc Sở — Trưởng đoàn\n"
    "Lò Thị Hương, Chánh Văn phòng — Thành viên\n"
    "Tòng Văn Sơn, Trưởng phòng Quản lý vận tải — Thành viên"
)


def _done(occurrence: Occurrence, *, completed: date, accepted: date | None, user: User | None) -> None:
    occurrence.percent = 100
    occurrence.completed_on = completed
    occurrence.submitted_at = timezone.make_aware(datetime.combine(completed, time(9, 0)))
    occurrence.accepted_on = accepted
    occurrence.accepted_by = user if accepted else None
    occurrence.save()
    ProgressUpdate.objects.create(
        occurrence=occurrence,
        author=user,
        percent=100,
        is_completion=True,
        completed_on=completed,
        note="Đã khắc phục, gửi kèm minh chứng (dữ liệu mẫu).",
    )
    if accepted:
        AcceptanceDecision.objects.create(
            occurrence=occurrence, decision=AcceptanceDecision.ACCEPTED, decided_by=user, decided_on=accepted
        )


def _held(
    user: User, plan: InspectionPlan, unit: Unit, when: date, mode: str, areas: list[str], fail: int | None
) -> Inspection:
    inspection = services.inspection_create(
        user=user, plan=plan, target=f"unit:{unit.pk}", scheduled_on=when, mode=mode, areas=areas, team=TEAM
    )
    results = {}
    for index, item in enumerate(inspection.checklist.all()):
        if index == fail:
            results[item.pk] = (rules_of.FAIL, "Chưa thực hiện đầy đủ, cần khắc phục.")
        else:
            results[item.pk] = (rules_of.PASS, "")
    return services.inspection_record(
        user=user,
        inspection=inspection,
        held_on=when,
        mode=mode,
        results=results,
        representatives=f"Trưởng {unit.name}",
        location=unit.name,
        conclusion=f"{unit.name} cơ bản thực hiện tốt các nhiệm vụ cải cách hành chính được giao.",
    )


def build_inspection_demo(*, today: date | None = None) -> list[str]:
    day = today or timezone.localdate()
    agency = Agency.objects.filter(code=AGENCY).first()
    user = User.objects.filter(username=FOCAL).first()
    if agency is None or user is None:
        return []
    year = day.year if day.month >= 10 else day.year - 1
    if InspectionPlan.objects.filter(agency=agency, year=year).exists():
        return []
    units = {unit.code: unit for unit in Unit.objects.filter(agency=agency)}
    people = {
        person.unit.code if person.unit else "": person for person in Person.objects.filter(agency=agency)
    }
    plan = services.plan_create(
        user=user,
        agency=agency,
        year=year,
        title=f"Kế hoạch kiểm tra công tác cải cách hành chính năm {year}",
        note="Kiểm tra ít nhất 20% đơn vị; 70% cuộc kiểm tra thực hiện trên hệ thống số (Kế hoạch CCHC năm).",
    )
    # Phòng Quản lý xây dựng, on the digital systems in March: one finding closed on time, one overdue.
    first = _held(
        user,
        plan,
        units["QLXD"],
        date(year, 3, 12),
        rules_of.DIGITAL,
        ["procedures", "digital_government"],
        1,
    )
    closed = services.finding_add(
        user=user,
        inspection=first,
        text="Chưa cập nhật đầy đủ quy trình nội bộ giải quyết TTHC lên Hệ thống.",
    )
    task = services.remediation_add(
        user=user,
        finding=closed,
        title="Cập nhật đủ quy trình nội bộ giải quyết TTHC lĩnh vực xây dựng lên Hệ thống thông tin giải quyết TTHC",
        lead_unit=units["QLXD"],
        accountable=None,
        due_on=date(year, 4, 30),
    ).task
    _done(task.occurrences.get(), completed=date(year, 4, 24), accepted=date(year, 4, 28), user=user)
    overdue = services.finding_add(
        user=user, inspection=first, text="Tỷ lệ hồ sơ TTHC được số hóa kết quả chưa đạt chỉ tiêu."
    )
    services.remediation_add(
        user=user,
        finding=overdue,
        title="Số hóa kết quả giải quyết hồ sơ TTHC còn tồn của 6 tháng đầu năm",
        lead_unit=units["QLXD"],
        accountable=None,
        due_on=date(year, 6, 30),
    )
    # Bộ phận một cửa, on site in June: one result awaiting acceptance, one still running.
    second = _held(
        user, plan, units["MC"], date(year, 6, 18), rules_of.ON_SITE, ["procedures", "satisfaction"], 0
    )
    waiting = services.finding_add(
        user=user,
        inspection=second,
        text="Niêm yết công khai TTHC tại Bộ phận một cửa chưa cập nhật kịp thời.",
    )
    task = services.remediation_add(
        user=user,
        finding=waiting,
        title="Cập nhật niêm yết công khai TTHC tại Bộ phận một cửa",
        lead_unit=units["MC"],
        accountable=people.get("MC"),
        due_on=max(day + timedelta(days=20), date(year, 7, 31)),
    ).task
    _done(task.occurrences.get(), completed=min(day, date(year, 7, 20)), accepted=None, user=user)
    running = services.finding_add(
        user=user, inspection=second, text="Chưa tổ chức khảo sát sự hài lòng tại quầy bằng mã QR."
    )
    services.remediation_add(
        user=user,
        finding=running,
        title="Đặt mã QR khảo sát sự hài lòng tại các quầy của Bộ phận một cửa",
        lead_unit=units["MC"],
        accountable=people.get("MC"),
        due_on=max(day + timedelta(days=45), date(year, 8, 31)),
    )
    # Trung tâm Kiểm định, on the digital systems in September: everything đạt.
    _held(
        user, plan, units["KDCL"], date(year, 9, 10), rules_of.DIGITAL, ["direction", "civil_service"], None
    )
    # Ban Quản lý bảo trì đường bộ: planned for December, not held yet.
    services.inspection_create(
        user=user,
        plan=plan,
        target=f"unit:{units['BTDB'].pk}",
        scheduled_on=date(year, 12, 15),
        mode=rules_of.DIGITAL,
        areas=["direction", "procedures", "digital_government"],
        team=TEAM,
    )
    return [f"Đã tạo kế hoạch kiểm tra CCHC năm {year} của {agency.name} với 4 cuộc kiểm tra."]
