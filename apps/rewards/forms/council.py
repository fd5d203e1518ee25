"""Forms of the reward council: a member, a session, the counts of a session."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from ..choices import CouncilRole
from ..models import Council, Nomination
from ..selectors.nominations import nominee_people


class CouncilForm(forms.Form):
    name = forms.CharField(label="Tên hội đồng", initial="Hội đồng Thi đua – Khen thưởng", max_length=255)
    establishing_decision = forms.CharField(label="Quyết định thành lập", required=False, max_length=255)


class MemberForm(forms.Form):
    person = forms.TypedChoiceField(label="Thành viên", coerce=int)
    role = forms.ChoiceField(label="Vai trò", choices=CouncilRole.choices, initial=CouncilRole.MEMBER)

    def __init__(self, *args: Any, council: Council, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        taken = set(council.members.values_list("person_id", flat=True))
        cast(forms.ChoiceField, self.fields["person"]).choices = [("", "— Chọn —")] + [
            (p.pk, f"{p.full_name}{' — ' + p.position if p.position else ''}")
            for p in nominee_people(agency=council.agency)
            if p.pk not in taken
        ]


class SessionForm(forms.Form):
    held_at = forms.DateTimeField(
        label="Thời gian họp",
        input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(attrs={"placeholder": "dd/mm/yyyy hh:mm"}, format="%d/%m/%Y %H:%M"),
    )
    place = forms.CharField(label="Địa điểm", required=False, max_length=255)
    members_present = forms.IntegerField(
        label="Số thành viên có mặt",
        min_value=0,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text="Kể cả thành viên vắng mặt có ý kiến bằng văn bản.",
    )


class VotesForm(forms.Form):
    """One "votes for" count per checked nomination; an empty box leaves that nomination for another session."""

    def __init__(self, *args: Any, nominations: list[Nomination], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.nominations = nominations
        for nomination in nominations:
            self.fields[f"votes_{nomination.pk}"] = forms.IntegerField(
                label=f"{nomination.nominee_name} — {nomination.get_form_display()}",
                required=False,
                min_value=0,
                widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
            )

    def rows(self) -> list[tuple[Nomination, Any]]:
        return [(n, self[f"votes_{n.pk}"]) for n in self.nominations]

    def counts(self) -> dict[int, int | None]:
        return {n.pk: self.cleaned_data.get(f"votes_{n.pk}") for n in self.nominations}
