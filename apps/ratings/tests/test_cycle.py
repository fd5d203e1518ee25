"""The rating cycle through the services and pages: products read from the register, every point linked to its
occurrence, self-assessment → unit head → the agency's head with the cap, locking, and every refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from apps.ratings import services
from apps.ratings.models import Rating, RatingChange
from apps.ratings.sheets import person_sheet, rating_period

from .builders import office, product

D = Decimal
TODAY = date(2026, 4, 10)
MARCH = "2026-03"


@pytest.fixture
def clock():
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def own(tree, clock):
    return office(tree.own)


@pytest.fixture
def other(tree, clock):
    return office(tree.other)


def test_a_month_is_computed_from_the_register_and_a_late_completion_changes_it(own):
    me = own.person(f"cv1_{own.agency.pk}")
    product(own, me, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 11))
    late = product(own, me, date(2026, 3, 20))
    sheet = person_sheet(me, rating_period(MARCH))
    # one of two done: a = b = c = 50% → 35 points
    assert (sheet.task.a, sheet.task.b, sheet.task.c, sheet.task.points) == (D(50), D(50), D(50), D(35))
    late.completed_on, late.accepted_on = date(2026, 3, 25), date(2026, 3, 26)
    late.save()
    sheet = person_sheet(me, rating_period(MARCH))
    # both done and accepted, one five days late: c = (1 + 0,75) ÷ 2 = 87,5% → (100 + 100 + 87,5) ÷ 3 × 70
    assert (sheet.task.a, sheet.task.b, sheet.task.c, sheet.task.points) == (
        D(100),
        D(100),
        D("87.5"),
        D("67.08"),
    )
    by_key = {p.product.key: (p, s) for p, s in zip(sheet.products, sheet.scores, strict=True)}
    cause, score = by_key[f"occurrence:{late.pk}"]
    assert cause.url == reverse("tasks:task_detail", args=[late.task_id]) + f"#ky-{late.pk}"
    assert cause.days_late == 5 and score.timeliness == D("0.75")
    assert any("chậm 1 lần" in loss for loss in score.losses)


def test_a_returned_product_loses_a_quarter_of_its_quality_and_an_exemption_needs_confirmation(own):
    me = own.person(f"cv1_{own.agency.pk}")
    returned = product(
        own, me, date(2026, 3, 10), completed=date(2026, 3, 12), accepted=date(2026, 3, 13), returned=1
    )
    sheet = person_sheet(me, rating_period(MARCH))
    assert (sheet.task.b, sheet.task.c) == (D(75), D(75))
    with pytest.raises(ValidationError) as refused:
        services.product_set(
            user=own.head, occurrence=returned, person=me, units="1", exempt=True, exempt_reason="Mất điện"
        )
    assert "cấp trên xác nhận" in str(refused.value)
    with pytest.raises(PermissionDenied):
        services.product_set(
            user=own.staff[f"cv2_{own.agency.pk}"], occurrence=returned, person=me, units="1", exempt=False
        )
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        services.product_set(user=own.head, occurrence=returned, person=me, units="0", exempt=False)
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        services.product_set(user=own.head, occurrence=returned, person=me, units="-1", exempt=False)
    services.product_set(
        user=own.head,
        occurrence=returned,
        person=me,
        units="2",
        exempt=True,
        exempt_reason="Hệ thống lỗi",
        confirmed=True,
    )
    sheet = person_sheet(me, rating_period(MARCH))
    assert (sheet.task.a, sheet.task.b, sheet.task.c, sheet.task.points) == (D(100), D(100), D(100), D(70))
    assert "nguyên nhân khách quan" in " ".join(sheet.scores[0].losses)


def test_the_cycle_self_head_decision_locks_and_a_change_needs_the_reason(own, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    me = me_user.person
    product(own, me, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 10))
    with pytest.raises(ValidationError, match="từ 0 đến 30"):
        services.rating_self_assess(user=me_user, person=me, period_code=MARCH, general="31", comment="Tốt")
    with pytest.raises(ValidationError, match="chưa kết thúc"):
        services.rating_self_assess(
            user=me_user, person=me, period_code="2026-04", general="28", comment="Tốt"
        )
    with pytest.raises(PermissionDenied):
        services.rating_self_assess(user=own.head, person=me, period_code=MARCH, general="28", comment="Tốt")
    services.rating_self_assess(
        user=me_user, person=me, period_code=MARCH, general="29", comment="Chấp hành tốt"
    )
    with pytest.raises(ValidationError, match="lý do"):
        services.rating_score(user=own.head, person=me, period_code=MARCH, general="27", reason="")
    with pytest.raises(PermissionDenied):
        services.rating_score(user=me_user, person=me, period_code=MARCH, general="30", reason="Tự chấm")
    services.rating_score(user=own.head, person=me, period_code=MARCH, general="27", reason="Có lúc đi muộn")
    with pytest.raises(PermissionDenied):
        services.agency_decide(user=own.head, agency=own.agency, period_code=MARCH)
    decided = services.agency_decide(user=own.leader, agency=own.agency, period_code=MARCH)
    rating = Rating.objects.get(person=me, period=MARCH)
    assert [r.pk for r in decided] == [rating.pk]
    # 97 points is "xuất sắc" by points, but 20% of one person rated "tốt" or better rounds down to nobody
    assert (rating.task_points, rating.total, rating.computed_grade, rating.grade) == (
        D(70),
        D(97),
        "excellent",
        "good",
    )
    assert "tối đa 0 người" in rating.grade_note
    assert rating.evidence[0]["key"].startswith("occurrence:")
    with pytest.raises(ValidationError, match="đã được thủ trưởng quyết định"):
        services.rating_score(user=own.head, person=me, period_code=MARCH, general="20", reason="Sửa")
    with pytest.raises(ValidationError, match="lý do"):
        services.rating_amend(user=own.leader, rating=rating, general="15", reason=" ")
    services.rating_amend(
        user=own.leader, rating=rating, general="15", reason="Kết luận kiểm tra công vụ số 5"
    )
    rating.refresh_from_db()
    assert (rating.total, rating.grade) == (D(85), "good")
    change = RatingChange.objects.get(rating=rating)
    assert change.reason == "Kết luận kiểm tra công vụ số 5" and change.changed_by == own.leader


def test_a_disciplined_person_is_not_completed_whatever_the_points(own):
    me = own.person(f"cv1_{own.agency.pk}")
    product(own, me, date(2026, 3, 10), completed=date(2026, 3, 9), accepted=date(2026, 3, 10))
    with pytest.raises(ValidationError, match="căn cứ"):
        services.rating_score(
            user=own.head,
            person=me,
            period_code=MARCH,
            general="30",
            reason="Tốt",
            violations=["disciplined"],
        )
    services.rating_score(
        user=own.head,
        person=me,
        period_code=MARCH,
        general="30",
        reason="Tốt",
        violations=["disciplined"],
        violation_note="Quyết định kỷ luật khiển trách số 12/QĐ",
    )
    sheet = person_sheet(me, rating_period(MARCH))
    assert sheet.total == D(100) and sheet.final_grade == "not_completed"


def test_the_cap_with_eleven_people_rated_good_or_better_keeps_two_excellent(tree, clock):
    own = office(tree.own, staff=11)
    for index, user in enumerate(own.staff.values()):
        product(own, user.person, date(2026, 3, 5), completed=date(2026, 3, 5), accepted=date(2026, 3, 6))
        # 70 task points; general 30, 29, 28 … → totals 100, 99, 98, …, 90 (all eleven ≥ 90)
        services.rating_score(
            user=own.head, person=user.person, period_code=MARCH, general=str(30 - index), reason="Chấm"
        )
    services.agency_decide(user=own.leader, agency=own.agency, period_code=MARCH)
    grades = list(Rating.objects.filter(period=MARCH).order_by("-total").values_list("total", "grade"))
    # 20% of 11 rated "tốt" or better = 2,2 → 2 (rounded down, the parameter): the two highest keep "xuất sắc"
    assert [g for _, g in grades] == ["excellent", "excellent"] + ["good"] * 9
    moved = Rating.objects.filter(period=MARCH, grade="good").first()
    assert "vượt tỷ lệ 20%" in moved.grade_note and "tối đa 2 người" in moved.grade_note


def test_the_cap_exception_raises_the_rate_with_a_recorded_reason(tree, clock):
    own = office(tree.own, staff=8)
    for user in own.staff.values():
        product(own, user.person, date(2026, 3, 5), completed=date(2026, 3, 5), accepted=date(2026, 3, 6))
        services.rating_score(
            user=own.head, person=user.person, period_code=MARCH, general="30", reason="Chấm"
        )
    with pytest.raises(ValidationError, match="căn cứ"):
        services.agency_decide(user=own.leader, agency=own.agency, period_code=MARCH, exception=True)
    services.agency_decide(
        user=own.leader,
        agency=own.agency,
        period_code=MARCH,
        exception=True,
        exception_reason="Tập thể được tặng Cờ thi đua của Chính phủ",
    )
    # 25% of 8 = 2 instead of 20% of 8 = 1,6 → 1
    assert Rating.objects.filter(period=MARCH, grade="excellent").count() == 2


def test_a_quarter_is_computed_from_its_three_months(own):
    me = own.person(f"cv1_{own.agency.pk}")
    product(own, me, date(2026, 1, 10), completed=date(2026, 1, 9), accepted=date(2026, 1, 10))
    product(own, me, date(2026, 2, 10), completed=date(2026, 2, 12), accepted=date(2026, 2, 13))
    product(own, me, date(2026, 3, 10))
    sheet = person_sheet(me, rating_period("2026-Q1"))
    # cumulative (the default): a = 2/3, b = 2/3, c = (1 + 0,75)/3
    assert (sheet.task.a, sheet.task.b, sheet.task.c) == (D("66.67"), D("66.67"), D("58.33"))
    assert "cộng dồn" in sheet.task.explanation and "chưa đối chiếu" in sheet.task.explanation


def test_extra_products_count_and_bad_input_is_refused(own):
    me = own.person(f"cv1_{own.agency.pk}")
    common = {
        "user": own.head,
        "person": me,
        "title": "Soạn tờ trình phát sinh",
        "assigned_on": date(2026, 3, 1),
        "due_on": date(2026, 3, 15),
    }
    with pytest.raises(ValidationError) as refused:
        services.extra_save(**common, completed_on=None, to_standard=False, major_faults=0, units="0")
    assert "lớn hơn 0" in str(refused.value)
    with pytest.raises(ValidationError, match="Hạn phải"):
        services.extra_save(
            **{**common, "due_on": date(2026, 2, 1)},
            completed_on=None,
            to_standard=False,
            major_faults=0,
            units="1",
        )
    services.extra_save(**common, completed_on=date(2026, 3, 14), to_standard=True, major_faults=0, units="2")
    sheet = person_sheet(me, rating_period(MARCH))
    assert sheet.task.points == D(70) and sheet.products[0].source == "extra"


def test_pages_show_each_their_own_and_refuse_another_agency(own, other, client):
    me_user = own.staff[f"cv1_{own.agency.pk}"]
    me = me_user.person
    colleague = own.person(f"cv2_{own.agency.pk}")
    stranger = other.person(f"cv1_{other.agency.pk}")
    late = product(own, me, date(2026, 3, 10), completed=date(2026, 3, 14), accepted=date(2026, 3, 15))
    client.force_login(me_user)
    page = client.get(reverse("ratings:home"), {"ky": MARCH}).content.decode()
    assert "Đánh giá của tôi" in page and f"#ky-{late.pk}" in page and "chậm 4 ngày" in page
    assert client.get(reverse("ratings:person", args=[colleague.pk]), {"ky": MARCH}).status_code == 404
    assert client.get(reverse("ratings:person", args=[stranger.pk]), {"ky": MARCH}).status_code == 404
    assert client.get(reverse("ratings:agency"), {"ky": MARCH}).status_code == 403
    client.force_login(own.head)
    team = client.get(reverse("ratings:team"), {"ky": MARCH}).content.decode()
    assert me.full_name in team and "chưa tự đánh giá" in team
    assert client.get(reverse("ratings:person", args=[stranger.pk]), {"ky": MARCH}).status_code == 404
    response = client.post(
        reverse("ratings:score", args=[stranger.pk]) + f"?ky={MARCH}",
        {"general": "20", "reason": "x", "task_group": "staff"},
    )
    assert response.status_code == 404 and not Rating.objects.filter(person=stranger).exists()
    response = client.post(
        reverse("ratings:score", args=[me.pk]) + f"?ky={MARCH}",
        {"version": "0", "general": "45", "reason": "x", "task_group": "staff"},
    )
    assert response.status_code == 422 and "từ 0 đến 30" in response.content.decode()
    assert not Rating.objects.filter(person=me, general_points__isnull=False).exists()
    client.force_login(own.leader)
    agency_page = client.get(reverse("ratings:agency"), {"ky": MARCH}).content.decode()
    assert "Phân bố xếp loại" in agency_page and "Phòng Kế hoạch" in agency_page
    client.force_login(other.leader)
    assert client.get(reverse("ratings:person", args=[me.pk]), {"ky": MARCH}).status_code == 404
