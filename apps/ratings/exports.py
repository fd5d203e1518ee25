"""The agency's rating table of a period as .xlsx, in the form agencies file."""

from __future__ import annotations

from collections.abc import Sequence

from apps.organizations.models import Agency
from domain.periods import Period

from .sheets import PersonSheet


def agency_to_xlsx(agency: Agency, period: Period, sheets: Sequence[PersonSheet]) -> bytes:
    raise NotImplementedError
