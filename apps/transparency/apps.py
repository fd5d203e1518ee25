from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "apps.transparency"
    label = "transparency"
    verbose_name = "Công khai kết quả"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from .providers import register_builtin

        register_builtin()
        # Other apps plug their figures in with a `published_figures` module (see registry.py).
        autodiscover_modules("published_figures")
