from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "apps.plans"
    verbose_name = "Kế hoạch"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Plan, models.Objective, models.Target, models.PlanReference)
