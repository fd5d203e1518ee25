"""Audit trail wiring: every domain record is logged by django-auditlog with the agency it belongs to.

The agency id goes into the log entry's additional data so that an agency's whole history (its own record,
its units, its people, later its plans and tasks) reads from one table with one filter.
"""

from __future__ import annotations

from typing import Any

from auditlog.registry import auditlog
from django.db import models


class AuditedModel(models.Model):
    """A domain record whose changes are audited under the agency it belongs to."""

    class Meta:
        abstract = True

    def audit_agency_id(self) -> int | None:
        raise NotImplementedError

    def get_additional_data(self) -> dict[str, Any]:
        return {"agency_id": self.audit_agency_id()}


def register_audited(*model_classes: type[models.Model], exclude_fields: tuple[str, ...] = ()) -> None:
    for model_class in model_classes:
        if model_class not in auditlog.get_models():
            auditlog.register(model_class, exclude_fields=list(exclude_fields))
