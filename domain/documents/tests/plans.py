"""Plans to export: seed 001 (a flat "06 rõ" appendix, Sở Xây dựng Đắk Lắk) and seed 003 (the tree
Lĩnh vực → Nhiệm vụ → Hoạt động, Sở Xây dựng Lai Châu), a few rows each, transcribed from shared/seeds.
"""

from dataclasses import replace
from datetime import date

from domain.documents.plan_docx import PlanDocObjective, PlanDocTask, PlanDocument


def task(ref: str, title: str, lead: str, cooperating: str, timeline: str, deliverable: str) -> PlanDocTask:
    return PlanDocTask(ref, "task", None, None, None, title, lead, cooperating, timeline, deliverable)


SEED_001_TASKS = (
    task("1", "Ban hành và tổ chức thực hiện Kế hoạch cải thiện PAR INDEX, SIPAS năm 2026", "Văn phòng Sở",
         "Các phòng, đơn vị", "Quý III/2026", "Kế hoạch được ban hành"),
    task("2", "Theo dõi, đôn đốc thực hiện các nhiệm vụ cải cách hành chính", "Văn phòng Sở", "Các phòng",
         "Thường xuyên", "Báo cáo theo dõi"),
    task("10", "Theo dõi tỷ lệ giải quyết hồ sơ đúng hạn", "Văn phòng Sở", "Các phòng", "Hàng tháng",
         "Tỷ lệ ≥ 98%"),
    task("26", "Đẩy nhanh giải ngân vốn đầu tư công", "Phòng Kế hoạch - Tài chính", "Các phòng",
         "Theo kế hoạch", "Đạt tỷ lệ giải ngân"),
)  # fmt: skip

SEED_001 = PlanDocument(
    governing_body="UBND tỉnh Đắk Lắk",
    issuing_body="Sở Xây dựng",
    number="13",
    symbol="KH-SXD",
    place="Đắk Lắk",
    issued_on=date(2026, 1, 8),
    year=2026,
    title="Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX), Chỉ số hài lòng của người dân "
    "đối với sự phục vụ của cơ quan hành chính nhà nước (SIPAS) tỉnh Đắk Lắk năm 2026 của Sở Xây dựng",
    basis=(
        "Thực hiện Kế hoạch số 266/KH-UBND ngày 23/6/2026 của UBND tỉnh về cải thiện và nâng cao Chỉ số cải "
        "cách hành chính (PAR INDEX); căn cứ chức năng, nhiệm vụ của Sở Xây dựng, Sở Xây dựng ban hành Kế "
        "hoạch triển khai thực hiện như sau:",
    ),
    objectives=(
        PlanDocObjective(
            "1", None, "Hoàn thành 100% nhiệm vụ cải cách hành chính được UBND tỉnh giao.", None
        ),
        PlanDocObjective(
            "2", "Cải cách thủ tục hành chính", "Tỷ lệ hồ sơ giải quyết đúng và trước hạn", "≥ 98%"
        ),
        PlanDocObjective("3", "Cải cách thủ tục hành chính", "Mức độ hài lòng của tổ chức, cá nhân", "≥ 95%"),
    ),
    tasks=SEED_001_TASKS,
    signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    signer="Lê Công Du",
    recipients=(
        "Sở Nội vụ;",
        "GD, các PGD Sở;",
        "Các phòng, ban, đơn vị trực thuộc Sở (t/hiện);",
        "Lưu: VT, VP (Tr).",
    ),
)

LEAD, COOP = "Văn phòng", "Các phòng, ban, đơn vị thuộc Sở"
SEED_003_TASKS = (
    PlanDocTask("I.1", "task", None, "I.M1", "Công tác chỉ đạo điều hành",
                "Triển khai đánh giá chỉ số cải cách hành chính năm 2025", LEAD, COOP, "", ""),
    PlanDocTask("I.1.1", "activity", "I.1", "I.M1", "Công tác chỉ đạo điều hành",
                "Tự đánh giá, chấm điểm chỉ số của Sở; chấm điểm trên hệ thống phần mềm", LEAD, COOP,
                "Theo thời gian văn bản yêu cầu", "Báo cáo tự chấm điểm"),
    PlanDocTask("I.2", "task", None, "I.M2", "Công tác chỉ đạo điều hành",
                "Ban hành Kế hoạch cải cách hành chính năm 2026", LEAD, COOP, "", ""),
    PlanDocTask("I.2.1", "activity", "I.2", "I.M2", "Công tác chỉ đạo điều hành",
                "Xây dựng Kế hoạch cải cách hành chính", LEAD, COOP, "Quý IV năm 2026", "Kế hoạch"),
    PlanDocTask("II.1", "task", None, "II.M1", "Cải cách thể chế",
                "Xây dựng, hoàn thiện hệ thống pháp luật của Sở quản lý", "Các phòng, đơn vị được giao",
                "Văn phòng", "", ""),
    PlanDocTask("II.1.1", "activity", "II.1", "II.M1", "Cải cách thể chế",
                "Tham mưu ban hành các văn bản QPPL", "Các phòng, đơn vị được giao", "Văn phòng",
                "Trong năm", "Tờ trình, dự thảo văn bản QPPL", "Trình UBND tỉnh"),
    PlanDocTask("II.1.2", "activity", "II.1", "II.M2", "Cải cách thể chế",
                "Rà soát, kiểm tra các văn bản QPPL liên quan đến ngành", LEAD, COOP, "Trong năm",
                "Kế hoạch, Báo cáo"),
)  # fmt: skip

SEED_003 = replace(
    SEED_001,
    governing_body="UBND tỉnh Lai Châu",
    place="Lai Châu",
    title="Cải cách hành chính năm 2026 của Sở Xây dựng",
    tasks=SEED_003_TASKS,
    signer_title="GIÁM ĐỐC",
    signer="Bùi Quang Vinh",
)
