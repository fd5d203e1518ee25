"""Movements through HTTP and the selectors: what a focal point sees and does, what another agency cannot see."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apps.accounts.choices import Role
from apps.accounts.tests.factories import RoleFactory, UserFactory
from apps.organizations.tests.factories import AgencyFactory, PersonFactory, UnitFactory
from apps.rewards.choices import Grade, InitiativeStatus
from apps.rewards.models import AnnualRating, Initiative, Movement, MovementContent, Participant, Registration
from apps.rewards.selectors import movements as selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> dict[str, Any]:
    """Two agencies, each with a movement (period this year to next), a unit taking part, a person, an
    initiative and a rating; a focal point and a staff member in the first."""
    year = timezone.localdate().year
    out: dict[str, Any] = {"year": year}
    for key in ("own", "other"):
        agency = AgencyFactory(name=f"Sở {key}")
        unit = UnitFactory(agency=agency, name=f"Phòng {key}")
        person = PersonFactory(agency=agency, unit=unit, full_name=f"Người {key}")
        movement = Movement.objects.create(
            agency=agency,
            name=f"Phong trào {key}",
            start_year=year,
            end_year=year + 1,
            registration_due_day=31,
            registration_due_month=12,
        )
        MovementContent.objects.create(
            movement=movement, order=1, title=f"Nội dung {key}", target_text="≥ 98%"
        )
        Participant.objects.create(movement=movement, unit=unit)
        initiative = Initiative.objects.create(
            agency=agency, movement=movement, title=f"Sáng kiến {key}", year=year, unit=unit
        )
        rating = AnnualRating.objects.create(agency=agency, person=person, year=year, grade=Grade.GOOD)
        out[key] = {
            "agency": agency,
            "unit": unit,
            "person": person,
            "movement": movement,
            "initiative": initiative,
            "rating": rating,
        }
    focal = UserFactory()
    RoleFactory(user=focal, agency=out["own"]["agency"], role=Role.FOCAL_POINT)
    staff = UserFactory()
    staff.person = out["own"]["person"]
    staff.save()
    RoleFactory(user=staff, agency=out["own"]["agency"], role=Role.STAFF)
    out["focal"], out["staff"] = focal, staff
    return out


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- selectors: another agency cannot see it -------------------------------------------------------------------


def test_another_agencys_movement_is_not_listed_and_not_found(world):
    from django.http import Http404

    focal = world["focal"]
    assert list(selectors.movement_list_for_user(user=focal)) == [world["own"]["movement"]]
    with pytest.raises(Http404):
        selectors.movement_get_for_user(user=focal, pk=world["other"]["movement"].pk)


def test_another_agencys_initiatives_ratings_and_registrations_are_hidden(world):
    from django.http import Http404

    focal = world["focal"]
    assert list(selectors.initiative_list_for_user(user=focal)) == [world["own"]["initiative"]]
    with pytest.raises(Http404):
        selectors.initiative_get_for_user(user=focal, pk=world["other"]["initiative"].pk)
    assert list(selectors.annual_rating_list_for_user(user=focal)) == [world["own"]["rating"]]
    Registration.objects.create(
        movement=world["other"]["movement"],
        year=world["year"],
        subject="person",
        person=world["other"]["person"],
    )
    assert not selectors.registration_list_for_user(user=focal).exists()


def test_another_agencys_contest_table_is_not_found(world):
    from django.http import Http404

    from apps.rewards.models import ContestTable
    from apps.scoring.services import criteria_set_load

    criteria_set = criteria_set_load(
        data={
            "name": "T",
            "level": "so",
            "year": 2026,
            "criteria": [{"code": "1", "title": "A", "max_points": "5"}],
        },
        agency=world["other"]["agency"],
    )
    table = ContestTable.objects.create(movement=world["other"]["movement"], criteria_set=criteria_set)
    with pytest.raises(Http404):
        selectors.contest_table_get_for_user(user=world["focal"], pk=table.pk)


# --- pages -----------------------------------------------------------------------------------------------------


def test_the_movement_page_shows_contents_participants_and_who_has_not_registered(world):
    own = world["own"]

    page = _client(world["focal"]).get(reverse("rewards:movement", args=[own["movement"].pk]))

    text = page.content.decode()
    assert page.status_code == 200
    assert "Nội dung own" in text and "≥ 98%" in text
    assert "1 tập thể chưa đăng ký" in text and "Phòng own" in text
    assert "Sáng kiến own" in text
    assert "Sở other" not in text


def test_another_agencys_movement_page_is_a_404(world):
    page = _client(world["focal"]).get(reverse("rewards:movement", args=[world["other"]["movement"].pk]))
    assert page.status_code == 404


def test_staff_registers_themself_from_the_page(world):
    own = world["own"]
    url = reverse("rewards:registration", args=[own["movement"].pk])

    page = _client(world["staff"]).post(
        url, {"who": f"person:{own['person'].pk}", "person_forms": ["lao_dong_tien_tien"]}
    )

    assert page.status_code == 302
    registration = Registration.objects.get(person=own["person"])
    assert registration.forms == ["lao_dong_tien_tien"]


def test_staff_cannot_register_someone_else(world):
    own = world["own"]
    other_person = PersonFactory(agency=own["agency"], unit=own["unit"], full_name="Người khác")
    url = reverse("rewards:registration", args=[own["movement"].pk])

    page = _client(world["staff"]).post(
        url, {"who": f"person:{other_person.pk}", "person_forms": ["lao_dong_tien_tien"]}
    )

    assert page.status_code == 400  # not among the choices
    assert not Registration.objects.exists()


def test_a_registration_without_titles_is_refused_on_the_page(world):
    own = world["own"]
    url = reverse("rewards:registration", args=[own["movement"].pk])

    page = _client(world["staff"]).post(url, {"who": f"unit:{own['unit'].pk}"})

    assert page.status_code == 400
    assert "Chọn ít nhất một danh hiệu" in page.content.decode()
    assert not Registration.objects.exists()


def test_staff_cannot_see_the_ratings_page(world):
    url = f"{reverse('rewards:ratings')}?agency={world['own']['agency'].pk}"
    assert _client(world["staff"]).get(url).status_code == 403
    page = _client(world["focal"]).get(url)
    assert page.status_code == 200
    assert "Người own" in page.content.decode()


def test_the_focal_point_records_an_initiatives_recognition(world):
    initiative = world["own"]["initiative"]
    page = _client(world["focal"]).post(
        reverse("rewards:initiative", args=[initiative.pk]),
        {
            "version": initiative.version,
            "status": "recognised",
            "recognition_number": "5/QĐ",
            "recognised_on": "01/02/2026",
            "recognised_by": "Hội đồng sáng kiến",
            "scope": "co_so",
        },
    )
    assert page.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.status, initiative.recognised_on) == (InitiativeStatus.RECOGNISED, date(2026, 2, 1))


def test_staff_cannot_record_a_recognition(world):
    initiative = world["own"]["initiative"]
    page = _client(world["staff"]).post(
        reverse("rewards:initiative", args=[initiative.pk]),
        {"version": initiative.version, "status": "recognised"},
    )
    assert page.status_code == 403


def test_the_ratings_template_downloads(world):
    page = _client(world["staff"]).get(reverse("rewards:ratings_template"))
    assert page.status_code == 200
    assert page["Content-Disposition"].endswith('mau-nhap-xep-loai.xlsx"')


# --- API -------------------------------------------------------------------------------------------------------


def test_api_movement_detail_lists_contents_and_participants(world):
    own = world["own"]
    response = _client(world["staff"]).get(f"/api/v1/rewards/movements/{own['movement'].pk}")
    assert response.status_code == 200
    body = response.json()
    assert [c["title"] for c in body["contents"]] == ["Nội dung own"]
    assert [p["name"] for p in body["participants"]] == ["Phòng own"]


def test_api_another_agencys_movement_is_a_404(world):
    response = _client(world["focal"]).get(f"/api/v1/rewards/movements/{world['other']['movement'].pk}")
    assert response.status_code == 404


def test_api_registration_post_and_list(world):
    own = world["own"]
    client = _client(world["staff"])
    url = f"/api/v1/rewards/movements/{own['movement'].pk}/registrations"

    created = client.post(
        url,
        {"year": world["year"], "unit_id": own["unit"].pk, "forms": ["tap_the_lao_dong_tien_tien"]},
        content_type="application/json",
    )

    assert created.status_code == 201
    assert created.json()["form_labels"] == ["Tập thể lao động tiên tiến"]
    listed = client.get(url).json()
    assert [r["name"] for r in listed["registrations"]] == ["Phòng own"]
    assert listed["not_registered"] is None  # staff do not see the list of who is missing


def test_api_registration_of_another_agencys_person_is_refused(world):
    own = world["own"]
    response = _client(world["focal"]).post(
        f"/api/v1/rewards/movements/{own['movement'].pk}/registrations",
        {"year": world["year"], "person_id": world["other"]["person"].pk, "forms": ["lao_dong_tien_tien"]},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert not Registration.objects.exists()


def test_api_annual_ratings_are_for_the_focal_point(world):
    url = f"/api/v1/rewards/annual-ratings?agency={world['own']['agency'].pk}"
    assert _client(world["staff"]).get(url).status_code == 403
    body = _client(world["focal"]).get(url).json()
    assert [(r["name"], r["grade"]) for r in body] == [("Người own", "good")]


# --- the emulation report ------------------------------------------------------------------------------------


def test_the_emulation_report_tells_the_ranking_initiatives_and_awards(world):
    from apps.reports.compilation import default_overview, report_figures
    from apps.reports.services import report_build
    from apps.rewards.models import Award, ContestScore, ContestTable
    from apps.scoring.services import criteria_set_load

    own = world["own"]
    year = world["year"]
    criteria_set = criteria_set_load(
        data={
            "name": "T",
            "level": "so",
            "year": year,
            "criteria": [{"code": "1", "title": "A", "max_points": "5"}],
        },
        agency=own["agency"],
    )
    table = ContestTable.objects.create(
        movement=own["movement"], group="Khối phòng", criteria_set=criteria_set
    )
    participant = own["movement"].participants.get()
    ContestScore.objects.create(table=table, participant=participant, year=year, total="92.5")
    Initiative.objects.filter(pk=own["initiative"].pk).update(
        status="recognised", recognised_on=date(year, 1, 2), recognition_number="7/QĐ"
    )
    Award.objects.create(
        agency=own["agency"],
        year=year,
        form="lao_dong_tien_tien",
        subject="person",
        person=own["person"],
        recipient_name="Người own",
        decided_on=date(year, 1, 3),
    )
    report = report_build(agency=own["agency"], report_type="emulation", period_code=str(year))
    report.save()

    overview = default_overview(report_figures(report), [])

    assert f"Kết quả chấm điểm thi đua năm {year} (Khối phòng): 1. Phòng own — 92,5 điểm." in overview
    assert "có 1 sáng kiến được công nhận: “Sáng kiến own” (Quyết định số 7/QĐ" in overview
    assert "đã khen thưởng 1 lượt — Lao động tiên tiến: 1." in overview
    assert "Phong trào other" not in overview


def test_a_province_wide_movement_has_its_child_agencies_as_participants():
    from apps.organizations.choices import AgencyLevel
    from apps.rewards.choices import ParticipantKind
    from apps.rewards.services.movements import movement_create

    province = AgencyFactory(name="UBND tỉnh", level=AgencyLevel.PROVINCE)
    children = [AgencyFactory(name=f"Sở {n}", parent=province) for n in ("A", "B")]
    focal = UserFactory()
    RoleFactory(user=focal, agency=province, role=Role.FOCAL_POINT)

    movement = movement_create(
        user=focal,
        agency=province,
        name="Thi đua CCHC toàn tỉnh",
        start_year=2026,
        end_year=2030,
        contents=["Nội dung 1"],
    )

    assert movement.participant_kind == ParticipantKind.AGENCY
    assert {p.participant_agency for p in movement.participants.all()} == set(children)
    assert list(movement.contents.values_list("title", flat=True)) == ["Nội dung 1"]
