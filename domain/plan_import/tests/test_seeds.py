"""The five seed plans, field by field; seeds 001 and 003 also as Word and PDF files.

Where the seed text itself leaves a field blank (drafts with "Số: /KH-SXD" and "ngày tháng 6 năm 2026",
plans without a header), the test asserts the blank and the warning that says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from domain.plan_import import DocRef, ParsedObjective, ParsedTask, PlanParseResult
from domain.targets import parse_targets

Parsed = Callable[..., PlanParseResult]


def task(result: PlanParseResult, ref: str) -> ParsedTask:
    return next(t for t in result.tasks if t.ref == ref)


def objective(result: PlanParseResult, ref: str) -> ParsedObjective:
    return next(o for o in result.objectives if o.ref == ref)


def warned(result: PlanParseResult, where: str, *fragments: str) -> bool:
    return any(w.where == where and all(f in w.message for f in fragments) for w in result.warnings)


def ref_tuple(ref: DocRef) -> tuple[str | None, str | None, date | None, str | None]:
    return ref.number, ref.symbol, ref.issued_on, ref.issuer


def target_tuple(item: ParsedObjective) -> tuple[str, Decimal | None, str] | None:
    return None if item.target is None else (item.target.comparator, item.target.value, item.target.unit)


# ------------------------------------------------------------------------------------------------ 001


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_001_header(parsed: Parsed, fmt: str) -> None:
    result = parsed("001", fmt)
    plan = result.plan

    assert (plan.number, plan.symbol) == (None, "KH-SXD")
    assert warned(result, "plan.number", "để trống")
    assert plan.issued_on is None
    assert warned(result, "plan.issued_on", "ngày tháng 6 năm 2026")
    assert plan.place == "Đắk Lắk"
    assert plan.issuer == "Sở Xây dựng"
    assert warned(result, "plan.issuer", "suy ra", "tiêu đề")
    assert plan.title == (
        "Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân đối với "
        "sự phục vụ của cơ quan hành chính nhà nước (SIPAS) tỉnh Đắk Lắk năm 2026 của Sở Xây dựng"
    )
    assert plan.type == "par_sipas"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert plan.signer == "Lê Công Du"
    assert plan.signer_title == "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"
    assert plan.recipients == (
        "Sở Nội vụ",
        "GD, các PGD Sở",
        "Các phòng, ban, đơn vị trực thuộc Sở (t/hiện)",
        "Trang thông tin điện tử của Sở (đăng tải)",
        "Lưu: VT, VP (Tr)",
    )
    assert plan.supersedes is None


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_001_basis(parsed: Parsed, fmt: str) -> None:
    result = parsed("001", fmt)

    assert [ref_tuple(r) for r in result.basis] == [("266", "KH-UBND", date(2026, 6, 23), "UBND tỉnh")]
    assert result.basis[0].kind == "plan"
    assert result.basis[0].title is not None and result.basis[0].title.startswith("Cải thiện và nâng cao")


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_001_objectives(parsed: Parsed, fmt: str) -> None:
    result = parsed("001", fmt)

    assert [o.ref for o in result.objectives] == [str(i) for i in range(1, 10)]
    assert target_tuple(objective(result, "1")) == (">=", Decimal(100), "%")
    assert target_tuple(objective(result, "4")) == (">=", Decimal(98), "%")
    assert target_tuple(objective(result, "8")) == (">=", Decimal(95), "%")
    assert objective(result, "9").text.startswith("Không để xảy ra")
    assert target_tuple(objective(result, "9")) == ("none", Decimal(0), "count")
    assert all(o.target is not None for o in result.objectives)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_001_tasks(parsed: Parsed, fmt: str) -> None:
    result = parsed("001", fmt)

    assert [t.ref for t in result.tasks] == [str(i) for i in range(1, 36)]
    assert all(t.kind == "task" and t.parent is None for t in result.tasks)

    first = task(result, "1")
    assert first.title == "Ban hành và tổ chức thực hiện Kế hoạch cải thiện PAR INDEX, SIPAS năm 2026"
    assert (first.lead, first.cooperating) == (("Văn phòng Sở",), ("Các phòng, đơn vị",))
    assert (first.timeline.start, first.timeline.due) == (date(2026, 7, 1), date(2026, 9, 30))
    assert first.deliverable == "Kế hoạch được ban hành"

    third = task(result, "3")
    assert third.timeline.raw == "Quý III, IV"
    assert (third.timeline.start, third.timeline.due) == (date(2026, 7, 1), date(2026, 12, 31))

    assert task(result, "4").timeline.kind == "trigger"

    tenth = task(result, "10")
    assert tenth.timeline.kind == "recurrence" and tenth.timeline.recurrence == "monthly"
    assert tenth.deliverable == "Tỷ lệ ≥ 98%"

    assert task(result, "13").timeline.recurrence == "quarterly"
    assert task(result, "26").lead == ("Phòng Kế hoạch - Tài chính",)

    row_31 = task(result, "31")
    assert row_31.title == "Triển khai xây dựng, cập nhật CSDL ngành Xây dựng"
    assert row_31.lead == ("Văn phòng Sở",)
    assert row_31.cooperating == ("Các phòng chuyên môn",)
    assert row_31.deliverable == "CSDL được cập nhật"
    assert task(result, "32").title == "Chuẩn hóa dữ liệu chuyên ngành"


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_001_six_clear(parsed: Parsed, fmt: str) -> None:
    result = parsed("001", fmt)

    first = task(result, "1").six_clear.flags
    assert (first["person"], first["task"], first["time"], first["deliverable"]) == (True, True, True, True)
    # The plan names no accountable person nor accepting authority for any task.
    assert not any(t.six_clear.flags["authority"] for t in result.tasks)
    assert task(result, "4").six_clear.flags["time"] is False  # "Sau kiểm tra" has no date


# ------------------------------------------------------------------------------------------------ 003

_GROUPS_003 = [
    ("I", "Công tác chỉ đạo điều hành", "direction", (6, 6, 7)),
    ("II", "Cải cách thể chế", "institutions", (3, 2, 3)),
    ("III", "Cải cách thủ tục hành chính", "procedures", (8, 6, 6)),
    ("IV", "Cải cách tổ chức bộ máy", "organization", (2, 2, 2)),
    ("V", "Cải cách chế độ công vụ", "civil_service", (1, 2, 2)),
    ("VI", "Cải cách tài chính công", "public_finance", (2, 3, 3)),
    ("VII", "Xây dựng, phát triển Chính quyền điện tử, Chính quyền số", "digital_government", (1, 1, 1)),
]


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_header(parsed: Parsed, fmt: str) -> None:
    result = parsed("003", fmt)
    plan = result.plan

    # The seed has no "Số:" line; the appendix's "(Kèm theo Kế hoạch số: /KH-SXD, ngày /12/2025 …)" does.
    assert (plan.number, plan.symbol) == (None, "KH-SXD")
    assert warned(result, "plan.number", "Kèm theo")
    assert plan.issued_on is None and warned(result, "plan.issued_on", "/12/2025")
    assert plan.place is None and warned(result, "plan.place")
    assert plan.issuer == "Sở Xây dựng"
    assert plan.title == "Cải cách hành chính năm 2026 của Sở Xây dựng"
    assert plan.type == "annual_reform"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (plan.signer, plan.signer_title) == ("Bùi Quang Vinh", "GIÁM ĐỐC")
    assert plan.recipients == (
        "Sở Nội vụ",
        "Lãnh đạo Sở",
        "Các phòng, ban, đơn vị thuộc Sở",
        "Trang thông tin điện tử của Sở",
        "Lưu: VT, VP",
    )
    assert plan.supersedes is None


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_basis(parsed: Parsed, fmt: str) -> None:
    result = parsed("003", fmt)

    assert [ref_tuple(r) for r in result.basis] == [
        ("76", "NQ-CP", date(2021, 7, 15), "Chính phủ"),
        ("2943", "KH-UBND", date(2021, 9, 20), "UBND tỉnh"),
        ("1560", "KH-SXD", date(2021, 12, 6), "Sở Xây dựng"),
    ]
    assert [r.kind for r in result.basis] == ["resolution", "plan", "plan"]


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_area_groups_and_counts(parsed: Parsed, fmt: str) -> None:
    result = parsed("003", fmt)

    assert [(g.ref, g.title, g.area, g.declared) for g in result.groups] == _GROUPS_003
    assert all(g.found == g.declared for g in result.groups)
    assert not any(w.where.startswith("group:") for w in result.warnings)
    activities = [t for t in result.tasks if t.kind == "activity"]
    assert len(activities) == 24
    per_area = {g: sum(1 for t in activities if t.ref.split(".")[0] == g) for g, *_ in _GROUPS_003}
    assert per_area == {"I": 7, "II": 3, "III": 6, "IV": 2, "V": 2, "VI": 3, "VII": 1}
    assert len([t for t in result.tasks if t.kind == "task"]) == 22


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_objectives(parsed: Parsed, fmt: str) -> None:
    result = parsed("003", fmt)

    main = [o for o in result.objectives if o.ref[0].isdigit()]
    appendix = [o for o in result.objectives if not o.ref[0].isdigit()]
    assert [o.ref for o in main if o.ref.startswith("1.")] == ["1.1", "1.2", "1.3", "1.4"]
    assert len(main) == 27 and len(appendix) == 23
    assert {o.area for o in main if o.ref.startswith("3.")} == {"procedures"}
    assert target_tuple(objective(result, "1.4")) == (">=", Decimal(20), "%")
    assert target_tuple(objective(result, "7.4")) == (">=", Decimal(70), "%")
    assert (
        objective(result, "I.5").text
        == "Tối thiểu 20% phòng, đơn vị trực thuộc được kiểm tra công tác cải cách hành chính"
    )
    assert target_tuple(objective(result, "I.5")) == (">=", Decimal(20), "%")
    assert target_tuple(objective(result, "II.1")) == (">", Decimal(95), "%")
    assert objective(result, "VII.1").area == "digital_government"
    assert len({o.ref for o in result.objectives}) == len(result.objectives)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_tree(parsed: Parsed, fmt: str) -> None:
    result = parsed("003", fmt)

    first = task(result, "I.HĐ1")
    assert (first.kind, first.parent, first.objective, first.area) == (
        "activity",
        "I.NV1",
        "I.1",
        "direction",
    )
    assert first.title == "Tự đánh giá, chấm điểm chỉ số của Sở; chấm điểm trên hệ thống phần mềm"
    assert first.deliverable == "Báo cáo tự chấm điểm"
    assert (first.lead, first.cooperating) == (("Văn phòng",), ("Các phòng, ban, đơn vị thuộc Sở",))
    assert first.timeline.kind == "trigger"

    second = task(result, "I.HĐ2")
    assert second.timeline.raw == "Quý IV năm 2026"
    assert (second.timeline.start, second.timeline.due) == (date(2026, 10, 1), date(2026, 12, 31))

    # Two activities under one task, the second row with merged objective and task cells.
    assert (task(result, "I.HĐ6").parent, task(result, "I.HĐ6").objective) == ("I.NV5", "I.5")
    assert task(result, "I.HĐ6").deliverable == "Báo cáo, biên bản"
    # An objective row without a task of its own shares the task above.
    assert (task(result, "II.HĐ2").parent, task(result, "II.HĐ2").objective) == ("II.NV1", "II.2")

    # Cells that ran on after a page break (seed 003 text) are given back to their task and activity.
    digitise = task(result, "III.NV2")
    assert digitise.title.endswith(
        "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ về thực hiện thủ "
        "tục hành chính theo cơ chế một cửa, một cửa liên thông tại Bộ phận Một cửa "
        "và Cổng Dịch vụ công Quốc gia"
    )
    digitise_activity = task(result, "III.HĐ2")
    assert digitise_activity.lead == ("Bộ phận một cửa", "Văn thư")
    assert digitise_activity.deliverable.endswith("đạt các cấp tăng tối thiểu 20% so với năm 2025")
    assert task(result, "III.HĐ3").objective == "III.5"

    assert task(result, "V.HĐ1").deliverable == "Tờ trình, đề án, Quyết định"
    assert task(result, "VI.HĐ1").lead == ("Phòng Quản lý vận tải",)
    assert task(result, "VII.HĐ1").timeline.raw == "Trong năm"

    # A task's own columns are those of its activities.
    assert task(result, "I.NV5").deliverable == "Kế hoạch; Báo cáo, biên bản"
    assert len({t.ref for t in result.tasks}) == len(result.tasks)


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_003_row_number_mismatch_is_reported(parsed: Parsed, fmt: str) -> None:
    # The seed numbers the row of "Mục tiêu 6" as 5.
    assert warned(parsed("003", fmt), "objective:I.6", "5", "Mục tiêu 6")


# ------------------------------------------------------------------------------------------------ 000


def test_000(parsed: Parsed) -> None:
    result = parsed("000")
    plan = result.plan

    # The seed text starts at "KẾ HOẠCH": no "Số:" line, no place and date.
    assert (plan.number, plan.symbol, plan.issued_on, plan.place) == (None, None, None, None)
    assert warned(result, "plan.number") and warned(result, "plan.issued_on") and warned(result, "plan.place")
    assert plan.issuer == "Sở Xây dựng" and warned(result, "plan.issuer", "tiêu đề")
    assert plan.title == (
        "Phát động Phong trào thi đua đẩy mạnh công tác cải cách hành chính, nâng cao chất lượng hoạt động "
        "của Sở Xây dựng năm 2026"
    )
    assert plan.type == "emulation"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (plan.signer, plan.signer_title) == ("Cao Đình Huy", "GIÁM ĐỐC")
    assert plan.recipients[0] == "Sở Nội vụ" and plan.recipients[-1] == "Lưu: VT, VP (Tr)"
    assert len(plan.recipients) == 5
    assert plan.supersedes is None

    assert [ref_tuple(r) for r in result.basis] == [
        ("0156", "KH-UBND", date(2025, 12, 26), "Ủy ban nhân dân tỉnh"),
        ("13", "KH-SXD", date(2026, 1, 8), "Sở Xây dựng"),
        ("12", "KH-SXD", date(2026, 1, 8), "Sở Xây dựng"),
    ]
    assert result.basis[1].title == "Cải cách hành chính nhà nước Sở Xây dựng năm 2026"


def test_000_objectives_are_the_contest_contents(parsed: Parsed) -> None:
    result = parsed("000")

    assert len(result.objectives) == 20
    assert [o.ref for o in result.objectives][:4] == ["1", "2", "3.1", "3.2"]
    assert warned(result, "objectives", "NỘI DUNG THI ĐUA")
    on_time = objective(result, "3.3")
    assert "đúng hạn và trước hạn" in on_time.text and target_tuple(on_time) == (">=", Decimal(98), "%")
    sipas = objective(result, "6.2")
    assert "SIPAS" in sipas.text and target_tuple(sipas) == (">=", Decimal(98), "%")
    disbursement = objective(result, "7.2")
    assert "giải ngân" in disbursement.text and target_tuple(disbursement) == (">=", Decimal(95), "%")
    # "100% phòng … có ít nhất 01 sáng kiến": the first target is the share of units (100%), the second
    # the count per unit (≥ 1 initiative).
    initiative = objective(result, "5.4")
    assert target_tuple(initiative) == (">=", Decimal(100), "%")
    counts = [(t.comparator, t.value, t.unit) for t in parse_targets(initiative.text)]
    assert (">=", Decimal(1), "sáng kiến") in counts
    higher = objective(result, "6.1").target
    assert higher is not None and higher.baseline == "cao hơn năm 2025"


def test_000_tasks_come_from_the_assignments(parsed: Parsed) -> None:
    result = parsed("000")

    assert [(t.ref, t.lead) for t in result.tasks] == [
        ("VI.1.1", ("Các phòng, ban, đơn vị trực thuộc Sở",)),
        ("VI.2.1", ("Văn phòng Sở",)),
    ]
    assert task(result, "VI.2.1").title.startswith("Làm đầu mối, giúp lãnh đạo Sở theo dõi")
    assert warned(result, "tasks", "TỔ CHỨC THỰC HIỆN")


# ------------------------------------------------------------------------------------------------ 002


def test_002(parsed: Parsed) -> None:
    result = parsed("002")
    plan = result.plan

    assert (plan.number, plan.symbol, plan.issued_on, plan.place) == (None, "KH-SXD", None, "Đắk Lắk")
    assert plan.type == "communication"
    assert plan.title == "Thông tin, tuyên truyền cải cách hành chính nhà nước năm 2026 của Sở Xây dựng"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2026, 12, 31))
    assert (plan.signer, plan.signer_title) == ("Cao Đình Huy", "GIÁM ĐỐC")
    assert plan.recipients[1] == "Giám đốc, các Phó Giám đốc Sở" and len(plan.recipients) == 5
    assert plan.supersedes is not None
    assert ref_tuple(plan.supersedes) == ("26", "KH-SXD", date(2026, 1, 13), "Sở Xây dựng")
    assert plan.supersedes.title == "Thông tin, tuyên truyền công tác cải cách hành chính nhà nước năm 2026"
    assert [ref_tuple(r) for r in result.basis] == [("1319", "QĐ-UBND", date(2026, 4, 29), "UBND tỉnh")]
    assert result.basis[0].kind == "decision"


def test_002_tasks(parsed: Parsed) -> None:
    result = parsed("002")

    assert len(result.tasks) == 9
    deadline = task(result, "VI.2.3")
    assert deadline.timeline.due == date(2026, 5, 15)
    assert deadline.lead == ("Các phòng, ban, đơn vị trực thuộc",)
    articles = task(result, "VI.1.4")
    assert articles.lead == ("Văn phòng Sở",)
    assert articles.timeline.recurrence == "monthly"
    assert articles.deliverable == "ít nhất 01 tin/bài viết về CCHC"
    reports = task(result, "VI.1.2")
    assert reports.timeline.raw == "hàng tháng, 6 tháng, năm" and reports.timeline.recurrence == "monthly"
    assert warned(result, "objectives", "Mục đích") and len(result.objectives) == 5
    assert target_tuple(objective(result, "4")) == (">=", Decimal(100), "%")


# ------------------------------------------------------------------------------------------------ 004


def test_004(parsed: Parsed) -> None:
    result = parsed("004")
    plan = result.plan

    assert (plan.number, plan.symbol, plan.place) == (None, "KH-UBND", "Đại Sơn")
    assert plan.issuer == "UBND xã Đại Sơn" and warned(result, "plan.issuer", "phần mở đầu")
    assert plan.type == "emulation"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2030, 12, 31))
    assert (plan.signer, plan.signer_title) == ("Đào Văn Soái", "CHỦ TỊCH")
    assert plan.recipients == (
        "Sở Nội vụ (để b/c)",
        "TT Đảng ủy xã",
        "Chủ tịch, các PCT.UBND xã",
        "Các cơ quan đơn vị có liên quan",
        "Lưu: VT",
    )
    assert [ref_tuple(r) for r in result.basis] == [
        ("2162", "QĐ-UBND", date(2026, 6, 9), "UBND Thành phố"),
        ("139", "KH-UBND", date(2026, 4, 24), "UBND xã Đại Sơn"),
    ]
    assert result.basis[1].title == "Cải cách hành chính Nhà nước trọng tâm giai đoạn 2026 – 2030"


def test_004_yearly_report_over_the_period(parsed: Parsed) -> None:
    result = parsed("004")

    yearly = task(result, "IV.1.2")
    assert yearly.lead == ("Các phòng, bộ phận chuyên môn thuộc UBND xã, các cơ quan, đơn vị trên địa bàn",)
    assert yearly.timeline.raw == "trước ngày 20/11 hàng năm"
    assert (yearly.timeline.kind, yearly.timeline.recurrence) == ("recurrence", "yearly")
    assert yearly.timeline.recurrence_day == (20, 11)
    assert (yearly.timeline.start, yearly.timeline.due) == (date(2026, 1, 1), date(2030, 12, 31))
    assert len(result.tasks) == 8
    assert task(result, "IV.7.1").lead == (
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        "các tổ chức chính trị - xã hội",
    )
    assert [o.ref for o in result.objectives] == ["1", "2", "3", "4", "5", "6"]


# ------------------------------------------------------------------------------------------ all seeds


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_refs_are_unique(parsed: Parsed, key: str) -> None:
    result = parsed(key)

    assert len({o.ref for o in result.objectives}) == len(result.objectives)
    assert len({t.ref for t in result.tasks}) == len(result.tasks)
    refs = {t.ref for t in result.tasks}
    assert all(t.parent is None or t.parent in refs for t in result.tasks)
    objective_refs = {o.ref for o in result.objectives}
    assert all(t.objective is None or t.objective in objective_refs for t in result.tasks)


@pytest.mark.parametrize("key", ["000", "002", "004"])
def test_word_form_reads_like_the_text(parsed: Parsed, key: str) -> None:
    from domain.plan_import import to_json_dict

    text, word = to_json_dict(parsed(key)), to_json_dict(parsed(key, "docx"))

    assert {k: v for k, v in word.items() if k != "warnings"} == {
        k: v for k, v in text.items() if k != "warnings"
    }
