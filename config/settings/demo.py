"""The demo on one machine (`bash scripts/start.sh`): production behaviour over plain HTTP on loopback, with a
random key made on first start and kept in var/ (never the built-in one, which anybody can read)."""

import os
import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False


def _local_key(name: str) -> str:
    """A key of this installation, created once (readable by its owner only) and reused by every process."""
    path = VAR_DIR / name
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(50))
    return path.read_text(encoding="ascii").strip()


VAR_DIR.mkdir(parents=True, exist_ok=True)
SECRET_KEY = env.str("SECRET_KEY", default="") or _local_key("secret_key")
SURVEYS_LINK_KEY = env.str("SURVEYS_LINK_KEY", default="") or _local_key("surveys_link_key")
