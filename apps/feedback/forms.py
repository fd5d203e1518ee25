"""Input parsing for the feedback pages."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from apps.core.forms import VnDateField
from apps.core.versioning import VersionedForm
from apps.organizations.models import Agency, Unit

from .choices import FeedbackChannel, Remit, Satisfaction
from .models import Feedback


class FeedbackForm(VersionedForm):
    code = forms.CharField(
        label="Mã phản ánh", max_length=64, required=False, help_text="Để trống: hệ thống tự đánh số."
    )
    received_on = VnDateField(label="Ngày tiếp nhận", past=True)
    channel = forms.ChoiceField(label="Kênh tiếp nhận", choices=FeedbackChannel.choices)
    sender = forms.CharField(label="Người gửi", max_length=255, required=False)
    subject = forms.CharField(
        label="Nội dung phản ánh, kiến nghị", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    unit = forms.ModelChoiceField(label="Đơn vị xử lý", queryset=Unit.objects.none(), required=False)
    remit = forms.ChoiceField(label="Thẩm quyền", choices=Remit.choices)
    due_on = VnDateField(
        label="Hạn xử lý",
        required=False,
        help_text="Để trống: 07 ngày làm việc kể từ ngày tiếp nhận.",
    )
    forwarded_to = forms.CharField(label="Chuyển đến cơ quan", max_length=255, required=False)
    forwarded_on = VnDateField(
        label="Ngày chuyển",
        required=False,
        help_text="Hạn chuyển: 05 ngày làm việc kể từ ngày tiếp nhận.",
    )
    replied_on = VnDateField(label="Ngày trả lời", past=True, required=False)
    reply_summary = forms.CharField(
        label="Kết quả xử lý", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    satisfied = forms.ChoiceField(label="Người gửi hài lòng?", choices=Satisfaction.choices, required=False)
    late_complaint = forms.BooleanField(label="Người gửi phàn nàn về việc chậm xử lý", required=False)

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = Unit.objects.filter(agency=agency, is_active=True)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units

    def service_fields(self) -> dict[str, Any]:
        data = self.changes()
        data["satisfied"] = {"yes": True, "no": False}.get(data.get("satisfied") or "")
        data["code"] = (data.get("code") or "").strip()
        return data

    @staticmethod
    def initial_from(feedback: Feedback) -> dict[str, Any]:
        initial = {name: getattr(feedback, name) for name in (
            "code", "received_on", "channel", "sender", "subject", "unit", "remit", "due_on", "forwarded_to",
            "forwarded_on", "replied_on", "reply_summary", "late_complaint", "version",
        )}  # fmt: skip
        initial["satisfied"] = {True: "yes", False: "no"}.get(feedback.satisfied, "")  # type: ignore[arg-type]
        return initial


class FeedbackImportForm(forms.Form):
    file = forms.FileField(label="Tệp sổ phản ánh, kiến nghị (.csv hoặc .xlsx)")
    load_good_rows = forms.BooleanField(label="Nhập các dòng hợp lệ, bỏ qua dòng lỗi", required=False)
