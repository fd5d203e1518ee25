"""Factories for the agency tree."""

import factory

from apps.organizations.choices import AgencyLevel, UnitKind
from apps.organizations.models import Agency, Person, Unit


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    code = factory.Sequence(lambda n: f"AG{n:03d}")
    name = factory.Sequence(lambda n: f"Sở thử nghiệm {n}")
    level = AgencyLevel.DEPARTMENT
    place_name = "Đắk Lắk"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    agency = factory.SubFactory(AgencyFactory)
    code = factory.Sequence(lambda n: f"U{n:03d}")
    name = factory.Sequence(lambda n: f"Phòng thử nghiệm {n}")
    kind = UnitKind.DIVISION


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    agency = factory.SubFactory(AgencyFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Chuyên viên"
