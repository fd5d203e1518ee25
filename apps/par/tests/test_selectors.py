"""Every read of the assessment year refuses another agency's or province's data: before publication an agency sees
only its own assessment; Sở Nội vụ sees its province only; the round's summary table adds up what the pages show."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.http import Http404
from django.urls import reverse
from openpyxl import load_workbook

from apps.par import selectors
from apps.par.models import Assessment, Score, ScoreEvidence
from apps.par.services import score_self
from domain.scoring.entries import Entry


def _own(opened, tree):
    return Assessment.objects.get(round=opened, agency=tree.own)


def test_an_agency_sees_only_its_own_assessment_before_publication(opened, tree, people):
    mine, theirs = _own(opened, tree), Assessment.objects.get(round=opened, agency=tree.sibling)
    assert list(selectors.assessments_of_round(user=people.focal, round_=opened)) == [mine]
    assert set(selectors.my_assessments(user=people.focal)) == {mine}
    with pytest.raises(Http404):
        selectors.assessment_get_for_user(user=people.focal, pk=theirs.pk)
    with pytest.raises(Http404):
        selectors.score_get_for_user(user=people.focal, pk=theirs.scores.first().pk)
    assert not selectors.sees_whole_round(user=people.focal, round_=opened)
    assert selectors.sees_whole_round(user=people.appraiser, round_=opened)
    assert len(selectors.ranking(user=people.appraiser, round_=opened)) == 2


def test_another_province_sees_nothing_of_the_round(opened, tree, people):
    mine = _own(opened, tree)
    assert not selectors.round_list_for_user(user=people.other_appraiser).exists()
    with pytest.raises(Http404):
        selectors.round_get_for_user(user=people.other_appraiser, pk=opened.pk)
    with pytest.raises(Http404):
        selectors.assessment_get_for_user(user=people.other_appraiser, pk=mine.pk)
    evidence = ScoreEvidence.objects.create(
        score=mine.scores.first(),
        original_name="a.pdf",
        size=1,
        content_type="application/pdf",
        sha256="0" * 64,
    )
    with pytest.raises(Http404):
        selectors.evidence_get_for_user(user=people.other_appraiser, pk=evidence.pk)
    assert not selectors.rounds_openable(user=people.other_appraiser)
    with pytest.raises(Http404):
        selectors.public_round_get(pk=opened.pk)


def test_the_round_summary_table_matches_the_assessments(opened, tree, people, client):
    mine = _own(opened, tree)
    score_self(
        user=people.focal,
        score=Score.objects.get(assessment=mine, criterion__code="2"),
        entry=Entry(points=Decimal("7.5"), reason="Thiếu một văn bản"),
    )
    client.force_login(people.focal)
    assert client.get(reverse("par:round_export", args=[opened.pk])).status_code == 403
    client.force_login(people.appraiser)
    response = client.get(reverse("par:round_export", args=[opened.pk]))
    book = load_workbook(io.BytesIO(response.content))
    summary = list(book["Tổng hợp"].iter_rows(min_row=4, values_only=True))
    row = next(r for r in summary if r[1] == tree.own.name)
    header = [c.value for c in book["Tổng hợp"][3]]
    assert row[header.index("2. Cải cách thể chế (10 điểm)")] == 7.5
    assert row[header.index("Tự đánh giá")] == 7.5
    detail = [r for r in book["Chi tiết"].iter_rows(min_row=2, values_only=True) if r[0] == tree.own.name]
    assert len(detail) == 20 and next(r for r in detail if r[1] == "2")[5] == 7.5
