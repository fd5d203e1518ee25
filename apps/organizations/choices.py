"""Choice lists of the agency tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    COMMUNE = "commune", _("Xã, phường")
    OTHER = "other", _("Khác")


class UnitKind(models.TextChoices):
    OFFICE = "office", _("Văn phòng")
    DIVISION = "division", _("Phòng chuyên môn")
    BOARD = "board", _("Ban")
    AFFILIATE = "affiliate", _("Đơn vị trực thuộc")
    SECTION = "section", _("Bộ phận")
    CENTER = "center", _("Trung tâm")
