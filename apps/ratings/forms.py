"""Forms of the rating pages; the rules live in the services, the forms only read what was typed."""

from __future__ import annotations

from django import forms

from apps.core.forms import VnDateField

from .choices import AggregationChoice, RoundingChoice, TaskGroup, Violation


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SelfAssessForm(VersionForm):
    general = forms.CharField(
        label="Tự chấm tiêu chí chung (tối đa 30 điểm)",
        max_length=8,
        help_text="Phẩm chất chính trị, đạo đức, văn hóa công vụ, kỷ luật; trách nhiệm, thái độ phục vụ; đổi mới, sáng tạo.",
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    comment = forms.CharField(label="Tự nhận xét", max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ScoreForm(VersionForm):
    general = forms.CharField(
        label="Điểm tiêu chí chung (tối đa 30)",
        max_length=8,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    reason = forms.CharField(label="Lý do", max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))
    task_group = forms.ChoiceField(label="Nhóm nhiệm vụ (tính tỷ lệ xuất sắc)", choices=TaskGroup.choices)
    leader_d = forms.CharField(
        label="d — kết quả của đơn vị phụ trách (%)",
        max_length=8,
        required=False,
        help_text="d, đ, e chỉ nhập cho công chức lãnh đạo, quản lý (thường 100% hoặc 50%).",
    )
    leader_dd = forms.CharField(label="đ — năng lực tổ chức thực hiện (%)", max_length=8, required=False)
    leader_e = forms.CharField(label="e — đoàn kết, thống nhất (%)", max_length=8, required=False)
    violations = forms.MultipleChoiceField(
        label="Vi phạm (xếp loại không hoàn thành nhiệm vụ)",
        choices=Violation.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    violation_note = forms.CharField(label="Căn cứ vi phạm", max_length=2000, required=False)


class ProductForm(VersionForm):
    units = forms.CharField(label="Quy đổi", max_length=8, initial="1")
    exempt = forms.BooleanField(label="Nguyên nhân khách quan", required=False)
    exempt_reason = forms.CharField(label="Nguyên nhân", max_length=1000, required=False)
    confirmed = forms.BooleanField(
        label="Tôi, cấp trên trực tiếp, xác nhận nguyên nhân khách quan", required=False
    )


class ExtraForm(VersionForm):
    title = forms.CharField(label="Sản phẩm, công việc", max_length=500)
    assigned_on = VnDateField(label="Ngày giao")
    due_on = VnDateField(label="Hạn")
    completed_on = VnDateField(label="Ngày hoàn thành", required=False, past=True)
    to_standard = forms.BooleanField(label="Đạt yêu cầu chất lượng", required=False)
    major_faults = forms.IntegerField(
        label="Số lần trả lại vì sai sót lớn", min_value=0, max_value=20, initial=0
    )
    units = forms.CharField(label="Quy đổi", max_length=8, initial="1")
    exempt = forms.BooleanField(
        label="Chậm, sai sót có nguyên nhân khách quan (cấp trên xác nhận)", required=False
    )
    exempt_reason = forms.CharField(label="Nguyên nhân", max_length=1000, required=False)
    note = forms.CharField(label="Ghi chú", max_length=2000, required=False)


class DecideForm(forms.Form):
    exception = forms.BooleanField(label="Cơ quan được áp dụng tỷ lệ xuất sắc ngoại lệ", required=False)
    exception_reason = forms.CharField(label="Căn cứ ngoại lệ", max_length=1000, required=False)


class AmendForm(VersionForm):
    general = forms.CharField(label="Điểm tiêu chí chung mới", max_length=8)
    reason = forms.CharField(
        label="Lý do điều chỉnh", max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    violations = forms.MultipleChoiceField(
        label="Vi phạm", choices=Violation.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    violation_note = forms.CharField(label="Căn cứ vi phạm", max_length=2000, required=False)


class UnitScoreForm(forms.Form):
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    general = forms.CharField(label="Tiêu chí chung (tối đa 30)", max_length=8)
    reason = forms.CharField(label="Lý do", max_length=1000)


class PolicyForm(VersionForm):
    aggregation = forms.ChoiceField(label="Tổng hợp tháng → quý → năm", choices=AggregationChoice.choices)
    quota_rounding = forms.ChoiceField(
        label="Làm tròn số người được xếp xuất sắc",
        choices=RoundingChoice.choices,
    )
    exception_quota_percent = forms.CharField(label="Tỷ lệ xuất sắc khi được ngoại lệ (%)", max_length=8)
