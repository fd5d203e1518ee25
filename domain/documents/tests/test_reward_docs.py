"""The reward round's documents, read back: the proposal, the council's minutes, the decision and the certificates."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import docx
from docx.enum.section import WD_ORIENT

from domain.documents.reward_docs import (
    Certificate,
    CouncilMinutes,
    CouncilVote,
    DecisionLine,
    Nominee,
    RewardDecision,
    RewardProposal,
    certificates_docx,
    council_minutes_docx,
    money_text,
    reward_decision_docx,
    reward_proposal_docx,
)

HEAD = {
    "governing_body": "UBND thành phố",
    "place": "Đại Sơn",
    "year": 2026,
}


def read(data: bytes):
    return docx.Document(BytesIO(data))


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


PROPOSAL = RewardProposal(
    **HEAD,
    issuing_body="Phòng Văn hóa – Xã hội",
    number="12",
    symbol="TTr-VHXH",
    issued_on=date(2026, 12, 1),
    addressee="Chủ tịch UBND xã Đại Sơn",
    subject="Về việc đề nghị khen thưởng phong trào thi đua cải cách hành chính năm 2026",
    basis=("Căn cứ Kế hoạch phát động phong trào thi đua giai đoạn 2026 – 2030 của UBND xã Đại Sơn;",),
    summary="Năm 2026, 100% hồ sơ được giải quyết đúng hạn.",
    nominees=(
        Nominee(
            "Nguyễn Thị Lan", "Công chức", "Văn phòng HĐND và UBND", "Lao động tiên tiến", "Hoàn thành tốt"
        ),
        Nominee(
            "Trần Văn Minh", "Chuyên viên", "Phòng Kinh tế", "Lao động tiên tiến", "Sáng kiến một cửa số"
        ),
        Nominee(
            "Phòng Kinh tế", "", "UBND xã Đại Sơn", "Giấy khen", "Dẫn đầu phong trào", is_collective=True
        ),
    ),
    attachments=("Biên bản bình xét", "Báo cáo thành tích"),
    signer_title="TRƯỞNG PHÒNG",
    signer="Lê Văn Hùng",
    recipients=("Như trên", "Lưu: VT"),
)


def test_the_proposal_lists_every_nominee_grouped_by_award():
    document = read(reward_proposal_docx(PROPOSAL))
    assert document.tables[0].cell(1, 0).text == "Số: 12/TTr-VHXH"
    texts = [p.text for p in document.paragraphs]
    assert "TỜ TRÌNH" in texts and PROPOSAL.subject in texts
    assert "Kính gửi: Chủ tịch UBND xã Đại Sơn." in texts
    assert any("khen thưởng cho 01 tập thể và 02 cá nhân" in t for t in texts)
    rows = rows_of(document.tables[1])
    assert rows[0][:2] == ["STT", "Họ và tên / Tập thể"] and rows[0][5] == "Thành tích tóm tắt"
    assert rows[1][1] == "I. Lao động tiên tiến (02 cá nhân)"
    assert rows[2] == [
        "1",
        "Nguyễn Thị Lan",
        "Công chức",
        "Văn phòng HĐND và UBND",
        "Lao động tiên tiến",
        "Hoàn thành tốt",
    ]
    assert rows[4][1] == "II. Giấy khen (01 tập thể)" and rows[5][1] == "Phòng Kinh tế"
    assert "- Biên bản bình xét." in texts and "Lê Văn Hùng" in all_text(document)


MINUTES = CouncilMinutes(
    **HEAD,
    issuing_body="UBND xã Đại Sơn",
    number="3",
    symbol="BB-HĐTĐKT",
    issued_on=date(2026, 12, 10),
    council="Hội đồng Thi đua – Khen thưởng xã Đại Sơn",
    subject="Họp xét khen thưởng phong trào thi đua cải cách hành chính năm 2026",
    started_at=datetime(2026, 12, 10, 8, 0),
    ended_at=datetime(2026, 12, 10, 10, 30),
    location="Hội trường UBND xã",
    members_total=9,
    present=8,
    chair="Ông Nguyễn Văn Bình, Chủ tịch UBND xã — Chủ tịch Hội đồng",
    secretary="Bà Phạm Thị Hoa, công chức Văn hóa – Xã hội",
    rule_set="Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP",
    threshold="trên 50% số thành viên có mặt",
    votes=(
        CouncilVote("Nguyễn Thị Lan", "Lao động tiên tiến", 7, 8, True),
        CouncilVote("Trần Văn Minh", "Lao động tiên tiến", 4, 8, False, "Chưa đạt số phiếu"),
    ),
    absent=("Ông Lê Văn Tám (có ý kiến bằng văn bản)",),
    content=("Phòng Văn hóa – Xã hội trình bày tờ trình số 12/TTr-VHXH.",),
    chair_name="Nguyễn Văn Bình",
    secretary_name="Phạm Thị Hoa",
)


def test_the_minutes_give_attendance_the_threshold_and_each_count_with_its_percentage():
    document = read(council_minutes_docx(MINUTES))
    text = all_text(document)
    assert "BIÊN BẢN" in text and "08 giờ 00 phút, ngày 10 tháng 12 năm 2026" in text
    assert "Thành viên có mặt: 08/09 thành viên Hội đồng; vắng mặt: Ông Lê Văn Tám" in text
    assert "theo Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP" in text
    assert "trên 50% số thành viên có mặt" in text
    rows = rows_of(document.tables[1])
    assert rows[1] == ["1", "Nguyễn Thị Lan", "Lao động tiên tiến", "7/8", "87,5%", "Đạt", ""]
    assert rows[2][3:6] == ["4/8", "50%", "Không đạt"]
    assert "khen thưởng 01/02 trường hợp" in text
    assert "THƯ KÝ" in text and "CHỦ TRÌ" in text and "Phạm Thị Hoa" in text


DECISION = RewardDecision(
    **HEAD,
    issuing_body="UBND xã Đại Sơn",
    number="15",
    symbol="QĐ-UBND",
    issued_on=date(2026, 12, 20),
    authority="Chủ tịch Ủy ban nhân dân xã Đại Sơn",
    subject="Về việc khen thưởng phong trào thi đua cải cách hành chính năm 2026",
    basis=("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",),
    lines=(
        DecisionLine("Nguyễn Thị Lan", "Công chức", "Văn phòng", "Lao động tiên tiến", Decimal(760_000)),
        DecisionLine("Phòng Kinh tế", "", "UBND xã", "Giấy khen", Decimal(1_410_000), is_collective=True),
        DecisionLine("Văn phòng", "", "UBND xã", "Giấy khen", Decimal(1_410_000), is_collective=True),
    ),
    money_source="Tiền thưởng trích từ Quỹ thi đua, khen thưởng của xã năm 2026.",
    base_salary_note="Mức lương cơ sở 2.530.000 đồng (Nghị định 161/2026/NĐ-CP).",
    signer_title="CHỦ TỊCH",
    signer="Nguyễn Văn Bình",
    recipients=("Như Điều 3", "Lưu: VT"),
)


def test_the_decision_has_its_articles_and_an_annex_with_every_prize_and_the_total():
    document = read(reward_decision_docx(DECISION))
    text = all_text(document)
    assert "Số: 15/QĐ-UBND" in text and "QUYẾT ĐỊNH:" in text
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐẠI SƠN" in text
    assert "Điều 1. Tặng Lao động tiên tiến, Giấy khen cho 02 tập thể và 01 cá nhân" in text
    assert (
        "Điều 2. Tiền thưởng trích từ Quỹ thi đua, khen thưởng của xã năm 2026. Tổng số tiền thưởng: 3.580.000 đồng."
        in text
    )
    assert "Điều 3." in text
    annex = rows_of(document.tables[-1])
    assert annex[0][5] == "Số tiền thưởng (đồng)"
    assert annex[1][1] == "I. Lao động tiên tiến (01 cá nhân)" and annex[1][5] == "760.000"
    assert annex[2] == ["1", "Nguyễn Thị Lan", "Công chức", "Văn phòng", "Lao động tiên tiến", "760.000"]
    assert annex[3][1] == "II. Giấy khen (02 tập thể)" and annex[3][5] == "2.820.000"
    assert annex[4][5] == "1.410.000"
    assert annex[-1][1] == "Tổng cộng" and annex[-1][5] == "3.580.000"
    assert "Tổng số tiền thưởng: 3.580.000 đồng." in text
    assert (
        "(Kèm theo Quyết định số 15/QĐ-UBND ngày 20/12/2026 của Chủ tịch Ủy ban nhân dân xã Đại Sơn)" in text
    )
    assert document.sections[-1].orientation == WD_ORIENT.LANDSCAPE


def test_money_in_figures():
    assert money_text(Decimal(1_404_000)) == "1.404.000 đồng"


def test_certificates_one_landscape_page_each():
    items = [
        Certificate(
            authority="Chủ tịch Ủy ban nhân dân xã Đại Sơn",
            recipient=name,
            detail="UBND xã Đại Sơn",
            achievement="Đã có thành tích xuất sắc trong phong trào thi đua cải cách hành chính năm 2026",
            place="Đại Sơn",
            issued_on=date(2026, 12, 20),
            decision="Quyết định số 15/QĐ-UBND ngày 20/12/2026",
            signer_title="CHỦ TỊCH",
            signer="Nguyễn Văn Bình",
        )
        for name in ("Bà Nguyễn Thị Lan", "Phòng Kinh tế")
    ]
    document = read(certificates_docx(items))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE and section.page_width > section.page_height
    texts = [p.text for p in document.paragraphs]
    assert texts.count("GIẤY KHEN") == 2 and "Bà Nguyễn Thị Lan" in texts and "Phòng Kinh tế" in texts
    breaks = [p for p in document.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == 1  # the second certificate starts a new page
    assert "Đại Sơn, ngày 20 tháng 12 năm 2026" in all_text(document)
    assert all(not p.text for p in section.header.paragraphs)


def test_missing_values_print_as_gaps():
    document = read(
        reward_decision_docx(DECISION.__class__(**{**DECISION.__dict__, "number": None, "lines": ()}))
    )
    text = all_text(document)
    assert "Số:      /QĐ-UBND" in text and "Tổng số tiền thưởng: 0 đồng" in text
    assert read(certificates_docx([])).paragraphs[-1].text == "Không có giấy khen để in."
