"""Factories for accounts and roles."""

import factory

from apps.accounts.models import RoleAssignment, User
from apps.organizations.tests.factories import AgencyFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Người dùng {n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-123")

    @factory.post_generation
    def _save(self, create, extracted, **kwargs):
        if create:
            self.save()


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    agency = factory.SubFactory(AgencyFactory)
    role = "staff"
