"""A province's criteria table read into a tree: a hand-made Sở table field by field, the PAR CSVs as found in
public sources, bad tables with their Vietnamese messages, .xlsx/.docx/CSV files, and export → import round trips."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from domain.scoring.rules import AnswerMap, Bonus, CountTarget, Penalty, Tier, Tiered, TimelinessRule, YesNo
from domain.scoring.table_export import export_criteria_table
from domain.scoring.table_files import read_table_rows
from domain.scoring.table_import import codes_from_stt, import_criteria_table
from domain.scoring.tree import Criterion, Method

D = Decimal
FIXTURES = Path(__file__).parent / "fixtures"
HEADER = [
    "STT",
    "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    "Điểm tối đa",
    "Hướng dẫn chấm điểm",
    "Tài liệu kiểm chứng",
]


def so_table() -> list[list[str]]:
    """A Sở table shaped like Cà Mau 1880/QĐ-UBND's rubric (sample, not an official table)."""
    return [
        ["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CÁC SỞ (mẫu)", "", "", "", ""],
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "5", "", ""],
        ["1", "Kế hoạch CCHC năm", "3", "", ""],
        [
            "1.1",
            "Ban hành kế hoạch CCHC năm",
            "1",
            "Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0",
            "Kế hoạch CCHC năm",
        ],
        [
            "1.2",
            "Mức độ thực hiện kế hoạch",
            "2",
            "> 90%: 2; 70–90%: 1; < 70%: 0",
            "Báo cáo kết quả thực hiện",
        ],
        ["2", "Báo cáo CCHC định kỳ đầy đủ", "1", "Có: 1; Không: 0", "Các báo cáo quý, 6 tháng, năm"],
        ["3", "Tuyên truyền CCHC", "1", "Mỗi tháng ít nhất 01 tin bài", ""],
        ["II", "TÁC ĐỘNG CỦA CCHC", "3", "", ""],
        ["4", "Tỷ lệ hồ sơ giải quyết đúng hạn", "2", "", "Số liệu một cửa"],
        ["", "- Đạt 100%", "2", "", ""],
        ["", "- Từ 80% đến dưới 100%", "1", "", ""],
        ["", "- Dưới 80%", "0", "", ""],
        ["5", "Mức độ hài lòng (điều tra xã hội học)", "1", "A: 100%; B: 60%; C: 20%; D: 0%", ""],
        ["III", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", "", ""],
        ["a)", "Sáng kiến CCHC được công nhận", "", "Mỗi sáng kiến được cộng 0,5 điểm, tối đa 2 điểm", ""],
        ["b)", "Văn bản chậm", "", "Trừ 0,5 điểm mỗi văn bản chậm, tối đa trừ 2 điểm", ""],
        ["", "Tổng cộng", "8", "", ""],
    ]


def fixture_rows(name: str) -> list[list[str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_a_so_table_imports_field_by_field() -> None:
    result = import_criteria_table(so_table())

    assert result.errors == ()
    assert result.warnings == ()
    assert result.total_points == D(8)
    flat = {node.code: (node, parent) for node, parent in result.flat()}
    assert list(flat) == ["I", "1", "1.1", "1.2", "2", "3", "II", "4", "5", "III", "III.a", "III.b"]
    plan, parent = flat["1.1"]
    assert parent == "1"
    assert plan.title == "Ban hành kế hoạch CCHC năm"
    assert plan.max_points == D(1)
    assert plan.evidence == "Kế hoạch CCHC năm"
    assert plan.method is Method.SELF_ASSESSED
    assert plan.rule == TimelinessRule(on_time=D(1), late=D("0.5"), missing_label="Không ban hành")
    assert flat["1"][0].max_points == D(3) and flat["1"][1] == "I"
    assert flat["1.2"][0].rule == Tiered(
        tiers=(
            Tier(D(2), lower=D(90), lower_inclusive=False),
            Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
            Tier(D(0), upper=D(70), upper_inclusive=False),
        )
    )
    assert flat["2"][0].rule == YesNo()
    assert flat["3"][0].rule == CountTarget(target=1, periods=12, unit="tin bài")
    # rows without STT under criterion 4 are its guide, one line each
    dossiers = flat["4"][0]
    assert dossiers.guide == "Đạt 100%: 2 điểm\nTừ 80% đến dưới 100%: 1 điểm\nDưới 80%: 0 điểm"
    assert dossiers.rule == Tiered(
        tiers=(
            Tier(D(2), lower=D(100), lower_inclusive=True),
            Tier(D(1), lower=D(80), lower_inclusive=True, upper=D(100), upper_inclusive=False),
            Tier(D(0), upper=D(80), upper_inclusive=False),
        )
    )
    assert flat["5"][0].method is Method.SURVEY
    assert flat["5"][0].rule == AnswerMap(answers=(("A", D(100)), ("B", D(60)), ("C", D(20)), ("D", D(0))))
    # bonus and penalty take their caps from the text, outside the 8 points
    assert flat["III.a"][0].rule == Bonus(per_item=D("0.5")) and flat["III.a"][0].max_points == D(2)
    assert flat["III.b"][0].rule == Penalty(per_item=D("0.5")) and flat["III.b"][0].max_points == D(2)
    assert flat["III"][0].extra


def test_the_json_has_the_cli_shape() -> None:
    data = import_criteria_table(so_table()).to_json()

    assert set(data) >= {"criteria", "total_points", "warnings"}
    first = data["criteria"][2]  # type: ignore[index]
    assert {"code", "parent", "title", "max_points", "method", "rule"} <= set(first)
    assert first["code"] == "1.1" and first["parent"] == "1" and first["max_points"] == "1"
    assert first["method"] == "self_assessed"
    assert first["rule"]["kind"] == "timeliness" and first["rule"]["late"] == "0.5"
    assert data["total_points"] == "8"


@pytest.mark.parametrize(
    ("name", "codes", "total", "warnings", "errors"),
    [
        (
            "par_criteria_hanam_2023.csv",
            {"LV3": None, "TC7.3": None, "TC7.5": None},
            D(27),
            [
                "Dòng 3 (tiêu chí TC7.3): mã cha “LV7” không có trong bảng; xếp ở cấp cao nhất.",
                "Dòng 4 (tiêu chí TC7.5): mã cha “LV7” không có trong bảng; xếp ở cấp cao nhất.",
                "Dòng 4 (tiêu chí TC7.5): chưa nhận ra cách chấm “points truncated”; giữ nguyên văn để chấm trực tiếp.",
            ],
            ["Tiêu chí TC7.5: chưa có điểm tối đa."],
        ),
        (
            "par_criteria_national-provincial_2024.csv",
            {"PROV": None, "LV3": "PROV", "LV8": "PROV"},
            D(100),
            [
                "Dòng 5 (tiêu chí LV3): chưa nhận ra cách chấm “Sơn La 2024 scored 12.75/13”; giữ nguyên văn để chấm trực tiếp."
            ],
            [
                "Tiêu chí PROV: điểm tối đa 100 nhưng các tiêu chí thành phần cộng lại 55.",
                "Tiêu chí LV1: chưa có điểm tối đa.",
            ],
        ),
        (
            "par_criteria_hanoi_2025.csv",
            {"HN": None, "ND1": "HN", "ND9": "HN"},
            D(100),
            [
                "Dòng 11 (tiêu chí ND9): phương pháp đánh giá “bonus/penalty” không nhận ra; ghi là Tự đánh giá."
            ],
            ["Tiêu chí ND9: chưa có điểm tối đa."],
        ),
        (
            "par_criteria_hanoi-capphong_2024.csv",
            {"HNP": None, "P7": "HNP"},
            D(100),
            [],
            ["Tiêu chí P1: chưa có điểm tối đa."],
        ),
        (
            "par_criteria_nghean_2023.csv",
            {"NA": None, "NA7": "NA"},
            None,
            [],
            ["Tiêu chí NA1: chưa có điểm tối đa."],
        ),
    ],
)
def test_the_par_csvs_load_with_what_their_sources_leave_open(
    name: str, codes: dict[str, str | None], total: Decimal | None, warnings: list[str], errors: list[str]
) -> None:
    result = import_criteria_table(fixture_rows(name))

    parents = {node.code: parent for node, parent in result.flat()}
    assert {code: parents[code] for code in codes} == codes
    assert result.total_points == total
    assert set(warnings) <= set(result.warnings)
    assert set(errors) <= set(result.errors)
    assert (
        not result.ok
    )  # every one of them misses maxima: usable only once the province's decision fills them


def test_the_national_csv_keeps_its_maxima_methods_and_notes() -> None:
    result = import_criteria_table(fixture_rows("par_criteria_national-provincial_2024.csv"))

    flat = {node.code: node for node, _ in result.flat()}
    assert flat["LV4"].max_points == D("10.5")
    assert flat["LV8"].method is Method.SURVEY
    assert flat["LV3"].rule is None and flat["LV3"].guide == "Sơn La 2024 scored 12.75/13"


def edited(changes: dict[tuple[int, int], str], extra: list[list[str]] | None = None) -> list[list[str]]:
    rows = so_table()
    for (row, column), value in changes.items():
        rows[row][column] = value
    return rows[:-1] + (extra or []) + rows[-1:]


@pytest.mark.parametrize(
    ("rows", "error"),
    [
        (edited({(3, 2): "6"}), "Tiêu chí I: điểm tối đa 6 nhưng các tiêu chí thành phần cộng lại 5."),
        (edited({(18, 2): "10"}), "Các lĩnh vực cộng lại 8 điểm, khác tổng 10 điểm của bộ tiêu chí."),
        (edited({(6, 0): "1.1"}), "Dòng 7: mã tiêu chí 1.1 bị lặp (đã có ở dòng 6); bỏ dòng này."),
        (edited({(5, 2): "một"}), "Dòng 6 (tiêu chí 1.1): điểm tối đa “một” không phải là một số."),
        (
            edited({(16, 2): "1"}),
            "Dòng 17 (tiêu chí III.a): hướng dẫn ghi tối đa 2 điểm nhưng cột điểm tối đa ghi 1 điểm.",
        ),
        (edited({(6, 3): "Từ 90% đến 100%: 2; từ 80% đến 95%: 1"}), "chồng nhau"),
        ([["Số", "Tên", "Điểm"], ["1", "A", "1"]], "Không tìm thấy dòng tiêu đề của bảng tiêu chí"),
        ([HEADER], "Bảng không có tiêu chí nào."),
    ],
)
def test_a_bad_table_gives_a_vietnamese_error(rows: list[list[str]], error: str) -> None:
    result = import_criteria_table(rows)

    assert any(error in message for message in result.errors), result.errors
    assert not result.ok


def test_a_guide_not_understood_is_kept_for_hand_scoring_with_a_warning() -> None:
    result = import_criteria_table(edited({(7, 3): "Đơn vị tự chấm theo thực tế"}))

    node = next(node for node, _ in result.flat() if node.code == "2")
    assert node.rule is None and node.guide == "Đơn vị tự chấm theo thực tế"
    assert result.warnings == (
        "Dòng 8 (tiêu chí 2): chưa nhận ra cách chấm “Đơn vị tự chấm theo thực tế”; giữ nguyên văn để chấm trực tiếp.",
    )
    assert result.ok


def test_a_stated_total_is_checked_when_the_table_has_no_total_row() -> None:
    rows = so_table()[:-1]

    assert import_criteria_table(rows).total_points == D(8)
    assert (
        "Các lĩnh vực cộng lại 8 điểm, khác tổng 100 điểm của bộ tiêu chí."
        in import_criteria_table(rows, total_points=D(100)).errors
    )


@pytest.mark.parametrize(
    ("tokens", "placed"),
    [
        (
            ["1", "1.1", "1.1.1", "1.2", "2"],
            [("1", None), ("1.1", "1"), ("1.1.1", "1.1"), ("1.2", "1"), ("2", None)],
        ),
        (
            ["I", "1", "1.1", "a)", "b)", "2", "II", "3"],
            [
                ("I", None),
                ("1", "I"),
                ("1.1", "1"),
                ("1.1.a", "1.1"),
                ("1.1.b", "1.1"),
                ("2", "I"),
                ("II", None),
                ("3", "II"),
            ],
        ),
        (
            ["I", "1.1", "1.2", "II", "2.1"],
            [("I", None), ("1.1", "I"), ("1.2", "I"), ("II", None), ("2.1", "II")],
        ),
        # numbering restarts in each area: codes take the area's numeral
        (
            ["I", "1", "1.1", "II", "1", "1.1"],
            [("I", None), ("I.1", "I"), ("I.1.1", "I.1"), ("II", None), ("II.1", "II"), ("II.1.1", "II.1")],
        ),
        (["A", "1.", "2.", "B", "3."], [("A", None), ("1", "A"), ("2", "A"), ("B", None), ("3", "B")]),
    ],
)
def test_stt_numbers_give_the_hierarchy(tokens: list[str], placed: list[tuple[str, str | None]]) -> None:
    found = codes_from_stt(tokens)

    assert [(p.code, p.parent) for p in found if p is not None] == placed


def test_headers_are_found_whatever_the_accents_case_and_wording() -> None:
    rows = [
        ["tt", "NOI DUNG TIEU CHI", "Thang điểm", "Phương pháp", "Minh chứng", "Điểm tự chấm"],
        ["1", "Kế hoạch", "1", "Có: 1; Không: 0", "KH", "1"],
    ]

    node = import_criteria_table(rows).criteria[0]

    assert (node.code, node.title, node.max_points, node.rule, node.evidence) == (
        "1",
        "Kế hoạch",
        D(1),
        YesNo(),
        "KH",
    )


def test_an_export_imports_back_to_the_same_tree() -> None:
    first = import_criteria_table(so_table())

    rows = export_criteria_table(first.criteria, first.total_points)
    again = import_criteria_table(rows)

    assert rows[0] == [*HEADER[:1], "Tiêu chí", *HEADER[2:], "Phương pháp đánh giá"]
    assert again.criteria == first.criteria
    assert again.total_points == first.total_points
    assert again.errors == ()


def test_a_tree_with_codes_that_do_not_nest_exports_a_parent_column_and_comes_back() -> None:
    first = import_criteria_table(fixture_rows("par_criteria_national-provincial_2024.csv"))

    rows = export_criteria_table(first.criteria)
    again = import_criteria_table(rows)

    assert rows[0][-1] == "Mã cha"
    assert again.criteria == first.criteria


def test_a_tree_built_here_without_guide_text_exports_words_that_read_as_its_rules() -> None:
    plan = TimelinessRule(on_time=D(1), late=D("0.5"), missing_label="Không ban hành")
    articles = CountTarget(target=1, periods=12, unit="tin bài")
    tree = (
        Criterion(
            "1",
            "Chỉ đạo, điều hành",
            children=(
                Criterion("1.1", "Ban hành kế hoạch", D(1), rule=plan),
                Criterion("1.2", "Tuyên truyền", D(1), rule=articles, method=Method.COMPUTED),
            ),
        ),
    )

    again = import_criteria_table(export_criteria_table(tree))

    flat = {node.code: node for node, _ in again.flat()}
    assert flat["1.1"].rule == plan and flat["1.2"].rule == articles
    assert flat["1.2"].method is Method.COMPUTED
    assert again.total_points == D(2) and again.errors == ()


def test_xlsx_docx_and_csv_files_read_to_the_same_tree() -> None:
    import docx
    from openpyxl import Workbook

    rows = so_table()
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    document = docx.Document()
    document.add_paragraph("Phụ lục")
    table = document.add_table(rows=len(rows) - 1, cols=5)
    for r, row in enumerate(rows[1:]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    word = io.BytesIO()
    document.save(word)
    text = io.StringIO()
    csv.writer(text).writerows(rows)

    expected = import_criteria_table(rows).criteria
    for data, name in (
        (xlsx.getvalue(), "bang.xlsx"),
        (word.getvalue(), "bang.docx"),
        (text.getvalue().encode(), "bang.csv"),
    ):
        assert import_criteria_table(read_table_rows(data, name)).criteria == expected, name
