"""Input parsing for the dossier import page and the column mapping of a source."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from apps.core.versioning import VersionedForm
from domain.dossier_import.columns import COLUMN_LABELS, COLUMNS, REQUIRED

from .models import SourceMapping


class DossierImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp hồ sơ (.csv hoặc .xlsx)",
        help_text="CSV (UTF-8, UTF-8 có BOM hoặc Windows-1258; phân cách bằng dấu phẩy, chấm phẩy hoặc tab) hoặc Excel .xlsx.",
    )
    source = forms.ModelChoiceField(
        label="Nguồn dữ liệu (cách ghép cột đã lưu)",
        queryset=SourceMapping.objects.none(),
        required=False,
        empty_label="Tệp theo cột chuẩn (ma_ho_so, ma_co_quan, …)",
    )
    load_good_rows = forms.BooleanField(
        label="Nhập các dòng hợp lệ, bỏ qua dòng lỗi",
        required=False,
        help_text="Không chọn: tệp có dòng lỗi thì không nhập dòng nào (cơ sở dữ liệu không thay đổi).",
    )

    def __init__(self, *args: Any, sources: QuerySet[SourceMapping], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["source"]).queryset = sources


class SourceMappingForm(VersionedForm):
    """The header each canonical column has in the source's export (blank: the column is absent)."""

    name = forms.CharField(
        label="Tên nguồn dữ liệu", max_length=128, help_text="Ví dụ: Hệ thống một cửa tỉnh Đắk Lắk."
    )
    note = forms.CharField(label="Ghi chú", widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for column in COLUMNS:
            label = f"{COLUMN_LABELS[column]} ({column})" + (" — bắt buộc" if column in REQUIRED else "")
            self.fields[f"col_{column}"] = forms.CharField(
                label=label, max_length=128, required=False, help_text="Tên cột trong tệp của nguồn này."
            )

    def column_fields(self) -> list[Any]:
        return [self[f"col_{column}"] for column in COLUMNS]

    def columns(self) -> dict[str, str]:
        return {
            self.cleaned_data[f"col_{column}"].strip(): column
            for column in COLUMNS
            if self.cleaned_data.get(f"col_{column}", "").strip()
        }

    @staticmethod
    def initial_from(mapping: SourceMapping) -> dict[str, Any]:
        initial: dict[str, Any] = {"version": mapping.version, "name": mapping.name, "note": mapping.note}
        for header, column in mapping.columns.items():
            initial[f"col_{column}"] = header
        return initial
