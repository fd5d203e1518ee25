"""Criteria sets: copy forward, edits through the engine's checks, locked sets, putting a set in force."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.scoring.choices import SetStatus
from apps.scoring.demo import build_scoring_demo
from apps.scoring.models import SAMPLE_LABEL, CriteriaSet, Criterion
from apps.scoring.selectors import set_tree
from apps.scoring.services import (
    criteria_set_copy_forward,
    criteria_set_put_in_force,
    criterion_update,
)


def _edit(criterion: Criterion, **changes: object) -> Criterion:
    values = {
        "title": criterion.title,
        "max_points": criterion.max_points,
        "method": criterion.method,
        "evidence": criterion.evidence,
        "guide": criterion.guide,
        "rule": criterion.rule,
        "unverified": criterion.unverified,
        "expected_version": criterion.version,
    }
    values.update(changes)
    return criterion_update(criterion=criterion, **values)  # type: ignore[arg-type]


@pytest.mark.django_db
def test_demo_loads_the_two_sample_sets_labelled_and_adding_up_to_100():
    lines = build_scoring_demo()

    sets = list(CriteriaSet.objects.order_by("level"))
    assert [(s.level, s.is_sample, s.agency_id) for s in sets] == [("so", True, None), ("xa", True, None)]
    assert len(lines) == 2
    for criteria_set in sets:
        tree = set_tree(criteria_set=criteria_set)
        assert tree.problems == ()
        assert tree.total == Decimal(100)
        assert criteria_set.reference_label == SAMPLE_LABEL
    assert build_scoring_demo() == []  # running the demo again adds nothing
    assert CriteriaSet.objects.count() == 2


@pytest.mark.django_db
def test_sample_points_the_sources_leave_open_are_marked_unverified(sample_so):
    rows = {row.criterion.code: row for row in set_tree(criteria_set=sample_so).rows}

    assert rows["1.2"].rule_text == "> 90%: 2 điểm; từ 70% đến 90%: 1 điểm; < 70%: 0 điểm"
    assert rows["1.2"].criterion.unverified is False  # Cà Mau's department rubric gives these points
    assert rows["2"].criterion.unverified is True
    assert "chưa đối chiếu" in rows["2"].rule_text


def test_copy_forward_makes_a_draft_of_next_year_with_the_same_tree(p1_set):
    p1_set.status = SetStatus.IN_FORCE
    p1_set.save()

    copy = criteria_set_copy_forward(source=p1_set, year=2027)

    assert (copy.year, copy.status, copy.based_on, copy.agency) == (
        2027,
        SetStatus.DRAFT,
        p1_set,
        p1_set.agency,
    )
    old, new = set_tree(criteria_set=p1_set), set_tree(criteria_set=copy)
    assert [root.to_dict() for root in new.roots] == [root.to_dict() for root in old.roots]
    assert Criterion.objects.get(criteria_set=copy, code="1.2").parent.criteria_set == copy


def test_a_sample_copied_into_a_province_belongs_to_it(sample_so, tree):
    copy = criteria_set_copy_forward(source=sample_so, year=2027, agency=tree.province)

    assert copy.agency == tree.province and copy.is_sample is False and copy.based_on == sample_so


def test_another_province_set_cannot_be_copied_into_mine(p2_set, tree):
    with pytest.raises(ValidationError, match="chính tỉnh"):
        criteria_set_copy_forward(source=p2_set, year=2027, agency=tree.province)
    assert CriteriaSet.objects.count() == 1


def test_edit_saves_the_criterion_and_moves_its_version(p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")

    _edit(criterion, title="Báo cáo CCHC định kỳ", evidence="Báo cáo quý, năm")

    criterion.refresh_from_db()
    assert (criterion.title, criterion.evidence, criterion.version) == (
        "Báo cáo CCHC định kỳ",
        "Báo cáo quý, năm",
        2,
    )


def test_a_locked_set_refuses_edits_and_keeps_its_criterion(p1_set):
    p1_set.locked = True
    p1_set.save()
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.3")

    with pytest.raises(ValidationError, match="bắt đầu tự đánh giá"):
        _edit(criterion, title="Đổi tên")

    criterion.refresh_from_db()
    assert criterion.title == "Thực hiện chế độ báo cáo CCHC định kỳ" and criterion.version == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"max_points": Decimal(-1)}, "max_points", "không được âm"),
        ({"title": "  "}, "title", "Hãy nhập tên tiêu chí"),
        ({"rule": {"kind": "xep_loai"}}, "rule", "không được hỗ trợ"),
        ({"rule": {"kind": "timeliness", "on_time": "1"}}, "rule", "thiếu tham số: late"),
        ({"rule": {"kind": "timeliness", "on_time": "3", "late": "1"}}, "rule", "vượt điểm tối đa"),
        ({"rule": "yes"}, "rule", "bảng tham số JSON"),
    ],
)
def test_bad_input_is_refused_in_vietnamese_and_nothing_changes(p1_set, changes, field, message):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.1")

    with pytest.raises(ValidationError) as refused:
        _edit(criterion, **changes)

    assert message in " ".join(refused.value.message_dict[field])
    criterion.refresh_from_db()
    assert criterion.version == 1 and criterion.max_points == Decimal(1)


def test_children_that_no_longer_add_up_are_shown_as_problems(p1_set):
    criterion = Criterion.objects.get(criteria_set=p1_set, code="1.1")

    _edit(criterion, max_points=Decimal(3))

    problems = set_tree(criteria_set=p1_set).problems
    assert "Tiêu chí 1: điểm tối đa 10 nhưng các tiêu chí thành phần cộng lại 12." in problems
    assert "Các lĩnh vực cộng lại 100 điểm, khác tổng 100 điểm của bộ tiêu chí." not in problems


def test_a_set_with_problems_is_not_put_in_force(p1_set):
    _edit(Criterion.objects.get(criteria_set=p1_set, code="1.1"), max_points=Decimal(3))

    with pytest.raises(ValidationError, match="cộng lại 12"):
        criteria_set_put_in_force(criteria_set=p1_set)
    p1_set.refresh_from_db()
    assert p1_set.status == SetStatus.DRAFT


def test_putting_a_set_in_force_retires_the_one_before(p1_set):
    criteria_set_put_in_force(criteria_set=p1_set)
    newer = criteria_set_copy_forward(source=p1_set, year=p1_set.year, name="Bộ sửa đổi")
    newer.decision_number = "40/QĐ-UBND"
    newer.save()

    criteria_set_put_in_force(criteria_set=newer)

    p1_set.refresh_from_db()
    newer.refresh_from_db()
    assert (p1_set.status, newer.status) == (SetStatus.RETIRED, SetStatus.IN_FORCE)


def test_a_sample_is_never_put_in_force(sample_so):
    with pytest.raises(ValidationError, match="sao chép cho tỉnh"):
        criteria_set_put_in_force(criteria_set=sample_so)
