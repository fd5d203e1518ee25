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


_DIRECTIVE_HEAD = (
    "UBND TỈNH NINH BÌNH\nSố: 04/CT-UBND\nNinh Bình, ngày 15 tháng 01 năm 2026\nCHỈ THỊ\n"
    "Về đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính\n"
)

# "Chủ trì, phối hợp với X <verb> …" / "Phối hợp với X <verb> …" under an agency's item: X ends at the verb,
# also when X is a name the head list does not know or the verb is a rarer one.
CO_OPERATING = {
    "a verb the list learnt": (
        "Chủ trì, phối hợp với Văn phòng UBND tỉnh nâng cấp Cổng dịch vụ công của tỉnh, hoàn thành trong Quý "
        "III/2026.",
        "Nâng cấp Cổng dịch vụ công của tỉnh",
        ("Văn phòng UBND tỉnh",),
    ),
    "a name of capitalised words outside the head list": (
        "Phối hợp với Tỉnh Hội Cựu chiến binh vận động hội viên sử dụng dịch vụ công trực tuyến.",
        "Vận động hội viên sử dụng dịch vụ công trực tuyến",
        ("Tỉnh Hội Cựu chiến binh",),
    ),
}


@pytest.mark.parametrize("case", sorted(CO_OPERATING))
def test_the_co_operating_agency_ends_at_the_verb(case: str) -> None:
    duty, title, cooperating = CO_OPERATING[case]
    text = _DIRECTIVE_HEAD + "1. Sở Khoa học và Công nghệ\na) " + duty + "\n"

    result = _parse(text)

    assert [(t.title, t.lead, t.cooperating) for t in result.tasks] == [
        (title, ("Sở Khoa học và Công nghệ",), cooperating)
    ]


# Sentences that start with an agency but give no duty of their own.
NOT_DUTIES = {
    "accountability": "2. Thủ trưởng các sở, ngành chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện.",
    "a lead-in to a list": "2. UBND các xã, phường tổ chức thực hiện các nội dung sau:",
}


@pytest.mark.parametrize("case", sorted(NOT_DUTIES))
def test_a_sentence_that_assigns_nothing_is_no_task(case: str) -> None:
    text = _DIRECTIVE_HEAD + "1. Sở Nội vụ tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.\n"
    text += NOT_DUTIES[case] + "\n"

    result = _parse(text)

    assert [(t.title, t.lead) for t in result.tasks] == [("Tổng hợp kết quả", ("Sở Nội vụ",))]


_PLAN_HEAD = (
    "UBND TỈNH HÀ TĨNH\nSố: 21/KH-UBND\nHà Tĩnh, ngày 10 tháng 01 năm 2026\nKẾ HOẠCH\n"
    "Nâng cao chất lượng phục vụ người dân năm 2026\nI. MỤC TIÊU\n1. Nâng cao mức độ hài lòng.\n"
    "II. NHIỆM VỤ\n"
)

# A task told as its duty then labelled lines, in any order, with other lines among them.
LABELLED = {
    "the four lines after a numbered duty": (
        "1. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực.\n"
        "- Cơ quan chủ trì: Văn phòng UBND tỉnh.\n- Cơ quan phối hợp: Sở Tư pháp; UBND các xã, phường.\n"
        "- Thời gian: Quý II/2026.\n- Sản phẩm: Kho dữ liệu số hóa.\n",
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực", ("Văn phòng UBND tỉnh",),
         ("Sở Tư pháp", "UBND các xã, phường"), "Quý II/2026", "Kho dữ liệu số hóa"),
    ),
    "'Đơn vị' labels, time before the lead, a page header among them": (
        "a) Tập huấn kỹ năng giao tiếp cho công chức bộ phận một cửa.\n- Thời gian thực hiện: Tháng 5/2026.\n"
        "Kế hoạch số 21/KH-UBND của UBND tỉnh Hà Tĩnh — Trang 2\n- Đơn vị chủ trì: Sở Nội vụ.\n",
        ("Tập huấn kỹ năng giao tiếp cho công chức bộ phận một cửa", ("Sở Nội vụ",), (), "Tháng 5/2026", ""),
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(LABELLED))
def test_a_duty_followed_by_labelled_lines(case: str) -> None:
    body, expected = LABELLED[case]

    result = _parse(_PLAN_HEAD + body + "III. TỔ CHỨC THỰC HIỆN\nCác sở, ngành triển khai thực hiện./.\n")

    assert [(t.title, t.lead, t.cooperating, t.timeline.raw, t.deliverable) for t in result.tasks] == [
        expected
    ]


# A subject line that starts with a word preambles also start with ("Thực hiện", "Triển khai") is the title
# when it is a bare line under the type name: short, no citation, no closing punctuation.
SUBJECTS = {
    "Thực hiện …": "Thực hiện công tác cải cách hành chính năm 2026",
    "Triển khai …": "Triển khai Đề án 06 trên địa bàn xã năm 2026",
}


@pytest.mark.parametrize("case", sorted(SUBJECTS))
def test_a_plain_subject_line_is_the_title(case: str) -> None:
    text = (
        "UỶ BAN NHÂN DÂN\nXÃ TÂN LẬP\nSố: 09/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nTân Lập, ngày 12 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
        f"{SUBJECTS[case]}\n\nThực hiện Kế hoạch số 40/KH-UBND ngày 30/12/2025 của UBND tỉnh, UBND xã ban hành "
        "kế hoạch như sau:\n1. Mục tiêu\n- Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.\n"
        "2. Nhiệm vụ\n- Văn phòng HĐND và UBND xã: tổng hợp kết quả, báo cáo trước ngày 05/12/2026.\n"
    )

    result = _parse(text)

    assert result.plan.title == SUBJECTS[case]
    assert [(b.number, b.symbol) for b in result.basis] == [("40", "KH-UBND")]
