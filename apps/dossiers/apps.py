from django.apps import AppConfig


class DossiersConfig(AppConfig):
    name = "apps.dossiers"
    verbose_name = "Hồ sơ thủ tục hành chính"

    def ready(self) -> None:
        from apps.core.audit import register_audited
        from apps.jobs.leases import LeasedKind, lease_register

        from . import models
        from .choices import ImportStatus
        from .import_runs import import_interrupted_message

        # Dossier facts and their roll-up are written in bulk; their provenance is the import batch.
        register_audited(
            models.SourceMapping,
            models.ImportBatch,
            exclude_fields=("error_file", "heartbeat_at", "lease_holder"),
        )
        lease_register(
            LeasedKind(
                model=models.ImportBatch,
                running=ImportStatus.RUNNING,
                dead=ImportStatus.INTERRUPTED,
                started_field="created_at",
                dead_message=import_interrupted_message,
            )
        )
