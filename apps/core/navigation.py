"""The capabilities of the product as the navigation names them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

StrOrPromise = str | Promise


@dataclass(frozen=True)
class Section:
    """One entry of the side menu. `icon` names a symbol of static/icons/sprite.svg; `namespaces` are the URL
    namespaces whose pages belong to this section (so a task's page highlights "Nhiệm vụ"); `permission`, when
    set, is the rule (on the agency worked in) without which the entry is not shown, as its page would refuse."""

    key: str
    title: StrOrPromise
    url_name: str
    description: StrOrPromise
    icon: str = "chevron-right"
    namespaces: tuple[str, ...] = ()
    permission: str = ""

    @property
    def url(self) -> str:
        from django.urls import reverse

        return reverse(self.url_name)


SECTIONS: tuple[Section, ...] = (
    Section("home", _("Tổng quan"), "core:home", _("Tình hình CCHC của cơ quan."), icon="house"),
    Section(
        "my_work",
        _("Việc của tôi"),
        "tasks:my_work",
        _("Các kỳ nhiệm vụ của bạn, việc gấp nhất ở trên."),
        icon="clipboard-check",
    ),
    Section(
        "dashboard",
        _("Bảng điều hành"),
        "tasks:dashboard",
        _("Tiến độ theo lĩnh vực, đơn vị; việc quá hạn; xu hướng hoàn thành đúng hạn."),
        icon="gauge",
    ),
    Section(
        "province",
        _("Toàn tỉnh"),
        "tasks:province_view",
        _("Xếp hạng các cơ quan theo tỷ lệ hoàn thành đúng hạn."),
        icon="map",
    ),
    Section(
        "organizations",
        _("Cơ quan, đơn vị"),
        "organizations:agency_tree",
        _("Cây cơ quan, đơn vị, cán bộ và vai trò."),
        icon="network",
        namespaces=("organizations",),
    ),
    Section(
        "plans",
        _("Kế hoạch"),
        "plans:plan_list",
        _("Sổ kế hoạch CCHC, nhập kế hoạch từ tệp .docx, .pdf, .txt, căn cứ và văn bản thay thế."),
        icon="file-text",
        namespaces=("plans",),
    ),
    Section(
        "tasks",
        _("Nhiệm vụ"),
        "tasks:task_register",
        _("Sổ nhiệm vụ theo nguyên tắc “06 rõ”: lọc, tìm, xuất Excel, xem theo thời gian."),
        icon="list-checks",
        namespaces=("tasks",),
    ),
    Section(
        "indicators",
        _("Chỉ số, chỉ tiêu"),
        "indicators:scorecard",
        _("Chỉ tiêu của kế hoạch, đo lường theo kỳ, trạng thái đạt, chưa đạt."),
        icon="target",
        namespaces=("indicators",),
    ),
    Section(
        "dossiers",
        _("Hồ sơ TTHC"),
        "dossiers:dossier_list",
        _("Nhập dữ liệu hồ sơ từ hệ thống một cửa, tỷ lệ đúng hạn, thư xin lỗi, phản ánh kiến nghị."),
        icon="folder-open",
        namespaces=("dossiers", "feedback"),
    ),
    Section(
        "surveys",
        _("Khảo sát SIPAS"),
        "surveys:campaign_list",
        _("Phiếu khảo sát mức độ hài lòng, mã QR tại quầy, chỉ số hài lòng."),
        icon="smile",
        namespaces=("surveys",),
    ),
    Section(
        "scoring",
        _("Chỉ số CCHC (PAR INDEX)"),
        "par:home",
        _("Tự đánh giá có tài liệu kiểm chứng, điểm tính sẵn từ dữ liệu, thẩm định, giải trình, xếp hạng."),
        icon="award",
        namespaces=("par", "scoring"),
    ),
    Section(
        "ratings",
        _("Đánh giá, xếp loại"),
        "ratings:home",
        _(
            "Điểm hằng tháng của từng người tính từ sổ nhiệm vụ, chấm tiêu chí chung, xếp loại theo Nghị định 335."
        ),
        icon="star",
        namespaces=("ratings",),
    ),
    Section(
        "transparency",
        _("Công khai kết quả"),
        "transparency:settings",
        _("Chọn số liệu đưa lên trang công khai của cơ quan (không cần đăng nhập), gỡ xuống bất cứ lúc nào."),
        icon="globe",
        namespaces=("transparency",),
        permission="transparency.publish_figures",
    ),
    Section(
        "rewards",
        _("Thi đua, khen thưởng"),
        "rewards:home",
        _("Phong trào thi đua, sáng kiến, xếp loại, đề nghị khen thưởng."),
        icon="trophy",
        namespaces=("rewards",),
    ),
    Section(
        "communications",
        _("Tuyên truyền, kiểm tra"),
        "communications:home",
        _("Tin bài tuyên truyền CCHC, kiểm tra CCHC và khắc phục."),
        icon="megaphone",
        namespaces=("communications", "inspections"),
    ),
    Section(
        "reports",
        _("Báo cáo"),
        "reports:calendar",
        _("Báo cáo CCHC định kỳ theo Nghị định 30/2020/NĐ-CP, phụ lục Excel."),
        icon="file-chart-column",
        namespaces=("reports",),
    ),
)


def section_for(view_name: str | None) -> Section | None:
    """The menu entry a page belongs to: the entry of that very page, else the one claiming its URL namespace."""
    if not view_name:
        return None
    for section in SECTIONS:
        if section.url_name == view_name:
            return section
    namespace = view_name.partition(":")[0]
    for section in SECTIONS:
        if namespace in section.namespaces:
            return section
    return None
