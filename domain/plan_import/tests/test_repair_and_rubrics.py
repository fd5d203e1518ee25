"""Line repair (one test per rule) and emulation scoring tables (thang điểm)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.plan_import import parse_plan_file, to_json_dict
from domain.plan_import.layout import repair_lines
from domain.plan_import.rubrics import read_rubrics

# ------------------------------------------------------------------------------------------ line repair


def test_a_title_never_ends_inside_an_open_parenthesis() -> None:
    lines = [
        "2. Kiểm tra việc thực hiện cơ chế một cửa (tại Trung tâm Phục vụ hành chính",
        "Công tỉnh và Bộ phận Một cửa cấp xã): Đoàn kiểm tra thực hiện trong Quý II/2026.",
        "3. Tổng hợp báo cáo.",
    ]
    assert repair_lines(lines) == [
        "2. Kiểm tra việc thực hiện cơ chế một cửa (tại Trung tâm Phục vụ hành chính Công tỉnh và Bộ phận Một "
        "cửa cấp xã): Đoàn kiểm tra thực hiện trong Quý II/2026.",
        "3. Tổng hợp báo cáo.",
    ]


def test_a_title_never_ends_inside_a_quotation() -> None:
    lines = ["- Phát động phong trào thi đua “Cán bộ, công chức", "Thi đua thực hiện cải cách hành chính”."]
    assert repair_lines(lines) == [
        "- Phát động phong trào thi đua “Cán bộ, công chức Thi đua thực hiện cải cách hành chính”."
    ]


def test_an_item_continues_across_a_running_header() -> None:
    lines = [
        "- Tuyên truyền các thủ tục hành chính lĩnh vực lâm nghiệp tại cơ sở, thực hiện",
        "Sở Nông nghiệp và Môi trường - Kế hoạch tuyên truyền CCHC 2026 Trang 2",
        "trong Quý II/2026.",
    ]
    assert repair_lines(lines) == lines[:1] + lines[2:]


def test_an_item_continues_across_a_page_number_apart_from_the_header() -> None:
    text = (
        "SỞ NỘI VỤ\nSố: 37/TB-SNV\nTây Ninh, ngày 21 tháng 10 năm 2026\nTHÔNG BÁO\n"
        "Kết luận kiểm tra cải cách hành chính năm 2026 tại Sở Xây dựng\n"
        "Đoàn kiểm tra kết luận như sau:\nI. YÊU CẦU KHẮC PHỤC\n1. Sở Xây dựng\n"
        "a) Số hóa kết quả giải quyết thủ tục hành chính\n"
        "Thông báo kết luận kiểm tra CCHC tại Sở Xây dựng                      2\n"
        "lĩnh vực quy hoạch, hoàn thành trong tháng 11/2026.\n"
    )
    (task,) = parse_plan_file(text.encode(), "tb.txt").tasks
    assert task.title == "Số hóa kết quả giải quyết thủ tục hành chính lĩnh vực quy hoạch"
    assert task.timeline.raw == "Tháng 11/2026"


def test_a_word_hyphenated_at_a_line_end_is_joined() -> None:
    assert repair_lines(["- Hướng dẫn người dân nộp hồ sơ trực tu-", "yến."]) == [
        "- Hướng dẫn người dân nộp hồ sơ trực tuyến."
    ]


def test_a_date_cut_at_a_line_end_is_joined() -> None:
    assert repair_lines(["1. Sở Nội vụ hướng dẫn đăng ký thi đua trước ngày", "31/12/2025."]) == [
        "1. Sở Nội vụ hướng dẫn đăng ký thi đua trước ngày 31/12/2025."
    ]


def test_a_letter_spaced_type_name_is_one_line() -> None:
    assert repair_lines(["QUYẾT", "ĐỊNH", "Ban hành Kế hoạch"]) == ["QUYẾT ĐỊNH", "Ban hành Kế hoạch"]


def test_items_are_split_where_a_new_lettered_duty_begins() -> None:
    assert repair_lines(["a) Rà soát thủ tục hành chính; b) Công khai thủ tục hành chính."]) == [
        "a) Rà soát thủ tục hành chính;",
        "b) Công khai thủ tục hành chính.",
    ]


def test_items_are_split_where_a_new_agency_begins() -> None:
    assert repair_lines(
        ["- Sở Nội vụ hướng dẫn thi đua; - Sở Văn hóa, Thể thao và Du lịch tuyên truyền."]
    ) == [
        "- Sở Nội vụ hướng dẫn thi đua;",
        "- Sở Văn hóa, Thể thao và Du lịch tuyên truyền.",
    ]


# --------------------------------------------------------------------------------------------- rubrics

_GRID_WITH_GROUPS = (
    ("STT", "Tiêu chí thi đua", "Điểm chuẩn", "Hướng dẫn chấm điểm"),
    ("A", "Đối với tập thể", "100", ""),
    ("1", "Tỷ lệ hồ sơ giải quyết đúng hạn", "60", "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn"),
    ("", "", "", "(a: tổng số hồ sơ; b: số hồ sơ đúng hạn)"),
    ("2", "Có sáng kiến được công nhận", "40 điểm", "Có: 40 điểm; không có: 0 điểm"),
    ("B", "Đối với cá nhân", "50", ""),
    ("1", "Hoàn thành nhiệm vụ được giao", "50", "Hoàn thành 100%: 50 điểm"),
    ("", "Tổng cộng", "150", ""),
)


def test_a_scoring_table_with_groups_of_participants() -> None:
    collective, individual = read_rubrics([(None, _GRID_WITH_GROUPS)])

    assert (collective.group, collective.total_points) == ("Đối với tập thể", Decimal(100))
    assert [(c.code, c.points) for c in collective.criteria] == [("1", Decimal(60)), ("2", Decimal(40))]
    assert collective.criteria[0].guide == (
        "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn (a: tổng số hồ sơ; b: số hồ sơ đúng hạn)"
    )
    assert (individual.group, individual.total_points, len(individual.criteria)) == (
        "Đối với cá nhân",
        Decimal(50),
        1,
    )


def test_group_headings_above_tables_and_a_table_that_goes_on_after_a_page_break() -> None:
    header = ("STT", "Tiêu chí", "Điểm tối đa", "Cách chấm")
    blocks: list[tuple[str | None, tuple[tuple[str | None, ...], ...] | None]] = [
        ("A. ĐỐI VỚI CÁC PHÒNG, ĐƠN VỊ (100 điểm)", None),
        (None, (header, ("1", "Ban hành kế hoạch đúng hạn", "60", "Đúng hạn: 60 điểm"))),
        ("3", None),  # a page number between the two halves
        (None, (("2", "Báo cáo đúng hạn", "40", "Mỗi báo cáo trễ trừ 10 điểm"),)),
        ("B. ĐỐI VỚI CÁ NHÂN (50 điểm)", None),
        (None, (header, ("1", "Hoàn thành nhiệm vụ", "50", "Hoàn thành: 50 điểm"))),
    ]
    units, people = read_rubrics(blocks)

    assert (units.group, units.total_points, [c.code for c in units.criteria]) == (
        "Đối với các phòng, đơn vị",
        Decimal(100),
        ["1", "2"],
    )
    assert (people.group, people.total_points) == ("Đối với cá nhân", Decimal(50))


@pytest.mark.parametrize("fmt", ["pipes", "tabs"])
def test_rubrics_in_the_dry_run_json(fmt: str) -> None:
    rows = [
        ("STT", "Tiêu chí thi đua", "Điểm chuẩn", "Hướng dẫn chấm điểm"),
        ("1", "Tỷ lệ văn bản đi được ký số", "20", "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn"),
    ]
    if fmt == "pipes":
        table = "\n".join("| " + " | ".join(row) + " |" for row in rows[:1]) + "\n|---|---|---|---|\n"
        table += "\n".join("| " + " | ".join(row) + " |" for row in rows[1:])
    else:
        table = "\n".join("\t".join(row) for row in rows)
    text = (
        "SỞ NỘI VỤ\nSố: 1/KH-SNV\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Phát động phong trào thi đua năm 2026\nI. NỘI DUNG THI ĐUA\n1. Thi đua chuyển đổi số.\n"
        f"PHỤ LỤC\nTHANG ĐIỂM\n{table}\n"
    )
    data = to_json_dict(parse_plan_file(text.encode(), "kh.txt"))

    assert data["rubrics"] == [
        {
            "group": None,
            "total_points": 20,
            "criteria": [
                {
                    "code": "1",
                    "title": "Tỷ lệ văn bản đi được ký số",
                    "points": 20,
                    "guide": "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn",
                }
            ],
        }
    ]
    assert not any(w["where"] == "appendix" for w in data["warnings"])
