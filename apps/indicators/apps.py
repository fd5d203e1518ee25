from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "apps.indicators"
    verbose_name = "Chỉ số, chỉ tiêu"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Measurement, models.TargetLink, models.ServiceIndexScore)
