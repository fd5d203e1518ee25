"""Choice lists of criteria sets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from domain.scoring.tree import METHOD_LABELS, Method


class SetLevel(models.TextChoices):
    DEPARTMENT = "so", _("Sở, ban, ngành")
    COMMUNE = "xa", _("Xã, phường")


class SetStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    IN_FORCE = "in_force", _("Đang áp dụng")
    RETIRED = "retired", _("Hết hiệu lực")


# The engine's own method values, so a stored criterion turns into a tree node without translation.
METHOD_CHOICES = [(method.value, METHOD_LABELS[method]) for method in Method]
