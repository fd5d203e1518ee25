"""JSON endpoints of decisions."""

from __future__ import annotations

from ninja import Router

router = Router()
