from decimal import Decimal

import pytest

from domain import inspections, task_status


def test_share_of_units_planned_against_the_twenty_percent_target():
    result = inspections.share(3, 15, 20)
    assert result.percent == Decimal("20.0")
    assert result.met is True
    assert result.needed == 0


def test_a_share_below_target_says_how_many_units_are_missing():
    result = inspections.share(2, 14, 20)
    assert result.percent == Decimal("14.3")
    assert result.met is False
    assert result.needed == 1  # 20% of 14 is 2,8: three units


def test_share_of_nothing_is_unknown_not_zero():
    result = inspections.share(0, 0, 20)
    assert result.percent is None and result.met is None


def test_negative_counts_are_refused():
    with pytest.raises(ValueError):
        inspections.share(-1, 3, 20)


def test_finding_state_follows_its_tasks():
    assert inspections.finding_state([]) == inspections.NO_REMEDIATION
    assert inspections.finding_state([task_status.IN_PROGRESS]) == inspections.OPEN
    assert inspections.finding_state([task_status.DONE_ON_TIME, task_status.OVERDUE]) == inspections.OVERDUE
    assert inspections.finding_state([task_status.AWAITING_ACCEPTANCE]) == inspections.OPEN
    assert inspections.finding_state([task_status.DONE_ON_TIME, task_status.DONE_LATE]) == inspections.CLOSED


def test_findings_remediated_on_time_count_only_closed_or_overdue_ones():
    tally = inspections.remediated_on_time(
        [
            [task_status.DONE_ON_TIME],
            [task_status.DONE_LATE],
            [task_status.OVERDUE],
            [task_status.IN_PROGRESS],
            [],
        ]
    )
    assert (tally.on_time, tally.counted) == (1, 3)
    assert tally.rate == Decimal("33.3")


def test_team_lines_are_read_as_name_title_role():
    text = "Lê Công Du, Phó Giám đốc Sở — Trưởng đoàn\n\n- Trần Thị Mai, Chánh Văn phòng - Thành viên"
    assert inspections.parse_team(text) == [
        ("Lê Công Du", "Phó Giám đốc Sở", "Trưởng đoàn"),
        ("Trần Thị Mai", "Chánh Văn phòng", "Thành viên"),
    ]


def test_the_report_sentence_counts_inspections_and_findings():
    assert inspections.report_sentence(held=0, digital=0, findings=0, closed=0, issuer="Sở") == ""
    assert inspections.report_sentence(held=3, digital=2, findings=4, closed=1, issuer="Sở Xây dựng") == (
        "Công tác kiểm tra CCHC: Sở Xây dựng đã kiểm tra 3 cơ quan, đơn vị (2 cuộc kiểm tra trên hệ thống số); "
        "chỉ ra 4 tồn tại, hạn chế, đã khắc phục xong 1, còn 3 đang khắc phục."
    )
