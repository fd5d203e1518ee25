"""A periodic report as the writers take it, for the document tests."""

from dataclasses import replace
from datetime import date

from domain.documents.report_content import (
    AnnexOccurrence,
    AnnexTask,
    AreaSection,
    DossierLine,
    IndicatorLine,
    ReportContent,
    SurveyLine,
    UnitLine,
)
from domain.report_tasks import StatusCounts

INSTITUTIONS = StatusCounts(on_time=3, late=1, overdue=1, in_progress=2)
PROCEDURES = StatusCounts(on_time=5, late=0, overdue=0, in_progress=1)

REPORT = ReportContent(
    governing_body="UBND tỉnh Đắk Lắk",
    issuing_body="Sở Xây dựng",
    number="5",
    symbol="BC-SXD",
    place="Đắk Lắk",
    issued_on=date(2026, 12, 8),
    year=2026,
    subject="Kết quả thực hiện công tác cải cách hành chính năm 2026",
    period_label="năm 2026",
    window_text="từ ngày 15/12/2025 đến ngày 14/12/2026",
    opening=("Thực hiện Kế hoạch số 13/KH-SXD ngày 08/01/2026 của Sở Xây dựng;", "Sở Xây dựng báo cáo như sau:"),
    overview="Trong kỳ, Sở Xây dựng triển khai 13 lượt nhiệm vụ.\n[[Các đơn vị chưa gửi nội dung báo cáo: Phòng Quản lý xây dựng.]]",
    totals=INSTITUTIONS + PROCEDURES,
    areas=(
        AreaSection("institutions", "Cải cách thể chế", INSTITUTIONS, "Đoạn một.\nĐoạn hai [[Phòng Quản lý xây dựng chưa gửi nội dung báo cáo.]]"),
        AreaSection("procedures", "Cải cách thủ tục hành chính", PROCEDURES, "Đoạn thủ tục."),
    ),
    indicators=(
        IndicatorLine("Tỷ lệ hồ sơ giải quyết đúng hạn", "≥ 98%", "99,1%", "Đạt", "Hồ sơ TTHC"),
        IndicatorLine("Mức độ hài lòng (SIPAS)", "≥ 95%", "Chưa có số liệu", "Chưa có số liệu"),
    ),
    indicators_note="Có 1/2 chỉ tiêu đo được; các chỉ tiêu còn lại [[cần cập nhật số liệu]].",
    dossiers=(DossierLine("Cấp giấy phép xây dựng", 120, 115, 5, 2, 6),),
    dossiers_note="Giải quyết 120 hồ sơ.",
    surveys=(SurveyLine("Khảo sát SIPAS quý IV/2026", "01/10/2026 – 31/12/2026", 190, "82,67%"),),
    surveys_note="Có 190 phiếu.",
    strengths="Ưu điểm một.",
    weaknesses="Hạn chế một.",
    next_tasks="Nhiệm vụ kỳ tới.",
    proposals="",
    closing="Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2026 của Sở Xây dựng./.",
    signer_title="KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    signer="Lê Công Du",
    recipients=("UBND tỉnh Đắk Lắk (b/c)", "Sở Nội vụ tỉnh Đắk Lắk (t/h)", "Lưu: VT, VP."),
    annex=(
        AnnexTask("Cải cách thể chế", "1", "Rà soát văn bản quy phạm pháp luật", "Văn phòng Sở", "Quý III", "Hoàn thành đúng hạn"),
        AnnexTask("Cải cách thể chế", "2", "Theo dõi thi hành pháp luật", "Phòng Quản lý xây dựng", "Năm 2026", "Đang thực hiện"),
        AnnexTask("Cải cách thủ tục hành chính", "3", "=HYPERLINK(\"http://x\")", "Văn phòng Sở", "Hằng tháng", "12 kỳ: 12 đúng hạn"),
    ),
    missing_units=("Phòng Quản lý xây dựng",),
    occurrences=(
        AnnexOccurrence(
            "Cải cách thể chế", "13/KH-SXD", "1", "Rà soát văn bản", "Quý III/2026", "Văn phòng Sở",
            date(2026, 7, 1), date(2026, 9, 30), date(2026, 9, 20), date(2026, 9, 22), 100, "Hoàn thành đúng hạn", "Hoàn thành đúng hạn",
        ),
        AnnexOccurrence(
            "Cải cách thủ tục hành chính", "13/KH-SXD", "3", "=HYPERLINK(\"http://x\")", "Tháng 01/2026", "Văn phòng Sở",
            None, date(2026, 1, 31), None, None, 40, "Quá hạn, chưa hoàn thành", "Quá hạn",
        ),
    ),
    units=(UnitLine("Văn phòng Sở", PROCEDURES, "Đã gửi 10/12/2026"), UnitLine("Phòng Quản lý xây dựng", INSTITUTIONS, "Chưa gửi")),
)  # fmt: skip

EMPTY = replace(
    REPORT,
    number=None,
    issued_on=None,
    opening=(),
    overview="",
    totals=StatusCounts(),
    areas=(),
    indicators=(),
    indicators_note="",
    dossiers=(),
    surveys=(),
    strengths="",
    weaknesses="",
    next_tasks="",
    closing="",
    signer_title=None,
    signer=None,
    recipients=(),
    annex=(),
    missing_units=(),
    occurrences=(),
    units=(),
)
