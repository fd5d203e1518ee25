"""Input of the decision pages: a draft over a council session, and the head's issue (number, date, signer)."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import VnDateField


class DecisionCreateForm(forms.Form):
    session = forms.TypedChoiceField(label="Phiên họp Hội đồng đã bỏ phiếu", coerce=int)
    signed_on = VnDateField(
        label="Ngày quyết định (dự kiến)",
        help_text="Tiền thưởng tính theo mức lương cơ sở áp dụng vào ngày này.",
    )
    title = forms.CharField(label="Trích yếu", max_length=500, required=False)
    money_source = forms.CharField(
        label="Nguồn tiền thưởng",
        max_length=255,
        required=False,
        help_text="Để trống: “Quỹ thi đua, khen thưởng của cơ quan”.",
    )

    def __init__(self, *args: Any, sessions: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = sessions  # type: ignore[attr-defined]


class DecisionIssueForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.CharField(label="Số, ký hiệu", max_length=64, help_text="Ví dụ 125/QĐ-SXD.")
    signed_on = VnDateField(label="Ngày ký")
    signer = forms.TypedChoiceField(label="Người ký", coerce=int)

    def __init__(self, *args: Any, signers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer"].choices = signers  # type: ignore[attr-defined]
