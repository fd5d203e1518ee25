"""The leader's dashboard reads a fixed number of queries, however many tasks the agency has."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine
from django.urls import reverse

from apps.accounts.models import User
from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401
from apps.tasks.models import Occurrence, Task

# session, user, scope (roles, tree), current agency, the dashboard's reads, the bell, the session save
DASHBOARD_MAX_QUERIES = 16


@pytest.fixture
def leader_client(client, import_seed):  # noqa: F811
    import_seed("001")
    client.force_login(User.objects.get(username="lanhdao"))
    return client


def _more_tasks(agency, count):
    plan = Task.objects.filter(agency=agency).first().plan
    tasks = Task.objects.bulk_create(
        [
            Task(agency=agency, plan=plan, ref=f"x{i}", title=f"Nhiệm vụ thêm {i}", order=1000 + i)
            for i in range(count)
        ]
    )
    Occurrence.objects.bulk_create(
        [Occurrence(task=t, seq=1, due_on=date(2026, 3 + i % 9, 10)) for i, t in enumerate(tasks)]
    )


def test_dashboard_stays_under_the_query_ceiling(leader_client, django_assert_max_num_queries):
    with time_machine.travel(date(2026, 10, 5)), django_assert_max_num_queries(DASHBOARD_MAX_QUERIES):
        response = leader_client.get(reverse("tasks:dashboard"))
    assert response.status_code == 200


def test_dashboard_queries_do_not_grow_with_the_number_of_tasks(leader_client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with time_machine.travel(date(2026, 10, 5)):
        with CaptureQueriesContext(connection) as before:
            leader_client.get(reverse("tasks:dashboard"))
        _more_tasks(User.objects.get(username="lanhdao").roles.get().agency, 200)
        with django_assert_num_queries(len(before)):
            leader_client.get(reverse("tasks:dashboard"))
