"""Demo data of rewards: seeds 000 (Sở Xây dựng Đắk Lắk, 2026) and 004 (xã Đại Sơn, 2026–2030) as live movements
from their imported plans, with registrations (some units missing), three initiatives, the annual ratings of the
demo staff 2023–2026 and the contest scores of 2026. Everything goes through the services."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from apps.organizations.models import Agency, Person
from apps.plans.models import Plan
from domain.scoring.entries import Entry

from .choices import Grade, InitiativeScope, InitiativeStatus
from .models import AnnualRating, Movement, Registration
from .services import contest as contest_services
from .services import movements as movement_services
from .services import ratings_input

SEEDS = (("DLK-SXD", "daumoi"), ("TP-DAISON", "daumoi.daison"))
REGISTRATION_DAY = date(2026, 3, 10)
# The contest table of seed 000's units (the plan has none in its text): the office's usual scoring sheet.
DEMO_RUBRIC: dict[str, Any] = {
    "group": "Khối phòng, đơn vị thuộc Sở",
    "total_points": "100",
    "criteria": [
        {
            "code": "1",
            "title": "Tỷ lệ nhiệm vụ CCHC được giao hoàn thành đúng hạn",
            "points": "40",
            "guide": "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn",
        },
        {
            "code": "2",
            "title": "Sáng kiến, giải pháp CCHC được công nhận",
            "points": "20",
            "guide": "Mỗi năm ít nhất 01 sáng kiến",
        },
        {
            "code": "3",
            "title": "Tin, bài tuyên truyền CCHC",
            "points": "10",
            "guide": "Mỗi năm ít nhất 04 tin bài",
        },
        {
            "code": "4",
            "title": "Chấp hành kỷ luật, kỷ cương hành chính; không để xảy ra sai phạm",
            "points": "30",
            "guide": "Lãnh đạo Sở chấm theo mức độ thực hiện",
        },
    ],
}
DISCIPLINE_POINTS = (
    Decimal(30),
    Decimal(28),
    Decimal(25),
    Decimal(27),
    Decimal(22),
    Decimal(29),
    Decimal(26),
    Decimal(24),
)
GRADES = (Grade.EXCELLENT, Grade.GOOD, Grade.GOOD, Grade.EXCELLENT, Grade.COMPLETED)


def _movement(agency: Agency, user: Any) -> Movement | None:
    plan = Plan.objects.filter(agency=agency, plan_type="emulation").order_by("-pk").first()
    if plan is None:
        return None
    existing = Movement.objects.filter(plan=plan).first()
    return existing or movement_services.movement_create_from_plan(user=user, plan=plan)


def _registrations(movement: Movement, user: Any, year: int) -> int:
    participants = [p for p in movement.participants.select_related("unit") if p.unit is not None]
    count = 0
    # the last two units have not registered: the focal point sees them on the movement's page
    for participant in participants[:-2]:
        movement_services.registration_submit(
            user=user,
            movement=movement,
            year=year,
            forms=["tap_the_lao_dong_tien_tien"] if count % 3 else ["tap_the_lao_dong_xuat_sac", "giay_khen"],
            unit=participant.unit,
            today=REGISTRATION_DAY,
        )
        count += 1
    people = list(Person.objects.filter(agency=movement.agency, is_active=True).order_by("pk"))
    for index, person in enumerate(people[: max(len(people) - 2, 1)]):
        forms = ["lao_dong_tien_tien", "chien_si_thi_dua_co_so"] if index % 2 == 0 else ["lao_dong_tien_tien"]
        movement_services.registration_submit(
            user=user, movement=movement, year=year, forms=forms, person=person, today=REGISTRATION_DAY
        )
        count += 1
    # registered in March, before the deadline (the demo is built later in the year)
    when = timezone.make_aware(datetime.combine(REGISTRATION_DAY, time(9)))
    Registration.objects.filter(movement=movement, year=year).update(registered_at=when)
    return count


INITIATIVE_TITLES = {
    "DLK-SXD": (
        "Số hóa quy trình tiếp nhận hồ sơ cấp giấy phép xây dựng tại Bộ phận Một cửa",
        "Bảng theo dõi tiến độ nhiệm vụ CCHC theo thời gian thực cho lãnh đạo",
        "Mẫu phiếu khảo sát hài lòng rút gọn",
    ),
    "TP-DAISON": (
        "Tổ hỗ trợ người dân nộp hồ sơ trực tuyến tại nhà văn hóa thôn",
        "Nhắn tin Zalo báo kết quả giải quyết thủ tục hành chính",
        "Sổ tay thủ tục hành chính bỏ túi",
    ),
}


def _initiatives(movement: Movement, user: Any) -> None:
    agency = movement.agency
    titles = INITIATIVE_TITLES.get(agency.code, INITIATIVE_TITLES["DLK-SXD"])
    people = list(Person.objects.filter(agency=agency, is_active=True).select_related("unit").order_by("pk"))
    if len(people) < 3 or movement.initiatives.exists():
        return
    first = movement_services.initiative_register(
        user=user,
        agency=agency,
        movement=movement,
        title=titles[0],
        year=2026,
        authors=people[:2],
        unit=people[0].unit,
        scope=InitiativeScope.BASE,
    )
    movement_services.initiative_decide(
        user=user,
        initiative=first,
        status=InitiativeStatus.RECOGNISED,
        recognition_number="125/QĐ-HĐSK",
        recognised_on=date(2026, 10, 15),
        recognised_by=f"Hội đồng sáng kiến {agency.name}",
        today=date(2026, 10, 15),
    )
    movement_services.initiative_register(
        user=user,
        agency=agency,
        movement=movement,
        title=titles[1],
        year=2026,
        authors=[people[2]],
        unit=people[2].unit,
        scope=InitiativeScope.BASE,
    )
    third = movement_services.initiative_register(
        user=user,
        agency=agency,
        movement=movement,
        title=titles[2],
        year=2026,
        authors=[people[1]],
        unit=people[1].unit,
        scope=InitiativeScope.BASE,
    )
    movement_services.initiative_decide(
        user=user,
        initiative=third,
        status=InitiativeStatus.NOT_RECOGNISED,
        recognition_number="126/QĐ-HĐSK",
        recognised_by=f"Hội đồng sáng kiến {agency.name}",
        today=date(2026, 10, 15),
    )


def _ratings(agency: Agency, user: Any) -> tuple[int, int]:
    taken = sum(
        ratings_input.annual_ratings_from_ratings(user=user, agency=agency, year=year)
        for year in range(2023, 2027)
    )
    entered = 0
    people = list(Person.objects.filter(agency=agency, is_active=True).order_by("pk"))
    for year in range(2023, 2027):
        for index, person in enumerate(people):
            if AnnualRating.objects.filter(year=year, person=person).exists():
                continue
            ratings_input.annual_rating_save(
                user=user, agency=agency, year=year, person=person, grade=GRADES[(index + year) % len(GRADES)]
            )
            entered += 1
        ratings_input.annual_rating_save(user=user, agency=agency, year=year, grade=Grade.EXCELLENT)
    if len(people) > 3:
        # one reprimand and one review still open in 2026: what the eligibility check must catch
        ratings_input.annual_rating_save(
            user=user,
            agency=agency,
            year=2026,
            person=people[-1],
            grade=Grade.COMPLETED,
            discipline="khien_trach",
            discipline_note="Quyết định kỷ luật số 45/QĐ ngày 10/9/2026",
        )
        ratings_input.annual_rating_save(
            user=user,
            agency=agency,
            year=2026,
            person=people[-2],
            grade=Grade.GOOD,
            pending_review="Đang xem xét đơn khiếu nại (tiếp nhận 02/11/2026)",
        )
    return taken, entered


def _contest(movement: Movement, user: Any) -> int:
    if movement.contest_tables.exists():
        return 0
    table = contest_services.contest_tables_from_rubrics(user=user, movement=movement, rubrics=[DEMO_RUBRIC])[
        0
    ]
    count = 0
    for index, participant in enumerate(movement.participants.all()):
        contest_services.contest_score_save(
            user=user,
            table=table,
            participant=participant,
            year=2026,
            entries={
                "4": Entry(
                    points=DISCIPLINE_POINTS[index % len(DISCIPLINE_POINTS)],
                    reason="Theo nhận xét của Lãnh đạo Sở",
                )
            },
        )
        count += 1
    return count


def build_movements_demo() -> Iterator[str]:
    users = get_user_model().objects
    for code, username in SEEDS:
        agency = Agency.objects.filter(code=code).first()
        user = users.filter(username=username).first()
        if agency is None or user is None:
            continue
        movement = _movement(agency, user)
        if movement is None:
            yield f"Không có kế hoạch phong trào thi đua của {agency.name}: bỏ qua phong trào mẫu."
            continue
        registered = 0 if movement.registrations.exists() else _registrations(movement, user, 2026)
        _initiatives(movement, user)
        taken, entered = _ratings(agency, user)
        scored = _contest(movement, user) if code == "DLK-SXD" else 0
        yield (
            f"Đã tạo phong trào “{movement.name[:70]}…” của {agency.name}: {movement.contents.count()} nội dung, "
            f"{registered} đăng ký năm 2026, 3 sáng kiến, xếp loại 2023–2026 ({taken} lấy từ đánh giá, {entered} "
            f"nhập), {scored} đối tượng được chấm điểm thi đua."
        )
