"""Demo ratings of Sở Xây dựng Đắk Lắk: every demo task gets an accountable person of its lead unit, and each
ended month of the year is rated from those tasks — self-assessment and the head's general points, then the
Giám đốc's decision with the 20% cap — except the last month, left mid-cycle for the demo accounts to finish.
One delay has an objective cause confirmed by the unit head; one product was returned once for a major fault.

Demo data only: ratings are written directly where a person has no account; the decision goes through the
service. Safe to run again (months already decided are kept).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.accounts.models import User
from apps.organizations.models import Agency, Person, Unit
from apps.tasks.models import AcceptanceDecision, Occurrence, Task
from apps.tasks.services.register import task_refresh_six_clear
from domain.periods import parse_period

from .choices import RatingStatus, TaskGroup
from .models import ProductSetting, Rating
from .products import products_by_person
from .services import agency_decide

AGENCY = "DLK-SXD"
# More staff than the accounts, so that the agency view and the cap have people to count (no accounts).
EXTRA_STAFF = (
    ("VP", "Trần Thị Ngọc Ánh", "Chuyên viên Văn phòng"),
    ("KHTC", "Nguyễn Hữu Phước", "Chuyên viên Kế hoạch – Tài chính"),
    ("KHTC", "Lê Thị Thanh Hoa", "Kế toán viên"),
    ("QLXD", "H'Linh Niê", "Chuyên viên Quản lý xây dựng"),
    ("QLXD", "Đỗ Quang Vinh", "Chuyên viên Quản lý xây dựng"),
    ("QHKT", "Y Khoa Byă", "Chuyên viên Quy hoạch – Kiến trúc"),
)
LEADER_WORDS = ("Giám đốc", "Trưởng phòng", "Phó Trưởng phòng", "Chánh Văn phòng")


def _people(agency: Agency) -> list[Person]:
    units = {u.code: u for u in Unit.objects.filter(agency=agency)}
    for unit_code, name, position in EXTRA_STAFF:
        Person.objects.get_or_create(
            agency=agency, full_name=name, defaults={"unit": units.get(unit_code), "position": position}
        )
    return list(Person.objects.filter(agency=agency, is_active=True).order_by("pk"))


def _assign(agency: Agency, people: list[Person]) -> int:
    """An accountable person for every task without one: the least loaded of its lead unit's staff, or of
    everyone when the unit's staff already carry more than their share (so that every demo person has work)."""
    director = next((p for p in people if p.position == "Giám đốc"), None)
    workers = [p for p in people if p != director]
    load = {p.pk: Task.objects.filter(accountable=p).count() for p in workers}
    tasks = list(Task.objects.filter(agency=agency, accountable__isnull=True).prefetch_related("lead_units"))
    share = (sum(load.values()) + len(tasks)) / max(1, len(workers))
    for task in tasks:
        leads = {u.pk for u in task.lead_units.all()}
        own = [p for p in workers if p.unit_id in leads and load[p.pk] < share]
        chosen = min(own or workers, key=lambda p: (load[p.pk], p.pk))
        load[chosen.pk] += 1
        task.accountable = chosen
        task_refresh_six_clear(task)
        task.save(
            update_fields=["accountable", "six_clear", "six_clear_reasons", "is_six_clear", "search_text"]
        )
    return len(tasks)


def _scorer(person: Person, users: dict[str, User]) -> User:
    head = users["truongphong"]
    if head.person_id and person.unit_id == head.person.unit_id and person.pk != head.person_id:  # type: ignore[union-attr]
        return head
    return users["lanhdao"]


def _months(today: date) -> list[str]:
    return [f"{today.year}-{m:02d}" for m in range(1, today.month)]


def _mark_products(lan: Person, leader: User, head: User, months: list[str]) -> None:
    """Lan: one late product exempted (objective cause, confirmed), one returned once before acceptance."""
    if not months:
        return
    first, last = parse_period(months[0]), parse_period(months[-1])
    mine = Occurrence.objects.filter(
        task__accountable=lan, due_on__gte=first.start, due_on__lte=last.end, not_applicable=False
    ).order_by("due_on")
    late = next((o for o in mine if o.completed_on and o.completed_on > o.due_on), None)
    if late is None:
        late = next((o for o in mine if o.completed_on), None)
        if late is not None:
            late.completed_on = late.due_on + timedelta(days=3)
            late.save(update_fields=["completed_on"])
    if late is not None:
        ProductSetting.objects.update_or_create(
            occurrence=late,
            person=lan,
            defaults={
                "exempt": True,
                "exempt_reason": "Chờ số liệu của Cục Thống kê tỉnh gửi chậm (có văn bản)",
                "confirmed_by": head,
                "confirmed_on": late.completed_on,
            },
        )
    returned = next((o for o in mine if o.accepted_on and o != late), None)
    if returned is not None and not returned.decisions.filter(decision=AcceptanceDecision.RETURNED).exists():
        AcceptanceDecision.objects.create(
            occurrence=returned,
            decision=AcceptanceDecision.RETURNED,
            reason="Số liệu tổng hợp chưa khớp báo cáo quý; đề nghị rà soát lại (dữ liệu mẫu).",
            decided_by=leader,
            decided_on=returned.due_on,
        )


@transaction.atomic
def build_ratings_demo(*, today: date | None = None) -> list[str]:
    agency = Agency.objects.filter(code=AGENCY).first()
    users = {
        u.username: u for u in User.objects.filter(username__in=["lanhdao", "truongphong", "chuyenvien"])
    }
    if agency is None or len(users) < 3:
        return []
    today = today or timezone.localdate()
    people = _people(agency)
    assigned = _assign(agency, people)
    months = _months(today)
    lan = users["chuyenvien"].person
    if lan is not None:
        _mark_products(lan, users["lanhdao"], users["truongphong"], months[:-1])
    rng = random.Random(335)
    decided_months = 0
    for index, month in enumerate(months):
        if Rating.objects.filter(agency=agency, period=month, status=RatingStatus.DECIDED).exists():
            continue
        last = index == len(months) - 1
        period = parse_period(month)
        working = products_by_person([p.pk for p in people], period.start, period.end)
        for person in people:
            if person.position == "Giám đốc" or not working.get(person.pk):
                continue  # the agency's head is rated by the level above; no product, no rating
            general = Decimal(rng.choice([26, 27, 28, 28, 29, 29, 30]))
            rating, _ = Rating.objects.get_or_create(
                person=person,
                period=month,
                defaults={
                    "agency": agency,
                    "unit_id": person.unit_id,
                    "task_group": (
                        TaskGroup.LEADER if person.position.startswith(LEADER_WORDS) else TaskGroup.STAFF
                    ),
                },
            )
            if last and person.pk == (lan.pk if lan else None):
                continue  # Lan self-assesses November herself in the demo
            rating.self_general = general
            rating.self_comment = "Chấp hành tốt nội quy, quy chế; hoàn thành công việc được giao."
            rating.self_at = timezone.now()
            rating.status = RatingStatus.SELF_ASSESSED
            if not last or rng.random() < 0.5:
                rating.general_points = general if rng.random() < 0.8 else general - 1
                rating.general_reason = (
                    "Đúng như tự đánh giá." if rating.general_points == general else "Có buổi đi họp muộn."
                )
                rating.scored_by = _scorer(person, users)
                rating.scored_at = timezone.now()
                rating.status = RatingStatus.SCORED
            if rating.task_group == TaskGroup.LEADER:
                rating.leader_d, rating.leader_dd, rating.leader_e = Decimal(100), Decimal(100), Decimal(100)
            rating.save()
        if not last:
            try:
                agency_decide(user=users["lanhdao"], agency=agency, period_code=month, today=today)
                decided_months += 1
            except ValidationError:  # a month without products stays open in the demo
                continue
    return [
        f"Đã giao người chịu trách nhiệm cho {assigned} nhiệm vụ của Sở Xây dựng Đắk Lắk.",
        f"Đã tạo xếp loại công chức mẫu: {decided_months} tháng đã quyết định, tháng {months[-1] if months else '—'} đang đánh giá.",
    ]
