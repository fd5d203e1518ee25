from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "apps.surveys"
    verbose_name = "Khảo sát SIPAS"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        # Responses, answers, abuse events and rate buckets are deliberately not audited: the audit log keeps
        # the client address, and a citizen's response must carry no link to a person.
        register_audited(models.Questionnaire, models.Question, models.Campaign, models.Counter)

        from django.db.models.signals import post_delete, post_save

        from .selectors.records import clear_link_cache

        for model in (models.Campaign, models.Questionnaire):
            post_save.connect(
                clear_link_cache, sender=model, dispatch_uid=f"surveys-link-cache-save-{model.__name__}"
            )
            post_delete.connect(
                clear_link_cache, sender=model, dispatch_uid=f"surveys-link-cache-delete-{model.__name__}"
            )
