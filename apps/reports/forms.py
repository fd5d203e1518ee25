"""Input parsing for report pages: schedule, new report, header and texts, a unit's part, sending, templates."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from apps.core.forms import PeriodField, VnDateField
from apps.core.versioning import VersionedForm
from apps.organizations.models import Agency

from .choices import PeriodKind, ReportType

_AREA_FIELD = "section_"


def _lines(value: str) -> list[str]:
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class ReportCreateForm(forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    report_type = forms.ChoiceField(label="Loại báo cáo", choices=ReportType.choices)
    period_code = PeriodField(label="Kỳ báo cáo")

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies


class ScheduleForm(VersionedForm):
    enabled = forms.BooleanField(label="Phải báo cáo", required=False)
    period_kind = forms.ChoiceField(label="Kỳ", choices=PeriodKind.choices)
    periods = forms.CharField(
        label="Các kỳ trong năm", required=False, help_text="Số thứ tự, cách nhau bằng dấu phẩy: 1, 3"
    )
    cutoff_day = forms.IntegerField(label="Ngày chốt số liệu", min_value=0, max_value=28)
    deadline_day = forms.IntegerField(label="Hạn gửi: ngày", min_value=1, max_value=31)
    deadline_offset_months = forms.IntegerField(label="Hạn gửi: lệch tháng", min_value=-11, max_value=3)
    recipients = forms.CharField(
        label="Nơi nhận",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Mỗi dòng một nơi nhận.",
    )

    def clean_periods(self) -> list[int]:
        parts = [part.strip() for part in self.cleaned_data.get("periods", "").replace(";", ",").split(",")]
        numbers = []
        for part in parts:
            if not part:
                continue
            if not part.isdigit():
                raise forms.ValidationError(f"“{part}” không phải số thứ tự kỳ.")
            numbers.append(int(part))
        return numbers

    def clean_recipients(self) -> list[str]:
        return _lines(self.cleaned_data.get("recipients", ""))


class ReportEditForm(VersionedForm):
    """The header and every text of a report; the areas' texts are added per area."""

    number = forms.CharField(label="Số", max_length=16, required=False)
    symbol = forms.CharField(label="Ký hiệu", max_length=64, required=False)
    issued_on = VnDateField(label="Ngày ban hành", required=False)
    place = forms.CharField(label="Địa danh", max_length=64, required=False)
    subject = forms.CharField(label="Trích yếu", widget=forms.Textarea(attrs={"rows": 2}))
    signer_title = forms.CharField(
        label="Chức vụ người ký",
        max_length=128,
        required=False,
        help_text="Ví dụ: KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
    )
    signer = forms.CharField(label="Người ký", max_length=128, required=False)
    recipients = forms.CharField(
        label="Nơi nhận",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Mỗi dòng một nơi nhận.",
    )
    opening = forms.CharField(
        label="Mở đầu (căn cứ)", required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    overview = forms.CharField(
        label="I. Kết quả chung", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    strengths = forms.CharField(label="Ưu điểm", required=False, widget=forms.Textarea(attrs={"rows": 4}))
    weaknesses = forms.CharField(
        label="Tồn tại, hạn chế và nguyên nhân", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    next_tasks = forms.CharField(
        label="Nhiệm vụ trọng tâm kỳ tới", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label="Đề xuất, kiến nghị", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    closing = forms.CharField(label="Câu kết", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        for code, name in areas:
            self.fields[f"{_AREA_FIELD}{code}"] = forms.CharField(
                label=name, required=False, widget=forms.Textarea(attrs={"rows": 6})
            )

    def clean_recipients(self) -> list[str]:
        return _lines(self.cleaned_data.get("recipients", ""))

    def area_fields(self) -> list[forms.BoundField]:
        return [self[f"{_AREA_FIELD}{code}"] for code, _ in self.areas]

    def changes(self) -> dict[str, Any]:
        data = super().changes()
        data["sections"] = {code: data.pop(f"{_AREA_FIELD}{code}", "") for code, _ in self.areas}
        return data


class ContributionForm(VersionedForm):
    difficulties = forms.CharField(
        label="Khó khăn, vướng mắc", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposals = forms.CharField(
        label="Đề xuất, kiến nghị", required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        for code, name in areas:
            self.fields[f"{_AREA_FIELD}{code}"] = forms.CharField(
                label=name, required=False, widget=forms.Textarea(attrs={"rows": 5})
            )

    def area_fields(self) -> list[forms.BoundField]:
        return [self[f"{_AREA_FIELD}{code}"] for code, _ in self.areas]

    def sections(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"{_AREA_FIELD}{code}", "") for code, _ in self.areas}


class SendForm(forms.Form):
    number = forms.CharField(label="Số báo cáo", max_length=32, help_text="Chỉ phần số, ví dụ 125.")
    issued_on = VnDateField(label="Ngày ban hành", required=False)
    sent_on = VnDateField(label="Ngày gửi")

    def __init__(self, *args: Any, symbol: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if symbol:
            self.fields[
                "number"
            ].help_text = (
                f"Chỉ phần số, ví dụ 125 (ký hiệu “{symbol}” được thêm tự động; gõ “125/{symbol}” cũng được)."
            )


class TemplateUploadForm(forms.Form):
    report_type = forms.ChoiceField(
        label="Dùng cho", choices=[("", "Mọi loại báo cáo"), *ReportType.choices], required=False
    )
    file = forms.FileField(label="Tệp mẫu (.docx)")


def initial_date(value: date | datetime | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
