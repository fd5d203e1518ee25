"""A directive or a dispatch goes into the register like a plan, with its kind; a scoring table is kept."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.models import Plan, PlanImport

DIRECTIVE = """ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH ĐẮK LẮK | Độc lập - Tự do - Hạnh phúc
Số: 09/CT-UBND | Đắk Lắk, ngày 16 tháng 01 năm 2026

CHỈ THỊ
Về đẩy mạnh cải cách hành chính năm 2026

Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, Chủ tịch UBND tỉnh yêu cầu:
1. Sở Xây dựng
a) Rà soát thủ tục hành chính lĩnh vực xây dựng, hoàn thành trong Quý II/2026.
b) Chủ trì, phối hợp với Sở Nội vụ tổ chức khảo sát sự hài lòng của người dân hằng quý.
2. Sở Nội vụ
Tổng hợp kết quả thực hiện Chỉ thị, báo cáo Chủ tịch UBND tỉnh trước ngày 15/12/2026.

Chủ tịch UBND tỉnh yêu cầu các cơ quan nghiêm túc thực hiện./.
Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn An
"""

EMULATION = """SỞ XÂY DỰNG
Số: 30/KH-SXD
Đắk Lắk, ngày 10 tháng 01 năm 2026
KẾ HOẠCH
Phát động phong trào thi đua cải cách hành chính năm 2026
I. NỘI DUNG THI ĐUA
1. Thi đua giải quyết hồ sơ đúng hạn, phấn đấu 100% hồ sơ đúng hạn.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng Sở chủ trì hướng dẫn các phòng đăng ký thi đua trước ngày 31/01/2026./.
Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Trần Văn Bình
PHỤ LỤC
| STT | Tiêu chí thi đua | Điểm chuẩn | Hướng dẫn chấm điểm |
|---|---|---|---|
| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | 60 | Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn |
| 2 | Có sáng kiến cải cách hành chính | 40 | Có: 40 điểm; không có: 0 điểm |
"""


def _upload(client, agency, name: str, text: str):  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="daumoi"))
    return client.post(
        reverse("plans:plan_upload"),
        {"agency": agency.pk, "file": SimpleUploadedFile(name, text.encode("utf-8"))},
    )


def test_a_directive_is_previewed_and_saved_as_a_directive(client, demo_org):
    # Given a directive of UBND tỉnh uploaded by the Sở's focal point
    response = _upload(client, demo_org["DLK-SXD"], "chi-thi.txt", DIRECTIVE)
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "Loại văn bản: <strong>Chỉ thị</strong>" in preview
    assert "Rà soát thủ tục hành chính lĩnh vực xây dựng" in preview

    # When the preview is confirmed
    response = client.post(response["Location"], {"confirm": "1"})

    # Then the register holds it with its kind and one task per duty
    plan = Plan.objects.get()
    assert plan.document_kind == "chi_thi" and plan.issuer == "UBND tỉnh Đắk Lắk"
    assert plan.tasks.count() == 3
    page = client.get(reverse("plans:plan_detail", args=[plan.pk])).content.decode()
    assert "Chỉ thị" in page


def test_a_plan_keeps_the_plan_kind_and_its_scoring_table_on_the_import(client, demo_org):
    response = _upload(client, demo_org["DLK-SXD"], "thi-dua.txt", EMULATION)
    preview = client.get(response["Location"]).content.decode()
    assert "Loại văn bản: <strong>Kế hoạch</strong>" in preview
    assert "2 tiêu chí, tổng 100 điểm" in preview

    plan_import = PlanImport.objects.get()
    assert plan_import.rubrics == [
        {
            "group": None,
            "total_points": 100,
            "criteria": [
                {
                    "code": "1",
                    "title": "Tỷ lệ hồ sơ giải quyết đúng hạn",
                    "points": 60,
                    "guide": "Tỷ lệ = b/a × 100%; Điểm = Tỷ lệ × điểm chuẩn",
                },
                {
                    "code": "2",
                    "title": "Có sáng kiến cải cách hành chính",
                    "points": 40,
                    "guide": "Có: 40 điểm; không có: 0 điểm",
                },
            ],
        }
    ]
    client.post(response["Location"], {"confirm": "1"})
    assert Plan.objects.get().document_kind == "ke_hoach"


def test_prose_is_still_refused(client, demo_org):
    response = _upload(client, demo_org["DLK-SXD"], "van-xuoi.txt", "Hôm nay trời đẹp. Chúng tôi đi chơi.\n")
    assert response.status_code == 200
    assert "không phải là một kế hoạch" in response.content.decode()
    assert PlanImport.objects.count() == 0
