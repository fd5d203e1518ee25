"""Record ids and integer parameters as they arrive in URLs, query strings and forms: checked in one place.

A database integer key is a signed 64-bit number; anything else ("abc", "-1", twenty digits) is no record, and
must end as "not found" or a form error, never as a database overflow (a server error).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """A positive 64-bit id from text or a number; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    else:
        text = str(value if value is not None else "").strip()
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_int(value: object, *, lowest: int, highest: int) -> int | None:
    """A whole number within [lowest, highest] from text; None for anything else."""
    text = str(value if value is not None else "").strip()
    body = text[1:] if text[:1] in "+-" else text
    if not body.isascii() or not body.isdigit() or len(body) > 19:
        return None
    number = int(text)
    return number if lowest <= number <= highest else None


# The same rule as a type of the JSON API's inputs (paths, queries, forms, bodies): the OpenAPI description then
# states the bounds and the API answers 422, not a server error, to an id out of range.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID)]
Percent = Annotated[int, Field(ge=0, le=100)]
