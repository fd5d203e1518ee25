"""Placing tasks without a reform area in the parts of a report."""

import pytest

from domain.report_areas import report_area


@pytest.mark.parametrize(
    ("title", "plan_type", "area"),
    [
        ("Rà soát, đơn giản hóa thủ tục hành chính", "", "procedures"),
        ("Theo dõi, đôn đốc thực hiện các nhiệm vụ cải cách hành chính", "par_sipas", "direction"),
        ("Kiểm tra công tác cải cách hành chính năm 2026", "", "direction"),
        ("Thực hiện chế độ thông tin, báo cáo CCHC", "", "direction"),
        ("Theo dõi tỷ lệ giải quyết hồ sơ đúng hạn", "", "procedures"),
        ("Thực hiện xin lỗi đối với hồ sơ quá hạn", "", "procedures"),
        ("Triển khai xây dựng, cập nhật CSDL ngành Xây dựng", "", "digital_government"),
        ("Bảo đảm có ít nhất 01 tin/bài viết về CCHC mỗi tháng", "", "communication"),
        ("Chủ trì tham mưu, tổng hợp kết quả thực hiện Kế hoạch", "communication", "communication"),
        ("Căn cứ Kế hoạch này tổ chức quán triệt đến toàn thể cán bộ", "emulation", "direction"),
        ("Mua sắm bàn ghế", "", None),
    ],
)
def test_report_area(title, plan_type, area):
    assert report_area(title, plan_type) == area
