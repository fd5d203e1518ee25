"""Input parsing for survey pages: campaigns, counters, questionnaire edits, dossier links, paper entry."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from apps.core.forms import VnDateField
from apps.core.versioning import VersionedForm
from apps.organizations.models import Agency, Unit

from .choices import AggregationMethod, Channel
from .models import Campaign, Factor, Questionnaire


def _quarter_of_today() -> tuple[int, int]:
    today = timezone.localdate()
    return today.year, (today.month - 1) // 3 + 1


class CampaignForm(VersionedForm):
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    title = forms.CharField(label="Tên đợt khảo sát", max_length=255)
    questionnaire = forms.ModelChoiceField(label="Phiếu khảo sát", queryset=Questionnaire.objects.none())
    period_start = VnDateField(label="Từ ngày")
    period_end = VnDateField(label="Đến ngày")
    closes_on = VnDateField(
        label="Nhận phiếu đến ngày",
        required=False,
        help_text="Để trống: bằng ngày kết thúc. Sau ngày này mã QR và đường dẫn hết hạn.",
    )
    channels = forms.MultipleChoiceField(
        label="Kênh khảo sát",
        choices=[choice for choice in Channel.choices if choice[0] != Channel.API],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    population = forms.IntegerField(
        label="Số hồ sơ đã giải quyết trong kỳ (N)",
        min_value=0,
        required=False,
        help_text="Dùng để tính cỡ mẫu cần đạt n = N / (1 + N·e²).",
    )
    margin = forms.DecimalField(
        label="Sai số cho phép (e)", min_value=0.001, max_value=0.49, decimal_places=3, initial="0.05"
    )
    procedures = forms.CharField(
        label="Thủ tục hành chính để người dân chọn",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Mỗi dòng một thủ tục; để trống thì người dân tự ghi.",
    )

    def __init__(
        self,
        *args: Any,
        agencies: QuerySet[Agency],
        questionnaires: QuerySet[Questionnaire],
        units: list[Unit] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        cast(forms.ModelChoiceField, self.fields["questionnaire"]).queryset = questionnaires
        self.units = units or []
        for unit in self.units:
            self.fields[f"unit_{unit.pk}"] = forms.IntegerField(
                label=f"N của {unit.name}", min_value=0, required=False
            )

    def unit_fields(self) -> list[Any]:
        return [self[f"unit_{unit.pk}"] for unit in self.units]

    def service_values(self) -> dict[str, Any]:
        data = self.changes()
        data.pop("agency", None)
        data["closes_on"] = data.get("closes_on") or data["period_end"]
        data["unit_populations"] = {unit.pk: data.pop(f"unit_{unit.pk}", None) for unit in self.units}
        return data


def campaign_initial(campaign: Campaign | None = None) -> dict[str, Any]:
    if campaign is None:
        from .services import quarter_bounds

        year, quarter = _quarter_of_today()
        start, end = quarter_bounds(year, quarter)
        roman = ("I", "II", "III", "IV")[quarter - 1]
        return {
            "title": f"Khảo sát SIPAS quý {roman}/{year}",
            "period_start": start,
            "period_end": end,
            "channels": [Channel.COUNTER_QR, Channel.RESULT_SLIP],
            "margin": "0.05",
        }
    initial = {
        "version": campaign.version,
        "agency": campaign.agency,
        "title": campaign.title,
        "questionnaire": campaign.questionnaire,
        "period_start": campaign.period_start,
        "period_end": campaign.period_end,
        "closes_on": campaign.closes_on,
        "channels": campaign.channels,
        "population": campaign.population,
        "margin": campaign.margin,
        "procedures": campaign.procedures,
    }
    for unit_id, n in (campaign.unit_populations or {}).items():
        initial[f"unit_{unit_id}"] = n
    return initial


class CounterForm(VersionedForm):
    agency = forms.ModelChoiceField(label="Cơ quan", queryset=Agency.objects.none())
    name = forms.CharField(label="Tên quầy", max_length=128, help_text="Ví dụ: Quầy số 1 – Bộ phận Một cửa.")
    unit = forms.ModelChoiceField(label="Đơn vị", queryset=Unit.objects.none(), required=False)
    is_active = forms.BooleanField(label="Đang dùng", required=False, initial=True)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units


class QuestionnaireForm(VersionedForm):
    title = forms.CharField(label="Tên phiếu", max_length=255)
    intro = forms.CharField(label="Lời giới thiệu", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    aggregation = forms.ChoiceField(label="Cách tổng hợp chỉ số", choices=AggregationMethod.choices)


class QuestionnaireCopyForm(forms.Form):
    agency = forms.ModelChoiceField(label="Sao chép cho cơ quan", queryset=Agency.objects.none())
    title = forms.CharField(label="Tên phiếu mới", max_length=255, required=False)
    year = forms.IntegerField(label="Năm áp dụng", min_value=2000, max_value=2100, required=False)

    def __init__(self, *args: Any, agencies: QuerySet[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agencies


class QuestionForm(VersionedForm):
    text = forms.CharField(
        label="Nội dung câu hỏi", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    help_text = forms.CharField(label="Gợi ý", max_length=255, required=False)
    required = forms.BooleanField(label="Bắt buộc trả lời", required=False)
    counts_toward_index = forms.BooleanField(label="Tính vào chỉ số hài lòng", required=False)
    allow_no_opinion = forms.BooleanField(label="Có lựa chọn “Không ý kiến”", required=False)


class QuestionAddForm(forms.Form):
    factor = forms.ModelChoiceField(
        label="Yếu tố", queryset=Factor.objects.none(), required=False, empty_label="(không thuộc yếu tố nào)"
    )
    text = forms.CharField(
        label="Nội dung câu hỏi mới", widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )

    def __init__(self, *args: Any, factors: QuerySet[Factor], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["factor"]).queryset = factors


class DossierLinkForm(forms.Form):
    dossier_code = forms.CharField(
        label="Mã hồ sơ",
        max_length=64,
        help_text="Mã in trên phiếu hẹn trả kết quả, ví dụ H14.23-260915-0001.",
    )


class SuggestionForm(forms.Form):
    handled = forms.BooleanField(required=False)
    note = forms.CharField(label="Ghi chú xử lý", max_length=500, required=False)


class EntryMetaForm(forms.Form):
    """The parts of a paper or phone form that are not answers."""

    channel = forms.ChoiceField(
        label="Hình thức",
        choices=[(Channel.PAPER, Channel.PAPER.label), (Channel.PHONE, Channel.PHONE.label)],
    )
    unit = forms.ModelChoiceField(label="Đơn vị giải quyết", queryset=Unit.objects.none(), required=False)
    dossier_code = forms.CharField(label="Mã hồ sơ (nếu phiếu có)", max_length=64, required=False)

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["unit"]).queryset = units
