"""Signed survey links (per counter, or per dossier from the result slip), form keys, and one-way hashes.

A link carries the campaign, the counter and its link version, the last day it is valid, and optionally a dossier
code; it is signed (django.core.signing) with the survey-link key of the deployment (`SURVEYS_LINK_KEY`, with
the old keys of `SURVEYS_LINK_OLD_KEYS` still accepted during their grace period), so a forged or edited link is
refused, and it expires on its own. Dossier codes and client addresses are stored only as keyed hashes
(HMAC with SECRET_KEY): nobody can go from a response back to a dossier or a person without the key.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core import signing
from django.utils.crypto import salted_hmac

LINK_SALT = "surveys.link"
FORM_KEY_SALT = "surveys.form-key"
FORM_KEY_MAX_AGE = 24 * 3600


def link_keys(*, today: date | None = None) -> tuple[str, list[str]]:
    """The key that signs survey links and the old keys still accepted today (`SURVEYS_LINK_OLD_KEYS`)."""
    current = settings.SURVEYS_LINK_KEY or salted_hmac("surveys.link-key", "derived").hexdigest()
    if today is None:
        from django.utils import timezone

        today = timezone.localdate()
    old = []
    for entry in settings.SURVEYS_LINK_OLD_KEYS:
        key, _, until = str(entry).strip().partition("|")
        if not key:
            continue
        if until:
            try:
                if datetime.strptime(until.strip(), "%Y-%m-%d").date() < today:
                    continue
            except ValueError:
                continue  # a malformed date keeps nothing open by mistake
        old.append(key)
    return current, old


def _link_signer() -> signing.Signer:
    current, old = link_keys()
    fallbacks: list[bytes | str] = list(old)
    return signing.Signer(key=current, fallback_keys=fallbacks, salt=LINK_SALT, sep="~")


class LinkError(Exception):
    """A link that is not ours (forged, edited, truncated)."""


@dataclass(frozen=True)
class LinkData:
    campaign_id: int
    counter_id: int | None
    counter_version: int
    expires_on: date
    dossier_code: str | None = None

    @property
    def is_expired(self) -> bool:
        from django.utils import timezone

        return timezone.localdate() > self.expires_on


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _unb64(text: str) -> str:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)).decode()


def make_link_token(
    *,
    campaign_id: int,
    expires_on: date,
    counter_id: int | None = None,
    counter_version: int = 0,
    dossier_code: str | None = None,
) -> str:
    parts = [str(campaign_id), str(counter_id or 0), str(counter_version), expires_on.strftime("%Y%m%d")]
    if dossier_code:
        parts.append(_b64(normalise_dossier_code(dossier_code)))
    return _link_signer().sign(".".join(parts))


def read_link_token(token: str) -> LinkData:
    """The link's data; LinkError when the signature or the shape is wrong (expiry is checked by the caller)."""
    try:
        value = _link_signer().unsign(token)
        parts = value.split(".")
        campaign_id, counter_id, version = (int(part) for part in parts[:3])
        expires_on = datetime.strptime(parts[3], "%Y%m%d").date()
        dossier = _unb64(parts[4]) if len(parts) > 4 else None
    except (signing.BadSignature, ValueError, IndexError, binascii.Error, UnicodeDecodeError) as error:
        raise LinkError(str(error)) from error
    return LinkData(campaign_id, counter_id or None, version, expires_on, dossier or None)


def normalise_dossier_code(code: str) -> str:
    return "".join(code.split()).upper()[:64]


def dossier_hash(code: str) -> str:
    return salted_hmac("surveys.dossier", normalise_dossier_code(code), algorithm="sha256").hexdigest()


def address_hash(address: str) -> str:
    return salted_hmac("surveys.address", address, algorithm="sha256").hexdigest()


def new_form_key() -> str:
    """A key issued with the form: the retry of the same submission carries it and is not stored twice."""
    return signing.TimestampSigner(salt=FORM_KEY_SALT).sign(uuid.uuid4().hex)


def read_form_key(key: str) -> str | None:
    """The idempotency key inside a form key, or None when forged or older than a day."""
    try:
        value = signing.TimestampSigner(salt=FORM_KEY_SALT).unsign(key, max_age=FORM_KEY_MAX_AGE)
    except (signing.BadSignature, ValueError):
        return None
    return value if len(value) == 32 else None
