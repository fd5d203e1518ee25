"""Input of the register's pages: one article, a pasted list of links and its draft rows, a spreadsheet, an
event, a plan's targets and content areas, and the register's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet

from apps.core.forms import VnDateField
from apps.organizations.models import Unit
from domain.communications.links import MAX_LINKS, link_problem, pasted_links

from .choices import Channel, EventKind
from .services import ArticleInput


def _area_field(areas: list[str], *, required: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Nội dung tuyên truyền",
        required=required,
        choices=[("", "— Chọn nội dung của kế hoạch —"), *[(name, name) for name in areas]],
    )


class ArticleForm(forms.Form):
    title = forms.CharField(label="Tiêu đề tin, bài", max_length=500)
    channel = forms.ChoiceField(label="Kênh", choices=Channel.choices, initial=Channel.WEBSITE)
    published_on = VnDateField(label="Ngày đăng", past=True)
    link = forms.CharField(
        label="Đường dẫn",
        required=False,
        max_length=1000,
        help_text="Địa chỉ trang đã đăng (https://…); bắt buộc với Trang thông tin điện tử, Zalo OA, Fanpage.",
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    author_unit = forms.ModelChoiceField(
        label="Đơn vị viết bài", queryset=Unit.objects.none(), required=False
    )
    place = forms.CharField(label="Nơi niêm yết (áp phích, mã QR)", required=False, max_length=255)
    evidence = forms.FileField(
        label="Minh chứng (ảnh chụp màn hình, tệp)",
        required=False,
        help_text="PDF, ảnh, Word; tối đa theo quy định.",
    )

    def __init__(self, *args: Any, units: QuerySet[Unit], areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["author_unit"].queryset = units  # type: ignore[attr-defined]
        self.fields["area"] = _area_field(areas)
        self.order_fields(
            ["title", "channel", "area", "published_on", "link", "author_unit", "place", "evidence"]
        )

    def clean_link(self) -> str:
        link = self.cleaned_data.get("link", "").strip()
        if link and (problem := link_problem(link)):
            raise forms.ValidationError(problem)
        return link

    def item(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data["title"],
            channel=data["channel"],
            published_on=data["published_on"],
            link=data.get("link", ""),
            area=data.get("area", ""),
            author_unit=data.get("author_unit"),
            place=data.get("place", ""),
        )


class PasteForm(forms.Form):
    links = forms.CharField(
        label="Các đường dẫn, mỗi dòng một đường dẫn",
        widget=forms.Textarea(attrs={"rows": 8, "placeholder": "https://…\nhttps://…"}),
    )
    channel = forms.ChoiceField(label="Kênh", choices=Channel.choices, initial=Channel.WEBSITE)

    def clean_links(self) -> list[Any]:
        lines = pasted_links(self.cleaned_data["links"])
        if not lines:
            raise forms.ValidationError("Chưa có đường dẫn nào.")
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(f"Mỗi lần dán tối đa {MAX_LINKS} đường dẫn.")
        bad = [f"Dòng {line.line}: {line.problem}" for line in lines if line.problem]
        if bad:
            raise forms.ValidationError(bad)
        return lines


class DraftRowForm(forms.Form):
    """One pasted link as a draft row: its title and date read from the page, or typed."""

    keep = forms.BooleanField(label="Ghi sổ", required=False, initial=True)
    link = forms.CharField(
        label="Đường dẫn", max_length=1000, widget=forms.TextInput(attrs={"readonly": True})
    )
    title = forms.CharField(label="Tiêu đề", max_length=500, required=False)
    published_on = VnDateField(label="Ngày đăng", past=True, required=False)
    channel = forms.ChoiceField(label="Kênh", choices=Channel.choices)

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = _area_field(areas)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("keep"):
            if not (data.get("title") or "").strip():
                self.add_error("title", "Chưa có tiêu đề: nhập tiêu đề của tin, bài.")
            if not data.get("published_on") and "published_on" not in self.errors:
                self.add_error("published_on", "Chưa có ngày đăng: nhập ngày theo dạng dd/mm/yyyy.")
            if (problem := link_problem(data.get("link", ""))) is not None:
                self.add_error("link", problem)
        return data

    def item(self) -> ArticleInput:
        data = self.cleaned_data
        return ArticleInput(
            title=data["title"],
            channel=data["channel"],
            published_on=data["published_on"],
            link=data["link"],
            area=data.get("area", ""),
        )


class BaseDraftFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        self.areas = areas
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        return {"areas": self.areas}


DraftFormSet = forms.formset_factory(DraftRowForm, formset=BaseDraftFormSet, extra=0, max_num=MAX_LINKS)


class ImportForm(forms.Form):
    file = forms.FileField(label="Tệp Excel (.xlsx) theo mẫu")


class EventForm(forms.Form):
    kind = forms.ChoiceField(label="Loại", choices=EventKind.choices)
    title = forms.CharField(label="Tên hội nghị, lớp tập huấn", max_length=500)
    held_on = VnDateField(label="Ngày tổ chức", past=True)
    place = forms.CharField(label="Địa điểm", required=False, max_length=255)
    attendance = forms.IntegerField(label="Số người tham dự", min_value=1, max_value=100000)

    def __init__(self, *args: Any, areas: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"] = _area_field(areas)


class TargetsForm(forms.Form):
    areas = forms.CharField(
        label="Nội dung tuyên truyền của kế hoạch (mỗi dòng một nội dung)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for value, label in Channel.choices:
            self.fields[f"target_{value}"] = forms.IntegerField(
                label=f"{label}: số tin, bài mỗi tháng",
                required=False,
                min_value=0,
                max_value=100,
                widget=forms.NumberInput(attrs={"size": 4}),
            )

    def per_month(self) -> dict[str, int]:
        return {value: self.cleaned_data.get(f"target_{value}") or 0 for value in Channel.values}

    def area_lines(self) -> list[str]:
        return [line for line in self.cleaned_data.get("areas", "").splitlines() if line.strip()]


class RegisterFilter(forms.Form):
    month = forms.TypedChoiceField(
        label="Tháng",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Cả năm"), *[(m, f"Tháng {m}") for m in range(1, 13)]],
    )
    channel = forms.ChoiceField(label="Kênh", required=False, choices=[("", "Mọi kênh"), *Channel.choices])
    area = forms.CharField(label="Nội dung", required=False)
    q = forms.CharField(label="Tìm trong tiêu đề", required=False)
