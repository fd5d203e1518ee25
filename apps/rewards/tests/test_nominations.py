"""Nominations and the council, from the database: the facts the rules read (ratings, initiatives recognised in
time, members' titles), every bad input of the issue refused with nothing half-saved, the override guard, and
the selectors' scope (another agency cannot see it)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from apps.organizations.tests.factories import PersonFactory
from apps.rewards.choices import DocumentKind, NominationStatus
from apps.rewards.facts import nominee_facts
from apps.rewards.models import Award, CouncilSession, Nomination, NominationDocument, Vote
from apps.rewards.selectors.council import council_get_for_user, session_get_for_user
from apps.rewards.selectors.nominations import (
    document_get_for_user,
    nomination_get_for_user,
    nomination_list_for_user,
)
from apps.rewards.services import council as council_services
from apps.rewards.services import nominations as services
from domain.rewards.forms import AwardForm

from .nomination_builders import award, checked, full_dossier, initiative, nominate, office, pdf, rating

ON = date(2026, 12, 15)


@pytest.fixture
def own(tree):
    return office(tree.own)


def _condition(verdict, key):
    return next(c for c in verdict.conditions if c.key == key)


def _session(built, present=3):
    held = timezone.make_aware(datetime(2026, 12, 16, 8, 0))
    return council_services.session_create(
        user=built.focal, council=built.council, held_at=held, members_present=present
    )


# --- facts ---------------------------------------------------------------------------------------------------


def test_facts_carry_the_ratings_with_refs_to_their_records(own):
    cv1 = own.staff[0]
    r2025, r2026 = rating(cv1, 2025, "excellent"), rating(cv1, 2026, "good")
    facts = nominee_facts(nominate(own, cv1))
    assert [(r.year, r.grade, r.ref) for r in facts.ratings] == [
        (2025, "excellent", f"annual_rating:{r2025.pk}"),
        (2026, "good", f"annual_rating:{r2026.pk}"),
    ]
    assert facts.declarations[0].key == "self_reliance" and facts.declarations[0].met


def test_an_initiative_recognised_the_year_after_does_not_count(own):
    cv1 = own.staff[0]
    rating(cv1, 2026, "good")
    initiative(cv1, 2026, date(2027, 2, 10))
    nomination = nominate(own, cv1, "chien_si_thi_dua_co_so")
    verdict = services.eligibility_of(nomination, on=date(2027, 2, 20))
    assert not verdict.eligible
    assert not _condition(verdict, "soldier").met
    assert "sau năm 2026" in _condition(verdict, "soldier").explanation


def test_an_initiative_recognised_in_the_year_counts_and_is_its_evidence(own):
    cv1 = own.staff[0]
    rating(cv1, 2026, "good")
    item = initiative(cv1, 2026, date(2026, 11, 5))
    verdict = services.eligibility_of(nominate(own, cv1, "chien_si_thi_dua_co_so"), on=ON)
    soldier = _condition(verdict, "soldier")
    assert soldier.met and f"initiative:{item.pk}" in [e.ref for e in soldier.evidence]


@pytest.mark.parametrize(("holders", "met"), [(7, True), (6, False)])
def test_a_collective_needs_70_percent_of_its_members_labour_titled(tree, holders, met):
    built = office(tree.own, staff=7)  # 7 staff + the unit head = 8 … make it 10 members below
    PersonFactory(agency=tree.own, unit=built.unit, full_name="Nguyễn Chuyên Viên 8")
    PersonFactory(agency=tree.own, unit=built.unit, full_name="Nguyễn Chuyên Viên 9")
    members = list(built.unit.people.all())
    assert len(members) == 10
    for person in members[:holders]:
        award(person, "lao_dong_tien_tien", 2026)
    nomination = services.nomination_create(
        user=built.focal,
        agency=tree.own,
        year=2026,
        form="tap_the_lao_dong_tien_tien",
        unit=built.unit,
        achievement="Hoàn thành tốt nhiệm vụ",
    )
    facts = nominee_facts(nomination)
    assert len(facts.members) == 10
    assert sum(1 for m in facts.members if AwardForm.LABOUR in m.titles) == holders
    verdict = services.eligibility_of(nomination, on=ON)
    assert _condition(verdict, "members_labour").met is met


# --- nominations: bad input ------------------------------------------------------------------------------------


def test_a_person_of_another_agency_is_refused_and_nothing_saved(own, tree):
    stranger = PersonFactory(agency=tree.other, full_name="Người Tỉnh Hai")
    with pytest.raises(ValidationError, match="không thuộc cơ quan"):
        services.nomination_create(
            user=own.focal,
            agency=own.agency,
            year=2026,
            form="lao_dong_tien_tien",
            person=stranger,
            achievement="x",
        )
    assert Nomination.objects.count() == 0


def test_a_title_already_awarded_for_the_year_is_refused(own):
    cv1 = own.staff[0]
    award(cv1, "lao_dong_tien_tien", 2026)
    with pytest.raises(ValidationError, match="đã được tặng Lao động tiên tiến năm 2026"):
        nominate(own, cv1)
    assert Nomination.objects.count() == 0


def test_the_same_nomination_twice_is_refused(own):
    nominate(own, own.staff[0])
    with pytest.raises(ValidationError, match="Đã có đề nghị"):
        nominate(own, own.staff[0])
    assert Nomination.objects.count() == 1


def test_a_form_not_for_the_subject_is_refused(own):
    with pytest.raises(ValidationError, match="không xét tặng cho cá nhân"):
        nominate(own, own.staff[0], "tap_the_lao_dong_tien_tien")


def test_a_unit_head_proposes_only_their_units_people(own):
    outsider = PersonFactory(agency=own.agency, unit=own.office_unit)
    with pytest.raises(PermissionDenied):
        nominate(own, outsider)
    # The office proposes anyone of the agency.
    services.nomination_create(
        user=own.focal,
        agency=own.agency,
        year=2026,
        form="lao_dong_tien_tien",
        person=outsider,
        achievement="x",
    )


def test_an_initiative_not_yet_recognised_is_refused_as_proof(own):
    cv1 = own.staff[0]
    item = initiative(cv1, 2026, None)
    nomination = nominate(own, cv1, "chien_si_thi_dua_co_so")
    with pytest.raises(ValidationError, match="chưa được Hội đồng sáng kiến công nhận"):
        services.nomination_document_add(
            user=own.head,
            nomination=nomination,
            kind=DocumentKind.INITIATIVE_PROOF,
            file=pdf(),
            initiative=item,
        )
    assert NominationDocument.objects.count() == 0


def test_a_dossier_missing_a_document_cannot_be_sent(own):
    nomination = nominate(own, own.staff[0])
    services.nomination_document_add(user=own.head, nomination=nomination, kind="to_trinh", file=pdf())
    with pytest.raises(ValidationError, match="Báo cáo thành tích"):
        services.nomination_submit(user=own.head, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DRAFT


def test_a_file_that_is_not_a_document_is_refused(own):
    nomination = nominate(own, own.staff[0])
    with pytest.raises(ValidationError):
        services.nomination_document_add(
            user=own.head,
            nomination=nomination,
            kind="to_trinh",
            file=pdf("virus.exe").__class__(
                "virus.exe", b"MZ\x90\x00binary", content_type="application/x-msdownload"
            ),
        )
    assert NominationDocument.objects.count() == 0


# --- the check, the override guard -----------------------------------------------------------------------------


def test_the_check_freezes_each_condition_with_its_evidence(own):
    cv1 = own.staff[0]
    r2026 = rating(cv1, 2026, "good")
    nomination = checked(own, nominate(own, cv1))
    assert nomination.status == NominationStatus.CHECKED and nomination.eligible is True
    keys = {c["key"]: c for c in nomination.verdict["conditions"]}
    assert keys["dossier"]["met"]
    assert f"annual_rating:{r2026.pk}" in [e["ref"] for e in keys["rating"]["evidence"]]
    assert nomination.verdict["rule_set"]["code"] == "luat2022_nd152_2025"


def test_a_failed_nomination_cannot_be_voted_without_the_chairs_override(own):
    cv1 = own.staff[0]
    rating(cv1, 2026, "completed")  # not "tốt": fails Lao động tiên tiến
    nomination = checked(own, nominate(own, cv1))
    assert nomination.eligible is False
    session = _session(own)
    with pytest.raises(ValidationError, match="Chủ tịch Hội đồng"):
        council_services.votes_record(user=own.focal, session=session, counts={nomination.pk: 3})
    with pytest.raises(PermissionDenied):
        services.nomination_override(user=own.focal, nomination=nomination, reason="Thành tích đột xuất")
    with pytest.raises(ValidationError):
        services.nomination_override(user=own.leader, nomination=nomination, reason="  ")
    services.nomination_override(user=own.leader, nomination=nomination, reason="Thành tích đột xuất")
    nomination.refresh_from_db()
    assert nomination.override_by == own.leader and nomination.override_reason == "Thành tích đột xuất"
    council_services.votes_record(user=own.focal, session=session, counts={nomination.pk: 3})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.VOTED


def test_the_focal_point_returns_with_a_reason(own):
    nomination = nominate(own, own.staff[0])
    full_dossier(own, nomination)
    services.nomination_submit(user=own.head, nomination=nomination)
    with pytest.raises(PermissionDenied):
        services.nomination_return(user=own.head, nomination=nomination, reason="x")
    services.nomination_return(user=own.focal, nomination=nomination, reason="Thiếu chữ ký")
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.RETURNED and nomination.return_reason == "Thiếu chữ ký"


# --- the council ------------------------------------------------------------------------------------------------


def test_members_present_above_the_council_are_refused(own):
    with pytest.raises(ValidationError, match="vượt tổng số thành viên"):
        _session(own, present=4)
    assert CouncilSession.objects.count() == 0


def test_a_quorum_not_met_is_refused(own):
    with pytest.raises(ValidationError, match="Không đủ số thành viên"):
        _session(own, present=1)  # 1/3 < 2/3
    assert CouncilSession.objects.count() == 0


def test_a_vote_count_above_the_members_present_refuses_the_whole_form(own):
    first, second = own.staff[0], own.staff[1]
    rating(first, 2026, "good")
    rating(second, 2026, "good")
    a, b = checked(own, nominate(own, first)), checked(own, nominate(own, second))
    session = _session(own, present=3)
    with pytest.raises(ValidationError) as caught:
        council_services.votes_record(user=own.focal, session=session, counts={a.pk: 3, b.pk: 4})
    assert "vượt số thành viên có mặt" in str(caught.value)
    assert Vote.objects.count() == 0
    a.refresh_from_db()
    assert a.status == NominationStatus.CHECKED


def test_votes_decide_passed_or_not_rewarded_with_the_threshold(own):
    first, second = own.staff[0], own.staff[1]
    rating(first, 2026, "good")
    rating(second, 2026, "good")
    a, b = checked(own, nominate(own, first)), checked(own, nominate(own, second))
    votes = council_services.votes_record(user=own.focal, session=_session(own), counts={a.pk: 2, b.pk: 1})
    assert [v.passed for v in votes] == [True, False]
    assert "trên 50%" in votes[0].threshold_text
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (NominationStatus.VOTED, NominationStatus.REJECTED)


def test_a_register_award_is_never_counted_against_its_own_nomination(own):
    cv1 = own.staff[0]
    rating(cv1, 2026, "good")
    nomination = checked(own, nominate(own, cv1))
    Award.objects.create(
        agency=own.agency,
        nomination=nomination,
        year=2026,
        form="lao_dong_tien_tien",
        subject="person",
        person=cv1,
        recipient_name=cv1.full_name,
        decided_on=date(2026, 12, 20),
    )
    assert nominee_facts(nomination).past_awards == ()


# --- selectors: another agency cannot see it ---------------------------------------------------------------------


def test_another_agency_cannot_see_nominations_documents_councils_or_sessions(own, tree, make_user):
    cv1 = own.staff[0]
    nomination = nominate(own, cv1)
    services.nomination_document_add(user=own.head, nomination=nomination, kind="to_trinh", file=pdf())
    document = nomination.documents.get()
    session = _session(own)
    stranger = make_user("focal_point", tree.other)
    for read, pk in (
        (nomination_get_for_user, nomination.pk),
        (document_get_for_user, document.pk),
        (council_get_for_user, own.council.pk),
        (session_get_for_user, session.pk),
    ):
        with pytest.raises(Http404):
            read(user=stranger, pk=pk)
        assert read(user=own.focal, pk=pk).pk == pk
    assert list(nomination_list_for_user(user=stranger, agency=own.agency)) == []


# --- the dossier, the movement's rules, the province's layer -----------------------------------------------------


def test_a_verdict_resting_on_an_initiative_needs_its_proof_in_the_dossier(own):
    cv1 = own.staff[0]
    rating(cv1, 2026, "good")
    item = initiative(cv1, 2026, date(2026, 11, 5))
    nomination = checked(own, nominate(own, cv1, "chien_si_thi_dua_co_so"))
    dossier = nomination.verdict["conditions"][0]
    assert dossier["key"] == "dossier" and not dossier["met"] and "Số hóa hồ sơ" in dossier["explanation"]
    assert nomination.eligible is False
    services.nomination_return(user=own.focal, nomination=nomination, reason="Bổ sung minh chứng sáng kiến")
    services.nomination_document_add(
        user=own.head, nomination=nomination, kind=DocumentKind.INITIATIVE_PROOF, file=pdf(), initiative=item
    )
    services.nomination_submit(user=own.head, nomination=nomination)
    nomination = services.nomination_check(user=own.focal, nomination=nomination, on=ON)
    assert nomination.eligible is True


def test_a_pending_review_of_the_year_stops_the_nomination(own):
    cv1 = own.staff[0]
    rating(cv1, 2025, "good", pending_review="Khiếu nại năm 2024 đã giải quyết xong")
    rating(cv1, 2026, "good", pending_review="Đang xem xét kỷ luật")
    facts = nominee_facts(nominate(own, cv1))
    assert "Đang xem xét kỷ luật" in facts.pending_review and "2024" not in facts.pending_review
    verdict = services.eligibility_of(nominate(own, own.staff[1]), on=ON)
    assert _condition(verdict, "not_frozen").met  # no rating at all: nothing pending


def test_the_movements_own_rules_are_checked_for_a_collective(own):
    from apps.rewards.models import Movement

    movement = Movement.objects.create(
        agency=own.agency,
        name="Đẩy mạnh cải cách hành chính giai đoạn 2026 – 2030",
        start_year=2026,
        end_year=2030,
        min_initiatives=2,
        own_rules_subject="collective",
        own_rules_source="Kế hoạch phát động phong trào, mục III.2.2",
    )
    nomination = services.nomination_create(
        user=own.focal,
        agency=own.agency,
        year=2026,
        form="tap_the_lao_dong_tien_tien",
        unit=own.unit,
        achievement="Hoàn thành tốt nhiệm vụ",
        movement=movement,
    )
    verdict = services.eligibility_of(nomination, on=ON)
    articles = [c.article for c in verdict.conditions]
    assert any("mục III.2.2" in a for a in articles)


def test_the_provinces_quorum_overrides_the_default(own):
    from apps.rewards.facts import province_of
    from apps.rewards.models import ProvinceRewardRules

    ProvinceRewardRules.objects.create(
        province=province_of(own.agency),
        regulation="Quyết định 9/2025/QĐ-UBND",
        params={
            "quorum": {"kind": "ratio", "value": "1/3", "source": "QĐ 9/2025 Điều 5", "verified": True},
            "award_attendance": {
                "kind": "ratio",
                "value": "1/3",
                "source": "QĐ 9/2025 Điều 5",
                "verified": True,
            },
        },
    )
    assert _session(own, present=1).members_present == 1


def test_refs_become_links_where_the_record_has_a_page(own):
    from django.urls import reverse

    from apps.rewards.facts import ref_url

    nomination = nominate(own, own.staff[0])
    services.nomination_document_add(user=own.head, nomination=nomination, kind="to_trinh", file=pdf())
    document = nomination.documents.get()
    assert ref_url(f"document:{document.pk}") == reverse("rewards:nomination_document", args=[document.pk])
    assert ref_url("award:999999") == "" and ref_url("khac:1") == "" and ref_url("") == ""
