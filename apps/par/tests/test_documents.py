"""The Word documents of the assessment year through the pages: an agency's self-assessment report and the
decision publishing a round's results, each read back with python-docx."""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

import docx
import pytest
from django.urls import reverse
from django.utils import timezone
from docx.document import Document

from apps.par.choices import AssessmentStatus, Verdict
from apps.par.models import Assessment, AssessmentRound, Score
from apps.par.services import (
    assessment_appraisal_done,
    assessment_explanation_submit,
    assessment_finalize,
    assessment_submit,
    round_publish,
    score_appraise,
    score_self,
    survey_points_set,
)
from domain.scoring.entries import Entry

from .conftest import People

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NOTE = "Văn bản lưu tại Văn phòng Sở"
ADJUSTMENT = "Thiếu báo cáo rà soát TTHC quý IV"

pytestmark = pytest.mark.django_db


def _assessment(round_: AssessmentRound, agency: Any) -> Assessment:
    return Assessment.objects.get(round=round_, agency=agency)


def _scores(assessment: Assessment) -> list[Score]:
    return list(Score.objects.filter(assessment=assessment).select_related("criterion", "assessment"))


def _self_score(assessment: Assessment, focal: Any, lose: dict[str, Decimal]) -> None:
    """Every criterion the agency scores at its maximum, less what ``lose`` names."""
    for score in _scores(assessment):
        if score.criterion.method == "survey":
            continue
        points = (score.criterion.max_points or Decimal(0)) - lose.get(score.criterion.code, Decimal(0))
        entry = Entry(points=points, reason="Theo kết quả thực hiện")
        score_self(user=focal, score=score, entry=entry, comment=NOTE)


def _finalize(
    assessment: Assessment,
    people: People,
    focal: Any,
    *,
    lose: dict[str, Decimal],
    adjust: dict[str, Decimal],
    survey: str,
) -> Assessment:
    """Self-score, submit, appraise (adjusting ``adjust`` with a reason), explain, finalise, survey points."""
    _self_score(assessment, focal, lose)
    assessment_submit(user=focal, assessment=assessment)
    for score in _scores(assessment):
        code = score.criterion.code
        if score.criterion.method == "survey":
            survey_points_set(user=people.appraiser, score=score, entry=Entry(value=survey))
        elif code in adjust:
            entry = Entry(points=adjust[code], reason=ADJUSTMENT)
            score_appraise(
                user=people.appraiser, score=score, verdict=Verdict.ADJUSTED, entry=entry, reason=ADJUSTMENT
            )
        else:
            score_appraise(user=people.appraiser, score=score, verdict=Verdict.ACCEPTED)
    assessment_appraisal_done(user=people.appraiser, assessment=assessment)
    assessment.refresh_from_db()
    if assessment.status == AssessmentStatus.APPRAISED:
        assessment_explanation_submit(user=focal, assessment=assessment)
        assessment_finalize(user=people.appraiser, assessment=assessment)
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.FINAL
    return assessment


def _read(response: Any) -> Document:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == DOCX
    return docx.Document(BytesIO(response.content))


def _texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _rows(document: Document, index: int) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in document.tables[index].rows]


def _finalize_both(opened: AssessmentRound, tree: Any, people: People) -> tuple[Assessment, Assessment]:
    """Sở Xây dựng: 2,5 points taken off criterion 3.4, survey 80% (94,4); Sở Nội vụ: 2 points short on
    criterion 2, survey 60% (91,8). The ranking is not the alphabetical order."""
    own = _finalize(
        _assessment(opened, tree.own),
        people,
        people.focal,
        lose={},
        adjust={"3.4": Decimal(8)},
        survey="80",
    )
    sibling = _finalize(
        _assessment(opened, tree.sibling),
        people,
        people.sibling_focal,
        lose={"2": Decimal(2)},
        adjust={},
        survey="60",
    )
    return own, sibling


def test_the_report_downloads_and_names_the_agency_and_its_points(opened, tree, people, client):
    mine = _assessment(opened, tree.own)
    _self_score(mine, people.focal, lose={"2": Decimal(1), "3.4": Decimal("2.5")})
    client.force_login(people.focal)
    response = client.get(reverse("par:assessment_docx", args=[mine.pk]))
    document = _read(response)
    assert "attachment;" in response["Content-Disposition"]
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs][:2] == [
        "UBND TỈNH MỘT",
        "SỞ XÂY DỰNG TỈNH MỘT",
    ]
    body = _texts(document)
    assert "BÁO CÁO" in body
    assert f"Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {opened.year}" in body
    assert (
        "Tổng điểm tự đánh giá của Sở Xây dựng tỉnh Một: 81/84,5 điểm (không tính 15,5 điểm điều tra xã hội "
        "học do Sở Nội vụ tổ chức)." in body
    )
    areas = _rows(document, 1)
    assert areas[3] == ["3", "Cải cách thủ tục hành chính", "14,5", "12", "", ""]
    assert areas[-1] == ["", "Tổng cộng", "100", "81", "", ""]
    shortfalls = {row[0]: row for row in _rows(document, 2)}
    assert shortfalls["2"][2] == "9/10" and shortfalls["3.4"][2] == "8/10,5"
    signing = [p.text for p in document.tables[-1].cell(0, 1).paragraphs]
    assert signing[0] == "GIÁM ĐỐC"


def test_the_final_report_shows_the_appraisal_and_the_index(opened, tree, people, client):
    own, _ = _finalize_both(opened, tree, people)
    assert own.index_percent == Decimal("94.40")
    client.force_login(people.leader)
    document = _read(client.get(reverse("par:assessment_docx", args=[own.pk])))
    body = _texts(document)
    assert "Điểm sau thẩm định: 82/84,5 điểm; điểm điều tra xã hội học: 12,4/15,5 điểm." in body
    assert "Điểm đạt: 94,4/100 điểm; Chỉ số cải cách hành chính: 94,4%." in body
    areas = {row[1]: row for row in _rows(document, 1)}
    assert areas["Cải cách thủ tục hành chính"][2:] == ["14,5", "14,5", "12", "12"]
    assert areas["Tổng cộng"][2:] == ["100", "84,5", "82", "94,4"]
    shortfalls = {row[0]: row for row in _rows(document, 2)}
    assert shortfalls["3.4"][2] == "8/10,5" and ADJUSTMENT in shortfalls["3.4"][3]
    number, place_date = document.tables[0].rows[1].cells
    assert number.text == "Số:      /BC"
    assert ", ngày " in place_date.text and "tháng" in place_date.text  # the day it was submitted


def test_another_provinces_people_and_another_sở_get_404(opened, tree, people, client):
    mine = _assessment(opened, tree.own)
    for outsider in (people.other_appraiser, people.sibling_focal):
        client.force_login(outsider)
        assert client.get(reverse("par:assessment_docx", args=[mine.pk])).status_code == 404
    client.force_login(people.appraiser)
    assert client.get(reverse("par:assessment_docx", args=[mine.pk])).status_code == 200


def test_the_decision_is_refused_before_every_assessment_is_final(opened, tree, people, client):
    client.force_login(people.appraiser)
    page = client.get(reverse("par:round", args=[opened.pk])).content.decode()
    assert "tải được khi mọi cơ quan đã chốt kết quả" in page
    assert reverse("par:decision_docx", args=[opened.pk]) not in page
    response = client.get(reverse("par:decision_docx", args=[opened.pk]))
    assert response.status_code == 400
    text = response.content.decode()
    assert "còn 2 cơ quan chưa chốt kết quả" in text and "Sở Xây dựng tỉnh Một" in text


def test_only_sở_nội_vụ_of_the_province_draws_up_the_decision(opened, tree, people, client):
    _finalize_both(opened, tree, people)
    for outsider, status in ((people.focal, 403), (people.leader, 403), (people.other_appraiser, 404)):
        client.force_login(outsider)
        assert client.get(reverse("par:decision_docx", args=[opened.pk])).status_code == status
        assert (
            reverse("par:decision_docx", args=[opened.pk])
            not in client.get(reverse("par:round", args=[opened.pk])).content.decode()
        )


def test_the_decision_lists_the_agencies_in_ranking_order(opened, tree, people, client):
    _finalize_both(opened, tree, people)
    client.force_login(people.appraiser)
    page = client.get(reverse("par:round", args=[opened.pk])).content.decode()
    assert reverse("par:decision_docx", args=[opened.pk]) in page
    document = _read(client.get(reverse("par:decision_docx", args=[opened.pk])))
    assert document.tables[0].cell(0, 0).paragraphs[0].text == "ỦY BAN NHÂN DÂN TỈNH MỘT"
    assert document.tables[0].cell(1, 0).text == "Số:      /QĐ-UBND"  # not published yet: blanks
    body = _texts(document)
    assert (
        f"Về việc công bố kết quả Chỉ số cải cách hành chính năm {opened.year} của các sở, ban, ngành" in body
    )
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH MỘT" in body
    assert any(line.startswith("Căn cứ Quyết định số 12/QĐ-UBND") for line in body)
    assert _rows(document, -1) == [
        ["STT", "Cơ quan", "Điểm đạt", "Chỉ số (%)", "Xếp hạng", "Nhóm"],
        ["1", "Sở Xây dựng tỉnh Một", "94,4", "94,4", "1", "A"],
        ["2", "Sở Nội vụ tỉnh Một", "91,8", "91,8", "2", "A"],
    ]


def test_the_published_decision_carries_its_number_and_date(opened, tree, people, client):
    _finalize_both(opened, tree, people)
    round_publish(user=people.appraiser, round_=opened, decision_number="45/QĐ-UBND")
    opened.refresh_from_db()
    client.force_login(people.appraiser)
    document = _read(client.get(reverse("par:decision_docx", args=[opened.pk])))
    assert document.tables[0].cell(1, 0).text == "Số: 45/QĐ-UBND"
    published = timezone.localdate(opened.published_at)
    assert f"(Kèm theo Quyết định số 45/QĐ-UBND ngày {published:%d/%m/%Y} của Ủy ban nhân dân tỉnh Một)" in (
        _texts(document)
    )


def test_a_decision_numbered_by_sở_nội_vụ_is_issued_by_it(opened, tree, people, client):
    _finalize_both(opened, tree, people)
    round_publish(user=people.appraiser, round_=opened, decision_number="7/QĐ-SNV")
    client.force_login(people.appraiser)
    document = _read(client.get(reverse("par:decision_docx", args=[opened.pk])))
    assert [p.text for p in document.tables[0].cell(0, 0).paragraphs][:2] == [
        "UBND TỈNH MỘT",
        "SỞ NỘI VỤ TỈNH MỘT",
    ]
    assert document.tables[0].cell(1, 0).text == "Số: 07/QĐ-SNV"
    assert "GIÁM ĐỐC SỞ NỘI VỤ TỈNH MỘT" in _texts(document)
