"""The rows the data migrations add (reform areas, the indicator catalogue, the model SIPAS questionnaire, base
salaries), put back for a test that runs after a transactional test flushed every table. Each loader is idempotent.
(Serialized rollback would do the same but collides with the content types a flush recreates.)"""

from __future__ import annotations

from importlib import import_module

from django.apps import apps


def ensure_reference_data() -> None:
    from apps.indicators.tests.catalogue import ensure_catalogue
    from apps.rewards.tests.reference import ensure_base_salaries

    import_module("apps.plans.migrations.0002_reform_areas").load(apps, None)
    ensure_catalogue()
    import_module("apps.surveys.migrations.0002_bnv_model_questionnaire").create(apps, None)
    ensure_base_salaries()
