from django.contrib import admin

from .models import Indicator, ServiceIndexGroup


@admin.register(ServiceIndexGroup)
class ServiceIndexGroupAdmin(admin.ModelAdmin):
    list_display = ["order", "code", "name", "points", "valid_from", "valid_to"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """The catalogue is reference data: a new version gets a new row with a later `valid_from`."""

    list_display = ["code", "name", "unit", "method", "source", "group", "valid_from", "valid_to"]
    list_filter = ["method", "source", "group"]
    search_fields = ["code", "name"]
