"""Shapes of documents the importer met outside its tuning corpus, each on a small text written for the test."""

from __future__ import annotations

import pytest

from domain.plan_import import PlanParseResult, parse_plan_file


def _parse(text: str, name: str = "van-ban.txt") -> PlanParseResult:
    return parse_plan_file(text.encode("utf-8"), name)


_DISPATCH_HEAD = (
    "UBND TỈNH LẠNG SƠN\nSỞ TƯ PHÁP\nSố: 310/STP-VP\nLạng Sơn, ngày 06 tháng 01 năm 2026\n"
    "V/v thực hiện nhiệm vụ kiểm soát thủ tục hành chính năm 2026\n"
    "Kính gửi:\n- Các phòng thuộc Sở;\n- UBND các xã, phường.\n"
    "Thực hiện Kế hoạch số 77/KH-UBND ngày 20/12/2025 của UBND tỉnh, Sở Tư pháp đề nghị:\n"
)

# A dispatch with one numbered paragraph per recipient: "N. Đối với <recipient>" leads the duties under it.
RECIPIENT_SECTIONS = {
    "lettered duties under each recipient": (
        _DISPATCH_HEAD + "1. Đối với các phòng thuộc Sở\n"
        "a) Rà soát quy trình nội bộ giải quyết thủ tục hành chính, gửi Văn phòng Sở trước ngày 15/02/2026.\n"
        "b) Cập nhật dữ liệu hồ sơ lên hệ thống thông tin giải quyết thủ tục hành chính hằng tháng.\n"
        "2. Đối với UBND các xã, phường\n"
        "a) Niêm yết công khai thủ tục hành chính tại bộ phận một cửa trong Quý I/2026.\n"
        "Trên đây là đề nghị của Sở Tư pháp./.\n",
        [  # the sending clause ("gửi …", "báo cáo …") leaves the title, as for every duty
            ("Rà soát quy trình nội bộ giải quyết thủ tục hành chính", ("Các phòng thuộc Sở",)),
            (
                "Cập nhật dữ liệu hồ sơ lên hệ thống thông tin giải quyết thủ tục hành chính",
                ("Các phòng thuộc Sở",),
            ),
            ("Niêm yết công khai thủ tục hành chính tại bộ phận một cửa", ("UBND các xã, phường",)),
        ],
    ),
    "an unlettered duty under a single recipient": (
        _DISPATCH_HEAD + "1. Đối với Văn phòng Sở\n"
        "Tổng hợp kết quả kiểm soát thủ tục hành chính của các phòng, báo cáo Giám đốc Sở hằng quý.\n"
        "Trên đây là đề nghị của Sở Tư pháp./.\n",
        [("Tổng hợp kết quả kiểm soát thủ tục hành chính của các phòng", ("Văn phòng Sở",))],
    ),
}


@pytest.mark.parametrize("case", sorted(RECIPIENT_SECTIONS))
def test_a_dispatch_section_per_recipient_leads_its_duties(case: str) -> None:
    text, expected = RECIPIENT_SECTIONS[case]

    result = _parse(text)

    assert [(t.title, t.lead) for t in result.tasks] == expected
