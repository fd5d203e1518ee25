"""Input of the criteria set pages: one criterion's edit form, the copy-forward form, and the import of a
province's table (the upload form, then one small form per row of the preview)."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from typing import Any, cast

from django import forms

from apps.core.forms import VnDateField, points_as_text
from apps.core.forms import points_from_text as core_points
from apps.core.versioning import VersionedForm
from apps.indicators.models import Indicator
from apps.organizations.models import Agency

from .choices import METHOD_CHOICES, SetLevel
from .importer import ImportDraft
from .models import Criterion

RULE_HELP = (
    "Để trống nếu chấm trực tiếp hoặc cộng từ tiêu chí thành phần. Ví dụ: "
    '{"kind": "timeliness", "on_time": "1", "late": "0.5"} hoặc {"kind": "yes_no"}.'
)


def points_from_text(text: str) -> Decimal | None:
    return core_points(text, label="Điểm tối đa")


def rule_from_text(text: str) -> dict[str, Any] | None:
    """A rule typed as JSON; empty is None."""
    text = text.strip()
    if not text:
        return None
    try:
        rule = json.loads(text)
    except ValueError:
        raise forms.ValidationError("Quy tắc chấm không phải JSON hợp lệ (xem ví dụ bên dưới ô).") from None
    if not isinstance(rule, dict):
        raise forms.ValidationError('Quy tắc chấm phải là một bảng tham số JSON, ví dụ {"kind": "yes_no"}.')
    return rule


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
                self.initial["max_points"] = points_as_text(instance.max_points)
            if instance.rule is not None:
                self.initial["rule"] = json.dumps(instance.rule, ensure_ascii=False)

    def clean_max_points(self) -> Decimal | None:
        return points_from_text(self.cleaned_data.get("max_points") or "")

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


# --- import of a province's table --------------------------------------------------------------------------------


class SetImportForm(forms.Form):
    """The file and what the decision says about the set; the table itself is read by the service."""

    file = forms.FileField(
        label="Tệp bảng tiêu chí (.xlsx, .docx hoặc .csv)",
        help_text=(
            "Bảng cần các cột STT · Tiêu chí · Điểm tối đa · Hướng dẫn chấm điểm (có thể thêm Tài liệu kiểm chứng, "
            "Phương pháp đánh giá). Tệp Word: bảng trong tài liệu."
        ),
        error_messages={"required": "Hãy chọn tệp bảng tiêu chí.", "empty": "Tệp rỗng."},
    )
    name = forms.CharField(
        label="Tên bộ tiêu chí",
        required=False,
        max_length=255,
        help_text="Để trống: “Bộ tiêu chí Chỉ số CCHC cấp … năm …”.",
    )
    level = forms.ChoiceField(
        label="Cấp áp dụng",
        choices=SetLevel.choices,
        error_messages={"required": "Hãy chọn cấp áp dụng.", "invalid_choice": "Cấp áp dụng không hợp lệ."},
    )
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
    province = forms.ModelChoiceField(
        label="Tỉnh ban hành",
        queryset=Agency.objects.none(),
        empty_label=None,
        error_messages={
            "required": "Hãy chọn tỉnh ban hành.",
            "invalid_choice": "Hãy chọn một tỉnh bạn được quản lý bộ tiêu chí.",
        },
    )
    decision_number = forms.CharField(
        label="Số, ký hiệu quyết định",
        required=False,
        max_length=64,
        help_text="Ví dụ: 2211/QĐ-UBND. Cần có trước khi áp dụng bộ tiêu chí.",
    )
    decision_date = VnDateField(
        label="Ngày ban hành quyết định", required=False, help_text="Dạng dd/mm/yyyy, ví dụ 18/12/2026."
    )

    def __init__(self, *args: Any, provinces: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        ids = [province.pk for province in provinces]
        self.fields["province"].queryset = Agency.objects.filter(pk__in=ids).order_by("name")  # type: ignore[attr-defined]

    def header(self) -> dict[str, Any]:
        """What the draft keeps of the form, the name defaulting as the command line's does."""
        data = self.cleaned_data
        level = SetLevel(data["level"])
        name = data["name"].strip() or f"Bộ tiêu chí Chỉ số CCHC cấp {level.label.lower()} năm {data['year']}"
        return {
            "filename": data["file"].name,
            "name": name,
            "level": level.value,
            "year": data["year"],
            "province_id": data["province"].pk,
            "decision_number": data["decision_number"].strip(),
            "decision_date": data["decision_date"].isoformat() if data["decision_date"] else "",
        }


RULE = "rule"
MANUAL = "manual"


class PreviewRowForm(forms.Form):
    """One row of the preview: what the table said, as the user corrects it. The code and the place in the tree
    come from the server's copy, never from the form."""

    title = forms.CharField(
        label="Tên tiêu chí",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Hãy nhập tên tiêu chí."},
    )
    max_points = forms.CharField(label="Điểm tối đa", required=False, max_length=12)
    method = forms.ChoiceField(
        label="Phương pháp",
        choices=METHOD_CHOICES,
        error_messages={"invalid_choice": "Phương pháp chấm không hợp lệ."},
    )
    scoring = forms.ChoiceField(
        label="Cách chấm",
        choices=[(RULE, "Theo quy tắc"), (MANUAL, "Chấm thủ công")],
        error_messages={"required": "Hãy chọn cách chấm.", "invalid_choice": "Cách chấm không hợp lệ."},
    )
    rule = forms.CharField(
        label="Quy tắc chấm (JSON)",
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4, "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, code: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.code = code
        for name, label in (
            ("title", "Tên tiêu chí"),
            ("max_points", "Điểm tối đa của tiêu chí"),
            ("method", "Phương pháp của tiêu chí"),
            ("scoring", "Cách chấm tiêu chí"),
            ("rule", "Quy tắc chấm (JSON) của tiêu chí"),
        ):
            self.fields[name].widget.attrs["aria-label"] = f"{label} {code}"

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean_max_points(self) -> Decimal | None:
        return points_from_text(self.cleaned_data.get("max_points") or "")

    def clean_rule(self) -> dict[str, Any] | None:
        return rule_from_text(self.cleaned_data.get("rule") or "")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("scoring") == RULE and "rule" in data and data["rule"] is None:
            self.add_error(
                "rule",
                "Đã chọn “Theo quy tắc” nhưng chưa có quy tắc: nhập quy tắc hoặc chọn “Chấm thủ công”.",
            )
        return data


class PreviewTotalForm(forms.Form):
    total_points = forms.CharField(
        label="Tổng điểm của bộ tiêu chí",
        required=False,
        max_length=12,
        help_text="Các lĩnh vực phải cộng lại đúng tổng này. Để trống: tổng là tổng điểm các lĩnh vực.",
    )

    def clean_total_points(self) -> Decimal | None:
        return points_from_text(self.cleaned_data.get("total_points") or "")


def preview_forms(draft: ImportDraft, data: Any = None) -> tuple[PreviewTotalForm, list[PreviewRowForm]]:
    """The preview's forms, one per row of the server's draft (the form cannot add, drop or reorder rows)."""
    total = PreviewTotalForm(data, prefix="set", initial={"total_points": points_as_text(draft.total_points)})
    rows = [
        PreviewRowForm(
            data,
            code=row.code,
            prefix=f"c{index}",
            initial={
                "title": row.title,
                "max_points": points_as_text(row.max_points),
                "method": row.method,
                "scoring": RULE if row.rule is not None else MANUAL,
                "rule": "" if row.rule is None else json.dumps(row.rule, ensure_ascii=False),
            },
        )
        for index, row in enumerate(draft.rows)
    ]
    return total, rows


def preview_corrected(draft: ImportDraft, total: PreviewTotalForm, rows: list[PreviewRowForm]) -> ImportDraft:
    """The draft with the corrections of valid preview forms."""
    corrected = []
    for row, form in zip(draft.rows, rows, strict=True):
        data = form.cleaned_data
        corrected.append(
            replace(
                row,
                title=data["title"],
                max_points=None if data["max_points"] is None else str(data["max_points"]),
                method=data["method"],
                rule=data["rule"] if data["scoring"] == RULE else None,
            )
        )
    points = total.cleaned_data["total_points"]
    return replace(draft, rows=tuple(corrected), total_points=None if points is None else str(points))
