from datetime import date
from io import BytesIO

import docx

from domain.documents.inspection_notice import ConclusionNotice, RemediationLine, conclusion_notice_to_docx
from domain.documents.nd30 import DocumentHeader, SignatureBlock


def _notice(**changes):
    values = {
        "header": DocumentHeader(
            governing_body="UBND tỉnh Lai Châu",
            issuing_body="Sở Xây dựng",
            number="15",
            symbol="TB-SXD",
            place="Lai Châu",
            issued_on=date(2026, 3, 20),
            year=2026,
        ),
        "subject": "Kết luận kiểm tra công tác cải cách hành chính năm 2026 tại Bộ phận một cửa",
        "basis": ("Căn cứ Kế hoạch kiểm tra công tác cải cách hành chính năm 2026 của Sở Xây dựng;",),
        "inspected": "Bộ phận một cửa",
        "held_on": date(2026, 3, 12),
        "mode": "Trực tiếp tại đơn vị",
        "passed": ("Cải cách thủ tục hành chính",),
        "shortfalls": ("Niêm yết công khai TTHC chưa cập nhật kịp thời",),
        "conclusion": "Bộ phận một cửa cơ bản thực hiện tốt nhiệm vụ.",
        "remediations": (RemediationLine("Cập nhật niêm yết TTHC", "Bộ phận một cửa", date(2026, 4, 30)),),
        "signature": SignatureBlock(
            title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC", signer="Bùi Quang Vinh", recipients=()
        ),
    }
    values.update(changes)
    return ConclusionNotice(**values)


def _text(notice):
    document = docx.Document(BytesIO(conclusion_notice_to_docx(notice)))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_notice_reads_as_a_nd30_notice_with_what_to_put_right_by_when():
    text = _text(_notice())
    assert "THÔNG BÁO" in text
    assert "Số: 15/TB-SXD" in text
    assert (
        "Ngày 12/03/2026, Đoàn kiểm tra đã kiểm tra công tác cải cách hành chính tại Bộ phận một cửa" in text
    )
    assert "1. Cập nhật niêm yết TTHC — chủ trì: Bộ phận một cửa; thời hạn: 30/04/2026." in text
    assert "PHÓ GIÁM ĐỐC" in text and "Bùi Quang Vinh" in text


def test_a_notice_without_findings_says_so_and_prints_gaps_for_missing_dates():
    text = _text(_notice(shortfalls=(), remediations=(), held_on=None))
    assert "- Không có." in text
    assert "Không có yêu cầu khắc phục." in text
    assert "Ngày …, Đoàn kiểm tra" in text
