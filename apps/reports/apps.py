from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "apps.reports"
    verbose_name = "Báo cáo"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.ReportSchedule, models.Report, models.ReportTemplate)
        register_audited(models.Contribution, exclude_fields=("figures",))
