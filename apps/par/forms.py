"""Input of the assessment pages: opening a round, one criterion's self-score, appraisal, explanation and survey
points, and the survey points file."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from apps.core.forms import VnDateField, points_as_text, points_from_text
from apps.core.versioning import VersionedForm
from apps.scoring.models import CriteriaSet
from domain.scoring.entries import Entry, InputKind

from .choices import Verdict


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def points_field(label: str = "Điểm") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 6, "placeholder": "ví dụ 1,5"}),
    )


VALUE_LABELS = {
    InputKind.RATE: "Tỷ lệ (%)",
    InputKind.YES_NO: "Có / Không",
    InputKind.TIMELINESS: "Tình trạng",
    InputKind.ANSWER: "Đáp án",
    InputKind.COUNT: "Số lượng",
    InputKind.COUNTS: "Số lượng từng kỳ (cách nhau bởi dấu phẩy)",
    InputKind.AMOUNT: "Số điểm",
}
CHOICES = {
    InputKind.YES_NO: [("", "—"), ("có", "Có"), ("không", "Không")],
    InputKind.TIMELINESS: [
        ("", "—"),
        ("on_time", "Kịp thời"),
        ("late", "Không kịp thời"),
        ("missing", "Không thực hiện"),
    ],
}


class EntryForm(VersionedForm):
    """A figure for the criterion's rule, or points given directly, or "không áp dụng"; a reason where needed."""

    value = forms.CharField(required=False, max_length=200)
    points = points_field("Hoặc nhập điểm trực tiếp")
    not_applicable = forms.BooleanField(label="Không áp dụng với cơ quan", required=False)
    reason = forms.CharField(
        label="Lý do", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, kind: InputKind, answers: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.kind = kind
        if kind in (InputKind.POINTS, InputKind.NONE):
            del self.fields["value"]
            self.fields["points"].label = "Điểm"
        else:
            field = self.fields["value"]
            field.label = VALUE_LABELS[kind]
            if kind in CHOICES:
                self.fields["value"] = forms.ChoiceField(
                    label=field.label, required=False, choices=CHOICES[kind]
                )
            elif kind == InputKind.ANSWER and answers:
                self.fields["value"] = forms.ChoiceField(
                    label=field.label, required=False, choices=[("", "—"), *[(a, a) for a in answers]]
                )

    def clean_points(self) -> Decimal | None:
        return points_from_text(self.cleaned_data.get("points", ""))

    def entry(self) -> Entry:
        data = self.cleaned_data
        return Entry(
            value=str(data.get("value") or ""),
            points=data.get("points"),
            not_applicable=bool(data.get("not_applicable")),
            reason=data.get("reason", ""),
        )

    @staticmethod
    def initial_from(entry: Entry) -> dict[str, Any]:
        return {
            "value": entry.value,
            "points": points_as_text(entry.points),
            "not_applicable": entry.not_applicable,
            "reason": entry.reason,
        }


class SelfScoreForm(EntryForm):
    comment = forms.CharField(
        label="Thuyết minh, giải thích (nơi chưa có tài liệu kiểm chứng)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    evidence_files = MultipleFileField(label="Tài liệu kiểm chứng (PDF, Word, Excel, ảnh)")


class AppraisalForm(EntryForm):
    verdict = forms.ChoiceField(label="Kết luận", choices=Verdict.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, review: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = "Lý do điều chỉnh"
        if review:
            verdict = self.fields["verdict"]
            assert isinstance(verdict, forms.ChoiceField)
            verdict.choices = [
                (Verdict.ACCEPTED, "Giữ điểm thẩm định lần đầu (không chấp nhận giải trình)"),
                (Verdict.ADJUSTED, "Điều chỉnh lại theo giải trình"),
            ]
            self.fields["reason"].label = "Lý do (trả lời giải trình)"
        self.fields.pop("not_applicable")
        self.order_fields(["verdict", "value", "points", "reason"])


class ExplanationForm(VersionedForm):
    response = forms.CharField(
        label="Nội dung giải trình", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    evidence_files = MultipleFileField(label="Tài liệu kiểm chứng bổ sung")


class SetChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.year}) — {obj.agency.name if obj.agency else ''}"


class OpenRoundForm(forms.Form):
    criteria_set = SetChoiceField(label="Bộ tiêu chí", queryset=CriteriaSet.objects.none(), empty_label=None)
    self_deadline = VnDateField(label="Hạn nộp tự đánh giá")
    appraisal_deadline = VnDateField(label="Hạn thẩm định")
    explanation_deadline = VnDateField(label="Hạn giải trình")
    final_deadline = VnDateField(label="Hạn chốt kết quả")
    groups = forms.CharField(
        label="Nhóm xếp hạng (tên ≥ ngưỡng %)",
        required=False,
        initial="A ≥ 90; B ≥ 80; C ≥ 70; D ≥ 0",
        help_text="Ví dụ: A ≥ 90; B ≥ 80; C ≥ 70; D ≥ 0",
        max_length=200,
    )

    def __init__(self, *args: Any, sets: list[CriteriaSet], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["criteria_set"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = CriteriaSet.objects.filter(pk__in=[s.pk for s in sets]).select_related("agency")

    def clean_groups(self) -> list[dict[str, str]]:
        text = self.cleaned_data.get("groups", "").strip()
        if not text:
            return []
        groups = []
        for part in text.split(";"):
            if not part.strip():
                continue
            label, sep, minimum = part.replace(">=", "≥").partition("≥")
            if not sep or not label.strip() or not minimum.strip():
                raise forms.ValidationError(f"“{part.strip()}”: hãy viết theo dạng “A ≥ 90”.")
            groups.append({"label": label.strip(), "min": minimum.strip().rstrip("%").replace(",", ".")})
        return groups


class SurveyImportForm(forms.Form):
    file = forms.FileField(label="Tệp điểm điều tra xã hội học (.xlsx hoặc .csv)")


class PublishForm(VersionedForm):
    decision_number = forms.CharField(label="Số quyết định công bố", required=False, max_length=64)
