"""The change log in the administrators' screens in Vietnamese: auditlog's own admin writes "17 changes: agency,
unit" with field names and "system" for changes made by the application."""

from __future__ import annotations

from typing import Any

from auditlog.admin import LogEntryAdmin as AuditlogEntryAdmin
from auditlog.models import LogEntry
from auditlog.render import get_field_verbose_name
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

SHORT = 75
# Bookkeeping fields many models share and do not label (they never show on a page, only in the change log).
FIELD_LABELS = {
    "version": "Phiên bản",
    "created_by": "Người tạo",
    "created_at": "Thời điểm tạo",
    "updated_at": "Thời điểm sửa",
    "order": "Thứ tự",
    "findings": "Phát hiện",
    "search_text": "Nội dung tìm kiếm",
    "six_clear_reasons": "Lý do chưa đủ 06 rõ",
}


def field_label(entry: LogEntry, name: str) -> str:
    label = str(get_field_verbose_name(entry, name))
    if label == name or label == name.replace("_", " ").capitalize():
        return FIELD_LABELS.get(name, label)
    return label


class LogEntryAdmin(AuditlogEntryAdmin):
    list_display = ["created", "resource_url", "action", "msg_short", "user_url"]

    @admin.display(description=_("Changes"))
    def msg_short(self, obj: LogEntry) -> str:
        if obj.action in (LogEntry.Action.DELETE, LogEntry.Action.ACCESS):
            return ""
        changes = obj.changes_dict
        fields = ", ".join(field_label(obj, name) for name in changes)
        if len(fields) > SHORT:
            fields = fields[: fields.rfind(" ", 0, SHORT)] + " …"
        return f"{len(changes)} thay đổi: {fields}"

    @admin.display(description=_("User"))
    def user_url(self, obj: LogEntry) -> Any:
        shown = super().user_url(obj)
        return "Hệ thống (tự động)" if shown == "system" else shown


admin.site.unregister(LogEntry)
admin.site.register(LogEntry, LogEntryAdmin)
