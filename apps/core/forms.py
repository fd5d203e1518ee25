"""Forms every app shares: the renderer that lays every form out, a service's refusal shown on a form, points typed
the Vietnamese way. The shared fields (dates dd/mm/yyyy, periods by name) live in form_fields.py."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.renderers import TemplatesSetting

from .form_fields import PeriodField, PeriodSelect, VnDateField, VnDateInput, period_name

__all__ = [
    "FormRenderer",
    "PeriodField",
    "PeriodSelect",
    "VnDateField",
    "VnDateInput",
    "add_service_errors",
    "period_name",
    "points_as_text",
    "points_from_text",
]


EMPTY_CHOICE = "— Chọn —"
EMPTY_OPTIONAL = "(Để trống)"


class FormRenderer(TemplatesSetting):
    """`{{ form }}` and `{{ field.as_field_group }}` everywhere: labels above fields, required marks, help text,
    errors beside each field and a summary above the form that links to them (templates/forms/)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict) and widget.get("optgroups"):
            # Django's "---------" for "nothing chosen" in every list of every form, said in Vietnamese.
            empty = (
                EMPTY_CHOICE if widget.get("required") or widget["attrs"].get("required") else EMPTY_OPTIONAL
            )
            for _group, options, _index in widget["optgroups"]:
                for option in options:
                    if option["label"] == "---------":
                        option["label"] = empty
        return super().render(template_name, context, request)


def add_service_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """A service's refusal shown on the form: each field's messages beside the field, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def points_from_text(text: str, *, label: str = "Điểm") -> Decimal | None:
    """Points typed the Vietnamese way ("0,5") or with a dot; empty is None; negative or huge refused."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise forms.ValidationError(f"“{text}” không phải là một số.") from None
    if not value.is_finite() or value < 0:
        raise forms.ValidationError(f"{label} phải là một số không âm.")
    if value >= 100000:
        raise forms.ValidationError(f"{label} quá lớn.")
    return value


def points_as_text(value: Decimal | str | None) -> str:
    """Points as a person types them: "0,5", "10"."""
    return "" if value is None else f"{Decimal(value).normalize():f}".replace(".", ",")
