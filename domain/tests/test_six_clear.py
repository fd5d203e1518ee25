"""The "06 rõ" check, on tasks from the appendix of seed 001."""

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.schedule import normalize_schedule
from domain.six_clear import (
    RULES,
    SixClearInput,
    SixClearResult,
    check_six_clear,
    deliverable_is_verifiable,
    plan_clear_share,
)


def task(**changes: object) -> SixClearInput:
    """A task clear on all six rules (seed 001, row 1), with ``changes`` applied."""
    base = SixClearInput(
        title="Ban hành và tổ chức thực hiện Kế hoạch cải thiện PAR INDEX, SIPAS năm 2026",
        lead=("Văn phòng Sở",),
        lead_is_group=False,
        schedule=normalize_schedule("Quý III/2026", plan_year=2026),
        deliverable="Kế hoạch được ban hành",
        accountable="Chánh Văn phòng",
        authority="Giám đốc Sở",
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def test_a_complete_task_is_clear_on_all_six_rules() -> None:
    result = check_six_clear(task())
    assert result.all_clear
    assert result.flags == dict.fromkeys(RULES, True)
    assert result.reasons == {}


@pytest.mark.parametrize(
    ("lead", "is_group"),
    [
        ((), False),
        (("  ",), False),
        (("Các phòng chuyên môn",), True),
        (("Văn phòng Sở", "Phòng KH-TC"), False),
    ],
)
def test_person_is_not_clear_without_a_single_lead(lead: tuple[str, ...], is_group: bool) -> None:
    result = check_six_clear(task(lead=lead, lead_is_group=is_group))
    assert not result.flags["person"]
    assert result.reasons["person"]


def test_person_reason_names_the_group() -> None:
    result = check_six_clear(task(lead=("Các phòng chuyên môn",), lead_is_group=True))
    assert "Các phòng chuyên môn" in result.reasons["person"]


@pytest.mark.parametrize(
    "title", ["", "Báo cáo", "Thực hiện nhiệm vụ", "Thực hiện các nhiệm vụ được giao", "Triển khai thực hiện"]
)
def test_task_is_not_clear_when_the_title_is_empty_short_or_generic(title: str) -> None:
    assert not check_six_clear(task(title=title)).flags["task"]


@pytest.mark.parametrize(
    "title",
    ["Theo dõi thi hành pháp luật", "Quản lý tài sản công", "Triển khai các nhiệm vụ chuyển đổi số của Sở"],
)
def test_task_is_clear_for_a_specific_title(title: str) -> None:
    assert check_six_clear(task(title=title)).flags["task"]


@pytest.mark.parametrize("raw", ["Sau kiểm tra", "Theo kế hoạch", "Định kỳ", "", "trước ngày 31/02/2026"])
def test_time_is_not_clear_when_the_schedule_cannot_be_dated(raw: str) -> None:
    result = check_six_clear(task(schedule=normalize_schedule(raw, plan_year=2026)))
    assert not result.flags["time"]
    assert result.reasons["time"].startswith("Thời gian chưa rõ")


@pytest.mark.parametrize("raw", ["Thường xuyên", "Hàng tháng", "Cuối năm", "Năm 2026"])
def test_time_is_clear_for_a_datable_schedule(raw: str) -> None:
    assert check_six_clear(task(schedule=normalize_schedule(raw, plan_year=2026))).flags["time"]


@pytest.mark.parametrize("accountable", [None, "", "  "])
def test_responsibility_is_not_clear_without_an_accountable_person(accountable: str | None) -> None:
    result = check_six_clear(task(accountable=accountable))
    assert result.reasons["responsibility"] == "Chưa xác định người chịu trách nhiệm."


@pytest.mark.parametrize("authority", [None, ""])
def test_authority_is_not_clear_without_one(authority: str | None) -> None:
    assert not check_six_clear(task(authority=authority)).flags["authority"]


@pytest.mark.parametrize(
    "deliverable",
    [  # seed 001, column "Sản phẩm/Kết quả"
        "Kế hoạch được ban hành",
        "Báo cáo theo dõi",
        "Biên bản, báo cáo kiểm tra",
        "Báo cáo khắc phục",
        "Báo cáo gửi UBND tỉnh, Sở Nội vụ",
        "Báo cáo rà soát",
        "Phương án cắt giảm",
        "Quy trình nội bộ",
        "100% TTHC được công khai",
        "Tỷ lệ $\\geq 98\\%$",
        "100% hồ sơ quá hạn được xin lỗi",
        "100% đúng hạn",
        "Báo cáo SIPAS",
        "Báo cáo",
        "Kế hoạch đào tạo",
        "Kết quả đánh giá",
        "Biên bản kiểm tra",
        "CSDL được cập nhật",
        "Dữ liệu chuẩn hóa",
        "Báo cáo kết quả",
        "Báo cáo gửi Sở Nội vụ",
        # seed 003
        "Tin, bài, thông báo...",
        "Tờ trình, dự thảo văn bản QPPL",
        "Tỷ lệ thanh toán trực tuyến đạt tối thiểu mục tiêu hàng năm được Chính phủ giao",
    ],
)
def test_deliverable_naming_a_product_or_a_measure_is_verifiable(deliverable: str) -> None:
    assert deliverable_is_verifiable(deliverable)


@pytest.mark.parametrize(
    "deliverable",
    [  # seed 001, column "Sản phẩm/Kết quả"
        "Chỉ số được cải thiện",
        "Đạt chỉ tiêu tình giao",
        "Không có phản ánh",
        "Đạt tỷ lệ giải ngân",
        "Không có sai phạm",
        "Hoàn thành nhiệm vụ",
        "Không để xảy ra sự cố",
        "",
    ],
)
def test_vague_deliverable_is_not_verifiable(deliverable: str) -> None:
    assert not deliverable_is_verifiable(deliverable)


def test_deliverable_rule_explains_an_absence_statement() -> None:
    result = check_six_clear(task(deliverable="Không có phản ánh"))
    assert "chỉ nêu điều không xảy ra" in result.reasons["deliverable"]


def test_deliverable_rule_reports_an_empty_deliverable() -> None:
    assert check_six_clear(task(deliverable=" ")).reasons["deliverable"] == "Chưa ghi sản phẩm, kết quả."


def test_reasons_are_given_only_for_rules_not_clear() -> None:
    result = check_six_clear(task(accountable=None, authority=None))
    assert set(result.reasons) == {"responsibility", "authority"}


def test_plan_clear_share_is_the_percentage_of_fully_clear_tasks() -> None:
    clear = check_six_clear(task())
    unclear = check_six_clear(task(authority=None))
    assert plan_clear_share([clear, unclear, unclear]) == Decimal("33.3")


def test_plan_clear_share_rounds_half_up() -> None:
    clear = check_six_clear(task())
    unclear = check_six_clear(task(authority=None))
    # 1 of 16 = 6.25 % → 6.3
    assert plan_clear_share([clear] + [unclear] * 15) == Decimal("6.3")


def test_plan_clear_share_is_none_without_tasks() -> None:
    assert plan_clear_share([]) is None


def test_all_clear_is_false_when_a_rule_is_missing_from_flags() -> None:
    assert not SixClearResult(flags={"person": True}, reasons={}).all_clear


@given(
    title=st.text(),
    lead=st.lists(st.text(), max_size=3),
    timeline=st.text(),
    deliverable=st.text(),
    accountable=st.none() | st.text(),
)
def test_check_six_clear_never_raises(
    title: str, lead: list[str], timeline: str, deliverable: str, accountable: str | None
) -> None:
    result = check_six_clear(
        task(
            title=title,
            lead=tuple(lead),
            schedule=normalize_schedule(timeline, plan_year=2026),
            deliverable=deliverable,
            accountable=accountable,
        )
    )
    assert set(result.flags) == set(RULES)
    assert all(result.reasons[rule] for rule, clear in result.flags.items() if not clear)
