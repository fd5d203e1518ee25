"""Every API operation, generated from its OpenAPI description (schemathesis): no server error, and no status
code the description does not name. Bounded: a fixed number of examples per operation, derandomized."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import status_code_conformance

from apps.accounts.services import api_token_create

EXAMPLES_PER_OPERATION = 25


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """The WSGI application closes "old" connections at each request's start and end, which on PostgreSQL
    closes the test's transaction; Django's own test client turns that off the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(tree, make_user, settings):
    settings.CCHC_API_CALLS_PER_MINUTE = 1_000_000
    user = make_user("focal_point", tree.own)
    return api_token_create(user=user, name="fuzz")[1]


# Read through the application itself: the description a client downloads is the one tested.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_api_operation_never_fails_on_any_input(case, token):
    response = case.call(headers={"Authorization": f"Bearer {token}"})
    case.validate_response(response, checks=[not_a_server_error, status_code_conformance])
