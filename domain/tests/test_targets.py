"""Quantitative targets, transcribed from the objectives of the seed plans."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.targets import parse_target, parse_targets

D = Decimal

# (text, comparator, value, unit) — every line of "2. Mục tiêu cụ thể" of seed 001.
SEED_001_SPECIFIC_OBJECTIVES = [
    ("Hoàn thành 100% nhiệm vụ cải cách hành chính được UBND tỉnh giao.", ">=", D(100), "%"),
    ("100% nhiệm vụ theo Kế hoạch CCHC năm 2026 của Sở được hoàn thành đúng tiến độ.", ">=", D(100), "%"),
    ("100% TTHC thuộc thẩm quyền được công khai đầy đủ, đúng quy định.", ">=", D(100), "%"),
    ("Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt từ 98% trở lên.", ">=", D(98), "%"),
    ("100% hồ sơ quá hạn thực hiện xin lỗi theo quy định.", ">=", D(100), "%"),
    ("100% hồ sơ TTHC được cập nhật đầy đủ trên Hệ thống thông tin giải quyết TTHC.", ">=", D(100), "%"),
    ("100% phản ánh, kiến nghị của người dân, doanh nghiệp được xử lý đúng thời hạn.", ">=", D(100), "%"),
    (
        "Mức độ hài lòng của tổ chức, cá nhân đối với việc giải quyết TTHC đạt từ 95% trở lên.",
        ">=",
        D(95),
        "%",
    ),
    (
        "Không để xảy ra cán bộ, công chức, viên chức vi phạm kỷ luật, những thiếu sót, gây phiền hà.",
        "none",
        D(0),
        "count",
    ),
]

# The quantitative bullets of seed 000, section III.
SEED_000_BULLETS = [
    (
        "100% thủ tục hành chính thuộc thẩm quyền giải quyết của Sở được thực hiện thông qua cơ chế một cửa, "
        "một cửa liên thông và được công khai, minh bạch theo quy định;",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% hồ sơ thủ tục hành chính được cập nhật, theo dõi trạng thái xử lý trên Hệ thống thông tin "
        "giải quyết TTHC của tỉnh;",
        ">=",
        D(100),
        "%",
    ),
    (
        "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt từ 98% trở lên; hạn chế tối đa hồ sơ giải quyết "
        "trễ hạn;",
        ">=",
        D(98),
        "%",
    ),
    (
        "100% hồ sơ thủ tục hành chính được số hóa, kết quả giải quyết được điện \n\ntử hóa và tái sử dụng "
        "theo quy định;",
        ">=",
        D(100),
        "%",
    ),
    (
        "Phấn đấu 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; "
        "tỷ lệ hồ sơ trực tuyến toàn trình và thanh toán trực tuyến đạt 100%.",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% văn bản trao đổi trong nội bộ Sở và giữa Sở với các cơ quan nhà nước được thực hiện dưới dạng "
        "điện tử, ký số theo quy định (trừ văn bản mật);",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% cán bộ, công chức, viên chức sử dụng hiệu quả Hệ thống quản lý văn bản và điều hành, thư điện "
        "tử công vụ;",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% cán bộ, công chức, viên chức được tuyên truyền, nâng cao nhận thức và từng bước tiếp cận ứng "
        "dụng trí tuệ nhân tạo (AI), công nghệ số trong thực hiện nhiệm vụ chuyên môn.",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% cán bộ, công chức, viên chức được đánh giá, xếp loại chất lượng hằng năm đúng quy định;",
        ">=",
        D(100),
        "%",
    ),
    (
        "Các phòng, ban, đơn vị trực thuộc Sở có 100% cán bộ, công chức, viên chức được đánh giá, xếp loại "
        "hoàn thành tốt nhiệm vụ trở lên;",
        ">=",
        D(100),
        "%",
    ),
    (
        "Không có cán bộ, công chức, viên chức vi phạm nghiêm trọng kỷ luật, kỷ cương hành chính;",
        "none",
        D(0),
        "count",
    ),
    (
        "100% phòng, ban, đơn vị trực thuộc Sở có ít nhất 01 sáng kiến hoặc giải pháp cải cách hành chính, "
        "đổi mới phương thức làm việc trong năm 2026.",
        ">=",
        D(100),
        "%",
    ),
    (
        "Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của Sở (SIPAS) đạt từ 98% trở lên;",
        ">=",
        D(98),
        "%",
    ),
    (
        "Thực hiện đúng, đầy đủ quy định về quản lý, sử dụng tài chính công, tài sản công; không để xảy ra "
        "sai phạm;",
        "none",
        D(0),
        "count",
    ),
    (
        "Phấn đấu tỷ lệ giải ngân vốn đầu tư công năm 2026 đạt tối thiểu 95% kế hoạch được giao;",
        ">=",
        D(95),
        "%",
    ),
    (
        "Hoàn thành 100% các kiến nghị sau thanh tra, kiểm tra, kiểm toán theo quy định.",
        ">=",
        D(100),
        "%",
    ),
]

# The quantitative bullets of seed 003, section II, and objectives of its appendix.
SEED_003_BULLETS = [
    (
        "Tối thiểu 20% phòng chuyên môn, đơn vị trực thuộc được kiểm tra cải cách hành chính năm 2026.",
        ">=",
        D(20),
        "%",
    ),
    (
        "100% văn bản quy phạm pháp luật thuộc chức năng quản lý nhà nước của Sở tham mưu tỉnh được ban "
        "hành bảo đảm đúng quy định của pháp luật về thẩm quyền, trình tự, thủ tục;",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% các văn bản quy phạm pháp luật đã tham mưu ban hành được kiểm tra, rà soát. Kịp thời phát hiện "
        "và xử lý các quy định chồng chéo, mâu thuẫn, trái pháp luật, hết hiệu lực hoặc không còn phù hợp.",
        ">=",
        D(100),
        "%",
    ),
    (
        "Tỷ lệ số hóa thành phần hồ sơ trong tiếp nhận, giải quyết thủ tục hành chính thuộc thẩm quyền của "
        "Sở đạt 100%.",
        ">=",
        D(100),
        "%",
    ),
    ("Tỷ lệ cấp kết quả giải quyết thủ tục hành chính dưới hình thức điện tử đạt 100%.", ">=", D(100), "%"),
    (
        "Rà soát, công bố 100% TTHC nội bộ trong hệ thống cơ quan hành chính nhà nước thuộc phạm vi quản lý;",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% phản ánh kiến nghị của cá nhân, tổ chức được giải quyết đảm bảo theo quy định.",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% các kiến nghị sau thanh tra, kiểm tra, kiểm toán Nhà nước về tài chính, ngân sách được thực "
        "hiện nghiêm túc, đạt hiệu quả.",
        ">=",
        D(100),
        "%",
    ),
    (
        "Hoàn thành 100% kế hoạch ứng dụng công nghệ thông tin năm 2026 trong hoạt động của Sở.",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% thủ tục hành chính đủ điều kiện dịch vụ công trực tuyến toàn trình được cung cấp trên nhiều "
        "phương tiện truy cập khác nhau, bao gồm cả thiết bị di động.",
        ">=",
        D(100),
        "%",
    ),
    (
        "100% hồ sơ công việc được xử lý hoàn toàn trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi "
        "bí mật nhà nước).",
        ">=",
        D(100),
        "%",
    ),
    (
        "70% hoạt động kiểm tra nội bộ của cơ quan được thực hiện trên môi trường số và thông qua hệ thống "
        "thông tin của cơ quan.",
        ">=",
        D(70),
        "%",
    ),
    (
        "Mục tiêu 1: Trên 95% các văn bản quy phạm pháp luật của tỉnh được ban hành đảm bảo đúng quy định",
        ">",
        D(95),
        "%",
    ),
    (
        "Mục tiêu 5: Tối thiểu 20% phòng, đơn vị trực thuộc được kiểm tra công tác cải cách hành chính",
        ">=",
        D(20),
        "%",
    ),
]


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    SEED_001_SPECIFIC_OBJECTIVES + SEED_000_BULLETS + SEED_003_BULLETS,
)
def test_seed_objectives_give_their_target(text: str, comparator: str, value: Decimal, unit: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    ("text", "comparator", "value", "unit"),
    [
        ("$\\geq 98\\%$", ">=", D(98), "%"),
        ("Tỷ lệ ≥ 98%", ">=", D(98), "%"),
        ("từ 98% trở lên", ">=", D(98), "%"),
        ("đạt tối thiểu 95%", ">=", D(95), "%"),
        ("tối thiểu 20%", ">=", D(20), "%"),
        ("ít nhất 20%", ">=", D(20), "%"),
        ("trên 95%", ">", D(95), "%"),
        ("dưới 5%", "<", D(5), "%"),
        ("$\\leq 5\\%$", "<=", D(5), "%"),
        ("không quá 3,5%", "<=", D("3.5"), "%"),
        ("100%", ">=", D(100), "%"),
        ("đạt 100%", ">=", D(100), "%"),
        ("ít nhất 01 sáng kiến", ">=", D(1), "sáng kiến"),
        ("Bảo đảm có ít nhất 01 tin/bài viết về CCHC mỗi tháng trên website Sở.", ">=", D(1), "tin/bài"),
        ("Có từ 02 sáng kiến, mô hình, giải pháp thiết thực", ">=", D(2), "sáng kiến"),
        ("có ít nhất 03 năm trực tiếp chỉ đạo", ">=", D(3), "năm"),
        ("Không có sai phạm", "none", D(0), "count"),
        ("Không để xảy ra sự cố", "none", D(0), "count"),
        ("TY LE DAT TU 98% TRO LEN", ">=", D(98), "%"),
    ],
)
def test_target_phrases(text: str, comparator: str, value: Decimal, unit: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit) == (comparator, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "Điểm đánh giá chất lượng hoạt động gắn với cải cách hành chính của Sở Xây dựng năm 2026 "
        "cao hơn năm 2025;",
        "Điểm đánh giá của Chủ tịch, các Phó Chủ tịch UBND tỉnh đối với Sở Xây dựng năm 2026 "
        "cao hơn năm 2025.",
    ],
)
def test_higher_than_last_year_is_relative_without_value(text: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.baseline) == (">", None, "cao hơn năm 2025")
    assert (target.baseline_kind, target.baseline_year, target.unit) == ("previous_year", 2025, "điểm")


def test_increase_compared_with_a_year_is_a_relative_increase() -> None:
    target = parse_target(
        "Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC trên Bộ Chỉ số phục vụ người dân, doanh "
        "nghiệp trong thực hiện TTHC, cung cấp Dịch vụ công đạt các cấp tăng tối thiểu 20% so với năm 2025"
    )
    assert target is not None
    assert (target.comparator, target.value, target.unit) == (">=", D(20), "%")
    assert (target.baseline, target.baseline_kind, target.baseline_year) == (
        "so với năm 2025",
        "relative_increase",
        2025,
    )


@pytest.mark.parametrize(
    ("text", "baseline"),
    [
        (
            "Tỷ lệ hồ sơ trực tuyến có phát sinh trong năm đạt tối thiểu theo mục tiêu Chính phủ giao.",
            "theo mục tiêu Chính phủ giao",
        ),
        (
            "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia so với tổng số giao dịch thanh toán "
            "của dịch vụ công đạt tối thiểu theo mục tiêu Chính phủ giao.",
            "theo mục tiêu Chính phủ giao",
        ),
        (
            "Tỷ lệ thủ tục hành chính được tiếp nhận và giải quyết không phụ thuộc vào địa giới hành "
            "chính đạt theo mục tiêu Chính phủ giao.",
            "theo mục tiêu Chính phủ giao",
        ),
        (
            "Mục tiêu 5: Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia trên tổng số giao dịch "
            "thanh toán của dịch vụ công đạt tối \nthiểu mục tiêu hàng năm \nđược Chính phủ giao",
            "mục tiêu hàng năm được Chính phủ giao",
        ),
    ],
)
def test_government_target_has_no_value_and_names_its_baseline(text: str, baseline: str) -> None:
    target = parse_target(text)
    assert target is not None
    assert (target.comparator, target.value, target.unit) == (">=", None, "%")
    assert (target.baseline, target.baseline_kind) == (baseline, "government_target")


def test_provincial_target_is_an_assigned_target() -> None:
    target = parse_target("Đạt chỉ tiêu tỉnh giao")
    assert target is not None
    assert (target.value, target.baseline_kind) == (None, "assigned_target")


def test_several_targets_in_one_bullet_are_all_found() -> None:
    targets = parse_targets(
        "100% phòng, ban, đơn vị trực thuộc Sở có ít nhất 01 sáng kiến hoặc giải pháp cải cách hành chính"
    )
    assert [(t.comparator, t.value, t.unit) for t in targets] == [
        (">=", D(100), "%"),
        (">=", D(1), "sáng kiến"),
    ]


def test_simplification_targets_give_three_figures() -> None:
    targets = parse_targets(
        "Rà soát, công bố 100% TTHC nội bộ; đề xuất phương án đơn giản hóa bảo đảm cắt giảm, đơn giản hóa "
        "tối thiểu 20% quy định TTHC, 20% chi phí tuân thủ TTHC."
    )
    assert [t.value for t in targets] == [D(100), D(20), D(20)]


def test_target_text_is_the_clause_that_carried_it() -> None:
    target = parse_targets(
        "Thực hiện đúng, đầy đủ quy định về quản lý, sử dụng tài chính công, tài sản công; không để xảy ra "
        "sai phạm;"
    )[0]
    assert target.text == "không để xảy ra sai phạm"


@pytest.mark.parametrize(
    "text",
    [
        "Mục tiêu 6: Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết không phụ thuộc vào địa giới hành "
        "chính giữa các cơ quan, đơn vị, địa phương",
        "Tiếp tục rà soát, sắp xếp tổ chức bộ máy theo tinh gọn bảo đảm hoạt động hiệu năng, hiệu lực.",
        'Thực hiện theo nguyên tắc "06 rõ" và Đề án 06.',
        "Kế hoạch số 0156/KH-UBND ngày 26/12/2025; Nghị định số 45/2020/NĐ-CP",
        "Cải cách hành chính năm 2026 của Sở Xây dựng",
        "Chỉ số được cải thiện",
        "Đạt tỷ lệ giải ngân",
        "I Công tác chỉ đạo điều hành (06 mục tiêu; 06 nhiệm vụ và 07 hoạt động)",
        "",
    ],
)
def test_text_without_a_measurable_target_gives_none(text: str) -> None:
    assert parse_target(text) is None


@given(st.text())
def test_parse_targets_never_raises(text: str) -> None:
    for target in parse_targets(text):
        assert target.comparator in (">=", ">", "<=", "<", "=", "none")


@given(
    st.lists(
        st.sampled_from(
            ["tối thiểu", "98", "%", "trở lên", "từ", "01", "sáng kiến", "so với năm", "2025", ","]
        ),
        max_size=10,
    )
)
def test_parse_targets_never_raises_on_target_like_words(words: list[str]) -> None:
    parse_targets(" ".join(words))


def test_a_target_reads_as_written_not_as_a_code():
    from domain.targets import target_display

    assert target_display(">=", Decimal("98"), "%", None) == "≥ 98%"
    assert target_display("none", Decimal(0), "count", None) == "Không để xảy ra"
    assert (
        target_display(">=", Decimal("2"), "sáng kiến", "so với năm 2025") == "≥ 2 sáng kiến so với năm 2025"
    )
