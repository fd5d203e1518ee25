"""Movements: from an emulation plan (seeds 000 and 004, field by field), registrations and their deadline,
initiatives and their recognition, contest scoring with a criterion the system measures, the ratings import."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from apps.accounts.tests.factories import RoleFactory, UserFactory
from apps.organizations.models import Person, Unit
from apps.rewards.choices import Grade, InitiativeStatus, ParticipantKind, RatingSource, SubjectChoice
from apps.rewards.models import AnnualRating, Initiative, Movement, Registration
from apps.rewards.services import contest as contest_services
from apps.rewards.services import movements as services
from apps.rewards.services import ratings_input
from domain.scoring.entries import Entry
from domain.uploads.tests import samples

pytestmark = pytest.mark.django_db


# --- from the plan -------------------------------------------------------------------------------------------


def test_seed_000_plan_becomes_a_movement_with_its_contents_targets_and_indicators(import_seed, focal):
    plan = import_seed("000")

    movement = services.movement_create_from_plan(user=focal, plan=plan)

    assert movement.name.startswith("Phong trào thi đua đẩy mạnh công tác cải cách hành chính")
    assert (movement.start_year, movement.end_year, movement.period_label) == (2026, 2026, "Năm 2026")
    assert movement.agency.code == "DLK-SXD"
    assert movement.plan == plan
    contents = list(movement.contents.order_by("order"))
    assert len(contents) == plan.objectives.count() == 20
    on_time = next(c for c in contents if c.title.startswith("Tỷ lệ hồ sơ giải quyết đúng hạn"))
    assert (on_time.target_value, on_time.target_unit) == (Decimal("98.00"), "%")
    assert on_time.target_text == "≥ 98%"
    assert on_time.indicator is not None and on_time.indicator.code == "dossier_on_time_rate"
    sipas = next(c for c in contents if "SIPAS" in c.title)
    assert sipas.indicator is not None and sipas.indicator.code == "satisfaction_rate"
    first = contents[0]
    assert first.title.startswith("Thi đua thực hiện hiệu quả các nhiệm vụ cải cách hành chính")
    assert (first.target_text, first.indicator) == ("", None)
    # the Sở's own units take part; the plan sets no period rules of its own
    units = Unit.objects.filter(agency=movement.agency, is_active=True)
    assert movement.participant_kind == ParticipantKind.UNIT
    assert {p.unit_id for p in movement.participants.all()} == {u.pk for u in units}
    assert (movement.min_initiatives, movement.min_outstanding_years) == (None, None)


def test_seed_004_movement_reads_its_period_rules_and_report_day(import_seed, focal_daison):
    plan = import_seed("004")

    movement = services.movement_create_from_plan(user=focal_daison, plan=plan)

    assert movement.name.startswith(
        "Phong trào thi đua “Đẩy mạnh cải cách hành chính trên địa bàn xã Đại Sơn"
    )
    assert (movement.start_year, movement.end_year) == (2026, 2030)
    assert movement.period_label == "Giai đoạn 2026–2030"
    titles = list(movement.contents.order_by("order").values_list("title", flat=True))
    assert len(titles) == 6
    assert titles[0].startswith("Thi đua nâng cao trách nhiệm của người đứng đầu")
    assert titles[4].startswith("Thi đua trong việc đề xuất các giải pháp, sáng kiến")
    assert (movement.min_initiatives, movement.min_outstanding_years) == (2, 3)
    assert movement.own_rules_subject == SubjectChoice.COLLECTIVE
    assert "tổng kết giai đoạn" in movement.own_rules_source
    assert (movement.report_due_day, movement.report_due_month) == (20, 11)


def test_a_plan_of_another_type_or_already_used_is_refused(import_seed, focal):
    par_plan = import_seed("001")
    with pytest.raises(ValidationError, match="không phải loại “Phong trào thi đua”"):
        services.movement_create_from_plan(user=focal, plan=par_plan)
    plan = import_seed("000")
    services.movement_create_from_plan(user=focal, plan=plan)
    with pytest.raises(ValidationError, match="đã có phong trào"):
        services.movement_create_from_plan(user=focal, plan=plan)
    assert Movement.objects.count() == 1


def test_staff_cannot_create_a_movement(import_seed, demo_org):
    plan = import_seed("000")
    staff = UserFactory()
    RoleFactory(user=staff, agency=demo_org["DLK-SXD"], role="staff")
    with pytest.raises(PermissionDenied):
        services.movement_create_from_plan(user=staff, plan=plan)
    assert not Movement.objects.exists()


# --- registrations -------------------------------------------------------------------------------------------


@pytest.fixture
def movement(import_seed, focal) -> Movement:
    return services.movement_create_from_plan(user=focal, plan=import_seed("000"))


def test_a_unit_registers_before_the_deadline_and_again_replaces_it(movement, focal):
    unit = movement.participants.first().unit

    services.registration_submit(
        user=focal,
        movement=movement,
        year=2026,
        forms=["tap_the_lao_dong_tien_tien"],
        unit=unit,
        today=date(2026, 3, 1),
    )
    services.registration_submit(
        user=focal,
        movement=movement,
        year=2026,
        forms=["tap_the_lao_dong_xuat_sac", "giay_khen"],
        unit=unit,
        today=date(2026, 3, 31),
    )

    registration = Registration.objects.get(movement=movement, unit=unit)
    assert (registration.subject, registration.forms) == (
        "collective",
        ["tap_the_lao_dong_xuat_sac", "giay_khen"],
    )


def test_registration_after_the_deadline_is_refused_with_the_date(movement, focal):
    person = Person.objects.filter(agency=movement.agency).first()
    with pytest.raises(ValidationError, match=r"Đã hết hạn đăng ký thi đua năm 2026 \(hạn ngày 31/03/2026\)"):
        services.registration_submit(
            user=focal,
            movement=movement,
            year=2026,
            forms=["lao_dong_tien_tien"],
            person=person,
            today=date(2026, 4, 1),
        )
    assert not Registration.objects.exists()


def test_a_title_not_for_the_subject_is_refused(movement, focal):
    person = Person.objects.filter(agency=movement.agency).first()
    with pytest.raises(ValidationError, match="không dành cho cá nhân"):
        services.registration_submit(
            user=focal,
            movement=movement,
            year=2026,
            forms=["tap_the_lao_dong_tien_tien"],
            person=person,
            today=date(2026, 3, 1),
        )


def test_the_focal_point_sees_who_has_not_registered(movement, focal):
    from apps.rewards.selectors.movements import not_registered

    units = [p.unit for p in movement.participants.all()]
    services.registration_submit(
        user=focal, movement=movement, year=2026, forms=["giay_khen"], unit=units[0], today=date(2026, 3, 1)
    )

    missing = not_registered(movement=movement, year=2026)

    assert units[0] not in missing.units
    assert len(missing.units) == len(units) - 1
    assert len(missing.people) == Person.objects.filter(agency=movement.agency, is_active=True).count()


# --- initiatives ---------------------------------------------------------------------------------------------


def test_an_initiative_is_registered_then_recognised(movement, focal):
    authors = list(Person.objects.filter(agency=movement.agency)[:2])
    upload = SimpleUploadedFile("sang-kien.pdf", samples.pdf(), content_type="application/pdf")

    initiative = services.initiative_register(
        user=focal,
        agency=movement.agency,
        movement=movement,
        title="Số hóa hồ sơ cấp phép",
        year=2026,
        authors=authors,
        unit=authors[0].unit,
        uploaded=upload,
    )
    assert initiative.status == InitiativeStatus.PROPOSED
    assert initiative.file

    decided = services.initiative_decide(
        user=focal,
        initiative=initiative,
        status=InitiativeStatus.RECOGNISED,
        recognition_number="12/QĐ-HĐSK",
        recognised_on=date(2026, 10, 1),
        recognised_by="Hội đồng sáng kiến Sở",
        today=date(2026, 10, 2),
    )

    assert (decided.status, decided.recognised_on, decided.recognition_number) == (
        "recognised",
        date(2026, 10, 1),
        "12/QĐ-HĐSK",
    )
    assert set(decided.authors.all()) == set(authors)


def test_recognition_without_decision_number_or_date_is_refused(movement, focal):
    initiative = services.initiative_register(
        user=focal, agency=movement.agency, title="Giải pháp", year=2026, other_authors="Ông A"
    )
    with pytest.raises(ValidationError) as caught:
        services.initiative_decide(user=focal, initiative=initiative, status=InitiativeStatus.RECOGNISED)
    assert set(caught.value.message_dict) == {"recognition_number", "recognised_on", "recognised_by"}
    initiative.refresh_from_db()
    assert initiative.status == InitiativeStatus.PROPOSED


def test_a_decided_initiative_is_not_decided_again(movement, focal):
    initiative = services.initiative_register(
        user=focal, agency=movement.agency, title="Giải pháp", year=2026, other_authors="Ông A"
    )
    services.initiative_decide(user=focal, initiative=initiative, status=InitiativeStatus.NOT_RECOGNISED)
    with pytest.raises(ValidationError, match="đã có kết quả"):
        services.initiative_decide(
            user=focal,
            initiative=Initiative.objects.get(pk=initiative.pk),
            status=InitiativeStatus.RECOGNISED,
            recognition_number="1",
            recognised_on=date(2026, 1, 2),
            recognised_by="Hội đồng",
        )


# --- contest scoring -----------------------------------------------------------------------------------------


RUBRIC = {
    "group": "Khối phòng",
    "total_points": "30",
    "criteria": [
        {
            "code": "1",
            "title": "Sáng kiến được công nhận",
            "points": "10",
            "guide": "Mỗi năm ít nhất 01 sáng kiến",
        },
        {
            "code": "2",
            "title": "Tỷ lệ văn bản ban hành đúng thể thức",
            "points": "20",
            "guide": "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn",
        },
    ],
}


def test_contest_scoring_fills_the_initiatives_criterion_and_ranks(movement, focal):
    table = contest_services.contest_tables_from_rubrics(user=focal, movement=movement, rubrics=[RUBRIC])[0]
    assert table.criteria_set.contest and table.group == "Khối phòng"
    first, second = list(movement.participants.all()[:2])
    initiative = services.initiative_register(
        user=focal,
        agency=movement.agency,
        title="Giải pháp",
        year=2026,
        unit=first.unit,
        other_authors="Bà B",
    )
    services.initiative_decide(
        user=focal,
        initiative=initiative,
        status=InitiativeStatus.RECOGNISED,
        recognition_number="3/QĐ",
        recognised_on=date(2026, 6, 1),
        recognised_by="Hội đồng sáng kiến",
        today=date(2026, 6, 2),
    )

    top = contest_services.contest_score_save(
        user=focal, table=table, participant=first, year=2026, entries={"2": Entry(value="90")}
    )
    low = contest_services.contest_score_save(
        user=focal, table=table, participant=second, year=2026, entries={"2": Entry(value="50")}
    )

    assert top.inputs["1"]["auto"] == "1 sáng kiến được công nhận trong năm 2026"
    assert top.total == Decimal("28.00")  # 10 + 90% × 20
    assert top.scorecard["nodes"]["2"]["explanation"].startswith("Tỷ lệ 90% × 20 điểm = 18")
    assert low.total == Decimal("10.00")  # no initiative: 0; 50% × 20
    from apps.rewards.selectors.movements import ranking

    assert [s.participant for s in ranking(table=table, year=2026)] == [first, second]


def test_an_unreadable_entry_is_refused_and_nothing_saved(movement, focal):
    table = contest_services.contest_tables_from_rubrics(user=focal, movement=movement, rubrics=[RUBRIC])[0]
    participant = movement.participants.first()
    with pytest.raises(ValidationError, match="Tiêu chí 2"):
        contest_services.contest_score_save(
            user=focal, table=table, participant=participant, year=2026, entries={"2": Entry(value="nhiều")}
        )
    assert not table.scores.exists()


def test_a_contest_set_is_not_listed_among_the_par_index_sets(movement, focal):
    from apps.scoring.selectors import criteria_set_list_for_user

    table = contest_services.contest_tables_from_rubrics(user=focal, movement=movement, rubrics=[RUBRIC])[0]
    focal.is_superuser = True
    assert table.criteria_set not in criteria_set_list_for_user(user=focal)


# --- annual ratings ------------------------------------------------------------------------------------------


def _sheet(rows: list[list[object]]) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    workbook.save(out)
    return SimpleUploadedFile(
        "xep-loai.xlsx",
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


HEADER = [
    "Năm",
    "Họ và tên",
    "Đơn vị",
    "Xếp loại",
    "Kỷ luật trong năm",
    "Đang xem xét kỷ luật, thanh tra, khiếu nại",
]


def test_ratings_import_saves_every_row(demo_org, focal):
    agency = demo_org["DLK-SXD"]
    people = list(Person.objects.filter(agency=agency)[:2])
    upload = _sheet(
        [
            HEADER,
            [2025, people[0].full_name, "", "Hoàn thành xuất sắc nhiệm vụ", "", ""],
            [2025, people[1].full_name, "", "tốt", "Khiển trách", "Đang thanh tra"],
        ]
    )

    count = ratings_input.annual_ratings_import_xlsx(user=focal, agency=agency, uploaded=upload)

    assert count == 2
    second = AnnualRating.objects.get(person=people[1], year=2025)
    assert (second.grade, second.discipline, second.pending_review, second.source) == (
        Grade.GOOD,
        "khien_trach",
        "Đang thanh tra",
        RatingSource.IMPORTED,
    )


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["Năm", "Tên", "Xếp loại"]], "Thiếu cột “Họ và tên”"),
        ([HEADER, [2025, "Không Có Ai", "", "tốt", "", ""]], "Dòng 2: không có người tên “Không Có Ai”"),
        ([HEADER, [2025, None, "", "giỏi", "", ""]], "Dòng 2: "),
        ([HEADER, ["năm ngoái", "X", "", "tốt", "", ""]], "Dòng 2: năm “năm ngoái” không hợp lệ"),
    ],
)
def test_ratings_import_errors_save_nothing(demo_org, focal, rows, message):
    agency = demo_org["DLK-SXD"]
    person = Person.objects.filter(agency=agency).first()
    good = [2025, person.full_name, "", "tốt", "", ""]
    upload = _sheet([*rows, good] if len(rows) > 1 else rows)
    with pytest.raises(ValidationError) as caught:
        ratings_input.annual_ratings_import_xlsx(user=focal, agency=agency, uploaded=upload)
    assert message in " ".join(caught.value.messages)
    assert not AnnualRating.objects.exists()


def test_a_bad_grade_names_the_row_and_the_value(demo_org, focal):
    agency = demo_org["DLK-SXD"]
    person = Person.objects.filter(agency=agency).first()
    upload = _sheet([HEADER, [2025, person.full_name, "", "giỏi", "", ""]])
    with pytest.raises(ValidationError, match="Dòng 2: xếp loại “giỏi” không hợp lệ"):
        ratings_input.annual_ratings_import_xlsx(user=focal, agency=agency, uploaded=upload)


def test_ratings_are_taken_from_decided_year_ratings(demo_org, focal):
    from apps.ratings.models import Rating

    agency = demo_org["DLK-SXD"]
    person = Person.objects.filter(agency=agency).first()
    Rating.objects.create(agency=agency, person=person, period="2025", status="decided", grade="excellent")
    Rating.objects.create(agency=agency, person=person, period="2025-03", status="decided", grade="good")

    count = ratings_input.annual_ratings_from_ratings(user=focal, agency=agency, year=2025)

    assert count == 1
    rating = AnnualRating.objects.get(person=person, year=2025)
    assert (rating.grade, rating.source) == (Grade.EXCELLENT, RatingSource.RATINGS)


def test_staff_register_only_themself_and_their_unit(movement, demo_org):
    from apps.accounts.models import User

    staff = User.objects.get(username="chuyenvien")
    own = staff.person
    someone = Person.objects.filter(agency=movement.agency).exclude(pk=own.pk).first()
    services.registration_submit(
        user=staff,
        movement=movement,
        year=2026,
        forms=["lao_dong_tien_tien"],
        person=own,
        today=date(2026, 3, 1),
    )
    with pytest.raises(PermissionDenied):
        services.registration_submit(
            user=staff,
            movement=movement,
            year=2026,
            forms=["lao_dong_tien_tien"],
            person=someone,
            today=date(2026, 3, 1),
        )
    assert list(Registration.objects.values_list("person", flat=True)) == [own.pk]


def test_a_contest_table_from_a_spreadsheet_with_its_rules(movement, focal):
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["STT", "Tiêu chí", "Điểm tối đa", "Hướng dẫn chấm điểm"])
    sheet.append(["1", "Tỷ lệ nhiệm vụ hoàn thành đúng hạn", 60, "Tỷ lệ % × điểm tối đa"])
    sheet.append(["2", "Tin, bài tuyên truyền", 40, "Mỗi năm ít nhất 04 tin bài"])
    sheet.append(["", "Tổng cộng", 100, ""])
    out = BytesIO()
    workbook.save(out)
    upload = SimpleUploadedFile("thang-diem.xlsx", out.getvalue())

    table = contest_services.contest_table_import(
        user=focal, movement=movement, group="Khối phòng", uploaded=upload, filename="thang-diem.xlsx"
    )

    criteria = {c.code: c for c in table.criteria_set.criteria.all()}
    assert table.criteria_set.contest
    assert (criteria["1"].rule["kind"], criteria["1"].source) == ("proportional", "task_completion_rate")
    assert (criteria["2"].rule["kind"], criteria["2"].source) == ("count_target", "article_count")
