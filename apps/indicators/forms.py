"""Input parsing for the indicator pages: entered measurements, target links, published 766 points."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from apps.core.forms import PeriodField
from apps.core.versioning import VersionedForm
from apps.organizations.models import Agency, Unit
from domain.periods import PeriodError, parse_period

from .models import Indicator, ServiceIndexGroup


def _period(value: str) -> str:
    try:
        return parse_period(value).code
    except PeriodError as error:
        raise forms.ValidationError(str(error)) from error


class IndicatorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.unit})"


class MeasurementForm(forms.Form):
    indicator = IndicatorChoiceField(label="Chỉ số", queryset=Indicator.objects.none())
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    unit = forms.ModelChoiceField(
        label="Đơn vị (để trống: cả cơ quan)", queryset=Unit.objects.none(), required=False
    )
    period = PeriodField(label="Kỳ")
    value = forms.DecimalField(label="Giá trị", max_digits=14, decimal_places=4, required=False)
    numerator = forms.DecimalField(
        label="Tử số (nếu là tỷ lệ)", max_digits=14, decimal_places=2, required=False
    )
    denominator = forms.DecimalField(
        label="Mẫu số (nếu là tỷ lệ)", max_digits=14, decimal_places=2, required=False
    )
    evidence = forms.FileField(label="Minh chứng", required=False)
    note = forms.CharField(label="Ghi chú", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(
        self, *args: Any, indicators: QuerySet[Indicator], agencies: QuerySet[Agency], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["indicator"]).queryset = indicators
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = Unit.objects.filter(agency__in=agencies)

    def clean_period(self) -> str:
        return _period(self.cleaned_data["period"])


class TargetLinkForm(VersionedForm):
    indicator = IndicatorChoiceField(
        label="Chỉ số đo chỉ tiêu",
        queryset=Indicator.objects.none(),
        required=False,
        empty_label="Không đo bằng chỉ số",
    )
    assigned_value = forms.DecimalField(
        label="Mức được giao", max_digits=14, decimal_places=4, required=False
    )
    baseline_value = forms.DecimalField(
        label="Số liệu năm gốc", max_digits=14, decimal_places=4, required=False
    )

    def __init__(self, *args: Any, indicators: QuerySet[Indicator], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["indicator"]).queryset = indicators


class ServiceScoreForm(forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    month = forms.CharField(label="Tháng", max_length=7, help_text="Ví dụ 2026-03 hoặc 03/2026.")

    def __init__(
        self, *args: Any, agencies: QuerySet[Agency], groups: list[ServiceIndexGroup], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        for group in groups:
            self.fields[f"group_{group.code}"] = forms.DecimalField(
                label=f"{group.name} (tối đa {group.points:g})",
                max_digits=6,
                decimal_places=2,
                required=False,
                min_value=0,
                max_value=group.points,
            )
        self.group_codes = [group.code for group in groups]

    def points(self) -> dict[str, Any]:
        return {code: self.cleaned_data.get(f"group_{code}") for code in self.group_codes}


class ScoreImportForm(forms.Form):
    file = forms.FileField(label="Tệp điểm QĐ 766 (.csv hoặc .xlsx)")
