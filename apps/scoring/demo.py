"""Demo criteria sets (never in migrations): the two sample sets in `samples/`, a Sở's and a xã's, labelled
"Bộ tiêu chí mẫu — thay bằng quyết định của tỉnh". Built by `cchc demo`; a sample already there is left alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.db import transaction

from .models import CriteriaSet
from .services import criteria_set_load

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
SAMPLE_FILES = ("so.json", "xa.json")


def sample_data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES_DIR / name).read_text(encoding="utf-8"))
    return data


@transaction.atomic
def build_scoring_demo() -> list[str]:
    lines = []
    for name in SAMPLE_FILES:
        data = sample_data(name)
        if CriteriaSet.objects.filter(is_sample=True, level=data["level"], year=data["year"]).exists():
            continue
        created = criteria_set_load(data=data)
        lines.append(f"Đã nạp {created.name} năm {created.year} ({created.criteria.count()} tiêu chí).")
    return lines
