"""A small agency year built by hand, so every figure of its report is known in advance.

Sở Xây dựng tỉnh Một (tree.own), plan 13/KH-SXD, two units (Văn phòng Sở, focal; Phòng Quản lý xây dựng). As of
16/12/2026 (after the annual cut-off 14/12), the annual report counts:

| area          | task | lead | occurrences                                  | status                 |
|---------------|------|------|----------------------------------------------|------------------------|
| direction     | T6   | VP   | due 30/11 (no area: "Kiểm tra công tác CCHC") | overdue                |
| institutions  | T1   | VP   | due 31/03, accepted 30/03                    | on time                |
| institutions  | T2   | QLXD | due 30/06, nothing                           | overdue                |
| procedures    | T3   | VP   | due 30/09, completed 05/10                   | late                   |
| procedures    | T4   | QLXD | due 31/12, no start                          | in progress            |
| procedures    | T5   | VP   | monthly, Jan–Nov accepted on time, Dec open  | 11 on time, 1 progress |
| (not counted) | T7   | VP   | due 31/10/2025, accepted 02/11/2025          | —                      |
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from apps.organizations.models import Agency, Unit
from apps.plans.models import Objective, Plan, ReformArea, Target
from apps.tasks.models import Occurrence, Task

ON = date(2026, 12, 16)


@dataclass
class Year:
    agency: Agency
    plan: Plan
    office: Unit
    construction: Unit
    tasks: dict[str, Task]


def _task(plan: Plan, ref: str, title: str, area: str | None, lead: Unit, order: int) -> Task:
    task = Task.objects.create(
        agency=plan.agency,
        plan=plan,
        ref=ref,
        title=title,
        area=ReformArea.objects.get(code=area) if area else None,
        lead_text=lead.name,
        timeline_raw="Năm 2026",
        order=order,
    )
    task.lead_units.add(lead)
    return task


def _occurrence(task: Task, seq: int, due: date, **kwargs: Any) -> Occurrence:
    return Occurrence.objects.create(task=task, seq=seq, due_on=due, label=kwargs.pop("label", ""), **kwargs)


def build_year(agency: Agency) -> Year:
    agency.short_name = "Sở Xây dựng"
    agency.document_symbol = "SXD"
    agency.place_name = "Đắk Lắk"
    agency.save()
    office = Unit.objects.get(agency=agency, is_focal=True)
    construction = Unit.objects.create(agency=agency, code="QLXD", name="Phòng Quản lý xây dựng")
    plan = Plan.objects.create(
        agency=agency,
        number="13",
        symbol="KH-SXD",
        issued_on=date(2026, 1, 8),
        issuer="Sở Xây dựng",
        title="Cải cách hành chính năm 2026",
        plan_type="annual_reform",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        signer="Lê Công Du",
        signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    )
    for ref, text, value in (
        ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt từ 98% trở lên", Decimal(98)),
        ("2", "Hoàn thành 100% nhiệm vụ cải cách hành chính được giao", Decimal(100)),
    ):
        objective = Objective.objects.create(plan=plan, ref=ref, text=text, order=int(ref))
        Target.objects.create(objective=objective, comparator=">=", value=value, unit="%")
    tasks = {
        "T1": _task(plan, "1", "Rà soát văn bản quy phạm pháp luật", "institutions", office, 1),
        "T2": _task(plan, "2", "Theo dõi thi hành pháp luật", "institutions", construction, 2),
        "T3": _task(plan, "3", "Rà soát, đơn giản hóa thủ tục hành chính", "procedures", office, 3),
        "T4": _task(plan, "4", "Chuẩn hóa quy trình nội bộ giải quyết TTHC", "procedures", construction, 4),
        "T5": _task(plan, "5", "Công khai thủ tục hành chính", "procedures", office, 5),
        "T6": _task(plan, "6", "Kiểm tra công tác cải cách hành chính năm 2026", None, office, 6),
        "T7": _task(plan, "7", "Tổng kết năm 2025", "institutions", office, 7),
    }
    _occurrence(tasks["T1"], 1, date(2026, 3, 31), accepted_on=date(2026, 3, 30), percent=100)
    _occurrence(tasks["T2"], 1, date(2026, 6, 30), percent=30)
    _occurrence(
        tasks["T3"],
        1,
        date(2026, 9, 30),
        completed_on=date(2026, 10, 5),
        accepted_on=date(2026, 10, 6),
        percent=100,
    )
    _occurrence(tasks["T4"], 1, date(2026, 12, 31), percent=60)
    for month in range(1, 13):
        due = date(2026, month, monthrange(2026, month)[1])
        done = {"accepted_on": due, "completed_on": due, "percent": 100} if month < 12 else {}
        _occurrence(tasks["T5"], month, due, label=f"Tháng {month:02d}/2026", **done)
    _occurrence(tasks["T6"], 1, date(2026, 11, 30))
    _occurrence(tasks["T7"], 1, date(2025, 10, 31), accepted_on=date(2025, 11, 2), percent=100)
    return Year(agency, plan, office, construction, tasks)
