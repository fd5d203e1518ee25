"""Input parsing for the task edit page."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from apps.core.forms import VnDateField
from apps.core.versioning import VersionedForm
from apps.organizations.models import Person, Unit
from domain.vntext import find_date_problems

from .models import Task


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.plan.reference_label} · {obj.ref} · {obj.title[:90]}"


class TaskEditForm(VersionedForm):
    title = forms.CharField(
        label="Nội dung nhiệm vụ", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
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

    def clean_timeline_raw(self) -> str:
        """A date that does not exist ("31/02/2026") is refused here, where a person typed it; an import
        keeps it and flags the task for review instead."""
        value = self.cleaned_data["timeline_raw"]
        problems = find_date_problems(value)
        if problems:
            raise forms.ValidationError(" ".join(problem.reason for problem in problems))
        return value


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ProgressForm(VersionedForm):
    percent = forms.IntegerField(
        label="Tiến độ (%)",
        min_value=0,
        max_value=100,
        error_messages={"max_value": "Tiến độ không quá 100%%.", "min_value": "Tiến độ không nhỏ hơn 0%%."},
    )
    note = forms.CharField(
        label="Nội dung đã làm", widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=5000
    )
    reason = forms.CharField(label="Lý do (khi điều chỉnh giảm tiến độ)", required=False, max_length=1000)
    links = forms.CharField(
        label="Đường dẫn minh chứng (mỗi dòng một đường dẫn)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 1}),
        max_length=4000,
    )
    evidence = MultipleFileField(label="Tệp minh chứng (PDF, Word, Excel, ảnh)", required=False)
    complete = forms.BooleanField(
        label="Báo cáo hoàn thành (gửi người có thẩm quyền nghiệm thu)", required=False
    )
    completed_on = VnDateField(label="Ngày hoàn thành (dd/mm/yyyy)", past=True, required=False)


_DRAFT_FIELDS = ("percent", "note", "reason", "links", "completed_on", "complete")


def progress_draft_keep(session: Any, occurrence_id: int, posted: Any) -> None:
    """What a person typed in a refused progress form, so the page they return to shows it again."""
    session[f"progress-draft-{occurrence_id}"] = {
        name: posted.get(name, "") for name in _DRAFT_FIELDS if posted.get(name, "")
    }


def progress_draft_take(session: Any, occurrence_id: int) -> dict[str, str] | None:
    """The kept draft of one occurrence, once (None when there is none)."""
    draft = session.pop(f"progress-draft-{occurrence_id}", None)
    return draft if isinstance(draft, dict) else None


class DecisionForm(VersionedForm):
    decision = forms.ChoiceField(choices=[("accept", "Nghiệm thu"), ("return", "Trả lại")])
    reason = forms.CharField(label="Lý do trả lại", required=False, max_length=2000)


class TriggerForm(forms.Form):
    document = forms.CharField(
        label="Văn bản, sự kiện (ví dụ: Công văn số 12/SNV-CCHC ngày 05/3/2026)", max_length=255
    )
    occurred_on = VnDateField(label="Ngày (dd/mm/yyyy)", past=True)
    working_days = forms.IntegerField(
        label="Số ngày làm việc để hoàn thành", min_value=1, max_value=365, required=False
    )


class PersonChoiceField(forms.ModelChoiceField):
    """A person with their unit, since two staff of an agency may share a name."""

    def label_from_instance(self, obj: Any) -> str:
        unit = getattr(obj, "unit", None)
        position = getattr(obj, "position", "")
        details = ", ".join(part for part in (position, unit.name if unit else "") if part)
        return f"{obj.full_name} ({details})" if details else obj.full_name


class TaskBulkAssignForm(forms.Form):
    """Lead unit, accountable person and authority for many tasks of one agency at once."""

    lead_unit = forms.ModelChoiceField(
        label="Đơn vị chủ trì",
        queryset=Unit.objects.none(),
        required=False,
        empty_label="Giữ nguyên",
        help_text="Một đơn vị chịu trách nhiệm chính (rõ người).",
    )
    accountable = PersonChoiceField(
        label="Người chịu trách nhiệm",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Giữ nguyên",
        help_text="Người trả lời về kết quả của nhiệm vụ (rõ trách nhiệm).",
    )
    authority = PersonChoiceField(
        label="Người nghiệm thu",
        queryset=Person.objects.none(),
        required=False,
        empty_label="Giữ nguyên",
        help_text="Cấp có thẩm quyền nghiệm thu, đánh giá kết quả (rõ thẩm quyền).",
    )
    only_empty = forms.BooleanField(
        label="Chỉ điền vào chỗ còn trống (nhiệm vụ đã giao rồi thì giữ nguyên)",
        required=False,
        initial=True,
    )

    def __init__(self, *args: Any, agency_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency_id=agency_id, is_active=True).order_by("name")
        people = (
            Person.objects.filter(agency_id=agency_id, is_active=True)
            .select_related("unit")
            .order_by("full_name")
        )
        cast(forms.ModelChoiceField, self.fields["lead_unit"]).queryset = units
        cast(forms.ModelChoiceField, self.fields["accountable"]).queryset = people
        cast(forms.ModelChoiceField, self.fields["authority"]).queryset = people
        for name in ("lead_unit", "accountable", "authority"):
            self.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-help"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("lead_unit") or data.get("accountable") or data.get("authority")):
            raise forms.ValidationError(
                "Hãy chọn ít nhất một trong: đơn vị chủ trì, người chịu trách nhiệm, người nghiệm thu."
            )
        return data
