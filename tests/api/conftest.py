"""The province tree and users of the apps' tests."""

from apps.conftest import make_user, tree  # noqa: F401 (fixtures)
