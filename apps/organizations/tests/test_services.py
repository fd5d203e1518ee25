"""The tree's invariants: refused with a Vietnamese message, nothing saved."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from apps.organizations import services
from apps.organizations.models import Agency, Unit
from apps.organizations.tests.factories import AgencyFactory, UnitFactory


def test_duplicate_agency_code_is_refused(db):
    AgencyFactory(code="SXD")
    with pytest.raises(ValidationError) as error:
        services.agency_create(code="sxd", name="Sở khác", level="department")
    assert "đã được dùng" in str(error.value)
    assert Agency.objects.filter(code__iexact="sxd").count() == 1


def test_moving_an_agency_under_its_own_child_is_refused(tree):
    with pytest.raises(ValidationError) as error:
        services.agency_update(agency=tree.own, parent=tree.child)
    assert "cấp dưới" in str(error.value)
    tree.own.refresh_from_db()
    assert tree.own.parent == tree.province


def test_an_agency_cannot_be_its_own_parent(tree):
    with pytest.raises(ValidationError):
        services.agency_update(agency=tree.own, parent=tree.own)


def test_moving_and_renaming_an_agency_keeps_history(tree):
    from auditlog.models import LogEntry

    services.agency_update(agency=tree.own, name="Sở Xây dựng (mới)", parent=tree.other_province)
    entry = (
        LogEntry.objects.get_for_object(tree.own).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    )
    assert entry.changes_dict["name"] == ["Sở Xây dựng tỉnh Một", "Sở Xây dựng (mới)"]
    assert "parent" in entry.changes_dict


def test_duplicate_unit_code_in_the_same_agency_is_refused(tree):
    with pytest.raises(ValidationError) as error:
        services.unit_create(agency=tree.own, code="vp", name="Văn phòng khác")
    assert "đã có" in str(error.value)


def test_the_same_unit_code_in_another_agency_is_fine(tree):
    unit = services.unit_create(agency=tree.own, code="KHTC", name="Phòng Kế hoạch – Tài chính")
    assert (
        services.unit_create(agency=tree.other, code="KHTC", name="Phòng Kế hoạch – Tài chính").pk != unit.pk
    )


def test_a_unit_whose_parent_is_in_another_agency_is_refused(tree):
    foreign = Unit.objects.get(agency=tree.other, code="VP")
    with pytest.raises(ValidationError) as error:
        services.unit_create(agency=tree.own, code="MC", name="Bộ phận một cửa", parent=foreign)
    assert "cùng cơ quan" in str(error.value)
    assert not Unit.objects.filter(agency=tree.own, code="MC").exists()


def test_a_unit_cannot_be_moved_under_its_own_child(tree):
    office = Unit.objects.get(agency=tree.own, code="VP")
    desk = services.unit_create(agency=tree.own, code="MC", name="Bộ phận một cửa", parent=office)
    with pytest.raises(ValidationError):
        services.unit_update(unit=office, parent=desk)


def test_only_one_focal_unit_per_agency(tree):
    with pytest.raises(ValidationError) as error:
        services.unit_create(agency=tree.own, code="P2", name="Phòng hai", is_focal=True)
    assert "đầu mối" in str(error.value)


def test_a_person_in_a_unit_of_another_agency_is_refused(tree):
    foreign = UnitFactory(agency=tree.other)
    with pytest.raises(ValidationError):
        services.person_create(agency=tree.own, full_name="Trần Văn A", unit=foreign)


def test_an_agency_with_units_cannot_be_deleted(tree):
    with pytest.raises(ValidationError):
        services.agency_delete(agency=tree.own)
    assert Agency.objects.filter(pk=tree.own.pk).exists()
