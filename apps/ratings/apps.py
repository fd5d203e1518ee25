from django.apps import AppConfig


class RatingsConfig(AppConfig):
    name = "apps.ratings"
    label = "ratings"
    verbose_name = "Đánh giá, xếp loại công chức"

    def ready(self) -> None:
        from apps.core.audit import register_audited

        from . import models

        register_audited(
            models.Rating, models.ProductSetting, models.ExtraProduct, models.UnitRating, models.RatingPolicy
        )
