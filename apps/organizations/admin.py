from django.contrib import admin

from .models import Agency, Person, Unit


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["code", "name"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "agency", "kind", "is_focal", "is_active"]
    list_filter = ["kind", "is_focal"]
    search_fields = ["code", "name"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "agency", "unit", "is_active"]
    search_fields = ["full_name", "email"]
