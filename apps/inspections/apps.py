from django.apps import AppConfig


class InspectionsConfig(AppConfig):
    name = "apps.inspections"
    label = "inspections"
    verbose_name = "Kiểm tra CCHC"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(
            models.InspectionPlan, models.Inspection, models.ChecklistItem, models.Finding, models.Remediation
        )
