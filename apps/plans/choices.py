"""Choice lists of plans."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanType(models.TextChoices):
    ANNUAL_REFORM = "annual_reform", _("Kế hoạch CCHC năm")
    PAR_SIPAS = "par_sipas", _("Cải thiện PAR INDEX, SIPAS")
    COMMUNICATION = "communication", _("Thông tin, tuyên truyền")
    EMULATION = "emulation", _("Phong trào thi đua")
    INSPECTION = "inspection", _("Kiểm tra CCHC")
    OTHER = "other", _("Khác")


class DocumentKind(models.TextChoices):
    """The kind of document the plan was imported from (the codes of ``domain.plan_import.kinds``)."""

    PLAN = "ke_hoach", _("Kế hoạch")
    DIRECTIVE = "chi_thi", _("Chỉ thị")
    DECISION = "quyet_dinh", _("Quyết định ban hành kế hoạch")
    LETTER = "cong_van", _("Công văn giao nhiệm vụ")
    NOTICE = "thong_bao_ket_luan", _("Thông báo kết luận")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")
    SUPERSEDED = "superseded", _("Đã bị thay thế")


class ReferenceRelation(models.TextChoices):
    BASIS = "basis", _("Căn cứ")
    SUPERSEDES = "supersedes", _("Thay thế")


class Comparator(models.TextChoices):
    GTE = ">=", "≥"
    GT = ">", ">"
    LTE = "<=", "≤"
    LT = "<", "<"
    EQ = "=", "="
    NONE = "none", _("không để xảy ra")


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Chờ xác nhận")
    CONFIRMED = "confirmed", _("Đã lưu")
    CANCELLED = "cancelled", _("Đã hủy")
