from __future__ import annotations

from typing import Any

from django import forms

from . import registry


class SelectionForm(forms.Form):
    """The figures an agency publishes: ticked boxes, one per figure spec."""

    keys = forms.MultipleChoiceField(
        label="Số liệu công khai", required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keys = self.fields["keys"]
        assert isinstance(keys, forms.MultipleChoiceField)
        keys.choices = [(spec.key, spec.title) for spec in registry.all_specs()]
        keys.error_messages["invalid_choice"] = "Số liệu “%(value)s” không có trong danh mục công khai."
