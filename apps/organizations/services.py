"""Every write to the agency tree: validated, atomic, audited by django-auditlog."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from apps.core.versioning import version_check, versioned_save

from .choices import AgencyLevel, UnitKind
from .models import Agency, Person, Unit


def _check_parent(agency: Agency | None, parent: Agency | None) -> None:
    if parent is None or agency is None or agency.pk is None:
        return
    node: Agency | None = parent
    seen: set[int] = set()
    while node is not None and node.pk not in seen:
        if node.pk == agency.pk:
            raise ValidationError(
                {"parent": "Không thể đặt cơ quan cấp trên là chính nó hoặc một cơ quan cấp dưới của nó."}
            )
        seen.add(node.pk)
        node = node.parent


def _check_agency_code(code: str, exclude_pk: int | None) -> str:
    code = code.strip().upper()
    if not code:
        raise ValidationError({"code": "Mã cơ quan không được để trống."})
    others = Agency.objects.filter(code__iexact=code)
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    if others.exists():
        raise ValidationError({"code": f"Mã cơ quan “{code}” đã được dùng cho cơ quan khác."})
    return code


@transaction.atomic
def agency_create(
    *,
    code: str,
    name: str,
    level: str,
    parent: Agency | None = None,
    short_name: str = "",
    place_name: str = "",
    document_symbol: str = "",
    is_active: bool = True,
) -> Agency:
    agency = Agency(
        code=_check_agency_code(code, None),
        name=name.strip(),
        short_name=short_name.strip(),
        level=level,
        parent=parent,
        place_name=place_name.strip(),
        document_symbol=document_symbol.strip(),
        is_active=is_active,
    )
    agency.full_clean()
    agency.save()
    return agency


@transaction.atomic
def agency_update(*, agency: Agency, expected_version: int | None = None, **changes: Any) -> Agency:
    """Rename, move or edit an agency; moving under itself or its own subtree is refused."""
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    version_check(agency, expected_version)
    if "code" in changes:
        changes["code"] = _check_agency_code(changes["code"], agency.pk)
    if "parent" in changes:
        _check_parent(agency, changes["parent"])
    for field, value in changes.items():
        setattr(agency, field, value.strip() if isinstance(value, str) and field != "level" else value)
    if agency.level not in AgencyLevel.values:
        raise ValidationError({"level": "Cấp cơ quan không hợp lệ."})
    agency.full_clean()
    versioned_save(agency, expected_version=expected_version)
    return agency


@transaction.atomic
def agency_delete(*, agency: Agency) -> None:
    if agency.children.exists() or agency.units.exists() or agency.people.exists():
        raise ValidationError(
            "Không thể xóa cơ quan còn cơ quan cấp dưới, đơn vị hoặc cán bộ; hãy chuyển hoặc ngừng hoạt động."
        )
    agency.delete()


def _check_unit(
    agency: Agency, *, code: str, name: str, parent: Unit | None, is_focal: bool, exclude_pk: int | None
) -> None:
    errors: dict[str, str] = {}
    siblings = Unit.objects.filter(agency=agency)
    if exclude_pk is not None:
        siblings = siblings.exclude(pk=exclude_pk)
    if not code.strip():
        errors["code"] = "Mã đơn vị không được để trống."
    elif siblings.filter(code__iexact=code.strip()).exists():
        errors["code"] = f"Mã đơn vị “{code.strip()}” đã có trong {agency.name}."
    if not name.strip():
        errors["name"] = "Tên đơn vị không được để trống."
    elif siblings.filter(name__iexact=name.strip()).exists():
        errors["name"] = f"Đơn vị “{name.strip()}” đã có trong {agency.name}."
    if parent is not None:
        if parent.agency_id != agency.pk:
            errors["parent"] = "Đơn vị cấp trên phải thuộc cùng cơ quan."
        elif exclude_pk is not None:
            node: Unit | None = parent
            while node is not None:
                if node.pk == exclude_pk:
                    errors["parent"] = (
                        "Không thể đặt đơn vị cấp trên là chính nó hoặc đơn vị cấp dưới của nó."
                    )
                    break
                node = node.parent
    if is_focal and siblings.filter(is_focal=True).exists():
        errors["is_focal"] = "Cơ quan đã có đơn vị đầu mối CCHC; hãy bỏ đánh dấu ở đơn vị kia trước."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def unit_create(
    *,
    agency: Agency,
    code: str,
    name: str,
    kind: str = UnitKind.DIVISION,
    short_name: str = "",
    parent: Unit | None = None,
    is_focal: bool = False,
    aliases: str = "",
    is_active: bool = True,
) -> Unit:
    Agency.objects.select_for_update().filter(pk=agency.pk).first()
    _check_unit(agency, code=code, name=name, parent=parent, is_focal=is_focal, exclude_pk=None)
    unit = Unit(
        agency=agency,
        code=code.strip().upper(),
        name=name.strip(),
        kind=kind,
        short_name=short_name.strip(),
        parent=parent,
        is_focal=is_focal,
        aliases=aliases.strip(),
        is_active=is_active,
    )
    unit.full_clean()
    unit.save()
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, expected_version: int | None = None, **changes: Any) -> Unit:
    unit = Unit.objects.select_for_update().get(pk=unit.pk)
    version_check(unit, expected_version)
    merged = {
        "code": changes.get("code", unit.code),
        "name": changes.get("name", unit.name),
        "parent": changes.get("parent", unit.parent),
        "is_focal": changes.get("is_focal", unit.is_focal),
    }
    _check_unit(unit.agency, exclude_pk=unit.pk, **merged)
    for field, value in changes.items():
        setattr(unit, field, value.strip() if isinstance(value, str) else value)
    unit.code = unit.code.upper()
    unit.full_clean()
    versioned_save(unit, expected_version=expected_version)
    return unit


@transaction.atomic
def unit_delete(*, unit: Unit) -> None:
    if unit.people.exists() or unit.children.exists():
        raise ValidationError(
            "Không thể xóa đơn vị còn cán bộ hoặc đơn vị cấp dưới; hãy chuyển họ sang đơn vị khác."
        )
    unit.delete()


def _check_person(agency: Agency, unit: Unit | None, full_name: str) -> None:
    errors: dict[str, str] = {}
    if not full_name.strip():
        errors["full_name"] = "Họ và tên không được để trống."
    if unit is not None and unit.agency_id != agency.pk:
        errors["unit"] = "Đơn vị phải thuộc cùng cơ quan với cán bộ."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def person_create(
    *,
    agency: Agency,
    full_name: str,
    unit: Unit | None = None,
    position: str = "",
    email: str = "",
    phone: str = "",
    is_active: bool = True,
) -> Person:
    _check_person(agency, unit, full_name)
    person = Person(
        agency=agency,
        unit=unit,
        full_name=full_name.strip(),
        position=position.strip(),
        email=email.strip(),
        phone=phone.strip(),
        is_active=is_active,
    )
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_update(*, person: Person, expected_version: int | None = None, **changes: Any) -> Person:
    person = Person.objects.select_for_update().get(pk=person.pk)
    version_check(person, expected_version)
    _check_person(person.agency, changes.get("unit", person.unit), changes.get("full_name", person.full_name))
    for field, value in changes.items():
        setattr(person, field, value.strip() if isinstance(value, str) else value)
    person.full_clean()
    versioned_save(person, expected_version=expected_version)
    return person
