"""Decisions over the council's vote, and the register: prizes from the base salary of the decision's date, the
refusals of the issue's bad input (a decision before the vote, no base salary), one award of a form per nominee
and year, one achievement rewarded once, and nothing half-saved."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from apps.accounts.choices import Role
from apps.rewards.choices import DecisionStatus, NominationStatus
from apps.rewards.models import Award, BaseSalary, RewardDecision
from apps.rewards.selectors.decisions import decision_lines, decision_total
from apps.rewards.services.decisions import decision_create, decision_issue
from apps.rewards.services.register import award_enter

from .decision_builders import nominate, session_on, vote, voted_session


@pytest.fixture
def voted(tree, make_user):
    return voted_session(tree.own, make_user)


def _issue(voted, decision, on=date(2026, 6, 20), number="125/QĐ-SXD"):
    return decision_issue(user=voted.head, decision=decision, number=number, signed_on=on)


def test_a_draft_prices_each_passed_nomination_on_the_base_salary_before_july_2026(voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))

    lines = decision_lines(decision)
    assert decision.base_salary == Decimal(2340000)
    assert [(line.recipient_name, line.form, line.amount) for line in lines] == [
        ("Văn phòng Sở", "giay_khen", Decimal(1410000)),  # 0,6 × 2.340.000 = 1.404.000, rounded up
        ("Hoàng Thị Lan", "lao_dong_tien_tien", Decimal(710000)),  # 0,3 × 2.340.000 = 702.000, rounded up
    ]
    assert decision_total(lines) == Decimal(2120000)
    assert "Trần Văn Bình" not in [line.recipient_name for line in lines]  # the council did not pass him


def test_the_base_salary_of_the_decision_date_is_used_after_july_2026(voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 7, 2))

    assert decision.base_salary == Decimal(2530000)
    amounts = {line.form: line.amount for line in decision_lines(decision)}
    assert amounts["lao_dong_tien_tien"] == Decimal(760000)  # 0,3 × 2.530.000 = 759.000 → 760.000


def test_a_decision_before_the_vote_is_refused(tree, make_user):
    voted = voted_session(tree.own, make_user)
    empty = session_on(tree.own, date(2026, 6, 12), council=voted.council)

    with pytest.raises(ValidationError, match="chưa có kết quả bỏ phiếu"):
        decision_create(user=voted.office, session=empty, signed_on=date(2026, 6, 20))
    with pytest.raises(ValidationError, match="trước ngày Hội đồng họp bỏ phiếu"):
        decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 1))
    assert RewardDecision.objects.count() == 0


def test_a_missing_base_salary_for_the_date_is_refused(voted):
    BaseSalary.objects.all().delete()

    with pytest.raises(ValidationError, match="Chưa có mức lương cơ sở áp dụng cho ngày 20/06/2026"):
        decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))
    assert RewardDecision.objects.count() == 0


def test_only_the_head_issues_and_the_awards_go_to_the_register(voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    with pytest.raises(PermissionDenied):
        decision_issue(user=voted.office, decision=decision, number="1/QĐ", signed_on=date(2026, 6, 20))

    decision = _issue(voted, decision)

    assert decision.status == DecisionStatus.ISSUED and decision.signer == voted.head.person
    awards = {award.recipient_name: award for award in Award.objects.filter(decision=decision)}
    assert awards["Hoàng Thị Lan"].prize_amount == Decimal(710000)
    assert awards["Hoàng Thị Lan"].achievement_key == "lao_dong_tien_tien:2026"
    assert awards["Văn phòng Sở"].unit.code == "VP" and awards["Văn phòng Sở"].subject == "collective"
    voted.nominations["lan"].refresh_from_db()
    assert voted.nominations["lan"].status == NominationStatus.DECIDED
    assert decision_total(decision_lines(decision)) == Decimal(2120000)
    with pytest.raises(ValidationError, match="đã được ban hành"):
        _issue(voted, decision)


def test_issuing_needs_a_number(voted):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))

    with pytest.raises(ValidationError) as error:
        _issue(voted, decision, number=" ")
    assert "number" in error.value.message_dict
    assert Award.objects.count() == 0


def test_of_two_titles_of_one_year_only_the_highest_is_paid(tree, make_user):
    voted = voted_session(tree.own, make_user)
    lan = voted.people["lan"]
    soldier = nominate(tree.own, person=lan, form="chien_si_thi_dua_co_so")
    vote(voted.session, soldier, 5)

    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))

    lan_lines = {
        line.form: line for line in decision_lines(decision) if line.recipient_name == "Hoàng Thị Lan"
    }
    assert lan_lines["chien_si_thi_dua_co_so"].amount == Decimal(2340000)
    assert lan_lines["lao_dong_tien_tien"].amount == 0 and not lan_lines["lao_dong_tien_tien"].paid
    assert "chỉ thưởng danh hiệu cao nhất" in lan_lines["lao_dong_tien_tien"].explanation


def test_the_same_form_and_year_cannot_be_awarded_twice(tree, make_user):
    voted = voted_session(tree.own, make_user)
    award_enter(
        user=voted.office,
        agency=tree.own,
        subject="person",
        person=voted.people["lan"],
        form="lao_dong_tien_tien",
        year=2026,
        decided_on=date(2026, 6, 1),
        decision_label="Quyết định 50/QĐ-SXD ngày 01/06/2026",
    )

    with pytest.raises(ValidationError, match="đã được tặng Lao động tiên tiến năm 2026"):
        decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))
    assert RewardDecision.objects.count() == 0


def test_the_same_achievement_cannot_be_rewarded_twice(tree, make_user):
    voted = voted_session(tree.own, make_user)
    award_enter(
        user=voted.office,
        agency=tree.own,
        subject="person",
        person=voted.people["lan"],
        form="giay_khen",
        year=2026,
        decided_on=date(2026, 5, 1),
        decision_label="Quyết định 40/QĐ-SXD",
        achievement_key="lao_dong_tien_tien:2026",
    )

    with pytest.raises(ValidationError, match="không khen thưởng hai lần cho một thành tích"):
        decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))


def test_the_register_constraint_refuses_a_second_award_and_nothing_is_half_saved(voted, monkeypatch):
    decision = decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 15))
    # Written behind the service's back, between the draft and the issue: only the database can refuse it now.
    Award.objects.create(
        agency=voted.agency,
        year=2026,
        form="giay_khen",
        subject="collective",
        unit=voted.nominations["office"].unit,
        recipient_name="Văn phòng Sở",
        decided_on=date(2026, 6, 1),
    )
    monkeypatch.setattr("apps.rewards.services.decisions._refuse_double", lambda nominations: None)

    with pytest.raises(ValidationError, match="đã có Giấy khen năm 2026 trong sổ khen thưởng"):
        _issue(voted, decision)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT
    assert Award.objects.filter(decision__isnull=False).count() == 0
    voted.nominations["lan"].refresh_from_db()
    assert voted.nominations["lan"].status == NominationStatus.VOTED


def test_the_database_refuses_the_same_form_and_year_twice(voted):
    lan = voted.people["lan"]
    fields = {
        "agency": voted.agency,
        "year": 2025,
        "form": "lao_dong_tien_tien",
        "subject": "person",
        "person": lan,
        "recipient_name": lan.full_name,
        "decided_on": date(2025, 12, 20),
    }
    Award.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Award.objects.create(**fields)


def test_a_form_decided_by_the_province_is_not_decided_by_a_department(tree, make_user):
    voted = voted_session(tree.own, make_user)
    merit = nominate(tree.own, person=voted.people["binh"], form="bang_khen_tinh")
    vote(voted.session, merit, 5)

    with pytest.raises(ValidationError, match="do Chủ tịch UBND tỉnh quyết định"):
        decision_create(user=voted.office, session=voted.session, signed_on=date(2026, 6, 20))


def test_a_staff_member_cannot_draft(voted, make_user):
    staff = make_user(Role.STAFF, voted.agency)
    with pytest.raises(PermissionDenied):
        decision_create(user=staff, session=voted.session, signed_on=date(2026, 6, 20))


# --- the register ------------------------------------------------------------------------------------------------


def test_a_past_award_from_the_paper_register(voted):
    award = award_enter(
        user=voted.office,
        agency=voted.agency,
        subject="person",
        person=voted.people["lan"],
        form="chien_si_thi_dua_co_so",
        year=2024,
        decided_on=date(2024, 12, 25),
        decision_label="Quyết định 210/QĐ-SXD ngày 25/12/2024",
        prize_amount=Decimal(2340000),
    )
    assert award.recipient_name == "Hoàng Thị Lan" and award.decision is None and award.prize_paid


def test_the_register_refuses_another_agencys_person_and_a_form_not_for_the_subject(tree, make_user, voted):
    from apps.organizations.tests.factories import PersonFactory

    stranger = PersonFactory(agency=tree.other)
    common = {"user": voted.office, "agency": voted.agency, "year": 2025, "decided_on": date(2025, 12, 20)}
    with pytest.raises(ValidationError, match="không thuộc cơ quan"):
        award_enter(
            **common, subject="person", person=stranger, form="lao_dong_tien_tien", decision_label="QĐ 1"
        )
    with pytest.raises(ValidationError, match="không xét tặng cho tập thể"):
        award_enter(**common, subject="collective", form="lao_dong_tien_tien", decision_label="QĐ 1")
    with pytest.raises(ValidationError) as error:
        award_enter(
            **common, subject="person", person=voted.people["lan"], form="giay_khen", decision_label=""
        )
    assert "decision_label" in error.value.message_dict
    assert Award.objects.count() == 0


def test_the_register_refuses_the_same_form_and_year_twice(voted):
    common = {
        "user": voted.office,
        "agency": voted.agency,
        "subject": "person",
        "person": voted.people["lan"],
        "form": "lao_dong_tien_tien",
        "year": 2025,
        "decided_on": date(2025, 12, 20),
    }
    award_enter(**common, decision_label="QĐ 10/QĐ-SXD")
    with pytest.raises(ValidationError, match="đã được tặng Lao động tiên tiến năm 2025"):
        award_enter(**common, decision_label="QĐ 11/QĐ-SXD")
    assert Award.objects.count() == 1


def test_only_the_office_enters_the_register(voted, make_user):
    staff = make_user(Role.STAFF, voted.agency)
    with pytest.raises(PermissionDenied):
        award_enter(
            user=staff,
            agency=voted.agency,
            subject="person",
            person=voted.people["lan"],
            form="lao_dong_tien_tien",
            year=2025,
            decided_on=date(2025, 12, 20),
            decision_label="QĐ 1",
        )
