"""Fixtures for feedback tests: the demo agencies."""

from apps.plans.tests.conftest import demo_org  # noqa: F401 (re-exported fixture)
