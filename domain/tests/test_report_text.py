"""The sentences a report drafts from its figures."""

from datetime import date

from domain.report_tasks import StatusCounts
from domain.report_text import (
    TaskMention,
    area_paragraph,
    closing_sentence,
    done_sentence,
    missing_unit_sentence,
    next_tasks_sentence,
    opening_sentence,
    overdue_sentence,
    overview_paragraph,
    unit_paragraph,
)


def test_overview_with_figures_and_without():
    text = overview_paragraph("Sở Xây dựng", StatusCounts(8, 1, 1, 2), 2)
    assert text == (
        "Trong kỳ, Sở Xây dựng triển khai 12 lượt nhiệm vụ theo 2 kế hoạch: hoàn thành đúng hạn 8, hoàn thành "
        "trễ hạn 1, quá hạn chưa hoàn thành 1, đang thực hiện 2; tỷ lệ hoàn thành đúng hạn 80%."
    )
    assert overview_paragraph("Sở Xây dựng", StatusCounts(), 1).startswith("[[")


def test_area_without_tasks_says_so_plainly():
    assert (
        area_paragraph("Sở", StatusCounts())
        == "Trong kỳ không có nhiệm vụ thuộc lĩnh vực này đến hạn hoặc đang triển khai."
    )


def test_overdue_sentence_names_due_date_and_holder():
    text = overdue_sentence(
        [TaskMention("Quản lý tài sản công.", date(2026, 8, 31), "Phòng Kế hoạch – Tài chính")]
    )
    assert (
        text
        == "Nhiệm vụ quá hạn chưa hoàn thành: quản lý tài sản công (hạn 31/08/2026, Phòng Kế hoạch – Tài chính)."
    )


def test_long_lists_are_cut_with_a_count():
    text = done_sentence([TaskMention(f"Việc {n}") for n in range(13)])
    assert text.endswith("việc 9 và 3 nhiệm vụ khác.")
    assert done_sentence([]) == ""


def test_area_paragraph_leaves_out_empty_statuses():
    assert area_paragraph("Sở", StatusCounts(on_time=4, in_progress=3)) == (
        "Sở triển khai 7 lượt nhiệm vụ: hoàn thành đúng hạn 4, đang thực hiện 3; tỷ lệ hoàn thành đúng hạn 100%."
    )


def test_unit_paragraph_names_its_tasks_by_state():
    text = unit_paragraph(
        "Văn phòng Sở",
        done=[TaskMention("Rà soát văn bản.")],
        in_progress=[TaskMention("Công khai TTHC")],
        overdue=[TaskMention("Kiểm tra CCHC", date(2026, 11, 30))],
    )
    assert text == (
        "Văn phòng Sở: đã hoàn thành rà soát văn bản; đang thực hiện công khai TTHC; "
        "quá hạn chưa hoàn thành kiểm tra CCHC (hạn 30/11/2026)."
    )
    assert unit_paragraph("Phòng A", done=[], in_progress=[], overdue=[]).endswith(
        "không có nhiệm vụ chủ trì thuộc lĩnh vực này."
    )


def test_the_verb_is_not_said_twice():
    text = unit_paragraph(
        "Văn phòng Sở",
        done=[TaskMention("Hoàn thành việc số hóa")],
        in_progress=[TaskMention("Thực hiện báo cáo định kỳ")],
        overdue=[],
    )
    assert text == "Văn phòng Sở: đã hoàn thành việc số hóa; đang thực hiện báo cáo định kỳ."


def test_next_tasks_sentence():
    assert next_tasks_sentence([TaskMention(f"Việc {n}") for n in range(10)]) == (
        "Tiếp tục thực hiện và hoàn thành các nhiệm vụ: việc 0; việc 1; việc 2; việc 3; việc 4; việc 5; việc 6; "
        "việc 7 và 2 nhiệm vụ khác."
    )
    assert next_tasks_sentence([]) == ""


def test_missing_units_are_a_gap():
    assert missing_unit_sentence(["Phòng A"]) == "[[Phòng A chưa gửi nội dung báo cáo.]]"
    assert (
        missing_unit_sentence(["Phòng A", "Phòng B"])
        == "[[Các đơn vị chưa gửi nội dung báo cáo: Phòng A, Phòng B.]]"
    )


def test_opening_and_closing():
    subject = "Kết quả thực hiện công tác cải cách hành chính năm 2026"
    assert opening_sentence("Sở Xây dựng", subject, "từ ngày 15/12/2025 đến ngày 14/12/2026") == (
        "Sở Xây dựng báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026 "
        "(số liệu tính từ ngày 15/12/2025 đến ngày 14/12/2026) như sau:"
    )
    assert closing_sentence("Sở Xây dựng", subject).endswith("năm 2026 của Sở Xây dựng./.")
