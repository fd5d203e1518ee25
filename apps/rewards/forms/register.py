"""Input of the register pages: the filters of the list, and a past award copied from the paper register."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from apps.core.forms import VnDateField

from ..choices import AwardFormChoice, SubjectChoice

ANY: list[tuple[Any, Any]] = [("", "Tất cả")]


class RegisterFilterForm(forms.Form):
    year = forms.TypedChoiceField(label="Năm", coerce=int, required=False, empty_value=None)
    form = forms.ChoiceField(
        label="Danh hiệu, hình thức", required=False, choices=ANY + AwardFormChoice.choices
    )
    subject = forms.ChoiceField(label="Đối tượng", required=False, choices=ANY + SubjectChoice.choices)
    unit = forms.TypedChoiceField(label="Đơn vị", coerce=int, required=False, empty_value=None)

    def __init__(self, *args: Any, years: list[int], units: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = ANY + [(year, str(year)) for year in years]  # type: ignore[attr-defined]
        self.fields["unit"].choices = ANY + units  # type: ignore[attr-defined]


class AwardEnterForm(forms.Form):
    subject = forms.ChoiceField(label="Đối tượng", choices=SubjectChoice.choices)
    person = forms.TypedChoiceField(
        label="Cá nhân", coerce=int, required=False, empty_value=None, help_text="Với khen thưởng cá nhân."
    )
    unit = forms.TypedChoiceField(
        label="Tập thể",
        coerce=int,
        required=False,
        empty_value=None,
        help_text="Với khen thưởng tập thể; để trống là tập thể cơ quan.",
    )
    form = forms.ChoiceField(label="Danh hiệu, hình thức", choices=AwardFormChoice.choices)
    year = forms.IntegerField(
        label="Năm thành tích",
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "2025"}),
    )
    decision_label = forms.CharField(
        label="Quyết định (ghi như trong sổ)", max_length=255, help_text="Ví dụ: 210/QĐ-SXD ngày 25/12/2024."
    )
    decided_on = VnDateField(label="Ngày quyết định", past=True)
    achievement = forms.CharField(
        label="Thành tích", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    achievement_key = forms.CharField(
        label="Mã thành tích",
        max_length=255,
        required=False,
        help_text="Để trống nếu không có; cùng một mã thành tích chỉ được khen thưởng một lần.",
    )
    prize_amount = forms.CharField(
        label="Tiền thưởng (đồng)",
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(
        self, *args: Any, people: list[tuple[int, str]], units: list[tuple[int, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [("", "—"), *people]  # type: ignore[attr-defined]
        self.fields["unit"].choices = [("", "— Cơ quan —"), *units]  # type: ignore[attr-defined]

    def clean_prize_amount(self) -> Decimal | None:
        """An amount typed the Vietnamese way: "2.340.000" or "2340000"; empty is none."""
        text = (self.cleaned_data.get("prize_amount") or "").replace(".", "").replace(" ", "")
        if not text:
            return None
        if not text.isdigit() or len(text) > 12:
            raise forms.ValidationError("Tiền thưởng là số đồng, ví dụ 2.340.000.")
        return Decimal(text)
