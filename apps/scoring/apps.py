from django.apps import AppConfig


class ScoringConfig(AppConfig):
    name = "apps.scoring"
    label = "scoring"
    verbose_name = "Chỉ số CCHC (PAR INDEX)"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.CriteriaSet, models.Criterion)
