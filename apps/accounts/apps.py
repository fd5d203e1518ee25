from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "apps.accounts"
    verbose_name = "Tài khoản và vai trò"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.RoleAssignment)
