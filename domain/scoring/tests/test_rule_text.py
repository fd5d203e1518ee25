"""The rule of a criterion read aloud on the set's page (pure: no database)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.scoring.rule_dicts import rule_from_dict
from domain.scoring.rule_text import describe_rule


@pytest.mark.parametrize(
    ("rule", "max_points", "text"),
    [
        (
            {"kind": "timeliness", "on_time": "1", "late": "0.5", "missing_label": "Không ban hành"},
            "1",
            "Kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm",
        ),
        ({"kind": "yes_no"}, "1", "Có: 1 điểm; Không: 0 điểm"),
        ({"kind": "proportional"}, "2", "Tỷ lệ × 2 điểm, tối đa 2 điểm"),
        (
            {"kind": "answer_map", "answers": {"A": "100", "B": "60", "C": "20", "D": "0"}},
            "1",
            "Theo đáp án: A 100% · B 60% · C 20% · D 0% số điểm",
        ),
        (
            {"kind": "count_target", "target": 1, "periods": 12, "unit": "tin bài"},
            "1",
            "≥ 1 tin bài mỗi tháng: 1 điểm; chưa đạt: tính theo tỷ lệ đạt",
        ),
        (
            {"kind": "bonus", "per_item": "0.25"},
            "1",
            "Điểm thưởng: mỗi lần cộng 0,25 điểm, cộng tối đa 1 điểm",
        ),
        ({"kind": "penalty"}, "2", "Điểm trừ: trừ tối đa 2 điểm"),
        ({"kind": "not_applicable", "reason": "không có TTHC"}, "0", "Không áp dụng: không có TTHC"),
        ({"kind": "yes_no", "unverified": True}, "1", "Có: 1 điểm; Không: 0 điểm (chưa đối chiếu)"),
    ],
)
def test_each_rule_kind_reads_in_vietnamese(rule, max_points, text):
    assert describe_rule(rule_from_dict(rule), Decimal(max_points)) == text


def test_no_rule_reads_as_nothing():
    assert describe_rule(None, Decimal(1)) == ""
