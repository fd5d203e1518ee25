from django.apps import AppConfig


class CommunicationsConfig(AppConfig):
    name = "apps.communications"
    label = "communications"
    verbose_name = "Thông tin, tuyên truyền CCHC"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(models.Article, models.Event, models.ChannelTarget, models.ContentArea)
