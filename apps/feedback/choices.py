"""Choice lists of the feedback register."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackChannel(models.TextChoices):
    IN_PERSON = "truc_tiep", _("Trực tiếp")
    HOTLINE = "duong_day_nong", _("Điện thoại, đường dây nóng")
    PORTAL = "cong_dvc", _("Cổng Dịch vụ công")
    LETTER = "van_ban", _("Văn bản, thư")
    EMAIL = "thu_dien_tu", _("Thư điện tử")
    SOCIAL = "mang_xa_hoi", _("Mạng xã hội, Zalo")
    OTHER = "khac", _("Khác")


class Remit(models.TextChoices):
    OWN = "own", _("Thuộc thẩm quyền")
    FORWARDED = "forwarded", _("Ngoài thẩm quyền — chuyển cơ quan có thẩm quyền")


class Satisfaction(models.TextChoices):
    UNKNOWN = "", _("Chưa rõ")
    YES = "yes", _("Hài lòng")
    NO = "no", _("Không hài lòng")
