"""Roles a person holds in an agency."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")
    OVERSEER = "overseer", _("Cơ quan thẩm định (Sở Nội vụ)")
    LEADER = "leader", _("Lãnh đạo")
    FOCAL_POINT = "focal_point", _("Đầu mối CCHC")
    UNIT_HEAD = "unit_head", _("Trưởng đơn vị")
    STAFF = "staff", _("Chuyên viên")
    VIEWER = "viewer", _("Người xem")
