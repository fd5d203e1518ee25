"""Fixtures for indicator tests: the demo agencies and seed plans."""

from apps.plans.tests.conftest import demo_org, import_seed  # noqa: F401 (re-exported fixtures)
