"""Forms of movements: a movement by hand, a registration, an initiative and its decision, a year's rating, the
spreadsheets imported (ratings, a contest table)."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import VnDateField
from apps.organizations.models import Person, Unit
from domain.rewards.forms import FORMS, Subject, forms_for

from ..choices import DisciplineMeasure, Grade, InitiativeScope, InitiativeStatus


def _form_choices(subject: Subject) -> list[tuple[str, str]]:
    return [(form.value, FORMS[form].label) for form in forms_for(subject)]


class MovementForm(forms.Form):
    name = forms.CharField(label="Tên phong trào", max_length=500)
    start_year = forms.IntegerField(label="Từ năm", min_value=2000, max_value=2100)
    end_year = forms.IntegerField(label="Đến năm", min_value=2000, max_value=2100)
    contents = forms.CharField(
        label="Nội dung thi đua",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        help_text="Mỗi dòng một nội dung.",
    )
    min_initiatives = forms.IntegerField(
        label="Số sáng kiến tối thiểu trong giai đoạn (tập thể)", min_value=0, max_value=100, required=False
    )
    min_outstanding_years = forms.IntegerField(
        label="Số năm hoàn thành xuất sắc tối thiểu trong giai đoạn (tập thể)",
        min_value=0,
        max_value=100,
        required=False,
    )


class RegistrationForm(forms.Form):
    """One registration: a person or a unit (collective) and the titles it aims for."""

    who = forms.ChoiceField(label="Đăng ký cho")
    person_forms = forms.MultipleChoiceField(
        label="Danh hiệu, hình thức (cá nhân)",
        choices=_form_choices(Subject.PERSON),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    unit_forms = forms.MultipleChoiceField(
        label="Danh hiệu, hình thức (tập thể)",
        choices=_form_choices(Subject.COLLECTIVE),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, people: list[Person], units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.units = {str(u.pk): u for u in units}
        who = self.fields["who"]
        assert isinstance(who, forms.ChoiceField)
        who.choices = [
            ("Tập thể", [(f"unit:{pk}", unit.name) for pk, unit in self.units.items()]),
            (
                "Cá nhân",
                [
                    (f"person:{pk}", f"{p.full_name}{f' — {p.unit.name}' if p.unit else ''}")
                    for pk, p in self.people.items()
                ],
            ),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, _, pk = str(data.get("who", "")).partition(":")
        data["person"] = self.people.get(pk) if kind == "person" else None
        data["unit"] = self.units.get(pk) if kind == "unit" else None
        data["forms"] = data.get("person_forms" if kind == "person" else "unit_forms") or []
        return data


class InitiativeForm(forms.Form):
    title = forms.CharField(label="Tên sáng kiến", widget=forms.Textarea(attrs={"rows": 2}))
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    authors = forms.ModelMultipleChoiceField(
        label="Tác giả",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    other_authors = forms.CharField(label="Đồng tác giả ngoài cơ quan", max_length=500, required=False)
    scope = forms.ChoiceField(label="Phạm vi ảnh hưởng", choices=InitiativeScope.choices)
    description = forms.CharField(
        label="Mô tả, hiệu quả", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    file = forms.FileField(label="Tệp sáng kiến", required=False)

    def __init__(self, *args: Any, people: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit_field = self.fields["unit"]
        assert isinstance(unit_field, forms.ModelChoiceField)
        unit_field.queryset = units
        authors_field = self.fields["authors"]
        assert isinstance(authors_field, forms.ModelMultipleChoiceField)
        authors_field.queryset = people


class InitiativeDecisionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label="Kết quả",
        choices=[c for c in InitiativeStatus.choices if c[0] != InitiativeStatus.PROPOSED],
        widget=forms.RadioSelect,
    )
    recognition_number = forms.CharField(label="Số quyết định", max_length=64, required=False)
    recognised_on = VnDateField(label="Ngày công nhận", required=False, past=True)
    recognised_by = forms.CharField(label="Cơ quan, hội đồng công nhận", max_length=255, required=False)
    scope = forms.ChoiceField(label="Phạm vi được công nhận", choices=InitiativeScope.choices, required=False)


class AnnualRatingForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    who = forms.ChoiceField(label="Cá nhân hoặc tập thể")
    grade = forms.ChoiceField(label="Xếp loại", choices=Grade.choices)
    discipline = forms.ChoiceField(
        label="Kỷ luật trong năm", choices=[("", "Không"), *DisciplineMeasure.choices], required=False
    )
    discipline_note = forms.CharField(label="Căn cứ kỷ luật", required=False, max_length=500)
    pending_review = forms.CharField(
        label="Đang xem xét kỷ luật, thanh tra, giải quyết khiếu nại", required=False, max_length=500
    )

    def __init__(
        self, *args: Any, people: list[Person], units: list[Unit], agency_name: str, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(p.pk): p for p in people}
        self.units = {str(u.pk): u for u in units}
        who = self.fields["who"]
        assert isinstance(who, forms.ChoiceField)
        who.choices = [
            ("Cá nhân", [(f"person:{pk}", p.full_name) for pk, p in self.people.items()]),
            (
                "Tập thể",
                [("agency:", agency_name)] + [(f"unit:{pk}", u.name) for pk, u in self.units.items()],
            ),
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, _, pk = str(data.get("who", "")).partition(":")
        data["person"] = self.people.get(pk) if kind == "person" else None
        data["unit"] = self.units.get(pk) if kind == "unit" else None
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx)")


class ContestUploadForm(forms.Form):
    group = forms.CharField(label="Khối, nhóm thi đua", max_length=128, required=False)
    file = forms.FileField(label="Bảng điểm (.xlsx, .csv hoặc .docx)")
