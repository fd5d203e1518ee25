"""Input parsing for the agency tree pages; the rules themselves live in services."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from apps.core.versioning import VersionedForm

from .models import Agency, Person, Unit


class AgencyForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Agency
        fields = [
            "code",
            "name",
            "short_name",
            "level",
            "parent",
            "place_name",
            "document_symbol",
            "is_active",
        ]

    def __init__(self, *args: Any, parent_choices: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if parent_choices is not None:
            cast(forms.ModelChoiceField, self.fields["parent"]).queryset = parent_choices
        # Uniqueness and cycles are checked by the service with Vietnamese messages.
        self.fields["code"].validators = []

    def validate_unique(self) -> None:
        pass


class UnitForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "short_name", "kind", "parent", "is_focal", "aliases", "is_active"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parents = Unit.objects.filter(agency=agency)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        cast(forms.ModelChoiceField, self.fields["parent"]).queryset = parents

    def validate_unique(self) -> None:
        pass

    def validate_constraints(self, exclude: Any = None) -> None:
        pass


class PersonForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["full_name", "position", "unit", "email", "phone", "is_active"]

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = Unit.objects.filter(agency=agency)
