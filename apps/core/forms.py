"""Form fields every app shares: a date typed the Vietnamese way, within the years this system can mean."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class VnDateField(forms.DateField):
    """A date typed dd/mm/yyyy (ISO also read), refused outside 2000–2100, and after today when `past=True`
    (a date something happened on: received, replied, completed)."""

    input_formats = DATE_INPUTS
    default_error_messages = {"invalid": "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 18/12/2026)."}

    def __init__(self, *, past: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}))
        super().__init__(**kwargs)
        self.past = past

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value in self.empty_values:
            return
        if not EARLIEST <= value <= LATEST:
            raise ValidationError(
                "Ngày %(day)s nằm ngoài khoảng hệ thống ghi nhận (01/01/2000 – 31/12/2100).",
                code="out_of_range",
                params={"day": value.strftime("%d/%m/%Y")},
            )
        today = timezone.localdate()
        if self.past and value > today:
            raise ValidationError(
                "Ngày %(day)s chưa đến (hôm nay là %(today)s).",
                code="future",
                params={"day": value.strftime("%d/%m/%Y"), "today": today.strftime("%d/%m/%Y")},
            )


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
