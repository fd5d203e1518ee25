"""The parser on small plans: unknown layouts, missing columns, impossible dates, the JSON shape."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from domain.plan_import import (
    DocumentError,
    PlanParseResult,
    parse_plan,
    parse_plan_file,
    read_document,
    to_json_dict,
)
from domain.plan_import.layout import split_sentences, unwrap
from domain.plan_import.references import find_references

_FRONT = (
    "SỞ XÂY DỰNG\nSố: 21/KH-SXD\nĐắk Lắk, ngày 05 tháng 02 năm 2026\nKẾ HOẠCH\n"
    "Kiểm tra công tác cải cách hành chính năm 2026\n"
    "Căn cứ Quyết định số 15/2025/QĐ-UBND ngày 10/3/2025 của UBND tỉnh về ban hành quy chế;\n"
    "I. MỤC TIÊU\n- Tối thiểu 20% phòng được kiểm tra.\nII. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n"
    "- Tổng hợp kết quả kiểm tra trước ngày 30/11/2026.\n"
    "Trong quá trình thực hiện có vướng mắc, báo cáo Giám đốc Sở./.\n"
    "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn An\n"
)


def _plan(text: str, name: str = "kehoach.txt") -> PlanParseResult:
    return parse_plan_file(text.encode("utf-8"), name)


def test_a_complete_header() -> None:
    result = _plan(_FRONT)
    plan = result.plan

    assert (plan.number, plan.symbol, plan.issued_on, plan.place) == (
        "21",
        "KH-SXD",
        date(2026, 2, 5),
        "Đắk Lắk",
    )
    assert plan.issuer == "Sở Xây dựng"  # the header's name in ordinary case: no inference, no warning
    assert not any(w.where.startswith("plan.") for w in result.warnings)
    assert plan.type == "inspection"
    assert (plan.signer, plan.signer_title) == ("Nguyễn Văn An", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")
    assert plan.recipients == ("Sở Nội vụ", "Lưu: VT")
    assert [(r.number, r.symbol, r.issued_on, r.kind) for r in result.basis] == [
        ("15", "2025/QĐ-UBND", date(2025, 3, 10), "decision")
    ]
    duty = result.tasks[0]
    assert (duty.ref, duty.lead, duty.timeline.due) == ("II.1.1", ("Văn phòng Sở",), date(2026, 11, 30))


def test_number_and_date_on_one_line() -> None:
    text = _FRONT.replace("Số: 21/KH-SXD\nĐắk Lắk,", "Số: 21/KH-SXD  Đắk Lắk,")
    plan = _plan(text).plan

    assert (plan.number, plan.symbol, plan.place, plan.issued_on) == (
        "21",
        "KH-SXD",
        "Đắk Lắk",
        date(2026, 2, 5),
    )


def test_missing_lead_column_is_a_warning() -> None:
    import docx

    document = docx.Document()
    for line in (
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026 của Sở Xây dựng",
        "I. MỤC TIÊU",
        "- Hoàn thành 100% nhiệm vụ.",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=3, cols=5)
    rows = [
        ("STT", "Nội dung công việc", "Đơn vị phối hợp", "Thời hạn", "Kết quả dự kiến"),
        ("1", "Rà soát thủ tục hành chính", "Các phòng", "Quý II/2026", "Báo cáo rà soát"),
        ("2", "Kiểm tra công vụ", "Văn phòng Sở", "Hàng quý", "Biên bản kiểm tra"),
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)

    result = parse_plan_file(buffer.getvalue(), "kehoach.docx")

    assert any(w.where == "appendix" and "“Chủ trì”" in w.message for w in result.warnings)
    assert [(t.ref, t.lead, t.cooperating) for t in result.tasks] == [
        ("1", (), ("Các phòng",)),
        ("2", (), ("Văn phòng Sở",)),
    ]
    assert result.tasks[0].timeline.due == date(2026, 6, 30)
    assert not result.tasks[0].six_clear.flags["person"]


def test_impossible_date_is_a_warning_on_the_task() -> None:
    text = _FRONT.replace(
        "II. TỔ CHỨC THỰC HIỆN",
        "STT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian\tSản phẩm\n"
        "1\tRà soát quy trình nội bộ\tVăn phòng Sở\tCác phòng\ttrước ngày 31/02/2026\tBáo cáo\n"
        "II. TỔ CHỨC THỰC HIỆN",
    )
    result = _plan(text)

    first = next(t for t in result.tasks if t.ref == "1")
    assert first.timeline.kind == "unknown" and first.timeline.due is None
    assert any(
        w.where == "task:1" and "31/02/2026" in w.message and "không tồn tại" in w.message
        for w in result.warnings
    )


def test_blank_appendix_cells_are_warnings() -> None:
    text = (
        _FRONT
        + "PHỤ LỤC\nSTT\tNhiệm vụ\tChủ trì\tPhối hợp\tThời gian\tSản phẩm\n1\tRà soát quy trình\t\t\t\t\n"
    )
    result = _plan(text)

    assert any(w.where == "task:1" and "đơn vị chủ trì" in w.message for w in result.warnings)


def test_unknown_table_layout_found_by_header_words() -> None:
    # Columns in another order and with other names; a continued row after a page break.
    text = (
        "KẾ HOẠCH\nTuyên truyền cải cách hành chính năm 2027\nI. MỤC TIÊU\n- 100% tin bài được đăng.\n"
        "PHỤ LỤC\n"
        "TT\tThời hạn\tNội dung công việc\tCơ quan chủ trì\tKết quả dự kiến\tGhi chú\n"
        "1\tHằng tháng\tĐăng tin bài về CCHC\tVăn phòng\tTin, bài\t\n"
        "\t\ttrên Trang thông tin điện tử\t\t\t\n"
        "2\tCả năm\tCập nhật chuyên mục hỏi đáp\tPhòng Quản lý hạ tầng\tChuyên mục\tmới\n"
    )
    result = _plan(text)

    assert result.plan.type == "communication"
    assert (result.plan.period_start, result.plan.period_end) == (date(2027, 1, 1), date(2027, 12, 31))
    first, second = result.tasks
    assert first.title == "Đăng tin bài về CCHC trên Trang thông tin điện tử"
    assert (first.lead, first.timeline.recurrence, first.deliverable) == (
        ("Văn phòng",),
        "monthly",
        "Tin, bài",
    )
    assert (second.note, second.timeline.start) == ("mới", date(2027, 1, 1))
    assert not any(w.where == "appendix" for w in result.warnings)  # every needed column was recognised


def test_plan_without_type_line_but_with_plan_structure() -> None:
    text = "Cải cách hành chính năm 2026\nI. MỤC TIÊU\n- 100% hồ sơ đúng hạn.\nII. NHIỆM VỤ\n- Rà soát.\n"
    result = _plan(text)

    assert any(w.where == "plan.type" and "KẾ HOẠCH" in w.message for w in result.warnings)
    assert result.objectives[0].text == "100% hồ sơ đúng hạn."


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Hôm nay trời đẹp. Chúng tôi đi chơi công viên và ăn kem.", "không phải là một kế hoạch"),
        ("QUYẾT ĐỊNH\nVề việc khen thưởng\nĐiều 1. Khen thưởng 03 tập thể.", "QUYẾT ĐỊNH"),
    ],
)
def test_not_a_plan(text: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        _plan(text)
    assert "Tệp này không phải là một kế hoạch" in caught.value.message and fragment in caught.value.message


def test_json_shape(parsed: Callable[..., PlanParseResult]) -> None:
    data = to_json_dict(parsed("001"))

    assert set(data) == {"kind", "plan", "basis", "objectives", "tasks", "rubrics", "warnings"}
    assert (data["kind"], data["rubrics"]) == ("ke_hoach", [])
    assert set(data["plan"]) == {
        "number", "symbol", "issued_on", "place", "issuer", "title", "type", "period_start", "period_end",
        "signer", "signer_title", "recipients", "supersedes",
    }  # fmt: skip
    assert set(data["basis"][0]) == {"number", "symbol", "issued_on", "issuer", "title"}
    assert data["basis"][0]["issued_on"] == "2026-06-23"
    assert set(data["objectives"][0]) == {"ref", "area", "text", "target"}
    assert data["objectives"][3]["target"] == {"comparator": ">=", "value": 98, "unit": "%", "baseline": None}
    task = data["tasks"][9]
    assert set(task) == {
        "ref", "kind", "parent", "objective", "area", "title", "lead", "cooperating", "timeline", "deliverable",
        "six_clear",
    }  # fmt: skip
    assert task["timeline"] == {
        "raw": "Hàng tháng", "start": "2026-01-01", "due": "2026-12-31", "recurrence": "monthly", "trigger": None
    }  # fmt: skip
    assert set(task["six_clear"]) == {"person", "task", "time", "responsibility", "deliverable", "authority"}
    assert set(data["warnings"][0]) == {"where", "message"}
    json.dumps(data, ensure_ascii=False)
    superseding = to_json_dict(parsed("002"))["plan"]["supersedes"]
    assert superseding["issued_on"] == "2026-01-13" and superseding["symbol"] == "KH-SXD"


def test_unwrap_joins_wrapped_lines_only() -> None:
    lines = [
        "Thực hiện Kế hoạch số 0156/KH-UBND ngày 26/12/2025 của Ủy ban nhân dân tỉnh về cải cách hành",
        "chính nhà nước tỉnh năm 2026; các Kế hoạch triển khai của Sở Xây dựng: Số 13/KH-SXD ngày",
        "08/01/2026 về cải cách hành chính nhà nước Sở Xây dựng năm 2026 và những năm tiếp theo;",
        "Nhằm tạo khí thế thi đua sôi nổi, phát huy tinh thần trách nhiệm, đổi mới, sáng tạo của",
        "cán bộ, công chức.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Tạo chuyển biến mạnh mẽ về nhận thức, ý thức trách nhiệm của toàn thể cán bộ, công chức,",
        "viên chức trong thực hiện cải cách hành chính; xác định cải cách hành chính là nhiệm vụ trọng",
        "tâm.",
        "- Nâng cao chất lượng phục vụ người dân, doanh nghiệp và hiệu quả hoạt động của Sở Xây",
        "dựng.",
        "- Phát hiện, bồi dưỡng, biểu dương, khen thưởng kịp thời các tập thể, cá nhân có thành tích",
        "tiêu biểu; nhân rộng các mô hình, sáng kiến, cách làm hay, hiệu quả trong cải cách hành chính.",
        "Ghi chú thêm cuối mục này.",
        "Thêm một dòng cho đủ độ dài của văn bản được ngắt dòng theo khổ giấy A4 dọc.",
        "Và thêm một dòng nữa cho đủ độ dài của văn bản được ngắt dòng theo khổ giấy.",
    ]
    paragraphs = unwrap(lines)

    assert paragraphs[0].startswith("Thực hiện") and paragraphs[0].endswith("những năm tiếp theo;")
    assert (
        paragraphs[1]
        == "Nhằm tạo khí thế thi đua sôi nổi, phát huy tinh thần trách nhiệm, đổi mới, sáng tạo của cán bộ, công chức."
    )
    assert paragraphs[2:4] == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]
    assert paragraphs[4].endswith("là nhiệm vụ trọng tâm.")


def test_split_sentences_keeps_abbreviations() -> None:
    assert split_sentences("Rà soát văn bản. Tối thiểu 20% phòng được kiểm tra. TP. Hồ Chí Minh ghi chú") == [
        "Rà soát văn bản.",
        "Tối thiểu 20% phòng được kiểm tra.",
        "TP. Hồ Chí Minh ghi chú",
    ]


def test_reference_forms() -> None:
    text = (
        "Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017; Quyết định 892/QĐ-BNV ngày 05 tháng 12 năm 2024 "
        "của Bộ Nội vụ về việc ban hành Chỉ số; Kế hoạch số 139/KH-UBND ngày 24/4/2026 về cải cách hành "
        "chính giai đoạn 2026 – 2030 của UBND xã Đại Sơn; Công văn số 59-CV/BCĐ ngày 31/02/2025 của Ban Chỉ đạo."
    )
    found = find_references(text)

    assert [(f.ref.number, f.ref.symbol, f.ref.kind) for f in found] == [
        ("18", "NQ/TW", "resolution"),
        ("892", "QĐ-BNV", "decision"),
        ("139", "KH-UBND", "plan"),
        ("59", "CV/BCĐ", "official_letter"),
    ]
    assert found[1].ref.issued_on == date(2024, 12, 5) and found[1].ref.issuer == "Bộ Nội vụ"
    assert found[1].ref.title == "Ban hành Chỉ số"
    assert found[2].ref.issuer == "UBND xã Đại Sơn"
    assert found[3].ref.issued_on is None and "không tồn tại" in found[3].problems[0]


@pytest.mark.parametrize(
    ("key", "fmt"),
    [(key, "txt") for key in ("000", "001", "002", "003", "004")]
    + [("001", "docx"), ("003", "docx"), ("001", "pdf"), ("003", "pdf")],
)
def test_parsing_never_hangs(seed_files: Callable[[str, str], Path], key: str, fmt: str) -> None:
    """A guard against a runaway parse, not a speed figure: bench/plan_import.py measures speed (a seed parses
    in well under a second on a quiet machine); these bounds only catch a pathological slowdown, and hold on a
    loaded CI machine too."""
    data = seed_files(key, fmt).read_bytes()
    started = time.perf_counter()
    document = read_document(data, f"kehoach.{fmt}")
    read = time.perf_counter()
    parse_plan(document)
    parsed = time.perf_counter()

    assert parsed - read < 15.0
    assert read - started < (60.0 if fmt == "pdf" else 15.0)


def test_plan_numbered_without_roman_sections_and_without_assignments() -> None:
    text = (
        "UBND TỈNH LAI CHÂU\nSỞ TƯ PHÁP\nSố: 07/KH-STP\nLai Châu, ngày 10 tháng 01 năm 2026\nKẾ HOẠCH\n"
        "Cải cách hành chính năm 2026\n1. MỤC ĐÍCH, YÊU CẦU\na) Nâng cao chất lượng phục vụ.\n2. NHIỆM VỤ\n"
        "- Rà soát thủ tục hành chính trước ngày 30/6/2026.\n- Khảo sát sự hài lòng hằng quý.\n"
        "3. TỔ CHỨC THỰC HIỆN\nCác phòng triển khai thực hiện./.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
        "GIÁM ĐỐC\nTrần Văn Bình\n"
    )
    result = _plan(text)

    assert (result.plan.issuer, result.plan.number, result.plan.signer) == (
        "Sở Tư pháp",
        "07",
        "Trần Văn Bình",
    )
    assert [(t.ref, t.lead, t.timeline.due) for t in result.tasks] == [
        ("2.1", (), date(2026, 6, 30)),
        ("2.2", (), date(2026, 12, 31)),
    ]
    assert result.tasks[1].timeline.recurrence == "quarterly"
    assert any(w.where == "tasks" and "chưa có đơn vị chủ trì" in w.message for w in result.warnings)


def test_warnings_name_their_place_in_vietnamese():
    from domain.plan_import.result import ImportWarning

    assert ImportWarning("plan.issuer", "x").where_label == "Cơ quan ban hành"
    assert ImportWarning("task:12", "x").where_label == "Nhiệm vụ 12"
    assert ImportWarning("objectives", "x").where_label == "Mục tiêu, chỉ tiêu"
    assert ImportWarning("something.new", "x").where_label == "Văn bản"
