from django.contrib import admin

from .models import Procedure


@admin.register(Procedure)
class ProcedureAdmin(admin.ModelAdmin):
    """Procedures are created by imports; an administrator may correct a name or a level."""

    list_display = ["code", "name", "level"]
    search_fields = ["code", "name"]
