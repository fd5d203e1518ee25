"""Council votes: quorum, attendance, impossible counts and the threshold of each rule set."""

from fractions import Fraction

import pytest

from domain.rewards.council import VoteError, vote_check
from domain.rewards.forms import AwardForm
from domain.rewards.rulesets import ND98, ND152, Param, ProvinceRules

F = AwardForm


@pytest.mark.parametrize(
    ("rule_set", "form", "total", "present", "votes", "passed", "threshold"),
    [
        # Nghị định 152: the province's majority of those present (default, chưa đối chiếu)
        (ND152, F.LABOUR, 10, 9, 5, True, "trên 50% số thành viên có mặt"),
        (ND152, F.LABOUR, 10, 8, 4, False, "trên 50%"),  # exactly half is not a majority
        (ND152, F.PROVINCIAL_EMULATION_SOLDIER, 10, 10, 6, True, "trên 50%"),
        # Nghị định 98: ≥ 90% of all members for CSTĐ tỉnh, ≥ 80% for CSTĐ cơ sở
        (ND98, F.PROVINCIAL_EMULATION_SOLDIER, 10, 10, 9, True, "từ 90% tổng số thành viên Hội đồng trở lên"),
        (ND98, F.PROVINCIAL_EMULATION_SOLDIER, 10, 10, 8, False, "từ 90%"),
        (ND98, F.EMULATION_SOLDIER, 10, 9, 8, True, "từ 80%"),  # exactly 80% passes
        (ND98, F.EMULATION_SOLDIER, 10, 9, 7, False, "từ 80%"),
        (ND98, F.LABOUR, 9, 7, 4, True, "trên 50% số thành viên có mặt"),
    ],
)
def test_threshold_of_the_rule_set(rule_set, form, total, present, votes, passed, threshold):
    result = vote_check(form=form, members_total=total, present=present, votes_for=votes, rule_set=rule_set)
    assert result.passed is passed, result.explanation
    assert threshold in result.threshold_text
    assert f"{votes}/" in result.explanation


def test_the_explanation_gives_the_count_the_percentage_and_an_unverified_source():
    result = vote_check(form=F.LABOUR, members_total=10, present=9, votes_for=6, rule_set=ND152)
    assert "6/9 phiếu đồng ý (66,67% số thành viên có mặt)" in result.explanation
    assert "chưa đối chiếu" in result.source and "Bắc Ninh" in result.source


@pytest.mark.parametrize(
    ("total", "present", "votes", "message"),
    [
        (10, 9, 10, "Số phiếu đồng ý \\(10\\) vượt số thành viên có mặt \\(9\\)"),
        (10, 11, 5, "vượt tổng số thành viên"),
        (10, 9, -1, "không được âm"),
        (10, 6, 6, "Không đủ số thành viên để họp Hội đồng: có mặt 6/10, cần ít nhất 2/3 \\(7 thành viên"),
        (10, 7, 6, "Không đủ số thành viên để xét khen thưởng: có mặt 7/10, cần ít nhất 80% \\(8 thành viên"),
        (0, 0, 0, "chưa có thành viên"),
    ],
)
def test_impossible_counts_and_a_missing_quorum_are_refused(total, present, votes, message):
    with pytest.raises(VoteError, match=message):
        vote_check(form=F.LABOUR, members_total=total, present=present, votes_for=votes, rule_set=ND152)


def test_quorum_edges():
    # 2/3 of 9 = 6 and 80% of 10 = 8 exactly are enough
    assert vote_check(form=F.LABOUR, members_total=9, present=6, votes_for=6, rule_set=ND98).passed
    assert vote_check(form=F.LABOUR, members_total=10, present=8, votes_for=5, rule_set=ND152).passed


def test_the_province_sets_its_own_threshold_per_form():
    province = ProvinceRules(
        "Tỉnh X",
        "QĐ 1/2026/QĐ-UBND",
        {
            "vote_share.chien_si_thi_dua_tinh": Param(Fraction(3, 4), "QĐ 1/2026 Điều 8"),
            "vote_strict.chien_si_thi_dua_tinh": Param(False, "QĐ 1/2026 Điều 8"),
        },
    )
    kwargs = {"members_total": 8, "present": 8, "rule_set": ND152, "province": province}
    assert vote_check(form=F.PROVINCIAL_EMULATION_SOLDIER, votes_for=6, **kwargs).passed
    assert not vote_check(form=F.PROVINCIAL_EMULATION_SOLDIER, votes_for=5, **kwargs).passed
    assert vote_check(form=F.LABOUR, votes_for=5, **kwargs).passed  # the default majority for the others
