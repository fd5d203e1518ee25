"""Input parsing for the task edit page."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from apps.organizations.models import Person, Unit

from .models import Task


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.plan.reference_label} · {obj.ref} · {obj.title[:90]}"


class TaskEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    title = forms.CharField(label="Nội dung nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}))
    lead_units = forms.ModelMultipleChoiceField(
        label="Đơn vị chủ trì", queryset=Unit.objects.none(), required=False
    )
    cooperating_units = forms.ModelMultipleChoiceField(
        label="Đơn vị phối hợp", queryset=Unit.objects.none(), required=False
    )
    timeline_raw = forms.CharField(
        label="Thời gian thực hiện",
        max_length=255,
        required=False,
        help_text="Ví dụ: Quý III/2026; Hằng tháng; trước ngày 15/5/2026.",
    )
    deliverable = forms.CharField(
        label="Sản phẩm, kết quả", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    accountable = forms.ModelChoiceField(
        label="Người chịu trách nhiệm (rõ trách nhiệm)", queryset=Person.objects.none(), required=False
    )
    authority = forms.ModelChoiceField(
        label="Người nghiệm thu (rõ thẩm quyền)", queryset=Person.objects.none(), required=False
    )
    implements = TaskChoiceField(
        label="Thực hiện nhiệm vụ của kế hoạch cấp trên", queryset=Task.objects.none(), required=False
    )

    def __init__(self, *args: Any, task: Task, implementable: list[Task], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency_id=task.agency_id, is_active=True)
        people = Person.objects.filter(agency_id=task.agency_id, is_active=True)
        cast(forms.ModelMultipleChoiceField, self.fields["lead_units"]).queryset = units
        cast(forms.ModelMultipleChoiceField, self.fields["cooperating_units"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["accountable"]).queryset = people
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = people
        implements = cast(TaskChoiceField, self.fields["implements"])
        implements.queryset = Task.objects.filter(pk__in=[t.pk for t in implementable]).select_related("plan")
