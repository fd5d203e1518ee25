from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "apps.feedback"
    verbose_name = "Phản ánh, kiến nghị"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Feedback, exclude_fields=("search_text",))
