"""Input of the criteria set pages: one criterion's edit form and the copy-forward form."""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from django import forms

from apps.core.versioning import VersionedForm
from apps.indicators.models import Indicator
from apps.organizations.models import Agency

from .choices import METHOD_CHOICES
from .models import Criterion

RULE_HELP = (
    "Để trống nếu chấm trực tiếp hoặc cộng từ tiêu chí thành phần. Ví dụ: "
    '{"kind": "timeliness", "on_time": "1", "late": "0.5"} hoặc {"kind": "yes_no"}.'
)


class CriterionForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["title", "method", "evidence", "guide", "unverified", "source"]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "evidence": forms.Textarea(attrs={"rows": 2}),
            "guide": forms.Textarea(attrs={"rows": 3}),
        }

    max_points = forms.CharField(
        label="Điểm tối đa",
        required=False,
        max_length=12,
        help_text="Ví dụ 1 hoặc 0,5. Để trống ở tiêu chí có tiêu chí thành phần: điểm tối đa là tổng của chúng.",
    )
    method = forms.ChoiceField(label="Phương pháp", choices=METHOD_CHOICES)
    rule = forms.CharField(
        label="Quy tắc chấm (JSON)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=RULE_HELP,
    )

    source = forms.ChoiceField(
        label="Nguồn số liệu (tiêu chí tính từ dữ liệu)",
        required=False,
        help_text="Chỉ số trong danh mục mà điểm của tiêu chí được tính theo, cho cơ quan và năm đánh giá.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        catalogue = Indicator.objects.order_by("group__order", "order", "code").values_list("code", "name")
        choices = [("", "— không tính từ dữ liệu —"), *dict(catalogue).items()]
        cast(forms.ChoiceField, self.fields["source"]).choices = choices
        instance = self.instance
        if not self.is_bound and instance.pk is not None:
            if instance.max_points is not None:
                self.initial["max_points"] = f"{instance.max_points.normalize():f}".replace(".", ",")
            if instance.rule is not None:
                self.initial["rule"] = json.dumps(instance.rule, ensure_ascii=False)

    def clean_max_points(self) -> Decimal | None:
        text = (self.cleaned_data.get("max_points") or "").strip()
        if not text:
            return None
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(f"“{text}” không phải là một số.") from None
        if not value.is_finite() or value < 0:
            raise forms.ValidationError("Điểm tối đa phải là một số không âm.")
        if value >= 100000:
            raise forms.ValidationError("Điểm tối đa quá lớn.")
        return value

    def clean_rule(self) -> Any:
        text = (self.cleaned_data.get("rule") or "").strip()
        if not text:
            return None
        try:
            return json.loads(text)
        except ValueError:
            raise forms.ValidationError(
                "Quy tắc chấm không phải JSON hợp lệ (xem ví dụ bên dưới ô)."
            ) from None


class CopyForm(forms.Form):
    year = forms.IntegerField(
        label="Năm áp dụng",
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Hãy nhập năm áp dụng.",
            "invalid": "Năm áp dụng phải là một số.",
            "min_value": "Năm áp dụng phải từ 2000 đến 2100.",
            "max_value": "Năm áp dụng phải từ 2000 đến 2100.",
        },
    )
    name = forms.CharField(label="Tên bộ mới", required=False, max_length=255)
    province = forms.ModelChoiceField(
        label="Tỉnh nhận bản sao",
        queryset=Agency.objects.none(),
        required=False,
        error_messages={"invalid_choice": "Hãy chọn một tỉnh bạn được quản lý bộ tiêu chí."},
    )

    def __init__(self, *args: Any, provinces: list[Agency] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [province.pk for province in provinces or []]
        self.fields["province"].queryset = Agency.objects.filter(pk__in=ids).order_by("name")  # type: ignore[attr-defined]
