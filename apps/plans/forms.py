"""Input parsing for plan pages: the upload, the preview corrections, the header edit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet

from apps.core.forms import VnDateField
from apps.core.ids import parse_id
from apps.core.versioning import VersionedForm
from apps.organizations.models import Agency

from .choices import PlanStatus, PlanType
from .models import Plan


class PlanUploadForm(forms.Form):
    agency = forms.ModelChoiceField(label="Cơ quan ban hành", queryset=Agency.objects.none())
    file = forms.FileField(label="Tệp kế hoạch (.docx, .pdf, .txt)")
    replaces_plan = forms.ModelChoiceField(
        label="Cập nhật kế hoạch đã có (tạo phiên bản mới)",
        queryset=Plan.objects.none(),
        required=False,
        help_text="Để trống nếu đây là kế hoạch mới.",
    )

    def __init__(self, *args: Any, agencies: QuerySet[Agency], plans: QuerySet[Plan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        cast(forms.ModelChoiceField, self.fields["replaces_plan"]).queryset = plans

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        plan, agency = data.get("replaces_plan"), data.get("agency")
        if plan is not None and agency is not None and plan.agency_id != agency.pk:
            self.add_error("replaces_plan", "Kế hoạch được cập nhật phải thuộc cơ quan đã chọn.")
        return data


def parse_vn_date(value: str) -> date | None:
    """dd/mm/yyyy (or ISO) typed in the preview; raises ValueError with a Vietnamese message."""
    value = value.strip()
    if not value:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"Ngày “{value}” không hợp lệ (nhập theo dạng dd/mm/yyyy, ví dụ 08/01/2026).")


def preview_corrections(post: Any, task_refs: list[str]) -> tuple[dict[str, Any], list[str]]:
    """Read the preview's fields into corrections for the importer; return them with any errors."""
    errors: list[str] = []
    plan: dict[str, Any] = {}
    for key in ("number", "symbol", "place", "issuer", "title", "signer", "signer_title"):
        if f"plan-{key}" in post:
            plan[key] = post.get(f"plan-{key}", "").strip() or None
    if post.get("plan-type") in PlanType.values:
        plan["type"] = post["plan-type"]
    for key in ("issued_on", "period_start", "period_end"):
        if f"plan-{key}" in post:
            try:
                plan[key] = parse_vn_date(post.get(f"plan-{key}", ""))
            except ValueError as error:
                errors.append(str(error))
    tasks: dict[str, dict[str, str]] = {}
    leads: dict[str, int | None] = {}
    for ref in task_refs:
        change = {}
        for key in ("title", "timeline", "deliverable"):
            name = f"task-{ref}-{key}"
            if name in post:
                change[key] = " ".join(post.get(name, "").split())
        if change:
            tasks[ref] = change
        lead = parse_id(post.get(f"task-{ref}-lead"))
        if lead is not None:
            leads[ref] = lead
    return {"plan": plan, "tasks": tasks, "leads": leads}, errors


class PlanEditForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "number",
            "symbol",
            "issued_on",
            "place",
            "issuer",
            "title",
            "plan_type",
            "period_start",
            "period_end",
            "status",
            "signer",
            "signer_title",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    status = forms.ChoiceField(label="Trạng thái", choices=PlanStatus.choices)
    title = forms.CharField(label="Trích yếu", widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    issued_on = VnDateField(label="Ngày ban hành", past=True, required=False)
    period_start = VnDateField(label="Từ ngày", required=False)
    period_end = VnDateField(label="Đến ngày", required=False)
