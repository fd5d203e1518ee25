from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "apps.dossiers"
    verbose_name = "Hồ sơ thủ tục hành chính"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        # Dossier facts and their roll-up are written in bulk; their provenance is the import batch.
        register_audited(models.SourceMapping, models.ImportBatch, exclude_fields=("error_file",))
