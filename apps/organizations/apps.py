from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "apps.organizations"
    verbose_name = "Tổ chức"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Agency, models.Unit, models.Person)
