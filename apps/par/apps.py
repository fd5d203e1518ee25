from django.apps import AppConfig


class ParConfig(AppConfig):
    name = "apps.par"
    label = "par"
    verbose_name = "Đánh giá Chỉ số CCHC"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.AssessmentRound, models.Assessment, models.Score)
