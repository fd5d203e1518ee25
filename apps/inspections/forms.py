"""Input of the inspection pages: the plan of the year, an inspection, its results, a finding, a remediation."""

from __future__ import annotations

from typing import Any

from django import forms

from apps.core.forms import VnDateField
from apps.organizations.models import Person, Unit
from domain import inspections as rules_of
from domain.reform_areas import REFORM_AREAS

from .models import Inspection

MODE_CHOICES = list(rules_of.MODE_LABELS.items())
RESULT_CHOICES = [("", "— Chưa đánh giá —"), *rules_of.RESULT_LABELS.items()]


class PlanForm(forms.Form):
    year = forms.IntegerField(label="Năm", min_value=2000, max_value=2100)
    title = forms.CharField(label="Tên kế hoạch", max_length=255, required=False)
    unit_target = forms.DecimalField(
        label="Tỷ lệ đơn vị được kiểm tra tối thiểu (%)",
        min_value=0,
        max_value=100,
        initial=20,
        required=False,
    )
    digital_target = forms.DecimalField(
        label="Tỷ lệ cuộc kiểm tra trên hệ thống số tối thiểu (%)",
        min_value=0,
        max_value=100,
        initial=70,
        required=False,
    )


class InspectionForm(forms.Form):
    target = forms.ChoiceField(label="Đơn vị được kiểm tra")
    scheduled_on = VnDateField(label="Thời gian dự kiến")
    mode = forms.ChoiceField(label="Hình thức", choices=MODE_CHOICES)
    areas = forms.MultipleChoiceField(
        label="Lĩnh vực kiểm tra",
        choices=[(area.code, area.name) for area in REFORM_AREAS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    checklist = forms.CharField(
        label="Hoặc danh mục nội dung kiểm tra (mỗi dòng một nội dung)",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    team = forms.CharField(
        label="Đoàn kiểm tra (mỗi dòng: Họ tên, chức vụ — vai trò)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args: Any, units: list[Any], children: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices: list[Any] = [("", "— Chọn —")]
        if units:
            choices.append(("Đơn vị của cơ quan", [(f"unit:{u.pk}", u.name) for u in units]))
        if children:
            choices.append(("Cơ quan trực thuộc", [(f"agency:{a.pk}", a.name) for a in children]))
        target = self.fields["target"]
        assert isinstance(target, forms.ChoiceField)
        target.choices = choices


class RecordForm(forms.Form):
    held_on = VnDateField(label="Ngày kiểm tra", past=True)
    mode = forms.ChoiceField(label="Hình thức", choices=MODE_CHOICES)
    location = forms.CharField(label="Địa điểm", max_length=255, required=False)
    team = forms.CharField(
        label="Đoàn kiểm tra (mỗi dòng: Họ tên, chức vụ — vai trò)",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    representatives = forms.CharField(
        label="Đại diện đơn vị được kiểm tra (mỗi dòng: Họ tên, chức vụ)",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    conclusion = forms.CharField(label="Kết luận", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args: Any, inspection: Inspection, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "held_on": inspection.held_on,
                "mode": inspection.mode,
                "location": inspection.location,
                "team": inspection.team,
                "representatives": inspection.representatives,
                "conclusion": inspection.conclusion,
            },
        )
        super().__init__(*args, **kwargs)
        self.items = list(inspection.checklist.all())
        for item in self.items:
            self.fields[f"result_{item.pk}"] = forms.ChoiceField(
                label=item.text, choices=RESULT_CHOICES, required=False, initial=item.result
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label="Ghi chú", max_length=1000, required=False, initial=item.note
            )

    def results(self) -> dict[int, tuple[str, str]]:
        data = self.cleaned_data
        return {item.pk: (data[f"result_{item.pk}"], data[f"note_{item.pk}"]) for item in self.items}

    def item_rows(self) -> list[tuple[Any, Any, Any]]:
        return [(item, self[f"result_{item.pk}"], self[f"note_{item.pk}"]) for item in self.items]


class FindingForm(forms.Form):
    text = forms.CharField(label="Tồn tại, hạn chế", widget=forms.Textarea(attrs={"rows": 2}))


class RemediationForm(forms.Form):
    title = forms.CharField(label="Nội dung khắc phục", max_length=1000)
    lead_unit = forms.ModelChoiceField(label="Đơn vị chủ trì", queryset=Unit.objects.none(), required=False)
    accountable = forms.ModelChoiceField(
        label="Người chịu trách nhiệm", queryset=Person.objects.none(), required=False
    )
    due_on = VnDateField(label="Thời hạn", required=False)
    deliverable = forms.CharField(label="Sản phẩm", max_length=500, required=False)

    def __init__(self, *args: Any, agency_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lead = self.fields["lead_unit"]
        people = self.fields["accountable"]
        assert isinstance(lead, forms.ModelChoiceField) and isinstance(people, forms.ModelChoiceField)
        lead.queryset = Unit.objects.filter(agency_id=agency_id or 0, is_active=True)
        people.queryset = Person.objects.filter(agency_id=agency_id or 0, is_active=True)
        lead.empty_label = people.empty_label = "— Chọn —"
