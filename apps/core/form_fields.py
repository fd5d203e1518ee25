"""Fields and widgets every form and filter shares: a date shown and typed dd/mm/yyyy, within the years this system
can mean; a period picked by its Vietnamese name ("Quý I/2026") instead of typed as a code."""

from __future__ import annotations

import contextlib
from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from domain.periods import PeriodError, parse_period

DATE_INPUTS = ["%d/%m/%Y", "%Y-%m-%d"]
EARLIEST = date(2000, 1, 1)
LATEST = date(2100, 12, 31)


class VnDateInput(forms.DateInput):
    """A date shown and typed as dd/mm/yyyy; cchc.js adds a calendar button that writes the picked day back."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off", "size": "10"}
        defaults["data-date-input"] = ""
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


class VnDateField(forms.DateField):
    """A date typed dd/mm/yyyy (ISO also read), refused outside 2000–2100, and after today when `past=True`
    (a date something happened on: received, replied, completed)."""

    input_formats = DATE_INPUTS
    default_error_messages = {"invalid": "Ngày không hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 18/12/2026)."}

    def __init__(self, *, past: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("widget", VnDateInput())
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


_ROMAN = ("I", "II", "III", "IV")


def period_name(code: str) -> str:
    """`2026-03` → "Tháng 3/2026", `2026-Q1` → "Quý I/2026", `2026-H1` → "6 tháng đầu năm 2026", `2026` → "Năm 2026"."""
    period = parse_period(code)
    if period.kind == "month":
        return f"Tháng {period.start.month}/{period.year}"
    if period.kind == "quarter":
        return f"Quý {_ROMAN[(period.start.month - 1) // 3]}/{period.year}"
    return period.label


ALL_KINDS = ("year", "half", "quarter", "month")


def period_choices(
    years: range, kinds: tuple[str, ...] = ALL_KINDS
) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every period of each year, newest year first, grouped by year: the year, its halves, quarters, months."""
    groups = []
    for year in sorted(years, reverse=True):
        codes = [str(year)] if "year" in kinds else []
        codes += [f"{year}-H1", f"{year}-H2"] if "half" in kinds else []
        codes += [f"{year}-Q{quarter}" for quarter in range(1, 5)] if "quarter" in kinds else []
        codes += [f"{year}-{month:02d}" for month in range(1, 13)] if "month" in kinds else []
        groups.append((f"Năm {year}", [(code, period_name(code)) for code in codes]))
    return groups


def default_years() -> range:
    this_year = timezone.localdate().year
    return range(this_year - 3, this_year + 2)


class PeriodSelect(forms.Select):
    """A list of periods by their Vietnamese names whose values are the codes URLs and the API use; a code from
    outside the listed years (an old link) is still shown, by its name."""

    def __init__(
        self,
        attrs: dict[str, Any] | None = None,
        *,
        empty_label: str | None = None,
        kinds: tuple[str, ...] = ALL_KINDS,
    ) -> None:
        super().__init__(attrs)
        self.empty_label = empty_label
        self.kinds = kinds

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        groups = period_choices(default_years(), self.kinds)
        choices: list[Any] = [("", self.empty_label)] if self.empty_label is not None else []
        choices += groups
        code = str(value or "")
        known = {option for _group, options in groups for option, _label in options}
        if code and code.upper() not in known and code not in known:
            with contextlib.suppress(PeriodError):
                choices.insert(0, (parse_period(code).code, period_name(code)))
        self.choices = choices
        return super().get_context(name, value, attrs)


class PeriodField(forms.CharField):
    """A period picked from PeriodSelect (or typed as a code through the API); cleaned to its code."""

    def __init__(
        self, *, empty_label: str | None = None, kinds: tuple[str, ...] = ALL_KINDS, **kwargs: Any
    ) -> None:
        kwargs.setdefault("widget", PeriodSelect(empty_label=empty_label, kinds=kinds))
        kwargs.setdefault("max_length", 8)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}  # no maxlength on a list

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if value:
            try:
                return parse_period(value).code
            except PeriodError as error:
                raise forms.ValidationError(str(error)) from error
        return value
