"""The PAR INDEX documents — an agency's self-assessment report and the province's decision publishing the
results — written in the Nghị định 30 format and read back with python-docx."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.documents.par_docx import (
    AreaResult,
    CriterionShortfall,
    PublicationDecision,
    RankedAgency,
    SelfAssessmentReport,
    basis_lines,
    overall_lines,
    publication_decision_docx,
    self_assessment_report_docx,
    spelled_out,
)

D = Decimal
AREAS = (
    AreaResult("1", "Công tác chỉ đạo, điều hành CCHC", D(10), D(9), D(8), D(8)),
    AreaResult("3", "Cải cách thủ tục hành chính", D("14.5"), D("13.5"), D(12), D(12)),
    AreaResult("6", "Cải cách tài chính công", D(7), D(0), D(0), D(0), applicable=False),
    AreaResult("8", "Tác động của CCHC", D("15.5"), None, None, D("12.4")),
)
SHORTFALLS = (
    CriterionShortfall("1.2", "Mức độ thực hiện kế hoạch CCHC năm", D(1), D(2), "Tỷ lệ 80% → 1/2 điểm"),
    CriterionShortfall(
        "3", "Cải cách thủ tục hành chính", D(12), D("14.5"), "Điểm trực tiếp", reason="Thiếu báo cáo quý IV"
    ),
)
REPORT = SelfAssessmentReport(
    governing_body="UBND tỉnh Đắk Lắk",
    issuing_body="Sở Xây dựng",
    number=None,
    symbol="BC-SXD",
    place="Đắk Lắk",
    issued_on=date(2027, 1, 8),
    year=2027,
    assessment_year=2026,
    basis="Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Đắk Lắk",
    deadline=date(2027, 2, 5),
    max_total=D(100),
    survey_max=D("15.5"),
    self_total=D("80.5"),
    appraised_total=D(76),
    survey_total=D("12.4"),
    final_total=D("88.4"),
    index_percent=D("88.40"),
    finalized=True,
    areas=AREAS,
    shortfalls=SHORTFALLS,
    signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    signer="Lê Công Du",
    recipients=("Sở Nội vụ (thẩm định)", "Lưu: VT, VP"),
)
DRAFT = replace(
    REPORT,
    issued_on=None,
    appraised_total=None,
    survey_total=None,
    final_total=None,
    index_percent=None,
    finalized=False,
    areas=tuple(replace(area, appraised_points=None, final_points=None) for area in AREAS),
)
RANKING = (
    RankedAgency(1, "Sở Tư pháp tỉnh Đắk Lắk", D("92.5"), D("92.50"), "A"),
    RankedAgency(2, "Sở Xây dựng tỉnh Đắk Lắk", D("88.4"), D("88.40"), "B"),
    RankedAgency(2, "Sở Y tế tỉnh Đắk Lắk", D("88.4"), D("88.40"), "B"),
    RankedAgency(4, "Sở Nội vụ tỉnh Đắk Lắk", D("69.05"), D("69.05"), "D"),
)
DECISION = PublicationDecision(
    governing_body=None,
    issuing_body="UBND tỉnh Đắk Lắk",
    number="5",
    symbol="QĐ-UBND",
    place="Đắk Lắk",
    issued_on=date(2027, 3, 9),
    year=2027,
    assessment_year=2026,
    assessed="các sở, ban, ngành",
    authority="Chủ tịch UBND tỉnh Đắk Lắk",
    basis=(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025",
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh Đắk Lắk;",
        "Theo đề nghị của Giám đốc Sở Nội vụ.",
    ),
    executors="Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành",
    ranking=RANKING,
    signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
    signer="Nguyễn Văn A",
    recipients=("Như Điều 3", "Bộ Nội vụ (b/c)"),
)


def read_report(data: SelfAssessmentReport = REPORT) -> Document:
    return docx.Document(BytesIO(self_assessment_report_docx(data)))


def read_decision(data: PublicationDecision = DECISION) -> Document:
    return docx.Document(BytesIO(publication_decision_docx(data)))


def lines(cell: _Cell) -> list[str]:
    return [paragraph.text for paragraph in cell.paragraphs]


def texts(document: Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def find(document: Document, text: str) -> Paragraph:
    return next(paragraph for paragraph in document.paragraphs if paragraph.text == text)


def starting(document: Document, prefix: str) -> Paragraph:
    return next(paragraph for paragraph in document.paragraphs if paragraph.text.startswith(prefix))


def table_after(document: Document, caption: str) -> Table:
    """The table that follows the paragraph ``caption`` in the body."""
    found = False
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p") and Paragraph(child, document).text == caption:
            found = True
        elif found and child.tag == qn("w:tbl"):
            return Table(child, document)
    raise AssertionError(f"no table after {caption!r}")


@pytest.fixture(scope="module")
def report() -> Document:
    return read_report()


@pytest.fixture(scope="module")
def decision() -> Document:
    return read_decision()


# --- the self-assessment report -------------------------------------------------------------------------------


def test_report_header_names_the_agency_with_its_symbol_place_and_date(report: Document) -> None:
    issuer, nation = report.tables[0].rows[0].cells
    assert lines(issuer)[:2] == ["UBND TỈNH ĐẮK LẮK", "SỞ XÂY DỰNG"]
    assert lines(nation)[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number, place_date = report.tables[0].rows[1].cells
    assert lines(number) == ["Số:      /BC-SXD"]
    assert lines(place_date) == ["Đắk Lắk, ngày 08 tháng 01 năm 2027"]


def test_report_without_a_date_leaves_blanks_for_the_clerk() -> None:
    place_date = read_report(DRAFT).tables[0].rows[1].cells[1]
    assert lines(place_date) == ["Đắk Lắk, ngày     tháng     năm 2027"]


def test_report_title_is_the_type_name_over_the_subject(report: Document) -> None:
    type_name = find(report, "BÁO CÁO")
    subject = find(report, "Tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026")
    for paragraph in (type_name, subject):
        assert paragraph.runs[0].bold and paragraph.alignment == WD_PARAGRAPH_ALIGNMENT.CENTER


def test_report_opening_cites_the_basis_and_the_deadline(report: Document) -> None:
    opening = starting(report, "Thực hiện Quyết định số 12/QĐ-UBND ngày 05/01/2026")
    assert "Sở Xây dựng đã tổ chức tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2026" in opening.text
    assert "(hạn nộp ngày 05/02/2027)" in opening.text


def test_report_overall_result_with_decimal_commas(report: Document) -> None:
    body = texts(report)
    assert (
        "Tổng điểm tự đánh giá của Sở Xây dựng: 80,5/84,5 điểm (không tính 15,5 điểm điều tra xã hội học do "
        "Sở Nội vụ tổ chức)." in body
    )
    assert "Điểm sau thẩm định: 76/84,5 điểm; điểm điều tra xã hội học: 12,4/15,5 điểm." in body
    assert "Điểm đạt: 88,4/100 điểm; Chỉ số cải cách hành chính: 88,4%." in body


def test_report_before_appraisal_gives_the_self_assessed_share_only() -> None:
    assert overall_lines(DRAFT)[1] == (
        "Tỷ lệ điểm tự đánh giá đạt 95,27% số điểm tối đa của các tiêu chí cơ quan tự chấm; Chỉ số cải cách "
        "hành chính được xác định sau khi Sở Nội vụ thẩm định và có điểm điều tra xã hội học."
    )
    assert len(overall_lines(DRAFT)) == 2


def test_report_appraised_but_not_closed_says_so() -> None:
    assert overall_lines(replace(REPORT, finalized=False))[-1].endswith(
        "88,4% (tạm tính, Sở Nội vụ chưa chốt kết quả)."
    )


def test_report_area_table_max_self_appraised_final(report: Document) -> None:
    table = table_after(report, "Bảng 1. Kết quả tự đánh giá, chấm điểm theo lĩnh vực")
    assert rows(table) == [
        ["STT", "Lĩnh vực", "Điểm tối đa", "Tự đánh giá", "Thẩm định", "Điểm đạt"],
        ["1", "Công tác chỉ đạo, điều hành CCHC", "10", "9", "8", "8"],
        ["2", "Cải cách thủ tục hành chính", "14,5", "13,5", "12", "12"],
        ["3", "Cải cách tài chính công", "7", "KAD", "KAD", "KAD"],
        ["4", "Tác động của CCHC", "15,5", "", "", "12,4"],
        ["", "Tổng cộng", "100", "80,5", "76", "88,4"],
    ]
    assert all(run.bold for run in table.rows[-1].cells[1].paragraphs[0].runs)
    assert "KAD: không áp dụng." in texts(report)


def test_report_area_table_before_appraisal_leaves_the_later_columns_empty() -> None:
    table = table_after(read_report(DRAFT), "Bảng 1. Kết quả tự đánh giá, chấm điểm theo lĩnh vực")
    assert rows(table)[1] == ["1", "Công tác chỉ đạo, điều hành CCHC", "10", "9", "", ""]
    assert rows(table)[-1] == ["", "Tổng cộng", "100", "80,5", "", ""]


def test_report_lists_the_criteria_below_their_maximum_with_the_engines_words(report: Document) -> None:
    table = table_after(report, "Bảng 2. Các tiêu chí chưa đạt điểm tối đa")
    assert rows(table) == [
        ["Mã", "Tiêu chí", "Điểm đạt / tối đa", "Cách tính, lý do"],
        ["1.2", "Mức độ thực hiện kế hoạch CCHC năm", "1/2", "Tỷ lệ 80% → 1/2 điểm"],
        ["3", "Cải cách thủ tục hành chính", "12/14,5", "Điểm trực tiếp. Thẩm định: Thiếu báo cáo quý IV"],
    ]


def test_report_with_every_criterion_at_full_points_says_so() -> None:
    document = read_report(replace(REPORT, shortfalls=()))
    assert "Tất cả các tiêu chí đã chấm đều đạt điểm tối đa." in texts(document)
    assert "Bảng 2. Các tiêu chí chưa đạt điểm tối đa" not in texts(document)


def test_report_signature_block_with_the_leaders_title(report: Document) -> None:
    recipients, signing = report.tables[-1].rows[0].cells
    assert lines(recipients) == ["Nơi nhận:", "- Sở Nội vụ (thẩm định);", "- Lưu: VT, VP."]
    signature = lines(signing)
    assert signature[:2] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"] and signature[-1] == "Lê Công Du"


def test_report_body_ends_with_the_closing_mark(report: Document) -> None:
    assert starting(report, "Trên đây là báo cáo").text.endswith("./.")


# --- the publication decision ---------------------------------------------------------------------------------


def test_decision_header_is_the_provinces_ubnd_written_in_full(decision: Document) -> None:
    issuer = decision.tables[0].cell(0, 0)
    assert lines(issuer)[0] == "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK"
    number, place_date = decision.tables[0].rows[1].cells
    assert lines(number) == ["Số: 05/QĐ-UBND"]
    assert lines(place_date) == ["Đắk Lắk, ngày 09 tháng 3 năm 2027"]


def test_decision_by_sở_nội_vụ_puts_the_ubnd_above_it() -> None:
    document = read_decision(
        replace(DECISION, governing_body="UBND tỉnh Đắk Lắk", issuing_body="Sở Nội vụ", symbol="QĐ-SNV")
    )
    assert lines(document.tables[0].cell(0, 0))[:2] == ["UBND TỈNH ĐẮK LẮK", "SỞ NỘI VỤ"]
    assert lines(document.tables[0].cell(1, 0)) == ["Số: 05/QĐ-SNV"]


def test_decision_title_authority_and_basis(decision: Document) -> None:
    body = texts(decision)
    assert "QUYẾT ĐỊNH" in body
    assert "Về việc công bố kết quả Chỉ số cải cách hành chính năm 2026 của các sở, ban, ngành" in body
    authority = find(decision, "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK")
    assert authority.runs[0].bold
    first = find(decision, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
    assert first.runs[0].italic
    assert "Theo đề nghị của Giám đốc Sở Nội vụ." in body
    assert body.index("QUYẾT ĐỊNH:") > body.index("Theo đề nghị của Giám đốc Sở Nội vụ.")


def test_basis_lines_close_with_semicolons_and_a_full_stop() -> None:
    assert basis_lines(["Căn cứ A.", " ", "Căn cứ B", "Theo đề nghị C;"]) == [
        "Căn cứ A;",
        "Căn cứ B;",
        "Theo đề nghị C.",
    ]


def test_decision_articles(decision: Document) -> None:
    first = starting(decision, "Điều 1.")
    assert first.text == (
        "Điều 1. Công bố kết quả Chỉ số cải cách hành chính năm 2026 của các sở, ban, ngành (chi tiết tại "
        "Phụ lục kèm theo Quyết định này)."
    )
    assert first.runs[0].bold and not first.runs[1].bold
    assert starting(decision, "Điều 2.").text == "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."
    assert starting(decision, "Điều 3.").text == (
        "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành "
        "chịu trách nhiệm thi hành Quyết định này./."
    )


def test_decision_signature_and_recipients(decision: Document) -> None:
    recipients, signing = decision.tables[1].rows[0].cells
    assert lines(recipients) == ["Nơi nhận:", "- Như Điều 3;", "- Bộ Nội vụ (b/c);", "- Lưu: VT, …."]
    signature = lines(signing)
    assert signature[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and signature[-1] == "Nguyễn Văn A"


def test_decision_annex_on_a_new_page_refers_to_the_decision(decision: Document) -> None:
    body = texts(decision)
    start = body.index("PHỤ LỤC")
    assert body[start + 1] == "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA CÁC SỞ, BAN, NGÀNH"
    assert body[start + 2] == (
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 09/03/2027 của Ủy ban nhân dân tỉnh Đắk Lắk)"
    )
    page_breaks = [
        br for paragraph in decision.paragraphs[:start] for br in paragraph._p.iter(qn("w:br"))
        if br.get(qn("w:type")) == "page"
    ]  # fmt: skip
    assert page_breaks


def test_decision_annex_rows_in_ranking_order(decision: Document) -> None:
    assert rows(decision.tables[-1]) == [
        ["STT", "Cơ quan", "Điểm đạt", "Chỉ số (%)", "Xếp hạng", "Nhóm"],
        ["1", "Sở Tư pháp tỉnh Đắk Lắk", "92,5", "92,5", "1", "A"],
        ["2", "Sở Xây dựng tỉnh Đắk Lắk", "88,4", "88,4", "2", "B"],
        ["3", "Sở Y tế tỉnh Đắk Lắk", "88,4", "88,4", "2", "B"],
        ["4", "Sở Nội vụ tỉnh Đắk Lắk", "69,05", "69,05", "4", "D"],
    ]


def test_decision_without_a_number_or_date_leaves_blanks() -> None:
    document = read_decision(replace(DECISION, number=None, issued_on=None))
    assert lines(document.tables[0].cell(1, 0)) == ["Số:      /QĐ-UBND"]
    assert lines(document.tables[0].cell(1, 1)) == ["Đắk Lắk, ngày     tháng     năm 2027"]
    assert (
        "(Kèm theo Quyết định số      /QĐ-UBND ngày      /     /2027 của Ủy ban nhân dân tỉnh Đắk Lắk)"
        in texts(document)
    )


def test_decision_for_communes() -> None:
    document = read_decision(replace(DECISION, assessed="Ủy ban nhân dân các xã, phường"))
    assert (
        "Về việc công bố kết quả Chỉ số cải cách hành chính năm 2026 của Ủy ban nhân dân các xã, phường"
        in texts(document)
    )


def test_spelled_out_expands_the_abbreviated_council_names() -> None:
    assert spelled_out("UBND tỉnh Đắk Lắk") == "Ủy ban nhân dân tỉnh Đắk Lắk"
    assert spelled_out("HĐND xã Đại Sơn") == "Hội đồng nhân dân xã Đại Sơn"
    assert spelled_out("Chủ tịch UBND tỉnh") == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert spelled_out("Sở Nội vụ") == "Sở Nội vụ"
    assert spelled_out("UBNDX") == "UBNDX" and spelled_out("Số 45/QĐ-UBND") == "Số 45/QĐ-UBND"


text = st.text() | st.text(alphabet=st.characters(codec="utf-8"))
optional = st.none() | text
points = st.none() | st.decimals(min_value=-100, max_value=1000, places=2, allow_nan=False)
areas = st.builds(
    AreaResult, text, text, st.decimals(0, 100, places=2), points, points, points, st.booleans()
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.builds(
        replace,
        st.just(REPORT),
        issuing_body=text,
        governing_body=optional,
        basis=text,
        symbol=optional,
        place=text,
        areas=st.lists(areas, max_size=4).map(tuple),
        signer=optional,
        recipients=st.lists(text, max_size=3).map(tuple),
    ),
    st.lists(st.builds(RankedAgency, st.integers(1, 99), text, points, points, text), max_size=5),
)
def test_any_strings_give_readable_documents(data: SelfAssessmentReport, ranking: list[RankedAgency]) -> None:
    document = read_report(data)
    assert len(table_after(document, "Bảng 1. Kết quả tự đánh giá, chấm điểm theo lĩnh vực").rows) == (
        len(data.areas) + 2
    )
    decision = read_decision(
        replace(DECISION, issuing_body=data.issuing_body, executors=data.basis, ranking=tuple(ranking))
    )
    assert len(decision.tables[-1].rows) == 1 + max(len(ranking), 1)
