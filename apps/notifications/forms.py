"""The preferences form: per kind of notification, in the app and/or by e-mail."""

from __future__ import annotations

from typing import Any

from django import forms

from .choices import NotificationKind
from .selectors import DEFAULT_PREFERENCE


class PreferencesForm(forms.Form):
    def __init__(
        self, *args: Any, current: dict[str, tuple[bool, bool]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        current = current or {}
        self.kinds = []
        for kind in NotificationKind:
            in_app, email = current.get(kind.value, DEFAULT_PREFERENCE)
            self.fields[f"{kind.value}_in_app"] = forms.BooleanField(
                label="Trong ứng dụng", required=False, initial=in_app
            )
            self.fields[f"{kind.value}_email"] = forms.BooleanField(
                label="Qua thư điện tử", required=False, initial=email
            )
            self.kinds.append((kind.label, self[f"{kind.value}_in_app"], self[f"{kind.value}_email"]))

    def choices(self) -> dict[str, tuple[bool, bool]]:
        data = self.cleaned_data
        return {
            kind.value: (data[f"{kind.value}_in_app"], data[f"{kind.value}_email"])
            for kind in NotificationKind
        }
