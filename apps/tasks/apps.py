from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "apps.tasks"
    verbose_name = "Nhiệm vụ"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Task, exclude_fields=("search_text",))
        register_audited(
            models.Occurrence, models.TaskTrigger, models.ProgressUpdate, models.AcceptanceDecision
        )
