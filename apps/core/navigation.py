"""The capabilities of the product as the navigation names them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

StrOrPromise = str | Promise


@dataclass(frozen=True)
class Section:
    key: str
    title: StrOrPromise
    url_name: str
    description: StrOrPromise

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse(self.url_name)


SECTIONS: tuple[Section, ...] = (
    Section("home", _("Tổng quan"), "core:home", _("Tình hình CCHC của cơ quan.")),
    Section(
        "my_work",
        _("Việc của tôi"),
        "tasks:my_work",
        _("Các kỳ nhiệm vụ của bạn, việc gấp nhất ở trên."),
    ),
    Section(
        "dashboard",
        _("Bảng điều hành"),
        "tasks:dashboard",
        _("Tiến độ theo lĩnh vực, đơn vị; việc quá hạn; xu hướng hoàn thành đúng hạn."),
    ),
    Section(
        "province",
        _("Toàn tỉnh"),
        "tasks:province_view",
        _("Xếp hạng các cơ quan theo tỷ lệ hoàn thành đúng hạn."),
    ),
    Section(
        "organizations",
        _("Cơ quan, đơn vị"),
        "organizations:agency_tree",
        _("Cây cơ quan, đơn vị, cán bộ và vai trò."),
    ),
    Section(
        "plans",
        _("Kế hoạch"),
        "plans:plan_list",
        _("Sổ kế hoạch CCHC, nhập kế hoạch từ tệp .docx, .pdf, .txt, căn cứ và văn bản thay thế."),
    ),
    Section(
        "tasks",
        _("Nhiệm vụ"),
        "tasks:task_register",
        _("Sổ nhiệm vụ theo nguyên tắc “06 rõ”: lọc, tìm, xuất Excel, xem theo thời gian."),
    ),
    Section(
        "indicators",
        _("Chỉ số, chỉ tiêu"),
        "indicators:scorecard",
        _("Chỉ tiêu của kế hoạch, đo lường theo kỳ, trạng thái đạt, chưa đạt."),
    ),
    Section(
        "dossiers",
        _("Hồ sơ TTHC"),
        "dossiers:dossier_list",
        _("Nhập dữ liệu hồ sơ từ hệ thống một cửa, tỷ lệ đúng hạn, thư xin lỗi, phản ánh kiến nghị."),
    ),
    Section(
        "surveys",
        _("Khảo sát SIPAS"),
        "surveys:campaign_list",
        _("Phiếu khảo sát mức độ hài lòng, mã QR tại quầy, chỉ số hài lòng."),
    ),
    Section(
        "scoring",
        _("Chỉ số CCHC (PAR INDEX)"),
        "par:home",
        _("Tự đánh giá có tài liệu kiểm chứng, điểm tính sẵn từ dữ liệu, thẩm định, giải trình, xếp hạng."),
    ),
    Section(
        "ratings",
        _("Đánh giá, xếp loại"),
        "ratings:home",
        _(
            "Điểm hằng tháng của từng người tính từ sổ nhiệm vụ, chấm tiêu chí chung, xếp loại theo Nghị định 335."
        ),
    ),
    Section(
        "transparency",
        _("Công khai kết quả"),
        "transparency:settings",
        _("Chọn số liệu đưa lên trang công khai của cơ quan (không cần đăng nhập), gỡ xuống bất cứ lúc nào."),
    ),
    Section(
        "rewards",
        _("Thi đua, khen thưởng"),
        "rewards:home",
        _("Phong trào thi đua, sáng kiến, xếp loại, đề nghị khen thưởng."),
    ),
    Section(
        "communications",
        _("Tuyên truyền, kiểm tra"),
        "communications:home",
        _("Tin bài tuyên truyền CCHC, kiểm tra CCHC và khắc phục."),
    ),
    Section(
        "reports",
        _("Báo cáo"),
        "reports:calendar",
        _("Báo cáo CCHC định kỳ theo Nghị định 30/2020/NĐ-CP, phụ lục Excel."),
    ),
)
