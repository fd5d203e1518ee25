"""Architecture guards: views and API modules reach records only through selectors and services."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_views_and_api_never_use_the_orm_directly():
    offenders = []
    for path in (
        list(ROOT.glob("apps/*/views.py"))
        + list(ROOT.glob("apps/*/views/*.py"))
        + list(ROOT.glob("apps/*/api.py"))
        + [ROOT / "config" / "api.py"]
    ):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"\.objects\.", line):
                offenders.append(f"{path.relative_to(ROOT)}:{number}")
    assert offenders == [], "Use a selector or a service instead of the ORM in: " + ", ".join(offenders)


def test_domain_never_imports_django():
    for path in ROOT.glob("domain/**/*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import)\s+(django|apps|config)\b", text, re.M), path
