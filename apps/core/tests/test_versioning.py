"""The one optimistic lock: a stale save changes nothing and says so in Vietnamese, in forms and in the API."""

from __future__ import annotations

import pytest

from apps.core.versioning import STALE_FORM, VersionConflict, conflict_message, versioned_save
from apps.organizations.forms import UnitForm
from apps.organizations.models import Unit
from apps.organizations.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_the_message_is_the_one_tasks_always_showed():
    assert conflict_message("Nhiệm vụ") == (
        "Nhiệm vụ vừa được người khác cập nhật. Hãy xem thay đổi của họ và nhập lại nội dung của bạn."
    )


def test_the_second_of_two_saves_from_the_same_version_is_refused_and_writes_nothing(tree):
    first, second = Unit.objects.get(agency=tree.own, code="VP"), Unit.objects.get(agency=tree.own, code="VP")
    first.name = "Văn phòng (sửa lần một)"
    versioned_save(first)
    second.name = "Văn phòng (sửa lần hai)"
    with pytest.raises(VersionConflict) as refused:
        versioned_save(second)
    assert refused.value.message_text.startswith("Đơn vị vừa được người khác cập nhật.")
    saved = Unit.objects.get(pk=first.pk)
    assert (saved.name, saved.version) == ("Văn phòng (sửa lần một)", 2)


def test_a_record_created_since_the_form_was_read_is_a_conflict_not_an_error(tree):
    twin = Unit(agency=tree.own, code="VP", name="Văn phòng khác", kind="office")
    with pytest.raises(VersionConflict):
        versioned_save(twin, expected_version=0)  # the form saw no such unit
    assert Unit.objects.filter(agency=tree.own).count() == 1


def test_a_deleted_record_is_a_conflict(tree):
    unit = UnitFactory(agency=tree.own, code="KT", name="Phòng Kinh tế")
    Unit.objects.filter(pk=unit.pk).delete()
    with pytest.raises(VersionConflict, match="đã bị xóa"):
        versioned_save(unit)


@pytest.mark.parametrize("posted", [None, "abc", "-1", "99999999999999999999"])
def test_a_form_with_a_missing_or_forged_version_says_so_above_the_form(tree, posted):
    unit = Unit.objects.get(agency=tree.own, code="VP")
    data = {"code": "VP", "name": "Văn phòng", "kind": "office", **({"version": posted} if posted else {})}
    form = UnitForm(data, instance=unit, agency=tree.own)
    assert not form.is_valid()
    assert form.non_field_errors() == [STALE_FORM] and "version" not in form.errors


def test_a_form_creating_a_record_has_no_version(tree):
    assert "version" not in UnitForm(agency=tree.own).fields
    assert (
        UnitForm(instance=Unit.objects.get(agency=tree.own, code="VP"), agency=tree.own)["version"].value()
        == 1
    )
