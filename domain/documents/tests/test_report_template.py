"""Reports through an agency's Word template (docxtpl): the shipped one, and broken ones that still give a file."""

from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from domain.documents.report_template import (
    PLACEHOLDERS,
    check_template,
    default_template_docx,
    render_template,
    template_context,
)
from domain.documents.tests.reports import EMPTY, REPORT


def opened(data: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(data))


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def table_rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def template() -> bytes:
    return default_template_docx()


def with_paragraph(template: bytes, find: str, text: str) -> bytes:
    """The template with the first paragraph that says ``find`` rewritten as ``text``."""
    document = opened(template)
    paragraph = next(p for p in document.paragraphs if p.text == find)
    for index, run in enumerate(paragraph.runs):
        run.text = text if index == 0 else ""
    output = BytesIO()
    document.save(output)
    return output.getvalue()


def test_every_placeholder_is_documented_and_filled():
    assert set(template_context(REPORT)) == set(PLACEHOLDERS)


def test_the_shipped_template_gives_the_report_in_the_nd30_layout(template):
    result = render_template(template, REPORT)
    assert result.problems == []
    document = opened(result.data)
    header = document.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs][:2] == ["UBND TỈNH ĐẮK LẮK", "SỞ XÂY DỰNG"]
    assert header.cell(1, 0).text == "Số: 05/BC-SXD"
    assert header.cell(1, 1).text == "Đắk Lắk, ngày 08 tháng 12 năm 2026"
    body = texts(document)
    assert body[:2] == ["BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2026"]
    assert "Đoạn hai [Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]" in body
    assert table_rows(document.tables[1])[1:] == [
        ["1", "Cải cách thể chế", "7", "3", "1", "1", "2", "60%"],
        ["2", "Cải cách thủ tục hành chính", "6", "5", "0", "0", "1", "100%"],
        ["", "Tổng cộng", "13", "8", "1", "1", "3", "80%"],
    ]
    signature = next(t for t in document.tables if t.cell(0, 0).paragraphs[0].text == "Nơi nhận:")
    assert [p.text for p in signature.cell(0, 0).paragraphs][1:] == [
        "- UBND tỉnh Đắk Lắk (b/c);",
        "- Sở Nội vụ tỉnh Đắk Lắk (t/h);",
        "- Lưu: VT, VP.",
    ]
    assert [p.text for p in signature.cell(0, 1).paragraphs if p.text] == [
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Lê Công Du",
    ]
    annex = table_rows(document.tables[-1])
    assert [row[:2] for row in annex[1:]] == [
        ["I", "Cải cách thể chế"],
        ["1", "Rà soát văn bản quy phạm pháp luật"],
        ["2", "Theo dõi thi hành pháp luật"],
        ["II", "Cải cách thủ tục hành chính"],
        ["1", '=HYPERLINK("http://x")'],
    ]


def test_a_period_without_data_renders_too(template):
    result = render_template(template, EMPTY)
    document = opened(result.data)
    assert "[Chưa có nội dung đánh giá chung]" in texts(document)
    assert "Bảng 3. Hồ sơ trễ hạn, quá hạn theo thủ tục hành chính" not in texts(document)


def test_data_with_xml_characters_cannot_break_the_file(template):
    content = replace(REPORT, subject='Báo cáo <b> & "trích" \x01 yếu', signer="A & B <c>")
    document = opened(render_template(template, content).data)
    assert 'Báo cáo <b> & "trích"  yếu' in texts(document)


@pytest.mark.parametrize(
    ("broken", "problem", "printed"),
    [
        ("Xin chào {{ ten_co_quan", "thiếu dấu đóng “}}”", "Xin chào [LỖI MẪU: {{ ten_co_quan]"),
        (
            "Tên: {{ ten_co_quan | khong_co }}",
            "không có bộ lọc “khong_co”",
            "Tên: [LỖI MẪU: {{ ten_co_quan | khong_co }}]",
        ),
        ("Tên: {{ ten co quan }}", "viết sai (sai cú pháp)", "Tên: [LỖI MẪU: {{ ten co quan }}]"),
        ("{% endif %} thừa", "không có thẻ mở tương ứng", "[LỖI MẪU: {% endif %}] thừa"),
        ("{% macro x() %}", "không có thẻ đóng tương ứng", "[LỖI MẪU: {% macro x() %}]"),
    ],
)
def test_a_broken_placeholder_is_printed_marked_where_it_stands(template, broken, problem, printed):
    result = render_template(with_paragraph(template, "{{ ket_luan }}", broken), REPORT)
    assert result.data is not None
    assert any(problem in message for message in result.problems)
    document = opened(result.data)
    paragraph = next(p for p in document.paragraphs if p.text == printed)
    assert paragraph.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert "Trên đây là báo cáo" not in " ".join(texts(document))  # the broken line replaced {{ ket_luan }}
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2026" in texts(document)


def test_an_unknown_name_is_marked_in_the_text(template):
    result = render_template(with_paragraph(template, "{{ ket_luan }}", "Kính gửi {{ nguoi_nhan }}."), REPORT)
    assert "Kính gửi [THIẾU: nguoi_nhan]." in texts(opened(result.data))
    assert result.problems == ["Mẫu dùng tên “nguoi_nhan” không có trong dữ liệu báo cáo."]


def test_a_loop_left_open_is_marked_and_the_rest_renders(template):
    result = render_template(with_paragraph(template, "{%p endfor %}", ""), REPORT)
    assert result.data is not None
    assert any("không có thẻ đóng tương ứng" in message for message in result.problems)
    assert "Số: 05/BC-SXD" in opened(result.data).tables[0].cell(1, 0).text


def test_a_file_that_is_not_a_word_document_is_refused_with_a_message():
    result = render_template(b"PK\x03\x04 not really", REPORT)
    assert result.data is None
    assert result.problems == ["Tệp mẫu không phải tệp Word (.docx) đọc được."]


def test_check_template_tries_the_sample_report(template):
    result = check_template(template)
    assert result.data is not None and result.problems == []
