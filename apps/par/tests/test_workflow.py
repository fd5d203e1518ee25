"""The assessment year through the pages: open, pre-fill, self-score with evidence, submit, appraise with an
adjustment, explain, review, finalise, survey points, publish; and every refusal on the way."""

from __future__ import annotations

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from apps.par.choices import AssessmentStatus
from apps.par.models import Assessment, Score
from apps.par.services import round_open, score_self
from apps.reports.tests.factories import build_year
from apps.scoring.models import CriteriaSet
from domain.scoring.entries import Entry
from domain.uploads.tests.samples import pdf

from .conftest import today

PDF = pdf()


def _assessment(round_, agency) -> Assessment:
    return Assessment.objects.get(round=round_, agency=agency)


def _score(assessment, code) -> Score:
    return Score.objects.get(assessment=assessment, criterion__code=code)


def _post_score(client, score, **data):
    return client.post(reverse("par:score", args=[score.pk]), {"version": score.version, **data})


NOTE = "Văn bản lưu tại Văn phòng Sở, số 15/KH-SXD ngày 10/01/2026"


def _score_everything(client, assessment, skip=()):
    """The focal point scores every self-assessed criterion with direct points, one with a figure."""
    for score in Score.objects.filter(assessment=assessment).select_related("criterion"):
        code = score.criterion.code
        if code in skip or score.criterion.method == "survey" or score.self_entry:
            continue
        if score.criterion.rule and score.criterion.rule.get("kind") == "timeliness":
            response = _post_score(client, score, value="on_time", comment=NOTE)
        elif score.criterion.rule and score.criterion.rule.get("kind") == "yes_no":
            response = _post_score(client, score, value="có", comment=NOTE)
        elif score.criterion.rule and score.criterion.rule.get("kind") == "tiered":
            response = _post_score(client, score, value="95", comment=NOTE)
        elif score.criterion.rule and score.criterion.rule.get("kind") == "proportional":
            response = _post_score(client, score, value="80", comment=NOTE)
        else:
            max_points = score.criterion.max_points
            response = _post_score(
                client,
                score,
                points=str(max_points - 1).replace(".", ","),
                reason="Theo kết quả thực hiện",
                comment=NOTE,
            )
        assert response.status_code == 302, response.content.decode()[:2000]


def test_opening_a_round_makes_one_assessment_per_sở_and_locks_the_set(opened, tree, in_force_set):
    agencies = set(opened.assessments.values_list("agency__code", flat=True))
    assert agencies == {tree.own.code, tree.sibling.code}  # the centre under a Sở and other provinces are not
    in_force_set.refresh_from_db()
    assert in_force_set.locked
    assessment = _assessment(opened, tree.own)
    leaves = {"1.1", "1.2", "1.3", "1.4", "2", "4", "5", "6", "8"}
    leaves |= {"3.1", "3.2", "3.3", "3.4", "7.1", "7.2", "7.3", "7.4"}
    assert set(assessment.scores.values_list("criterion__code", flat=True)) == leaves


def test_only_the_provinces_sở_nội_vụ_opens_a_round_and_only_once(people, in_force_set, opened):
    day = today()
    dates = {
        "self_deadline": day + timedelta(days=1),
        "appraisal_deadline": day + timedelta(days=2),
        "explanation_deadline": day + timedelta(days=3),
        "final_deadline": day + timedelta(days=4),
    }
    with pytest.raises(PermissionDenied):
        round_open(user=people.other_appraiser, criteria_set=in_force_set, **dates)
    with pytest.raises(PermissionDenied):
        round_open(user=people.focal, criteria_set=in_force_set, **dates)
    with pytest.raises(ValidationError, match="không mở lần thứ hai"):
        round_open(user=people.appraiser, criteria_set=in_force_set, **dates)


def test_deadlines_out_of_order_are_refused_and_nothing_is_opened(people, in_force_set):
    day = today()
    with pytest.raises(ValidationError, match="theo thứ tự"):
        round_open(
            user=people.appraiser,
            criteria_set=in_force_set,
            self_deadline=day + timedelta(days=10),
            appraisal_deadline=day + timedelta(days=5),
            explanation_deadline=day + timedelta(days=30),
            final_deadline=day + timedelta(days=40),
        )
    in_force_set.refresh_from_db()
    assert not in_force_set.locked and not in_force_set.rounds.exists()


def test_computed_criteria_are_prefilled_from_the_agencys_data(tree, people, in_force_set, client):
    build_year(tree.own)
    day = today()
    round_ = round_open(
        user=people.appraiser,
        criteria_set=in_force_set,
        self_deadline=day + timedelta(days=10),
        appraisal_deadline=day + timedelta(days=20),
        explanation_deadline=day + timedelta(days=30),
        final_deadline=day + timedelta(days=40),
    )
    score = _score(_assessment(round_, tree.own), "1.2")
    assert score.computed_value and score.computed_points is not None
    assert score.self_entry == {"value": score.computed_value}  # the figure is the self-score until changed
    assert score.self_points == score.computed_points
    client.force_login(people.focal)
    page = client.get(reverse("par:assessment", args=[score.assessment_id])).content.decode()
    assert "Xem số liệu" in page and score.computed_note[:30] in page
    # a different score than the figure needs a reason
    response = _post_score(client, score, points="2")
    assert response.status_code == 400
    assert "hãy ghi lý do điều chỉnh" in response.content.decode()
    score.refresh_from_db()
    assert score.self_entry == {"value": score.computed_value}


def test_the_whole_year_from_self_assessment_to_published_ranking(opened, tree, people, client):
    mine = _assessment(opened, tree.own)
    client.force_login(people.focal)
    # a score above the maximum is refused with the engine's words, nothing saved
    criterion_2 = _score(mine, "2")
    response = _post_score(client, criterion_2, points="11", reason="thử")
    assert response.status_code == 400 and "phải từ 0 đến 10" in response.content.decode()
    # evidence that is not a document is refused; a real PDF is kept
    program = io.BytesIO(b"MZ\x90\x00" + b"\x00" * 200)
    program.name = "bao-cao.pdf"
    response = _post_score(client, criterion_2, points="9", reason="Có văn bản", evidence_files=program)
    assert response.status_code == 400
    assert not Score.objects.get(pk=criterion_2.pk).self_entry
    pdf = io.BytesIO(PDF)
    pdf.name = "quyet-dinh-ban-hanh.pdf"
    response = _post_score(client, criterion_2, points="9", reason="Có văn bản", evidence_files=pdf)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert criterion_2.evidence.get().original_name == "quyet-dinh-ban-hanh.pdf"
    # submitting with criteria left unscored is refused and names them
    response = client.post(reverse("par:submit", args=[mine.pk]), {"version": mine.version}, follow=True)
    assert "Tiêu chí 3.4 chưa chấm." in response.content.decode()
    _score_everything(client, mine)
    mine.refresh_from_db()
    response = client.post(reverse("par:submit", args=[mine.pk]), {"version": mine.version}, follow=True)
    assert "Đã nộp bản tự đánh giá" in response.content.decode(), [
        m.message for m in response.context["messages"]
    ][-4:]
    mine.refresh_from_db()
    assert mine.status == AssessmentStatus.SUBMITTED
    # locked: the focal point can no longer write
    assert _post_score(client, criterion_2, points="10", reason="x").status_code == 403
    # Sở Nội vụ of the other province cannot even see it; the other Sở's focal point neither
    for outsider in (people.other_appraiser, people.sibling_focal):
        client.force_login(outsider)
        assert client.get(reverse("par:assessment", args=[mine.pk])).status_code == 404
    # the appraiser accepts all, adjusts criterion 3.4 with a reason
    client.force_login(people.appraiser)
    for score in Score.objects.filter(assessment=mine).exclude(criterion__method="survey"):
        if score.criterion.code == "3.4":
            response = _post_score(client, score, verdict="adjusted", points="7", reason="")
            assert response.status_code == 400 and "phải ghi lý do" in response.content.decode()
            response = _post_score(
                client, score, verdict="adjusted", points="7", reason="Thiếu báo cáo rà soát TTHC quý IV"
            )
        else:
            response = _post_score(client, score, verdict="accepted")
        assert response.status_code == 302
    mine.refresh_from_db()
    client.post(reverse("par:appraisal_done", args=[mine.pk]), {"version": mine.version})
    mine.refresh_from_db()
    assert mine.status == AssessmentStatus.APPRAISED
    # the focal point explains the adjusted criterion (only that one)
    client.force_login(people.focal)
    adjusted = _score(mine, "3.4")
    assert _post_score(client, _score(mine, "4"), response="…").status_code == 403
    assert (
        _post_score(client, adjusted, response="Báo cáo quý IV gửi ngày 20/12, kèm theo").status_code == 302
    )
    client.post(reverse("par:explanation_submit", args=[mine.pk]), {"version": mine.version})
    mine.refresh_from_db()
    assert mine.status == AssessmentStatus.EXPLAINED
    # the review keeps a part: 8,5 of 10,5
    client.force_login(people.appraiser)
    adjusted.refresh_from_db()
    response = _post_score(
        client, adjusted, verdict="adjusted", points="8,5", reason="Chấp nhận một phần giải trình"
    )
    assert response.status_code == 302
    mine.refresh_from_db()
    client.post(reverse("par:finalize", args=[mine.pk]), {"version": mine.version})
    mine.refresh_from_db()
    assert mine.status == AssessmentStatus.FINAL
    # survey points for criterion 8 from a sheet
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã cơ quan", "Mã tiêu chí", "Điểm"])
    sheet.append([tree.own.code, "8", 12.4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "dieu-tra-xhh.xlsx"
    client.post(reverse("par:survey_import", args=[opened.pk]), {"file": upload})
    mine.refresh_from_db()
    assert mine.survey_total == Decimal("12.4")
    # points: 1.1 on time 1, 1.2 95% → 2, 1.3 yes 1, 1.4 5, 2 9; 3.1–3.3 at 80% 1,6 + 0,8 + 0,8, 3.4 8,5
    # (reviewed); 4 10, 5 15, 6 6; 7.1–7.3 at 80% 1,2 + 0,8 + 1,2, 7.4 11; 8 survey 12,4
    assert mine.final_total == Decimal("87.30")
    assert mine.index_percent == Decimal("87.30")
    # nothing is public before publication
    assert client.get(reverse("par:public_round", args=[opened.pk])).status_code == 404
    # publication waits for the other Sở
    response = client.post(reverse("par:publish", args=[opened.pk]), {"version": opened.version}, follow=True)
    assert "Còn 1 cơ quan chưa chốt kết quả: Sở Nội vụ tỉnh Một" in response.content.decode()
    other = _assessment(opened, tree.sibling)
    Assessment.objects.filter(pk=other.pk).update(status=AssessmentStatus.FINAL)
    opened.refresh_from_db()
    client.post(
        reverse("par:publish", args=[opened.pk]), {"version": opened.version, "decision_number": "45/QĐ-UBND"}
    )
    opened.refresh_from_db()
    assert opened.published_at is not None
    # after publication the other Sở's focal point reads the ranking and the result
    client.force_login(people.sibling_focal)
    page = client.get(reverse("par:ranking", args=[opened.pk])).content.decode()
    assert "Sở Xây dựng tỉnh Một" in page and "87,3" in page
    page = client.get(reverse("par:assessment", args=[mine.pk])).content.decode()
    assert "Điểm bị mất" in page and "Thiếu báo cáo rà soát TTHC quý IV" in page
    # and anyone, signed in or not, reads the published ranking and the agency's result on a public page
    client.logout()
    page = client.get(reverse("par:public_round", args=[opened.pk])).content.decode()
    assert "Sở Xây dựng tỉnh Một" in page and "87,3" in page
    page = client.get(reverse("par:public_agency", args=[tree.own.code])).content.decode()
    assert "Cải cách thủ tục hành chính" in page and "87,3%" in page
    assert "Thiếu báo cáo rà soát" not in page  # the appraisal's reasons stay inside
    assert client.get(reverse("par:public_agency", args=[tree.other.code])).status_code == 404
    assert "Năm 2026" in client.get(reverse("surveys:public_index")).content.decode()
    # the Excel table in the province's layout
    client.force_login(people.focal)
    response = client.get(reverse("par:assessment_export", args=[mine.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[3]]
    assert header[2:8] == [
        "Điểm tối đa",
        "Điều tra XHH",
        "Tự đánh giá",
        "Thẩm định",
        "Điểm đạt",
        "Chỉ số (%)",
    ]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=4, values_only=True)}
    assert (
        rows["3.4"][2] == 10.5 and rows["3.4"][4] == 9.5 and rows["3.4"][5] == 8.5 and rows["3.4"][6] == 8.5
    )
    assert rows["3"][2] == 14.5 and rows["3"][6] == 11.7  # an area adds up its criteria
    assert rows["8"][3] == 12.4 and rows["8"][4] is None
    assert rows[None][1] == "Tổng" and rows[None][6] == 87.3


def test_a_score_after_the_deadline_is_refused(opened, tree, people):
    score = _score(_assessment(opened, tree.own), "2")
    with pytest.raises(ValidationError, match="quá hạn nộp"):
        score_self(
            user=people.focal,
            score=score,
            entry=Entry(points=Decimal(5), reason="x"),
            today=opened.self_deadline + timedelta(days=1),
        )


def test_leaders_read_but_do_not_score_and_viewers_of_other_agencies_see_nothing(
    opened, tree, people, client
):
    mine = _assessment(opened, tree.own)
    client.force_login(people.leader)
    assert client.get(reverse("par:assessment", args=[mine.pk])).status_code == 200
    assert _post_score(client, _score(mine, "2"), points="5", reason="x").status_code == 403
    client.force_login(people.viewer)
    assert client.get(reverse("par:assessment", args=[mine.pk])).status_code == 200
    other = _assessment(opened, tree.sibling)
    assert client.get(reverse("par:assessment", args=[other.pk])).status_code == 404
    assert client.get(reverse("par:ranking", args=[opened.pk])).status_code == 403


def test_a_survey_file_with_an_unknown_agency_saves_nothing(opened, tree, people, client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Mã cơ quan", "Mã tiêu chí", "Điểm"])
    sheet.append([tree.own.code, "8", 10])
    sheet.append(["KHONG-CO", "8", 10])
    sheet.append([tree.sibling.code, "8", 99])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = io.BytesIO(buffer.getvalue())
    upload.name = "dieu-tra.xlsx"
    client.force_login(people.appraiser)
    page = client.post(reverse("par:survey_import", args=[opened.pk]), {"file": upload}, follow=True)
    text = page.content.decode()
    assert "Dòng 3: không có cơ quan mã KHONG-CO trong đợt đánh giá." in text
    assert "Dòng 4:" in text and "phải từ 0 đến 15,5" in text
    assert not Score.objects.filter(assessment__round=opened).exclude(survey_entry={}).exists()


def test_the_set_of_an_open_round_cannot_be_edited(opened, in_force_set):
    from apps.scoring.services import criterion_update

    criterion = in_force_set.criteria.get(code="2")
    with pytest.raises(ValidationError, match="không sửa được nữa"):
        criterion_update(criterion=criterion, title="Đổi tên", max_points=Decimal(10), method="self_assessed")
    assert CriteriaSet.objects.get(pk=in_force_set.pk).locked


def test_par_score_prints_the_assessments_self_and_appraised_points(opened, tree, people):
    import json

    from django.core.management import call_command

    from apps.par.services import assessment_submit, score_appraise

    mine = _assessment(opened, tree.own)
    score_self(
        user=people.focal, score=_score(mine, "2"), entry=Entry(points=Decimal(8), reason="Đủ văn bản")
    )
    out = io.StringIO()
    call_command("par", "score", "--agency", tree.own.code, "--year", str(opened.year), "--json", stdout=out)
    printed = json.loads(out.getvalue())
    rows = {row["code"]: row for row in printed["criteria"]}
    assert rows["2"]["self"] == "8.00" and rows["2"]["appraised"] is None
    assert printed["total"]["self"] == "8.00" and printed["total"]["appraised"] is None
    Score.objects.filter(assessment=mine).exclude(criterion__code="2").update(
        self_entry={"not_applicable": True, "reason": "Thử"}
    )
    assessment_submit(user=people.focal, assessment=mine)
    score_appraise(
        user=people.appraiser,
        score=_score(mine, "2"),
        verdict="adjusted",
        entry=Entry(points=Decimal(6), reason="x"),
        reason="Thiếu một văn bản",
    )
    out = io.StringIO()
    call_command("par", "score", "--agency", tree.own.code, "--year", str(opened.year), "--json", stdout=out)
    rows = {row["code"]: row for row in json.loads(out.getvalue())["criteria"]}
    assert rows["2"]["self"] == "8.00" and rows["2"]["appraised"] == "6.00"


def test_deadline_reminders_go_to_the_agency_then_to_sở_nội_vụ_once_a_day(opened, tree, people):
    from apps.notifications.models import Notification
    from apps.par.reminders import par_reminders_run

    three_days_before = opened.self_deadline - timedelta(days=3)
    first = par_reminders_run(on=three_days_before)
    assert first.agencies == 2  # both Sở are still drafting
    titles = set(Notification.objects.filter(user=people.focal).values_list("title", flat=True))
    assert (
        f"Tự đánh giá Chỉ số CCHC năm {opened.year}: còn 3 ngày ({opened.self_deadline:%d/%m/%Y})" in titles
    )
    assert not Notification.objects.filter(user=people.viewer, kind="par").exists()
    count = Notification.objects.count()
    par_reminders_run(on=three_days_before)
    assert Notification.objects.count() == count  # the same day twice sends nothing new
    assert par_reminders_run(on=opened.self_deadline - timedelta(days=5)).agencies == 0
    mine = _assessment(opened, tree.own)
    Assessment.objects.filter(pk=mine.pk).update(status=AssessmentStatus.SUBMITTED)
    par_reminders_run(on=opened.appraisal_deadline - timedelta(days=1))
    note = Notification.objects.get(user=people.appraiser, title__contains="Thẩm định Chỉ số CCHC")
    assert "1 bản tự đánh giá đang chờ thẩm định" in note.body
    assert not Notification.objects.filter(user=people.other_appraiser, kind="par").exists()


def test_opening_from_the_page_prefills_in_a_background_job(
    people, in_force_set, client, tree, django_capture_on_commit_callbacks
):
    from apps.jobs.models import Job

    build_year(tree.own)
    day = today()
    client.force_login(people.appraiser)
    form = {
        "criteria_set": in_force_set.pk,
        "self_deadline": (day + timedelta(days=10)).strftime("%d/%m/%Y"),
        "appraisal_deadline": (day + timedelta(days=20)).strftime("%d/%m/%Y"),
        "explanation_deadline": (day + timedelta(days=30)).strftime("%d/%m/%Y"),
        "final_deadline": (day + timedelta(days=40)).strftime("%d/%m/%Y"),
        "groups": "Xuất sắc ≥ 90; Tốt ≥ 80; Khá ≥ 65",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("par:round_open"), form)
    assert response.status_code == 302, response.content.decode()[-3000:]
    job = Job.objects.get(kind="par_prefill")
    assert job.status == "succeeded" and "2 cơ quan" in job.message
    round_ = in_force_set.rounds.get()
    assert [g["label"] for g in round_.groups] == ["Xuất sắc", "Tốt", "Khá", "Còn lại"]
    score = _score(_assessment(round_, tree.own), "1.2")
    assert score.computed_points is not None and score.self_entry
    # a date that does not exist is refused with the form's message and nothing is opened
    in_force_set.rounds.all().delete()
    response = client.post(reverse("par:round_open"), {**form, "self_deadline": "31/02/2027"})
    assert response.status_code == 400 and "Ngày không hợp lệ" in response.content.decode()
