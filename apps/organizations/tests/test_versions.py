"""Editing an agency, a unit or a person from a page opened before someone else saved: refused, kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from apps.organizations import services
from apps.organizations.forms import AgencyForm, PersonForm, UnitForm
from apps.organizations.models import Agency, Person, Unit
from apps.organizations.tests.factories import PersonFactory

HINT = "vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."


def _posted(form: Any, **changes: Any) -> dict[str, Any]:
    """What the page posts: each field as shown, with the user's changes (an unticked box is not sent)."""
    data = {field.name: field.value() for field in form}
    data = {name: "" if value is None else value for name, value in data.items() if value is not False}
    return {**data, **changes}


CASES = {
    "agency": (
        "organizations:agency_edit", lambda tree: tree.own, lambda tree, obj: AgencyForm(instance=obj),
        services.agency_update, "agency", "name", "Cơ quan",
    ),
    "unit": (
        "organizations:unit_edit", lambda tree: tree.own.units.get(code="VP"),
        lambda tree, obj: UnitForm(instance=obj, agency=tree.own), services.unit_update, "unit", "name", "Đơn vị",
    ),
    "person": (
        "organizations:person_edit", lambda tree: PersonFactory(agency=tree.own),
        lambda tree, obj: PersonForm(instance=obj, agency=tree.own), services.person_update, "person",
        "full_name", "Thông tin cán bộ",
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_a_stale_edit_form_is_refused_and_keeps_the_other_change(client, tree, make_user, case):
    url_name, record_of, form_of, update, argument, field, subject = CASES[case]
    record = record_of(tree)
    model: type[Agency | Unit | Person] = type(record)
    client.force_login(make_user("administrator", tree.province))
    url = reverse(url_name, args=[record.pk])
    assert f'name="version" value="{record.version}"' in client.get(url).content.decode()
    stale = _posted(form_of(tree, record), **{field: "Sửa ở thẻ cũ"})
    update(**{argument: record, field: "Sửa ở thẻ khác"})
    response = client.post(url, stale)
    assert response.status_code == 200 and f"{subject} {HINT}" in response.content.decode()
    saved = model.objects.get(pk=record.pk)
    assert (getattr(saved, field), saved.version) == ("Sửa ở thẻ khác", record.version + 1)
    assert (
        client.post(url, _posted(form_of(tree, saved), **{field: "Sửa sau khi tải lại"})).status_code == 302
    )
    saved = model.objects.get(pk=record.pk)
    assert (getattr(saved, field), saved.version) == ("Sửa sau khi tải lại", record.version + 2)


def test_a_create_form_has_no_version_and_the_api_shows_it(client, tree, make_user):
    client.force_login(make_user("focal_point", tree.own))
    page = client.get(reverse("organizations:unit_create", args=[tree.own.pk])).content.decode()
    assert 'name="version"' not in page
    unit = tree.own.units.get(code="VP")
    services.unit_update(unit=unit, name="Văn phòng")
    assert client.get(f"/api/v1/units/{unit.pk}").json()["version"] == 2
