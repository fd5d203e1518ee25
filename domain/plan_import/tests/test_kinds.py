"""Header damage, document kinds and the period, table by table, on small documents written like real ones."""

from __future__ import annotations

from datetime import date

import pytest

from domain.plan_import import DocumentError, PlanParseResult, parse_plan_file, to_json_dict

_BODY = (
    "Căn cứ Kế hoạch số 12/KH-UBND ngày 05/3/2022 của UBND tỉnh về thi đua giai đoạn 2022 - 2025, "
    "ban hành Kế hoạch như sau:\n"
    "I. MỤC TIÊU\n- Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 98% trở lên.\n"
    "II. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n- Tổng hợp kết quả, báo cáo trước ngày 15/12/2026./.\n"
    "Nơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nNguyễn Văn An\n"
)
_TITLE = "KẾ HOẠCH\nCải cách hành chính năm 2026\n"


def _parse(text: str, name: str = "van-ban.txt") -> PlanParseResult:
    return parse_plan_file(text.encode("utf-8"), name)


# ------------------------------------------------------------------------------------------ header damage

HEADERS = {
    "motto broken inside bold markers, columns interleaved": (
        "**ỦY BAN NHÂN DÂN**\n**CỘNG HÒA XÃ HỘI**\n**TỈNH ĐẮK LẮK**\n**CHỦ NGHĨA VIỆT NAM**\n"
        "**Độc lập - Tự do - Hạnh phúc**\nSố: 45/KH-UBND\nĐắk Lắk, ngày 20 tháng 11 năm 2025\n",
        "UBND tỉnh Đắk Lắk",
        ("45", "KH-UBND", date(2025, 11, 20), "Đắk Lắk"),
    ),
    "motto broken over two rows of a table cell": (
        "| UBND TỈNH THANH HÓA | **CỘNG HÒA XÃ HỘI |\n| **SỞ TƯ PHÁP** | CHỦ NGHĨA VIỆT NAM** |\n"
        "| | **Độc lập - Tự do - Hạnh phúc** |\n| Số: 318/KH-STP | Thanh Hóa, ngày 29 tháng 12 năm 2025 |\n",
        "Sở Tư pháp",
        ("318", "KH-STP", date(2025, 12, 29), "Thanh Hóa"),
    ),
    "name broken inside a word": (
        "ỦY BAN NHÂN DÂN TỈNH ĐẮ\nK LẮK\nCỘNG HÒA XÃ HỘI CHỦ NGH\nĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 7/KH-UBND\nĐắk Lắk, ngày 02 tháng 01 năm 2026\n",
        "UBND tỉnh Đắk Lắk",
        ("7", "KH-UBND", date(2026, 1, 2), "Đắk Lắk"),
    ),
    "both columns on one line, apart by spaces": (
        "UBND THÀNH PHỐ HUẾ                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG            Độc lập - Tự do - Hạnh phúc\n"
        "Số: 95/KH-SNNMT                       Huế, ngày 05 tháng 01 năm 2026\n",
        "Sở Nông nghiệp và Môi trường",
        ("95", "KH-SNNMT", date(2026, 1, 5), "Huế"),
    ),
    "the office of the body above, name on two lines and a date cut in its cell": (
        "UBND TỈNH LAI CHÂU\nVĂN PHÒNG\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\n"
        "Số: 1888/KH-VPUBND\n|\nLai Châu, ngày\n30 tháng 12 năm 2025\n|\n",
        "Văn phòng UBND tỉnh Lai Châu",
        ("1888", "KH-VPUBND", date(2025, 12, 30), "Lai Châu"),
    ),
    "a name continued on the next line after 'VÀ'": (
        "SỞ VĂN HÓA, THỂ THAO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVÀ DU LỊCH\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 3/KH-SVHTTDL\nĐà Nẵng, ngày 03 tháng 02 năm 2026\n",
        "Sở Văn hóa, Thể thao và Du lịch",
        ("3", "KH-SVHTTDL", date(2026, 2, 3), "Đà Nẵng"),
    ),
}


@pytest.mark.parametrize("case", sorted(HEADERS))
def test_header_damage(case: str) -> None:
    header, issuer, (number, symbol, issued_on, place) = HEADERS[case]
    result = _parse(header + _TITLE + _BODY)

    plan = result.plan
    assert plan.issuer == issuer
    assert "CHỦ NGHĨA" not in (plan.issuer or "") and "Độc lập" not in (plan.issuer or "")
    assert (plan.number, plan.symbol, plan.issued_on, plan.place) == (number, symbol, issued_on, place)
    assert not any(w.where == "plan.issuer" for w in result.warnings)


def test_a_letter_spaced_type_line_from_pdf() -> None:
    result = _parse(
        "SỞ NỘI VỤ\nSố: 2/KH-SNV\nNghệ An, ngày 02 tháng 01 năm 2026\nKẾ\nHOẠCH\n" + _TITLE[9:] + _BODY
    )

    assert result.kind == "ke_hoach" and result.plan.title == "Cải cách hành chính năm 2026"
    assert result.plan.issuer == "Sở Nội vụ"


def test_a_subject_in_capitals_is_given_in_ordinary_case() -> None:
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\nSố: 512/KH-UBND\nTuyên Quang, ngày 18 tháng 12 năm 2025\n"
        "KẾ HOẠCH\nCẢI\nCÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH TUYÊN QUANG GIAI ĐOẠN 2026 – 2030\n" + _BODY
    )
    plan = _parse(text).plan

    assert plan.title == "Cải cách hành chính nhà nước tỉnh Tuyên Quang giai đoạn 2026 – 2030"
    assert (plan.period_start, plan.period_end) == (date(2026, 1, 1), date(2030, 12, 31))


# --------------------------------------------------------------------------------------------- the period

PERIODS = {
    "the plan's own year, not the year of a cited document": (
        "KẾ HOẠCH\nPhát động phong trào thi đua\nCăn cứ Kế hoạch số 640/KH-UBND ngày 12/9/2022 của UBND tỉnh "
        "về phong trào thi đua giai đoạn 2022 - 2025; căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022, "
        "Sở Nội vụ phát động phong trào thi đua năm 2026 như sau:\n",
        (date(2026, 1, 1), date(2026, 12, 31)),
    ),
    "a period in the title": (
        "KẾ HOẠCH\nCải cách hành chính giai đoạn 2026–2030\n",
        (date(2026, 1, 1), date(2030, 12, 31)),
    ),
    "from the issue date to a stated day": (
        "KẾ HOẠCH\nĐợt thi đua cao điểm năm 2026\nI. THỜI GIAN\n"
        "Đợt thi đua được triển khai từ ngày ban hành đến hết ngày 31/12/2026.\n",
        (date(2025, 11, 20), date(2026, 12, 31)),
    ),
    "the year the notice is for, not the year it reviews": (
        "THÔNG BÁO\nKết luận tại Hội nghị tổng kết cải cách hành chính năm 2025, triển khai nhiệm vụ năm 2026\n",
        (date(2026, 1, 1), date(2026, 12, 31)),
    ),
}


@pytest.mark.parametrize("case", sorted(PERIODS))
def test_period(case: str) -> None:
    front, period = PERIODS[case]
    header = "SỞ NỘI VỤ\nSố: 9/KH-SNV\nNghệ An, ngày 20 tháng 11 năm 2025\n"
    if front.startswith("THÔNG BÁO"):
        header = header.replace("2025", "2026").replace("/KH-", "/TB-")
    result = _parse(
        header + front + "II. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở\n- Tổng hợp báo cáo hằng quý./.\n"
    )

    assert (result.plan.period_start, result.plan.period_end) == period


# --------------------------------------------------------------------------------------------- the kinds

DIRECTIVE = (
    "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH NINH THUẬN | Độc lập - Tự do - Hạnh phúc\n"
    "Số: 14/CT-UBND | Ninh Thuận, ngày 03 tháng 12 năm 2025\n\nCHỈ THỊ\n"
    "Về tăng cường kỷ luật, kỷ cương hành chính\ntrong cơ quan hành chính nhà nước năm 2026\n\n"
    "Thời gian qua, một bộ phận cán bộ còn chậm giải quyết hồ sơ. Thực hiện Nghị định số 90/2020/NĐ-CP "
    "ngày 13/8/2020 của Chính phủ, Chủ tịch UBND tỉnh chỉ thị:\n"
    "1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường\n"
    "a) Chấn chỉnh việc chấp hành giờ giấc làm việc của công chức thuộc quyền quản lý.\n"
    "b) Công khai số điện thoại đường dây nóng tại trụ sở cơ quan, hoàn thành trước ngày 31/01/2026.\n"
    "2. Sở Nội vụ\n"
    "a) Chủ trì, phối hợp với Thanh tra tỉnh kiểm tra đột xuất việc chấp hành kỷ luật hành chính.\n"
    "b) Tổng hợp tình hình thực hiện Chỉ thị, báo cáo Chủ tịch UBND tỉnh trước ngày 20/11/2026.\n"
    "3. Báo và Phát thanh, Truyền hình Ninh Thuận\n"
    "Mở chuyên mục phản ánh việc thực hiện kỷ luật hành chính, phát sóng hằng tháng.\n"
    "Chủ tịch UBND tỉnh yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nTrần Quốc Nam\n"
)
DECISION = (
    "ỦY BAN NHÂN DÂN XÃ LONG PHỤNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n| Độc lập - Tự do - Hạnh phúc\n"
    "Số: 287/QĐ-UBND | Long Phụng, ngày 26 tháng 12 năm 2025\n\nQUYẾT ĐỊNH\n"
    "Về việc ban hành Kế hoạch cải cách hành chính năm 2026\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ LONG PHỤNG\n\n"
    "Căn cứ Kế hoạch số 190/KH-UBND ngày 19/12/2025 của UBND tỉnh về cải cách hành chính năm 2026;\n\n"
    "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2026.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n"
    "CHỦ TỊCH\nVõ Thành Long\n\nỦY BAN NHÂN DÂN XÃ LONG PHỤNG\n\nKẾ HOẠCH\n"
    "Cải cách hành chính năm 2026 trên địa bàn xã Long Phụng\n"
    "(Ban hành kèm theo Quyết định số 287/QĐ-UBND ngày 26/12/2025 của Chủ tịch UBND xã)\n\n"
    "I. CHỈ TIÊU\n- Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 60% trở lên.\n"
    "II. NHIỆM VỤ\n"
    "STT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tSản phẩm\n"
    "1\tRà soát thủ tục hành chính lĩnh vực đất đai\tPhòng Kinh tế\tVăn phòng HĐND và UBND xã\tQuý II/2026\t"
    "Báo cáo rà soát\n"
)
DISPATCH = (
    "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n-------\nSố: 4120/UBND-NC\nV/v khắc phục hạn chế, nâng cao\n"
    "Chỉ số cải cách hành chính năm 2026\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "---------------\nGia Lai, ngày 10 tháng 12 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh.\n\n"
    "Căn cứ Quyết định số 1215/QĐ-BNV ngày 28/5/2025 của Bộ Nội vụ, UBND tỉnh giao nhiệm vụ như sau:\n\n"
    "1. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh và Sở Tư pháp phân tích nguyên nhân giảm "
    "điểm, tham mưu UBND tỉnh ban hành Kế hoạch khắc phục trước ngày 15/01/2026.\n\n"
    "2. Giao Sở Tài chính chủ trì bố trí kinh phí thực hiện các nhiệm vụ cải cách hành chính, thời gian "
    "thực hiện trong tháng 01/2026.\n\n"
    "UBND tỉnh yêu cầu Thủ trưởng các cơ quan liên quan khẩn trương triển khai thực hiện./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Tuấn Anh\n"
)
ADDRESSED_DISPATCH = (
    "UBND TỈNH BÌNH ĐỊNH          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "SỞ NỘI VỤ                        Độc lập - Tự do - Hạnh phúc\n\n"
    "Số: 2215/SNV-CCHC              Bình Định, ngày 08 tháng 01 năm 2026\n"
    "V/v triển khai nhiệm vụ cải cách\nhành chính năm 2026\n\nKính gửi:\n- Các sở, ban, ngành tỉnh;\n"
    "- UBND các xã, phường.\n\nThực hiện Kế hoạch số 301/KH-UBND ngày 29/12/2025 của UBND tỉnh, Sở Nội vụ đề "
    "nghị các cơ quan, đơn vị triển khai các nội dung sau:\n\n"
    "1. Ban hành kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị, gửi về Sở Nội vụ trước ngày "
    "31/01/2026.\n\n2. Cử 01 công chức làm đầu mối cải cách hành chính trước ngày 20/01/2026.\n\n"
    "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Sở Nội vụ./.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nĐặng Thanh Bằng\n"
)
NOTICE = (
    "UBND TỈNH TÂY NINH\nSỞ NỘI VỤ\nSố: 37/TB-SNV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nTây Ninh, ngày 21 tháng 10 năm 2026\n\nTHÔNG BÁO\n"
    "Kết luận kiểm tra công tác cải cách hành chính năm 2026 tại Sở Xây dựng\n\n"
    "Thực hiện Kế hoạch số 1173/KH-UBND ngày 11/02/2026 của UBND tỉnh, Đoàn kiểm tra kết luận như sau:\n\n"
    "I. KẾT QUẢ ĐẠT ĐƯỢC\nSở đã ban hành kế hoạch cải cách hành chính đúng thời hạn.\n\n"
    "II. TỒN TẠI, HẠN CHẾ\n- Còn 12 hồ sơ trễ hạn chưa có văn bản xin lỗi.\n\n"
    "III. YÊU CẦU KHẮC PHỤC\n1. Sở Xây dựng\n"
    "a) Thực hiện xin lỗi người dân đối với 12 hồ sơ trễ hạn, hoàn thành trước ngày 31/10/2026.\n"
    "b) Báo cáo kết quả khắc phục về Sở Nội vụ trước ngày 30/11/2026.\n"
    "2. Trung tâm Phục vụ hành chính công tỉnh\n"
    "Phối hợp với Sở Xây dựng rà soát hồ sơ trễ hạn, thực hiện trong tháng 11/2026.\n\n"
    "Nơi nhận:\n- Sở Xây dựng;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn Hòa\n"
)

KINDS = {
    "directive": (
        DIRECTIVE,
        "chi_thi",
        "UBND tỉnh Ninh Thuận",
        [
            ("Chấn chỉnh việc chấp hành giờ giấc làm việc của công chức thuộc quyền quản lý",
             ("Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã, phường"), (), ""),
            ("Công khai số điện thoại đường dây nóng tại trụ sở cơ quan",
             ("Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã, phường"), (), "Trước ngày 31/01/2026"),
            ("Kiểm tra đột xuất việc chấp hành kỷ luật hành chính", ("Sở Nội vụ",), ("Thanh tra tỉnh",), ""),
            ("Tổng hợp tình hình thực hiện Chỉ thị, báo cáo Chủ tịch UBND tỉnh", ("Sở Nội vụ",), (),
             "Trước ngày 20/11/2026"),
            ("Mở chuyên mục phản ánh việc thực hiện kỷ luật hành chính",
             ("Báo và Phát thanh, Truyền hình Ninh Thuận",), (), "Hằng tháng"),
        ],
    ),
    "decision with its attached plan": (
        DECISION,
        "quyet_dinh",
        "UBND xã Long Phụng",
        [("Rà soát thủ tục hành chính lĩnh vực đất đai", ("Phòng Kinh tế",), ("Văn phòng HĐND và UBND xã",),
          "Quý II/2026")],
    ),
    "dispatch assigning tasks": (
        DISPATCH,
        "cong_van",
        "UBND tỉnh Gia Lai",
        [
            ("Phân tích nguyên nhân giảm điểm, tham mưu UBND tỉnh ban hành Kế hoạch khắc phục", ("Sở Nội vụ",),
             ("Văn phòng UBND tỉnh", "Sở Tư pháp"), "Trước ngày 15/01/2026"),
            ("Bố trí kinh phí thực hiện các nhiệm vụ cải cách hành chính", ("Sở Tài chính",), (),
             "Tháng 01/2026"),
        ],
    ),
    "dispatch whose duties go to its addressees": (
        ADDRESSED_DISPATCH,
        "cong_van",
        "Sở Nội vụ",
        [
            ("Ban hành kế hoạch cải cách hành chính năm 2026 của cơ quan, đơn vị, gửi về Sở Nội vụ",
             ("Các sở, ban, ngành tỉnh", "UBND các xã, phường"), (), "Trước ngày 31/01/2026"),
            ("Cử 01 công chức làm đầu mối cải cách hành chính", ("Các sở, ban, ngành tỉnh", "UBND các xã, phường"),
             (), "Trước ngày 20/01/2026"),
        ],
    ),
    "notice of conclusions": (
        NOTICE,
        "thong_bao_ket_luan",
        "Sở Nội vụ",
        [
            ("Thực hiện xin lỗi người dân đối với 12 hồ sơ trễ hạn", ("Sở Xây dựng",), (), "Trước ngày 31/10/2026"),
            ("Báo cáo kết quả khắc phục về Sở Nội vụ", ("Sở Xây dựng",), (), "Trước ngày 30/11/2026"),
            ("Rà soát hồ sơ trễ hạn", ("Trung tâm Phục vụ hành chính công tỉnh",), ("Sở Xây dựng",),
             "Tháng 11/2026"),
        ],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(KINDS))
def test_document_kind(case: str) -> None:
    text, kind, issuer, tasks = KINDS[case]
    result = _parse(text)

    assert result.kind == kind and to_json_dict(result)["kind"] == kind
    assert result.plan.issuer == issuer
    assert [(t.title, t.lead, t.cooperating, t.timeline.raw) for t in result.tasks] == tasks


def test_the_decision_gives_its_number_and_the_plan_its_title_and_targets() -> None:
    result = _parse(DECISION)

    assert (result.plan.number, result.plan.symbol) == ("287", "QĐ-UBND")
    assert result.plan.title == "Cải cách hành chính năm 2026 trên địa bàn xã Long Phụng"
    assert [(b.number, b.symbol) for b in result.basis] == [("190", "KH-UBND")]  # not the decision itself
    assert [o.text for o in result.objectives] == ["Tỷ lệ hồ sơ trực tuyến toàn trình đạt từ 60% trở lên."]
    assert (result.plan.signer, result.plan.signer_title) == ("Võ Thành Long", "CHỦ TỊCH")


def test_a_dispatch_is_titled_by_its_subject_line() -> None:
    result = _parse(ADDRESSED_DISPATCH)

    assert result.plan.title == "V/v triển khai nhiệm vụ cải cách hành chính năm 2026"
    assert (result.plan.number, result.plan.symbol, result.plan.issued_on) == (
        "2215",
        "SNV-CCHC",
        date(2026, 1, 8),
    )
    assert [(b.number, b.symbol) for b in result.basis] == [("301", "KH-UBND")]


def test_a_plan_assigning_tasks_agency_by_agency() -> None:
    text = (
        "SỞ NỘI VỤ\nSố: 5/KH-SNV\nNghệ An, ngày 20 tháng 11 năm 2025\nKẾ HOẠCH\n"
        "Phát động phong trào thi đua năm 2026\nI. MỤC ĐÍCH\n1. Động viên cán bộ.\n"
        "II. TRÁCH NHIỆM THỰC HIỆN\n"
        "- Sở Nội vụ hướng dẫn, theo dõi, tổng hợp kết quả phong trào thi đua; báo cáo UBND tỉnh trước "
        "ngày 15/12/2026.\n"
        "- Sở Văn hóa, Thể thao và Du lịch phối hợp với Sở Nội vụ tuyên truyền về phong trào thi đua.\n"
        "- Các cơ quan, đơn vị có liên quan phối hợp thực hiện./.\n"
    )
    result = _parse(text)

    assert [(t.title, t.lead, t.cooperating) for t in result.tasks] == [
        ("Hướng dẫn, theo dõi, tổng hợp kết quả phong trào thi đua; báo cáo UBND tỉnh", ("Sở Nội vụ",), ()),
        ("Tuyên truyền về phong trào thi đua", ("Sở Văn hóa, Thể thao và Du lịch",), ("Sở Nội vụ",)),
    ]
    assert result.tasks[0].timeline.due == date(2026, 12, 15)
    assert result.tasks[0].deliverable == "Báo cáo kết quả phong trào thi đua"


def test_a_task_followed_by_who_does_it() -> None:
    text = (
        "UBND TỈNH TÂY NINH\nSố: 1173/KH-UBND\nTây Ninh, ngày 11 tháng 02 năm 2026\nKẾ HOẠCH\n"
        "Kiểm tra công tác cải cách hành chính năm 2026\nI. NỘI DUNG KIỂM TRA\n"
        "1. Ban hành thông báo kết luận sau mỗi đợt kiểm tra: Sở Nội vụ thực hiện chậm nhất 10 ngày làm việc "
        "sau khi kết thúc kiểm tra.\n"
        "2. Tổng hợp báo cáo kết quả kiểm tra gửi UBND tỉnh: Sở Nội vụ, trước ngày 15/12/2026.\n"
        "3. Cải cách thể chế: Sở Tư pháp chủ trì, phối hợp với các sở, ngành rà soát văn bản quy phạm pháp "
        "luật, thực hiện hằng năm.\n"
    )
    result = _parse(text)

    assert [(t.title, t.lead, t.cooperating, t.timeline.raw) for t in result.tasks] == [
        ("Ban hành thông báo kết luận sau mỗi đợt kiểm tra", ("Sở Nội vụ",), (),
         "Chậm nhất 10 ngày làm việc sau khi kết thúc kiểm tra"),
        ("Tổng hợp báo cáo kết quả kiểm tra gửi UBND tỉnh", ("Sở Nội vụ",), (), "Trước ngày 15/12/2026"),
        ("Rà soát văn bản quy phạm pháp luật", ("Sở Tư pháp",), ("Các sở, ngành",), "Hằng năm"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Hôm nay trời đẹp. Chúng tôi đi chơi công viên và ăn kem.\nSở thú mở cửa cả ngày.", "KẾ HOẠCH"),
        ("BÁO CÁO\nKết quả cải cách hành chính năm 2025\nI. KẾT QUẢ\n- Đạt 98%.", "BÁO CÁO"),
        ("THÔNG BÁO\nLịch nghỉ Tết Nguyên đán năm 2026\nCơ quan nghỉ từ ngày 14/02/2026.", "THÔNG BÁO"),
    ],
)
def test_what_is_not_an_administrative_assignment_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(DocumentError) as caught:
        _parse(text)
    assert "Tệp này không phải là một kế hoạch" in caught.value.message and fragment in caught.value.message
