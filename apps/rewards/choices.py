"""Choice lists of emulation and rewards (Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP).

The award forms themselves are ``domain.rewards.forms.AwardForm``: their codes are stored as they are.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardFormChoice(models.TextChoices):
    """domain.rewards.forms.AwardForm, named for forms and filters."""

    LAO_DONG_TIEN_TIEN = "lao_dong_tien_tien", _("Lao động tiên tiến")
    CHIEN_SI_THI_DUA_CO_SO = "chien_si_thi_dua_co_so", _("Chiến sĩ thi đua cơ sở")
    CHIEN_SI_THI_DUA_TINH = "chien_si_thi_dua_tinh", _("Chiến sĩ thi đua cấp tỉnh")
    TAP_THE_LAO_DONG_TIEN_TIEN = "tap_the_lao_dong_tien_tien", _("Tập thể lao động tiên tiến")
    TAP_THE_LAO_DONG_XUAT_SAC = "tap_the_lao_dong_xuat_sac", _("Tập thể lao động xuất sắc")
    GIAY_KHEN = "giay_khen", _("Giấy khen")
    BANG_KHEN_TINH = "bang_khen_tinh", _("Bằng khen của Chủ tịch UBND tỉnh")


class SubjectChoice(models.TextChoices):
    PERSON = "person", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")


class MovementStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    ACTIVE = "active", _("Đang phát động")
    CLOSED = "closed", _("Đã tổng kết")


class ParticipantKind(models.TextChoices):
    """Who takes part: the agency's own units and people, or — for a province- or xã-wide movement — agencies."""

    UNIT = "unit", _("Đơn vị thuộc cơ quan")
    AGENCY = "agency", _("Cơ quan, địa phương")


class InitiativeScope(models.TextChoices):
    """Phạm vi ảnh hưởng của sáng kiến (Nghị định 152/2025 Điều 33 khoản 6; Luật Điều 22, 23)."""

    BASE = "co_so", _("Cấp cơ sở")
    PROVINCE = "tinh", _("Cấp tỉnh")
    NATIONAL = "toan_quoc", _("Toàn quốc")


class InitiativeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đã đăng ký, chờ hội đồng sáng kiến")
    RECOGNISED = "recognised", _("Đã được công nhận")
    NOT_RECOGNISED = "not_recognised", _("Không được công nhận")


class Grade(models.TextChoices):
    """Mức xếp loại chất lượng hằng năm (Nghị định 335/2025), the codes of apps.ratings."""

    EXCELLENT = "excellent", _("Hoàn thành xuất sắc nhiệm vụ")
    GOOD = "good", _("Hoàn thành tốt nhiệm vụ")
    COMPLETED = "completed", _("Hoàn thành nhiệm vụ")
    NOT_COMPLETED = "not_completed", _("Không hoàn thành nhiệm vụ")


class DisciplineMeasure(models.TextChoices):
    """Hình thức kỷ luật, lightest first (the order matters: "từ cảnh cáo trở lên")."""

    REPRIMAND = "khien_trach", _("Khiển trách")
    WARNING = "canh_cao", _("Cảnh cáo")
    SALARY_DOWN = "ha_bac_luong", _("Hạ bậc lương")
    DEMOTION = "giang_chuc", _("Giáng chức")
    DISMISSAL_FROM_POST = "cach_chuc", _("Cách chức")
    DISMISSAL = "buoc_thoi_viec", _("Buộc thôi việc")


class RatingSource(models.TextChoices):
    RATINGS = "ratings", _("Từ đánh giá, xếp loại (Nghị định 335)")
    ENTERED = "entered", _("Nhập tay")
    IMPORTED = "imported", _("Nhập từ tệp Excel")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("Đơn vị đang soạn")
    SUBMITTED = "submitted", _("Đã gửi, chờ đầu mối kiểm tra")
    RETURNED = "returned", _("Trả lại để bổ sung")
    CHECKED = "checked", _("Đã kiểm tra, chờ hội đồng")
    VOTED = "voted", _("Hội đồng đã bỏ phiếu")
    DECIDED = "decided", _("Đã có quyết định khen thưởng")
    REJECTED = "rejected", _("Không khen thưởng")


class DocumentKind(models.TextChoices):
    """The documents of a nomination's dossier (hồ sơ đề nghị khen thưởng)."""

    PROPOSAL = "to_trinh", _("Tờ trình đề nghị khen thưởng")
    ACHIEVEMENT_REPORT = "bao_cao_thanh_tich", _("Báo cáo thành tích")
    REVIEW_MINUTES = "bien_ban_binh_xet", _("Biên bản bình xét")
    INITIATIVE_PROOF = "minh_chung_sang_kien", _("Minh chứng sáng kiến")
    OTHER = "khac", _("Tài liệu khác")


class CouncilRole(models.TextChoices):
    CHAIR = "chair", _("Chủ tịch Hội đồng")
    VICE_CHAIR = "vice_chair", _("Phó Chủ tịch Hội đồng")
    SECRETARY = "secretary", _("Thư ký")
    MEMBER = "member", _("Ủy viên")


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
