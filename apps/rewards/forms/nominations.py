"""Forms of nominations: propose, add a document, return with a reason, the chair's override."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from apps.organizations.models import Agency
from domain.rewards.facts import DECLARATIONS

from ..choices import AwardFormChoice, DocumentKind
from ..selectors.nominations import nominee_people, nominee_units, proof_initiatives


class NominationForm(forms.Form):
    nominee = forms.ChoiceField(label="Cá nhân, tập thể được đề nghị")
    form = forms.ChoiceField(label="Danh hiệu, hình thức", choices=AwardFormChoice.choices)
    year = forms.IntegerField(label="Năm thành tích", min_value=2000, max_value=2100)
    achievement = forms.CharField(label="Thành tích tóm tắt", widget=forms.Textarea(attrs={"rows": 3}))
    declarations = forms.MultipleChoiceField(
        label="Đơn vị xác nhận trong biên bản bình xét",
        choices=list(DECLARATIONS.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Những tiêu chuẩn chỉ đơn vị đánh giá được; để trống là chưa xác nhận.",
    )

    def __init__(self, *args: Any, agency: Agency, unit_ids: set[int] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = [
            (f"person:{p.pk}", f"{p.full_name} — {p.unit or 'chưa có đơn vị'}")
            for p in nominee_people(agency=agency, unit_ids=unit_ids)
        ]
        units = [(f"unit:{u.pk}", u.name) for u in nominee_units(agency=agency, unit_ids=unit_ids)]
        choices: list[Any] = [("", "— Chọn —"), ("Cá nhân", people), ("Tập thể", units)]
        if unit_ids is None:
            choices.append(("Cơ quan", [(f"agency:{agency.pk}", agency.name)]))
        cast(forms.ChoiceField, self.fields["nominee"]).choices = choices

    def nominee_parts(self) -> tuple[str, int]:
        kind, _, raw = self.cleaned_data["nominee"].partition(":")
        return kind, int(raw)


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label="Loại tài liệu", choices=DocumentKind.choices)
    file = forms.FileField(label="Tệp (PDF, Word, ảnh)")
    initiative = forms.TypedChoiceField(
        label="Sáng kiến (với minh chứng sáng kiến)", required=False, coerce=int, empty_value=None
    )
    note = forms.CharField(label="Ghi chú", required=False, max_length=255)

    def __init__(self, *args: Any, nomination: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        rows = proof_initiatives(nomination=nomination)
        cast(forms.ChoiceField, self.fields["initiative"]).choices = [("", "—")] + [
            (i.pk, f"{i.title} ({i.get_status_display().lower()})") for i in rows
        ]


class ReasonForm(forms.Form):
    reason = forms.CharField(label="Lý do", widget=forms.Textarea(attrs={"rows": 2}))
