"""The shared pieces of every page: icons from the vendored sprite, a form's fields with their errors."""

from __future__ import annotations

from typing import Any

from django import forms, template
from django.templatetags.static import static
from django.utils.html import format_html

from apps.core.form_fields import ALL_KINDS, PeriodSelect

register = template.Library()


@register.simple_tag
def icon(name: str, label: str = "") -> str:
    """`{% icon "plus" %}`: a decorative icon (hidden from screen readers); with a label it is announced."""
    if label:
        return format_html(
            '<svg class="icon" role="img" aria-label="{}" focusable="false"><use href="{}#{}"></use></svg>',
            label,
            static("icons/sprite.svg"),
            name,
        )
    return format_html(
        '<svg class="icon" aria-hidden="true" focusable="false"><use href="{}#{}"></use></svg>',
        static("icons/sprite.svg"),
        name,
    )


@register.filter
def widget_kind(field: forms.BoundField) -> str:
    """How the form partial lays a field out: "checkbox", "choices" (radio or checkbox list), "file" or "input"."""
    widget: Any = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
        return "choices"
    if isinstance(widget, forms.ClearableFileInput | forms.FileInput):
        return "file"
    return "input"


@register.simple_tag
def field_widget(field: forms.BoundField) -> str:
    """The field's input, described by its help text and its error (the ids forms/field.html gives them)."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_helptext")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    attrs: dict[str, str | bool] = (
        {"aria-describedby": " ".join(described)} if described and field.auto_id else {}
    )
    return field.as_widget(attrs=attrs)


@register.simple_tag
def period_select(name: str, value: Any = "", id: str = "", all_label: str = "", kinds: str = "") -> str:
    """`{% period_select "period" period.code id="sc-period" %}`: a period picked by its Vietnamese name on a page
    whose form is written by hand; `all_label="Tất cả"` adds an empty choice, `kinds="quarter"` narrows it."""
    chosen = tuple(kinds.split(",")) if kinds else ALL_KINDS
    widget = PeriodSelect(empty_label=all_label or None, kinds=chosen)
    return widget.render(name, value or "", attrs={"id": id} if id else None)


@register.filter
def with_agency(title: str, agency: Any) -> str:
    """A window title that names the agency worked in ("Sổ nhiệm vụ · Sở Xây dựng"), once even when the page's
    own title already does; signed out, the product's name."""
    name = getattr(agency, "name", "") or "Quản lý cải cách hành chính"
    title = str(title).strip()
    return title if name in title else f"{title} · {name}"
