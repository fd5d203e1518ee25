"""Choice lists of inspections (the codes live in `domain.inspections`)."""

from django.db import models

from domain import inspections


class Mode(models.TextChoices):
    ON_SITE = inspections.ON_SITE, inspections.MODE_LABELS[inspections.ON_SITE]
    DIGITAL = inspections.DIGITAL, inspections.MODE_LABELS[inspections.DIGITAL]


class Result(models.TextChoices):
    PASS = inspections.PASS, inspections.RESULT_LABELS[inspections.PASS]
    FAIL = inspections.FAIL, inspections.RESULT_LABELS[inspections.FAIL]
    NOT_APPLICABLE = inspections.NOT_APPLICABLE, inspections.RESULT_LABELS[inspections.NOT_APPLICABLE]
