"""The province tree and users of the apps' tests, for the cross-app tests too."""

from apps.conftest import make_user, tree  # noqa: F401 (fixtures)
